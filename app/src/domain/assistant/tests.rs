#![allow(clippy::expect_used, clippy::unwrap_used)]

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::*;
use crate::domain::calendar::Calendar;
use crate::domain::readiness::{ReadinessSettings, Reason, Signpost, Verdict};

const HOLIDAYS: &str = include_str!("../../../data/bank-holidays.json");

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-23T12:00:00+00:00").unwrap()
}

fn choose(answers: &mut Answers, step: Step, code: &str) {
    answers.set(step, Answer::Choice(code.to_owned()));
}

fn outcome(answers: &Answers, today: NaiveDate) -> Outcome {
    let calendar = Calendar::from_govuk_json(HOLIDAYS).unwrap();
    plan(
        answers,
        today,
        now(),
        &calendar,
        &ReadinessSettings::default(),
    )
    .unwrap()
    .unwrap()
}

fn raw_date(d: &str, m: &str, y: &str) -> RawAnswer {
    RawAnswer {
        day: Some(d.into()),
        month: Some(m.into()),
        year: Some(y.into()),
        ..RawAnswer::default()
    }
}

#[test]
fn the_path_starts_with_the_first_question_only() {
    assert_eq!(path(&Answers::default()), vec![Step::About]);
}

#[test]
fn an_foi_path_stops_at_a_body_that_is_not_a_public_authority() {
    let mut answers = Answers::default();
    choose(&mut answers, Step::About, "foi");
    answers.set(Step::Organisation, Answer::Text("Acme Ltd".into()));
    choose(&mut answers, Step::PublicAuthority, "no");
    assert_eq!(
        path(&answers),
        vec![Step::About, Step::Organisation, Step::PublicAuthority]
    );
    assert_eq!(
        next_after(&answers, Step::PublicAuthority, false),
        Progress::Complete
    );
    let result = outcome(&answers, date(2026, 11, 23));
    assert_eq!(result.verdict(), Verdict::NotForUs);
    assert_eq!(result.assessment.reasons, vec![Reason::NotPublicAuthority]);
}

#[test]
fn answers_left_off_the_path_are_not_read() {
    let mut answers = Answers::default();
    choose(&mut answers, Step::About, "cctv_household");
    answers.set(Step::RaisedOn, Answer::Date(date(2026, 1, 1)));
    choose(&mut answers, Step::ConsentNamed, "yes");
    let concern = to_concern(&answers).unwrap();
    assert_eq!(concern.raised_on, None);
}

#[test]
fn a_subject_access_request_not_yet_made_gets_the_letter_and_a_come_back_date() {
    let mut answers = Answers::default();
    choose(&mut answers, Step::About, "subject_access");
    answers.set(Step::Organisation, Answer::Text("Acme Ltd".into()));
    choose(&mut answers, Step::OrganisationCountry, "uk");
    choose(&mut answers, Step::Raised, "no");
    assert_eq!(
        next_after(&answers, Step::Raised, false),
        Progress::Complete
    );
    // 31 October 2026 + 1 month = 30 November 2026 (a Monday): due then, back from 1 December.
    let result = outcome(&answers, date(2026, 10, 31));
    assert_eq!(result.verdict(), Verdict::NotYet);
    assert_eq!(
        result.next_step,
        Some(NextStep::SendLetter {
            letter: Letter::SubjectAccessRequest,
            respond_by: date(2026, 11, 30),
            come_back_from: date(2026, 12, 1),
        })
    );
}

#[test]
fn an_foi_refusal_without_internal_review_gets_the_review_letter() {
    let mut answers = Answers::default();
    choose(&mut answers, Step::About, "foi");
    answers.set(
        Step::Organisation,
        Answer::Text("Leeds City Council".into()),
    );
    choose(&mut answers, Step::PublicAuthority, "yes");
    choose(&mut answers, Step::ScottishAuthority, "no");
    choose(&mut answers, Step::Raised, "yes");
    answers.set(Step::RaisedOn, Answer::Date(date(2026, 1, 5)));
    choose(&mut answers, Step::Responded, "yes");
    answers.set(Step::ResponseOn, Answer::Date(date(2026, 1, 30)));
    choose(&mut answers, Step::Review, "no");
    let result = outcome(&answers, date(2026, 3, 2));
    assert_eq!(
        result.assessment.reasons,
        vec![Reason::InternalReviewNotRequested]
    );
    assert_eq!(
        result.next_step.as_ref().and_then(NextStep::letter),
        Some(Letter::InternalReviewRequest)
    );
    assert_eq!(result.assessment.complain_by, Some(date(2026, 4, 30)));
}

#[test]
fn a_scam_is_signposted_to_action_fraud() {
    let mut answers = Answers::default();
    choose(&mut answers, Step::About, "marketing");
    choose(&mut answers, Step::Channel, "scam");
    let result = outcome(&answers, date(2026, 11, 23));
    assert_eq!(result.verdict(), Verdict::NotForUs);
    assert_eq!(result.assessment.signpost, Some(Signpost::ActionFraud));
}

#[test]
fn documents_are_offered_for_what_the_answers_need() {
    let mut answers = Answers::default();
    choose(&mut answers, Step::About, "credit_file");
    answers.set(Step::Organisation, Answer::Text("Experian".into()));
    choose(&mut answers, Step::Raised, "yes");
    answers.set(Step::RaisedOn, Answer::Date(date(2026, 9, 1)));
    choose(&mut answers, Step::Responded, "no");
    answers.set(Step::LastContact, Answer::NoDate);
    let options: Vec<&str> = document_options(&answers)
        .iter()
        .map(|d| d.code())
        .collect();
    assert_eq!(
        options,
        vec!["credit_file_extract", "request_to_credit_reference_agency"]
    );
    assert_eq!(path(&answers).last(), Some(&Step::Documents));
}

#[test]
fn a_date_in_the_future_or_not_real_is_refused_with_a_message_key() {
    let answers = Answers::default();
    let today = date(2026, 11, 23);
    let check = |raw: RawAnswer| validate_answer(Step::RaisedOn, &raw, &answers, &[], today);
    assert_eq!(
        check(raw_date("24", "11", "2026")),
        Err("error.date.future".into())
    );
    assert_eq!(
        check(raw_date("31", "2", "2026")),
        Err("error.date.real".into())
    );
    assert_eq!(
        check(raw_date("", "11", "2026")),
        Err("error.date.incomplete".into())
    );
    assert_eq!(
        check(RawAnswer::default()),
        Err("error.raised-on.required".into())
    );
    assert_eq!(check(raw_date("23", "11", "2026")), Ok(Answer::Date(today)));
}

#[test]
fn a_reply_dated_before_the_request_is_refused() {
    let mut answers = Answers::default();
    answers.set(Step::RaisedOn, Answer::Date(date(2026, 5, 10)));
    let result = validate_answer(
        Step::ResponseOn,
        &raw_date("9", "5", "2026"),
        &answers,
        &[],
        date(2026, 11, 23),
    );
    assert_eq!(result, Err("error.response-on.before-raised".into()));
}

#[test]
fn text_answers_lose_control_characters_and_must_fit() {
    let raw = RawAnswer {
        value: Some("  Acme\u{0007}  Ltd \n".into()),
        ..RawAnswer::default()
    };
    let answers = Answers::default();
    let today = date(2026, 11, 23);
    assert_eq!(
        validate_answer(Step::Organisation, &raw, &answers, &[], today),
        Ok(Answer::Text("Acme Ltd".into()))
    );
    let long = RawAnswer {
        value: Some("x".repeat(201)),
        ..RawAnswer::default()
    };
    assert_eq!(
        validate_answer(Step::Organisation, &long, &answers, &[], today),
        Err("error.organisation.too_long".into())
    );
}

#[test]
fn the_back_link_follows_the_path() {
    let mut answers = Answers::default();
    choose(&mut answers, Step::About, "marketing");
    choose(&mut answers, Step::Channel, "automated_call");
    assert_eq!(
        previous_before(&answers, Step::AdvertisedNumber),
        Some(Step::Channel)
    );
    assert_eq!(previous_before(&answers, Step::About), None);
}

/// Issue 18: a body the organisation directory lists as a public authority is not asked about;
/// the concern still records it as one, and a name that no longer matches asks again.
#[test]
fn a_listed_public_authority_skips_the_question() {
    let mut answers = Answers::default();
    choose(&mut answers, Step::About, "foi");
    answers.set(
        Step::Organisation,
        Answer::Text("Leeds City Council".into()),
    );
    answers.set_listed_public_authority(true);
    assert_eq!(
        path(&answers),
        vec![Step::About, Step::Organisation, Step::ScottishAuthority]
    );
    assert_eq!(
        next_after(&answers, Step::Organisation, false),
        Progress::Ask(Step::ScottishAuthority)
    );
    assert_eq!(
        to_concern(&answers).map(|c| c.organisation.public_authority),
        Some(Some(true))
    );
    answers.set_listed_public_authority(false);
    assert_eq!(
        path(&answers),
        vec![Step::About, Step::Organisation, Step::PublicAuthority]
    );
    // An answer the person gave stays when the name is not listed.
    choose(&mut answers, Step::PublicAuthority, "no");
    answers.set_listed_public_authority(false);
    assert_eq!(answers.choice(Step::PublicAuthority), Some("no"));
    // Nobody can post the directory's answer.
    let raw = RawAnswer {
        value: Some(LISTED.to_owned()),
        ..RawAnswer::default()
    };
    assert!(validate_answer(Step::PublicAuthority, &raw, &answers, &[], date(2026, 3, 2)).is_err());
}

/// Issue 18: waiting for an internal review, the person may come back as soon as an unhappy
/// result arrives, not only from the date the review is overdue.
#[test]
fn waiting_for_a_review_says_the_person_may_come_back_sooner() {
    let mut answers = Answers::default();
    choose(&mut answers, Step::About, "foi");
    answers.set(
        Step::Organisation,
        Answer::Text("Leeds City Council".into()),
    );
    choose(&mut answers, Step::PublicAuthority, "yes");
    choose(&mut answers, Step::ScottishAuthority, "no");
    choose(&mut answers, Step::Raised, "yes");
    answers.set(Step::RaisedOn, Answer::Date(date(2026, 1, 5)));
    choose(&mut answers, Step::Responded, "yes");
    answers.set(Step::ResponseOn, Answer::Date(date(2026, 1, 30)));
    choose(&mut answers, Step::Review, "no");
    let letter = outcome(&answers, date(2026, 3, 2)).next_step.unwrap();
    assert!(letter.awaits_review());
    choose(&mut answers, Step::Review, "yes");
    answers.set(Step::ReviewOn, Answer::Date(date(2026, 2, 20)));
    choose(&mut answers, Step::ReviewAnswered, "no");
    answers.set(Step::LastContact, Answer::NoDate);
    let waiting = outcome(&answers, date(2026, 3, 2)).next_step.unwrap();
    assert!(
        matches!(waiting, NextStep::WaitForReview { .. }),
        "{waiting:?}"
    );
    assert!(waiting.awaits_review());
    choose(&mut answers, Step::About, "subject_access");
    assert!(!NextStep::MakeRequest {
        respond_by: date(2026, 3, 2),
        come_back_from: date(2026, 3, 2)
    }
    .awaits_review());
}
