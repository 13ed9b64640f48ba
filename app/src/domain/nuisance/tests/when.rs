use chrono::{NaiveDate, NaiveTime};

use super::now;
use crate::domain::nuisance::{parse_when, When, WhenFields};
use crate::domain::readiness::FieldErrors;

fn when(day: &str, month: &str, year: &str, hour: &str, minute: &str) -> Result<When, FieldErrors> {
    let mut errors = FieldErrors::new();
    let fields = WhenFields {
        day,
        month,
        year,
        hour,
        minute,
    };
    parse_when(fields, now(), 365, "", &mut errors).ok_or(errors)
}

fn error(result: Result<When, FieldErrors>) -> (String, String) {
    let errors = result.unwrap_err();
    let (field, message) = errors.iter().next().unwrap();
    (field.to_owned(), message.to_owned())
}

#[test]
fn a_date_with_a_time_is_read_from_the_govuk_fields() {
    assert_eq!(
        when(" 01", "3", "2026", "09", "5").unwrap(),
        When {
            date: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            time: NaiveTime::from_hms_opt(9, 5, 0),
        }
    );
}

#[test]
fn the_time_is_optional_but_needs_both_parts() {
    assert_eq!(when("2", "3", "2026", "", "").unwrap().time, None);
    assert_eq!(
        error(when("2", "3", "2026", "9", "")),
        (
            "when.minute".into(),
            "nuisance.error.when.missing.minute".into()
        )
    );
    assert_eq!(
        error(when("2", "3", "2026", "25", "00")),
        (
            "when.hour".into(),
            "nuisance.error.when.invalid_time".into()
        )
    );
}

#[test]
fn later_today_or_tomorrow_is_the_future() {
    assert_eq!(
        error(when("2", "3", "2026", "14", "31")).1,
        "nuisance.error.when.future"
    );
    assert_eq!(
        error(when("3", "3", "2026", "", "")).1,
        "nuisance.error.when.future"
    );
    assert!(when("2", "3", "2026", "14", "30").is_ok());
}

#[test]
fn more_than_a_year_ago_is_too_old() {
    assert!(when("2", "3", "2025", "", "").is_ok());
    assert_eq!(
        error(when("1", "3", "2025", "", "")).1,
        "nuisance.error.when.too_old"
    );
}

#[test]
fn impossible_or_incomplete_dates_are_refused_on_their_field() {
    assert_eq!(
        error(when("", "", "", "", "")),
        ("when".into(), "nuisance.error.when.required".into())
    );
    assert_eq!(
        error(when("1", "", "2026", "", "")),
        (
            "when.month".into(),
            "nuisance.error.when.missing.month".into()
        )
    );
    assert_eq!(
        error(when("30", "2", "2026", "", "")).1,
        "nuisance.error.when.invalid"
    );
    assert_eq!(error(when("1", "13", "2026", "", "")).0, "when.month");
    assert_eq!(
        error(when("1", "3", "26", "", "")).1,
        "nuisance.error.when.year_digits"
    );
    assert_eq!(error(when("one", "3", "2026", "", "")).0, "when.day");
}
