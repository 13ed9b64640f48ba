//! Cross-site request forgery protection for every state-changing request.
//!
//! A browser says where a request comes from (`Sec-Fetch-Site`, or else `Origin`); a request
//! that changes state must come from this site. The journey cookie is also `SameSite=Lax`. The
//! public JSON API (`/api/v1/`) uses no cookies, so it is open to other services.

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub async fn same_origin_only(request: Request<Body>, next: Next) -> Response {
    let changes_state = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if changes_state && !request.uri().path().starts_with("/api/v1/") && !from_this_site(&request) {
        tracing::warn!(path = request.uri().path(), "cross-site request refused");
        return (
            StatusCode::FORBIDDEN,
            "This request did not come from this website.",
        )
            .into_response();
    }
    next.run(request).await
}

fn from_this_site(request: &Request<Body>) -> bool {
    let headers = request.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    match (origin, host) {
        (Some(origin), Some(host)) => origin
            .split_once("://")
            .is_some_and(|(_, rest)| rest.trim_end_matches('/') == host),
        _ => false,
    }
}
