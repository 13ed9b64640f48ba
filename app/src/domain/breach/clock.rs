//! The 72-hour clock (UK GDPR Art. 33(1)): a breach is reported "without undue delay and, where
//! feasible, not later than 72 hours after having become aware of it". A report later than that
//! is still accepted, with the reasons for the delay.
//!
//! Times are Europe/London wall-clock times as the organisation gives them; the clock counts
//! elapsed wall-clock hours between them (a clock change inside the 72 hours moves the deadline
//! by the hour the clocks moved — the regulator reads the deadline the way the organisation does).

use chrono::{Duration, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::settings::BreachSettings;

/// Where a report stands against the clock at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportingClock {
    /// When the organisation became aware.
    pub aware_at: NaiveDateTime,
    /// The last moment a report is in time: `aware_at` plus the hours allowed.
    pub deadline: NaiveDateTime,
    /// Whole hours since becoming aware (0 if `now` is before `aware_at`).
    pub hours_since: i64,
    /// Whole hours left before the deadline (0 once it has passed).
    pub hours_left: i64,
    /// A report sent now would be late: `now` is after the deadline. Exactly on the deadline is
    /// in time.
    pub late: bool,
}

/// The clock for a breach the organisation became aware of at `aware_at`, read at `now`.
pub fn reporting_clock(
    aware_at: NaiveDateTime,
    now: NaiveDateTime,
    settings: &BreachSettings,
) -> ReportingClock {
    let deadline = aware_at + Duration::hours(settings.report_within_hours);
    let since = now.signed_duration_since(aware_at);
    let left = deadline.signed_duration_since(now);
    ReportingClock {
        aware_at,
        deadline,
        hours_since: since.num_hours().max(0),
        hours_left: left.num_hours().max(0),
        late: now > deadline,
    }
}
