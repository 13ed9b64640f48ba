//! What the server provides for breach reports: drafts kept server-side (and the emailed links
//! that open one), and sending a finished report into the casework backend as a COM case.
//!
//! Times are Unix seconds passed in by the caller, so expiry is tested without waiting.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::domain::breach::{BreachReport, SelfAssessment, TriageMove};
use crate::domain::case::{Priority, Sector, WorkQueue};
use crate::domain::submission::CaseReceipt;
use crate::ports::{IntakeError, StoreError};

/// A finished report to hand in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BreachSubmission {
    /// A repeated send (double click, retry) finds the case the first one made.
    pub idempotency_key: String,
    pub created_on: NaiveDate,
    /// When it was sent, Europe/London wall-clock time.
    pub submitted_at: NaiveDateTime,
    pub assessment: SelfAssessment,
    pub report: BreachReport,
    /// Sent more than 72 hours after the organisation became aware.
    pub reported_late: bool,
    /// The person was using the pages in Welsh: the emails this sends are written in Welsh.
    #[serde(default)]
    pub reply_in_welsh: bool,
}

/// The emailed link that reopens a draft (the token itself is never stored).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResumeEmail {
    pub to: String,
    pub link: String,
    /// The last day the link works.
    pub expires_on: NaiveDate,
    /// The person was using the pages in Welsh: the emails this sends are written in Welsh.
    #[serde(default)]
    pub reply_in_welsh: bool,
}

/// More information about a reported breach, added to its case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub reference: String,
    /// The reporter's email address, as given in the report: it must match.
    pub email: String,
    pub text: String,
    pub at: NaiveDateTime,
    /// The person was using the pages in Welsh: the emails this sends are written in Welsh.
    #[serde(default)]
    pub reply_in_welsh: bool,
}

/// A reported breach as the Enforcement triage sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TriageCase {
    pub reference: String,
    pub created_on: NaiveDate,
    pub submitted_at: Option<NaiveDateTime>,
    pub work_queue: Option<WorkQueue>,
    pub priority: Option<Priority>,
    pub assign_by: NaiveDate,
    pub sector: Option<Sector>,
    pub report: BreachReport,
    pub reported_late: bool,
    /// How many follow-ups the organisation has added.
    pub follow_ups: usize,
}

/// A triage decision to record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TriageDecision {
    pub reference: String,
    pub to: TriageMove,
    pub work_queue: WorkQueue,
    pub priority: Priority,
    pub assign_by: NaiveDate,
    /// The staff member's email address.
    pub actor: String,
    /// The day of the decision: the triage is a self-reported incident's sift.
    pub decided_on: NaiveDate,
}

#[async_trait::async_trait]
pub trait BreachReports: Send + Sync {
    /// Stores the report as a COM case (work queue 3, priority high) with its parties, a
    /// `submitted` event and the emailed copy, in one transaction.
    async fn submit(&self, submission: BreachSubmission) -> Result<CaseReceipt, IntakeError>;

    /// A new draft; returns its id (random, 128 bits).
    async fn create_draft(
        &self,
        draft: &serde_json::Value,
        now: i64,
        expires_at: i64,
    ) -> Result<String, StoreError>;

    /// The draft, unless it is unknown or has expired.
    async fn load_draft(&self, id: &str, now: i64)
        -> Result<Option<serde_json::Value>, StoreError>;

    /// Replaces the draft and moves its expiry; false if it is unknown or has expired.
    async fn save_draft(
        &self,
        id: &str,
        draft: &serde_json::Value,
        now: i64,
        expires_at: i64,
    ) -> Result<bool, StoreError>;

    /// Deletes the draft and its links (once sent, or when the organisation abandons it).
    async fn delete_draft(&self, id: &str) -> Result<(), StoreError>;

    /// Records an emailed link to the draft (only the SHA-256 of its token is kept) and queues
    /// the email that carries it, in one transaction.
    async fn add_resume_link(
        &self,
        draft_id: &str,
        token: &str,
        expires_at: i64,
        email: &ResumeEmail,
    ) -> Result<(), StoreError>;

    /// The draft a link opens, using the link up: an unknown, used, expired link, or one whose
    /// draft has expired, opens nothing.
    async fn use_resume_link(&self, token: &str, now: i64) -> Result<Option<String>, StoreError>;

    /// Deletes expired drafts (and their links); returns how many.
    async fn sweep_drafts(&self, now: i64) -> Result<u64, StoreError>;

    /// Adds a follow-up to the breach case with this reference, if the email address is the
    /// reporter's: an event on its history and an acknowledgement email. False (and nothing
    /// stored) when there is no such breach case or the address does not match.
    async fn follow_up(&self, follow_up: &FollowUp) -> Result<bool, StoreError>;

    /// The breach reports that arrived on `day`.
    async fn triage_list(&self, day: NaiveDate) -> Result<Vec<TriageCase>, StoreError>;

    /// The case with this reference, if it is a breach report.
    async fn triage_case(&self, reference: &str) -> Result<Option<TriageCase>, StoreError>;

    /// Moves the case as decided and records a `triaged` event; false if it is not a breach case.
    async fn triage_move(&self, decision: &TriageDecision) -> Result<bool, StoreError>;
}
