//! When it happened: a GOV.UK date input (day, month, year) and an optional time (hour, minute),
//! in UK local time, checked against `now`.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::domain::readiness::FieldErrors;

/// When the call, text, email or fax arrived (UK local time). The time is optional: people
/// often remember the day but not the minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct When {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
}

/// The raw GOV.UK date and time fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WhenFields<'a> {
    pub day: &'a str,
    pub month: &'a str,
    pub year: &'a str,
    pub hour: &'a str,
    pub minute: &'a str,
}

/// Parses and checks the fields: a real date, a real time if either time field is filled, not
/// after `now` and not more than `oldest_days` days before it. Errors go on `{prefix}when`
/// (whole date), `{prefix}when.day`, `.month`, `.year`, `.hour` or `.minute`, GOV.UK style (the
/// first field with a problem).
pub fn parse_when(
    fields: WhenFields<'_>,
    now: NaiveDateTime,
    oldest_days: u32,
    prefix: &str,
    errors: &mut FieldErrors,
) -> Option<When> {
    let field = |name: &str| format!("{prefix}when{name}");
    let parts = [
        (fields.day, ".day", 31),
        (fields.month, ".month", 12),
        (fields.year, ".year", 9999),
    ];
    let blank: Vec<bool> = parts.iter().map(|(v, _, _)| v.trim().is_empty()).collect();
    if blank.iter().all(|b| *b) {
        errors.add(field(""), "nuisance.error.when.required");
        return None;
    }
    let mut numbers = [0u32; 3];
    for (i, (value, name, max)) in parts.iter().enumerate() {
        if blank[i] {
            errors.add(field(name), format!("nuisance.error.when.missing{}", name));
            return None;
        }
        match small_number(value).filter(|n| (1..=*max).contains(n)) {
            Some(n) => numbers[i] = n,
            None => {
                errors.add(field(name), "nuisance.error.when.invalid");
                return None;
            }
        }
    }
    let [day, month, year] = numbers;
    if fields.year.trim().len() != 4 {
        errors.add(field(".year"), "nuisance.error.when.year_digits");
        return None;
    }
    let Some(date) = NaiveDate::from_ymd_opt(year as i32, month, day) else {
        errors.add(field(""), "nuisance.error.when.invalid");
        return None;
    };
    let time = parse_time(fields.hour, fields.minute, &field, errors)?;
    let at = date.and_time(time.unwrap_or(NaiveTime::MIN));
    if at > now {
        errors.add(field(""), "nuisance.error.when.future");
        return None;
    }
    let oldest = now.date() - Duration::days(i64::from(oldest_days));
    if date < oldest {
        errors.add(field(""), "nuisance.error.when.too_old");
        return None;
    }
    Some(When { date, time })
}

/// The optional time: `Some(None)` when both fields are blank.
fn parse_time(
    hour: &str,
    minute: &str,
    field: &dyn Fn(&str) -> String,
    errors: &mut FieldErrors,
) -> Option<Option<NaiveTime>> {
    match (hour.trim().is_empty(), minute.trim().is_empty()) {
        (true, true) => return Some(None),
        (true, false) => {
            errors.add(field(".hour"), "nuisance.error.when.missing.hour");
            return None;
        }
        (false, true) => {
            errors.add(field(".minute"), "nuisance.error.when.missing.minute");
            return None;
        }
        (false, false) => {}
    }
    let Some(h) = small_number(hour).filter(|h| *h <= 23) else {
        errors.add(field(".hour"), "nuisance.error.when.invalid_time");
        return None;
    };
    let Some(m) = small_number(minute).filter(|m| *m <= 59) else {
        errors.add(field(".minute"), "nuisance.error.when.invalid_time");
        return None;
    };
    match NaiveTime::from_hms_opt(h, m, 0) {
        Some(time) => Some(Some(time)),
        None => {
            errors.add(field(".hour"), "nuisance.error.when.invalid_time");
            None
        }
    }
}

/// A number of at most 4 ASCII digits (`"07"` is 7).
fn small_number(text: &str) -> Option<u32> {
    let text = text.trim();
    if text.is_empty() || text.len() > 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}
