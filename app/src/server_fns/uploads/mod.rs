//! The two posts that carry a file: a piece of evidence for a concern, and the email a nuisance
//! report is about. Server functions like every other form (a plain multipart `<form>` post,
//! answered by a redirect, so it works without JavaScript); the file is read as it streams in,
//! stopped at one byte over its limit, and checked by its content, never by its name. A refused
//! file goes back to its page with the reason next to the field, by the one mechanism every
//! refused form uses ([`refused`](super::refused)).

#[cfg(feature = "ssr")]
mod email;
#[cfg(feature = "ssr")]
mod evidence;
#[cfg(feature = "ssr")]
pub(crate) mod multipart;

use leptos::prelude::*;
use server_fn::codec::{MultipartData, MultipartFormData};

/// One evidence file from the concern's evidence page, with the kind of evidence it is.
#[server(prefix = "/api/concern", endpoint = "evidence", input = MultipartFormData)]
pub async fn upload_evidence(data: MultipartData) -> Result<(), ServerFnError> {
    let form = data
        .into_inner()
        .ok_or_else(|| ServerFnError::new("a multipart body"))?;
    let next = evidence::upload(form).await?;
    leptos_axum::redirect(&next);
    Ok(())
}

/// The nuisance report's email page: an `.eml` file, or pasted headers.
#[server(prefix = "/api/nuisance", endpoint = "email", input = MultipartFormData)]
pub async fn upload_nuisance_email(data: MultipartData) -> Result<(), ServerFnError> {
    let form = data
        .into_inner()
        .ok_or_else(|| ServerFnError::new("a multipart body"))?;
    let next = email::upload(form).await?;
    leptos_axum::redirect(&next);
    Ok(())
}
