//! `POST /api/v1/nuisance-reports`: partner services (a network's 7726 spam-reporting feed, say)
//! send nuisance reports. The body is the report form as JSON (`incidents`, each with the same
//! fields as the web journey, and an optional `reporter`); the same validation as the journey.
//! An `Idempotency-Key` header makes retries safe. The answer says how often each offender in
//! the report was reported in the feedback window — counts only, never other reporters.
//!
//! 401 without a known key; 403 for a key without the `nuisance` scope; 400 for a body that is not JSON; 422 `invalid_input` with a
//! message per field; 201 once the report is durably stored; 503 if it could not be stored.

use std::sync::Arc;

use app::domain::nuisance::{validate_report, ReportForm};
use app::domain::readiness::FieldErrors;
use app::ports::{NuisanceSubmission, ReportSource, Services};
use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};

use super::cases::input::{field_errors, idempotency_header, ReportHeaders};
use super::cases::{caller, reply};
use crate::config::{ApiKeys, Scope};
use validator::Validate;

pub async fn create(
    Extension(services): Extension<Arc<Services>>,
    Extension(keys): Extension<Arc<ApiKeys>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let partner = match caller(&keys, &headers, Scope::Nuisance) {
        Ok(partner) => partner,
        Err(refused) => return *refused,
    };
    let checked = ReportHeaders {
        idempotency_key: idempotency_header(&headers),
    };
    if let Err(errors) = checked.validate() {
        return reply::invalid(&field_errors(
            &errors,
            &[("idempotency_key", "Idempotency-Key")],
        ));
    }
    let key = checked.idempotency_key;
    let form: ReportForm = match serde_json::from_slice(&body) {
        Ok(form) => form,
        Err(error) if error.is_data() => {
            let fields = FieldErrors(
                [(
                    "body".to_owned(),
                    "Send incidents as a list of objects whose fields are strings (categories: a list of codes)"
                        .to_owned(),
                )]
                .into(),
            );
            return reply::invalid(&fields);
        }
        Err(_) => return reply::not_json(),
    };
    let now = services.clock.now().naive_local();
    let report = match validate_report(&form, now, &services.nuisance_settings) {
        Ok(report) => report,
        Err(errors) => return reply::invalid(&errors),
    };
    let submission = NuisanceSubmission {
        report,
        source: ReportSource::Api,
        idempotency_key: key.map(|k| format!("api:{partner}:{k}")),
        added_by: None,
    };
    match services.nuisance.record(submission).await {
        Ok(receipt) => (StatusCode::CREATED, Json(receipt)).into_response(),
        Err(error) => {
            tracing::error!(error = %error, "a nuisance report could not be stored");
            reply::unavailable()
        }
    }
}
