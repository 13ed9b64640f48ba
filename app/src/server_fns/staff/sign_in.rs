//! Signing in and out, and who is signed in.

use leptos::prelude::*;

use super::error::StaffError;
use crate::domain::staff::StaffMember;
#[cfg(feature = "ssr")]
use crate::domain::staff::{safe_next, SIGN_IN_PATH};

/// Signs in with an email and password; a refusal returns to the sign-in page with the reason.
#[server(prefix = "/staff/api", endpoint = "sign-in")]
pub async fn sign_in(
    email: Option<String>,
    password: Option<String>,
    next: Option<String>,
) -> Result<(), StaffError> {
    use super::context::{session_cookie, session_token, set_cookie};
    use crate::ports::staff::SignInError;
    let services = crate::server_fns::session::services()
        .map_err(|error| StaffError::server("services", error))?;
    let next = safe_next(next.as_deref());
    let email = email.unwrap_or_default();
    let password = password.unwrap_or_default();
    let missing = match (email.trim().is_empty(), password.is_empty()) {
        (true, true) => Some("missing-both"),
        (true, false) => Some("missing-email"),
        (false, true) => Some("missing-password"),
        (false, false) => None,
    };
    if let Some(code) = missing {
        leptos_axum::redirect(&super::sign_in_href(&next, Some(code)));
        return Ok(());
    }
    match services.staff.sign_in(&email, &password).await {
        Ok(session) => {
            // Signing in again replaces the session this browser had.
            if let Some(old) = session_token() {
                services
                    .staff
                    .sign_out(&old)
                    .await
                    .map_err(|error| StaffError::server("ending the old session", error))?;
            }
            set_cookie(&session_cookie(
                Some(&session.token),
                session.max_age_seconds,
                services.secure_cookies,
            ));
            leptos_axum::redirect(&next);
        }
        Err(SignInError::Refused) => {
            leptos_axum::redirect(&super::sign_in_href(&next, Some("credentials")))
        }
        Err(SignInError::LockedOut) => {
            leptos_axum::redirect(&super::sign_in_href(&next, Some("locked")))
        }
        Err(SignInError::Failed(error)) => return Err(StaffError::server("sign in", error)),
    }
    Ok(())
}

/// Ends the session (deleting it from the store) and clears the cookie.
#[server(prefix = "/staff/api", endpoint = "sign-out")]
pub async fn sign_out() -> Result<(), StaffError> {
    use super::context::{session_cookie, session_token, set_cookie};
    let services = crate::server_fns::session::services()
        .map_err(|error| StaffError::server("services", error))?;
    if let Some(token) = session_token() {
        services
            .staff
            .sign_out(&token)
            .await
            .map_err(|error| StaffError::server("sign out", error))?;
    }
    set_cookie(&session_cookie(None, 0, services.secure_cookies));
    leptos_axum::redirect(&format!("{SIGN_IN_PATH}?signed-out=true"));
    Ok(())
}

/// The signed-in member of staff.
#[server(prefix = "/staff/api", endpoint = "me")]
pub async fn whoami() -> Result<StaffMember, StaffError> {
    super::context::current_staff()
}
