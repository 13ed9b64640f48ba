//! FOI and EIR complaints in depth (issue 19 part 3): the review an authority refused or cannot
//! hold, the questions about the request when handing in, no harm question, and the details
//! the case carries.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::*;
use crate::domain::calendar::Calendar;
use crate::domain::readiness::{DocumentKind, ReadinessSettings, Reason, Route, Verdict};
use crate::domain::submission::{validate_details, Completeness, DetailLimits};

const HOLIDAYS: &str = include_str!("../../../data/bank-holidays.json");

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-03-02T12:00:00+00:00").unwrap()
}

fn choose(answers: &mut Answers, step: Step, code: &str) {
    answers.set(step, Answer::Choice(code.to_owned()));
}

fn text(answers: &mut Answers, step: Step, value: &str) {
    answers.set(step, Answer::Text(value.to_owned()));
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

/// An FOI (or EIR) request made on 5 January 2026 and answered on 30 January.
fn answered(topic: &str) -> Answers {
    let mut answers = Answers::default();
    choose(&mut answers, Step::About, topic);
    text(&mut answers, Step::Organisation, "Leeds City Council");
    choose(&mut answers, Step::PublicAuthority, "yes");
    choose(&mut answers, Step::ScottishAuthority, "no");
    choose(&mut answers, Step::Raised, "yes");
    answers.set(Step::RaisedOn, Answer::Date(date(2026, 1, 5)));
    choose(&mut answers, Step::Responded, "yes");
    answers.set(Step::ResponseOn, Answer::Date(date(2026, 1, 30)));
    answers
}

/// Answers the rest of the path: no later contact, and every document offered.
fn finish(answers: &mut Answers) {
    answers.set(Step::LastContact, Answer::NoDate);
    let offered: Vec<String> = document_options(answers)
        .iter()
        .map(|kind| kind.code().to_owned())
        .collect();
    answers.set(Step::Documents, Answer::Many(offered));
}

fn handover(route: Route) -> Handover {
    Handover {
        route,
        late: false,
        required: vec![DocumentKind::InformationRequest],
    }
}

#[test]
fn a_refused_review_asks_when_and_is_ready_with_the_refusal_as_the_outcome() {
    let mut answers = answered("foi");
    choose(&mut answers, Step::Review, "yes");
    answers.set(Step::ReviewOn, Answer::Date(date(2026, 2, 2)));
    choose(&mut answers, Step::ReviewAnswered, "refused");
    assert_eq!(path(&answers).last(), Some(&Step::ReviewRefusedOn));
    // The refusal cannot come before the review was asked for.
    let early = RawAnswer {
        day: Some("1".into()),
        month: Some("2".into()),
        year: Some("2026".into()),
        ..RawAnswer::default()
    };
    assert_eq!(
        validate_answer(
            Step::ReviewRefusedOn,
            &early,
            &answers,
            &[],
            date(2026, 3, 2)
        ),
        Err("error.review-refused-on.before-review".to_owned())
    );
    answers.set(Step::ReviewRefusedOn, Answer::Date(date(2026, 2, 9)));
    assert!(!path(&answers).contains(&Step::ReviewOutcomeOn));
    finish(&mut answers);
    let result = outcome(&answers, date(2026, 3, 2));
    assert_eq!(result.verdict(), Verdict::Ready, "{result:?}");
    assert!(result.assessment.reasons.is_empty(), "{result:?}");
    assert_eq!(
        result.concern.internal_review_outcome_on,
        Some(date(2026, 2, 9))
    );
    assert!(result
        .assessment
        .required_documents
        .contains(&DocumentKind::InternalReviewOutcome));
    // Last meaningful contact is the refusal: three months on, it is late.
    assert_eq!(result.assessment.complain_by, Some(date(2026, 5, 9)));
    assert_eq!(
        outcome(&answers, date(2026, 5, 11)).verdict(),
        Verdict::Late
    );
}

#[test]
fn no_review_procedure_goes_on_without_a_review_but_no_review_still_gets_the_letter() {
    for topic in ["foi", "eir"] {
        let mut answers = answered(topic);
        choose(&mut answers, Step::Review, "no");
        assert_eq!(path(&answers).last(), Some(&Step::Review));
        let letter = outcome(&answers, date(2026, 3, 2));
        assert_eq!(letter.verdict(), Verdict::NotYet);
        assert_eq!(
            letter.assessment.reasons,
            vec![Reason::InternalReviewNotRequested]
        );

        choose(&mut answers, Step::Review, "no_procedure");
        let steps = path(&answers);
        assert_eq!(steps.last(), Some(&Step::LastContact), "{steps:?}");
        assert!(!steps.contains(&Step::ReviewOn));
        finish(&mut answers);
        let result = outcome(&answers, date(2026, 3, 2));
        assert_eq!(result.verdict(), Verdict::Ready, "{topic}: {result:?}");
        assert!(result.assessment.reasons.is_empty());
        assert_eq!(result.next_step, None);
        assert_eq!(result.assessment.case_type, letter.assessment.case_type);
        // The undue-delay window still runs from the response.
        assert_eq!(outcome(&answers, date(2026, 5, 1)).verdict(), Verdict::Late);
        // Missing documents still hold it back.
        answers.set(Step::Documents, Answer::Many(Vec::new()));
        let missing = outcome(&answers, date(2026, 3, 2));
        assert_eq!(missing.verdict(), Verdict::NotYet);
        assert_eq!(missing.assessment.reasons, vec![Reason::MissingDocuments]);
    }
}

#[test]
fn the_review_answers_offer_no_procedure_and_refused_only_where_they_belong() {
    let answers = answered("foi");
    let review = RawAnswer {
        value: Some("refused".into()),
        ..RawAnswer::default()
    };
    assert!(validate_answer(Step::Review, &review, &answers, &[], date(2026, 3, 2)).is_err());
    let answered_review = RawAnswer {
        value: Some("no_procedure".into()),
        ..RawAnswer::default()
    };
    assert!(validate_answer(
        Step::ReviewAnswered,
        &answered_review,
        &answers,
        &[],
        date(2026, 3, 2)
    )
    .is_err());
    assert!(!Step::ReviewRefusedOn.is_submission());
}

/// Every answer after the verdict, for a refusal under s.40 and s.43 when `action` is refused.
fn handed_in(topic: &str, action: Option<&str>) -> Answers {
    let mut answers = answered(topic);
    match action {
        Some(action) => choose(&mut answers, Step::AuthorityAction, action),
        None => {
            choose(&mut answers, Step::Responded, "no");
            answers.remove(Step::ResponseOn);
        }
    }
    choose(&mut answers, Step::Review, "yes");
    answers.set(Step::ReviewOn, Answer::Date(date(2026, 2, 2)));
    choose(&mut answers, Step::ReviewAnswered, "yes");
    answers.set(Step::ReviewOutcomeOn, Answer::Date(date(2026, 2, 20)));
    finish(&mut answers);
    choose(&mut answers, Step::ActingFor, "myself");
    choose(&mut answers, Step::OrganisationMatch, "la:LDS");
    text(
        &mut answers,
        Step::InformationRequested,
        "The council's contract with its waste contractor.",
    );
    answers.set(
        Step::RefusalGrounds,
        Answer::Many(vec!["s40".into(), "s43".into()]),
    );
    text(
        &mut answers,
        Step::Withheld,
        "The prices and the names of staff.",
    );
    text(&mut answers, Step::Summary, "They withheld most of it.");
    answers.set(
        Step::Timeline,
        Answer::Events(vec![crate::domain::submission::TimelineEvent {
            on: date(2026, 1, 5),
            what: "Made my request".into(),
        }]),
    );
    text(&mut answers, Step::Wanted, "The contract, with prices.");
    answers
}

#[test]
fn handing_in_asks_about_the_request_for_each_thing_the_authority_did() {
    for topic in ["foi", "eir"] {
        let route = if topic == "foi" {
            Route::Foi
        } else {
            Route::Eir
        };
        for action in AUTHORITY_ACTIONS {
            let answers = handed_in(topic, Some(action));
            let steps = submit_path(&answers, &handover(route));
            let about_request: Vec<Step> = steps
                .iter()
                .copied()
                .filter(|step| {
                    matches!(
                        step,
                        Step::InformationRequested
                            | Step::AuthorityAction
                            | Step::RefusalGrounds
                            | Step::Withheld
                    )
                })
                .collect();
            let mut expected = vec![Step::InformationRequested, Step::AuthorityAction];
            if *action == "refused" {
                expected.extend([Step::RefusalGrounds, Step::Withheld]);
            }
            assert_eq!(about_request, expected, "{topic} {action}");
            // The request comes first, before what happened; harm is never asked.
            let at = |step: Step| steps.iter().position(|s| *s == step).unwrap();
            assert!(at(Step::InformationRequested) > at(Step::OrganisationMatch));
            assert!(at(Step::InformationRequested) < at(Step::Summary));
            assert!(!steps.contains(&Step::Harm), "{topic} {action}");
            assert!(steps.contains(&Step::Wanted));

            let details = case_details(&answers, &handover(route), |_| None);
            let request = details.information_request.expect("the request");
            assert_eq!(request.law, topic);
            assert_eq!(request.authority_action, *action);
            assert_eq!(
                request.requested,
                "The council's contract with its waste contractor."
            );
            assert_eq!(request.review.as_deref(), Some("answered"));
            if *action == "refused" {
                assert_eq!(request.grounds, vec!["s40", "s43"]);
                assert_eq!(
                    request.withheld.as_deref(),
                    Some("The prices and the names of staff.")
                );
            } else {
                assert!(request.grounds.is_empty(), "{action}");
                assert_eq!(request.withheld, None, "{action}");
            }
            assert!(details.harm.is_empty());
        }
    }
}

#[test]
fn no_response_is_not_asked_what_the_authority_did_and_says_so() {
    let answers = handed_in("foi", None);
    let steps = submit_path(&answers, &handover(Route::Foi));
    assert!(steps.contains(&Step::InformationRequested));
    assert!(!steps.contains(&Step::AuthorityAction));
    assert!(!steps.contains(&Step::RefusalGrounds));
    let request = case_details(&answers, &handover(Route::Foi), |_| None)
        .information_request
        .unwrap();
    assert_eq!(request.authority_action, "no_response");
    assert_eq!(request.review, None);
    assert!(request.grounds.is_empty());
}

#[test]
fn harm_is_still_asked_and_required_for_data_protection() {
    let answers = handed_in("foi", Some("refused"));
    let steps = submit_path(&answers, &handover(Route::DataProtection));
    assert!(steps.contains(&Step::Harm));
    assert!(!steps.contains(&Step::InformationRequested));
    let details = case_details(&answers, &handover(Route::DataProtection), |_| None);
    assert_eq!(details.information_request, None);
    let errors = validate_details(
        &details,
        &[],
        false,
        date(2026, 3, 2),
        &DetailLimits::default(),
        Completeness::Web,
    );
    assert_eq!(errors.get("harm"), Some("error.harm.required"));
    // An FOI complaint's details need no harm.
    let foi = case_details(&answers, &handover(Route::Foi), |_| None);
    let errors = validate_details(
        &foi,
        &[],
        false,
        date(2026, 3, 2),
        &DetailLimits::default(),
        Completeness::Web,
    );
    assert_eq!(errors.get("harm"), None);
}

#[test]
fn the_grounds_are_the_laws_own_with_not_sure_and_at_least_one_is_needed() {
    let foi = answered("foi");
    let offered = checkbox_options(Step::RefusalGrounds, &foi);
    assert!(offered.contains(&"s40".to_owned()) && offered.contains(&"s43".to_owned()));
    assert!(!offered.iter().any(|code| code.starts_with('r')));
    assert_eq!(offered.last().map(String::as_str), Some(NOT_SURE));
    assert_eq!(offered.len(), FOI_EXEMPTIONS.len() + 1);
    let eir = answered("eir");
    let offered_eir = checkbox_options(Step::RefusalGrounds, &eir);
    assert!(offered_eir.contains(&"r12_5_e".to_owned()));
    assert!(!offered_eir.contains(&"s43".to_owned()));
    assert_eq!(offered_eir.len(), EIR_EXCEPTIONS.len() + 1);
    // Documents keep their own options.
    assert_eq!(
        checkbox_options(Step::Documents, &foi),
        document_options(&foi)
            .iter()
            .map(|kind| kind.code().to_owned())
            .collect::<Vec<_>>()
    );

    let pick = |values: &[&str]| RawAnswer {
        values: values.iter().map(|v| (*v).to_owned()).collect(),
        ..RawAnswer::default()
    };
    let today = date(2026, 3, 2);
    assert_eq!(
        validate_answer(Step::RefusalGrounds, &pick(&[]), &foi, &offered, today),
        Err("error.exemptions.required".to_owned())
    );
    assert_eq!(
        validate_answer(Step::RefusalGrounds, &pick(&["r13"]), &foi, &offered, today),
        Err("error.exemptions.unknown".to_owned())
    );
    assert_eq!(
        validate_answer(
            Step::RefusalGrounds,
            &pick(&["s40", "s43", "s40"]),
            &foi,
            &offered,
            today
        ),
        Ok(Answer::Many(vec!["s40".into(), "s43".into()]))
    );
    assert_eq!(
        validate_answer(
            Step::RefusalGrounds,
            &pick(&["not_sure"]),
            &foi,
            &offered,
            today
        ),
        Ok(Answer::Many(vec!["not_sure".into()]))
    );
    // The documents question keeps its own message.
    assert_eq!(
        validate_answer(Step::Documents, &pick(&["s40"]), &foi, &[], today),
        Err("error.documents.unknown".to_owned())
    );
}

#[test]
fn the_timescales_default_to_the_s50_guidance() {
    let timescales = FoiTimescales::default();
    assert_eq!(
        (
            timescales.resolve_months,
            timescales.comply_days,
            timescales.appeal_days
        ),
        (6, 35, 28)
    );
    let partial: FoiTimescales = serde_json::from_str(r#"{"appeal_days": 30}"#).unwrap();
    assert_eq!(partial.appeal_days, 30);
    assert_eq!(partial.resolve_months, 6);
}

#[test]
fn the_sift_reads_the_request_and_what_was_withheld_first() {
    let answers = handed_in("foi", Some("refused"));
    let details = case_details(&answers, &handover(Route::Foi), |_| None);
    let texts = crate::domain::submission::sift_input(&details).texts;
    let labels: Vec<&str> = texts.iter().map(|text| text.label.as_str()).collect();
    assert_eq!(
        &labels[..3],
        &[
            "the information asked for",
            "what was withheld",
            "the summary"
        ]
    );
    assert_eq!(
        texts[0].text,
        "The council's contract with its waste contractor."
    );
    assert_eq!(texts[1].text, "The prices and the names of staff.");
}
