//! The nuisance report's email page: an uploaded `.eml` file is checked by its content with
//! `parse_email_evidence`, never by its name, and only its header section is kept in the
//! journey; pasted headers are checked by the same rules as every other answer.

use leptos::prelude::*;

use super::multipart;
use crate::domain::nuisance::{parse_email_evidence, EmlError, Question};
use crate::server_fns::nuisance::flow::{answer, Posted};
use crate::server_fns::nuisance::{at_from, Page, BASE};
use crate::server_fns::session;

/// The header section of an email (up to the first blank line), as text.
fn header_section(bytes: &[u8]) -> String {
    let end = bytes
        .windows(2)
        .position(|pair| pair == b"\n\n")
        .map(|at| at + 1)
        .into_iter()
        .chain(
            bytes
                .windows(4)
                .position(|w| w == b"\r\n\r\n")
                .map(|at| at + 2),
        )
        .min()
        .unwrap_or(bytes.len());
    String::from_utf8_lossy(&bytes[..end]).into_owned()
}

/// Where the browser goes next.
pub async fn upload(form: multer::Multipart<'static>) -> Result<String, ServerFnError> {
    let services = session::services()?;
    let Some(mut journey) = session::stored(&services).await? else {
        return Ok(BASE.to_owned());
    };
    let settings = services.nuisance_settings.clone();
    let form = multipart::read(form, settings.max_eml_bytes).await;
    let file = form.field("email_file");
    let file_bytes = file.map(|file| file.bytes.as_slice()).unwrap_or_default();
    let file_chosen = file.is_some_and(|file| {
        file.file_name
            .as_deref()
            .is_some_and(|name| !name.is_empty())
            || !file.bytes.is_empty()
    });
    let mut posted = Posted::default();
    if form.broken || file_bytes.len() > settings.max_eml_bytes {
        posted.upload_error = Some(EmlError::TooLarge.message_key().to_owned());
    } else if file_chosen {
        match parse_email_evidence(file_bytes, settings.max_eml_bytes) {
            Ok(_) => posted.email_source = header_section(file_bytes),
            Err(error) => posted.upload_error = Some(error.message_key().to_owned()),
        }
    } else {
        posted.email_source = form
            .field("email_source")
            .map(|field| String::from_utf8_lossy(&field.bytes).into_owned())
            .unwrap_or_default();
    }
    tracing::info!(
        uploaded = file_chosen,
        size = file_bytes.len(),
        accepted = posted.upload_error.is_none(),
        "nuisance email evidence"
    );
    let text = |name: &str| form.field(name).map(|field| field.text(20));
    let at = at_from(text("change").as_deref(), text("incident").as_deref());
    let now = services.clock.now().naive_local();
    let target = answer(
        &mut journey.nuisance,
        Page::Question(Question::EmailEvidence),
        at,
        posted,
        now,
        &settings,
    );
    session::save(&services, &mut journey).await?;
    Ok(target)
}
