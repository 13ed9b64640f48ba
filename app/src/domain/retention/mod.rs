//! Retention (manual §11 "Retention periods", policy.md §5): when a closed case is deleted, when a
//! case closed with a 'marked for deletion' outcome is purged, when a merged duplicate party
//! record (status 'marked for deletion', manual §5) is purged, and when an unfinished journey
//! expires.
//!
//! - A closed case is deleted [`RetentionSettings::closed_case_months`] (24: "two years")
//!   after the later of its closure and the last document or email added to it (the manual:
//!   "two years after the last document was added to the case"). A re-opened case is open, and
//!   kept.
//! - A case whose current instance closed with one of the four 'marked for deletion' outcomes
//!   (Duplicate, Documents pasted into existing case, Non-CMEH, Scanned in error) is purged
//!   [`RetentionSettings::marked_for_deletion_days`] after its closure (the manual says "at set
//!   periods" and names no period: the default, 30 days, is this project's), or on the two-year
//!   date if that comes first.
//! - A merged duplicate party record is purged the same number of days after the merge.
//! - A journey not touched for the journey days expires (with its uploaded files).
//!
//! Pure: `today` and `now` are parameters.

#[cfg(test)]
mod tests;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::calendar::{add_calendar_days, add_calendar_months};
use super::case::{CaseStatus, Outcome};

/// How long data is kept; every number is a setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RetentionSettings {
    /// Calendar months a closed case is kept after its closure or last document (manual: 24).
    pub closed_case_months: u32,
    /// Calendar days a case closed 'marked for deletion' (or a merged duplicate party record) is
    /// kept before it is purged (the manual names no period).
    pub marked_for_deletion_days: u32,
}

impl Default for RetentionSettings {
    fn default() -> Self {
        RetentionSettings {
            closed_case_months: 24,
            marked_for_deletion_days: 30,
        }
    }
}

/// What retention needs to know about a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFacts {
    pub status: CaseStatus,
    /// The day the current instance closed (none while open).
    pub closed_on: Option<NaiveDate>,
    /// The current instance's outcome.
    pub outcome: Option<Outcome>,
    /// The day the last document or email was added to the case, if any.
    pub last_added_on: Option<NaiveDate>,
}

/// Why a case is deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Deletion {
    /// Closed, and its retention period has ended.
    RetentionEnded,
    /// Closed with a 'marked for deletion' outcome, and the purge period has passed.
    MarkedForDeletion,
}

/// The day a case is to be deleted and why, or `None` while it is to be kept (open, or closed
/// without a closure date).
pub fn deletion_date(
    case: &CaseFacts,
    settings: &RetentionSettings,
) -> Option<(NaiveDate, Deletion)> {
    if case.status != CaseStatus::Closed {
        return None;
    }
    let closed_on = case.closed_on?;
    let last = case
        .last_added_on
        .map_or(closed_on, |added| added.max(closed_on));
    let retention_ends = add_calendar_months(last, settings.closed_case_months);
    let marked = case.outcome.is_some_and(Outcome::marked_for_deletion);
    let purge = add_calendar_days(closed_on, settings.marked_for_deletion_days);
    if marked && purge < retention_ends {
        Some((purge, Deletion::MarkedForDeletion))
    } else {
        Some((retention_ends, Deletion::RetentionEnded))
    }
}

/// Whether the case is to be deleted on `today` (on or after its deletion date), and why.
pub fn due(case: &CaseFacts, today: NaiveDate, settings: &RetentionSettings) -> Option<Deletion> {
    deletion_date(case, settings)
        .filter(|(on, _)| *on <= today)
        .map(|(_, why)| why)
}

/// No case closed after this day can be due for [`Deletion::RetentionEnded`] on `today`: the
/// day `closed_case_months` before `today`, plus three days for the months that are shorter
/// than the closing day (31 January + 1 month is 28 February). A query narrows the cases
/// with it; [`due`] decides each.
pub fn retention_candidates_until(today: NaiveDate, settings: &RetentionSettings) -> NaiveDate {
    today
        .checked_sub_months(chrono::Months::new(settings.closed_case_months))
        .unwrap_or(NaiveDate::MIN)
        .checked_add_days(Days::new(3))
        .unwrap_or(NaiveDate::MAX)
}

/// No case closed after this day can be due for [`Deletion::MarkedForDeletion`] on `today`.
pub fn marked_candidates_until(today: NaiveDate, settings: &RetentionSettings) -> NaiveDate {
    today
        .checked_sub_days(Days::new(u64::from(settings.marked_for_deletion_days)))
        .unwrap_or(NaiveDate::MIN)
}

/// Whether a duplicate party record merged on `merged_on` is purged on `today`.
pub fn merged_party_due(
    merged_on: NaiveDate,
    today: NaiveDate,
    settings: &RetentionSettings,
) -> bool {
    add_calendar_days(merged_on, settings.marked_for_deletion_days) <= today
}

/// Whether a journey last touched at `updated_at` (Unix seconds) has expired at `now` after
/// `journey_days` days.
pub fn journey_expired(updated_at: i64, now: i64, journey_days: u32) -> bool {
    updated_at < journey_cutoff(now, journey_days)
}

/// Journeys last touched before this time (Unix seconds) have expired at `now`.
pub fn journey_cutoff(now: i64, journey_days: u32) -> i64 {
    now.saturating_sub(i64::from(journey_days).saturating_mul(86_400))
}
