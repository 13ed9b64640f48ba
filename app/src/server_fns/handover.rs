//! Server functions for handing a concern in: the organisation search, the timeline, the
//! evidence list, and the submission itself. Uploads are a multipart server function of their
//! own ([`uploads`](super::uploads)).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::concern::handover_for;
#[cfg(feature = "ssr")]
use super::session;
#[cfg(feature = "ssr")]
use crate::domain::assistant::{
    case_details, is_done, missing_evidence, submit_next_after, submit_path, Answer, Handover,
    Progress, RawAnswer, Step,
};
#[cfg(feature = "ssr")]
use crate::ports::{Flash, Journey, Services};

/// One organisation offered on the "which organisation" page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationChoice {
    pub id: String,
    pub name: String,
    /// The alias that matched, when it was not the name.
    pub matched: Option<String>,
}

/// How many organisations the search offers.
#[cfg(feature = "ssr")]
const SEARCH_LIMIT: usize = 6;

/// What the "which organisation" page offers: the words searched (the name the person gave,
/// unless they searched for others) and the organisations in the directory matching them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationSearch {
    pub searched: String,
    pub choices: Vec<OrganisationChoice>,
}

/// The organisations matching `query`, or the name given for the organisation when there is
/// no query, best first.
#[server(prefix = "/api/concern", endpoint = "organisation-matches")]
pub async fn organisation_matches(
    query: Option<String>,
) -> Result<OrganisationSearch, ServerFnError> {
    let services = session::services()?;
    let searched = match query.filter(|query| !query.trim().is_empty()) {
        Some(query) => query,
        None => session::load(&services)
            .await?
            .answers
            .text(Step::Organisation)
            .unwrap_or_default()
            .to_owned(),
    };
    let choices = search(&services, &searched);
    Ok(OrganisationSearch { searched, choices })
}

/// Organisations in the directory matching `query`, best first.
#[cfg(feature = "ssr")]
fn search(services: &Services, query: &str) -> Vec<OrganisationChoice> {
    let query: String = query.chars().take(200).collect();
    services
        .organisations
        .search(&query, SEARCH_LIMIT)
        .into_iter()
        .map(|found| OrganisationChoice {
            id: found.organisation.id.clone(),
            name: found.organisation.name.clone(),
            matched: (found.matched != found.organisation.name).then_some(found.matched),
        })
        .collect()
}

#[cfg(feature = "ssr")]
async fn load_for_handover(
    services: &Services,
) -> Result<Option<(Journey, Handover)>, ServerFnError> {
    let journey = session::load(services).await?;
    match handover_for(services, &journey.answers) {
        Some(handover) => Ok(Some((journey, handover))),
        None => {
            leptos_axum::redirect("/concern/check");
            Ok(None)
        }
    }
}

#[cfg(feature = "ssr")]
fn go_on(journey: &Journey, handover: &Handover, step: Step, changing: bool) {
    let query = if changing { "?change=true" } else { "" };
    let target = match submit_next_after(&journey.answers, handover, step, changing) {
        Progress::Ask(next) => format!("/concern/{}{query}", next.slug()),
        Progress::Complete => "/concern/submit".to_owned(),
    };
    leptos_axum::redirect(&target);
}

#[cfg(feature = "ssr")]
fn back_to(step: Step, changing: bool) {
    let query = if changing { "?change=true" } else { "" };
    leptos_axum::redirect(&format!("/concern/{}{query}", step.slug()));
}

/// Adds one dated event to the timeline, or shows what is wrong with it.
#[server(prefix = "/api/concern", endpoint = "add-event")]
pub async fn add_event(
    day: Option<String>,
    month: Option<String>,
    year: Option<String>,
    what: Option<String>,
    change: Option<String>,
) -> Result<(), ServerFnError> {
    use crate::domain::assistant::validate_event;
    let services = session::services()?;
    let Some((mut journey, _)) = load_for_handover(&services).await? else {
        return Ok(());
    };
    let raw = RawAnswer {
        value: what,
        day,
        month,
        year,
        values: Vec::new(),
    };
    let mut events = journey.answers.events(Step::Timeline).to_vec();
    match validate_event(&raw, events.len(), services.clock.today()) {
        Ok(event) => {
            events.push(event);
            events.sort_by_key(|event| event.on);
            journey.answers.set(Step::Timeline, Answer::Events(events));
            journey.flash = None;
        }
        Err(error) => {
            journey.flash = Some(Flash {
                key: String::new(),
                step: Step::Timeline,
                raw,
                error,
            });
        }
    }
    session::save(&services, &mut journey).await?;
    back_to(Step::Timeline, change.is_some_and(|c| c == "true"));
    Ok(())
}

/// Removes one event (by position) from the timeline.
#[server(prefix = "/api/concern", endpoint = "remove-event")]
pub async fn remove_event(index: usize, change: Option<String>) -> Result<(), ServerFnError> {
    let services = session::services()?;
    let Some((mut journey, _)) = load_for_handover(&services).await? else {
        return Ok(());
    };
    let mut events = journey.answers.events(Step::Timeline).to_vec();
    if index < events.len() {
        events.remove(index);
        journey.answers.set(Step::Timeline, Answer::Events(events));
        session::save(&services, &mut journey).await?;
    }
    back_to(Step::Timeline, change.is_some_and(|c| c == "true"));
    Ok(())
}

/// Removes one uploaded file (by position) from the evidence.
#[server(prefix = "/api/concern", endpoint = "remove-evidence")]
pub async fn remove_evidence(index: usize, change: Option<String>) -> Result<(), ServerFnError> {
    let services = session::services()?;
    let Some((mut journey, _)) = load_for_handover(&services).await? else {
        return Ok(());
    };
    let mut files = journey.answers.files(Step::Evidence).to_vec();
    if index < files.len() {
        files.remove(index);
        journey.answers.set(Step::Evidence, Answer::Files(files));
        session::save(&services, &mut journey).await?;
    }
    back_to(Step::Evidence, change.is_some_and(|c| c == "true"));
    Ok(())
}

/// "Continue" on the timeline or evidence page: on to the next question once it is done.
#[server(prefix = "/api/concern", endpoint = "finish")]
pub async fn finish_step(step: String, change: Option<String>) -> Result<(), ServerFnError> {
    let services = session::services()?;
    let changing = change.is_some_and(|c| c == "true");
    let Some((mut journey, handover)) = load_for_handover(&services).await? else {
        return Ok(());
    };
    let step = match Step::from_slug(&step) {
        Some(step @ (Step::Timeline | Step::Evidence)) => step,
        _ => {
            leptos_axum::redirect("/concern/submit");
            return Ok(());
        }
    };
    if step == Step::Evidence && !journey.answers.has(Step::Evidence) {
        journey
            .answers
            .set(Step::Evidence, Answer::Files(Vec::new()));
    }
    if is_done(&journey.answers, &handover, step) {
        journey.flash = None;
        session::save(&services, &mut journey).await?;
        go_on(&journey, &handover, step, changing);
        return Ok(());
    }
    let error = match step {
        Step::Timeline => "error.timeline.required".to_owned(),
        _ => "error.evidence.required".to_owned(),
    };
    let missing = missing_evidence(&journey.answers, &handover);
    let raw = RawAnswer {
        values: missing.iter().map(|kind| kind.code().to_owned()).collect(),
        ..RawAnswer::default()
    };
    journey.flash = Some(Flash {
        key: String::new(),
        step,
        raw,
        error,
    });
    session::save(&services, &mut journey).await?;
    back_to(step, changing);
    Ok(())
}

/// Hands the concern in: one case, however often this is sent.
#[server(prefix = "/api/concern", endpoint = "submit")]
pub async fn submit_concern() -> Result<(), ServerFnError> {
    use crate::domain::case::IntakeChannel;
    use crate::domain::submission::{validate_details, Completeness, DetailLimits};
    use crate::ports::HandIn;
    let services = session::services()?;
    let mut journey = session::load(&services).await?;
    if journey.submitted.is_some() {
        leptos_axum::redirect("/concern/confirmation");
        return Ok(());
    }
    let Some(handover) = handover_for(&services, &journey.answers) else {
        leptos_axum::redirect("/concern/check");
        return Ok(());
    };
    if let Some(open) = submit_path(&journey.answers, &handover)
        .into_iter()
        .find(|step| !is_done(&journey.answers, &handover, *step))
    {
        leptos_axum::redirect(&format!("/concern/{}", open.slug()));
        return Ok(());
    }
    let today = services.clock.today();
    let details = case_details(&journey.answers, &handover, |id| {
        services.organisations.get(id).map(|org| {
            (
                org.name.clone(),
                crate::domain::case::Sector::from_code(&org.sector),
            )
        })
    });
    // A helpline adviser completing the journey for a caller: by phone, email optional.
    let (channel, completeness) = match journey.assisted {
        Some(_) => (IntakeChannel::Phone, Completeness::Assisted),
        None => (IntakeChannel::Web, Completeness::Web),
    };
    let errors = validate_details(
        &details,
        &handover.required,
        handover.late,
        today,
        &DetailLimits::default(),
        completeness,
    );
    // A request about the regulator itself names no organisation and no harm (issue 19).
    let not_asked = crate::domain::assistant::not_asked_fields(handover.route);
    if errors.iter().any(|(field, _)| !not_asked.contains(&field)) {
        leptos_axum::redirect("/concern/submit?problem=answers");
        return Ok(());
    }
    let Some(outcome) = super::concern::outcome_for(&services, journey.answers.clone())
        .map_err(|error| ServerFnError::new(error.to_string()))?
        .outcome
    else {
        leptos_axum::redirect("/concern/check");
        return Ok(());
    };
    if journey.submission_key.is_none() {
        journey.submission_key = Some(format!("web:{}", session::random_hex()?));
        session::save(&services, &mut journey).await?;
    }
    let letter_to = details.customer.email.trim().is_empty().then(|| {
        (
            details.customer.name.clone(),
            details.customer.address.clone(),
        )
    });
    let picked = journey
        .answers
        .choice(Step::OrganisationMatch)
        .and_then(|id| services.organisations.get(id))
        .map(|organisation| organisation.name.clone());
    // The reference is known once the case is made: the email and the journey fill it in.
    let copy = crate::pages::concern::copy::concern_copy(
        &journey.answers,
        &handover,
        picked.as_deref(),
        "",
        today,
    );
    let hand_in = HandIn {
        idempotency_key: journey.submission_key.clone(),
        channel,
        created_on: today,
        concern: outcome.concern,
        assessment: outcome.assessment,
        details,
        answers: serde_json::to_value(&journey.answers)
            .map_err(|error| ServerFnError::new(error.to_string()))?,
        copy: Some(copy.clone()),
        case_kind: crate::domain::assistant::case_kind(&journey.answers),
        related_reference: crate::domain::assistant::related_reference(&journey.answers),
    };
    match services.intake.hand_in(hand_in).await {
        Ok(receipt) => {
            if let Some(assisted) = journey.assisted.as_mut() {
                assisted.letter_to = letter_to;
                let recorded = services
                    .helpline
                    .record_assisted(
                        &receipt.reference,
                        &assisted.adviser_id,
                        &assisted.consent_at,
                    )
                    .await;
                if let Err(error) = recorded {
                    leptos::logging::error!("recording the helpline's assistance failed: {error}");
                }
            }
            journey.sent_copy = Some(crate::domain::copy::SentCopy {
                reference: receipt.reference.clone(),
                ..copy
            });
            journey.submitted = Some(receipt);
            journey.answers = Default::default();
            journey.flash = None;
            session::save(&services, &mut journey).await?;
            leptos_axum::redirect("/concern/confirmation");
        }
        Err(error) => {
            tracing_error(&error);
            leptos_axum::redirect("/concern/submit?problem=service");
        }
    }
    Ok(())
}

#[cfg(feature = "ssr")]
fn tracing_error(error: &crate::ports::IntakeError) {
    leptos::logging::error!("handing a concern in failed: {error}");
}
