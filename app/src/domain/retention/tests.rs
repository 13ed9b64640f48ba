use chrono::NaiveDate;

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn closed(on: NaiveDate, outcome: Outcome) -> CaseFacts {
    CaseFacts {
        status: CaseStatus::Closed,
        closed_on: Some(on),
        outcome: Some(outcome),
        last_added_on: None,
    }
}

const SETTINGS: RetentionSettings = RetentionSettings {
    closed_case_months: 24,
    marked_for_deletion_days: 30,
};

#[test]
fn the_defaults_are_the_manuals_two_years_and_thirty_days_for_marked_cases() {
    assert_eq!(RetentionSettings::default(), SETTINGS);
}

#[test]
fn a_closed_case_is_deleted_on_the_second_anniversary_of_its_closure_not_before() {
    let case = closed(day(2024, 12, 6), Outcome::NotDpa);
    assert_eq!(due(&case, day(2026, 12, 5), &SETTINGS), None);
    assert_eq!(
        due(&case, day(2026, 12, 6), &SETTINGS),
        Some(Deletion::RetentionEnded)
    );
    assert_eq!(
        due(&case, day(2030, 1, 1), &SETTINGS),
        Some(Deletion::RetentionEnded)
    );
}

#[test]
fn a_document_added_after_closure_starts_the_two_years_again() {
    let mut case = closed(day(2024, 1, 10), Outcome::NotDpa);
    case.last_added_on = Some(day(2024, 6, 1));
    assert_eq!(due(&case, day(2026, 1, 10), &SETTINGS), None);
    assert_eq!(
        due(&case, day(2026, 6, 1), &SETTINGS),
        Some(Deletion::RetentionEnded)
    );
    // A document older than the closure changes nothing.
    case.last_added_on = Some(day(2023, 1, 1));
    assert_eq!(
        due(&case, day(2026, 1, 10), &SETTINGS),
        Some(Deletion::RetentionEnded)
    );
}

#[test]
fn an_open_or_reopened_case_is_never_due() {
    let mut case = closed(day(2010, 1, 1), Outcome::Duplicate);
    case.status = CaseStatus::Open;
    assert_eq!(due(&case, day(2030, 1, 1), &SETTINGS), None);
    let no_date = CaseFacts {
        closed_on: None,
        ..closed(day(2010, 1, 1), Outcome::NotDpa)
    };
    assert_eq!(due(&no_date, day(2030, 1, 1), &SETTINGS), None);
}

#[test]
fn each_marked_for_deletion_outcome_is_purged_after_its_period() {
    for outcome in [
        Outcome::Duplicate,
        Outcome::DocumentsPastedIntoExistingCase,
        Outcome::NonCmeh,
        Outcome::ScannedInError,
    ] {
        let case = closed(day(2026, 11, 1), outcome);
        assert_eq!(due(&case, day(2026, 11, 30), &SETTINGS), None, "{outcome}");
        assert_eq!(
            due(&case, day(2026, 12, 1), &SETTINGS),
            Some(Deletion::MarkedForDeletion),
            "{outcome}"
        );
    }
    // Another outcome closed on the same day waits its two years.
    let kept = closed(day(2026, 11, 1), Outcome::NotDpa);
    assert_eq!(due(&kept, day(2026, 12, 1), &SETTINGS), None);
}

#[test]
fn a_marked_case_goes_on_the_earlier_date_when_the_period_is_set_longer_than_two_years() {
    let settings = RetentionSettings {
        closed_case_months: 12,
        marked_for_deletion_days: 800,
    };
    let case = closed(day(2024, 1, 1), Outcome::Duplicate);
    assert_eq!(
        deletion_date(&case, &settings),
        Some((day(2025, 1, 1), Deletion::RetentionEnded))
    );
}

#[test]
fn the_candidate_days_never_leave_out_a_case_that_is_due() {
    // Every closing day over four years, every `today` in a year with a 29 February and month
    // ends: a case that is due always closed on or before the candidate day.
    let mut today = day(2027, 12, 1);
    while today <= day(2028, 12, 31) {
        let until = retention_candidates_until(today, &SETTINGS);
        let marked_until = marked_candidates_until(today, &SETTINGS);
        let mut closed_on = day(2025, 1, 1);
        while closed_on <= day(2028, 12, 31) {
            let plain = closed(closed_on, Outcome::NotDpa);
            if due(&plain, today, &SETTINGS).is_some() {
                assert!(
                    closed_on <= until,
                    "{closed_on} due on {today}, after {until}"
                );
            }
            let marked = closed(closed_on, Outcome::Duplicate);
            if due(&marked, today, &SETTINGS) == Some(Deletion::MarkedForDeletion) {
                assert!(closed_on <= marked_until, "{closed_on} on {today}");
            }
            closed_on = closed_on.succ_opt().unwrap_or(closed_on);
        }
        today = today.succ_opt().unwrap_or(today);
    }
}

#[test]
fn the_last_day_of_february_in_a_leap_year_is_deleted_on_the_28th_two_years_on() {
    let case = closed(day(2024, 2, 29), Outcome::NotDpa);
    assert_eq!(
        deletion_date(&case, &SETTINGS),
        Some((day(2026, 2, 28), Deletion::RetentionEnded))
    );
    assert!(day(2024, 2, 29) <= retention_candidates_until(day(2026, 2, 28), &SETTINGS));
}

#[test]
fn a_merged_duplicate_party_record_is_purged_after_the_period() {
    assert!(!merged_party_due(
        day(2026, 11, 1),
        day(2026, 11, 30),
        &SETTINGS
    ));
    assert!(merged_party_due(
        day(2026, 11, 1),
        day(2026, 12, 1),
        &SETTINGS
    ));
}

#[test]
fn a_journey_expires_after_its_days_untouched() {
    let now = 1_800_000_000;
    assert!(!journey_expired(now - 28 * 86_400, now, 28));
    assert!(journey_expired(now - 28 * 86_400 - 1, now, 28));
    assert!(!journey_expired(now, now, 0));
    assert_eq!(journey_cutoff(i64::MIN, u32::MAX), i64::MIN);
}
