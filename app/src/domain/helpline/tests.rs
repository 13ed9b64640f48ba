//! The helpline's rules: callback due dates (weekends, bank holidays, an officer away, the line
//! of managers) and how a search is read.

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, Weekday};
use proptest::prelude::*;

use super::*;
use crate::domain::calendar::{Calendar, Division};

const BANK_HOLIDAYS_JSON: &str = include_str!("../../../data/bank-holidays.json");

fn calendar() -> Calendar {
    Calendar::from_govuk_json(BANK_HOLIDAYS_JSON).expect("the shipped bank holiday data is valid")
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

fn person(id: &str, away_until: Option<NaiveDate>, manager: Option<&str>) -> Callee {
    Callee {
        id: id.to_owned(),
        name: format!("{id} name"),
        away_until,
        manager_id: manager.map(str::to_owned),
        active: true,
    }
}

fn staff(people: &[&Callee]) -> HashMap<String, Callee> {
    people
        .iter()
        .map(|p| (p.id.clone(), (*p).clone()))
        .collect()
}

/// Working days in (from, to].
fn working_days_between(calendar: &Calendar, from: NaiveDate, to: NaiveDate) -> u32 {
    let mut count = 0;
    let mut day = from;
    while day < to {
        day = day.succ_opt().unwrap();
        if calendar
            .is_working_day(day, Division::EnglandAndWales)
            .unwrap()
        {
            count += 1;
        }
    }
    count
}

#[test]
fn an_officer_in_calls_back_within_two_working_days_skipping_the_weekend() {
    let officer = person("officer", None, None);
    // Thursday 5 March 2026: Friday is day 1, Monday day 2.
    let plan = plan_callback(
        Some(&officer),
        &staff(&[&officer]),
        date(2026, 3, 5),
        true,
        &calendar(),
    )
    .unwrap();
    assert_eq!(plan.due_on, date(2026, 3, 9));
    assert_eq!(plan.staff_id, "officer");
    assert!(plan.passed_over.is_empty() && plan.after_return.is_none());
}

#[test]
fn easter_is_skipped_good_friday_and_easter_monday() {
    let officer = person("officer", None, None);
    // Thursday 2 April 2026: Good Friday 3rd, weekend, Easter Monday 6th; Tue 7th is day 1.
    let plan = plan_callback(
        Some(&officer),
        &staff(&[&officer]),
        date(2026, 4, 2),
        true,
        &calendar(),
    )
    .unwrap();
    assert_eq!(plan.due_on, date(2026, 4, 8));
}

#[test]
fn an_officer_away_calls_back_within_two_working_days_of_their_return() {
    // Away until Thursday 2 April: back Tuesday 7 April (Easter), due Thursday 9 April.
    let officer = person("officer", Some(date(2026, 4, 2)), Some("manager"));
    let manager = person("manager", None, None);
    let plan = plan_callback(
        Some(&officer),
        &staff(&[&officer, &manager]),
        date(2026, 3, 2),
        true,
        &calendar(),
    )
    .unwrap();
    assert_eq!(plan.staff_id, "officer");
    assert_eq!(plan.after_return, Some(date(2026, 4, 7)));
    assert_eq!(plan.due_on, date(2026, 4, 9));
}

#[test]
fn a_caller_who_will_not_wait_goes_to_the_manager_then_theirs() {
    let officer = person("officer", Some(date(2026, 3, 20)), Some("manager"));
    let manager = person("manager", Some(date(2026, 3, 10)), Some("head"));
    let head = person("head", None, None);
    let people = staff(&[&officer, &manager, &head]);
    let plan = plan_callback(
        Some(&officer),
        &people,
        date(2026, 3, 2),
        false,
        &calendar(),
    )
    .unwrap();
    assert_eq!(plan.staff_id, "head");
    assert_eq!(plan.due_on, date(2026, 3, 4));
    assert_eq!(plan.passed_over, vec!["officer name", "manager name"]);
}

#[test]
fn a_manager_back_tomorrow_can_still_call_in_time() {
    let officer = person("officer", Some(date(2026, 3, 20)), Some("manager"));
    let manager = person("manager", Some(date(2026, 3, 2)), None);
    let people = staff(&[&officer, &manager]);
    let plan = plan_callback(
        Some(&officer),
        &people,
        date(2026, 3, 2),
        false,
        &calendar(),
    )
    .unwrap();
    assert_eq!(plan.staff_id, "manager");
}

#[test]
fn nobody_up_the_line_and_nobody_to_ask_are_told_apart() {
    let officer = person("officer", Some(date(2026, 3, 20)), Some("manager"));
    let manager = person("manager", Some(date(2026, 3, 20)), Some("officer"));
    let people = staff(&[&officer, &manager]);
    let problem = plan_callback(
        Some(&officer),
        &people,
        date(2026, 3, 2),
        false,
        &calendar(),
    );
    assert_eq!(
        problem,
        Err(CallbackProblem::NobodyAvailable(vec![
            "officer name".to_owned(),
            "manager name".to_owned()
        ]))
    );
    let none = plan_callback(None, &people, date(2026, 3, 2), false, &calendar());
    assert_eq!(none, Err(CallbackProblem::NobodyToAsk));
}

#[test]
fn an_inactive_account_is_passed_over() {
    let mut officer = person("officer", None, Some("manager"));
    officer.active = false;
    let manager = person("manager", None, None);
    let people = staff(&[&officer, &manager]);
    let plan = plan_callback(Some(&officer), &people, date(2026, 3, 2), true, &calendar()).unwrap();
    assert_eq!(plan.staff_id, "manager");
}

fn any_day() -> impl Strategy<Value = NaiveDate> {
    (0u32..700).prop_map(|n| date(2026, 1, 1) + chrono::Days::new(u64::from(n)))
}

proptest! {
    #[test]
    fn the_due_date_is_a_working_day_within_two_working_days(
        today in any_day(),
        away in proptest::option::of(0u32..40),
        manager_away in proptest::option::of(0u32..10),
        waits in any::<bool>(),
    ) {
        let calendar = calendar();
        let away_until = away.map(|n| today + chrono::Days::new(u64::from(n)));
        let manager_until = manager_away.map(|n| today + chrono::Days::new(u64::from(n)));
        let officer = person("officer", away_until, Some("manager"));
        let manager = person("manager", manager_until, None);
        let people = staff(&[&officer, &manager]);
        let deadline = calendar.add_working_days(today, 2, Division::EnglandAndWales).unwrap();
        match plan_callback(Some(&officer), &people, today, waits, &calendar) {
            Ok(plan) => {
                prop_assert!(calendar.is_working_day(plan.due_on, Division::EnglandAndWales).unwrap());
                prop_assert!(!matches!(plan.due_on.weekday(), Weekday::Sat | Weekday::Sun));
                match plan.after_return {
                    // Within 2 working days of the return (the return day is day 0).
                    Some(back) => {
                        prop_assert!(waits);
                        prop_assert_eq!(working_days_between(&calendar, back, plan.due_on), 2);
                        prop_assert!(back > today);
                    }
                    // Within 2 working days of today, by someone in by then.
                    None => {
                        prop_assert_eq!(plan.due_on, deadline);
                        prop_assert_eq!(working_days_between(&calendar, today, plan.due_on), 2);
                        let who = &people[&plan.staff_id];
                        prop_assert!(return_day(who, today, &calendar).unwrap() <= deadline);
                    }
                }
            }
            Err(CallbackProblem::NobodyAvailable(passed)) => {
                prop_assert!(!waits);
                prop_assert_eq!(passed.len(), 2);
            }
            Err(other) => prop_assert!(false, "{other:?}"),
        }
    }
}

#[test]
fn searches_are_read_as_what_they_look_like() {
    let read = |typed: &str| classify(typed, None).map(|q| (q.kind, q.text));
    assert_eq!(read("  "), None);
    assert_eq!(
        read("ic-123456-abcd"),
        Some((SearchKind::Reference, "ic-123456-abcd".to_owned()))
    );
    assert_eq!(
        read(" Alex@Example.ORG "),
        Some((SearchKind::Email, "alex@example.org".to_owned()))
    );
    assert_eq!(
        read("+44 7700 900-123"),
        Some((SearchKind::Phone, "07700900123".to_owned()))
    );
    assert_eq!(normalise_phone("07700 900 123"), "07700900123");
    assert_eq!(normalise_phone("+447700900123"), "07700900123");
    assert_eq!(
        read("  Alex   JONES "),
        Some((SearchKind::Words, "alex jones".to_owned()))
    );
    assert_eq!(
        classify("Example Ltd", Some(SearchKind::Organisation)).map(|q| q.kind),
        Some(SearchKind::Organisation)
    );
}

#[test]
fn a_prefix_range_ends_just_past_the_prefix() {
    assert_eq!(prefix_end("alex").as_deref(), Some("aley"));
    assert_eq!(prefix_end(""), None);
    let end = prefix_end("alex").unwrap();
    assert!("alex jones" < end.as_str() && "alexander" < end.as_str());
    assert!("aley" >= end.as_str());
}
