//! What the nuisance reporting journey keeps between pages, in the journey row
//! (`Journey.nuisance`): the raw answers (validated again on submit), never a typed report.

use serde::{Deserialize, Serialize};

use crate::domain::nuisance::{Advice, IncidentForm, OffenderKind, ReporterForm};

/// The report being written and the last one sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NuisanceJourney {
    /// The calls and messages answered and checked, not sent yet.
    pub incidents: Vec<IncidentForm>,
    /// The call or message being answered.
    pub current: Option<IncidentForm>,
    /// The reporter's details: kept after a report is sent only when `remember` (the person
    /// asked to, on "Your details"), so a shared computer does not show them to the next person.
    pub reporter: ReporterForm,
    /// The person asked to have their details remembered on this device for the next report.
    pub remember: bool,
    /// Whether "Your details" was answered for the report being written.
    pub reporter_done: bool,
    /// Sending the report again (a double click, a resubmission) finds the same report.
    pub idempotency_key: Option<String>,
    /// The last report sent, for the confirmation page.
    pub sent: Option<SentReport>,
    /// The last rejected answer, shown once on its page.
    pub flash: Option<PageFlash>,
}

/// A report as stored: its number, how often each offender was reported, and the advice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentReport {
    pub report_id: i64,
    pub window_days: u32,
    pub counts: Vec<SentCount>,
    pub advice: Vec<Advice>,
}

/// How often one number, sender or company was reported in the window (never by whom).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentCount {
    pub kind: OffenderKind,
    pub display: String,
    pub reports: u64,
}

/// A rejected page: what was typed, and the problems as (field, message key).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PageFlash {
    /// The key the refusing post sent back in the `refused` cookie
    /// (`server_fns::refused`): shown only to a request that names it.
    pub key: String,
    /// The page's slug.
    pub page: String,
    /// Which saved call or message was being changed, if any.
    pub incident: Option<usize>,
    pub form: IncidentForm,
    pub reporter: ReporterForm,
    /// A yes/no answer ("report another?").
    pub value: String,
    pub errors: Vec<(String, String)>,
}
