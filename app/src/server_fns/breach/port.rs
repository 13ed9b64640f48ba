//! What the server provides for breach reports: drafts kept server-side (and the emailed links
//! that open one), and sending a finished report into the casework backend as a COM case.
//!
//! Times are Unix seconds passed in by the caller, so expiry is tested without waiting.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::domain::breach::{BreachReport, SelfAssessment};
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

    /// Records an emailed link to the draft: only the SHA-256 of its token is kept.
    async fn add_resume_link(
        &self,
        draft_id: &str,
        token_hash: &str,
        expires_at: i64,
    ) -> Result<(), StoreError>;

    /// The draft a link opens, using the link up: an unknown, used, expired link, or one whose
    /// draft has expired, opens nothing.
    async fn use_resume_link(
        &self,
        token_hash: &str,
        now: i64,
    ) -> Result<Option<String>, StoreError>;

    /// Deletes expired drafts (and their links); returns how many.
    async fn sweep_drafts(&self, now: i64) -> Result<u64, StoreError>;
}
