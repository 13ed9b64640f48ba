//! The casework backend's front door ([`CaseIntake`]): a concern handed in on the web or by the
//! API becomes a case with its intake plan (work queue, priority, service levels, sift flags),
//! parties, documents and acknowledgement, stored in one transaction.

use std::sync::Arc;

use app::domain::calendar::Calendar;
use app::domain::case::{plan_intake, CaseEventKind, CaseKind, CaseSettings, IntakeChannel};
use app::domain::readiness::{Route, Verdict};
use app::domain::submission::{new_case, CaseDetails};
use app::ports::{CaseIntake, CaseReceipt, HandIn, IntakeError};
use serde_json::json;

use crate::db::{Database, NewEvent, NewParty, Submission};

/// Intake backed by the database.
pub struct Intake {
    pub database: Database,
    pub calendar: Arc<Calendar>,
    pub settings: CaseSettings,
    /// The "follow your case" link put in the acknowledgement (Track my case), if any.
    pub track_links: Option<TrackLinks>,
}

/// Where the acknowledgement's one-use "follow your case" link points, and for how long it works.
#[derive(Debug, Clone)]
pub struct TrackLinks {
    /// `PORTAL_PUBLIC_URL`.
    pub public_url: String,
    pub days: i64,
}

impl TrackLinks {
    /// A fresh link's fields for the acknowledgement: the link itself (sent, then scrubbed from
    /// the outbox), and the SHA-256 of its token with its expiry (stored by `submit_case`).
    fn fields(&self) -> Result<serde_json::Value, crate::db::CaseStoreError> {
        let token = format!("{}{}", crate::case::new_id()?, crate::case::new_id()?);
        let expires_at = chrono::Utc::now().timestamp() + self.days.saturating_mul(86_400);
        Ok(json!({
            "track_link": format!("{}/track/link/{token}", self.public_url.trim_end_matches('/')),
            "track_token_hash": crate::auth::sha256_hex(&token),
            "track_expires_at": expires_at,
            "track_link_days": self.days,
        }))
    }
}

/// The case type a concern with this assessment gets, if it can be handed in by `channel`.
///
/// Ready and late concerns take the assessment's case type. Marketing is reported with the
/// nuisance tool on the web, but arrives as an ELE case by any other channel (policy §2).
pub fn eligible_case_type(hand_in: &HandIn) -> Result<CaseKind, IntakeError> {
    let assessment = &hand_in.assessment;
    match (assessment.verdict, assessment.case_type) {
        // A request for our own information is IRQ, which the readiness contract has no code for.
        (Verdict::Ready | Verdict::Late, Some(case_type)) => {
            Ok(hand_in.case_kind.unwrap_or(case_type.into()))
        }
        (Verdict::ReportInstead, _)
            if hand_in.concern.route == Route::Marketing
                && hand_in.channel != IntakeChannel::Web =>
        {
            Ok(CaseKind::Ele)
        }
        (verdict, _) => Err(IntakeError::NotEligible(verdict.code().to_owned())),
    }
}

/// The case's parties: the customer (and their representative, when someone acts for them) and
/// the organisation.
fn parties(details: &CaseDetails) -> Vec<NewParty> {
    let customer = &details.customer;
    let contact = json!({
        "address": customer.address,
        "contact_by": customer.contact_by,
        "adjustments": customer.adjustments,
        "reply_in_welsh": customer.reply_in_welsh,
    });
    let mut parties = Vec::new();
    match &details.acting_for {
        Some(acting) => {
            parties.push(NewParty {
                role: "customer".to_owned(),
                name: acting.name.clone(),
                email: None,
                phone: None,
                details: json!({ "represented_by": customer.name }),
            });
            let mut details = contact;
            details["relationship"] = json!(acting.relationship);
            parties.push(NewParty {
                role: "representative".to_owned(),
                name: customer.name.clone(),
                email: Some(customer.email.clone()),
                phone: customer.phone.clone(),
                details,
            });
        }
        None => parties.push(NewParty {
            role: "customer".to_owned(),
            name: customer.name.clone(),
            email: Some(customer.email.clone()),
            phone: customer.phone.clone(),
            details: contact,
        }),
    }
    // A request about the regulator itself (RCC, ENQ, IRQ) names no organisation.
    if details.organisation.name.trim().is_empty() {
        return parties;
    }
    parties.push(NewParty {
        role: "organisation".to_owned(),
        name: details.organisation.name.clone(),
        email: None,
        phone: None,
        details: json!({
            "directory_id": details.organisation.id,
            "sector": details.organisation.sector,
        }),
    });
    parties
}

impl Intake {
    /// The new case's first events: handed in and, for a complaint about a case of ours, the
    /// link to that case (with its type, when it exists); and that case's id, when it exists.
    async fn intake_events(
        &self,
        hand_in: &HandIn,
    ) -> Result<(Vec<NewEvent>, Option<String>), IntakeError> {
        let mut events = vec![NewEvent {
            actor: "customer".to_owned(),
            kind: "submitted".to_owned(),
            details: json!({ "channel": hand_in.channel.code() }),
        }];
        let mut original = None;
        if let Some(reference) = &hand_in.related_reference {
            let found = self.database.case_row(reference).await.map_err(|error| {
                IntakeError::Failed(format!("finding the related case: {error}"))
            })?;
            original = found.as_ref().map(|row| row.id.clone());
            events.push(NewEvent {
                actor: "customer".to_owned(),
                kind: CaseEventKind::RelatesTo.code().to_owned(),
                details: json!({
                    "reference": reference,
                    "found": found.is_some(),
                    "case_type": found.map(|row| row.record.case_type.code()),
                }),
            });
        }
        Ok((events, original))
    }
}

#[async_trait::async_trait]
impl CaseIntake for Intake {
    async fn hand_in(&self, hand_in: HandIn) -> Result<CaseReceipt, IntakeError> {
        let case_type = eligible_case_type(&hand_in)?;
        let details = &hand_in.details;
        let new = new_case(case_type, hand_in.channel, details);
        let plan = plan_intake(&new, hand_in.created_on, &self.calendar, &self.settings)
            .map_err(|error| IntakeError::Failed(format!("planning intake: {error}")))?;
        let track = match (&self.track_links, details.customer.email.trim().is_empty()) {
            (Some(links), false) => Some(
                links
                    .fields()
                    .map_err(|error| IntakeError::Failed(format!("a track link: {error}")))?,
            ),
            _ => None,
        };
        let levels = plan.service_levels;
        let (events, complaint_about) = self.intake_events(&hand_in).await?;
        let submission = Submission {
            idempotency_key: hand_in.idempotency_key.clone(),
            channel: hand_in.channel.code(),
            created_on: hand_in.created_on,
            organisation_name: Some(details.organisation.name.clone())
                .filter(|name| !name.trim().is_empty()),
            sector: details.organisation.sector.map(|s| s.code().to_owned()),
            answers: json!({
                "concern": hand_in.concern,
                "assessment": hand_in.assessment,
                "details": details,
                "answers": hand_in.answers,
            }),
            parties: parties(details),
            documents: details.evidence.clone(),
            plan,
            acknowledgement: {
                let mut acknowledgement = json!({
                    "to": details.customer.email,
                    "name": details.customer.name,
                    "reply_in_welsh": details.customer.reply_in_welsh,
                    "copy": hand_in.copy,
                    // The clock the acknowledgement states for requests about us (issue 19).
                    "case_type": case_type.code(),
                    "assign_by": levels.assign_by,
                    "close_by": levels.close_by,
                });
                if let (Some(fields), Some(object)) = (track, acknowledgement.as_object_mut()) {
                    object.extend(fields.as_object().cloned().unwrap_or_default());
                }
                acknowledgement
            },
            message_kind: "acknowledgement",
            events,
            complaint_about,
        };
        self.database
            .submit_case(&submission)
            .await
            .map_err(|error| IntakeError::Failed(format!("storing the case: {error}")))
    }
}
