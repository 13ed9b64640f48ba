//! The answers `POST /api/v1/cases` gives besides a case (the error bodies of `openapi.json`).

use app::domain::readiness::{Assessment, FieldErrors};
use app::i18n::t;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

fn error(status: StatusCode, body: Value) -> Response {
    (status, Json(body)).into_response()
}

/// 422 `invalid_input`: each field path with a message a person can act on.
pub(in crate::http) fn invalid(fields: &FieldErrors) -> Response {
    // Messages are i18n keys from the domain, or English already (readiness decoding).
    let fields: serde_json::Map<String, Value> = fields
        .iter()
        .map(|(field, message)| (field.to_owned(), Value::String(t(message))))
        .collect();
    error(
        StatusCode::UNPROCESSABLE_ENTITY,
        json!({"error": "invalid_input", "fields": fields}),
    )
}

/// 400 `invalid_json`.
pub(in crate::http) fn not_json() -> Response {
    error(
        StatusCode::BAD_REQUEST,
        json!({"error": "invalid_json", "message": "The request body must be JSON."}),
    )
}

/// 413 `too_large`: the body is larger than a case's files allow.
pub(in crate::http) fn too_large() -> Response {
    error(
        StatusCode::PAYLOAD_TOO_LARGE,
        json!({"error": "too_large", "message": "The request is larger than a case's files allow."}),
    )
}

/// 401 `unauthorized`.
pub(in crate::http) fn unauthorized() -> Response {
    let mut response = error(
        StatusCode::UNAUTHORIZED,
        json!({
            "error": "unauthorized",
            "message": "Send an API key as Authorization: Bearer <key> or X-Api-Key.",
        }),
    );
    response.headers_mut().insert(
        header::WWW_AUTHENTICATE,
        HeaderValue::from_static("Bearer realm=\"portal\""),
    );
    response
}

/// 403 `forbidden`: the key is known but may not call this endpoint.
pub(in crate::http) fn forbidden(scope: crate::config::Scope) -> Response {
    error(
        StatusCode::FORBIDDEN,
        json!({
            "error": "forbidden",
            "scope": scope.code(),
            "message": format!("This API key does not have the {} scope.", scope.code()),
        }),
    )
}

/// 400 `idempotency_key_required`: `POST /api/v1/cases` needs an `Idempotency-Key`.
pub(in crate::http) fn idempotency_key_required() -> Response {
    error(
        StatusCode::BAD_REQUEST,
        json!({
            "error": "idempotency_key_required",
            "message": "Send an Idempotency-Key header (up to 200 characters, one per concern) so that a retry cannot make a second case.",
        }),
    )
}

/// 503 `unavailable`: nothing was stored; the same request may be sent again.
pub(in crate::http) fn unavailable() -> Response {
    error(
        StatusCode::SERVICE_UNAVAILABLE,
        json!({"error": "unavailable", "message": "Try again with the same Idempotency-Key."}),
    )
}

/// 422 `not_eligible`: the readiness rules stop this concern.
pub(in crate::http) fn not_eligible(verdict: &str, assessment: &Assessment) -> Response {
    error(
        StatusCode::UNPROCESSABLE_ENTITY,
        json!({
            "error": "not_eligible",
            "verdict": verdict,
            "reasons": assessment.reasons,
            "signpost": assessment.signpost,
            "can_complain_from": assessment.can_complain_from,
            "message": "The readiness rules say this concern cannot be handed in yet.",
        }),
    )
}
