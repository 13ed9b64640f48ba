//! Files a person takes away: the letter to send, and a calendar reminder.

use app::domain::assistant::{Answers, NextStep};
use app::i18n::{fill, headers_lang, in_language, t, t_in};
use app::letters::{compose, file_name, reminder_ics};
use app::ports::Services;
use app::server_fns::concern::outcome_for;
use app::server_fns::session::journey_id_from;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use chrono::Utc;
use std::sync::Arc;

async fn answers(services: &Services, headers: &HeaderMap) -> Option<Answers> {
    let id = journey_id_from(headers, services.secure_cookies)?;
    match services.journeys.load(&id).await {
        Ok(journey) => journey.map(|j| j.answers),
        Err(error) => {
            tracing::error!(error = %error, "loading a journey for a download");
            None
        }
    }
}

fn attachment(content_type: &str, name: &str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        body,
    )
        .into_response()
}

/// `GET /concern/letter.txt`: the letter, as plain text.
pub async fn letter(Extension(services): Extension<Arc<Services>>, headers: HeaderMap) -> Response {
    let Some(answers) = answers(&services, &headers).await else {
        return Redirect::to("/concern/about").into_response();
    };
    let lang = headers_lang(&headers, services.secure_cookies);
    let Ok(view) = outcome_for(&services, answers) else {
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            t_in(lang, "problem.title"),
        )
            .into_response();
    };
    let Some(outcome) = view.outcome else {
        return Redirect::to("/concern/about").into_response();
    };
    let letter_kind = outcome.next_step.as_ref().and_then(NextStep::letter);
    // Written in the language the person reads the pages in.
    let letter = in_language(lang, || compose(&outcome, view.today));
    match (letter_kind, letter) {
        (Some(kind), Some(letter)) => attachment(
            "text/plain; charset=utf-8",
            &file_name(kind),
            letter.to_plain_text(),
        ),
        _ => Redirect::to("/concern/letter").into_response(),
    }
}

/// `GET /concern/reminder.ics`: an all-day event on the date the person can come back.
pub async fn reminder(
    Extension(services): Extension<Arc<Services>>,
    headers: HeaderMap,
) -> Response {
    let Some(answers) = answers(&services, &headers).await else {
        return Redirect::to("/concern/about").into_response();
    };
    let date = outcome_for(&services, answers)
        .ok()
        .and_then(|view| view.outcome)
        .and_then(|outcome| outcome.next_step)
        .and_then(|next| next.come_back_from());
    let Some(date) = date else {
        return Redirect::to("/concern/check").into_response();
    };
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("localhost");
    let url = format!("http://{host}/");
    let lang = headers_lang(&headers, services.secure_cookies);
    let (summary, description) = in_language(lang, || {
        (
            t("reminder.summary"),
            fill(&t("reminder.description"), &[("url", &url)]),
        )
    });
    attachment(
        "text/calendar; charset=utf-8",
        "concern-reminder.ics",
        reminder_ics(date, &summary, &description, Utc::now()),
    )
}
