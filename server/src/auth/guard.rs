//! The one place staff access is enforced: every request whose path is a staff path (pages and
//! the server functions under `/staff/api`) passes the access table here. Anonymous: a page
//! request is sent to sign in (303, with `next`), anything else gets 401. Wrong role: 403 with
//! the "You do not have permission" page. Allowed: the signed-in member goes into the request's
//! extensions, where `app::server_fns::staff::current_staff` finds them.

use std::sync::Arc;

use app::domain::staff::{access, decide, Decision};
use app::pages::staff::forbidden_document;
use app::ports::case::CaseViews;
use app::server_fns::staff::{sign_in_href, token_from};
use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderValue, Method, Request, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};

use super::StaffAuth;
use crate::http::assets::Stylesheet;

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
        Decision::Allow => match current {
            Some(current) => {
                let views = CaseViews::default();
                let staff_id = current.member.id.clone();
                request.extensions_mut().insert(current);
                request.extensions_mut().insert(views.clone());
                let response = next.run(request).await;
                audit_when_sent(response, auth.clone(), views, staff_id)
            }
            None => next.run(request).await,
        },
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
                let stylesheet = request
                    .extensions()
                    .get::<Arc<Stylesheet>>()
                    .map(|sheet| sheet.0.as_str())
                    .unwrap_or("/pkg/portal.css");
                let document = forbidden_document(&name, stylesheet);
                let mut response = (StatusCode::FORBIDDEN, Html(document)).into_response();
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

/// The response, with the case views its render noted ([`CaseViews`]) written to the case audit
/// once its body has been sent (or dropped part-way: part of the case may have been seen).
fn audit_when_sent(
    response: Response,
    auth: Arc<StaffAuth>,
    views: CaseViews,
    staff_id: String,
) -> Response {
    use futures_util::StreamExt;
    let (parts, body) = response.into_parts();
    let audit = Audit(Some((auth, views, staff_id)));
    let body = body
        .into_data_stream()
        .map(Some)
        .chain(futures_util::stream::once(audit.write()))
        .filter_map(|chunk| async move { chunk });
    Response::from_parts(parts, Body::from_stream(body))
}

/// The views to write, written on drop if the body did not finish.
struct Audit(Option<(Arc<StaffAuth>, CaseViews, String)>);

impl Audit {
    async fn write<T>(mut self) -> Option<T> {
        if let Some((auth, views, staff_id)) = self.0.take() {
            write_views(&auth, &views, &staff_id).await;
        }
        None
    }
}

impl Drop for Audit {
    fn drop(&mut self) {
        if let Some((auth, views, staff_id)) = self.0.take() {
            if let Ok(runtime) = tokio::runtime::Handle::try_current() {
                runtime.spawn(async move { write_views(&auth, &views, &staff_id).await });
            }
        }
    }
}

async fn write_views(auth: &StaffAuth, views: &CaseViews, staff_id: &str) {
    for (reference, what) in views.take() {
        if let Err(error) = auth.database.audit_view(&reference, staff_id, &what).await {
            tracing::error!(error = %error, "auditing a case view");
        }
    }
}
