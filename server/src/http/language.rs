//! `GET /language/{code}?back=…`: the language switch on every public page. Remembers the choice
//! in the `lang` cookie for a year and sends the person back to the page they were on (a page of
//! this site only: [`safe_back`]). Unknown codes change nothing.

use std::sync::Arc;

use app::i18n::{safe_back, Lang, LANG_COOKIE};
use app::ports::Services;
use app::server_fns::cookie::{set_cookie_value, SameSite};
use axum::extract::{Path, Query};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use serde::Deserialize;

/// A year: the choice outlives a journey.
const REMEMBER_SECONDS: i64 = 365 * 24 * 60 * 60;

#[derive(Debug, Deserialize)]
pub struct Back {
    back: Option<String>,
}

pub async fn switch(
    Extension(services): Extension<Arc<Services>>,
    Path(code): Path<String>,
    Query(back): Query<Back>,
) -> Response {
    let location = safe_back(back.back.as_deref());
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(value) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    if let Some(lang) = Lang::from_code(&code) {
        let cookie = set_cookie_value(
            LANG_COOKIE,
            lang.code(),
            "/",
            SameSite::Lax,
            REMEMBER_SECONDS,
            services.secure_cookies,
        );
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().insert(header::SET_COOKIE, value);
        }
    }
    response
}
