//! Starting a report, answering one of its parts, and sending it.

use std::collections::HashMap;

use app::domain::breach::{
    posted_json, BreachDraft, NotReady, Part, RefusedPart, SelfAssessment, SentReport,
};
use app::ports::{BreachSubmission, IntakeError, Services};
use axum::extract::{Path, Query};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::{Extension, Form};

use super::{
    create, current, keep_refused, new_key, now_seconds, problem, save, save_until, see_other,
    see_other_with_draft, unsent, with_cookie, Pairs, CHECK, SENT, TASKS,
};

/// `POST /report-breach/report`: starts a report with the self-assessment's answers (hidden
/// fields), or carries on with the unsent one this browser already has.
pub async fn start(
    Extension(services): Extension<Services>,
    headers: HeaderMap,
    Form(pairs): Form<Pairs>,
) -> Response {
    let assessment = SelfAssessment::from_fields(|name| {
        pairs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
    });
    match current(&services, &headers).await {
        Err(response) => return response,
        Ok(Some((id, mut draft))) if draft.sent.is_none() => {
            if assessment != SelfAssessment::default() {
                draft.assessment = assessment;
            }
            if draft.idempotency_key.is_empty() {
                match new_key() {
                    Ok(key) => draft.idempotency_key = key,
                    Err(response) => return *response,
                }
            }
            if let Err(response) = save(&services, &id, &draft).await {
                return response;
            }
            return see_other_with_draft(&services, &id, TASKS);
        }
        Ok(_) => {}
    }
    let key = match new_key() {
        Ok(key) => key,
        Err(response) => return *response,
    };
    match create(&services, BreachDraft::new(assessment, key)).await {
        Ok(id) => see_other_with_draft(&services, &id, TASKS),
        Err(response) => response,
    }
}

fn part_href(part: Part, change: bool) -> String {
    let page = format!("{TASKS}/{}", part.code());
    if change {
        format!("{page}?change=true")
    } else {
        page
    }
}

/// `POST /report-breach/report/{part}`: the part's answers. Accepted, back to the task list
/// (or to "check your answers" when changing one); refused, back to the part with the problems
/// and what was typed.
pub async fn part(
    Extension(services): Extension<Services>,
    Path(slug): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
    Form(pairs): Form<Pairs>,
) -> Response {
    let Some(part) = Part::from_code(&slug) else {
        return see_other(TASKS);
    };
    let (id, mut draft) = match unsent(&services, &headers).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let change = query.get("change").is_some_and(|value| value == "true")
        || pairs
            .iter()
            .any(|(key, value)| key == "change" && value == "true");
    let posted = posted_json(&draft.form_json(part), &pairs);
    let now = services.clock.now().naive_local();
    let mut refused_cookie = None;
    let next = match draft.accept(part, &posted, now, &services.breach_settings) {
        Ok(()) => {
            draft.refused = None;
            if change {
                CHECK.to_owned()
            } else {
                TASKS.to_owned()
            }
        }
        Err(errors) => {
            let refused = RefusedPart {
                part: part.code().to_owned(),
                form: posted,
                errors: errors
                    .iter()
                    .map(|(field, key)| (field.to_owned(), key.to_owned()))
                    .collect(),
                ..RefusedPart::default()
            };
            match keep_refused(&services, &mut draft, refused) {
                Ok(cookie) => refused_cookie = Some(cookie),
                Err(response) => return *response,
            }
            part_href(part, change)
        }
    };
    match save(&services, &id, &draft).await {
        Ok(()) => match refused_cookie {
            Some(cookie) => with_cookie(see_other(&next), cookie),
            None => see_other(&next),
        },
        Err(response) => response,
    }
}

/// `POST /report-breach/report/check`: sends the report. Every part is checked again at the
/// time of sending (a report that has become late must say why); the case is made once
/// however often this is posted.
pub async fn send(Extension(services): Extension<Services>, headers: HeaderMap) -> Response {
    let (id, mut draft) = match unsent(&services, &headers).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let now = services.clock.now();
    let settings = &services.breach_settings;
    match draft.ready_to_send(now.naive_local(), settings) {
        Err(NotReady::Missing(_)) => return see_other(&format!("{TASKS}?incomplete=true")),
        Err(NotReady::Recheck(part, errors)) => {
            let refused = RefusedPart {
                part: part.code().to_owned(),
                form: draft.form_json(part),
                errors: errors
                    .iter()
                    .map(|(field, key)| (field.to_owned(), key.to_owned()))
                    .collect(),
                ..RefusedPart::default()
            };
            let cookie = match keep_refused(&services, &mut draft, refused) {
                Ok(cookie) => cookie,
                Err(response) => return *response,
            };
            return match save(&services, &id, &draft).await {
                Ok(()) => with_cookie(see_other(&part_href(part, true)), cookie),
                Err(response) => response,
            };
        }
        Ok(()) => {}
    }
    let late = draft.late_at(now.naive_local(), settings);
    let submission = BreachSubmission {
        idempotency_key: draft.idempotency_key.clone(),
        created_on: services.clock.today(),
        submitted_at: now.naive_local(),
        assessment: draft.assessment.clone(),
        report: draft.report.clone(),
        reported_late: late,
    };
    let receipt = match services.breach.submit(submission).await {
        Ok(receipt) => receipt,
        Err(IntakeError::NotEligible(_)) => return see_other(&format!("{TASKS}?incomplete=true")),
        Err(error) => return problem("sending a report", error),
    };
    let email = draft
        .report
        .contact
        .as_ref()
        .map(|contact| contact.email.clone())
        .unwrap_or_default();
    let sent = draft.into_sent(SentReport {
        reference: receipt.reference,
        email,
        late,
    });
    // Only the receipt is kept, for a day: the case has the report now.
    match save_until(&services, &id, &sent, now_seconds(&services) + 86_400).await {
        Ok(()) => see_other(SENT),
        Err(response) => response,
    }
}
