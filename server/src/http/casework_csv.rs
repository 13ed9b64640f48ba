//! The exception reports as CSV, for team managers: `GET /staff/exceptions/<report>.csv` with
//! `incomplete-closures`, `reopened-same-day` or `past-service-levels`. The access table guards
//! the path (middleware) and each download checks the role again; cells are neutralised against
//! spreadsheet formulas (`domain::csv`).

use app::domain::casework::{
    incomplete_closure_csv, past_service_levels_csv, reopened_same_day_csv,
};
use app::i18n::t;
use app::ports::Services;
use app::server_fns::casework::{reports, EXCEPTIONS_AREA};
use app::server_fns::staff::CurrentStaff;
use axum::http::{header, Extensions, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use std::sync::Arc;

/// Which report.
#[derive(Clone, Copy)]
enum Report {
    Incomplete,
    Reopened,
    Past,
}

fn headers(keys: &[&str]) -> Vec<String> {
    keys.iter()
        .map(|key| t(&format!("casework.csv.{key}")))
        .collect()
}

async fn download(services: Arc<Services>, extensions: Extensions, report: Report) -> Response {
    let Some(current) = extensions.get::<CurrentStaff>() else {
        return StatusCode::FORBIDDEN.into_response();
    };
    if !current.member.may_open(EXCEPTIONS_AREA) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let (incomplete, reopened, past) = match reports(&services, &current.member).await {
        Ok(found) => found,
        Err(error) => {
            tracing::error!("exception reports: {error}");
            return (
                StatusCode::SERVICE_UNAVAILABLE,
                "The report could not be read. Try again.",
            )
                .into_response();
        }
    };
    let (name, body) = match report {
        Report::Incomplete => (
            "incomplete-closures.csv",
            incomplete_closure_csv(
                &headers(&[
                    "reference",
                    "type",
                    "instance",
                    "closed_on",
                    "outcome",
                    "problems",
                ]),
                &incomplete,
            ),
        ),
        Report::Reopened => (
            "reopened-same-day.csv",
            reopened_same_day_csv(&headers(&["reference", "instance", "on"]), &reopened),
        ),
        Report::Past => (
            "past-service-levels.csv",
            past_service_levels_csv(
                &headers(&[
                    "reference",
                    "type",
                    "queue",
                    "officer",
                    "service_level",
                    "due",
                ]),
                &past,
            ),
        ),
    };
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        body,
    )
        .into_response()
}

pub async fn incomplete_closures(
    Extension(services): Extension<Arc<Services>>,
    extensions: Extensions,
) -> Response {
    download(services, extensions, Report::Incomplete).await
}

pub async fn reopened_same_day(
    Extension(services): Extension<Arc<Services>>,
    extensions: Extensions,
) -> Response {
    download(services, extensions, Report::Reopened).await
}

pub async fn past_service_levels(
    Extension(services): Extension<Arc<Services>>,
    extensions: Extensions,
) -> Response {
    download(services, extensions, Report::Past).await
}
