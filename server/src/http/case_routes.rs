//! The case workspace's two plain HTTP endpoints:
//!
//! - `POST /api/v1/inbound-email`: a raw RFC 822 message as an MTA pipe delivers it, with an
//!   API key that has the `mail` scope. A subject carrying `[Ref. IC-…]` of a case attaches it
//!   to that case (as from the party only when the receiving server's `Authentication-Results`
//!   verified the sender, else marked unverified); a mistyped reference, or none from the
//!   verified sender of an open case, waits on the sift list's correspondence; anything else is a
//!   new case on the sift list (see `case::receive_email`). Attachments are checked by content
//!   and kept as case documents, or refused and listed so. 202 `{"status":"received"}` once
//!   stored (or when the same `Message-ID` was already), the same whether or not the reference
//!   exists; 400 for a body that is not a message, 401 without a key, 403 for a key
//!   without the scope, 413 past the size limit, 503 when the store fails (never a 500).
//!   Nothing of the message is logged.
//! - `GET /staff/cases/<reference>/documents/<id>`: a case's evidence document from the file
//!   store, as an attachment with its stored type (the access table guards the path; the case
//!   must be visible to the member of staff, and the view is audited).

use app::ports::case::CaseViews;
use std::sync::Arc;

use app::domain::evidence::FileType;
use app::server_fns::staff::CurrentStaff;
use axum::body::{to_bytes, Body};
use axum::extract::Path;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde_json::json;
use sqlx::Row;

use crate::case::{receive_email, InboundEmail, MailIntake, Received};
use crate::config::{ApiKeys, Scope};
use crate::db::casework::visible_to;
use crate::db::Database;
use crate::files::FileStore;

/// The largest raw message accepted.
pub const MAX_INBOUND_BYTES: usize = 2 * 1024 * 1024;

/// How inbound email is checked: the receiving mail server whose `Authentication-Results`
/// verify a sender (`PORTAL_MAIL_AUTHSERV_ID`; none: no sender is verified).
#[derive(Debug, Clone, Default)]
pub struct InboundMail {
    pub authserv_id: Option<String>,
}

pub async fn inbound_email(
    Extension(keys): Extension<Arc<ApiKeys>>,
    Extension(intake): Extension<Arc<MailIntake>>,
    Extension(settings): Extension<Arc<InboundMail>>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    if let Err(refused) = super::cases::caller(&keys, &headers, Scope::Mail) {
        return *refused;
    }
    let Ok(raw) = to_bytes(body, MAX_INBOUND_BYTES).await else {
        return (
            StatusCode::PAYLOAD_TOO_LARGE,
            Json(json!({"error": "too_large", "message": "The message is larger than 2 MB."})),
        )
            .into_response();
    };
    let Some(email) = InboundEmail::parse(&raw, settings.authserv_id.as_deref()) else {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({"error": "not_a_message", "message": "The body must be an RFC 822 message with a From address."})),
        )
            .into_response();
    };
    match receive_email(&intake, &email).await {
        // The same answer wherever it went: the caller learns nothing of which references exist.
        Ok(received) => {
            let place = match received {
                Received::Attached(_) => "case",
                Received::Sift => "sift",
                Received::Suggested(_) => "sift_suggested",
                Received::NewCase(_) => "new_case",
                Received::Duplicate => "duplicate",
            };
            let verified = email.sender_verified;
            let attachments = email.attachments.len();
            tracing::info!(place, verified, attachments, "inbound email stored");
            (StatusCode::ACCEPTED, Json(json!({"status": "received"}))).into_response()
        }
        Err(error) => {
            tracing::error!(error = %error, "storing an inbound email");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({"error": "unavailable", "message": "Nothing was stored; send it again."})),
            )
                .into_response()
        }
    }
}

/// `name` safe inside a quoted `filename=` (ASCII, no quotes or control characters).
fn ascii_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if cleaned.trim().is_empty() {
        "document".to_owned()
    } else {
        cleaned
    }
}

/// `name` percent-encoded for `filename*=UTF-8''…`.
fn encoded_name(name: &str) -> String {
    name.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            other => format!("%{other:02X}"),
        })
        .collect()
}

pub async fn document(
    Path((reference, id)): Path<(String, String)>,
    Extension(database): Extension<Database>,
    Extension(files): Extension<Arc<dyn FileStore>>,
    current: Option<Extension<CurrentStaff>>,
    views: Option<Extension<CaseViews>>,
) -> Response {
    let (Some(Extension(current)), Some(Extension(views))) = (current, views) else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let found = sqlx::query(&database.sql(&format!(
        "SELECT c.id AS case_id, d.file_name, d.file_type, d.storage_key FROM documents d \
         JOIN cases c ON c.id = d.case_id WHERE c.reference = $1 AND d.id = $2 AND {}",
        visible_to("$3")
    )))
    .bind(reference.trim())
    .bind(id.trim())
    .bind(&current.member.id)
    .fetch_optional(&database.pool)
    .await;
    let row = match found {
        Ok(Some(row)) => row,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            tracing::error!(error = %error, "finding a case document");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let (name, file_type, key) = match (
        row.try_get::<String, _>("case_id"),
        row.try_get::<String, _>("file_name"),
        row.try_get::<String, _>("file_type"),
        row.try_get::<String, _>("storage_key"),
    ) {
        (Ok(_), Ok(name), Ok(file_type), Ok(key)) => (name, file_type, key),
        _ => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    let bytes = match files.get(&key).await {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => {
            tracing::error!(error = %error, key = %key, "reading a case document");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    views.note(reference.trim(), "document");
    let content_type = FileType::ALL
        .iter()
        .find(|kind| kind.code() == file_type)
        .map(|kind| kind.mime())
        .unwrap_or("application/octet-stream");
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"{}\"; filename*=UTF-8''{}",
                    ascii_name(&name),
                    encoded_name(&name)
                ),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response()
}
