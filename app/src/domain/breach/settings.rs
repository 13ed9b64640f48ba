//! The numbers behind the breach reporting rules: every one a setting with a default.

use serde::{Deserialize, Serialize};

use super::risk::RiskSettings;

/// Settings for breach reporting. Missing fields take the defaults (a partial TOML or JSON file
/// loads, like `NuisanceSettings`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BreachSettings {
    /// Hours after becoming aware within which a breach must be reported (UK GDPR Art. 33(1)).
    pub report_within_hours: i64,
    /// Days a saved draft is kept after it was last changed.
    pub draft_days: i64,
    /// Characters of a long answer (what happened, consequences, actions taken, …).
    pub long_text_chars: usize,
    /// Characters of a one-line answer (names, job titles, "other" details).
    pub line_chars: usize,
    /// The most people a breach can plausibly affect: more than the UK population is a typing
    /// mistake, not a report (70 million by default).
    pub max_people: u64,
    /// The most records a report can give (10 billion by default: the largest known breaches).
    pub max_records: u64,
    /// How far back a breach's dates may go, in years (an old breach found now is still reported).
    pub oldest_years: i32,
    /// The Enforcement triage's risk score points and bands.
    pub risk: RiskSettings,
}

impl BreachSettings {
    /// How long a draft is kept after its last change, in seconds.
    pub fn draft_seconds(&self) -> i64 {
        self.draft_days * 86_400
    }
}

impl Default for BreachSettings {
    fn default() -> Self {
        BreachSettings {
            report_within_hours: 72,
            draft_days: 28,
            long_text_chars: 5000,
            line_chars: 200,
            max_people: 70_000_000,
            max_records: 10_000_000_000,
            oldest_years: 20,
            risk: RiskSettings::default(),
        }
    }
}
