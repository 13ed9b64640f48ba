//! The breach report's posts: plain HTML form posts, each answered by a redirect (so the
//! journey works without JavaScript), over the draft this browser is writing. The draft is
//! named by an HttpOnly cookie and kept in the database, so any portal process can serve any
//! request. The rules are in `app::domain::breach`; these handlers only read the form, load and
//! save the draft, and choose where to go next.

mod follow_up;
mod record;
mod report;
mod resume;

pub use follow_up::follow_up;
pub use record::record;
pub use report::{part, send, start};
pub use resume::{resume, save_link};

use app::domain::breach::{BreachDraft, RefusedPart};
use app::ports::Services;
use app::server_fns::breach::DRAFT_COOKIE;
use app::server_fns::session::cookie_value;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};

/// Where the portal is reached from outside, for links in emails (`PORTAL_PUBLIC_URL`).
#[derive(Debug, Clone)]
pub struct PublicUrl(pub String);

pub const TASKS: &str = "/report-breach/report";
pub const CHECK: &str = "/report-breach/report/check";
pub const SENT: &str = "/report-breach/report/sent";
pub const SAVE: &str = "/report-breach/report/save";
pub const SAVED: &str = "/report-breach/report/saved";
pub const PROBLEM: &str = "/report-breach/problem";

/// The form's fields as posted, in order (ticks repeat their name).
pub type Pairs = Vec<(String, String)>;

pub fn field(pairs: &Pairs, name: &str) -> String {
    pairs
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.clone())
        .unwrap_or_default()
}

pub fn see_other(location: &str) -> Response {
    Redirect::to(location).into_response()
}

/// Something failed on our side: logged (without personal data) and the "problem" page.
pub fn problem(what: &str, error: impl std::fmt::Display) -> Response {
    tracing::error!(%error, "breach report: {what}");
    see_other(PROBLEM)
}

/// The draft id in the cookie, if it looks like one of ours.
pub fn draft_id(headers: &HeaderMap) -> Option<String> {
    cookie_value(headers, DRAFT_COOKIE)
        .filter(|value| value.len() == 32 && value.chars().all(|c| c.is_ascii_hexdigit()))
}

/// The cookie naming the draft, for its own pages only.
pub fn draft_cookie(services: &Services, id: &str) -> Option<(header::HeaderName, HeaderValue)> {
    let max_age = services.breach_settings.draft_seconds();
    let secure = if services.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{DRAFT_COOKIE}={id}; Path=/report-breach; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}"
    );
    HeaderValue::from_str(&cookie)
        .ok()
        .map(|value| (header::SET_COOKIE, value))
}

/// A redirect that also sets the draft cookie.
pub fn see_other_with_draft(services: &Services, id: &str, location: &str) -> Response {
    let mut response = see_other(location);
    if let Some((name, value)) = draft_cookie(services, id) {
        response.headers_mut().append(name, value);
    }
    response
}

/// Puts a refused part on the draft under a fresh key, and gives the cookie that names it for the
/// redirect back to the part (`app::server_fns::refused`: the page shows it, never takes it).
pub fn keep_refused(
    services: &Services,
    draft: &mut BreachDraft,
    refused: RefusedPart,
) -> Result<HeaderValue, Box<Response>> {
    use app::server_fns::refused::{cookie, fresh_key};
    let key = fresh_key().map_err(|error| Box::new(problem("a key for a refused part", error)))?;
    let value = HeaderValue::from_str(&cookie(&key, services.secure_cookies))
        .map_err(|error| Box::new(problem("the refused cookie", error)))?;
    draft.refused = Some(RefusedPart { key, ..refused });
    Ok(value)
}

/// `response` with a cookie added.
pub fn with_cookie(mut response: Response, cookie: HeaderValue) -> Response {
    response.headers_mut().append(header::SET_COOKIE, cookie);
    response
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
pub async fn current(
    services: &Services,
    headers: &HeaderMap,
) -> Result<Option<(String, BreachDraft)>, Response> {
    let Some(id) = draft_id(headers) else {
        return Ok(None);
    };
    let stored = services
        .breach
        .load_draft(&id, now_seconds(services))
        .await
        .map_err(|error| problem("loading a draft", error))?;
    Ok(stored.map(|value| (id, serde_json::from_value(value).unwrap_or_default())))
}

/// The draft being written, for a post that changes it: with none, back to the task list (which
/// says so); once sent, to its confirmation.
pub async fn unsent(
    services: &Services,
    headers: &HeaderMap,
) -> Result<(String, BreachDraft), Response> {
    match current(services, headers).await? {
        None => Err(see_other(TASKS)),
        Some((_, draft)) if draft.sent.is_some() => Err(see_other(SENT)),
        Some(found) => Ok(found),
    }
}

/// Saves the draft, keeping it for the configured days from now.
pub async fn save(services: &Services, id: &str, draft: &BreachDraft) -> Result<(), Response> {
    save_until(services, id, draft, expiry(services)).await
}

pub async fn save_until(
    services: &Services,
    id: &str,
    draft: &BreachDraft,
    expires_at: i64,
) -> Result<(), Response> {
    let value = serde_json::to_value(draft).map_err(|error| problem("encoding a draft", error))?;
    services
        .breach
        .save_draft(id, &value, now_seconds(services), expires_at)
        .await
        .map_err(|error| problem("saving a draft", error))?;
    Ok(())
}

/// A new draft (with its idempotency key), its cookie set on `location`'s redirect.
pub async fn create(services: &Services, draft: BreachDraft) -> Result<String, Response> {
    let value = serde_json::to_value(&draft).map_err(|error| problem("encoding a draft", error))?;
    services
        .breach
        .create_draft(&value, now_seconds(services), expiry(services))
        .await
        .map_err(|error| problem("creating a draft", error))
}

/// A fresh idempotency key for a report (the error: the problem page).
pub fn new_key() -> Result<String, Box<Response>> {
    app::server_fns::session::random_hex()
        .map(|hex| format!("web:{hex}"))
        .map_err(|error| Box::new(problem("a random key", error)))
}
