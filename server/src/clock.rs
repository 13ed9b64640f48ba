//! The clock the rules run on: the date and time in Europe/London, or a fixed date for tests
//! and training environments.

use app::ports::Clock;
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use chrono_tz::Europe::London;

/// The real time in Europe/London.
pub struct LondonClock;

impl Clock for LondonClock {
    fn today(&self) -> NaiveDate {
        Utc::now().with_timezone(&London).date_naive()
    }

    fn now(&self) -> DateTime<FixedOffset> {
        Utc::now().with_timezone(&London).fixed_offset()
    }
}

/// A clock stopped on one day (at noon UTC), for tests and training.
pub struct FixedClock(pub NaiveDate);

impl Clock for FixedClock {
    fn today(&self) -> NaiveDate {
        self.0
    }

    fn now(&self) -> DateTime<FixedOffset> {
        let noon = self.0.and_hms_opt(12, 0, 0).unwrap_or_default();
        DateTime::<Utc>::from_naive_utc_and_offset(noon, Utc).fixed_offset()
    }
}
