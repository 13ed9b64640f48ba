//! The answer over a quota: 429, a `Retry-After` header, and a plain page (no scripts, the
//! portal's stylesheet) saying how long to wait and that what was saved is kept.

use std::time::Duration;

use app::components::rcdata;
use app::i18n::{t, tf};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};

/// The page runs no scripts at all.
const PAGE_CSP: &str = "default-src 'self'; script-src 'none'; style-src 'self'; \
    img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; \
    object-src 'none'";

/// Whole seconds to wait, rounded up (at least 1).
pub fn retry_after_seconds(wait: Duration) -> u64 {
    let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    seconds.max(1)
}

/// The plain page's HTML.
pub fn document(wait_seconds: u64, stylesheet: &str) -> String {
    let wait = if wait_seconds < 120 {
        tf(
            "throttle.wait_seconds",
            &[("seconds", &wait_seconds.to_string())],
        )
    } else {
        let minutes = wait_seconds.div_ceil(60);
        tf(
            "throttle.wait_minutes",
            &[("minutes", &minutes.to_string())],
        )
    };
    let title = format!("{} - {}", t("throttle.title"), t("service.name"));
    format!(
        "<!DOCTYPE html><html lang=\"en\" class=\"govuk-template\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><link rel=\"stylesheet\" href=\"{}\"></head>\
         <body class=\"govuk-template__body\"><div class=\"govuk-width-container\">\
         <main class=\"govuk-main-wrapper\" id=\"main-content\">\
         <h1 class=\"govuk-heading-l\">{}</h1><p class=\"govuk-body\">{}</p>\
         <p class=\"govuk-body\">{}</p></main></div></body></html>",
        rcdata(title),
        rcdata(stylesheet.replace('"', "&quot;")),
        rcdata(t("throttle.heading")),
        rcdata(wait),
        rcdata(t("throttle.kept")),
    )
}

/// The 429 response.
pub fn too_many(wait: Duration, stylesheet: &str) -> Response {
    let seconds = retry_after_seconds(wait);
    let mut response = (
        StatusCode::TOO_MANY_REQUESTS,
        Html(document(seconds, stylesheet)),
    )
        .into_response();
    let headers = response.headers_mut();
    headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(PAGE_CSP),
    );
    response
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn waits_round_up_to_whole_seconds() {
        assert_eq!(retry_after_seconds(Duration::from_millis(1)), 1);
        assert_eq!(retry_after_seconds(Duration::from_millis(2001)), 3);
        assert_eq!(retry_after_seconds(Duration::ZERO), 1);
    }

    #[test]
    fn the_page_is_plain_and_translated() {
        let page = document(30, "/pkg/portal.css");
        assert!(page.contains("Too many requests"), "{page}");
        assert!(page.contains("30 seconds"), "{page}");
        assert!(!page.contains("throttle."), "{page}");
        assert!(!page.contains("<script"), "{page}");
        assert!(document(3600, "/x.css").contains("60 minutes"));
        let response = too_many(Duration::from_millis(1500), "/pkg/portal.css");
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(response.headers()[header::RETRY_AFTER], "2");
    }
}
