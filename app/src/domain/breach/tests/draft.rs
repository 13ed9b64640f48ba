use chrono::NaiveDate;
use serde_json::json;

use super::support::at;
use crate::domain::breach::*;
use crate::domain::calendar::Calendar;
use crate::domain::case::{CaseSettings, Priority, Sector, WorkQueue};

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
        .collect()
}

#[test]
fn posted_fields_take_the_shape_of_the_parts_form() {
    let draft = BreachDraft::default();
    let shape = draft.form_json(Part::Timing);
    let posted = posted_json(
        &shape,
        &pairs(&[
            ("aware.day", "1"),
            ("aware.hour", "9"),
            ("ongoing", "yes"),
            ("nonsense.x", "y"),
        ]),
    );
    assert_eq!(
        posted,
        json!({"aware": {"day": "1", "hour": "9"}, "ongoing": "yes"})
    );
    let shape = draft.form_json(Part::Data);
    let posted = posted_json(
        &shape,
        &pairs(&[("categories", "health"), ("categories", "location")]),
    );
    assert_eq!(field_values(&posted, "categories"), ["health", "location"]);
    assert_eq!(
        field_value(&json!({"aware": {"day": "7"}}), "aware.day"),
        "7"
    );
}

#[test]
fn an_accepted_part_is_kept_with_its_answers_and_a_refused_one_changes_nothing() {
    let settings = BreachSettings::default();
    let now = at(2026, 3, 2, 12, 0);
    let mut draft = BreachDraft::new(SelfAssessment::default(), "web:key".to_owned());
    let refused = posted_json(
        &draft.form_json(Part::Scale),
        &pairs(&[("records", "lots"), ("groups", "children")]),
    );
    let errors = draft
        .accept(Part::Scale, &refused, now, &settings)
        .unwrap_err();
    assert_eq!(
        errors.get("records"),
        Some("breach.error.records.not_a_number")
    );
    assert!(draft.report.scale.is_none());
    let accepted = posted_json(
        &draft.form_json(Part::Scale),
        &pairs(&[
            ("records", "1,250"),
            ("people_unknown", "yes"),
            ("groups", "children"),
        ]),
    );
    draft
        .accept(Part::Scale, &accepted, now, &settings)
        .unwrap();
    let scale = draft.report.scale.clone().unwrap();
    assert_eq!((scale.records, scale.people), (Some(1250), None));
    assert_eq!(draft.forms.scale.records, "1,250", "shown again as typed");
}

const OTHER_PARTS: &[(Part, &[(&str, &str)])] = &[
    (
        Part::Organisation,
        &[
            ("name", "Northshire School"),
            ("sector", "education"),
            ("size", "small"),
        ],
    ),
    (
        Part::Contact,
        &[
            ("role", "dpo"),
            ("name", "Dana"),
            ("email", "dpo@example.org"),
            ("phone", "01632 960 001"),
        ],
    ),
    (
        Part::WhatHappened,
        &[
            ("description", "Emailed to the wrong parent."),
            ("cyber_incident", "no"),
            ("how_discovered", "Told."),
        ],
    ),
    (Part::Data, &[("categories", "health")]),
    (
        Part::Scale,
        &[("records", "1"), ("people", "1"), ("groups", "children")],
    ),
    (
        Part::Consequences,
        &[("description", "Distress."), ("likelihood", "likely")],
    ),
    (
        Part::Containment,
        &[("contained", "yes"), ("actions", "Deleted.")],
    ),
    (Part::Telling, &[("people_told", "yes")]),
];

#[test]
fn a_report_that_became_late_needs_the_reasons_before_it_is_sent() {
    let settings = BreachSettings::default();
    let mut draft = BreachDraft::new(SelfAssessment::default(), "web:key".to_owned());
    let answered_at = at(2026, 3, 2, 12, 0);
    let timing = posted_json(
        &draft.form_json(Part::Timing),
        &pairs(&[
            ("occurred_unknown", "yes"),
            ("aware.day", "1"),
            ("aware.month", "3"),
            ("aware.year", "2026"),
            ("aware.hour", "9"),
            ("aware.minute", "30"),
        ]),
    );
    draft
        .accept(Part::Timing, &timing, answered_at, &settings)
        .unwrap();
    assert!(matches!(
        draft.ready_to_send(answered_at, &settings),
        Err(NotReady::Missing(parts)) if parts.len() == 8
    ));
    assert!(
        !draft.late_at(at(2026, 3, 4, 9, 30), &settings),
        "exactly 72 hours is in time"
    );
    assert!(draft.late_at(at(2026, 3, 4, 9, 31), &settings));
    // Every other part answered: sending four days later asks for the reasons.
    let mut done = draft.clone();
    for (part, fields) in OTHER_PARTS {
        let posted = posted_json(&done.form_json(*part), &pairs(fields));
        done.accept(*part, &posted, answered_at, &settings).unwrap();
    }
    assert_eq!(done.ready_to_send(answered_at, &settings), Ok(()));
    match done.ready_to_send(at(2026, 3, 6, 9, 0), &settings) {
        Err(NotReady::Recheck(Part::Timing, errors)) => {
            assert_eq!(
                errors.get("delay_reason"),
                Some("breach.error.delay_reason.required")
            );
        }
        other => panic!("expected the timing part again, got {other:?}"),
    }
}

#[test]
fn a_sent_draft_keeps_only_its_receipt() {
    let mut draft = BreachDraft::new(SelfAssessment::default(), "web:key".to_owned());
    draft.link_sent_to = Some("dpo@example.org".to_owned());
    let sent = draft.into_sent(SentReport {
        reference: "IC-123456-ABCD".to_owned(),
        email: "dpo@example.org".to_owned(),
        late: false,
        copy: None,
    });
    assert_eq!(sent.report, BreachReport::default());
    assert_eq!(sent.link_sent_to, None);
    assert_eq!(sent.idempotency_key, "web:key");
}

fn calendar() -> Calendar {
    Calendar::from_govuk_json(include_str!("../../../../data/bank-holidays.json")).unwrap()
}

#[test]
fn triage_moves_set_the_queue_priority_and_a_new_assignment_date() {
    let monday = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let settings = CaseSettings::default();
    let plan = triage_plan(
        TriageMove::Enforcement,
        Some(Sector::Health),
        monday,
        &calendar(),
        &settings,
    )
    .unwrap();
    assert_eq!(plan.work_queue, WorkQueue::Enforcement);
    assert_eq!(plan.priority, Priority::High);
    assert_eq!(plan.assign_by, NaiveDate::from_ymd_opt(2026, 3, 5).unwrap());
    let plan = triage_plan(
        TriageMove::SectorQueue,
        Some(Sector::Health),
        monday,
        &calendar(),
        &settings,
    )
    .unwrap();
    assert_eq!(
        (plan.work_queue, plan.priority),
        (WorkQueue::Numbered(12), Priority::Medium)
    );
    let plan = triage_plan(
        TriageMove::SectorQueue,
        None,
        monday,
        &calendar(),
        &settings,
    )
    .unwrap();
    assert_eq!(
        plan.work_queue,
        WorkQueue::Numbered(5),
        "unknown sector: the staging queue"
    );
    // Christmas: 3 working days from Wednesday 23 December 2026 are Thursday 24, then (past
    // Christmas Day and the Boxing Day substitute, Monday 28) Tuesday 29 and Wednesday 30.
    let christmas = NaiveDate::from_ymd_opt(2026, 12, 23).unwrap();
    let plan = triage_plan(
        TriageMove::Enforcement,
        None,
        christmas,
        &calendar(),
        &settings,
    )
    .unwrap();
    assert_eq!(
        plan.assign_by,
        NaiveDate::from_ymd_opt(2026, 12, 30).unwrap()
    );
}
