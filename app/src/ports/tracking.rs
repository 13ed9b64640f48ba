//! What the server provides for "Track my case" (issue 21): opening a case with its reference
//! and the email address given (or a one-use emailed link) as a short-lived session scoped to
//! that one case, the facts its status page is worked out from, and adding information to it.
//! Tokens are 256 random bits; only their SHA-256 is stored.

use chrono::NaiveDate;

use crate::domain::case::CaseRecord;
use crate::domain::submission::EvidenceFile;
use crate::ports::StoreError;

/// The stored facts the status page is worked out from (`crate::domain::tracking`). Nothing of
/// other parties, staff notes or sift flags.
#[derive(Debug, Clone)]
pub struct TrackFacts {
    pub record: CaseRecord,
    /// When the acknowledgement was sent, if it has been.
    pub acknowledged: Option<NaiveDate>,
    /// Open cases waiting for an officer in the same work queue, handed in before this one.
    pub ahead: u32,
    /// The allocation dates of the queue's cases since `since` (for its weekly throughput).
    pub allocations: Vec<NaiveDate>,
}

/// The link emailed to the address on the case.
#[derive(Debug, Clone)]
pub struct TrackLinkEmail {
    /// `{public_url}/track/link/` (the token is added by the store).
    pub link_base: String,
    pub expires_at: i64,
    /// How long the link works (the setting), said in the email.
    pub link_hours: i64,
    pub reply_in_welsh: bool,
}

/// What became of a prioritisation request made online.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PriorityAsked {
    /// Recorded for the relevant manager (the helpline's request), who is emailed.
    Recorded,
    /// No manager could be found to decide it (nothing recorded).
    NoManager,
    /// The session is not live.
    NoSession,
}

#[async_trait::async_trait]
pub trait CaseTracking: Send + Sync {
    /// When `email` (trimmed, any case) is a contact address on the case `reference`: starts the
    /// session `token` on it, valid until `expires_at`, and `true`. Otherwise `false`, whatever
    /// the reason.
    async fn open(
        &self,
        reference: &str,
        email: &str,
        token: &str,
        expires_at: i64,
    ) -> Result<bool, StoreError>;

    /// When the pair matches, queues an email with a one-use link (`token`) to that address.
    /// Nothing happens otherwise; the caller answers the same either way.
    async fn email_link(
        &self,
        reference: &str,
        email: &str,
        token: &str,
        message: &TrackLinkEmail,
    ) -> Result<(), StoreError>;

    /// Uses an emailed link (once, before it expires): a new session `session` for its case.
    async fn use_link(
        &self,
        token: &str,
        now: i64,
        session: &str,
        session_expires_at: i64,
    ) -> Result<bool, StoreError>;

    /// The facts of the session's case, if the session is live.
    async fn facts(
        &self,
        session: &str,
        now: i64,
        allocations_since: NaiveDate,
    ) -> Result<Option<TrackFacts>, StoreError>;

    /// The files the person has given the session's case so far (at hand-in and since; not the
    /// attachments of emails filed on it), for the limits per case. `None` when the session is
    /// not live.
    async fn uploads(
        &self,
        session: &str,
        now: i64,
    ) -> Result<Option<crate::domain::evidence::CaseUploads>, StoreError>;

    /// Adds the person's information (and a checked, stored file) to the session's case: an
    /// event on its timeline for the officer, the file among its documents. `false` when the
    /// session is not live.
    async fn add_information(
        &self,
        session: &str,
        now: i64,
        text: &str,
        file: Option<EvidenceFile>,
    ) -> Result<bool, StoreError>;

    /// Asks for the session's case to be prioritised, with the person's reasons: the same
    /// request the helpline records for a caller.
    async fn request_priority(
        &self,
        session: &str,
        now: i64,
        reasons: &str,
    ) -> Result<PriorityAsked, StoreError>;
}
