//! The repeat-offender intelligence as CSV, for staff (behind the staff sign-in: every
//! `/staff/nuisance…` path needs an enforcement, case officer, team manager or admin role).
//!
//! `GET /staff/nuisance/offenders.csv?period=30&kind=number` — the ranking;
//! `GET /staff/nuisance/offenders/{id}/incidents.csv?period=30` — one offender's incidents.
//! Cells typed by the public are neutralised against spreadsheet formulas (`domain::csv`).

use std::collections::HashMap;
use std::sync::Arc;

use app::domain::csv::row;
use app::domain::nuisance::intelligence::{
    choose_period, excerpt, sender_line, OffenderQuery, Period,
};
use app::domain::nuisance::OffenderKind;
use app::ports::Services;
use axum::extract::{Path, Query};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;

/// Rows in the ranking export.
const MOST_OFFENDERS: usize = 1_000;
/// Incidents in one offender's export.
const MOST_INCIDENTS: i64 = 50_000;

fn period(services: &Services, query: &HashMap<String, String>) -> Option<Period> {
    let get = |name: &str| query.get(name).map(String::as_str).unwrap_or_default();
    choose_period(
        get("period"),
        get("from"),
        get("to"),
        services.clock.today(),
    )
    .ok()
}

fn bad_period() -> Response {
    (
        StatusCode::BAD_REQUEST,
        "Choose a period: from and to as YYYY-MM-DD, at most two years.",
    )
        .into_response()
}

fn csv(name: &str, body: String) -> Response {
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

fn unavailable() -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        "The intelligence could not be read. Try again.",
    )
        .into_response()
}

pub async fn offenders(
    Extension(services): Extension<Arc<Services>>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Some(period) = period(&services, &query) else {
        return bad_period();
    };
    let kind = query
        .get("kind")
        .and_then(|k| OffenderKind::from_code(k))
        .map(|k| k.code().to_owned());
    let ranked = match services
        .nuisance
        .repeat_offenders(&OffenderQuery {
            kind,
            from: period.from,
            to: period.to,
            limit: MOST_OFFENDERS,
            min_reports: 2,
        })
        .await
    {
        Ok(ranked) => ranked,
        Err(error) => {
            tracing::error!(error = %error, "offenders export failed");
            return unavailable();
        }
    };
    let mut body = row(&[
        "rank",
        "kind",
        "offender",
        "key",
        "reports_in_period",
        "reports_ever",
        "first_reported",
        "last_reported",
        "period_from",
        "period_to",
    ]);
    for (rank, offender) in ranked.iter().enumerate() {
        body.push_str(&row(&[
            (rank + 1).to_string(),
            offender.kind.clone(),
            offender.display.clone(),
            offender.key.clone(),
            offender.reports.to_string(),
            offender.total.to_string(),
            offender.first_reported.to_string(),
            offender.last_reported.to_string(),
            period.from.to_string(),
            period.to.to_string(),
        ]));
    }
    csv(
        &format!("repeat-offenders-{}-to-{}.csv", period.from, period.to),
        body,
    )
}

pub async fn incidents(
    Extension(services): Extension<Arc<Services>>,
    Path(id): Path<i64>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Some(period) = period(&services, &query) else {
        return bad_period();
    };
    let detail = match services.nuisance.offender(id, period, MOST_INCIDENTS).await {
        Ok(Some(detail)) => detail,
        Ok(None) => return (StatusCode::NOT_FOUND, "No such offender.").into_response(),
        Err(error) => {
            tracing::error!(error = %error, "incidents export failed");
            return unavailable();
        }
    };
    let mut body = row(&[
        "incident",
        "report",
        "received_on",
        "occurred_at",
        "channel",
        "categories",
        "sender",
        "company",
        "text",
        "source",
    ]);
    for stored in &detail.incidents {
        let incident = stored.incident();
        body.push_str(&row(&[
            stored.id.to_string(),
            stored.report_id.to_string(),
            stored.received_on.to_string(),
            stored.occurred_at.format("%Y-%m-%d %H:%M").to_string(),
            stored.channel.clone(),
            stored.categories.join(" "),
            incident
                .as_ref()
                .and_then(|i| sender_line(&i.sender))
                .unwrap_or_else(|| "withheld".to_owned()),
            incident
                .as_ref()
                .and_then(|i| i.company.as_ref().map(|c| c.name().to_owned()))
                .unwrap_or_default(),
            incident
                .as_ref()
                .map(|i| excerpt(i, 2_000))
                .unwrap_or_default(),
            stored.source.clone(),
        ]));
    }
    csv(
        &format!(
            "offender-{id}-incidents-{}-to-{}.csv",
            period.from, period.to
        ),
        body,
    )
}
