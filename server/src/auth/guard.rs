//! The one place staff access is enforced: every request whose path is a staff path (pages and
//! the server functions under `/staff/api`) passes the access table here. Anonymous: a page
//! request is sent to sign in (303, with `next`), anything else gets 401. Wrong role: 403 with
//! the "You do not have permission" page. Allowed: the signed-in member goes into the request's
//! extensions, where `app::server_fns::staff::current_staff` finds them.

use std::sync::Arc;

use app::domain::staff::{access, decide, Decision};
use app::pages::staff::forbidden_document;
use app::server_fns::staff::{sign_in_href, token_from};
use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderValue, Method, Request, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};

use super::StaffAuth;

/// The 403 page runs no scripts at all.
const FORBIDDEN_CSP: &str = "default-src 'self'; script-src 'none'; style-src 'self'; \
    img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; \
    object-src 'none'";

pub async fn guard(
    State(auth): State<Arc<StaffAuth>>,
    mut request: Request<Body>,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    if access(&path).is_none() {
        return next.run(request).await;
    }
    let current = match token_from(request.headers()) {
        Some(token) => match auth.current(&token).await {
            Ok(current) => current,
            Err(error) => {
                tracing::error!(error = %error, "looking up a staff session");
                return (
                    StatusCode::SERVICE_UNAVAILABLE,
                    "Sorry, the service is unavailable.",
                )
                    .into_response();
            }
        },
        None => None,
    };
    let page_request = matches!(*request.method(), Method::GET | Method::HEAD);
    let roles = current
        .as_ref()
        .map(|current| current.member.roles.as_slice());
    let mut response = match decide(&path, roles) {
        Decision::Allow => {
            if let Some(current) = current {
                request.extensions_mut().insert(current);
            }
            next.run(request).await
        }
        Decision::SignIn if page_request => {
            let wanted = request
                .uri()
                .path_and_query()
                .map_or(path.as_str(), |pq| pq.as_str());
            let location = sign_in_href(wanted, None);
            let mut response = StatusCode::SEE_OTHER.into_response();
            if let Ok(value) = HeaderValue::from_str(&location) {
                response.headers_mut().insert(header::LOCATION, value);
            }
            response
        }
        Decision::SignIn => (
            StatusCode::UNAUTHORIZED,
            "Sign in to the staff service first.",
        )
            .into_response(),
        Decision::Forbidden => {
            tracing::warn!(path = %path, "staff request refused: no role for it");
            let name = current.map(|c| c.member.name).unwrap_or_default();
            if page_request {
                let mut response =
                    (StatusCode::FORBIDDEN, Html(forbidden_document(&name))).into_response();
                response.headers_mut().insert(
                    header::CONTENT_SECURITY_POLICY,
                    HeaderValue::from_static(FORBIDDEN_CSP),
                );
                response
            } else {
                (
                    StatusCode::FORBIDDEN,
                    "You do not have permission to do this.",
                )
                    .into_response()
            }
        }
    };
    // Staff pages and answers carry personal data: never keep them in a cache.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
