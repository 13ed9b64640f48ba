//! Requests about the regulator itself (issue 19): the questions asked for a service complaint,
//! written advice and information we hold, the reference check, what handing in asks, and the
//! IRQ clock.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::*;
use crate::domain::calendar::Calendar;
use crate::domain::case::{service_levels, CaseKind, CaseSettings, Reference};
use crate::domain::readiness::{ReadinessSettings, Route, Verdict};

const HOLIDAYS: &str = include_str!("../../../data/bank-holidays.json");

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn calendar() -> Calendar {
    Calendar::from_govuk_json(HOLIDAYS).unwrap()
}

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-03-02T12:00:00+00:00").unwrap()
}

fn about(topic: &str) -> Answers {
    let mut answers = Answers::default();
    answers.set(Step::About, Answer::Choice(topic.to_owned()));
    answers
}

fn outcome(answers: &Answers, today: NaiveDate) -> Outcome {
    plan(
        answers,
        today,
        now(),
        &calendar(),
        &ReadinessSettings::default(),
    )
    .unwrap()
    .unwrap()
}

fn text(value: &str) -> RawAnswer {
    RawAnswer {
        value: Some(value.to_owned()),
        ..RawAnswer::default()
    }
}

fn validate(step: Step, raw: &RawAnswer) -> Result<Answer, String> {
    validate_answer(step, raw, &Answers::default(), &[], date(2026, 3, 2))
}

/// The data protection questions none of these topics may ask.
const DATA_PROTECTION: [Step; 6] = [
    Step::Organisation,
    Step::Raised,
    Step::Harm,
    Step::OrganisationMatch,
    Step::Timeline,
    Step::Evidence,
];

fn contact_answers(answers: &mut Answers) {
    answers.set(Step::YourName, Answer::Text("Alex Jones".into()));
    answers.set(Step::Email, Answer::Text("alex@example.org".into()));
    answers.set(Step::Phone, Answer::Text(String::new()));
    answers.set(Step::Address, Answer::Text(String::new()));
    answers.set(Step::ContactBy, Answer::Choice("email".into()));
    answers.set(Step::Adjustments, Answer::Text(String::new()));
    answers.set(Step::ReplyInWelsh, Answer::Choice("no".into()));
}

fn assert_no_data_protection_questions(steps: &[Step]) {
    for step in DATA_PROTECTION {
        assert!(!steps.contains(&step), "{step:?} asked in {steps:?}");
    }
}

#[test]
fn a_service_complaint_asks_when_it_happened_then_the_case_reference_when_handing_in() {
    let mut answers = about("service_complaint");
    assert_eq!(path(&answers), vec![Step::About, Step::IncidentOn]);
    answers.set(Step::IncidentOn, Answer::Date(date(2026, 2, 10)));
    assert_eq!(
        next_after(&answers, Step::IncidentOn, false),
        Progress::Complete
    );
    let outcome = outcome(&answers, date(2026, 3, 2));
    assert_eq!(outcome.verdict(), Verdict::Ready);
    let handover = outcome
        .handover()
        .expect("a service complaint is handed in on the web");
    assert_eq!(handover.route, Route::ServiceComplaint);

    // The case it is about, what went wrong, what they want, then how to reach them: nothing
    // about an organisation.
    assert_eq!(
        submit_path(&answers, &handover),
        vec![Step::OriginalReference]
    );
    assert!(Step::OriginalReference.is_submission());
    answers.set(Step::OriginalReference, Answer::Text(String::new()));
    contact_answers(&mut answers);
    answers.set(
        Step::Summary,
        Answer::Text("My case was closed without a reply".into()),
    );
    assert_eq!(
        submit_path(&answers, &handover),
        vec![Step::OriginalReference, Step::Summary, Step::Wanted]
    );
    answers.set(Step::Wanted, Answer::Text("An apology".into()));
    let steps = submit_path(&answers, &handover);
    assert_eq!(steps.first(), Some(&Step::OriginalReference));
    assert_eq!(steps.last(), Some(&Step::ReplyInWelsh));
    assert_no_data_protection_questions(&steps);
    assert_no_data_protection_questions(&path(&answers));
}

#[test]
fn a_service_complaint_more_than_three_months_after_the_incident_is_late_and_asks_why() {
    let mut answers = about("service_complaint");
    answers.set(Step::IncidentOn, Answer::Date(date(2025, 10, 1)));
    let outcome = outcome(&answers, date(2026, 3, 2));
    assert_eq!(outcome.verdict(), Verdict::Late);
    let handover = outcome.handover().unwrap();
    answers.set(Step::OriginalReference, Answer::Text(String::new()));
    answers.set(Step::Summary, Answer::Text("x".into()));
    answers.set(Step::Wanted, Answer::Text("y".into()));
    assert_eq!(
        submit_path(&answers, &handover),
        vec![
            Step::OriginalReference,
            Step::Summary,
            Step::Wanted,
            Step::LateReason
        ]
    );
}

#[test]
fn written_advice_asks_who_it_is_for_and_then_only_the_question_and_contact() {
    let mut answers = about("written_advice");
    assert_eq!(path(&answers), vec![Step::About, Step::AdviceFor]);
    answers.set(Step::AdviceFor, Answer::Choice("organisation".into()));
    assert_eq!(
        next_after(&answers, Step::AdviceFor, false),
        Progress::Complete
    );
    let outcome = outcome(&answers, date(2026, 3, 2));
    assert_eq!(outcome.verdict(), Verdict::Ready);
    assert_eq!(outcome.concern.route, Route::Advice);
    let handover = outcome.handover().unwrap();
    answers.set(
        Step::Summary,
        Answer::Text("Can we share staff rotas?".into()),
    );
    contact_answers(&mut answers);
    let steps = submit_path(&answers, &handover);
    assert_eq!(
        steps,
        vec![
            Step::Summary,
            Step::YourName,
            Step::Email,
            Step::Phone,
            Step::Address,
            Step::ContactBy,
            Step::Adjustments,
            Step::ReplyInWelsh,
        ]
    );
    assert_eq!(case_kind(&answers), None);
}

#[test]
fn a_request_for_our_information_asks_which_kind_and_makes_an_irq_case() {
    let mut answers = about("our_information");
    assert_eq!(path(&answers), vec![Step::About, Step::InformationKind]);
    assert_eq!(
        validate(Step::InformationKind, &text("tea")),
        Err("error.information-kind.required".to_owned())
    );
    answers.set(
        Step::InformationKind,
        Answer::Choice("subject_access".into()),
    );
    let outcome = outcome(&answers, date(2026, 3, 2));
    assert_eq!(outcome.verdict(), Verdict::Ready);
    let handover = outcome.handover().unwrap();
    assert_eq!(submit_path(&answers, &handover), vec![Step::Summary]);
    assert_eq!(case_kind(&answers), Some(CaseKind::Irq));
    assert_eq!(case_kind(&about("written_advice")), None);
    assert_eq!(case_kind(&about("foi")), None);
}

#[test]
fn a_request_about_us_hands_in_no_organisation_or_harm_left_from_another_topic() {
    let mut answers = about("data_protection");
    answers.set(
        Step::Organisation,
        Answer::Text("Leeds City Council".into()),
    );
    answers.set(Step::Harm, Answer::Text("Worry".into()));
    answers.set(Step::Wanted, Answer::Text("Records".into()));
    answers.set(Step::About, Answer::Choice("written_advice".into()));
    answers.set(Step::AdviceFor, Answer::Choice("myself".into()));
    answers.set(Step::Summary, Answer::Text("Advice please".into()));
    contact_answers(&mut answers);
    let handover = outcome(&answers, date(2026, 3, 2)).handover().unwrap();
    let details = case_details(&answers, &handover, |_| None);
    assert_eq!(details.organisation.name, "");
    assert_eq!(details.harm, "");
    assert_eq!(details.wanted, None);
    assert_eq!(details.summary, "Advice please");
    assert_eq!(
        not_asked_fields(handover.route),
        &["organisation.name", "harm"]
    );
    assert!(not_asked_fields(Route::DataProtection).is_empty());
}

#[test]
fn the_original_reference_is_checked_by_its_check_character() {
    let good = Reference::generate(295_703, [1, 2, 3]);
    // Forgiving of case and dashes, kept canonical.
    let typed = good.as_str().to_lowercase().replace('-', " ");
    assert_eq!(
        validate(Step::OriginalReference, &text(&typed)),
        Ok(Answer::Text(good.as_str().to_owned()))
    );
    // One character changed: the check character catches it.
    let mut chars: Vec<char> = good.as_str().chars().collect();
    chars[3] = if chars[3] == '9' { '8' } else { '9' };
    let mistyped: String = chars.into_iter().collect();
    assert_eq!(
        validate(Step::OriginalReference, &text(&mistyped)),
        Err("error.original-reference.check".to_owned())
    );
    assert_eq!(
        validate(Step::OriginalReference, &text("my case")),
        Err("error.original-reference.format".to_owned())
    );
    // Never had one: optional.
    assert_eq!(
        validate(Step::OriginalReference, &text("  ")),
        Ok(Answer::Text(String::new()))
    );
}

#[test]
fn the_related_reference_is_read_only_for_a_service_complaint() {
    let mut answers = about("service_complaint");
    answers.set(
        Step::OriginalReference,
        Answer::Text("IC-295703-CTRX".into()),
    );
    assert_eq!(
        related_reference(&answers).as_deref(),
        Some("IC-295703-CTRX")
    );
    answers.set(Step::About, Answer::Choice("written_advice".into()));
    assert_eq!(related_reference(&answers), None);
}

#[test]
fn the_irq_clock_is_20_working_days_skipping_every_uk_bank_holiday() {
    // From Monday 2 March 2026: in England and Wales 20 working days end on 30 March; St
    // Patrick's Day (17 March, Northern Ireland) is skipped UK-wide, so the IRQ is due on 31st.
    let settings = CaseSettings::default();
    assert_eq!(settings.information_request_working_days, 20);
    let irq = service_levels(CaseKind::Irq, date(2026, 3, 2), &calendar(), &settings).unwrap();
    assert_eq!(irq.close_by, date(2026, 3, 31));
    let enq = service_levels(CaseKind::Enq, date(2026, 3, 2), &calendar(), &settings).unwrap();
    assert_eq!(enq.close_by, date(2026, 4, 1));
    let rcc = service_levels(CaseKind::Rcc, date(2026, 3, 2), &calendar(), &settings).unwrap();
    assert_eq!(rcc.close_by, date(2026, 4, 1));
    assert_eq!(rcc.assign_by, date(2026, 3, 9));
    // The number is a setting.
    let shorter = CaseSettings {
        information_request_working_days: 5,
        ..CaseSettings::default()
    };
    let irq = service_levels(CaseKind::Irq, date(2026, 3, 2), &calendar(), &shorter).unwrap();
    assert_eq!(irq.close_by, date(2026, 3, 9));
}
