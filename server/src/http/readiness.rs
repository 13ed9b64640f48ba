//! `POST /api/v1/readiness` (readiness-api.md): decode, assess, encode. Never a 500.

use app::domain::readiness::{assess, decode_request};
use app::ports::Services;
use axum::body::Bytes;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde_json::json;
use std::sync::Arc;

pub async fn readiness(Extension(services): Extension<Arc<Services>>, body: Bytes) -> Response {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(&body) else {
        return (
            StatusCode::BAD_REQUEST,
            Json(json!({"error": "invalid_json", "message": "The request body must be JSON."})),
        )
            .into_response();
    };
    let (concern, today, now) =
        match decode_request(&value, services.clock.today(), services.clock.now()) {
            Ok(decoded) => decoded,
            Err(fields) => return invalid(json!(fields)),
        };
    match assess(&concern, today, now, &services.calendar, &services.settings) {
        Ok(assessment) => Json(assessment).into_response(),
        Err(error) => invalid(json!({ "today": error.to_string() })),
    }
}

fn invalid(fields: serde_json::Value) -> Response {
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        Json(json!({"error": "invalid_input", "fields": fields})),
    )
        .into_response()
}
