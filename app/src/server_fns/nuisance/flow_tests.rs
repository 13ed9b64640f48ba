//! The rules between pages, without HTTP: where each answer leads and what is kept.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;

use super::flow::{answer, Posted};
use super::pages::{At, Page};
use super::state::NuisanceJourney;
use crate::domain::nuisance::{NuisanceSettings, Question};

fn now() -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 3, 2)
        .and_then(|d| d.and_hms_opt(12, 0, 0))
        .unwrap()
}

fn post(state: &mut NuisanceJourney, page: Page, posted: Posted) -> String {
    answer(
        state,
        page,
        At::default(),
        posted,
        now(),
        &NuisanceSettings::default(),
    )
}

fn value(text: &str) -> Posted {
    Posted {
        value: text.to_owned(),
        ..Posted::default()
    }
}

#[test]
fn a_silent_call_keeps_nothing_and_goes_to_ofcom() {
    let mut state = NuisanceJourney::default();
    assert_eq!(
        post(&mut state, Page::Channel, value("live_call")),
        "/report-nuisance/silent-or-abandoned"
    );
    let target = post(
        &mut state,
        Page::Question(Question::SilentOrAbandoned),
        value("yes"),
    );
    assert_eq!(target, "/report-nuisance/silent-call");
    assert_eq!(state.current, None);
}

#[test]
fn a_rejected_answer_is_kept_for_its_page_only_and_changes_nothing() {
    let mut state = NuisanceJourney::default();
    post(&mut state, Page::Channel, value("text"));
    let saved = state.current.clone();
    let target = post(
        &mut state,
        Page::Question(Question::Sender),
        value("0906-CALL-NOW"),
    );
    assert_eq!(target, "/report-nuisance/sender");
    assert_eq!(state.current, saved);
    let flash = state.flash.clone().expect("a flash");
    assert_eq!(flash.page, "sender");
    assert_eq!(flash.form.sender, "0906-CALL-NOW");
    assert!(
        flash.errors.iter().all(|(field, _)| field == "sender"),
        "{flash:?}"
    );
}

#[test]
fn choosing_the_same_channel_again_keeps_the_answers_and_another_resets_them() {
    let mut state = NuisanceJourney::default();
    post(&mut state, Page::Channel, value("fax"));
    post(&mut state, Page::Question(Question::Company), value("Acme"));
    post(&mut state, Page::Channel, value("fax"));
    assert_eq!(state.current.as_ref().unwrap().company, "Acme");
    post(&mut state, Page::Channel, value("email"));
    assert_eq!(state.current.as_ref().unwrap().company, "");
}

#[test]
fn the_email_page_keeps_the_headers_already_given_and_needs_some() {
    let mut state = NuisanceJourney::default();
    post(&mut state, Page::Channel, value("email"));
    let page = Page::Question(Question::EmailEvidence);
    assert_eq!(
        post(&mut state, page, Posted::default()),
        "/report-nuisance/email-evidence"
    );
    let headers = "From: Offers <offers@example.com>\r\nSubject: hi\r\n";
    let given = Posted {
        email_source: headers.to_owned(),
        ..Posted::default()
    };
    assert_eq!(post(&mut state, page, given), "/report-nuisance/company");
    assert_eq!(
        post(&mut state, page, Posted::default()),
        "/report-nuisance/company"
    );
    assert_eq!(state.current.as_ref().unwrap().email_source, headers);
}

#[test]
fn no_more_than_the_most_calls_or_messages_are_offered() {
    let settings = NuisanceSettings {
        max_incidents: 1,
        ..NuisanceSettings::default()
    };
    let mut state = NuisanceJourney {
        incidents: vec![Default::default()],
        ..NuisanceJourney::default()
    };
    let target = answer(
        &mut state,
        Page::Another,
        At::default(),
        value("yes"),
        now(),
        &settings,
    );
    assert_eq!(target, "/report-nuisance/your-details");
}
