//! "Track my case" (issue 21): what a person who handed a concern in is told about it, from the
//! reference and their email address (or a one-use emailed link). Pure rules: the stage in plain
//! words ([`stage`]) and an honest expected wait worked out from the work queue's recent
//! throughput ([`wait`]); `today` is always a parameter.

pub mod stage;
pub mod wait;

use serde::{Deserialize, Serialize};

pub use stage::{public_stage, KeyDates, PublicStage};
pub use wait::{expected_wait, picked_up_before, week_starts, weekly_counts, WaitEstimate};

/// The settings of case tracking (`PORTAL_TRACK_POLICY_FILE`, a TOML file; every field optional).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TrackingSettings {
    /// Complete weeks of a work queue's history the expected wait is worked out from.
    pub history_weeks: u32,
    /// Fewer cases allocated than this over those weeks is too little history to estimate from.
    pub min_history_allocations: u32,
    /// How long an emailed link opens the case (hours).
    pub link_hours: i64,
    /// How long the link in a concern's acknowledgement opens the case (days).
    pub acknowledgement_link_days: i64,
    /// How long a case stays open in the browser after the pair or the link (minutes).
    pub session_minutes: i64,
    /// For how many days after a decision the stage says "decided" (then "closed").
    pub decided_days: i64,
    /// The most characters of information added to a case.
    pub text_chars: usize,
    /// The most characters of the reasons for a prioritisation request.
    pub reasons_chars: usize,
}

impl Default for TrackingSettings {
    fn default() -> Self {
        TrackingSettings {
            history_weeks: 8,
            min_history_allocations: 4,
            link_hours: 72,
            acknowledgement_link_days: 28,
            session_minutes: 30,
            decided_days: 28,
            text_chars: 2000,
            reasons_chars: 1200,
        }
    }
}

impl TrackingSettings {
    pub fn link_seconds(&self) -> i64 {
        self.link_hours.saturating_mul(3600)
    }

    pub fn session_seconds(&self) -> i64 {
        self.session_minutes.saturating_mul(60)
    }
}
