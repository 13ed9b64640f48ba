//! `POST /report-breach/follow-up`: more information about a breach already reported, added to
//! its case under the same reference. The reference (its check character catches a mistyped
//! one) and the reporter's email address must both match; otherwise nothing is said about
//! whether the reference exists.

use app::domain::breach::{BreachDraft, RefusedPart};
use app::domain::case::Reference;
use app::domain::submission::is_email;
use app::ports::{FollowUp, Services};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::{Extension, Form};
use serde_json::json;

use super::{
    create, current, field, keep_refused, new_key, problem, save, see_other, see_other_with_draft,
    with_cookie, Pairs,
};

pub const FOLLOW_UP: &str = "/report-breach/follow-up";

fn problems(reference: &str, email: &str, text: &str, max: usize) -> Vec<(String, String)> {
    let mut errors = Vec::new();
    let mut add = |field: &str, key: &str| errors.push((field.to_owned(), key.to_owned()));
    if reference.is_empty() {
        add("reference", "breach.error.follow_up_reference.required");
    } else if Reference::parse(reference).is_err() {
        add("reference", "breach.error.follow_up_reference.invalid");
    }
    if email.is_empty() {
        add("email", "breach.error.follow_up_email.required");
    } else if !is_email(email) {
        add("email", "breach.error.follow_up_email.invalid");
    }
    if text.is_empty() {
        add("text", "breach.error.follow_up_text.required");
    } else if text.chars().count() > max {
        add("text", "breach.error.follow_up_text.too_long");
    }
    errors
}

/// Shows the form again with its problems: kept on this browser's draft (one is made if there
/// is none), like every other refused answer.
async fn refuse(
    services: &Services,
    headers: &HeaderMap,
    form: serde_json::Value,
    errors: Vec<(String, String)>,
) -> Response {
    let refused = RefusedPart {
        part: "follow-up".to_owned(),
        form,
        errors,
        ..RefusedPart::default()
    };
    match current(services, headers).await {
        Err(response) => response,
        Ok(Some((id, mut draft))) => {
            let cookie = match keep_refused(services, &mut draft, refused) {
                Ok(cookie) => cookie,
                Err(response) => return *response,
            };
            match save(services, &id, &draft).await {
                Ok(()) => with_cookie(see_other(FOLLOW_UP), cookie),
                Err(response) => response,
            }
        }
        Ok(None) => {
            let key = match new_key() {
                Ok(key) => key,
                Err(response) => return *response,
            };
            let mut draft = BreachDraft::new(Default::default(), key);
            let cookie = match keep_refused(services, &mut draft, refused) {
                Ok(cookie) => cookie,
                Err(response) => return *response,
            };
            match create(services, draft).await {
                Ok(id) => with_cookie(see_other_with_draft(services, &id, FOLLOW_UP), cookie),
                Err(response) => response,
            }
        }
    }
}

pub async fn follow_up(
    Extension(services): Extension<Services>,
    headers: HeaderMap,
    Form(pairs): Form<Pairs>,
) -> Response {
    let reference = field(&pairs, "reference").trim().to_uppercase();
    let email = field(&pairs, "email").trim().to_owned();
    let text = field(&pairs, "text").trim().to_owned();
    let form = json!({ "reference": reference, "email": email, "text": text });
    let errors = problems(
        &reference,
        &email,
        &text,
        services.breach_settings.long_text_chars,
    );
    if !errors.is_empty() {
        return refuse(&services, &headers, form, errors).await;
    }
    let reference = match Reference::parse(&reference) {
        Ok(reference) => reference.as_str().to_owned(),
        Err(_) => return see_other(FOLLOW_UP),
    };
    let follow_up = FollowUp {
        reference: reference.clone(),
        email,
        text,
        at: services.clock.now().naive_local(),
    };
    match services.breach.follow_up(&follow_up).await {
        Ok(true) => see_other(&format!("{FOLLOW_UP}/sent?reference={reference}")),
        Ok(false) => {
            let errors = vec![(
                "reference".to_owned(),
                "breach.error.follow_up_reference.no_match".to_owned(),
            )];
            refuse(&services, &headers, form, errors).await
        }
        Err(error) => problem("adding a follow-up", error),
    }
}
