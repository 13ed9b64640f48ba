//! The numbers behind the nuisance reporting rules: every one a setting with a default.

use serde::{Deserialize, Serialize};

/// Settings for the nuisance reporting tool. Missing fields take the defaults, so the server can
/// load a partial TOML or JSON file (like `ReadinessSettings`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NuisanceSettings {
    /// Incidents in one report.
    pub max_incidents: usize,
    /// Characters of a text message as received: 1,600 is ten concatenated SMS parts.
    pub message_text_chars: usize,
    /// Characters of any free text (description, "other" category).
    pub free_text_chars: usize,
    /// Characters of a company or brand name.
    pub company_chars: usize,
    /// Characters of a name (the reporter's).
    pub name_chars: usize,
    /// Days before `now` an incident may have happened; older ones are refused as too old to act on.
    pub oldest_incident_days: u32,
    /// Bytes of an uploaded `.eml` file or pasted headers.
    pub max_eml_bytes: usize,
    /// Days after a report during which the reporter may be asked for feedback (and may add to it).
    pub feedback_window_days: u32,
    /// Partner feed (`GET /api/v1/nuisance-numbers`): distinct reports before an offender is listed.
    pub feed_min_reports: u64,
    /// Partner feed: distinct reports before a personal number (mobile, 070) is listed; held back
    /// until then.
    pub feed_personal_min_reports: u64,
    /// Partner feed: days of the short report count, today included.
    pub feed_short_window_days: u32,
    /// Partner feed: days of the long report count, today included.
    pub feed_long_window_days: u32,
    /// Partner feed: offenders on a page when the partner sends no `limit`.
    pub feed_page_size: usize,
    /// Partner feed: the largest `limit` accepted.
    pub feed_max_page_size: usize,
    /// Partner feed: seconds a received report may take to reach the database; `Last-Modified`
    /// is never later than this before the answer, so no report is missed by a 304.
    pub feed_modified_grace_seconds: u32,
}

impl Default for NuisanceSettings {
    fn default() -> Self {
        NuisanceSettings {
            max_incidents: 20,
            message_text_chars: 1600,
            free_text_chars: 2000,
            company_chars: 200,
            name_chars: 100,
            oldest_incident_days: 365,
            max_eml_bytes: 1024 * 1024,
            feedback_window_days: 30,
            feed_min_reports: 3,
            feed_personal_min_reports: 10,
            feed_short_window_days: 7,
            feed_long_window_days: 30,
            feed_page_size: 100,
            feed_max_page_size: 500,
            feed_modified_grace_seconds: 60,
        }
    }
}
