//! What the server provides to pages and server functions (server side only): the stores, the
//! clock and the reference data, as one [`Services`] value in the Leptos context. Every port is
//! here: this file's stores and clock, and one module per area (the breach reports, the case
//! workspaces, evidence files, the sift and queues, the helpline, staff accounts).

use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::assistant::{Answers, RawAnswer, Step};
use crate::domain::calendar::Calendar;
use crate::domain::case::IntakeChannel;
use crate::domain::nuisance::intelligence::{OffenderDetail, OffenderQuery, OffenderRow, Period};
use crate::domain::nuisance::{NuisanceReport, NuisanceSettings, OffenderKind};
use crate::domain::organisations::OrganisationDirectory;
use crate::domain::readiness::{Assessment, Concern, ReadinessSettings};
use crate::domain::signposts::Signposts;
use crate::domain::submission::CaseDetails;
pub use crate::domain::submission::CaseReceipt;
pub mod breach;
pub mod case;
pub mod data_sets;
pub mod evidence;
pub mod helpline;
pub mod my_work;
pub mod sift_and_queues;
pub mod staff;
pub mod tracking;

pub use breach::{
    BreachReports, BreachSubmission, FollowUp, ResumeEmail, TriageCase, TriageDecision,
};
pub use case::CaseWorkspaces;
pub use evidence::EvidenceFiles;
pub use helpline::HelplineWork;
pub use sift_and_queues::SiftAndQueues;
pub use staff::StaffAccounts;

/// A person's way through the assistant, kept server-side under a random cookie id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Journey {
    pub answers: Answers,
    /// The last rejected answer, shown on the page it came from to the request that names it.
    pub flash: Option<Flash>,
    /// The idempotency key of handing this concern in: a repeated submit finds the same case.
    #[serde(default)]
    pub submission_key: Option<String>,
    /// The case this journey became, once handed in.
    #[serde(default)]
    pub submitted: Option<CaseReceipt>,
    /// The nuisance calls and messages report being written, and the last one sent.
    #[serde(default)]
    pub nuisance: crate::server_fns::nuisance::NuisanceJourney,
    /// A helpline adviser completes this concern for a caller on the phone (assisted digital).
    #[serde(default)]
    pub assisted: Option<AssistedDigital>,
    /// The copy of the concern as handed in, for the confirmation, its print view and the PDF
    /// (kept with the journey, which only this browser's cookie names).
    #[serde(default)]
    pub sent_copy: Option<crate::domain::copy::SentCopy>,
    /// A refused Track my case form, shown again on its page.
    #[serde(default)]
    pub track_flash: Option<crate::server_fns::tracking::TrackFlash>,
}

/// An assisted digital journey: the adviser, the caller's recorded consent, and (once handed in)
/// who the printed acknowledgement letter is for when the caller gave no email address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssistedDigital {
    pub adviser_id: String,
    /// When the adviser recorded the caller's consent (Europe/London, `YYYY-MM-DD HH:MM`).
    pub consent_at: String,
    /// The caller's name and postal address, kept for the printed acknowledgement.
    #[serde(default)]
    pub letter_to: Option<(String, Option<String>)>,
}

/// A concern to hand in as a new case.
#[derive(Debug, Clone)]
pub struct HandIn {
    pub idempotency_key: Option<String>,
    pub channel: IntakeChannel,
    pub created_on: NaiveDate,
    pub concern: Concern,
    pub assessment: Assessment,
    pub details: CaseDetails,
    /// The answers as given, kept with the case.
    pub answers: serde_json::Value,
    /// The copy of the answers for the acknowledgement email, when the person gave them online.
    pub copy: Option<crate::domain::copy::SentCopy>,
    /// The case type when the readiness contract has none for the concern (IRQ, issue 19).
    pub case_kind: Option<crate::domain::case::CaseKind>,
    /// The reference of an earlier case this one is about (a service complaint), checked.
    pub related_reference: Option<String>,
}

/// Why intake could not store a case (the detail is for logs, never for the person).
#[derive(Debug, thiserror::Error)]
pub enum IntakeError {
    #[error("this concern cannot be handed in: {0}")]
    NotEligible(String),
    #[error("intake failed: {0}")]
    Failed(String),
}

/// The casework backend's front door: stores a case with its parties, documents and the
/// acknowledgement in one transaction.
#[async_trait::async_trait]
pub trait CaseIntake: Send + Sync {
    async fn hand_in(&self, hand_in: HandIn) -> Result<CaseReceipt, IntakeError>;
}

/// Where a nuisance report came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportSource {
    /// The public reporting journey.
    Public,
    /// A partner service through `POST /api/v1/nuisance-reports`.
    Api,
    /// A case officer adding a report received by another channel (manual §9).
    Staff,
}

impl ReportSource {
    pub fn code(self) -> &'static str {
        match self {
            ReportSource::Public => "public",
            ReportSource::Api => "api",
            ReportSource::Staff => "staff",
        }
    }
}

/// A validated nuisance report to store.
#[derive(Debug, Clone)]
pub struct NuisanceSubmission {
    pub report: NuisanceReport,
    pub source: ReportSource,
    /// Makes a repeated submission (double click, retry) return the first report.
    pub idempotency_key: Option<String>,
    /// The staff member who added it.
    pub added_by: Option<String>,
}

/// How often one of a report's offenders has been reported lately (this report included).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportedCount {
    pub kind: OffenderKind,
    pub key: String,
    /// How people see it: a number in UK national form, the sender or company as first given.
    pub display: String,
    pub reports: u64,
}

/// A stored nuisance report: its number and, for each offender it names, how often that
/// offender was reported in the feedback window (never who else reported it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NuisanceReceipt {
    pub report_id: i64,
    pub window_days: u32,
    pub counts: Vec<ReportedCount>,
}

/// The nuisance reports store (group-committed: answers once the report is durable) and the
/// repeat-offender intelligence read from it.
#[async_trait::async_trait]
pub trait NuisanceReports: Send + Sync {
    async fn record(&self, submission: NuisanceSubmission) -> Result<NuisanceReceipt, StoreError>;
    /// The calls and messages of report `id` (empty when there is no such report).
    async fn report_incidents(
        &self,
        id: i64,
    ) -> Result<Vec<crate::domain::nuisance::intelligence::StoredIncident>, StoreError>;
    /// The offenders with most reports in the query's period, most first.
    async fn repeat_offenders(&self, query: &OffenderQuery)
        -> Result<Vec<OffenderRow>, StoreError>;
    /// One offender over a period, with up to `incidents` of its latest incidents.
    async fn offender(
        &self,
        id: i64,
        period: Period,
        incidents: i64,
    ) -> Result<Option<OffenderDetail>, StoreError>;
}

/// A rejected answer: what was typed, and the message key of the problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flash {
    /// The key the refusing post sent back in the `refused` cookie
    /// (`server_fns::refused`): shown only to a request that names it.
    #[serde(default)]
    pub key: String,
    pub step: Step,
    pub raw: RawAnswer,
    pub error: String,
}

/// Why a store failed; the detail is for logs, never for the person.
#[derive(Debug, thiserror::Error)]
#[error("store failed: {0}")]
pub struct StoreError(pub String);

/// Where journeys are kept (the database: the web tier holds no state).
#[async_trait::async_trait]
pub trait JourneyStore: Send + Sync {
    async fn load(&self, id: &str) -> Result<Option<Journey>, StoreError>;
    async fn save(&self, id: &str, journey: &Journey) -> Result<(), StoreError>;
    async fn delete(&self, id: &str) -> Result<(), StoreError>;
    /// Counts the journey's concern as outside our remit, found on `on` (once per journey: a
    /// second confirmation replaces the first).
    async fn record_out_of_remit(
        &self,
        journey_id: &str,
        on: NaiveDate,
        found: &crate::domain::assistant::OutOfRemit,
    ) -> Result<(), StoreError>;
    /// Concerns outside our remit found on or after `since`, counted by month, route and reason
    /// (newest month first, most counted first).
    async fn out_of_remit_counts(
        &self,
        since: NaiveDate,
    ) -> Result<Vec<crate::domain::assistant::RemitCount>, StoreError>;
}

/// The time, in Europe/London, as the rules need it.
pub trait Clock: Send + Sync {
    fn today(&self) -> NaiveDate;
    fn now(&self) -> DateTime<FixedOffset>;
}

/// Everything the pages and server functions use, provided once by the server.
#[derive(Clone)]
pub struct Services {
    pub journeys: Arc<dyn JourneyStore>,
    pub clock: Arc<dyn Clock>,
    pub calendar: Arc<Calendar>,
    pub settings: Arc<ReadinessSettings>,
    pub signposts: Arc<Signposts>,
    /// The organisation directory people search when they name an organisation.
    pub organisations: Arc<OrganisationDirectory>,
    pub intake: Arc<dyn CaseIntake>,
    /// Evidence files, kept as they are uploaded.
    pub evidence: Arc<dyn EvidenceFiles>,
    pub upload_limits: Arc<crate::domain::evidence::UploadLimits>,
    pub nuisance: Arc<dyn NuisanceReports>,
    pub nuisance_settings: Arc<NuisanceSettings>,
    /// Personal data breach reports: drafts, resume links, and sending into the casework backend.
    pub breach: Arc<dyn BreachReports>,
    pub breach_settings: Arc<crate::domain::breach::BreachSettings>,
    /// The casework service levels (the triage's moves restart the assignment clock).
    pub case_settings: Arc<crate::domain::case::CaseSettings>,
    /// Mark cookies `Secure` (behind HTTPS).
    pub secure_cookies: bool,
    /// Where the portal is reached from outside, for links in emails (`PORTAL_PUBLIC_URL`).
    pub public_url: String,
    /// Staff accounts and sessions.
    pub staff: Arc<dyn StaffAccounts>,
    /// The case officer's workspace: a case as its officer works it, and its changes.
    pub workspaces: Arc<dyn CaseWorkspaces>,
    /// The sift, the work queues and the exception reports.
    pub sift_and_queues: Arc<dyn SiftAndQueues>,
    /// The helpline: finding cases, callbacks, prioritisation requests, 'no further contact'.
    pub helpline: Arc<dyn HelplineWork>,
    /// The staff home's lists: an officer's (or their team's) cases, work items, callbacks and
    /// new correspondence.
    pub my_work: Arc<dyn my_work::MyWork>,
    /// The published data sets' index (their files are streamed by the server).
    pub data_sets: Arc<dyn data_sets::PublishedDataSets>,
    /// Track my case: the public's view of their own case.
    pub tracking: Arc<dyn tracking::CaseTracking>,
    pub tracking_settings: Arc<crate::domain::tracking::TrackingSettings>,
}
