//! The journey cookie: a random id naming the journey's row in the database.

use http::header::SET_COOKIE;
use http::HeaderValue;
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

use crate::ports::{Journey, Services};

pub const COOKIE_NAME: &str = "journey";
/// How long an unfinished journey is remembered in the browser (28 days).
const MAX_AGE_SECONDS: i64 = 28 * 24 * 60 * 60;

/// The portal's services, shared by every request (one `Arc` in the request's context).
pub fn services() -> Result<std::sync::Arc<Services>, ServerFnError> {
    use_context::<std::sync::Arc<Services>>()
        .ok_or_else(|| ServerFnError::new("services missing from context"))
}

/// The journey id from the request's cookie, if it looks like one of ours.
pub fn journey_id() -> Option<String> {
    let parts = use_context::<http::request::Parts>()?;
    journey_id_from(&parts.headers, super::cookie::secure_in_context())
}

/// The journey id in these request headers' cookie, if it looks like one of ours (`secure`:
/// the portal's secure cookies setting, which names the cookie).
pub fn journey_id_from(headers: &http::HeaderMap, secure: bool) -> Option<String> {
    cookie_value(headers, COOKIE_NAME, secure)
        .filter(|value| value.len() == 32 && value.chars().all(|c| c.is_ascii_hexdigit()))
}

/// The value of the cookie `name` in these request headers, if sent (under its name for
/// `secure`: [`cookie_name`](super::cookie::cookie_name)).
pub fn cookie_value(headers: &http::HeaderMap, name: &str, secure: bool) -> Option<String> {
    super::cookie::cookie_value(headers, name, secure)
}

/// The current journey (empty if there is none yet).
pub async fn load(services: &Services) -> Result<Journey, ServerFnError> {
    stored(services).await.map(Option::unwrap_or_default)
}

/// The current journey, if this browser has one stored.
pub async fn stored(services: &Services) -> Result<Option<Journey>, ServerFnError> {
    let Some(id) = journey_id() else {
        return Ok(None);
    };
    services
        .journeys
        .load(&id)
        .await
        .map_err(|error| ServerFnError::new(format!("loading a journey: {error}")))
}

/// In a server function: sets an HttpOnly, same-site cookie on the response (`Secure` and
/// `__Host-` behind HTTPS: [`set_cookie_value`](super::cookie::set_cookie_value)).
pub fn set_cookie(secure: bool, name: &str, value: &str, path: &str, max_age: i64) {
    use super::cookie::{set_cookie_value, SameSite};
    let cookie = set_cookie_value(name, value, path, SameSite::Lax, max_age, secure);
    if let (Some(options), Ok(value)) = (
        use_context::<ResponseOptions>(),
        HeaderValue::from_str(&cookie),
    ) {
        options.append_header(SET_COOKIE, value);
    }
}

/// Saves the journey, starting one (and setting its cookie) if there is none. A form refused
/// since it was loaded gets its key here, sent back in the `refused` cookie
/// ([`refused`](super::refused)).
pub async fn save(services: &Services, journey: &mut Journey) -> Result<(), ServerFnError> {
    super::refused::key_and_send(journey)?;
    let id = match journey_id() {
        Some(id) => id,
        None => {
            let id = new_id()?;
            set_cookie(
                services.secure_cookies,
                COOKIE_NAME,
                &id,
                "/",
                MAX_AGE_SECONDS,
            );
            id
        }
    };
    services
        .journeys
        .save(&id, &*journey)
        .await
        .map_err(|error| ServerFnError::new(error.to_string()))
}

/// Forgets the journey.
pub async fn clear(services: &Services) -> Result<(), ServerFnError> {
    if let Some(id) = journey_id() {
        services
            .journeys
            .delete(&id)
            .await
            .map_err(|error| ServerFnError::new(error.to_string()))?;
    }
    Ok(())
}

/// 128 random bits as hex.
pub fn random_hex() -> Result<String, ServerFnError> {
    new_id()
}

fn new_id() -> Result<String, ServerFnError> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)
        .map_err(|error| ServerFnError::new(format!("random id: {error}")))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}
