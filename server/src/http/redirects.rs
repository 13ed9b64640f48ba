//! A redirect is a redirect for every client. Leptos answers a server function's redirect with a
//! real 302 only to a request that accepts `text/html` (a plain form post); to anything else it
//! answers 200 with an empty body and a `serverfnredirect` header, which only its own browser
//! client (asking for `application/json`) follows. A client that asks for anything (`*/*`, or
//! nothing) would be left with an empty page: it gets a 303 to the same place instead.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

pub(super) const SERVER_FN_REDIRECT: &str = "serverfnredirect";

pub async fn real_redirects(request: Request<Body>, next: Next) -> Response {
    let server_fn_client = request
        .headers()
        .get(header::ACCEPT)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|accept| accept.contains("application/json"));
    let mut response = next.run(request).await;
    if !server_fn_client
        && response.status() == StatusCode::OK
        && response.headers().contains_key(SERVER_FN_REDIRECT)
        && response.headers().contains_key(header::LOCATION)
    {
        response.headers_mut().remove(SERVER_FN_REDIRECT);
        *response.status_mut() = StatusCode::SEE_OTHER;
        *response.body_mut() = Body::empty();
    }
    response
}
