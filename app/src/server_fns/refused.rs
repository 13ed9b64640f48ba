//! One way for a refused form to reach the page shown next, with nothing written while a page
//! renders.
//!
//! A post that refuses what was typed keeps the answers and their problems with the person's own
//! record (the journey, the breach draft, the staff session) under a fresh random key, and sends
//! that key back in a short-lived cookie on its redirect. The page reads the record and shows the
//! kept form only when the request's cookie names it ([`shown`]); the next post replaces or clears
//! it. So a reload shows the problems again, a refusal in another tab does not show here, a visit
//! after the cookie has expired shows a clean form, and a page render, however often Leptos walks
//! it, changes nothing.

use leptos::prelude::*;

use super::session::{cookie_value, random_hex, set_cookie};
use crate::ports::Journey;

/// The cookie naming the refused form to show.
pub const COOKIE: &str = "refused";
/// Long enough to read the problems and reload; short enough that a later visit starts clean.
const MAX_AGE_SECONDS: i64 = 600;

/// A fresh key for a form being refused.
pub fn fresh_key() -> Result<String, ServerFnError> {
    random_hex()
}

/// In a server function: a fresh key for the form it is refusing, sent back in the cookie.
pub fn keep() -> Result<String, ServerFnError> {
    let key = fresh_key()?;
    send(&key);
    Ok(key)
}

/// In a server function: names `key` in the response's cookie.
fn send(key: &str) {
    let secure = super::cookie::secure_in_context();
    set_cookie(secure, COOKIE, key, "/", MAX_AGE_SECONDS);
}

/// Gives the forms refused on this journey since it was loaded (those without a key) a fresh
/// key, and returns it: the response must name it in the cookie ([`COOKIE`]).
pub fn key_refusals(journey: &mut Journey) -> Result<Option<String>, ServerFnError> {
    let refusals = [
        journey.flash.as_mut().map(|flash| &mut flash.key),
        journey.nuisance.flash.as_mut().map(|flash| &mut flash.key),
        journey.track_flash.as_mut().map(|flash| &mut flash.key),
    ];
    let mut fresh = None;
    for key in refusals.into_iter().flatten() {
        if key.is_empty() {
            let new = match &fresh {
                Some(new) => String::clone(new),
                None => fresh_key()?,
            };
            *key = new.clone();
            fresh = Some(new);
        }
    }
    Ok(fresh)
}

/// In a server function: [`key_refusals`], with the key sent back in the cookie.
pub fn key_and_send(journey: &mut Journey) -> Result<(), ServerFnError> {
    if let Some(key) = key_refusals(journey)? {
        send(&key);
    }
    Ok(())
}

/// The key this request's cookie names, if it looks like one of ours (`secure`: the portal's
/// secure cookies setting, which names the cookie).
pub fn key_from(headers: &http::HeaderMap, secure: bool) -> Option<String> {
    cookie_value(headers, COOKIE, secure)
        .filter(|value| value.len() == 32 && value.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Whether a form kept under `kept_key` is the one this request asks to see.
pub fn asked_for(kept_key: &str) -> bool {
    !kept_key.is_empty()
        && use_context::<http::request::Parts>()
            .and_then(|parts| key_from(&parts.headers, super::cookie::secure_in_context()))
            .is_some_and(|asked| asked == kept_key)
}

/// The kept form, if this request asks to see it.
pub fn shown<T>(kept: Option<T>, key: impl Fn(&T) -> &str) -> Option<T> {
    kept.filter(|form| asked_for(key(form)))
}
