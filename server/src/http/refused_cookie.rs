//! The end of a refusal: a post that is accepted (answered by a redirect that keeps no refused
//! form) expires the `refused` cookie, so the form it named is not shown again
//! (`app::server_fns::refused`). A post that refuses sets the cookie anew; a page or a loader's
//! call (never a redirect) leaves it.

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderValue, Method, Request};
use axum::middleware::Next;
use axum::response::Response;

use app::server_fns::cookie::{cookie_name, set_cookie_value, SameSite};
use app::server_fns::refused::{key_from, COOKIE};

/// The cookie's name follows the portal's secure cookies setting (the state).
pub async fn end_on_accepted_post(
    State(secure): State<bool>,
    request: Request<Body>,
    next: Next,
) -> Response {
    let ends = request.method() == Method::POST && key_from(request.headers(), secure).is_some();
    let mut response = next.run(request).await;
    if ends && redirects(&response) && !sets_refused(&response, secure) {
        let expired = set_cookie_value(COOKIE, "", "/", SameSite::Lax, 0, secure);
        if let Ok(value) = HeaderValue::from_str(&expired) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

/// A redirect, plain (`Location`) or for an enhanced form (Leptos's `serverfnredirect`).
fn redirects(response: &Response) -> bool {
    response.headers().contains_key(header::LOCATION)
        || response
            .headers()
            .contains_key(super::redirects::SERVER_FN_REDIRECT)
}

fn sets_refused(response: &Response, secure: bool) -> bool {
    let prefix = format!("{}=", cookie_name(COOKIE, secure));
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .any(|value| value.starts_with(&prefix))
}
