//! `GET /api/v1/nuisance-numbers`: the nuisance intelligence feed for partners (telephone
//! networks, call blockers). Each offender reported often enough — numbers in E.164, SMS sender
//! names, email domains — with its class, the incidents reported in the last 7 and 30 days, and
//! the days it was first and last reported. The rules (who is listed, who is held back, the
//! windows) are `app::domain::nuisance::feed`'s; the reading is `crate::db::nuisance`'s.
//!
//! 401 without a known key; 403 for a key without the `feeds` scope; 400 `invalid_query` with a
//! message per parameter; 304 when nothing changed since `If-Modified-Since`; 200 with a page and
//! the cursor of the next; 503 if the store could not be read. Never a 500.

use std::sync::Arc;

use app::domain::nuisance::feed::{
    feed_changed_at, feed_windows, last_modified, not_modified, parse_feed_query,
};
use app::domain::readiness::FieldErrors;
use app::ports::Services;
use axum::extract::RawQuery;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Europe::London;
use serde_json::{json, Value};

use super::cases::caller;
use crate::config::{ApiKeys, Scope};
use crate::db::nuisance::FeedPage;
use crate::db::Database;

const PATH: &str = "/api/v1/nuisance-numbers";
/// Partners may keep a copy for themselves, never a shared cache; and revalidate each time.
const CACHING: &str = "private, no-cache";

pub async fn list(
    Extension(services): Extension<Arc<Services>>,
    Extension(keys): Extension<Arc<ApiKeys>>,
    Extension(database): Extension<Database>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    if let Err(refused) = caller(&keys, &headers, Scope::Feeds) {
        return *refused;
    }
    let params: Vec<(String, String)> = form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
        .into_owned()
        .collect();
    let settings = &services.nuisance_settings;
    let query = match parse_feed_query(&params, settings) {
        Ok(query) => query,
        Err(fields) => return invalid_query(&fields),
    };
    // One reading of the clock for the whole answer.
    let (today, now) = (services.clock.today(), Utc::now());
    let latest = match database.latest_nuisance_report_at().await {
        Ok(latest) => latest,
        Err(error) => return unavailable(&error),
    };
    let changed = feed_changed_at(latest, start_of(today));
    let modified = last_modified(changed, now, settings.feed_modified_grace_seconds);
    let since = headers
        .get(header::IF_MODIFIED_SINCE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| DateTime::parse_from_rfc2822(value).ok());
    if since.is_some_and(|since| not_modified(changed, since.with_timezone(&Utc))) {
        return with_caching(StatusCode::NOT_MODIFIED.into_response(), modified, None);
    }
    let page = match database.nuisance_feed(query, today, settings).await {
        Ok(page) => page,
        Err(error) => return unavailable(&error),
    };
    let next = page
        .next
        .map(|cursor| format!("{PATH}?limit={}&cursor={cursor}", query.limit));
    let body = body(&page, today, query.limit, next.as_deref(), settings);
    with_caching(Json(body).into_response(), modified, next.as_deref())
}

fn body(
    page: &FeedPage,
    today: NaiveDate,
    limit: usize,
    next: Option<&str>,
    settings: &app::domain::nuisance::NuisanceSettings,
) -> Value {
    let windows = feed_windows(today, settings);
    let offenders: Vec<Value> = page
        .offenders
        .iter()
        .map(|offender| {
            json!({
                "offender": offender.key,
                "kind": offender.kind,
                "class": offender.class,
                "display": offender.display,
                "reports_short_window": offender.short_window,
                "reports_long_window": offender.long_window,
                "first_seen": offender.first_seen,
                "last_seen": offender.last_seen,
            })
        })
        .collect();
    json!({
        "as_of": today,
        "short_window_days": windows.short_days,
        "long_window_days": windows.long_days,
        "limit": limit,
        "offenders": offenders,
        "next_cursor": page.next.map(|cursor| cursor.to_string()),
        "next": next,
    })
}

/// The start of `today` in Europe/London, when the windows last moved.
fn start_of(today: NaiveDate) -> DateTime<Utc> {
    let midnight = today.and_time(chrono::NaiveTime::MIN);
    London
        .from_local_datetime(&midnight)
        .earliest()
        .map_or_else(|| midnight.and_utc(), |start| start.with_timezone(&Utc))
}

fn with_caching(mut response: Response, modified: DateTime<Utc>, next: Option<&str>) -> Response {
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(CACHING));
    let date = modified.format("%a, %d %b %Y %H:%M:%S GMT").to_string();
    if let Ok(value) = HeaderValue::from_str(&date) {
        headers.insert(header::LAST_MODIFIED, value);
    }
    if let Some(value) =
        next.and_then(|next| HeaderValue::from_str(&format!("<{next}>; rel=\"next\"")).ok())
    {
        headers.insert(header::LINK, value);
    }
    headers.insert(
        header::VARY,
        HeaderValue::from_static("Authorization, X-Api-Key"),
    );
    response
}

/// 400 `invalid_query`: each parameter with a message.
fn invalid_query(fields: &FieldErrors) -> Response {
    (
        StatusCode::BAD_REQUEST,
        Json(json!({"error": "invalid_query", "fields": fields})),
    )
        .into_response()
}

/// 503 `unavailable`: the feed could not be read.
fn unavailable(error: &crate::db::nuisance::NuisanceStoreError) -> Response {
    tracing::error!(error = %error, "the nuisance feed could not be read");
    (
        StatusCode::SERVICE_UNAVAILABLE,
        Json(json!({"error": "unavailable", "message": "The feed could not be read. Try again."})),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn today_starts_at_london_midnight() {
        let winter = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        assert_eq!(start_of(winter).to_rfc3339(), "2026-01-15T00:00:00+00:00");
        let summer = NaiveDate::from_ymd_opt(2026, 7, 15).unwrap();
        assert_eq!(start_of(summer).to_rfc3339(), "2026-07-14T23:00:00+00:00");
    }
}
