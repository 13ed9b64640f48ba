//! Throttles and quotas (token buckets from `governor`) on what anyone may post without signing
//! in, on staff sign-in, on guesses of references and links, and on "save and come back later"
//! emails. Over a quota: 429 with a plain page and `Retry-After` ([`page`]); the post is not
//! handled, so nothing already saved changes.
//!
//! | posts | buckets, each checked in turn |
//! |---|---|
//! | `/staff/api/sign-in` | sign-in per client, sign-in for everyone |
//! | any other under `/staff`, any under `/api/v1` | none (staff sessions, API keys) |
//! | `/report-breach/api/follow-up` | posts per client, lookups per client, lookups per reference |
//! | `/report-breach/api/resume` | posts per client, lookups per client |
//! | `/track/api/open`, `/track/api/email-link` | posts per client, lookups per client, lookups per reference |
//! | `/track/api/resume` | posts per client, lookups per client |
//! | `/report-breach/api/save` | posts per client, save emails per client, save emails per address |
//! | any other | posts per client |
//!
//! The buckets live in this process: N processes behind a load balancer allow N times each rate
//! (README "Throttles with several processes"). Idle buckets are dropped every
//! `sweep_every`, and at once when a map holds more than `max_keys`, so memory stays bounded.

mod client;
pub mod page;
pub mod settings;

use std::hash::Hash;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{Method, Request, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultDirectRateLimiter, DefaultKeyedRateLimiter, RateLimiter};

pub use client::TrustedProxies;
pub use settings::{Rate, ThrottleSettings};

/// The most of a form body read to find its email or reference (the forms' own limit).
const MAX_FORM_BYTES: usize = 256 * 1024;
/// Keys longer than this are cut (an address or reference is never this long).
const MAX_KEY_CHARS: usize = 320;

/// What a post is, for the throttles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    SignIn,
    Exempt,
    FollowUp,
    Resume,
    SaveEmail,
    Anonymous,
}

fn kind(method: &Method, path: &str) -> Kind {
    if method != Method::POST {
        return Kind::Exempt;
    }
    match path {
        "/staff/api/sign-in" => Kind::SignIn,
        "/report-breach/api/follow-up" => Kind::FollowUp,
        "/report-breach/api/resume" => Kind::Resume,
        // Track my case: guesses of a reference and an address, and of emailed links.
        "/track/api/open" | "/track/api/email-link" => Kind::FollowUp,
        "/track/api/resume" => Kind::Resume,
        "/report-breach/api/save" => Kind::SaveEmail,
        _ if under(path, "/staff") || under(path, "/api/v1") => Kind::Exempt,
        _ => Kind::Anonymous,
    }
}

fn under(path: &str, prefix: &str) -> bool {
    path.strip_prefix(prefix)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// A keyed bucket map.
struct Keyed<K: Hash + Eq + Clone>(DefaultKeyedRateLimiter<K>);

impl<K: Hash + Eq + Clone> Keyed<K> {
    fn new(rate: Rate) -> Self {
        Keyed(RateLimiter::keyed(rate.quota()))
    }

    /// `Err(wait)` when `key` is over its quota.
    fn check(&self, key: &K) -> Result<(), Duration> {
        self.0
            .check_key(key)
            .map_err(|not_until| not_until.wait_time_from(DefaultClock::default().now()))
    }

    fn sweep(&self) {
        self.0.retain_recent();
        self.0.shrink_to_fit();
    }

    fn len(&self) -> usize {
        self.0.len()
    }
}

/// Every bucket of one process.
pub struct Throttles {
    settings: ThrottleSettings,
    stylesheet: String,
    sign_in_client: Keyed<IpAddr>,
    sign_in_global: DefaultDirectRateLimiter,
    posts_client: Keyed<IpAddr>,
    lookups_client: Keyed<IpAddr>,
    lookups_reference: Keyed<String>,
    save_client: Keyed<IpAddr>,
    save_address: Keyed<String>,
    last_sweep: Mutex<Instant>,
}

impl Throttles {
    /// Empty buckets at these rates; the 429 page links `stylesheet`.
    pub fn new(settings: &ThrottleSettings, stylesheet: String) -> Throttles {
        Throttles {
            stylesheet,
            sign_in_client: Keyed::new(settings.sign_in_per_client),
            sign_in_global: RateLimiter::direct(settings.sign_in_global.quota()),
            posts_client: Keyed::new(settings.posts_per_client),
            lookups_client: Keyed::new(settings.lookups_per_client),
            lookups_reference: Keyed::new(settings.lookups_per_reference),
            save_client: Keyed::new(settings.save_emails_per_client),
            save_address: Keyed::new(settings.save_emails_per_address),
            last_sweep: Mutex::new(Instant::now()),
            settings: settings.clone(),
        }
    }

    /// How many keys the buckets hold (what the sweep keeps bounded).
    pub fn keys(&self) -> usize {
        self.sign_in_client.len()
            + self.posts_client.len()
            + self.lookups_client.len()
            + self.lookups_reference.len()
            + self.save_client.len()
            + self.save_address.len()
    }

    /// Drops idle buckets when the sweep is due, or a map has grown past `max_keys`.
    fn sweep_when_due(&self) {
        let max = self.settings.max_keys;
        let crowded = [
            self.sign_in_client.len(),
            self.posts_client.len(),
            self.lookups_client.len(),
            self.lookups_reference.len(),
            self.save_client.len(),
            self.save_address.len(),
        ]
        .into_iter()
        .any(|len| len > max);
        let Ok(mut last) = self.last_sweep.try_lock() else {
            return; // another request is sweeping
        };
        if !crowded && last.elapsed() < self.settings.sweep_every {
            return;
        }
        *last = Instant::now();
        drop(last);
        self.sweep();
    }

    /// Drops every bucket that is full again (it would allow a whole burst).
    pub fn sweep(&self) {
        self.sign_in_client.sweep();
        self.posts_client.sweep();
        self.lookups_client.sweep();
        self.lookups_reference.sweep();
        self.save_client.sweep();
        self.save_address.sweep();
    }

    fn sign_in(&self, client: IpAddr) -> Result<(), Duration> {
        self.sign_in_client.check(&client)?;
        self.sign_in_global
            .check()
            .map_err(|not_until| not_until.wait_time_from(DefaultClock::default().now()))
    }
}

/// The middleware: checks the buckets a post draws on, answering 429 when one is empty.
pub async fn limit(
    State(throttles): State<Arc<Throttles>>,
    request: Request<Body>,
    next: Next,
) -> Response {
    let kind = kind(request.method(), request.uri().path());
    if kind == Kind::Exempt {
        return next.run(request).await;
    }
    throttles.sweep_when_due();
    let client = client::of(&request, &throttles.settings.trusted_proxies);
    let checked = match kind {
        Kind::SignIn => throttles.sign_in(client),
        _ => throttles.posts_client.check(&client),
    };
    if let Err(wait) = checked {
        return refuse(&throttles, kind, client, wait);
    }
    let (request, field) = match kind {
        Kind::FollowUp => with_field(request, "reference").await,
        Kind::SaveEmail => with_field(request, "email").await,
        _ => (Ok(request), None),
    };
    let request = match request {
        Ok(request) => request,
        Err(response) => return response,
    };
    let checked = match kind {
        Kind::FollowUp => throttles.lookups_client.check(&client).and_then(|()| {
            field
                .map(|reference| reference_key(&reference))
                .filter(|reference| !reference.is_empty())
                .map_or(Ok(()), |reference| {
                    throttles.lookups_reference.check(&reference)
                })
        }),
        Kind::Resume => throttles.lookups_client.check(&client),
        Kind::SaveEmail => throttles.save_client.check(&client).and_then(|()| {
            field
                .map(|address| address.trim().to_lowercase())
                .filter(|address| !address.is_empty())
                .map_or(Ok(()), |address| throttles.save_address.check(&address))
        }),
        _ => Ok(()),
    };
    match checked {
        Ok(()) => next.run(request).await,
        Err(wait) => refuse(&throttles, kind, client, wait),
    }
}

/// A reference as the follow-up reads it (any case, dashes and spaces anywhere), so that one
/// reference written several ways shares a bucket.
fn reference_key(text: &str) -> String {
    app::domain::case::Reference::parse(text).map_or_else(
        |_| text.trim().to_uppercase(),
        |reference| reference.as_str().to_owned(),
    )
}

fn refuse(throttles: &Throttles, kind: Kind, client: IpAddr, wait: Duration) -> Response {
    tracing::warn!(?kind, %client, wait_ms = wait.as_millis(), "throttled");
    page::too_many(wait, &throttles.stylesheet)
}

/// Reads a url-encoded form's body to find `name`, and puts the body back. A body over the
/// forms' limit is refused (413) as the limit layer would.
async fn with_field(
    request: Request<Body>,
    name: &str,
) -> (Result<Request<Body>, Response>, Option<String>) {
    let (parts, body) = request.into_parts();
    let bytes: Bytes = match axum::body::to_bytes(body, MAX_FORM_BYTES).await {
        Ok(bytes) => bytes,
        Err(_) => {
            let refused = (StatusCode::PAYLOAD_TOO_LARGE, "The form is too large.").into_response();
            return (Err(refused), None);
        }
    };
    let form = parts
        .headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("application/x-www-form-urlencoded"));
    let field = form
        .then(|| {
            form_urlencoded::parse(&bytes)
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.chars().take(MAX_KEY_CHARS).collect::<String>())
        })
        .flatten();
    (Ok(Request::from_parts(parts, Body::from(bytes))), field)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn posts_are_sorted_by_what_they_may_do() {
        let post = Method::POST;
        assert_eq!(kind(&post, "/staff/api/sign-in"), Kind::SignIn);
        assert_eq!(kind(&post, "/staff/api/cases/note"), Kind::Exempt);
        assert_eq!(kind(&post, "/api/v1/nuisance-reports"), Kind::Exempt);
        assert_eq!(kind(&post, "/api/concern/answer"), Kind::Anonymous);
        assert_eq!(kind(&post, "/staffing"), Kind::Anonymous);
        assert_eq!(kind(&post, "/api/v1x"), Kind::Anonymous);
        assert_eq!(kind(&post, "/report-breach/api/follow-up"), Kind::FollowUp);
        assert_eq!(kind(&post, "/report-breach/api/save"), Kind::SaveEmail);
        assert_eq!(kind(&post, "/report-breach/api/resume"), Kind::Resume);
        assert_eq!(kind(&post, "/track/api/open"), Kind::FollowUp);
        assert_eq!(kind(&post, "/track/api/email-link"), Kind::FollowUp);
        assert_eq!(kind(&post, "/track/api/resume"), Kind::Resume);
        assert_eq!(kind(&post, "/track/api/add"), Kind::Anonymous);
        assert_eq!(kind(&Method::GET, "/api/concern/answer"), Kind::Exempt);
    }

    #[test]
    fn a_bucket_refuses_past_its_burst_and_says_how_long_to_wait() {
        let bucket = Keyed::new(Rate::per(2, 60));
        let client: IpAddr = "192.0.2.1".parse().unwrap();
        assert!(bucket.check(&client).is_ok());
        assert!(bucket.check(&client).is_ok());
        let wait = bucket.check(&client).unwrap_err();
        assert!(
            wait > Duration::from_secs(25) && wait <= Duration::from_secs(30),
            "{wait:?}"
        );
        // Another client has its own bucket.
        assert!(bucket.check(&"192.0.2.2".parse().unwrap()).is_ok());
    }

    #[test]
    fn idle_buckets_are_swept_away() {
        let settings = ThrottleSettings {
            posts_per_client: Rate::per(1000, 1),
            max_keys: 10,
            ..ThrottleSettings::default()
        };
        let throttles = Throttles::new(&settings, String::new());
        for n in 0..=255u8 {
            throttles
                .posts_client
                .check(&IpAddr::from([10, 0, 0, n]))
                .unwrap();
        }
        assert_eq!(throttles.keys(), 256);
        std::thread::sleep(Duration::from_millis(20));
        // Over max_keys: the next request sweeps at once.
        throttles.sweep_when_due();
        assert_eq!(throttles.keys(), 0);
    }
}
