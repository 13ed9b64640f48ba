//! The repeat-offender intelligence as staff see it: which offenders to rank over which period,
//! the ranked rows, one offender's days, categories and incidents, and the weekly trend. Pure
//! data and rules; the store (server) fills them.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::incident::Incident;
use super::sender::Sender;
use crate::domain::readiness::FieldErrors;

/// Which offenders to rank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffenderQuery {
    /// Only this kind (`number`, `sender_id`, `email_domain`, `company`), or every kind.
    pub kind: Option<String>,
    /// The first and last day of the period (days reports arrived), inclusive.
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub limit: usize,
    /// Leave out offenders with fewer reports in the period (2: repeat offenders only).
    pub min_reports: u64,
}

/// An offender and its reports in a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffenderRow {
    pub id: i64,
    pub kind: String,
    pub key: String,
    pub display: String,
    /// Reports in the period.
    pub reports: u64,
    /// Reports ever.
    pub total: u64,
    pub first_reported: NaiveDate,
    pub last_reported: NaiveDate,
}

/// Reports of an offender on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffenderDay {
    pub day: NaiveDate,
    pub reports: u64,
}

/// One stored incident, as staff see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredIncident {
    pub id: i64,
    pub report_id: i64,
    pub channel: String,
    pub occurred_at: NaiveDateTime,
    pub received_on: NaiveDate,
    pub categories: Vec<String>,
    pub details: serde_json::Value,
    /// `public`, `api` or `staff`.
    pub source: String,
}

/// One offender over a period: its reports day by day, what they were about, and the latest
/// incidents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OffenderDetail {
    pub offender: OffenderRow,
    pub days: Vec<OffenderDay>,
    /// Category code and incidents in the period, most first.
    pub categories: Vec<(String, u64)>,
    /// Channel code and incidents in the period, most first.
    pub channels: Vec<(String, u64)>,
    /// The latest incidents in the period, newest first.
    pub incidents: Vec<StoredIncident>,
}

impl StoredIncident {
    /// The incident as it was validated, if it reads back (it was stored by this release or an
    /// earlier one whose fields still parse).
    pub fn incident(&self) -> Option<Incident> {
        serde_json::from_value(self.details.clone()).ok()
    }
}

/// Who contacted the person, as one line: the number (E.164 or short code), the sender ID or
/// the email address; `None` when withheld.
pub fn sender_line(sender: &Sender) -> Option<String> {
    match sender {
        Sender::Number(number) => Some(number.canonical().to_owned()),
        Sender::SenderId(id) => Some(id.as_str().to_owned()),
        Sender::Email(address) => Some(address.as_str().to_owned()),
        Sender::Withheld => None,
    }
}

/// What the incident said, for a list: the text message, else the email's subject, else the
/// description, cut to `max` characters.
pub fn excerpt(incident: &Incident, max: usize) -> String {
    let text = incident
        .message_text
        .as_deref()
        .or(incident.email.as_ref().and_then(|e| e.subject.as_deref()))
        .or(incident.description.as_deref())
        .unwrap_or_default();
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// The periods staff choose from, in days ending today.
pub const PERIODS: [u32; 4] = [7, 30, 90, 365];
/// The longest custom period (two years).
pub const LONGEST_PERIOD_DAYS: i64 = 731;

/// A period of days, first and last included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// The `days` days ending on `today`.
    pub fn last(days: u32, today: NaiveDate) -> Period {
        let from = today
            .checked_sub_days(Days::new(u64::from(days.max(1)) - 1))
            .unwrap_or(today);
        Period { from, to: today }
    }

    /// Days in the period.
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }
}

/// The period a staff member asked for: `period` is one of [`PERIODS`] (default 30) or
/// `custom`, with `from` and `to` as `YYYY-MM-DD` (the browser's date input). A custom period
/// must be real dates, `from` not after `to`, `to` not after today, and at most two years;
/// errors on `from`/`to` carry i18n keys.
pub fn choose_period(
    period: &str,
    from: &str,
    to: &str,
    today: NaiveDate,
) -> Result<Period, FieldErrors> {
    if period.trim() != "custom" {
        let days = period
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|d| PERIODS.contains(d))
            .unwrap_or(30);
        return Ok(Period::last(days, today));
    }
    let mut errors = FieldErrors::new();
    let parse = |text: &str| NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
    let (from_date, to_date) = (parse(from), parse(to));
    if from_date.is_none() {
        errors.add("from", "intelligence.error.from.invalid");
    }
    if to_date.is_none() {
        errors.add("to", "intelligence.error.to.invalid");
    }
    let (Some(from), Some(to)) = (from_date, to_date) else {
        return Err(errors);
    };
    if to > today {
        errors.add("to", "intelligence.error.to.future");
    } else if from > to {
        errors.add("from", "intelligence.error.from.after_to");
    } else if (to - from).num_days() + 1 > LONGEST_PERIOD_DAYS {
        errors.add("from", "intelligence.error.from.too_long");
    }
    if errors.is_empty() {
        Ok(Period { from, to })
    } else {
        Err(errors)
    }
}

/// Reports in one week (Monday to Sunday) of a trend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrendWeek {
    /// The Monday the week starts on (the period's first day for a part week).
    pub starts: NaiveDate,
    pub reports: u64,
}

/// The period's reports week by week, every week present (weeks without reports are 0), so a
/// trend reads at a glance. Days outside the period are ignored.
pub fn weekly_trend(days: &[OffenderDay], period: Period) -> Vec<TrendWeek> {
    let monday = |date: NaiveDate| {
        date.checked_sub_days(Days::new(u64::from(date.weekday().num_days_from_monday())))
            .unwrap_or(date)
    };
    let mut weeks = Vec::new();
    let mut start = monday(period.from);
    while start <= period.to {
        weeks.push(TrendWeek {
            starts: start.max(period.from),
            reports: 0,
        });
        start = match start.checked_add_days(Days::new(7)) {
            Some(next) => next,
            None => break,
        };
    }
    for day in days
        .iter()
        .filter(|d| d.day >= period.from && d.day <= period.to)
    {
        let week = (monday(day.day) - monday(period.from)).num_days() / 7;
        if let Some(slot) = usize::try_from(week).ok().and_then(|w| weeks.get_mut(w)) {
            slot.reports += day.reports;
        }
    }
    weeks
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_chosen_period_ends_today() {
        let today = date(2026, 11, 23);
        assert_eq!(
            choose_period("7", "", "", today).unwrap(),
            Period {
                from: date(2026, 11, 17),
                to: today
            }
        );
        assert_eq!(choose_period("", "", "", today).unwrap().days(), 30);
        assert_eq!(choose_period("12345", "", "", today).unwrap().days(), 30);
    }

    #[test]
    fn a_custom_period_must_make_sense() {
        let today = date(2026, 11, 23);
        assert_eq!(
            choose_period("custom", "2026-10-01", "2026-10-31", today)
                .unwrap()
                .days(),
            31
        );
        let errors = choose_period("custom", "2026-11-01", "2026-10-01", today).unwrap_err();
        assert_eq!(errors.get("from"), Some("intelligence.error.from.after_to"));
        let errors = choose_period("custom", "2026-11-01", "2026-12-01", today).unwrap_err();
        assert_eq!(errors.get("to"), Some("intelligence.error.to.future"));
        let errors = choose_period("custom", "2020-01-01", "2026-11-01", today).unwrap_err();
        assert_eq!(errors.get("from"), Some("intelligence.error.from.too_long"));
        let errors = choose_period("custom", "31/12", "<script>", today).unwrap_err();
        assert_eq!(errors.get("from"), Some("intelligence.error.from.invalid"));
        assert_eq!(errors.get("to"), Some("intelligence.error.to.invalid"));
    }

    #[test]
    fn the_trend_has_every_week_of_the_period() {
        // Wednesday 4 November to Monday 23 November 2026.
        let period = Period {
            from: date(2026, 11, 4),
            to: date(2026, 11, 23),
        };
        let days = [
            OffenderDay {
                day: date(2026, 11, 4),
                reports: 2,
            },
            OffenderDay {
                day: date(2026, 11, 8),
                reports: 1,
            },
            OffenderDay {
                day: date(2026, 11, 23),
                reports: 5,
            },
            OffenderDay {
                day: date(2026, 11, 1),
                reports: 9,
            },
        ];
        let trend = weekly_trend(&days, period);
        assert_eq!(
            trend,
            vec![
                TrendWeek {
                    starts: date(2026, 11, 4),
                    reports: 3
                },
                TrendWeek {
                    starts: date(2026, 11, 9),
                    reports: 0
                },
                TrendWeek {
                    starts: date(2026, 11, 16),
                    reports: 0
                },
                TrendWeek {
                    starts: date(2026, 11, 23),
                    reports: 5
                },
            ]
        );
    }
}
