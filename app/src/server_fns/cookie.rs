//! Every cookie the portal sets or reads is named here, and its `Set-Cookie` value written here.
//!
//! With secure cookies on (`PORTAL_SECURE_COOKIES`, behind HTTPS) each name carries the
//! `__Host-` prefix: browsers then keep the cookie only if it is `Secure`, has `Path=/` and no
//! `Domain`, so no other host (a sibling subdomain) and no plain-HTTP response can plant or
//! overwrite it. Only the prefixed name is read then: a cookie under the bare name is ignored.

use http::header::COOKIE;

/// The prefix browsers reserve for host-only, secure, whole-site cookies.
pub const HOST_PREFIX: &str = "__Host-";

/// How the cookie travels with requests from other sites.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SameSite {
    Lax,
    Strict,
}

/// The name a cookie goes by: `base`, or `__Host-base` with secure cookies on.
pub fn cookie_name(base: &str, secure: bool) -> String {
    if secure {
        format!("{HOST_PREFIX}{base}")
    } else {
        base.to_owned()
    }
}

/// The `Set-Cookie` value for the cookie `base` (HttpOnly always). With secure cookies on it is
/// `Secure` with `Path=/` whatever `path` asks for (the prefix requires it); `Max-Age=0` ends it.
pub fn set_cookie_value(
    base: &str,
    value: &str,
    path: &str,
    same_site: SameSite,
    max_age: i64,
    secure: bool,
) -> String {
    let name = cookie_name(base, secure);
    let (path, secure) = if secure {
        ("/", "; Secure")
    } else {
        (path, "")
    };
    let same_site = match same_site {
        SameSite::Lax => "Lax",
        SameSite::Strict => "Strict",
    };
    format!(
        "{name}={value}; Path={path}; HttpOnly; SameSite={same_site}; Max-Age={max_age}{secure}"
    )
}

/// The value of the cookie `base` in these request headers (under its name for `secure`).
pub fn cookie_value(headers: &http::HeaderMap, base: &str, secure: bool) -> Option<String> {
    let name = cookie_name(base, secure);
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|header| header.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(cookie, _)| *cookie == name)
        .map(|(_, value)| value.to_owned())
}

/// Whether this request's portal marks cookies secure (from the services in context; off when
/// there are none, as in a unit test).
pub fn secure_in_context() -> bool {
    leptos::prelude::use_context::<std::sync::Arc<crate::ports::Services>>()
        .is_some_and(|services| services.secure_cookies)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(cookie: &str) -> http::HeaderMap {
        let mut headers = http::HeaderMap::new();
        headers.insert(
            COOKIE,
            http::HeaderValue::from_str(cookie).unwrap_or_else(|_| unreachable!()),
        );
        headers
    }

    #[test]
    fn secure_cookies_carry_the_host_prefix_and_path_slash() {
        let value = set_cookie_value(
            "breach_draft",
            "ab",
            "/report-breach",
            SameSite::Lax,
            60,
            true,
        );
        assert_eq!(
            value,
            "__Host-breach_draft=ab; Path=/; HttpOnly; SameSite=Lax; Max-Age=60; Secure"
        );
        let plain = set_cookie_value(
            "breach_draft",
            "ab",
            "/report-breach",
            SameSite::Lax,
            60,
            false,
        );
        assert_eq!(
            plain,
            "breach_draft=ab; Path=/report-breach; HttpOnly; SameSite=Lax; Max-Age=60"
        );
    }

    #[test]
    fn only_the_name_for_the_mode_is_read() {
        let sent = headers("journey=planted; __Host-journey=real");
        assert_eq!(
            cookie_value(&sent, "journey", true).as_deref(),
            Some("real")
        );
        assert_eq!(
            cookie_value(&sent, "journey", false).as_deref(),
            Some("planted")
        );
        let bare = headers("journey=planted");
        assert_eq!(cookie_value(&bare, "journey", true), None);
    }
}
