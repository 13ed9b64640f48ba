//! Breach reports into the casework backend ([`BreachStore`]): a finished report becomes a COM
//! case (work queue 3, priority high, assigned within 5 working days: policy.md §2–§4) with the
//! organisation and the reporter as parties, a `submitted` event, and the copy of the answers
//! emailed to the reporter — one transaction, once per idempotency key. Drafts and the links
//! that reopen them are kept in the database, so any portal process can serve any request.

use std::sync::Arc;

use app::domain::breach::missing_parts;
use app::domain::calendar::Calendar;
use app::domain::case::{
    plan_intake, CaseKind, CaseSettings, IntakeChannel, NewCase, SiftInput, SiftText,
};
use app::ports::{
    BreachReports, BreachSubmission, CaseReceipt, FollowUp, IntakeError, ResumeEmail, StoreError,
    TriageCase, TriageDecision,
};
use chrono::NaiveDate;
use serde_json::json;

mod cases;

use crate::auth::sha256_hex;
use crate::db::{CaseStoreError, Database, NewEvent, NewParty, Submission};

/// Breach reports backed by the database.
pub struct BreachStore {
    pub database: Database,
    pub calendar: Arc<Calendar>,
    pub settings: CaseSettings,
}

fn store_error(error: CaseStoreError) -> StoreError {
    StoreError(error.to_string())
}

/// The case's parties: the organisation that had the breach, and who to contact about it.
fn parties(submission: &BreachSubmission) -> Result<Vec<NewParty>, IntakeError> {
    let report = &submission.report;
    let (Some(organisation), Some(contact)) = (&report.organisation, &report.contact) else {
        return Err(IntakeError::NotEligible("incomplete".to_owned()));
    };
    Ok(vec![
        NewParty {
            role: "organisation".to_owned(),
            name: organisation.name.clone(),
            email: None,
            phone: None,
            details: json!({
                "registration_number": organisation.registration_number,
                "sector": organisation.sector,
                "size": organisation.size,
            }),
        },
        NewParty {
            role: "reporter".to_owned(),
            name: contact.name.clone(),
            email: Some(contact.email.clone()),
            phone: Some(contact.phone.clone()),
            details: json!({ "contact_role": contact.role, "job_title": contact.job_title }),
        },
    ])
}

/// The sift reads what happened, so a report that mentions a potential criminal breach or the
/// Welsh language is flagged like any other case.
fn sift_input(submission: &BreachSubmission) -> SiftInput {
    let report = &submission.report;
    let mut texts = Vec::new();
    if let Some(what) = &report.what_happened {
        texts.push(SiftText::named(
            "breach_what_happened",
            &[],
            &what.description,
        ));
        texts.push(SiftText::named(
            "breach_how_found",
            &[],
            &what.how_discovered,
        ));
    }
    if let Some(consequences) = &report.consequences {
        texts.push(SiftText::named(
            "breach_consequences",
            &[],
            &consequences.description,
        ));
    }
    SiftInput {
        reply_in_welsh: false,
        texts,
        organisation_name: report.organisation.as_ref().map(|o| o.name.clone()),
        customer_is_staff: false,
    }
}

#[async_trait::async_trait]
impl BreachReports for BreachStore {
    async fn submit(&self, submission: BreachSubmission) -> Result<CaseReceipt, IntakeError> {
        let missing = missing_parts(&submission.report);
        if !missing.is_empty() {
            return Err(IntakeError::NotEligible(format!(
                "parts not answered: {}",
                missing
                    .iter()
                    .map(|part| part.code())
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
        let report = &submission.report;
        let organisation = report.organisation.as_ref();
        let sector = organisation.and_then(|o| o.sector);
        let new = NewCase {
            case_type: CaseKind::Com,
            channel: IntakeChannel::Web,
            sector,
            sift: sift_input(&submission),
        };
        let plan = plan_intake(&new, submission.created_on, &self.calendar, &self.settings)
            .map_err(|error| IntakeError::Failed(format!("planning intake: {error}")))?;
        let contact = report.contact.as_ref();
        let stored = Submission {
            idempotency_key: Some(submission.idempotency_key.clone()),
            channel: IntakeChannel::Web.code(),
            created_on: submission.created_on,
            organisation_name: organisation.map(|o| o.name.clone()),
            sector: sector.map(|s| s.code().to_owned()),
            answers: json!({
                "breach": report,
                "self_assessment": submission.assessment,
                "reported_late": submission.reported_late,
                "submitted_at": submission.submitted_at,
                "reply_in_welsh": submission.reply_in_welsh,
            }),
            parties: parties(&submission)?,
            documents: Vec::new(),
            plan,
            acknowledgement: json!({
                "to": contact.map(|c| c.email.clone()),
                "name": contact.map(|c| c.name.clone()),
                "submitted_at": submission.submitted_at,
                "assessment": submission.assessment,
                "report": report,
                "reported_late": submission.reported_late,
                "reply_in_welsh": submission.reply_in_welsh,
            }),
            message_kind: "breach_copy",
            events: vec![NewEvent {
                actor: "reporter".to_owned(),
                kind: "submitted".to_owned(),
                details: json!({ "reported_late": submission.reported_late }),
            }],
            complaint_about: None,
        };
        self.database
            .submit_case(&stored)
            .await
            .map_err(|error| IntakeError::Failed(format!("storing the breach report: {error}")))
    }

    async fn create_draft(
        &self,
        draft: &serde_json::Value,
        now: i64,
        expires_at: i64,
    ) -> Result<String, StoreError> {
        self.database
            .create_breach_draft(draft, now, expires_at)
            .await
            .map_err(store_error)
    }

    async fn load_draft(
        &self,
        id: &str,
        now: i64,
    ) -> Result<Option<serde_json::Value>, StoreError> {
        self.database
            .load_breach_draft(id, now)
            .await
            .map_err(store_error)
    }

    async fn save_draft(
        &self,
        id: &str,
        draft: &serde_json::Value,
        now: i64,
        expires_at: i64,
    ) -> Result<bool, StoreError> {
        self.database
            .save_breach_draft(id, draft, now, expires_at)
            .await
            .map_err(store_error)
    }

    async fn delete_draft(&self, id: &str) -> Result<(), StoreError> {
        self.database
            .delete_breach_draft(id)
            .await
            .map_err(store_error)
    }

    async fn add_resume_link(
        &self,
        draft_id: &str,
        token: &str,
        expires_at: i64,
        email: &ResumeEmail,
    ) -> Result<(), StoreError> {
        let email = serde_json::to_value(email).map_err(|error| StoreError(error.to_string()))?;
        self.database
            .add_breach_resume_link(draft_id, &sha256_hex(token), expires_at, &email)
            .await
            .map_err(store_error)
    }

    async fn use_resume_link(&self, token: &str, now: i64) -> Result<Option<String>, StoreError> {
        self.database
            .use_breach_resume_link(&sha256_hex(token), now)
            .await
            .map_err(store_error)
    }

    async fn sweep_drafts(&self, now: i64) -> Result<u64, StoreError> {
        self.database
            .sweep_breach_drafts(now)
            .await
            .map_err(store_error)
    }

    async fn follow_up(&self, follow_up: &FollowUp) -> Result<bool, StoreError> {
        cases::follow_up(&self.database, follow_up)
            .await
            .map_err(store_error)
    }

    async fn triage_list(&self, day: NaiveDate) -> Result<Vec<TriageCase>, StoreError> {
        let rows = self
            .database
            .breach_cases_on(day)
            .await
            .map_err(store_error)?;
        Ok(rows.iter().filter_map(cases::triage_case).collect())
    }

    async fn triage_case(&self, reference: &str) -> Result<Option<TriageCase>, StoreError> {
        let row = self
            .database
            .breach_case(reference)
            .await
            .map_err(store_error)?;
        Ok(row.as_ref().and_then(cases::triage_case))
    }

    async fn triage_move(&self, decision: &TriageDecision) -> Result<bool, StoreError> {
        cases::triage_move(&self.database, decision)
            .await
            .map_err(store_error)
    }
}
