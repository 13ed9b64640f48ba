//! `POST /report-nuisance/email-evidence/upload`: the email page of the nuisance reporting
//! journey (a plain multipart form, so it works without JavaScript). An uploaded `.eml` file is
//! checked by its content with `parse_email_evidence`, never by its name; only its header section
//! is kept in the journey. Pasted headers are checked by the same rules as every other answer.

use app::domain::nuisance::{parse_email_evidence, EmlError, Question};
use app::ports::Services;
use app::server_fns::nuisance::flow::{answer, Posted};
use app::server_fns::nuisance::{at_from, Page, BASE};
use app::server_fns::session::journey_id_from;
use axum::extract::Multipart;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;

/// What the form sent, each part stopped at one byte over the limit.
#[derive(Default)]
struct EmailForm {
    file: Vec<u8>,
    file_chosen: bool,
    pasted: Vec<u8>,
    change: Option<String>,
    incident: Option<String>,
    /// The body could not be read (too large, or cut off).
    broken: bool,
}

async fn read_part(field: &mut axum::extract::multipart::Field<'_>, cap: usize) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    loop {
        match field.chunk().await {
            Ok(Some(chunk)) => {
                let room = cap.saturating_sub(bytes.len());
                bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
                if bytes.len() >= cap {
                    return Some(bytes);
                }
            }
            Ok(None) => return Some(bytes),
            Err(_) => return None,
        }
    }
}

async fn read_form(mut form: Multipart, max_bytes: usize) -> EmailForm {
    let mut read = EmailForm::default();
    let cap = max_bytes.saturating_add(1);
    loop {
        let mut field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(_) => {
                read.broken = true;
                break;
            }
        };
        let name = field.name().unwrap_or_default().to_owned();
        let chosen = field.file_name().is_some_and(|name| !name.is_empty());
        let Some(bytes) = read_part(&mut field, cap).await else {
            read.broken = true;
            break;
        };
        let text = || String::from_utf8_lossy(&bytes).chars().take(20).collect();
        match name.as_str() {
            "email_file" => {
                read.file_chosen = chosen || !bytes.is_empty();
                read.file = bytes;
            }
            "email_source" => read.pasted = bytes,
            "change" => read.change = Some(text()),
            "incident" => read.incident = Some(text()),
            _ => {}
        }
    }
    read
}

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

pub async fn upload(
    Extension(services): Extension<Services>,
    headers: HeaderMap,
    form: Multipart,
) -> Response {
    let Some(id) = journey_id_from(&headers) else {
        return Redirect::to(BASE).into_response();
    };
    let mut journey = match services.journeys.load(&id).await {
        Ok(Some(journey)) => journey,
        Ok(None) => return Redirect::to(BASE).into_response(),
        Err(error) => {
            tracing::error!(%error, "loading a journey for an email upload");
            return (
                StatusCode::SERVICE_UNAVAILABLE,
                "Sorry, there is a problem with the service. Try again later.",
            )
                .into_response();
        }
    };
    let settings = services.nuisance_settings.clone();
    let read = read_form(form, settings.max_eml_bytes).await;
    let mut posted = Posted::default();
    if read.broken {
        posted.upload_error = Some(EmlError::TooLarge.message_key().to_owned());
    } else if read.file_chosen {
        match parse_email_evidence(&read.file, settings.max_eml_bytes) {
            Ok(_) => posted.email_source = header_section(&read.file),
            Err(error) => posted.upload_error = Some(error.message_key().to_owned()),
        }
    } else {
        posted.email_source = String::from_utf8_lossy(&read.pasted).into_owned();
    }
    tracing::info!(
        uploaded = read.file_chosen,
        size = read.file.len(),
        accepted = posted.upload_error.is_none(),
        "nuisance email evidence"
    );
    let at = at_from(read.change.as_deref(), read.incident.as_deref());
    let now = services.clock.now().naive_local();
    let target = answer(
        &mut journey.nuisance,
        Page::Question(Question::EmailEvidence),
        at,
        posted,
        now,
        &settings,
    );
    super::uploads::save_answering(&services, &id, &mut journey, &target).await
}
