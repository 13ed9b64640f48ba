//! The case officer's workspace rules: duplicate party records and similar cases, re-opening,
//! type changes, and the reference in email subjects.

use chrono::NaiveDate;

use crate::domain::case::{
    delayed_subject_access, duplicate_reason, expected_type_change, reference_in_subject,
    reference_lines, reopen_problems, sign_off, similar_reason, subject_with_reference,
    type_change_options, type_change_problem, CaseKind, CaseRecord, CaseStatus, DuplicateReason,
    IntakeChannel, PartyKey, Priority, Reference, ReopenProblem, SimilarReason, SubjectReference,
    TypeChangeProblem, WorkQueue,
};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

fn record(case_type: CaseKind) -> CaseRecord {
    CaseRecord {
        reference: "IC-000123-ABCD".to_owned(),
        case_type,
        work_queue: WorkQueue::Numbered(8),
        priority: Priority::Normal,
        channel: IntakeChannel::Api,
        status: CaseStatus::Open,
        title: String::new(),
        created_on: day(2),
        instance: 1,
        opened_on: day(2),
        assign_by: day(5),
        first_contact_due: day(16),
        contact_promised_by: day(30),
        close_by: day(30),
        organisation_name: None,
        sector: None,
        assigned_to: None,
        allocated_on: None,
        sifted_on: Some(day(2)),
        closed_on: None,
        outcome: None,
        no_further_contact: None,
    }
}

fn organisation(name: &str, directory_id: Option<&str>) -> PartyKey {
    PartyKey {
        role: "organisation".to_owned(),
        name: name.to_owned(),
        email: None,
        directory_id: directory_id.map(str::to_owned),
    }
}

fn person(role: &str, name: &str, email: Option<&str>) -> PartyKey {
    PartyKey {
        role: role.to_owned(),
        name: name.to_owned(),
        email: email.map(str::to_owned),
        directory_id: None,
    }
}

#[test]
fn organisations_are_the_same_record_by_directory_entry_or_by_name_as_the_directory_compares_it() {
    let leeds = organisation("Leeds City Council", Some("la:LDS"));
    let also_leeds = organisation("LCC", Some("la:LDS"));
    assert_eq!(
        duplicate_reason(&leeds, &also_leeds),
        Some(DuplicateReason::SameDirectoryRecord)
    );
    assert_eq!(
        duplicate_reason(
            &organisation("Example Organisation Ltd", None),
            &organisation("EXAMPLE ORGANISATION LIMITED", None)
        ),
        Some(DuplicateReason::SameName)
    );
    assert_eq!(
        duplicate_reason(
            &organisation("Example Organisation Ltd", Some("extra:a")),
            &organisation("Other Organisation Ltd", Some("extra:b"))
        ),
        None
    );
    // A name of generic words only matches nothing.
    assert_eq!(
        duplicate_reason(&organisation("Ltd", None), &organisation("Limited", None)),
        None
    );
}

#[test]
fn people_are_the_same_record_by_email_address_never_by_name_alone() {
    let alex = person("customer", "Alex Jones", Some("Alex@Example.org "));
    assert_eq!(
        duplicate_reason(
            &alex,
            &person("representative", "A. Jones", Some("alex@example.org"))
        ),
        Some(DuplicateReason::SameEmail)
    );
    assert_eq!(
        duplicate_reason(
            &alex,
            &person("customer", "Alex Jones", Some("other@example.org"))
        ),
        None
    );
    assert_eq!(
        duplicate_reason(
            &person("customer", "Alex Jones", None),
            &person("customer", "Alex Jones", None)
        ),
        None
    );
    // A person never matches an organisation.
    assert_eq!(
        duplicate_reason(&alex, &organisation("Alex Jones", None)),
        None
    );
}

#[test]
fn a_similar_case_is_about_the_same_organisation_or_from_the_same_customer() {
    let ours = [
        person("customer", "Alex Jones", Some("alex@example.org")),
        organisation("Example Ltd", None),
    ];
    let same_organisation = [
        person("customer", "Sam", Some("sam@example.org")),
        organisation("example limited", None),
    ];
    let same_customer = [
        person("customer", "Alex", Some("ALEX@example.org")),
        organisation("Another plc", None),
    ];
    let unrelated = [
        person("customer", "Alex Jones", Some("sam@example.org")),
        organisation("Another plc", None),
    ];
    assert_eq!(
        similar_reason(&ours, &same_organisation),
        Some(SimilarReason::SameOrganisation)
    );
    assert_eq!(
        similar_reason(&ours, &same_customer),
        Some(SimilarReason::SameCustomer)
    );
    assert_eq!(similar_reason(&ours, &unrelated), None);
}

#[test]
fn a_case_closed_today_is_re_opened_tomorrow_and_only_with_a_reason() {
    let mut closed = record(CaseKind::Rfa);
    closed.status = CaseStatus::Closed;
    closed.closed_on = Some(day(2));
    assert_eq!(
        reopen_problems(&closed, day(2), "A second concern"),
        vec![ReopenProblem::ClosedToday]
    );
    assert!(reopen_problems(&closed, day(3), "A second concern").is_empty());
    assert_eq!(
        reopen_problems(&closed, day(3), "  "),
        vec![ReopenProblem::ReasonMissing]
    );
    assert_eq!(
        reopen_problems(&record(CaseKind::Rfa), day(3), "why"),
        vec![ReopenProblem::NotClosed]
    );
}

#[test]
fn the_type_changes_only_while_the_case_has_never_been_closed() {
    let mut open = record(CaseKind::Fs50);
    assert_eq!(type_change_problem(&open, CaseKind::Fer), None);
    assert_eq!(
        type_change_problem(&open, CaseKind::Fs50),
        Some(TypeChangeProblem::SameType)
    );
    assert_eq!(
        type_change_problem(&open, CaseKind::Ecs),
        Some(TypeChangeProblem::StaffCase)
    );
    let mut closed = open.clone();
    closed.status = CaseStatus::Closed;
    assert_eq!(
        type_change_problem(&closed, CaseKind::Fer),
        Some(TypeChangeProblem::EverClosed)
    );
    // Re-opened (instance 2): still closed once.
    let mut reopened = open.clone();
    reopened.instance = 2;
    assert_eq!(
        type_change_problem(&reopened, CaseKind::Fer),
        Some(TypeChangeProblem::EverClosed)
    );
    assert!(type_change_options(&reopened).is_empty());
    assert!(!type_change_options(&open).contains(&CaseKind::Fs50));

    // The manual's two expected changes, once allocated.
    assert_eq!(expected_type_change(&open), None);
    open.assigned_to = Some("officer".to_owned());
    assert_eq!(expected_type_change(&open), Some(CaseKind::Fer));
    let mut rfa = record(CaseKind::Rfa);
    rfa.assigned_to = Some("officer".to_owned());
    assert_eq!(expected_type_change(&rfa), Some(CaseKind::Sec));
    assert_eq!(expected_type_change(&record(CaseKind::Ele)), None);
}

#[test]
fn every_subject_carries_the_case_reference_once() {
    let reference = "IC-000123-ABCD";
    assert_eq!(
        subject_with_reference("Your concern", reference),
        "Your concern [Ref. IC-000123-ABCD]"
    );
    assert_eq!(
        subject_with_reference("Your concern [Ref. IC-000123-ABCD]", reference),
        "Your concern [Ref. IC-000123-ABCD]"
    );
    assert_eq!(
        subject_with_reference("Re: [Ref. IC-999999-ZZZZ] Your concern", reference),
        "Re: Your concern [Ref. IC-000123-ABCD]"
    );
    assert_eq!(
        subject_with_reference("  ", reference),
        "[Ref. IC-000123-ABCD]"
    );
}

#[test]
fn an_incoming_subject_gives_its_reference_or_what_was_probably_meant() {
    let reference = Reference::generate(295_703, [1, 2, 3]);
    let text = reference.as_str().to_owned();
    assert_eq!(
        reference_in_subject(&format!("Re: Your concern [Ref. {text}]")),
        SubjectReference::Valid(reference.clone())
    );
    assert_eq!(
        reference_in_subject(&format!("RE: [ref {}]", text.to_lowercase())),
        SubjectReference::Valid(reference.clone())
    );
    assert_eq!(
        reference_in_subject("Re: Your concern"),
        SubjectReference::Missing
    );
    // One mistyped character: the check character catches it, and the reference is suggested.
    let mut chars: Vec<char> = text.chars().collect();
    chars[5] = if chars[5] == '7' { '1' } else { '7' };
    let mistyped: String = chars.into_iter().collect();
    match reference_in_subject(&format!("Re: [Ref. {mistyped}]")) {
        SubjectReference::Invalid { typed, suggestions } => {
            assert_eq!(typed, mistyped);
            assert!(suggestions.contains(&reference), "{suggestions:?}");
        }
        other => panic!("expected an invalid reference, got {other:?}"),
    }
}

#[test]
fn several_references_are_read_one_per_line() {
    let a = Reference::generate(1, [0, 0, 1]);
    let b = Reference::generate(2, [0, 0, 2]);
    let lines = reference_lines(&format!(
        "{a}\n\n  {}  \nnot a reference\n",
        b.as_str().to_lowercase()
    ));
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0].1.as_ref().ok(), Some(&a));
    assert_eq!(lines[1].1.as_ref().ok(), Some(&b));
    assert!(lines[2].1.is_err());
}

#[test]
fn the_sign_off_is_name_job_title_office_and_direct_dial() {
    assert_eq!(
        sign_off(
            "Olu Officer",
            "Case Officer",
            "The Information Commissioner's Office",
            "01625 545 700"
        ),
        "Olu Officer\nCase Officer\nThe Information Commissioner's Office\n01625 545 700"
    );
    assert_eq!(
        sign_off(
            "Olu Officer",
            " ",
            "The Information Commissioner's Office",
            ""
        ),
        "Olu Officer\nThe Information Commissioner's Office"
    );
}

#[test]
fn a_subject_access_request_with_no_response_is_a_delayed_subject_access_case() {
    let answers = |route: &str, subject_access: bool, response_on: serde_json::Value| serde_json::json!({"concern": {"route": route, "subject_access": subject_access, "response_on": response_on}});
    assert!(delayed_subject_access(&answers(
        "data_protection",
        true,
        serde_json::Value::Null
    )));
    assert!(!delayed_subject_access(&answers(
        "data_protection",
        true,
        serde_json::json!("2026-01-01")
    )));
    assert!(!delayed_subject_access(&answers(
        "data_protection",
        false,
        serde_json::Value::Null
    )));
    assert!(!delayed_subject_access(&answers(
        "foi",
        true,
        serde_json::Value::Null
    )));
    assert!(!delayed_subject_access(&serde_json::json!({})));
}
