//! The one place staff access is enforced: every request whose path is a staff path (pages and
//! the server functions under `/staff/api`) passes the access table here. Anonymous: a page
//! request is sent to sign in (303, with `next`), anything else gets 401. Wrong role: 403 with
//! the "You do not have permission" page. Allowed: the signed-in member goes into the request's
//! extensions, where `app::server_fns::staff::current_staff` finds them.
//!
//! The router matches the path as sent, so the table is only asked about a staff path when that
//! path is already in its one plain form ([`plain_staff_path`]): a path that is, or decodes or
//! resolves to, a staff path but carries percent-escapes, backslashes, `.`/`..` or empty segments
//! is refused with 400 before anything else sees it. The table and the router then read the same
//! path.

use std::sync::Arc;

use app::domain::staff::{access, decide, normalise_path, Decision};
use app::pages::staff::forbidden_document;
use app::ports::case::CaseViews;
use app::ports::Services;
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
    if looks_like_staff(&path) && !plain_staff_path(&path) {
        tracing::warn!(path = %path, "staff request refused: the path is not in its plain form");
        let mut response = (StatusCode::BAD_REQUEST, "Bad request.").into_response();
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        return response;
    }
    if access(&path).is_none() {
        return next.run(request).await;
    }
    let secure = request
        .extensions()
        .get::<Arc<Services>>()
        .is_some_and(|services| services.secure_cookies);
    let current = match token_from(request.headers(), secure) {
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
            let member = current.map(|c| c.member);
            if page_request {
                let stylesheet = request
                    .extensions()
                    .get::<Arc<Stylesheet>>()
                    .map(|sheet| sheet.0.as_str())
                    .unwrap_or("/pkg/portal.css");
                let document = forbidden_document(member, &path, stylesheet);
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

/// `/staff` or under it, as sent or once decoded and resolved, in any letter case.
fn looks_like_staff(path: &str) -> bool {
    let staff = |path: &str| {
        let path = path.to_ascii_lowercase();
        path == "/staff" || path.starts_with("/staff/")
    };
    staff(path) || path.to_ascii_lowercase().starts_with("/staff%") || staff(&normalise_path(path))
}

/// A staff path the router and the access table read alike: `/staff`, then segments of plain
/// characters (no percent-escapes, no backslashes), none of them empty (a single trailing `/`
/// aside) or `.` or `..`.
fn plain_staff_path(path: &str) -> bool {
    let Some(rest) = path.strip_prefix("/staff") else {
        return false;
    };
    if rest.is_empty() {
        return true;
    }
    let Some(rest) = rest.strip_prefix('/') else {
        return false;
    };
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    rest.is_empty()
        || rest.split('/').all(|segment| {
            !matches!(segment, "" | "." | "..")
                && segment
                    .bytes()
                    .all(|byte| byte.is_ascii_graphic() && !matches!(byte, b'%' | b'\\'))
        })
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

#[cfg(test)]
mod tests {
    use super::{looks_like_staff, plain_staff_path};

    #[test]
    fn plain_staff_paths_pass() {
        for path in [
            "/staff",
            "/staff/",
            "/staff/users",
            "/staff/users/",
            "/staff/cases/IC-123456-A1B2/documents/0a1b",
            "/staff/nuisance/offenders.csv",
            "/staff/api/cases/party-add",
        ] {
            assert!(looks_like_staff(path), "{path}");
            assert!(plain_staff_path(path), "{path}");
        }
    }

    #[test]
    fn encoded_or_dotted_staff_paths_are_refused() {
        for path in [
            "/staff/users/..%2F..%2Fsign-in",
            "/staff/users/..%2f..%2fsign-in",
            "/staff/users/..%5C..%5Csign-in",
            "/staff/users/%2e%2e/%2e%2e/sign-in",
            "/staff/users/../../sign-in",
            "/staff/./users",
            "/staff//users",
            "/staff/%75sers",
            "/staff%2Fusers",
            "/%73taff/users",
            "/STAFF/users",
            "/concern/..%2Fstaff/users",
            "/concern/../staff/users",
            "/staff/users\\..\\sign-in",
        ] {
            assert!(looks_like_staff(path), "{path}");
            assert!(!plain_staff_path(path), "{path}");
        }
    }

    #[test]
    fn other_paths_are_not_the_guard_s() {
        for path in [
            "/",
            "/staffing",
            "/concern/about",
            "/report-breach/follow-up",
            "/pkg/x.css",
        ] {
            assert!(!looks_like_staff(path), "{path}");
        }
    }
}
