//! Working days, calendar days and calendar months (policy.md §1).
//!
//! A [`Calendar`] is built from the GOV.UK bank holiday JSON and knows which years that data covers.
//! Any question about a date outside those years is answered with [`CalendarError::BeyondData`]:
//! the calendar says so rather than guess.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use thiserror::Error;

#[cfg(test)]
mod tests;

/// Whose bank holidays a clock skips.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Division {
    /// England and Wales bank holidays: every clock except FOI/EIR.
    EnglandAndWales,
    /// A bank holiday in any part of the UK (FOIA s10(6)): FOI and EIR clocks.
    UkWide,
}

/// Why the calendar cannot answer.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CalendarError {
    /// The date lies outside the years the bank holiday data covers.
    #[error("{date} is outside the bank holiday data, which covers {first_year} to {last_year}")]
    BeyondData {
        /// The date asked about.
        date: NaiveDate,
        /// The first year covered.
        first_year: i32,
        /// The last year covered.
        last_year: i32,
    },
    /// The bank holiday data could not be read.
    #[error("the bank holiday data is not valid: {0}")]
    InvalidData(String),
}

/// Bank holidays of England and Wales and of the whole UK, for the years the data covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    england_and_wales: BTreeSet<NaiveDate>,
    uk_wide: BTreeSet<NaiveDate>,
    first_year: i32,
    last_year: i32,
}

/// One GOV.UK division (`england-and-wales`, `scotland`, `northern-ireland`).
#[derive(Deserialize)]
struct GovUkDivision {
    events: Vec<GovUkEvent>,
}

/// One GOV.UK bank holiday; only its date matters here.
#[derive(Deserialize)]
struct GovUkEvent {
    date: NaiveDate,
}

/// The GOV.UK division names, all of which the data must contain.
const GOVUK_DIVISIONS: [&str; 3] = ["england-and-wales", "scotland", "northern-ireland"];

impl Calendar {
    /// Builds the calendar from the GOV.UK bank holiday JSON
    /// (`{"england-and-wales": {"events": [{"date": "YYYY-MM-DD", ..}]}, "scotland": .., "northern-ireland": ..}`).
    pub fn from_govuk_json(json: &str) -> Result<Calendar, CalendarError> {
        let divisions: BTreeMap<String, GovUkDivision> =
            serde_json::from_str(json).map_err(|e| CalendarError::InvalidData(e.to_string()))?;
        let mut england_and_wales = BTreeSet::new();
        let mut uk_wide = BTreeSet::new();
        for name in GOVUK_DIVISIONS {
            let division = divisions
                .get(name)
                .ok_or_else(|| CalendarError::InvalidData(format!("no \"{name}\" division")))?;
            for event in &division.events {
                uk_wide.insert(event.date);
                if name == "england-and-wales" {
                    england_and_wales.insert(event.date);
                }
            }
        }
        match (uk_wide.first(), uk_wide.last()) {
            (Some(first), Some(last)) => Ok(Calendar {
                first_year: first.year(),
                last_year: last.year(),
                england_and_wales,
                uk_wide,
            }),
            _ => Err(CalendarError::InvalidData("no bank holidays".to_owned())),
        }
    }

    /// The first year the bank holiday data covers.
    pub fn first_year(&self) -> i32 {
        self.first_year
    }

    /// The last year the bank holiday data covers.
    pub fn last_year(&self) -> i32 {
        self.last_year
    }

    /// Whether `date` is a bank holiday in `division`.
    pub fn is_bank_holiday(
        &self,
        date: NaiveDate,
        division: Division,
    ) -> Result<bool, CalendarError> {
        self.check_covered(date)?;
        Ok(self.holidays(division).contains(&date))
    }

    /// Monday to Friday and not a bank holiday in `division`.
    pub fn is_working_day(
        &self,
        date: NaiveDate,
        division: Division,
    ) -> Result<bool, CalendarError> {
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        Ok(!self.is_bank_holiday(date, division)? && !weekend)
    }

    /// N working days after `from`: `from` is day 0, the first working day after it is day 1 and
    /// the answer is the Nth working day. `n = 0` returns `from`.
    pub fn add_working_days(
        &self,
        from: NaiveDate,
        n: u32,
        division: Division,
    ) -> Result<NaiveDate, CalendarError> {
        self.check_covered(from)?;
        let mut date = from;
        let mut counted = 0;
        while counted < n {
            date = self.day_after(date)?;
            if self.is_working_day(date, division)? {
                counted += 1;
            }
        }
        Ok(date)
    }

    /// `date` itself when it is a working day, else the first working day after it.
    pub fn next_working_day_on_or_after(
        &self,
        date: NaiveDate,
        division: Division,
    ) -> Result<NaiveDate, CalendarError> {
        let mut date = date;
        while !self.is_working_day(date, division)? {
            date = self.day_after(date)?;
        }
        Ok(date)
    }

    fn holidays(&self, division: Division) -> &BTreeSet<NaiveDate> {
        match division {
            Division::EnglandAndWales => &self.england_and_wales,
            Division::UkWide => &self.uk_wide,
        }
    }

    fn day_after(&self, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        date.succ_opt().ok_or_else(|| self.beyond(date))
    }

    fn check_covered(&self, date: NaiveDate) -> Result<(), CalendarError> {
        if (self.first_year..=self.last_year).contains(&date.year()) {
            Ok(())
        } else {
            Err(self.beyond(date))
        }
    }

    fn beyond(&self, date: NaiveDate) -> CalendarError {
        CalendarError::BeyondData {
            date,
            first_year: self.first_year,
            last_year: self.last_year,
        }
    }
}

/// N calendar days after `date` (`date + n`), saturating at the last date chrono can represent.
pub fn add_calendar_days(date: NaiveDate, n: u32) -> NaiveDate {
    date.checked_add_days(Days::new(u64::from(n)))
        .unwrap_or(NaiveDate::MAX)
}

/// N calendar months after `date`: the same day of the month N months later, or the last day of
/// that month where the day does not exist (31 Jan + 1 month = 28/29 Feb). Saturates at the last
/// date chrono can represent.
pub fn add_calendar_months(date: NaiveDate, n: u32) -> NaiveDate {
    date.checked_add_months(Months::new(n))
        .unwrap_or(NaiveDate::MAX)
}

/// A length of time set in policy: a number of calendar months, weeks or days.
///
/// Serialized as `{"months": 3}`, `{"weeks": 6}` or `{"days": 30}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// Calendar months (month-end clamped).
    Months(u32),
    /// Weeks of seven calendar days.
    Weeks(u32),
    /// Calendar days.
    Days(u32),
}

impl Period {
    /// The date this period after `date` (saturating, never panicking).
    pub fn after(self, date: NaiveDate) -> NaiveDate {
        match self {
            Period::Months(n) => add_calendar_months(date, n),
            Period::Weeks(n) => add_calendar_days(date, n.saturating_mul(7)),
            Period::Days(n) => add_calendar_days(date, n),
        }
    }
}
