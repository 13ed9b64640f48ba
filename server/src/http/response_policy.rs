//! Headers every response gets unless it chose its own: `Cache-Control: no-store`, and HSTS
//! behind HTTPS.
//!
//! `no-store` is the default rather than a list of pages: nearly every page shows something a
//! person typed or a case's personal data (a question page fills in its answer, check your
//! answers, the confirmation, the breach report's parts, saved and follow-up pages with the
//! reporter's email, the nuisance pages' name and email, the letter and `.ics` downloads, every
//! staff page, download and server function answer, the API's answers), and a page added later
//! is covered without anyone remembering to. Only responses that set their own `Cache-Control`
//! are kept: the built files under `/pkg` (`assets.rs`) and the public files (`public_files.rs`:
//! favicon, `robots.txt`, `security.txt`). The few pages that show nothing personal (the home and
//! start pages) are small server renders without validators, so little is lost by not keeping
//! them, and a page left with the back button is fetched again rather than restored from memory.
//!
//! `Strict-Transport-Security` is sent when secure cookies are on (`PORTAL_SECURE_COOKIES`: the
//! portal is behind HTTPS), with `max-age` from `PORTAL_HSTS_MAX_AGE_SECONDS` (a year by default)
//! and `includeSubDomains`.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderValue, Request};
use axum::middleware::Next;
use axum::response::Response;

/// What the layer adds.
#[derive(Debug, Clone)]
pub struct ResponsePolicy {
    hsts: Option<HeaderValue>,
}

impl ResponsePolicy {
    /// HSTS only when secure cookies are on.
    pub fn new(secure_cookies: bool, hsts_max_age_seconds: u64) -> ResponsePolicy {
        let hsts = secure_cookies.then(|| {
            HeaderValue::from_str(&format!(
                "max-age={hsts_max_age_seconds}; includeSubDomains"
            ))
            .unwrap_or_else(|_| HeaderValue::from_static("max-age=31536000; includeSubDomains"))
        });
        ResponsePolicy { hsts }
    }
}

pub async fn apply(
    State(policy): State<Arc<ResponsePolicy>>,
    request: Request<Body>,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if let Some(hsts) = &policy.hsts {
        headers.insert(header::STRICT_TRANSPORT_SECURITY, hsts.clone());
    }
    if !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::ResponsePolicy;

    #[test]
    fn hsts_only_behind_https() {
        assert!(ResponsePolicy::new(false, 31_536_000).hsts.is_none());
        let policy = ResponsePolicy::new(true, 600);
        assert_eq!(
            policy.hsts.as_ref().and_then(|v| v.to_str().ok()),
            Some("max-age=600; includeSubDomains")
        );
    }
}
