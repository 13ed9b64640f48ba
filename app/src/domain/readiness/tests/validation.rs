//! Validation of a concern's dates.

use super::*;

fn errors(concern: &Concern, today: &str) -> Vec<String> {
    match validate(concern, date(today), noon(today)) {
        Ok(()) => Vec::new(),
        Err(errors) => errors.iter().map(|(field, _)| field.to_owned()).collect(),
    }
}

#[test]
fn dates_on_or_before_today_are_valid() {
    let mut foi = concern(Route::Foi);
    foi.raised_on = Some(date("2026-01-05"));
    foi.response_on = Some(date("2026-01-05"));
    foi.internal_review_requested_on = Some(date("2026-03-02"));
    foi.internal_review_outcome_on = Some(date("2026-03-02"));
    assert!(errors(&foi, "2026-03-02").is_empty());
}

#[test]
fn every_date_after_today_is_an_error_on_its_own_field() {
    let tomorrow = Some(date("2026-03-03"));
    let mut any = concern(Route::Foi);
    any.raised_on = tomorrow;
    any.response_on = tomorrow;
    any.internal_review_requested_on = tomorrow;
    any.internal_review_outcome_on = tomorrow;
    any.last_contact_on = tomorrow;
    any.incident_on = tomorrow;
    assert_eq!(
        errors(&any, "2026-03-02"),
        [
            "incident_on",
            "internal_review_outcome_on",
            "internal_review_requested_on",
            "last_contact_on",
            "raised_on",
            "response_on"
        ]
    );
}

#[test]
fn a_response_before_the_request_is_an_error() {
    let mut dp = concern(Route::DataProtection);
    dp.raised_on = Some(date("2026-02-01"));
    dp.response_on = Some(date("2026-01-31"));
    let result = validate(&dp, date("2026-03-02"), noon("2026-03-02"));
    let errors = result.expect_err("invalid");
    assert!(errors.get("response_on").is_some());
    assert_eq!(errors.iter().count(), 1);
}

#[test]
fn an_internal_review_outcome_before_its_request_is_an_error() {
    let mut foi = concern(Route::Foi);
    foi.internal_review_requested_on = Some(date("2026-02-10"));
    foi.internal_review_outcome_on = Some(date("2026-02-09"));
    assert_eq!(errors(&foi, "2026-03-02"), ["internal_review_outcome_on"]);
}

#[test]
fn awareness_of_a_breach_after_now_is_an_error() {
    let mut breach = concern(Route::Breach);
    breach.aware_at = Some(instant("2026-03-02T12:00:01Z"));
    assert_eq!(errors(&breach, "2026-03-02"), ["aware_at"]);
    breach.aware_at = Some(instant("2026-03-02T12:00:00Z"));
    assert!(errors(&breach, "2026-03-02").is_empty());
}

#[test]
fn awareness_of_a_breach_after_its_report_is_an_error() {
    let mut breach = concern(Route::Breach);
    breach.aware_at = Some(instant("2026-03-01T10:00:00Z"));
    breach.reported_at = Some(instant("2026-03-01T09:00:00Z"));
    assert_eq!(errors(&breach, "2026-03-02"), ["aware_at"]);
}
