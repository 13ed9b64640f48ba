//! What the readiness rules read (a [`Concern`]) and what they answer (an [`Assessment`]).

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::codes::{CaseType, Channel, DocumentKind, Reason, Route, Signpost, Verdict};

/// The organisation, public authority or agency the concern is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Organisation {
    /// Its name, as the person gave it.
    pub name: Option<String>,
    /// Where it is based: ISO 3166-1 alpha-2, uppercase (default `GB`).
    pub country: String,
    /// foi/eir: whether it is a public authority (`None`: unknown, not a reason to stop).
    pub public_authority: Option<bool>,
    /// foi/eir: a Scottish public authority.
    pub scottish_public_authority: bool,
    /// Its sector code, for routing (policy.md §3).
    pub sector: Option<String>,
}

impl Default for Organisation {
    fn default() -> Self {
        Organisation {
            name: None,
            country: "GB".to_owned(),
            public_authority: None,
            scottish_public_authority: false,
            sector: None,
        }
    }
}

/// A person's concern, as the public assistant, the helpline or an outside service describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Concern {
    /// What the concern is about.
    pub route: Route,
    /// Who it is about.
    #[serde(default)]
    pub organisation: Organisation,
    /// data_protection with an EEA organisation: whether the data is processed in the UK.
    #[serde(default)]
    pub data_processed_in_uk: Option<bool>,
    /// data_protection: the concern is about a subject access request.
    #[serde(default)]
    pub subject_access: bool,
    /// When the person raised it with the organisation, made the information request, or asked
    /// the credit reference agency.
    #[serde(default)]
    pub raised_on: Option<NaiveDate>,
    /// When the organisation, authority or agency answered (`None`: no answer yet).
    #[serde(default)]
    pub response_on: Option<NaiveDate>,
    /// foi/eir: when the person asked for an internal review.
    #[serde(default)]
    pub internal_review_requested_on: Option<NaiveDate>,
    /// foi/eir: when the internal review outcome arrived.
    #[serde(default)]
    pub internal_review_outcome_on: Option<NaiveDate>,
    /// Any later meaningful contact.
    #[serde(default)]
    pub last_contact_on: Option<NaiveDate>,
    /// data_protection: the person is a whistle-blower.
    #[serde(default)]
    pub whistleblower: bool,
    /// data_protection: the matter is serious or affects many people.
    #[serde(default)]
    pub serious_or_many_affected: bool,
    /// cctv_household: whether the person consents to being named to the operator.
    #[serde(default)]
    pub consent_to_be_named: Option<bool>,
    /// marketing: how it reached the person.
    #[serde(default)]
    pub channel: Option<Channel>,
    /// marketing: a number the call or message told the person to ring.
    #[serde(default)]
    pub advertised_number: Option<String>,
    /// service_complaint: the date of the incident complained about.
    #[serde(default)]
    pub incident_on: Option<NaiveDate>,
    /// breach: when the organisation became aware.
    #[serde(default)]
    pub aware_at: Option<DateTime<FixedOffset>>,
    /// breach: when the report is made (`None`: now).
    #[serde(default)]
    pub reported_at: Option<DateTime<FixedOffset>>,
    /// What the person has ready to upload (`None`: not checked).
    #[serde(default)]
    pub documents: Option<Vec<DocumentKind>>,
}

impl Concern {
    /// A concern on `route` with every other answer left at its default.
    pub fn new(route: Route) -> Self {
        Concern {
            route,
            organisation: Organisation::default(),
            data_processed_in_uk: None,
            subject_access: false,
            raised_on: None,
            response_on: None,
            internal_review_requested_on: None,
            internal_review_outcome_on: None,
            last_contact_on: None,
            whistleblower: false,
            serious_or_many_affected: false,
            consent_to_be_named: None,
            channel: None,
            advertised_number: None,
            incident_on: None,
            aware_at: None,
            reported_at: None,
            documents: None,
        }
    }

    /// The last meaningful contact: the latest of raised_on, response_on, the internal review
    /// dates and last_contact_on.
    pub fn last_meaningful_contact(&self) -> Option<NaiveDate> {
        [
            self.raised_on,
            self.response_on,
            self.internal_review_requested_on,
            self.internal_review_outcome_on,
            self.last_contact_on,
        ]
        .into_iter()
        .flatten()
        .max()
    }
}

/// The readiness answer, serialized exactly as the contract's `200` response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    /// The verdict of the rules that fired, by precedence.
    pub verdict: Verdict,
    /// The intake case type (`None` for not_for_us and report_instead).
    pub case_type: Option<CaseType>,
    /// Every rule that fired, in the contract's order.
    pub reasons: Vec<Reason>,
    /// The organisation's deadline the rules used (response or internal review).
    pub response_due: Option<NaiveDate>,
    /// With awaiting_response or internal_review_pending: the day after that deadline.
    pub can_complain_from: Option<NaiveDate>,
    /// The last day to complain without explaining a delay.
    pub complain_by: Option<NaiveDate>,
    /// The documents this route and these answers need, in the contract's order.
    pub required_documents: Vec<DocumentKind>,
    /// Required documents the person does not have ready (empty when not checked).
    pub missing_documents: Vec<DocumentKind>,
    /// Where to send the person instead.
    pub signpost: Option<Signpost>,
}

impl Assessment {
    /// The answer when a not_for_us or report_instead rule stops evaluation: that reason only.
    pub(crate) fn stopped(reason: Reason, signpost: Option<Signpost>) -> Self {
        Assessment {
            verdict: reason.verdict(),
            case_type: None,
            reasons: vec![reason],
            response_due: None,
            can_complain_from: None,
            complain_by: None,
            required_documents: Vec::new(),
            missing_documents: Vec::new(),
            signpost,
        }
    }
}
