//! The queue names setting, the one reading of a service level, and a queue list's address.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::*;
use crate::domain::calendar::Calendar;
use crate::domain::case::{
    CaseKind, CaseRecord, CaseSettings, CaseStatus, IntakeChannel, Priority, SlaState, WorkQueue,
};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn queues_carry_the_manuals_names_with_their_numbers() {
    let names = QueueNames::default();
    assert_eq!(
        names.name(WorkQueue::Numbered(13)),
        "RFA DPA local government (work queue 13)"
    );
    assert_eq!(
        names.name(WorkQueue::Numbered(18)),
        "FS50 FOIA local government concerns (work queue 18)"
    );
    assert_eq!(
        names.name(WorkQueue::ServiceComplaints),
        "Service complaints"
    );
    assert_eq!(WorkQueue::Sift.name(), "Sift list");
    for queue in queue_choices() {
        assert!(
            !queue.name().starts_with("Work queue"),
            "{queue:?} is named"
        );
    }
}

#[test]
fn queue_names_are_a_setting_over_the_manuals() {
    let overrides = BTreeMap::from([
        ("13".to_owned(), " Local government ".to_owned()),
        (
            "service-complaints".to_owned(),
            "Complaints about us".to_owned(),
        ),
    ]);
    let names = QueueNames::with_overrides(overrides).unwrap();
    assert_eq!(
        names.name(WorkQueue::Numbered(13)),
        "Local government (work queue 13)"
    );
    assert_eq!(
        names.name(WorkQueue::ServiceComplaints),
        "Complaints about us"
    );
    assert_eq!(
        names.name(WorkQueue::Numbered(7)),
        "RFA DPA lenders and CRA concerns (work queue 7)"
    );
    let unknown = BTreeMap::from([("19".to_owned(), "Nineteen".to_owned())]);
    assert!(QueueNames::with_overrides(unknown)
        .unwrap_err()
        .contains("19"));
    let blank = BTreeMap::from([("3".to_owned(), "  ".to_owned())]);
    assert!(QueueNames::with_overrides(blank).is_err());
}

#[test]
fn a_service_level_reads_met_met_late_on_time_due_soon_or_overdue() {
    let due = date(2026, 12, 9);
    let reading = |done, today| service_level(due, done, today, 3);
    assert_eq!(
        reading(Some(date(2026, 12, 6)), date(2026, 12, 6)),
        ServiceLevel::Met
    );
    assert_eq!(reading(Some(due), date(2027, 1, 6)), ServiceLevel::Met);
    assert_eq!(
        reading(Some(date(2026, 12, 10)), date(2026, 12, 10)),
        ServiceLevel::MetLate
    );
    assert_eq!(reading(None, date(2026, 12, 1)), ServiceLevel::OnTime);
    assert_eq!(reading(None, date(2026, 12, 6)), ServiceLevel::DueSoon);
    assert_eq!(reading(None, due), ServiceLevel::DueSoon);
    assert_eq!(reading(None, date(2026, 12, 10)), ServiceLevel::Overdue);
    assert_eq!(ServiceLevel::Met.state(), SlaState::OnTime);
    assert_eq!(ServiceLevel::MetLate.state(), SlaState::Overdue);
    assert_eq!(
        clock_state(due, Some(date(2026, 12, 10)), due, 3),
        SlaState::Overdue
    );
}

fn sifted_case() -> CaseRecord {
    let created = date(2026, 12, 4);
    CaseRecord {
        reference: "IC-000123-ABCD".to_owned(),
        case_type: CaseKind::Rfa,
        work_queue: WorkQueue::Numbered(13),
        priority: Priority::Normal,
        channel: IntakeChannel::Api,
        status: CaseStatus::Open,
        title: String::new(),
        created_on: created,
        instance: 1,
        opened_on: created,
        assign_by: date(2026, 12, 9),
        first_contact_due: date(2026, 12, 18),
        contact_promised_by: date(2027, 1, 3),
        close_by: date(2027, 6, 4),
        organisation_name: None,
        sector: None,
        assigned_to: None,
        allocated_on: None,
        sifted_on: Some(date(2026, 12, 6)),
        closed_on: None,
        outcome: None,
        no_further_contact: None,
    }
}

#[test]
fn a_case_sifted_before_its_assignment_day_reads_met_not_due_soon() {
    let calendar =
        Calendar::from_govuk_json(include_str!("../../../data/bank-holidays.json")).unwrap();
    let today = date(2026, 12, 6);
    let clocks = case_clocks(
        &sifted_case(),
        None,
        &calendar,
        &CaseSettings::default(),
        today,
    );
    assert_eq!(clocks.assignment.due, date(2026, 12, 9));
    assert_eq!(clocks.assignment.level(), ServiceLevel::Met);
    assert_eq!(clocks.assignment.done_on, Some(today));
    // The next running deadline: first contact, the assignment clock having stopped.
    let next = clocks.next_running().unwrap();
    assert_eq!(next.kind, ClockKind::FirstContact);
    assert_eq!(next.level(), ServiceLevel::OnTime);
    let prepared = case_clocks(
        &sifted_case(),
        Some(today),
        &calendar,
        &CaseSettings::default(),
        today,
    );
    assert_eq!(prepared.next_running().unwrap().kind, ClockKind::Closure);
}

fn params(pairs: &[(&str, &str)]) -> QueueListParams {
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| (*value).to_owned())
    };
    QueueListParams {
        sort: get("sort"),
        dir: get("dir"),
        case_type: get("type"),
        level: get("level"),
        allocated: get("allocated"),
        organisation: get("organisation"),
        after: get("after"),
        before: get("before"),
        page: get("page"),
    }
}

#[test]
fn a_queue_list_address_is_read_leniently_and_written_back() {
    let query = QueueListQuery::from_params(&params(&[
        ("sort", "due"),
        ("dir", "desc"),
        ("type", "rfa"),
        ("level", "overdue"),
        ("allocated", "no"),
        ("organisation", " Leeds & Co "),
        ("after", " ic-1234-abcd "),
        ("page", "3"),
    ]));
    assert_eq!(query.sort, QueueSort::Due);
    assert!(query.descending);
    assert_eq!(query.case_type, Some(CaseKind::Rfa));
    assert_eq!(query.level, Some(SlaState::Overdue));
    assert_eq!(query.allocated, Some(false));
    assert_eq!(query.organisation, "Leeds & Co");
    assert_eq!(
        query.position,
        QueuePosition::After("IC-1234-ABCD".to_owned())
    );
    assert_eq!(
        query.href("/staff/queues/13"),
        "/staff/queues/13?dir=desc&type=RFA&level=overdue&allocated=no\
         &organisation=Leeds+%26+Co&after=IC-1234-ABCD",
        "a list filtered to a service level is sorted by the next deadline unless it says"
    );
    let nonsense = QueueListQuery::from_params(&params(&[
        ("sort", "drop table"),
        ("level", "late"),
        ("page", "-1"),
        ("allocated", "maybe"),
        ("after", "x' OR 1=1 --"),
        ("before", ""),
    ]));
    assert_eq!(nonsense, QueueListQuery::default());
    assert_eq!(nonsense.href("/q"), "/q");
    // An old page number is the first page; `page=last` the last; `before` when no `after`.
    let numbered = QueueListQuery::from_params(&params(&[("page", "5000")]));
    assert_eq!(numbered.position, QueuePosition::First);
    let last = QueueListQuery::from_params(&params(&[("page", "last")]));
    assert_eq!(last.position, QueuePosition::Last);
    assert_eq!(last.href("/q"), "/q?page=last");
    let before = QueueListQuery::from_params(&params(&[("before", "IC-1")]));
    assert_eq!(before.href("/q"), "/q?before=IC-1");
}

#[test]
fn a_service_level_filter_sorts_by_the_next_deadline_unless_a_sort_is_chosen() {
    let unfiltered = QueueListQuery::from_params(&params(&[]));
    assert_eq!(unfiltered.sort, QueueSort::Age);
    for level in ["overdue", "due_soon", "on_time"] {
        let filtered = QueueListQuery::from_params(&params(&[("level", level)]));
        assert_eq!(filtered.sort, QueueSort::Due, "{level}");
        assert!(!filtered.descending, "the soonest deadline first");
        assert_eq!(filtered.href("/q"), format!("/q?level={level}"));
    }
    // Oldest first, chosen with a filter, stays in the address: the filter's default differs.
    let by_age = QueueListQuery::from_params(&params(&[("level", "overdue"), ("sort", "age")]));
    assert_eq!(by_age.sort, QueueSort::Age);
    assert_eq!(by_age.href("/q"), "/q?sort=age&level=overdue");
    assert_eq!(
        QueueListQuery::from_params(&params(&[("sort", "age"), ("level", "overdue")])),
        by_age
    );
}

#[test]
fn sorting_toggles_the_direction_and_paging_keeps_the_rest() {
    let query = QueueListQuery::from_params(&params(&[("level", "overdue"), ("after", "IC-9")]));
    let by_customer = query.sorted_by(QueueSort::Customer);
    assert_eq!(
        by_customer.position,
        QueuePosition::First,
        "a new sort starts at the first page"
    );
    assert!(!by_customer.descending);
    assert_eq!(by_customer.level, Some(SlaState::Overdue));
    assert!(by_customer.sorted_by(QueueSort::Customer).descending);
    assert!(
        !by_customer
            .sorted_by(QueueSort::Customer)
            .sorted_by(QueueSort::Customer)
            .descending
    );
    let next = by_customer.at(QueuePosition::After("IC-2".to_owned()));
    assert_eq!(next.href("/q"), "/q?sort=customer&level=overdue&after=IC-2");
    assert_eq!(
        next.at(QueuePosition::First).href("/q"),
        "/q?sort=customer&level=overdue"
    );
}

#[test]
fn service_level_filters_bound_the_next_deadline() {
    let today = date(2026, 12, 6);
    assert_eq!(
        due_bounds(SlaState::Overdue, today, 3),
        (None, Some(date(2026, 12, 5)))
    );
    assert_eq!(
        due_bounds(SlaState::DueSoon, today, 3),
        (Some(today), Some(date(2026, 12, 9)))
    );
    assert_eq!(
        due_bounds(SlaState::OnTime, today, 3),
        (Some(date(2026, 12, 10)), None)
    );
    // The bounds agree with the reading of a running deadline on each side of them.
    for due in [
        date(2026, 12, 5),
        today,
        date(2026, 12, 9),
        date(2026, 12, 10),
    ] {
        let state = service_level(due, None, today, 3).state();
        let (from, to) = due_bounds(state, today, 3);
        assert!(from.is_none_or(|from| due >= from) && to.is_none_or(|to| due <= to));
    }
}

#[test]
fn paging_figures() {
    assert_eq!(with_thousands(0), "0");
    assert_eq!(with_thousands(999), "999");
    assert_eq!(with_thousands(12_345), "12,345");
    assert_eq!(with_thousands(1_000_000), "1,000,000");
    let window = |matching, earlier, later| QueueWindow {
        matching,
        earlier,
        later,
    };
    let first = QueuePosition::First;
    let after = QueuePosition::After("IC-1".to_owned());
    assert_eq!(
        page_span(&first, 50, &window(9_000, false, true)),
        Some((1, 50))
    );
    assert_eq!(
        page_span(&QueuePosition::Last, 45, &window(9_995, true, false)),
        Some((9_951, 9_995))
    );
    assert_eq!(
        page_span(&after, 10, &window(60, true, false)),
        Some((51, 60)),
        "the end of an exact count"
    );
    assert_eq!(
        page_span(&after, 50, &window(9_000, true, true)),
        None,
        "somewhere in the middle"
    );
    assert_eq!(
        page_span(&QueuePosition::Last, 50, &window(10_001, true, false)),
        None,
        "past the cap the place is unknown"
    );
    assert_eq!(page_span(&first, 0, &window(0, false, false)), None);
    assert_eq!(matching_figure(10_000), ("10,000".to_owned(), false));
    assert_eq!(matching_figure(10_001), ("10,000".to_owned(), true));
}
