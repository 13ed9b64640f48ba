//! The PDF copies a person can keep: the concern they handed in and the breach report they sent.
//! Each is found through this browser's own cookie (the journey's, or the breach draft's), so
//! there is no address that shows someone else's answers.

use app::domain::breach::BreachDraft;
use app::domain::copy::SentCopy;
use app::i18n::t;
use app::ports::Services;
use app::server_fns::breach::DRAFT_COOKIE;
use app::server_fns::session::{cookie_value, journey_id_from};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use std::sync::Arc;

fn pdf(copy: &SentCopy, prefix: &str) -> Response {
    match crate::copy_pdf::render(copy) {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "application/pdf".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{}\"", copy.file_name(prefix)),
                ),
                (header::CACHE_CONTROL, "no-store".to_owned()),
            ],
            bytes,
        )
            .into_response(),
        Err(error) => {
            tracing::error!(error = %error, "making a PDF copy");
            (StatusCode::INTERNAL_SERVER_ERROR, t("problem.title")).into_response()
        }
    }
}

/// `GET /concern/confirmation/copy.pdf`: the concern this browser handed in.
pub async fn concern(
    Extension(services): Extension<Arc<Services>>,
    headers: HeaderMap,
) -> Response {
    let copy = match journey_id_from(&headers, services.secure_cookies) {
        Some(id) => match services.journeys.load(&id).await {
            Ok(journey) => journey.and_then(|journey| journey.sent_copy),
            Err(error) => {
                tracing::error!(error = %error, "loading a journey for its copy");
                return (StatusCode::SERVICE_UNAVAILABLE, t("problem.title")).into_response();
            }
        },
        None => None,
    };
    match copy {
        Some(copy) => pdf(&copy, "concern"),
        None => Redirect::to("/concern/confirmation").into_response(),
    }
}

/// `GET /report-breach/report/sent/copy.pdf`: the breach report this browser sent (its receipt
/// is kept for a day).
pub async fn breach(Extension(services): Extension<Arc<Services>>, headers: HeaderMap) -> Response {
    let now = services.clock.now().timestamp();
    let copy = match cookie_value(&headers, DRAFT_COOKIE, services.secure_cookies) {
        Some(id) => match services.breach.load_draft(&id, now).await {
            Ok(stored) => stored
                .and_then(|value| serde_json::from_value::<BreachDraft>(value).ok())
                .and_then(|draft| draft.sent)
                .and_then(|sent| sent.copy),
            Err(error) => {
                tracing::error!(error = %error, "loading a breach draft for its copy");
                return (StatusCode::SERVICE_UNAVAILABLE, t("problem.title")).into_response();
            }
        },
        None => None,
    };
    match copy {
        Some(copy) => pdf(&copy, "breach-report"),
        None => Redirect::to("/report-breach/report/sent").into_response(),
    }
}
