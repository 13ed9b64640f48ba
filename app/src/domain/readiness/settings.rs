//! The numbers behind the readiness rules: every one a setting, defaulting to policy.md.

use serde::{Deserialize, Serialize};

use crate::domain::calendar::{Division, Period};

/// Policy settings for the readiness rules. Missing fields take the policy.md defaults, so the
/// server can load a partial TOML or JSON file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReadinessSettings {
    /// data_protection (not subject access): calendar days the organisation has to respond.
    pub dp_response_wait_days: u32,
    /// Subject access: calendar months the organisation has to respond (then the next working day).
    pub subject_access_wait_months: u32,
    /// credit_file: calendar days the credit reference agency has to respond.
    pub credit_response_wait_days: u32,
    /// foi/eir: working days the public authority has to respond.
    pub foi_response_working_days: u32,
    /// foi/eir: working days an internal review outcome may be awaited.
    pub internal_review_wait_working_days: u32,
    /// data_protection and credit_file: the undue-delay window after the last meaningful contact.
    pub undue_delay: Period,
    /// foi/eir: the undue-delay window after the last meaningful contact.
    pub foi_undue_delay: Period,
    /// service_complaint: the window after the incident.
    pub complaint_window: Period,
    /// breach: hours after becoming aware within which a report is in time.
    pub breach_report_hours: u32,
    /// Whose bank holidays the FOI/EIR clocks skip (FOIA s10(6): the whole UK).
    pub foi_division: Division,
    /// Whose bank holidays every other clock skips (subject access).
    pub other_division: Division,
}

impl Default for ReadinessSettings {
    fn default() -> Self {
        ReadinessSettings {
            dp_response_wait_days: 30,
            subject_access_wait_months: 1,
            credit_response_wait_days: 28,
            foi_response_working_days: 20,
            internal_review_wait_working_days: 40,
            undue_delay: Period::Months(3),
            foi_undue_delay: Period::Months(3),
            complaint_window: Period::Months(3),
            breach_report_hours: 72,
            foi_division: Division::UkWide,
            other_division: Division::EnglandAndWales,
        }
    }
}
