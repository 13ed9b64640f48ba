//! The assistant's questions: one [`Step`] per page and what kind of answer each takes (their
//! validation is in [`super::validate`]).

use serde::{Deserialize, Serialize};

use crate::domain::readiness::EEA_COUNTRIES;
use crate::domain::submission::{ContactBy, Relationship};

/// The sectors a person can choose from when the organisation is not in the directory, with
/// `not_sure` (policy §3: unknown sectors stay on the sift list or in staging).
pub const SECTOR_CHOICES: &[&str] = &[
    "telecoms",
    "direct_marketing",
    "lenders",
    "credit_reference_agencies",
    "general_business",
    "motor_industry",
    "finance",
    "central_government",
    "local_government",
    "police",
    "criminal_justice",
    "education",
    "health",
    "charity",
    "transport",
    "regulator",
    "leisure",
    "environment",
    "not_sure",
];

/// One question page of the assistant, in the order the questions can be asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    About,
    Channel,
    AdvertisedNumber,
    IncidentOn,
    ConsentNamed,
    Organisation,
    OrganisationCountry,
    EeaCountry,
    ProcessedInUk,
    PublicAuthority,
    ScottishAuthority,
    Raised,
    Exceptions,
    RaisedOn,
    Responded,
    ResponseOn,
    Review,
    ReviewOn,
    ReviewAnswered,
    ReviewOutcomeOn,
    // FOI/EIR in depth (issue 19 part 3): when the authority refused to carry out a review.
    ReviewRefusedOn,
    LastContact,
    Documents,
    // Requests about the regulator itself (issue 19): written advice and information the
    // regulator holds, asked before the verdict.
    /// Written advice: for themselves or for an organisation.
    AdviceFor,
    /// Information from the regulator: an FOI/EIR request or a subject access request.
    InformationKind,
    // Handing the concern in (after a ready or late verdict).
    ActingFor,
    TheirName,
    Relationship,
    OrganisationMatch,
    Sector,
    Summary,
    Timeline,
    Harm,
    /// What the person would like to happen (the verdicts promise to ask it).
    Wanted,
    LateReason,
    Evidence,
    YourName,
    Email,
    Phone,
    Address,
    ContactBy,
    Adjustments,
    ReplyInWelsh,
    // FOI/EIR in depth (issue 19 part 3): the request complained about, asked when handing in
    // (s50 guidance: what was asked for, what the authority did, what it withheld).
    InformationRequested,
    AuthorityAction,
    RefusalGrounds,
    Withheld,
    // Requests about the regulator itself (issue 19), asked when handing a service complaint in.
    /// The reference of the case a service complaint is about (optional, check character).
    OriginalReference,
}

/// What kind of form control a step shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerKind {
    Radios(&'static [&'static str]),
    Select(&'static [&'static str]),
    Date {
        optional: bool,
    },
    Text {
        optional: bool,
        max: usize,
    },
    Checkboxes,
    /// Several lines of text, with a character count.
    TextArea {
        optional: bool,
        max: usize,
    },
    /// A page of its own (organisation search, timeline, uploads).
    Custom,
}

/// The answer to [`Step::PublicAuthority`] the organisation directory gave, not the person (who
/// cannot post it): the organisation named is listed there as a public authority, so the
/// question is not asked.
pub const LISTED: &str = "listed";

const YES_NO: &[&str] = &["yes", "no"];
const YES_NO_NOT_SURE: &[&str] = &["yes", "no", "not_sure"];

impl Step {
    pub const ALL: &'static [Step] = &[
        Step::About,
        Step::Channel,
        Step::AdvertisedNumber,
        Step::IncidentOn,
        Step::ConsentNamed,
        Step::Organisation,
        Step::OrganisationCountry,
        Step::EeaCountry,
        Step::ProcessedInUk,
        Step::PublicAuthority,
        Step::ScottishAuthority,
        Step::Raised,
        Step::Exceptions,
        Step::RaisedOn,
        Step::Responded,
        Step::ResponseOn,
        Step::Review,
        Step::ReviewOn,
        Step::ReviewAnswered,
        Step::ReviewOutcomeOn,
        Step::ReviewRefusedOn,
        Step::LastContact,
        Step::Documents,
        Step::OriginalReference,
        Step::AdviceFor,
        Step::InformationKind,
        Step::ActingFor,
        Step::TheirName,
        Step::Relationship,
        Step::OrganisationMatch,
        Step::Sector,
        Step::Summary,
        Step::Timeline,
        Step::Harm,
        Step::Wanted,
        Step::LateReason,
        Step::Evidence,
        Step::YourName,
        Step::Email,
        Step::Phone,
        Step::Address,
        Step::ContactBy,
        Step::Adjustments,
        Step::ReplyInWelsh,
        Step::InformationRequested,
        Step::AuthorityAction,
        Step::RefusalGrounds,
        Step::Withheld,
    ];

    /// The page's path segment.
    pub fn slug(self) -> &'static str {
        match self {
            Step::About => "about",
            Step::Channel => "channel",
            Step::AdvertisedNumber => "advertised-number",
            Step::IncidentOn => "incident-on",
            Step::ConsentNamed => "consent-named",
            Step::Organisation => "organisation",
            Step::OrganisationCountry => "organisation-country",
            Step::EeaCountry => "eea-country",
            Step::ProcessedInUk => "processed-in-uk",
            Step::PublicAuthority => "public-authority",
            Step::ScottishAuthority => "scottish-authority",
            Step::Raised => "raised",
            Step::Exceptions => "exceptions",
            Step::RaisedOn => "raised-on",
            Step::Responded => "responded",
            Step::ResponseOn => "response-on",
            Step::Review => "review",
            Step::ReviewOn => "review-on",
            Step::ReviewAnswered => "review-answered",
            Step::ReviewOutcomeOn => "review-outcome-on",
            Step::ReviewRefusedOn => "review-refused-on",
            Step::LastContact => "last-contact",
            Step::Documents => "documents",
            Step::OriginalReference => "original-reference",
            Step::AdviceFor => "advice-for",
            Step::InformationKind => "information-kind",
            Step::ActingFor => "acting-for",
            Step::TheirName => "their-name",
            Step::Relationship => "relationship",
            Step::OrganisationMatch => "organisation-match",
            Step::Sector => "sector",
            Step::Summary => "summary",
            Step::Timeline => "timeline",
            Step::Harm => "harm",
            Step::Wanted => "what-you-want",
            Step::LateReason => "late-reason",
            Step::Evidence => "evidence",
            Step::YourName => "your-name",
            Step::Email => "email",
            Step::Phone => "phone",
            Step::Address => "address",
            Step::ContactBy => "contact-by",
            Step::Adjustments => "adjustments",
            Step::ReplyInWelsh => "reply-in-welsh",
            Step::InformationRequested => "information-requested",
            Step::AuthorityAction => "authority-action",
            Step::RefusalGrounds => "exemptions",
            Step::Withheld => "withheld",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Step> {
        Step::ALL.iter().copied().find(|step| step.slug() == slug)
    }

    pub fn kind(self) -> AnswerKind {
        match self {
            Step::About => AnswerKind::Radios(&[
                "subject_access",
                "data_protection",
                "cctv_household",
                "credit_file",
                "foi",
                "eir",
                "marketing",
                "service_complaint",
                "written_advice",
                "our_information",
            ]),
            Step::Channel => AnswerKind::Radios(&[
                "sms",
                "live_call",
                "automated_call",
                "silent_call",
                "email",
                "fax",
                "scam",
            ]),
            Step::AdvertisedNumber => AnswerKind::Text {
                optional: true,
                max: 30,
            },
            Step::Organisation => AnswerKind::Text {
                optional: false,
                max: 200,
            },
            Step::OrganisationCountry => AnswerKind::Radios(&["uk", "eea", "elsewhere"]),
            Step::EeaCountry => AnswerKind::Select(&EEA_COUNTRIES),
            Step::ProcessedInUk | Step::PublicAuthority | Step::ScottishAuthority => {
                AnswerKind::Radios(YES_NO_NOT_SURE)
            }
            Step::Exceptions => AnswerKind::Radios(&["whistleblower", "serious", "neither"]),
            Step::ConsentNamed | Step::Raised | Step::Responded => AnswerKind::Radios(YES_NO),
            Step::Review => AnswerKind::Radios(&["yes", "no", super::foi::NO_PROCEDURE]),
            Step::ReviewAnswered => AnswerKind::Radios(&["yes", "no", super::foi::REFUSED]),
            Step::IncidentOn
            | Step::RaisedOn
            | Step::ResponseOn
            | Step::ReviewOn
            | Step::ReviewOutcomeOn
            | Step::ReviewRefusedOn => AnswerKind::Date { optional: false },
            Step::LastContact => AnswerKind::Date { optional: true },
            Step::Documents => AnswerKind::Checkboxes,
            Step::ActingFor => AnswerKind::Radios(&["myself", "someone_else"]),
            Step::TheirName | Step::YourName => AnswerKind::Text {
                optional: false,
                max: 100,
            },
            Step::Relationship => AnswerKind::Radios(Relationship::codes()),
            Step::Sector => AnswerKind::Select(SECTOR_CHOICES),
            Step::Summary | Step::Harm => AnswerKind::TextArea {
                optional: false,
                max: 2000,
            },
            Step::Wanted => AnswerKind::TextArea {
                optional: false,
                max: 1000,
            },
            Step::LateReason => AnswerKind::TextArea {
                optional: false,
                max: 1000,
            },
            Step::Address => AnswerKind::TextArea {
                optional: true,
                max: 500,
            },
            Step::Adjustments => AnswerKind::TextArea {
                optional: true,
                max: 1000,
            },
            Step::Email => AnswerKind::Text {
                optional: false,
                max: 254,
            },
            Step::Phone => AnswerKind::Text {
                optional: true,
                max: 30,
            },
            Step::ContactBy => AnswerKind::Radios(ContactBy::codes()),
            Step::ReplyInWelsh => AnswerKind::Radios(YES_NO),
            Step::OrganisationMatch | Step::Timeline | Step::Evidence => AnswerKind::Custom,
            Step::InformationRequested | Step::Withheld => AnswerKind::TextArea {
                optional: false,
                max: 2000,
            },
            Step::AuthorityAction => AnswerKind::Radios(super::foi::AUTHORITY_ACTIONS),
            Step::RefusalGrounds => AnswerKind::Checkboxes,
            Step::OriginalReference => AnswerKind::Text {
                optional: true,
                max: 30,
            },
            Step::AdviceFor => AnswerKind::Radios(&["myself", "organisation"]),
            Step::InformationKind => AnswerKind::Radios(&["foi", "subject_access"]),
        }
    }

    /// Whether the step is asked after the verdict, to hand the concern in.
    pub fn is_submission(self) -> bool {
        self >= Step::ActingFor
    }

    /// The id of the first form control, for the error summary's link.
    pub fn field_id(self) -> String {
        match self.kind() {
            AnswerKind::Date { .. } => format!("{}-day", self.slug()),
            _ => self.slug().to_owned(),
        }
    }
}
