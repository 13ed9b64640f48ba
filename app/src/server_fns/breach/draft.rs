//! The draft a browser is writing, as the report's server functions keep it: named by an
//! HttpOnly cookie (its path is `/report-breach`), kept in the database, so any portal process
//! can serve any request. Something failing on our side is logged (without personal data) and
//! ends on the "problem" page.

use leptos::prelude::*;

use super::DRAFT_COOKIE;
use crate::domain::breach::{BreachDraft, RefusedPart};
use crate::domain::readiness::FieldErrors;
use crate::ports::Services;
use crate::server_fns::refused;
use crate::server_fns::session::{cookie_value, random_hex, set_cookie};

pub const TASKS: &str = "/report-breach/report";
pub const CHECK: &str = "/report-breach/report/check";
pub const SENT: &str = "/report-breach/report/sent";
pub const SAVE: &str = "/report-breach/report/save";
pub const SAVED: &str = "/report-breach/report/saved";
pub const PROBLEM: &str = "/report-breach/problem";
pub const FOLLOW_UP: &str = "/report-breach/follow-up";
pub const LINK_NOT_FOUND: &str = "/report-breach/link-not-found";

/// Why a post ends somewhere other than where it was going.
pub enum Detour {
    /// Go here instead (no report to change, or it has been sent).
    To(String),
    /// Something failed on our side.
    Problem(&'static str, String),
}

impl Detour {
    pub fn problem(what: &'static str, error: impl std::fmt::Display) -> Self {
        Detour::Problem(what, error.to_string())
    }

    /// Where the post goes: the detour's page, the failure logged.
    pub fn redirect(self) {
        match self {
            Detour::To(location) => leptos_axum::redirect(&location),
            Detour::Problem(what, error) => {
                tracing::error!(%error, "breach report: {what}");
                leptos_axum::redirect(PROBLEM);
            }
        }
    }
}

/// Runs a post's steps: its redirect, or the detour's.
pub fn finish(result: Result<String, Detour>) -> Result<(), ServerFnError> {
    match result {
        Ok(location) => leptos_axum::redirect(&location),
        Err(detour) => detour.redirect(),
    }
    Ok(())
}

pub fn services() -> Result<std::sync::Arc<Services>, Detour> {
    crate::server_fns::session::services().map_err(|error| Detour::problem("services", error))
}

/// The draft id in the request's cookie, if it looks like one of ours.
fn draft_id() -> Option<String> {
    let parts = use_context::<http::request::Parts>()?;
    let secure = crate::server_fns::cookie::secure_in_context();
    cookie_value(&parts.headers, DRAFT_COOKIE, secure)
        .filter(|value| value.len() == 32 && value.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Sets the cookie naming the draft on this response (for the breach pages only).
pub fn name_draft(services: &Services, id: &str) {
    let max_age = services.breach_settings.draft_seconds();
    set_cookie(
        services.secure_cookies,
        DRAFT_COOKIE,
        id,
        "/report-breach",
        max_age,
    );
}

/// Unix seconds now, by the portal's clock.
pub fn now_seconds(services: &Services) -> i64 {
    services.clock.now().timestamp()
}

/// When a draft saved now expires.
pub fn expiry(services: &Services) -> i64 {
    now_seconds(services) + services.breach_settings.draft_seconds()
}

/// The draft this browser is writing, if it has one that has not expired.
pub async fn current(services: &Services) -> Result<Option<(String, BreachDraft)>, Detour> {
    let Some(id) = draft_id() else {
        return Ok(None);
    };
    let stored = services
        .breach
        .load_draft(&id, now_seconds(services))
        .await
        .map_err(|error| Detour::problem("loading a draft", error))?;
    Ok(stored.map(|value| (id, serde_json::from_value(value).unwrap_or_default())))
}

/// The draft being written, for a post that changes it: with none, back to the task list (which
/// says so); once sent, to its confirmation.
pub async fn unsent(services: &Services) -> Result<(String, BreachDraft), Detour> {
    match current(services).await? {
        None => Err(Detour::To(TASKS.to_owned())),
        Some((_, draft)) if draft.sent.is_some() => Err(Detour::To(SENT.to_owned())),
        Some(found) => Ok(found),
    }
}

/// Saves the draft, keeping it for the configured days from now.
pub async fn save(services: &Services, id: &str, draft: &BreachDraft) -> Result<(), Detour> {
    save_until(services, id, draft, expiry(services)).await
}

pub async fn save_until(
    services: &Services,
    id: &str,
    draft: &BreachDraft,
    expires_at: i64,
) -> Result<(), Detour> {
    let value =
        serde_json::to_value(draft).map_err(|error| Detour::problem("encoding a draft", error))?;
    services
        .breach
        .save_draft(id, &value, now_seconds(services), expires_at)
        .await
        .map_err(|error| Detour::problem("saving a draft", error))?;
    Ok(())
}

/// A new draft, named in this response's cookie; returns its id.
pub async fn create(services: &Services, draft: &BreachDraft) -> Result<String, Detour> {
    let value =
        serde_json::to_value(draft).map_err(|error| Detour::problem("encoding a draft", error))?;
    let id = services
        .breach
        .create_draft(&value, now_seconds(services), expiry(services))
        .await
        .map_err(|error| Detour::problem("creating a draft", error))?;
    name_draft(services, &id);
    Ok(id)
}

/// A fresh idempotency key for a report.
pub fn new_key() -> Result<String, Detour> {
    random_hex()
        .map(|hex| format!("web:{hex}"))
        .map_err(|error| Detour::problem("a random key", error))
}

/// Puts a refused form on the draft under a fresh key, named in this response's `refused`
/// cookie ([`refused`]: the page shows it, never takes it).
pub fn keep_refused(draft: &mut BreachDraft, refused: RefusedPart) -> Result<(), Detour> {
    let key = refused::keep().map_err(|error| Detour::problem("a refused form's key", error))?;
    draft.refused = Some(RefusedPart { key, ..refused });
    Ok(())
}

/// A refused form's problems as (field, message key) pairs.
pub fn problems(errors: &FieldErrors) -> Vec<(String, String)> {
    errors
        .iter()
        .map(|(field, key)| (field.to_owned(), key.to_owned()))
        .collect()
}
