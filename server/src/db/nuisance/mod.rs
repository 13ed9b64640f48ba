//! The nuisance reports store (manual §9): each report with its incidents, and the
//! repeat-offender intelligence — every offender an incident points at, its all-time total and a
//! count per day — written in the same transaction, so the intelligence is never behind the
//! reports and a crash never leaves half a report.
//!
//! Reports are written in batches (see `crate::nuisance::ReportWriter`): one transaction, one
//! durable commit, for however many reports arrived together.

mod feed;
mod offenders;
mod ranking;
mod write;

pub use feed::{FeedOffender, FeedPage};
pub use ranking::{OffenderDay, OffenderDetail, OffenderQuery, OffenderRow, StoredIncident};
pub use write::{NewIncident, NewNuisanceReport, OffenderCount, OffenderRef, RecordedReport};

use chrono::NaiveDate;

/// Days since 1 January 1970: how days are stored (small integers index and compare fastest).
pub fn day_number(date: NaiveDate) -> i64 {
    date.signed_duration_since(epoch()).num_days()
}

/// The date of a stored day number.
pub fn day_date(day: i64) -> NaiveDate {
    epoch()
        .checked_add_signed(chrono::Duration::days(day))
        .unwrap_or(NaiveDate::MAX)
}

fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or(NaiveDate::MIN)
}

/// Why the nuisance store failed (the detail is for logs, never for the person).
#[derive(Debug, thiserror::Error)]
pub enum NuisanceStoreError {
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("encoding: {0}")]
    Encoding(#[from] serde_json::Error),
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(day_date(day_number(date)), date);
        assert_eq!(day_number(NaiveDate::from_ymd_opt(1970, 1, 2).unwrap()), 1);
    }
}
