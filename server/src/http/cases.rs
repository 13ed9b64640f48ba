//! `POST /api/v1/cases`: partner services and the helpline hand a concern in. The body is the
//! readiness request (readiness-api.md) plus the submission (`customer`, `acting_for`,
//! `organisation.id`, `summary`, `timeline`, `harm`, `late_reason`, `evidence`). The same rules
//! and validation as the web journey; an `Idempotency-Key` header makes retries safe.
//! Described in `/api/v1/openapi.json` (`openapi.json` next to this file).
//!
//! Order of answers: 401 without a known key; 400 for a body that is not JSON; 422
//! `invalid_input` when the readiness fields cannot be read; 422 `not_eligible` when the rules
//! say the concern cannot be handed in; 422 `invalid_input` for the submission and its files;
//! then 201, or 200 for a repeated idempotency key. Never a 500: a store that fails is a 503.

mod body;
mod evidence;
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

use crate::config::ApiKeys;
use crate::files::FileStore;
use crate::intake::eligible_case_type;

/// The longest idempotency key accepted.
const MAX_KEY_CHARS: usize = 200;

/// The caller's key name, from `Authorization: Bearer …` (any case) or `X-Api-Key`.
fn caller<'k>(keys: &'k ApiKeys, headers: &HeaderMap) -> Option<&'k str> {
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, secret)| secret);
    let header = headers.get("x-api-key").and_then(|v| v.to_str().ok());
    [bearer, header]
        .into_iter()
        .flatten()
        .find_map(|secret| keys.name_of(secret.trim()))
}

/// The `Idempotency-Key` header, if any: visible ASCII, at most [`MAX_KEY_CHARS`]; else what is
/// wrong with it.
fn idempotency_key(headers: &HeaderMap) -> Result<Option<String>, &'static str> {
    let Some(raw) = headers.get("idempotency-key") else {
        return Ok(None);
    };
    match raw.to_str().map(str::trim) {
        Ok("") => Ok(None),
        Ok(key) if key.len() <= MAX_KEY_CHARS => Ok(Some(key.to_owned())),
        Ok(_) => Err("Use at most 200 characters"),
        Err(_) => Err("Use letters, digits and punctuation only"),
    }
}

/// The partner API's door, shared by its endpoints: the caller's key name (else 401) and the
/// `Idempotency-Key` (else 422), as the response to send when either is wrong.
pub(super) fn partner_request<'k>(
    keys: &'k ApiKeys,
    headers: &HeaderMap,
) -> Result<(&'k str, Option<String>), Box<Response>> {
    let partner = caller(keys, headers).ok_or_else(|| Box::new(reply::unauthorized()))?;
    let key = idempotency_key(headers).map_err(|problem| {
        let fields = FieldErrors([("Idempotency-Key".to_owned(), problem.to_owned())].into());
        Box::new(reply::invalid(&fields))
    })?;
    Ok((partner, key))
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
    let (partner, key) = match partner_request(&keys, &headers) {
        Ok(door) => door,
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
        idempotency_key: key.map(|k| format!("api:{partner}:{k}")),
        channel: IntakeChannel::Api,
        created_on: today,
        concern,
        assessment,
        details: CaseDetails::default(),
        answers: Value::Null,
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
