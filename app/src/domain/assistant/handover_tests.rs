#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;

use super::*;
use crate::domain::case::Sector;
use crate::domain::evidence::FileType;
use crate::domain::readiness::{DocumentKind, Route};
use crate::domain::submission::{EvidenceFile, EvidenceKind, TimelineEvent};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn handover(route: Route, late: bool) -> Handover {
    Handover {
        route,
        late,
        required: vec![DocumentKind::SubjectAccessRequest],
    }
}

fn choice(answers: &mut Answers, step: Step, code: &str) {
    answers.set(step, Answer::Choice(code.to_owned()));
}

fn text(answers: &mut Answers, step: Step, value: &str) {
    answers.set(step, Answer::Text(value.to_owned()));
}

fn file(kind: EvidenceKind) -> EvidenceFile {
    EvidenceFile {
        kind,
        file_name: "a.pdf".to_owned(),
        file_type: FileType::Pdf,
        size: 10,
        key: "documents/aa/aa".to_owned(),
    }
}

/// Answers every question after the verdict for someone acting for themselves.
fn all_answered(late: bool) -> Answers {
    let mut answers = Answers::default();
    choice(&mut answers, Step::ActingFor, "myself");
    choice(&mut answers, Step::OrganisationMatch, "la:LDS");
    text(&mut answers, Step::Summary, "They ignored me.");
    answers.set(
        Step::Timeline,
        Answer::Events(vec![TimelineEvent {
            on: date(2026, 1, 5),
            what: "Asked".to_owned(),
        }]),
    );
    text(&mut answers, Step::Harm, "Worry");
    text(&mut answers, Step::Wanted, "A copy of my records");
    if late {
        text(&mut answers, Step::LateReason, "I was in hospital");
    }
    answers.set(
        Step::Evidence,
        Answer::Files(vec![file(EvidenceKind::Required(
            DocumentKind::SubjectAccessRequest,
        ))]),
    );
    text(&mut answers, Step::YourName, "Alex Example");
    text(&mut answers, Step::Email, "alex@example.org");
    text(&mut answers, Step::Phone, "");
    text(&mut answers, Step::Address, "");
    choice(&mut answers, Step::ContactBy, "email");
    text(&mut answers, Step::Adjustments, "");
    choice(&mut answers, Step::ReplyInWelsh, "no");
    answers
}

#[test]
fn handing_in_starts_with_who_the_concern_is_about() {
    let path = submit_path(&Answers::default(), &handover(Route::DataProtection, false));
    assert_eq!(path, vec![Step::ActingFor]);
}

#[test]
fn a_ready_concern_asks_every_question_once_in_order() {
    let answers = all_answered(false);
    let path = submit_path(&answers, &handover(Route::DataProtection, false));
    assert_eq!(
        path,
        vec![
            Step::ActingFor,
            Step::OrganisationMatch,
            Step::Summary,
            Step::Timeline,
            Step::Harm,
            Step::Wanted,
            Step::Evidence,
            Step::YourName,
            Step::Email,
            Step::Phone,
            Step::Address,
            Step::ContactBy,
            Step::Adjustments,
            Step::ReplyInWelsh,
        ]
    );
    assert_eq!(
        submit_next_after(
            &answers,
            &handover(Route::DataProtection, false),
            Step::ReplyInWelsh,
            false
        ),
        Progress::Complete
    );
}

#[test]
fn a_late_concern_asks_why_they_waited_and_cctv_asks_who_runs_the_camera() {
    let answers = all_answered(true);
    let late = submit_path(&answers, &handover(Route::DataProtection, true));
    assert!(late.contains(&Step::LateReason));
    let cctv = submit_path(&answers, &handover(Route::CctvHousehold, false));
    assert!(cctv.contains(&Step::Organisation));
    assert!(!cctv.contains(&Step::OrganisationMatch));
}

#[test]
fn acting_for_someone_else_asks_their_name_relationship_and_consent() {
    let mut answers = all_answered(false);
    choice(&mut answers, Step::ActingFor, "someone_else");
    let ready = handover(Route::DataProtection, false);
    let path = submit_path(&answers, &ready);
    assert_eq!(&path[..2], &[Step::ActingFor, Step::TheirName]);
    text(&mut answers, Step::TheirName, "Sam");
    choice(&mut answers, Step::Relationship, "parent_or_guardian");
    assert_eq!(
        missing_evidence(&answers, &ready),
        vec![EvidenceKind::CONSENT]
    );
    assert_eq!(submit_path(&answers, &ready).last(), Some(&Step::Evidence));
}

#[test]
fn none_of_these_asks_the_sector() {
    let mut answers = all_answered(false);
    choice(&mut answers, Step::OrganisationMatch, "none");
    let path = submit_path(&answers, &handover(Route::Foi, false));
    assert_eq!(path.last(), Some(&Step::Sector));
}

#[test]
fn an_empty_timeline_and_missing_documents_are_not_done() {
    let ready = handover(Route::DataProtection, false);
    let mut answers = all_answered(false);
    answers.set(Step::Timeline, Answer::Events(Vec::new()));
    assert!(!is_done(&answers, &ready, Step::Timeline));
    answers = all_answered(false);
    answers.set(
        Step::Evidence,
        Answer::Files(vec![file(EvidenceKind::OTHER)]),
    );
    assert!(!is_done(&answers, &ready, Step::Evidence));
}

#[test]
fn timeline_events_need_a_real_past_date_and_words() {
    let today = date(2026, 3, 2);
    let raw = |d: &str, m: &str, y: &str, what: &str| RawAnswer {
        value: Some(what.to_owned()),
        day: Some(d.to_owned()),
        month: Some(m.to_owned()),
        year: Some(y.to_owned()),
        values: Vec::new(),
    };
    assert_eq!(
        validate_event(&raw("2", "3", "2026", "  Replied \n"), 0, today).unwrap(),
        TimelineEvent {
            on: today,
            what: "Replied".to_owned()
        }
    );
    let error = |r: RawAnswer| validate_event(&r, 0, today).unwrap_err();
    assert_eq!(error(raw("3", "3", "2026", "x")), "error.date.future");
    assert_eq!(error(raw("31", "2", "2026", "x")), "error.date.real");
    assert_eq!(error(raw("", "", "", "x")), "error.event-on.required");
    assert_eq!(error(raw("1", "3", "2026", " ")), "error.event.required");
    assert_eq!(
        error(raw("1", "3", "2026", &"x".repeat(501))),
        "error.event.too_long"
    );
    assert_eq!(
        validate_event(&raw("1", "3", "2026", "x"), MAX_EVENTS, today).unwrap_err(),
        "error.timeline.too_many"
    );
}

#[test]
fn the_details_take_the_directory_record_over_the_typed_name() {
    let mut answers = all_answered(false);
    text(&mut answers, Step::Organisation, "leeds council");
    let details = case_details(&answers, &handover(Route::DataProtection, false), |id| {
        (id == "la:LDS").then(|| {
            (
                "Leeds City Council".to_owned(),
                Some(Sector::LocalGovernment),
            )
        })
    });
    assert_eq!(details.organisation.name, "Leeds City Council");
    assert_eq!(details.organisation.sector, Some(Sector::LocalGovernment));
    assert_eq!(details.customer.email, "alex@example.org");
    assert_eq!(details.customer.phone, None);
    assert_eq!(details.late_reason, None);
    assert_eq!(details.wanted.as_deref(), Some("A copy of my records"));
    choice(&mut answers, Step::OrganisationMatch, "none");
    choice(&mut answers, Step::Sector, "not_sure");
    let typed = case_details(&answers, &handover(Route::DataProtection, false), |_| None);
    assert_eq!(typed.organisation.name, "leeds council");
    assert_eq!(typed.organisation.sector, None);
}

#[test]
fn contact_by_phone_or_post_needs_the_number_or_address() {
    let answers = all_answered(false);
    let raw = |code: &str| RawAnswer {
        value: Some(code.to_owned()),
        ..RawAnswer::default()
    };
    let today = date(2026, 3, 2);
    assert_eq!(
        validate_answer(Step::ContactBy, &raw("phone"), &answers, &[], today).unwrap_err(),
        "error.contact-by.no-phone"
    );
    assert_eq!(
        validate_answer(Step::ContactBy, &raw("post"), &answers, &[], today).unwrap_err(),
        "error.contact-by.no-address"
    );
    assert!(validate_answer(Step::ContactBy, &raw("email"), &answers, &[], today).is_ok());
    assert_eq!(
        validate_answer(Step::Email, &raw("alex@"), &answers, &[], today).unwrap_err(),
        "error.email.invalid"
    );
    let summary = RawAnswer {
        value: Some("a\r\n\r\n\r\nb".to_owned()),
        ..RawAnswer::default()
    };
    assert_eq!(
        validate_answer(Step::Summary, &summary, &answers, &[], today).unwrap(),
        Answer::Text("a\n\nb".to_owned())
    );
}

/// The verdicts promise to ask what the person would like to happen (issue 18): it is asked
/// after how it affected them, one question on its own page, and it is required.
#[test]
fn what_they_would_like_to_happen_is_asked_after_the_harm() {
    let mut answers = all_answered(false);
    answers.remove(Step::Wanted);
    let ready = handover(Route::DataProtection, false);
    assert_eq!(submit_path(&answers, &ready).last(), Some(&Step::Wanted));
    assert_eq!(
        submit_next_after(&answers, &ready, Step::Harm, false),
        Progress::Ask(Step::Wanted)
    );
    let empty = crate::domain::assistant::RawAnswer::default();
    assert_eq!(
        crate::domain::assistant::validate_answer(
            Step::Wanted,
            &empty,
            &answers,
            &[],
            date(2026, 3, 2)
        ),
        Err("error.what-you-want.required".to_owned())
    );
}
