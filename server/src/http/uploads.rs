//! `POST /concern/evidence/upload`: one evidence file from the evidence page (a plain multipart
//! form). The type is detected from the content; a refused file goes back to the page with the
//! reason next to the field, an accepted one into the file store and the journey.

use std::sync::Arc;

use app::domain::assistant::{evidence_kinds, Answer, RawAnswer, Step};
use app::domain::evidence::{check_upload, CaseUploads, UploadLimits};
use app::domain::submission::EvidenceKind;
use app::ports::{Flash, Services};
use app::server_fns::concern::handover_for;
use app::server_fns::session::journey_id_from;
use axum::extract::{Multipart, Query};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use serde::Deserialize;

use crate::files::{keep_evidence, FileStore};

/// The largest body the upload and cases routes read: a whole case's files, base64 encoded for
/// the API, and the form's other fields.
pub fn body_limit(limits: &UploadLimits) -> usize {
    let case = usize::try_from(limits.max_case_bytes).unwrap_or(usize::MAX / 2);
    case.saturating_mul(4) / 3 + 1024 * 1024
}

#[derive(Debug, Deserialize)]
pub struct ChangeQuery {
    change: Option<String>,
}

/// What the form sent: the kind of evidence and the file, stopped at one byte over the limit.
struct Upload {
    kind: Option<String>,
    file_name: String,
    bytes: Vec<u8>,
    /// The body could not be read (too large, or cut off).
    broken: bool,
}

async fn read_form(mut form: Multipart, max_file_bytes: u64) -> Upload {
    let mut upload = Upload {
        kind: None,
        file_name: String::new(),
        bytes: Vec::new(),
        broken: false,
    };
    let cap = usize::try_from(max_file_bytes).unwrap_or(usize::MAX - 1) + 1;
    loop {
        let mut field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(_) => {
                upload.broken = true;
                break;
            }
        };
        match field.name() {
            Some("kind") => upload.kind = field.text().await.ok(),
            Some("file") => {
                upload.file_name = field.file_name().unwrap_or_default().to_owned();
                loop {
                    match field.chunk().await {
                        Ok(Some(chunk)) => {
                            let room = cap.saturating_sub(upload.bytes.len());
                            upload
                                .bytes
                                .extend_from_slice(&chunk[..chunk.len().min(room)]);
                            if upload.bytes.len() >= cap {
                                return upload;
                            }
                        }
                        Ok(None) => break,
                        Err(_) => {
                            upload.broken = true;
                            return upload;
                        }
                    }
                }
            }
            _ => {}
        }
    }
    upload
}

pub async fn upload(
    Extension(services): Extension<Services>,
    Extension(files): Extension<Arc<dyn FileStore>>,
    Extension(limits): Extension<Arc<UploadLimits>>,
    Query(query): Query<ChangeQuery>,
    headers: HeaderMap,
    form: Multipart,
) -> Response {
    let back = match query.change.as_deref() {
        Some("true") => "/concern/evidence?change=true",
        _ => "/concern/evidence",
    };
    let Some(id) = journey_id_from(&headers) else {
        return Redirect::to("/concern/about").into_response();
    };
    let mut journey = match services.journeys.load(&id).await {
        Ok(Some(journey)) => journey,
        Ok(None) => return Redirect::to("/concern/about").into_response(),
        Err(error) => {
            tracing::error!(%error, "loading a journey for an upload");
            return (
                StatusCode::SERVICE_UNAVAILABLE,
                "Sorry, there is a problem with the service. Try again later.",
            )
                .into_response();
        }
    };
    let Some(handover) = handover_for(&services, &journey.answers) else {
        return Redirect::to("/concern/check").into_response();
    };
    let upload = read_form(form, limits.max_file_bytes).await;
    let kind = upload
        .kind
        .as_deref()
        .and_then(EvidenceKind::from_code)
        .filter(|kind| evidence_kinds(&journey.answers, &handover).contains(kind));
    let mut evidence = journey.answers.files(Step::Evidence).to_vec();
    let so_far = CaseUploads {
        files: evidence.len(),
        bytes: evidence.iter().map(|file| file.size).sum(),
    };
    let checked = if upload.broken {
        Err("error.upload.too_large".to_owned())
    } else {
        check_upload(&upload.bytes, &upload.file_name, so_far, &limits)
            .map_err(|error| error.message_key().to_owned())
    };
    let result = match (kind, checked) {
        (None, _) => Err("error.upload.kind".to_owned()),
        (Some(_), Err(key)) => Err(key),
        (Some(kind), Ok(checked)) => keep_evidence(files.as_ref(), kind, &upload.bytes, checked)
            .await
            .map_err(|error| {
                tracing::error!(%error, "storing an evidence file");
                "error.upload.store".to_owned()
            }),
    };
    match result {
        Ok(file) => {
            tracing::info!(
                file_type = file.file_type.code(),
                size = file.size,
                "evidence uploaded"
            );
            evidence.push(file);
            journey.answers.set(Step::Evidence, Answer::Files(evidence));
            journey.flash = None;
        }
        Err(error) => {
            journey.flash = Some(Flash {
                key: String::new(),
                step: Step::Evidence,
                raw: RawAnswer {
                    value: upload.kind,
                    ..RawAnswer::default()
                },
                error,
            });
        }
    }
    save_answering(&services, &id, &mut journey, back).await
}

/// Saves a journey after a plain form post and redirects to `to`; a form refused on it gets its
/// key, named in the response's cookie (`app::server_fns::refused`).
pub async fn save_answering(
    services: &Services,
    id: &str,
    journey: &mut app::ports::Journey,
    to: &str,
) -> Response {
    use app::server_fns::refused::{cookie, key_refusals};
    let key = match key_refusals(journey) {
        Ok(key) => key,
        Err(error) => {
            tracing::error!(%error, "a key for a refused answer");
            None
        }
    };
    if let Err(error) = services.journeys.save(id, journey).await {
        tracing::error!(%error, "saving a journey after a form post");
    }
    let mut response = Redirect::to(to).into_response();
    let cookie =
        key.and_then(|key| HeaderValue::from_str(&cookie(&key, services.secure_cookies)).ok());
    if let Some(value) = cookie {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}
