//! `POST /api/v1/cases`: partner services and the helpline hand a concern in. The body is the
//! readiness request (readiness-api.md) plus the submission (`customer`, `acting_for`,
//! `organisation.id`, `summary`, `timeline`, `harm`, `late_reason`, `evidence`). The same rules
//! and validation as the web journey; the required `Idempotency-Key` header makes retries safe.
//! Described in `/api/v1/openapi.json` (`openapi.json` next to this file).
//!
//! Order of answers: 401 without a known key; 403 for a key without the `cases` scope; 400
//! without an `Idempotency-Key` (required: a retry must never make a second case), 422 for one
//! that breaks its rules ([`input::CaseHeaders`]); 400 for a body that is not JSON; 422
//! `invalid_input` when the readiness fields cannot be read; 422 `not_eligible` when the rules
//! say the concern cannot be handed in; 422 `invalid_input` for the submission and its files;
//! then 201, or 200 for a repeated idempotency key. Never a 500: a store that fails is a 503.

mod body;
mod evidence;
pub(super) mod input;
pub(super) mod reply;

use std::sync::Arc;

use app::domain::case::{service_levels, CaseSettings, IntakeChannel};
use app::domain::evidence::UploadLimits;
use app::domain::readiness::{assess, decode_request, DocumentKind, FieldErrors, Verdict};
use app::domain::submission::{validate_details, CaseDetails, Completeness, DetailLimits};
use app::ports::{HandIn, IntakeError, Services};
use axum::body::{to_bytes, Body};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use chrono::NaiveDate;
use serde_json::{json, Value};

use crate::config::{Access, ApiKeys, Scope};
use crate::files::FileStore;
use crate::intake::eligible_case_type;
use validator::Validate;

/// The key sent with the request, from `Authorization: Bearer …` (any case) or `X-Api-Key`.
fn sent_key(headers: &HeaderMap) -> Option<&str> {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, secret)| secret.trim());
    bearer.or_else(|| {
        headers
            .get("x-api-key")
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
    })
}

/// The partner API's door, shared by its endpoints: the name of the caller's key when it has
/// `scope`; else the answer (401 without a known key, 403 without the scope).
pub(super) fn caller<'k>(
    keys: &'k ApiKeys,
    headers: &HeaderMap,
    scope: Scope,
) -> Result<&'k str, Box<Response>> {
    match keys.access(sent_key(headers), scope) {
        Access::Allowed(name) => Ok(name),
        Access::Forbidden(name) => {
            tracing::warn!(
                key = name,
                scope = scope.code(),
                "an API key without the scope"
            );
            Err(Box::new(reply::forbidden(scope)))
        }
        Access::Unknown => Err(Box::new(reply::unauthorized())),
    }
}

/// The `Idempotency-Key` of a case: required (400 without it), checked by [`input::CaseHeaders`]
/// (422 when it breaks a rule).
fn case_idempotency_key(headers: &HeaderMap) -> Result<String, Box<Response>> {
    let checked = input::CaseHeaders {
        idempotency_key: input::idempotency_header(headers),
    };
    match (checked.validate(), checked.idempotency_key) {
        (Ok(()), Some(key)) => Ok(key),
        (Err(errors), _) if !input::only_missing(&errors) => Err(Box::new(reply::invalid(
            &input::field_errors(&errors, &[("idempotency_key", "Idempotency-Key")]),
        ))),
        _ => Err(Box::new(reply::idempotency_key_required())),
    }
}

fn merge(errors: &mut FieldErrors, more: FieldErrors) {
    for (field, message) in more.iter() {
        errors.add(field, message);
    }
}

/// The web journey's checks, as far as partner services are held to them.
fn check_details(
    details: &CaseDetails,
    required: &[DocumentKind],
    late: bool,
    today: NaiveDate,
) -> FieldErrors {
    let limits = DetailLimits::default();
    validate_details(details, required, late, today, &limits, Completeness::Api)
}

/// The body as kept with the case: the files are in the file store, not in the answers.
fn without_file_contents(mut body: Value) -> Value {
    if let Some(Value::Array(items)) = body.get_mut("evidence") {
        for item in items.iter_mut().filter_map(Value::as_object_mut) {
            item.remove("content_base64");
        }
    }
    body
}

pub async fn create(
    Extension(services): Extension<Arc<Services>>,
    Extension(files): Extension<Arc<dyn FileStore>>,
    Extension(limits): Extension<Arc<UploadLimits>>,
    Extension(keys): Extension<Arc<ApiKeys>>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let partner = match caller(&keys, &headers, Scope::Cases) {
        Ok(partner) => partner,
        Err(refused) => return *refused,
    };
    let key = match case_idempotency_key(&headers) {
        Ok(key) => key,
        Err(refused) => return *refused,
    };
    // Read here rather than with the `Bytes` extractor, whose default limit (2 MB) is far below
    // what a case's files need.
    let Ok(body) = to_bytes(body, super::body_limit::for_files(&limits)).await else {
        return reply::too_large();
    };
    let Ok(value) = serde_json::from_slice::<Value>(&body) else {
        return reply::not_json();
    };
    let server_today = services.clock.today();
    let decoded = decode_request(&value, server_today, services.clock.now());
    // The submission is read whatever the readiness fields say, so every problem is told at once.
    let mut errors = FieldErrors::new();
    let mut details = CaseDetails::default();
    if value.is_object() {
        details = body::details_from(&value, &services.organisations, &mut errors);
    }
    let (concern, today, now) = match decoded {
        Ok(decoded) if decoded.1 <= server_today => decoded,
        Ok(_) => {
            errors.add("today", "error.date.future");
            merge(
                &mut errors,
                check_details(&details, &[], false, server_today),
            );
            return reply::invalid(&errors);
        }
        Err(mut fields) => {
            if value.is_object() {
                merge(&mut fields, errors);
                merge(
                    &mut fields,
                    check_details(&details, &[], false, server_today),
                );
            }
            return reply::invalid(&fields);
        }
    };
    let assessment = match assess(&concern, today, now, &services.calendar, &services.settings) {
        Ok(assessment) => assessment,
        Err(problem) => {
            errors.add("today", problem.to_string());
            return reply::invalid(&errors);
        }
    };
    let mut hand_in = HandIn {
        idempotency_key: Some(format!("api:{partner}:{key}")),
        channel: IntakeChannel::Api,
        created_on: today,
        concern,
        assessment,
        details: CaseDetails::default(),
        answers: Value::Null,
        copy: None,
        case_kind: None,
        related_reference: None,
    };
    // A concern the rules stop is answered as such, whatever else is wrong with the body.
    let case_type = match eligible_case_type(&hand_in) {
        Ok(case_type) => case_type,
        Err(IntakeError::NotEligible(verdict)) => {
            return reply::not_eligible(&verdict, &hand_in.assessment);
        }
        Err(IntakeError::Failed(problem)) => {
            tracing::error!(%problem, "API intake failed");
            return reply::unavailable();
        }
    };
    // The service levels count working days from `today`: the bank holiday data must cover them
    // (the calendar says so rather than guess).
    if let Err(problem) = service_levels(
        case_type,
        today,
        &services.calendar,
        &CaseSettings::default(),
    ) {
        errors.add("today", problem.to_string());
    }
    let assessment = &hand_in.assessment;
    let late = assessment.verdict == Verdict::Late;
    merge(
        &mut errors,
        check_details(&details, &assessment.required_documents, late, today),
    );
    let attachments = evidence::check(&value, &limits, &mut errors);
    if !errors.is_empty() {
        return reply::invalid(&errors);
    }
    details.evidence = match evidence::store(attachments, files.as_ref()).await {
        Ok(stored) => stored,
        Err(problem) => {
            tracing::error!(%problem, "storing an API attachment");
            return reply::unavailable();
        }
    };
    let missing = evidence::missing(&assessment.required_documents, &details.evidence);
    let assessment = assessment.clone();
    hand_in.details = details;
    hand_in.answers = without_file_contents(value);
    match services.intake.hand_in(hand_in).await {
        Ok(receipt) => {
            let status = if receipt.repeated {
                StatusCode::OK
            } else {
                StatusCode::CREATED
            };
            let mut body = json!(receipt);
            body["verdict"] = json!(assessment.verdict);
            body["reasons"] = json!(assessment.reasons);
            body["missing_documents"] = json!(missing);
            (status, Json(body)).into_response()
        }
        Err(IntakeError::NotEligible(verdict)) => reply::not_eligible(&verdict, &assessment),
        Err(IntakeError::Failed(problem)) => {
            tracing::error!(%problem, "API intake failed");
            reply::unavailable()
        }
    }
}
