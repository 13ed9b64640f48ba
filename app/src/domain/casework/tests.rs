//! The casework workspace's rules: clocks across weekends and bank holidays, queue names, reasons
//! and the exception reports.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use chrono::NaiveDate;
use serde_json::json;

use super::*;
use crate::domain::calendar::{Calendar, Division};
use crate::domain::case::{
    closure_problems, CaseKind, CaseRecord, CaseSettings, CaseStatus, ClosureProblem,
    IntakeChannel, Priority, SlaState, WorkQueue,
};

const BANK_HOLIDAYS_JSON: &str = include_str!("../../../data/bank-holidays.json");

fn calendar() -> Calendar {
    Calendar::from_govuk_json(BANK_HOLIDAYS_JSON).expect("the shipped bank holiday data is valid")
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

/// A new RFA case handed in on `created`, not yet sifted.
fn new_case(case_type: CaseKind, created: NaiveDate) -> CaseRecord {
    CaseRecord {
        reference: "IC-000123-ABCD".to_owned(),
        case_type,
        work_queue: WorkQueue::Numbered(6),
        priority: Priority::Normal,
        channel: IntakeChannel::Api,
        status: CaseStatus::Open,
        title: String::new(),
        created_on: created,
        instance: 1,
        opened_on: created,
        assign_by: created,
        first_contact_due: created + chrono::Days::new(14),
        contact_promised_by: created + chrono::Days::new(30),
        close_by: created + chrono::Months::new(6),
        organisation_name: None,
        sector: None,
        assigned_to: None,
        allocated_on: None,
        sifted_on: None,
        closed_on: None,
        outcome: None,
        no_further_contact: None,
    }
}

fn clocks(case: &CaseRecord, today: NaiveDate) -> CaseClocks {
    case_clocks(case, None, &calendar(), &CaseSettings::default(), today)
}

#[test]
fn a_stopped_clock_is_on_time_up_to_its_due_day_and_overdue_after() {
    let due = date(2026, 3, 5);
    let today = date(2026, 6, 1);
    assert_eq!(
        clock_state(due, Some(date(2026, 3, 5)), today, 3),
        SlaState::OnTime
    );
    assert_eq!(
        clock_state(due, Some(date(2026, 3, 6)), today, 3),
        SlaState::Overdue
    );
    assert_eq!(
        clock_state(due, None, date(2026, 3, 1), 3),
        SlaState::OnTime
    );
    assert_eq!(
        clock_state(due, None, date(2026, 3, 2), 3),
        SlaState::DueSoon
    );
    assert_eq!(
        clock_state(due, None, date(2026, 3, 5), 3),
        SlaState::DueSoon
    );
    assert_eq!(
        clock_state(due, None, date(2026, 3, 6), 3),
        SlaState::Overdue
    );
}

#[test]
fn assignment_skips_the_weekend() {
    // Friday 27 February 2026: three working days is Wednesday 4 March; COM five is Friday 6.
    let friday = date(2026, 2, 27);
    let due = |kind| assignment_due(kind, friday, &calendar(), &CaseSettings::default());
    assert_eq!(due(CaseKind::Rfa), Some(date(2026, 3, 4)));
    assert_eq!(due(CaseKind::Com), Some(date(2026, 3, 6)));
    assert_eq!(due(CaseKind::Rcc), Some(date(2026, 3, 6)));
}

#[test]
fn assignment_skips_easter_bank_holidays() {
    // Thursday 2 April 2026: Good Friday (3rd) and Easter Monday (6th) do not count.
    let thursday = date(2026, 4, 2);
    let due = assignment_due(
        CaseKind::Rfa,
        thursday,
        &calendar(),
        &CaseSettings::default(),
    );
    assert_eq!(due, Some(date(2026, 4, 9)));
}

#[test]
fn assignment_uses_the_settings_division() {
    // Monday 3 August 2026 is a Scottish bank holiday only.
    let friday = date(2026, 7, 31);
    let england = assignment_due(CaseKind::Rfa, friday, &calendar(), &CaseSettings::default());
    let uk_wide = CaseSettings {
        division: Division::UkWide,
        ..CaseSettings::default()
    };
    assert_eq!(england, Some(date(2026, 8, 5)));
    assert_eq!(
        assignment_due(CaseKind::Rfa, friday, &calendar(), &uk_wide),
        Some(date(2026, 8, 6))
    );
}

#[test]
fn past_the_calendar_the_stored_assignment_day_is_used() {
    let mut case = new_case(CaseKind::Rfa, date(2099, 1, 5));
    case.assign_by = date(2099, 1, 8);
    assert_eq!(
        assignment_due(
            CaseKind::Rfa,
            case.opened_on,
            &calendar(),
            &CaseSettings::default()
        ),
        None
    );
    assert_eq!(
        clocks(&case, date(2099, 1, 5)).assignment.due,
        date(2099, 1, 8)
    );
}

#[test]
fn a_new_case_on_the_sift_list_is_on_time_then_due_soon_then_overdue() {
    // Monday 2 March 2026: assign by Thursday 5 March.
    let case = new_case(CaseKind::Rfa, date(2026, 3, 2));
    let settings = CaseSettings {
        due_soon_days: 1,
        ..CaseSettings::default()
    };
    let on = |today| case_clocks(&case, None, &calendar(), &settings, today).assignment;
    assert_eq!(on(date(2026, 3, 2)).due, date(2026, 3, 5));
    assert_eq!(on(date(2026, 3, 2)).state, SlaState::OnTime);
    assert_eq!(on(date(2026, 3, 4)).state, SlaState::DueSoon);
    assert_eq!(on(date(2026, 3, 5)).state, SlaState::DueSoon);
    assert_eq!(on(date(2026, 3, 6)).state, SlaState::Overdue);
}

#[test]
fn routing_to_a_sector_queue_stops_the_assignment_clock_but_the_sift_list_does_not() {
    let mut case = new_case(CaseKind::Rfa, date(2026, 3, 2));
    case.sifted_on = Some(date(2026, 3, 4));
    let later = date(2026, 3, 20);
    assert_eq!(clocks(&case, later).assignment.state, SlaState::OnTime);
    case.work_queue = WorkQueue::Sift;
    assert_eq!(clocks(&case, later).assignment.state, SlaState::Overdue);
    case.work_queue = WorkQueue::Numbered(6);
    case.sifted_on = Some(date(2026, 3, 9));
    assert_eq!(clocks(&case, later).assignment.state, SlaState::Overdue);
}

#[test]
fn first_contact_and_closure_clocks() {
    let case = new_case(CaseKind::Rfa, date(2026, 3, 2));
    let today = date(2026, 3, 20);
    let running = clocks(&case, today);
    assert_eq!(running.first_contact.state, SlaState::Overdue);
    assert_eq!(running.contact_promised.state, SlaState::OnTime);
    assert_eq!(running.closure.state, SlaState::OnTime);
    let prepared = case_clocks(
        &case,
        Some(date(2026, 3, 10)),
        &calendar(),
        &CaseSettings::default(),
        today,
    );
    assert_eq!(prepared.first_contact.state, SlaState::OnTime);
    assert_eq!(prepared.contact_promised.done_on, Some(date(2026, 3, 10)));
    let kinds: Vec<ClockKind> = running.overdue().iter().map(|c| c.kind).collect();
    assert_eq!(kinds, vec![ClockKind::Assignment, ClockKind::FirstContact]);
}

#[test]
fn queue_slugs_round_trip() {
    for queue in queue_choices() {
        assert_eq!(queue_from_slug(&queue_slug(queue)), Some(queue), "{queue}");
    }
    assert_eq!(queue_from_slug(" 6 "), Some(WorkQueue::Numbered(6)));
    assert_eq!(queue_from_slug("0"), None);
    assert_eq!(queue_from_slug("19"), None);
    assert_eq!(queue_from_slug("nowhere"), None);
    assert_eq!(queue_choices().len(), 23);
}

#[test]
fn the_sift_never_makes_a_staff_case() {
    assert!(!sift_types().contains(&CaseKind::Ecs));
    assert!(sift_types().contains(&CaseKind::Rfa));
}

#[test]
fn reasons_are_required_and_bounded() {
    assert_eq!(reason_problem("  "), Some("missing"));
    assert_eq!(reason_problem("Wrong sector"), None);
    assert_eq!(
        reason_problem(&"x".repeat(MAX_REASON_CHARS + 1)),
        Some("too_long")
    );
}

#[test]
fn closures_are_read_leniently() {
    let empty = closure_from_attributes(&json!({}), None);
    assert_eq!(
        closure_problems(CaseKind::Rfa, &empty),
        vec![
            ClosureProblem::OutcomeMissing,
            ClosureProblem::NatureMissing
        ]
    );
    let delayed = json!({"outcome": "no_action_for_dc", "nature_1": "subject_access",
        "nature_2": null, "subject_access_delay": true});
    let closure = closure_from_attributes(&delayed, None);
    assert!(closure.subject_access_delay);
    assert_eq!(
        closure_problems(CaseKind::Rfa, &closure)
            .into_iter()
            .filter(|p| *p == ClosureProblem::SubjectAccessNatures)
            .count(),
        1
    );
}

#[test]
fn closed_and_reopened_the_same_day() {
    let instance = |reference: &str, number, opened: u32, closed: Option<u32>| InstanceDates {
        reference: reference.to_owned(),
        number,
        opened_on: date(2026, 3, opened),
        closed_on: closed.map(|d| date(2026, 3, d)),
    };
    let found = reopened_same_day(&[
        instance("IC-2", 2, 9, None),
        instance("IC-1", 1, 2, Some(4)),
        instance("IC-1", 2, 5, None),
        instance("IC-2", 1, 2, Some(9)),
        instance("IC-3", 1, 2, Some(9)),
    ]);
    assert_eq!(
        found,
        vec![ReopenedSameDay {
            reference: "IC-2".to_owned(),
            closed_instance: 1,
            on: date(2026, 3, 9),
        }]
    );
}

#[test]
fn reports_as_csv() {
    let headers = vec![
        "Reference".to_owned(),
        "Instance".to_owned(),
        "On".to_owned(),
    ];
    let rows = vec![ReopenedSameDay {
        reference: "IC-2".to_owned(),
        closed_instance: 1,
        on: date(2026, 3, 9),
    }];
    assert_eq!(
        reopened_same_day_csv(&headers, &rows),
        "Reference,Instance,On\r\nIC-2,1,2026-03-09\r\n"
    );
    let case = new_case(CaseKind::Rfa, date(2026, 3, 2));
    let overdue = clocks(&case, date(2026, 3, 20)).overdue();
    let past = PastServiceLevel {
        reference: case.reference.clone(),
        case_type: case.case_type,
        queue: WorkQueue::Numbered(6),
        officer: Some("=Olu".to_owned()),
        overdue,
    };
    let csv = past_service_levels_csv(&["h".to_owned()], &[past]);
    assert_eq!(
        csv,
        "h\r\nIC-000123-ABCD,RFA,\"PECR, RFA DPA telecoms, direct marketing concerns (work queue 6)\",'=Olu,assignment,2026-03-05\r\n\
         IC-000123-ABCD,RFA,\"PECR, RFA DPA telecoms, direct marketing concerns (work queue 6)\",'=Olu,first_contact,2026-03-16\r\n"
    );
}
