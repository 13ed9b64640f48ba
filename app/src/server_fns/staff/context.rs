//! The signed-in member of staff for pages and server functions, and the session cookie.

use http::header::SET_COOKIE;
use http::HeaderValue;
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

use super::error::StaffError;
use crate::domain::staff::{Role, StaffMember};
pub use crate::ports::staff::CurrentStaff;

/// The staff session cookie's name.
pub const SESSION_COOKIE: &str = "portal_staff";

/// The signed-in session, as the server's middleware found it for this request.
pub fn current_session() -> Result<CurrentStaff, StaffError> {
    use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<CurrentStaff>().cloned())
        .ok_or(StaffError::SignedOut)
}

/// The signed-in member of staff, or [`StaffError::SignedOut`].
pub fn current_staff() -> Result<StaffMember, StaffError> {
    current_session().map(|current| current.member)
}

/// The signed-in member of staff if they hold one of `roles`, else [`StaffError::Forbidden`]
/// (or [`StaffError::SignedOut`]).
pub fn require_role(roles: &[Role]) -> Result<StaffMember, StaffError> {
    let member = current_staff()?;
    if member.has_any(roles) {
        Ok(member)
    } else {
        Err(StaffError::Forbidden)
    }
}

/// The session token in this request's cookie.
pub fn session_token() -> Option<String> {
    let parts = use_context::<http::request::Parts>()?;
    token_from(
        &parts.headers,
        crate::server_fns::cookie::secure_in_context(),
    )
}

/// The session token in these headers' cookie, if it looks like one of ours (43 base64url
/// characters: 32 random bytes); `secure`: the portal's secure cookies setting, which names the
/// cookie.
pub fn token_from(headers: &http::HeaderMap, secure: bool) -> Option<String> {
    crate::server_fns::cookie::cookie_value(headers, SESSION_COOKIE, secure).filter(|value| {
        value.len() == 43
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    })
}

/// The `Set-Cookie` value for a session token (`None`: clear the cookie).
pub fn session_cookie(token: Option<&str>, max_age_seconds: i64, secure: bool) -> String {
    use crate::server_fns::cookie::{set_cookie_value, SameSite};
    let (value, max_age) = match token {
        Some(token) => (token, max_age_seconds),
        None => ("", 0),
    };
    set_cookie_value(
        SESSION_COOKIE,
        value,
        "/",
        SameSite::Strict,
        max_age,
        secure,
    )
}

/// Adds `cookie` to this response.
pub(super) fn set_cookie(cookie: &str) {
    if let (Some(options), Ok(value)) = (
        use_context::<ResponseOptions>(),
        HeaderValue::from_str(cookie),
    ) {
        options.append_header(SET_COOKIE, value);
    }
}

/// The signed-in member of staff if the access table lets them open `path` (the same check the
/// middleware made for the request, made again where the work is done).
pub fn require_access(path: &str) -> Result<CurrentStaff, StaffError> {
    let current = current_session()?;
    if current.member.may_open(path) {
        Ok(current)
    } else {
        Err(StaffError::Forbidden)
    }
}
