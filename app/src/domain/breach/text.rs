//! Checks shared by the parts: cleaned text within a length, codes from a list, counts and
//! dates. Each problem is recorded on its field as an i18n key `breach.error.<field>.<problem>`.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};

use super::forms::DateTimeFields;
use crate::domain::readiness::FieldErrors;
use crate::domain::submission::{clean_line, clean_text};

/// The key of `problem` on `field` (`when.day` → `breach.error.when.day.required`).
pub fn key(field: &str, problem: &str) -> String {
    format!("breach.error.{field}.{problem}")
}

/// A one-line answer, cleaned; `None` when empty (an error if `required`).
pub fn line(
    errors: &mut FieldErrors,
    field: &str,
    text: &str,
    max: usize,
    required: bool,
) -> Option<String> {
    within(errors, field, clean_line(text), max, required)
}

/// A long answer (paragraphs kept), cleaned; `None` when empty (an error if `required`).
pub fn long(
    errors: &mut FieldErrors,
    field: &str,
    text: &str,
    max: usize,
    required: bool,
) -> Option<String> {
    within(errors, field, clean_text(text), max, required)
}

fn within(
    errors: &mut FieldErrors,
    field: &str,
    text: String,
    max: usize,
    required: bool,
) -> Option<String> {
    if text.is_empty() {
        if required {
            errors.add(field, key(field, "required"));
        }
        return None;
    }
    if text.chars().count() > max {
        errors.add(field, key(field, "too_long"));
        return None;
    }
    Some(text)
}

/// One code from a radio group (`required`: an error when none is chosen or it is unknown).
pub fn choice<T>(
    errors: &mut FieldErrors,
    field: &str,
    code: &str,
    from_code: fn(&str) -> Option<T>,
    required: bool,
) -> Option<T> {
    let code = code.trim();
    if code.is_empty() {
        if required {
            errors.add(field, key(field, "required"));
        }
        return None;
    }
    let value = from_code(code);
    if value.is_none() {
        errors.add(field, key(field, "required"));
    }
    value
}

/// Ticked codes, each known, without repeats, in the order given (`required`: at least one).
pub fn ticks<T: PartialEq>(
    errors: &mut FieldErrors,
    field: &str,
    codes: &[String],
    from_code: fn(&str) -> Option<T>,
    required: bool,
) -> Vec<T> {
    let mut values = Vec::new();
    for code in codes
        .iter()
        .map(|code| code.trim())
        .filter(|c| !c.is_empty())
    {
        match from_code(code) {
            Some(value) if !values.contains(&value) => values.push(value),
            Some(_) => {}
            None => {
                errors.add(field, key(field, "required"));
                return Vec::new();
            }
        }
    }
    if values.is_empty() && required {
        errors.add(field, key(field, "required"));
    }
    values
}

/// A whole number from 1 to `max`, with thousands separators allowed ("12,500").
pub fn count(errors: &mut FieldErrors, field: &str, text: &str, max: u64) -> Option<u64> {
    let digits: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '_'))
        .collect();
    if digits.is_empty() {
        errors.add(field, key(field, "required"));
        return None;
    }
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        errors.add(field, key(field, "not_a_number"));
        return None;
    }
    match digits.parse::<u64>() {
        Ok(0) => {
            errors.add(field, key(field, "zero"));
            None
        }
        Ok(value) if value <= max => Some(value),
        _ => {
            errors.add(field, key(field, "too_many"));
            None
        }
    }
}

fn number(text: &str) -> Option<u32> {
    let text = text.trim();
    (!text.is_empty() && text.len() <= 4 && text.chars().all(|c| c.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// A date with an optional time (`time_required`: the time too). Returns the date-time (midnight
/// when no time was given) and whether a time was given. Never in the future of `now`, nor more
/// than `oldest_years` before it.
pub fn date_time(
    errors: &mut FieldErrors,
    field: &str,
    fields: &DateTimeFields,
    now: NaiveDateTime,
    oldest_years: i32,
    time_required: bool,
) -> Option<(NaiveDateTime, bool)> {
    let parts = [&fields.day, &fields.month, &fields.year];
    if parts.iter().all(|part| part.trim().is_empty()) {
        errors.add(format!("{field}.day"), key(field, "required"));
        return None;
    }
    let (Some(day), Some(month), Some(year)) = (
        number(&fields.day),
        number(&fields.month),
        number(&fields.year),
    ) else {
        errors.add(format!("{field}.day"), key(field, "invalid"));
        return None;
    };
    let Some(date) = i32::try_from(year)
        .ok()
        .filter(|year| *year >= 1000)
        .and_then(|year| NaiveDate::from_ymd_opt(year, month, day))
    else {
        errors.add(format!("{field}.day"), key(field, "invalid"));
        return None;
    };
    let (hour, minute) = (fields.hour.trim(), fields.minute.trim());
    let time = if hour.is_empty() && minute.is_empty() {
        if time_required {
            errors.add(format!("{field}.hour"), key(field, "time_required"));
            return None;
        }
        None
    } else {
        let time = number(hour)
            .zip(if minute.is_empty() {
                Some(0)
            } else {
                number(minute)
            })
            .and_then(|(hour, minute)| NaiveTime::from_hms_opt(hour, minute, 0));
        let Some(time) = time else {
            errors.add(format!("{field}.hour"), key(field, "invalid_time"));
            return None;
        };
        Some(time)
    };
    let at = date.and_time(time.unwrap_or(NaiveTime::MIN));
    let in_future = match time {
        Some(_) => at > now,
        None => date > now.date(),
    };
    if in_future {
        errors.add(format!("{field}.day"), key(field, "future"));
        return None;
    }
    if date.year() + oldest_years < now.year() {
        errors.add(format!("{field}.day"), key(field, "too_old"));
        return None;
    }
    Some((at, time.is_some()))
}
