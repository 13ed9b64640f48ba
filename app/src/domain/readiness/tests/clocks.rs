//! Deadlines at their boundaries, month-end clamps, working-day shifts and verdict precedence.

use super::*;
use crate::domain::calendar::CalendarError;

fn subject_access_raised_on(raised_on: &str) -> Concern {
    let mut dp = concern(Route::DataProtection);
    dp.subject_access = true;
    dp.raised_on = Some(date(raised_on));
    dp
}

fn foi_raised_on(raised_on: &str) -> Concern {
    let mut foi = concern(Route::Foi);
    foi.organisation.public_authority = Some(true);
    foi.raised_on = Some(date(raised_on));
    foi
}

#[test]
fn on_the_deadline_day_the_organisation_is_still_in_time() {
    let mut dp = concern(Route::DataProtection);
    dp.raised_on = Some(date("2026-02-01"));
    assert_eq!(
        assess_on(&dp, "2026-03-03").reasons,
        [Reason::AwaitingResponse]
    );
    assert_eq!(
        assess_on(&dp, "2026-03-04").reasons,
        [Reason::ResponseOverdue]
    );
}

#[test]
fn on_the_last_day_of_the_undue_delay_window_the_concern_is_in_time() {
    let mut dp = concern(Route::DataProtection);
    dp.raised_on = Some(date("2025-10-01"));
    dp.response_on = Some(date("2025-10-20"));
    assert_eq!(assess_on(&dp, "2026-01-20").verdict, Verdict::Ready);
    assert_eq!(assess_on(&dp, "2026-01-21").verdict, Verdict::Late);
}

#[test]
fn a_subject_access_request_made_on_31_january_is_due_on_the_last_day_of_february_or_after() {
    // 28 February 2026 is a Saturday: the deadline moves to Monday 2 March.
    let assessment = assess_on(&subject_access_raised_on("2026-01-31"), "2026-02-10");
    assert_eq!(assessment.response_due, Some(date("2026-03-02")));
    assert_eq!(assessment.can_complain_from, Some(date("2026-03-03")));
    // 29 February 2028 is a Tuesday.
    let leap = assess_on(&subject_access_raised_on("2028-01-31"), "2028-02-10");
    assert_eq!(leap.response_due, Some(date("2028-02-29")));
}

#[test]
fn a_subject_access_deadline_on_a_bank_holiday_moves_to_the_next_working_day() {
    // 25 May 2026 is the spring bank holiday.
    let assessment = assess_on(&subject_access_raised_on("2026-04-25"), "2026-05-25");
    assert_eq!(assessment.response_due, Some(date("2026-05-26")));
    assert_eq!(assessment.reasons, [Reason::AwaitingResponse]);
    assert_eq!(
        assess_on(&subject_access_raised_on("2026-04-25"), "2026-05-27").reasons,
        [Reason::ResponseOverdue]
    );
}

#[test]
fn a_scotland_only_bank_holiday_does_not_move_a_subject_access_deadline() {
    // 2 January 2026 is a bank holiday in Scotland only.
    let assessment = assess_on(&subject_access_raised_on("2025-12-02"), "2025-12-20");
    assert_eq!(assessment.response_due, Some(date("2026-01-02")));
}

#[test]
fn other_data_protection_deadlines_stay_on_weekends() {
    let mut dp = concern(Route::DataProtection);
    dp.raised_on = Some(date("2026-01-29"));
    // 29 January + 30 days = Saturday 28 February.
    assert_eq!(
        assess_on(&dp, "2026-02-10").response_due,
        Some(date("2026-02-28"))
    );
}

#[test]
fn the_undue_delay_window_clamps_to_the_end_of_a_shorter_month() {
    let mut dp = concern(Route::DataProtection);
    dp.raised_on = Some(date("2025-11-30"));
    dp.response_on = Some(date("2025-11-30"));
    assert_eq!(
        assess_on(&dp, "2026-01-10").complain_by,
        Some(date("2026-02-28"))
    );
}

#[test]
fn a_holiday_only_in_scotland_pushes_an_foi_deadline() {
    // 20 working days from 3 December 2025 skip Christmas, Boxing Day and New Year's Day
    // everywhere, and 2 January in Scotland: 6 January rather than 5 January.
    let foi = foi_raised_on("2025-12-03");
    assert_eq!(
        assess_on(&foi, "2025-12-20").response_due,
        Some(date("2026-01-06"))
    );
    assert_eq!(
        assess_on(&foi, "2026-01-06").reasons,
        [Reason::AwaitingResponse]
    );
    assert_eq!(
        assess_on(&foi, "2026-01-07").reasons,
        [Reason::ResponseOverdue]
    );
}

#[test]
fn a_holiday_only_in_northern_ireland_pushes_an_foi_deadline() {
    // 13 July 2026 (the Twelfth, substitute day) is a holiday only in Northern Ireland.
    let assessment = assess_on(&foi_raised_on("2026-06-22"), "2026-07-01");
    assert_eq!(assessment.response_due, Some(date("2026-07-21")));
    assert_eq!(assessment.can_complain_from, Some(date("2026-07-22")));
}

#[test]
fn an_internal_review_deadline_day_is_pending_and_the_day_after_is_overdue() {
    let mut foi = foi_raised_on("2026-01-05");
    foi.response_on = Some(date("2026-01-30"));
    foi.internal_review_requested_on = Some(date("2026-02-02"));
    assert_eq!(
        assess_on(&foi, "2026-03-31").reasons,
        [Reason::InternalReviewPending]
    );
    assert_eq!(
        assess_on(&foi, "2026-04-01").reasons,
        [Reason::InternalReviewOverdue]
    );
}

#[test]
fn an_overdue_response_and_undue_delay_make_it_late() {
    let mut dp = concern(Route::DataProtection);
    dp.raised_on = Some(date("2025-09-01"));
    let assessment = assess_on(&dp, "2026-01-05");
    assert_eq!(
        assessment.reasons,
        [Reason::ResponseOverdue, Reason::UndueDelay]
    );
    assert_eq!(assessment.verdict, Verdict::Late);
    assert_eq!(assessment.response_due, Some(date("2025-10-01")));
    assert_eq!(assessment.complain_by, Some(date("2025-12-01")));
}

#[test]
fn missing_documents_and_undue_delay_make_it_not_yet_ready() {
    let mut foi = foi_raised_on("2025-06-02");
    foi.response_on = Some(date("2025-06-20"));
    foi.internal_review_requested_on = Some(date("2025-06-23"));
    foi.internal_review_outcome_on = Some(date("2025-07-10"));
    foi.documents = Some(vec![DocumentKind::InformationRequest]);
    let assessment = assess_on(&foi, "2026-01-05");
    assert_eq!(
        assessment.reasons,
        [Reason::UndueDelay, Reason::MissingDocuments]
    );
    assert_eq!(assessment.verdict, Verdict::NotYet);
    assert_eq!(
        assessment.missing_documents,
        [
            DocumentKind::AuthorityResponse,
            DocumentKind::InternalReviewRequest,
            DocumentKind::InternalReviewOutcome
        ]
    );
}

#[test]
fn an_overdue_internal_review_and_undue_delay_make_it_late() {
    let mut foi = foi_raised_on("2025-06-02");
    foi.response_on = Some(date("2025-06-20"));
    foi.internal_review_requested_on = Some(date("2025-06-23"));
    let assessment = assess_on(&foi, "2026-01-05");
    assert_eq!(
        assessment.reasons,
        [Reason::InternalReviewOverdue, Reason::UndueDelay]
    );
    assert_eq!(assessment.verdict, Verdict::Late);
}

#[test]
fn a_not_for_us_rule_wins_over_every_other_rule() {
    let mut foi = concern(Route::Foi);
    foi.organisation.public_authority = Some(false);
    foi.documents = Some(Vec::new());
    let assessment = assess_on(&foi, "2026-03-02");
    assert_eq!(assessment.reasons, [Reason::NotPublicAuthority]);
    assert_eq!(assessment.verdict, Verdict::NotForUs);
}

#[test]
fn a_clock_past_the_bank_holiday_data_is_an_explicit_error() {
    let result = assess(
        &foi_raised_on("2028-12-20"),
        date("2028-12-21"),
        noon("2028-12-21"),
        &calendar(),
        &ReadinessSettings::default(),
    );
    assert!(matches!(
        result,
        Err(AssessError::Calendar(CalendarError::BeyondData {
            last_year: 2028,
            ..
        }))
    ));
    let result = assess(
        &subject_access_raised_on("2028-12-15"),
        date("2028-12-21"),
        noon("2028-12-21"),
        &calendar(),
        &ReadinessSettings::default(),
    );
    assert!(result.is_err());
}

#[test]
fn a_calendar_day_clock_needs_no_bank_holiday_data() {
    let mut dp = concern(Route::DataProtection);
    dp.raised_on = Some(date("2030-01-02"));
    let assessment = assess_on(&dp, "2030-01-10");
    assert_eq!(assessment.response_due, Some(date("2030-02-01")));
}
