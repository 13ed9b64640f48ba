//! Malformed server-function arguments answer 400 with a plain message.
//!
//! `server_fn` turns an argument it cannot decode (a garbage form body, a missing field, a body
//! that cannot be read) into its error type and answers it as any server function error: 500,
//! the `serverfnerror` header, and the error's text in the body (`Args|…`, `MissingArg|…`,
//! `Deserialization|…` for `ServerFnError`; `{"Server":"error deserializing server function
//! arguments: …"}` for an error type of our own). To a plain form post `leptos_axum` then answers
//! 302 back to the Referer, with the error in the URL. This layer sees those answers and sends
//! 400 with a plain sentence instead; the detail goes to the log. Errors the functions return
//! themselves pass through unchanged.

use axum::body::{to_bytes, Body};
use axum::http::{header, HeaderValue, Request, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The header `server_fn` marks its error answers with.
const SERVER_FN_ERROR: &str = "serverfnerror";

/// The most of an error body read to classify it (argument errors are short).
const MAX_ERROR_BYTES: usize = 64 * 1024;

/// How `server_fn` words an argument problem, in its own encoding and in the text a custom
/// error type is given (`ServerFnErrorErr`'s `Display`).
const ENCODED: [&str; 3] = ["Args|", "MissingArg|", "Deserialization|"];
const DISPLAYED: [&str; 3] = [
    "error deserializing server function arguments",
    "missing argument ",
    "error deserializing server function results",
];

/// Whether a server function error body says its arguments could not be read.
pub fn is_argument_error(body: &[u8]) -> bool {
    let text = String::from_utf8_lossy(body);
    let text = text.trim_start();
    if ENCODED.iter().any(|prefix| text.starts_with(prefix)) {
        return true;
    }
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(value) => strings(&value)
            .iter()
            .any(|s| DISPLAYED.iter().any(|prefix| s.starts_with(prefix))),
        Err(_) => DISPLAYED.iter().any(|prefix| text.starts_with(prefix)),
    }
}

/// Every string in a JSON value (an enum variant's payload, a field).
fn strings(value: &serde_json::Value) -> Vec<&str> {
    match value {
        serde_json::Value::String(s) => vec![s.as_str()],
        serde_json::Value::Array(items) => items.iter().flat_map(strings).collect(),
        serde_json::Value::Object(fields) => fields.values().flat_map(strings).collect(),
        _ => Vec::new(),
    }
}

fn malformed() -> Response {
    let mut response = (
        StatusCode::BAD_REQUEST,
        app::i18n::t("error.request.malformed"),
    )
        .into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

pub async fn plain_argument_errors(request: Request<Body>, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    if !response.headers().contains_key(SERVER_FN_ERROR) {
        return response;
    }
    let (parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BYTES).await else {
        tracing::warn!(%path, "a server function error too large to classify");
        return malformed();
    };
    if is_argument_error(&bytes) {
        tracing::info!(%path, "malformed server function arguments");
        return malformed();
    }
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argument_errors_are_recognised_in_both_encodings() {
        for body in [
            "Args|missing field `step`",
            "MissingArg|step",
            "Deserialization|invalid utf-8",
            r#"{"Server":"error deserializing server function arguments: invalid type"}"#,
            r#"{"Server":"missing argument reference"}"#,
        ] {
            assert!(is_argument_error(body.as_bytes()), "{body}");
        }
        for body in [
            "ServerError|the journey could not be saved",
            r#"{"Server":"loading the case"}"#,
            r#""SignedOut""#,
            "",
        ] {
            assert!(!is_argument_error(body.as_bytes()), "{body}");
        }
    }
}
