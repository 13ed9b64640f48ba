//! The top-level `public/` folder's files, served from explicit routes with the bytes built into
//! the binary: the favicon, `robots.txt` and `/.well-known/security.txt` (RFC 9116, its
//! `Canonical` line added from `PORTAL_PUBLIC_URL`, the address the portal is reached at).
//!
//! cargo-leptos copies `public/` (dot-folders too) into `target/site`, where the fallback could
//! serve them, but only when the server runs beside that folder (not in the tests, not from a
//! bare binary); built in, they answer the same everywhere. Each may be kept a day.

use axum::http::{header, HeaderValue};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;

const ROBOTS: &str = include_str!("../../../public/robots.txt");
const SECURITY: &str = include_str!("../../../public/.well-known/security.txt");
const FAVICON_SVG: &[u8] = include_bytes!("../../../public/favicon.svg");
const FAVICON_ICO: &[u8] = include_bytes!("../../../public/favicon.ico");

/// A day: long enough to save requests, short enough for a change to reach everyone soon.
const KEEP: &str = "public, max-age=86400";

fn file<B>(content_type: &'static str, body: B) -> impl IntoResponse + Clone
where
    B: IntoResponse + Clone,
{
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CACHE_CONTROL, HeaderValue::from_static(KEEP)),
        ],
        body,
    )
}

/// `security.txt` with who to tell (`contact`, else `security@` the portal's host) and its
/// canonical address under `public_url`.
fn security_txt(public_url: &str, contact: Option<&str>) -> String {
    let base = public_url.trim_end_matches('/');
    let contact = match contact {
        Some(contact) => contact.to_owned(),
        None => {
            let host = base.split("://").nth(1).unwrap_or(base);
            let host = host.split(['/', ':']).next().unwrap_or(host);
            format!("mailto:security@{host}")
        }
    };
    format!("{SECURITY}Contact: {contact}\nCanonical: {base}/.well-known/security.txt\n")
}

pub fn routes<S: Clone + Send + Sync + 'static>(
    public_url: &str,
    contact: Option<&str>,
) -> Router<S> {
    let robots = file("text/plain; charset=utf-8", ROBOTS);
    let security = file(
        "text/plain; charset=utf-8",
        security_txt(public_url, contact),
    );
    let svg = file("image/svg+xml", FAVICON_SVG);
    let ico = file("image/x-icon", FAVICON_ICO);
    Router::new()
        .route("/robots.txt", get(move || async move { robots }))
        .route(
            "/.well-known/security.txt",
            get(move || async move { security }),
        )
        .route("/favicon.svg", get(move || async move { svg }))
        .route("/favicon.ico", get(move || async move { ico }))
}

#[cfg(test)]
mod tests {
    #[test]
    fn security_txt_has_the_rfc_9116_fields() {
        let text = super::security_txt("https://portal.example:8443/", None);
        for field in ["Expires: ", "Preferred-Languages: en, cy"] {
            assert!(text.lines().any(|line| line.starts_with(field)), "{field}");
        }
        assert!(text.contains("\nContact: mailto:security@portal.example\n"));
        assert!(text.ends_with("Canonical: https://portal.example:8443/.well-known/security.txt\n"));
        let text = super::security_txt("https://portal.example", Some("https://x.example/report"));
        assert!(text.contains("\nContact: https://x.example/report\n"));
    }
}
