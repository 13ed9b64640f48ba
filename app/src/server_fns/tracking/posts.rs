//! The posts of Track my case, each a server function answered by a redirect.

use leptos::prelude::*;
use server_fn::codec::{MultipartData, MultipartFormData};

/// Opens a case with its reference and the email address given: its status page, or the one
/// neutral message whether or not the reference exists.
#[server(prefix = "/track/api", endpoint = "open")]
pub async fn open_tracked_case(
    reference: Option<String>,
    email: Option<String>,
) -> Result<(), ServerFnError> {
    let next = super::work::open(reference.unwrap_or_default(), email.unwrap_or_default()).await;
    leptos_axum::redirect(&next);
    Ok(())
}

/// Emails a one-use link to the address, when it is the one on the case; the answer is the same
/// either way.
#[server(prefix = "/track/api", endpoint = "email-link")]
pub async fn email_track_link(
    reference: Option<String>,
    email: Option<String>,
) -> Result<(), ServerFnError> {
    let next =
        super::work::email_link(reference.unwrap_or_default(), email.unwrap_or_default()).await;
    leptos_axum::redirect(&next);
    Ok(())
}

/// Uses an emailed link (once, before it expires).
#[server(prefix = "/track/api", endpoint = "resume")]
pub async fn use_track_link(token: Option<String>) -> Result<(), ServerFnError> {
    let next = super::work::use_link(token.unwrap_or_default()).await;
    leptos_axum::redirect(&next);
    Ok(())
}

/// Information (and an optional file, checked by its content) added to the case.
#[server(prefix = "/track/api", endpoint = "add", input = MultipartFormData)]
pub async fn add_track_information(data: MultipartData) -> Result<(), ServerFnError> {
    let form = data
        .into_inner()
        .ok_or_else(|| ServerFnError::new("a multipart body"))?;
    let next = super::work::add(form).await;
    leptos_axum::redirect(&next);
    Ok(())
}

/// A prioritisation request with the person's reasons (the helpline's request, made online).
#[server(prefix = "/track/api", endpoint = "priority")]
pub async fn ask_track_priority(reasons: Option<String>) -> Result<(), ServerFnError> {
    let next = super::work::priority(reasons.unwrap_or_default()).await;
    leptos_axum::redirect(&next);
    Ok(())
}
