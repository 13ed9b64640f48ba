//! The concerns assistant's server functions.

use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::session;
#[cfg(feature = "ssr")]
use crate::domain::assistant::{
    checkbox_options, next_after, plan, submit_next_after, submit_path, validate_answer, Progress,
    Step,
};
use crate::domain::assistant::{Answers, Handover, Outcome, RawAnswer};
use crate::domain::signposts::Contact;
use crate::domain::submission::CaseReceipt;
#[cfg(feature = "ssr")]
use crate::ports::Flash;

/// What a question page needs: the answers so far, the rejected answer to show, and today.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JourneyView {
    pub answers: Answers,
    /// (step slug, what was typed, message key)
    pub flash: Option<(String, RawAnswer, String)>,
    pub today: NaiveDate,
    /// What handing the concern in asks, once the verdict is ready or late.
    pub handover: Option<Handover>,
    /// The case this journey became, once handed in.
    pub submitted: Option<CaseReceipt>,
    /// The name of the organisation picked from the directory, if one was.
    pub picked_organisation: Option<String>,
    /// A helpline adviser completes this journey for a caller (assisted digital).
    #[serde(default)]
    pub assisted: bool,
    /// Handed in without an email address: the caller's name and address for the printed
    /// acknowledgement letter.
    #[serde(default)]
    pub letter_to: Option<(String, Option<String>)>,
    /// The copy of the concern as handed in.
    #[serde(default)]
    pub sent_copy: Option<crate::domain::copy::SentCopy>,
    /// FOI/EIR: the timescales of what happens after the complaint (settings).
    #[serde(default)]
    pub foi_timescales: crate::domain::assistant::FoiTimescales,
}

/// What a verdict page needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutcomeView {
    pub outcome: Option<Outcome>,
    pub answers: Answers,
    /// Who can help instead, for not_for_us and report_instead.
    pub contacts: Vec<Contact>,
    pub today: NaiveDate,
    /// The service levels, for the clocks a request about us states (issue 19).
    #[serde(default)]
    pub case_settings: crate::domain::case::CaseSettings,
}

/// The journey for a question page, with the answer refused on it when this request asks for it
/// ([`refused`](super::refused)).
#[server(prefix = "/api/concern", endpoint = "journey")]
pub async fn load_journey() -> Result<JourneyView, ServerFnError> {
    let services = session::services()?;
    let journey = session::load(&services).await?;
    let flash = super::refused::shown(journey.flash.clone(), |flash| &flash.key);
    let handover = handover_for(&services, &journey.answers);
    let picked_organisation = journey
        .answers
        .choice(Step::OrganisationMatch)
        .and_then(|id| services.organisations.get(id))
        .map(|organisation| organisation.name.clone());
    Ok(JourneyView {
        picked_organisation,
        answers: journey.answers,
        flash: flash.map(|f| (f.step.slug().to_owned(), f.raw, f.error)),
        today: services.clock.today(),
        handover,
        submitted: journey.submitted,
        assisted: journey.assisted.is_some(),
        letter_to: journey.assisted.and_then(|assisted| assisted.letter_to),
        sent_copy: journey.sent_copy,
        foi_timescales: services.case_settings.foi_complaints.clone(),
    })
}

/// Records the answer to one question and goes to the next page; a rejected answer goes back
/// to its page with the message and what was typed.
#[server(prefix = "/api/concern", endpoint = "answer")]
pub async fn answer_question(
    step: String,
    change: Option<String>,
    value: Option<String>,
    day: Option<String>,
    month: Option<String>,
    year: Option<String>,
    values: Option<Vec<String>>,
) -> Result<(), ServerFnError> {
    let services = session::services()?;
    let Some(step) = Step::from_slug(&step) else {
        leptos_axum::redirect("/concern/about");
        return Ok(());
    };
    let changing = change.is_some_and(|c| c == "true");
    let mut journey = session::load(&services).await?;
    if journey.submitted.is_some() {
        // A concern was handed in on this journey: this answer starts a new one.
        journey = crate::ports::Journey::default();
    }
    let raw = RawAnswer {
        value,
        day,
        month,
        year,
        values: values.unwrap_or_default(),
    };
    let allowed: Vec<String> = checkbox_options(step, &journey.answers);
    let today = services.clock.today();
    let change_query = if changing { "?change=true" } else { "" };
    let handover = handover_for(&services, &journey.answers)
        .filter(|handover| submit_path(&journey.answers, handover).contains(&step));
    // A caller helped by the helpline need not have an email address (a letter acknowledges).
    let no_email = journey.assisted.is_some()
        && step == Step::Email
        && raw.value.as_deref().is_none_or(|v| v.trim().is_empty());
    let validated = match step {
        _ if no_email => Ok(crate::domain::assistant::Answer::Text(String::new())),
        Step::OrganisationMatch => validate_organisation_choice(&services, &raw),
        _ => validate_answer(step, &raw, &journey.answers, &allowed, today),
    };
    match validated {
        Ok(answer) => {
            journey.answers.set(step, answer);
            if step == Step::Organisation {
                let name = journey.answers.text(Step::Organisation).unwrap_or_default();
                let listed = services.organisations.listed_public_authority(name);
                journey.answers.set_listed_public_authority(listed);
            }
            journey.flash = None;
            if handover.is_some() && journey.submission_key.is_none() {
                journey.submission_key = Some(format!("web:{}", session::random_hex()?));
            }
            session::save(&services, &mut journey).await?;
            let target = match &handover {
                Some(handover) => {
                    match submit_next_after(&journey.answers, handover, step, changing) {
                        Progress::Ask(next) => format!("/concern/{}{change_query}", next.slug()),
                        Progress::Complete => "/concern/submit".to_owned(),
                    }
                }
                None => match next_after(&journey.answers, step, changing) {
                    Progress::Ask(next) => format!("/concern/{}{change_query}", next.slug()),
                    Progress::Complete => "/concern/check".to_owned(),
                },
            };
            leptos_axum::redirect(&target);
        }
        Err(error) => {
            journey.flash = Some(Flash {
                key: String::new(),
                step,
                raw,
                error,
            });
            session::save(&services, &mut journey).await?;
            leptos_axum::redirect(&format!("/concern/{}{change_query}", step.slug()));
        }
    }
    Ok(())
}

/// What handing the concern in asks, when the answers' verdict lets it be handed in.
#[cfg(feature = "ssr")]
pub fn handover_for(services: &crate::ports::Services, answers: &Answers) -> Option<Handover> {
    outcome_for(services, answers.clone())
        .ok()
        .and_then(|view| view.outcome)
        .and_then(|outcome| outcome.handover())
}

/// The organisation picked from the directory (its id), or "none".
#[cfg(feature = "ssr")]
fn validate_organisation_choice(
    services: &crate::ports::Services,
    raw: &RawAnswer,
) -> Result<crate::domain::assistant::Answer, String> {
    let value = raw.value.as_deref().map(str::trim).unwrap_or_default();
    if value == "none" || services.organisations.get(value).is_some() {
        Ok(crate::domain::assistant::Answer::Choice(value.to_owned()))
    } else {
        Err("error.organisation-match.required".to_owned())
    }
}

/// "Check your answers" confirmed: work out the verdict and show its page.
#[server(prefix = "/api/concern", endpoint = "confirm")]
pub async fn confirm_answers() -> Result<(), ServerFnError> {
    let view = load_outcome().await?;
    let target = match view.outcome {
        Some(outcome) => {
            // A concern for another body is counted (route and reason only), once per journey.
            if let (Some(found), Some(id)) = (
                crate::domain::assistant::out_of_remit(&outcome),
                session::journey_id(),
            ) {
                let services = session::services()?;
                services
                    .journeys
                    .record_out_of_remit(&id, view.today, &found)
                    .await
                    .map_err(|error| ServerFnError::new(error.to_string()))?;
            }
            format!("/concern/result/{}", verdict_slug(outcome.verdict()))
        }
        None => "/concern/about".to_owned(),
    };
    leptos_axum::redirect(&target);
    Ok(())
}

/// Forgets every answer and starts again.
#[server(prefix = "/api/concern", endpoint = "restart")]
pub async fn start_again() -> Result<(), ServerFnError> {
    let services = session::services()?;
    session::clear(&services).await?;
    leptos_axum::redirect("/concern/about");
    Ok(())
}

/// The outcome of the answers given so far.
#[server(prefix = "/api/concern", endpoint = "outcome")]
pub async fn load_outcome() -> Result<OutcomeView, ServerFnError> {
    let services = session::services()?;
    let journey = session::load(&services).await?;
    outcome_for(&services, journey.answers).map_err(|error| ServerFnError::new(error.to_string()))
}

/// The outcome of `answers` today, with who can help instead.
#[cfg(feature = "ssr")]
pub fn outcome_for(
    services: &crate::ports::Services,
    answers: Answers,
) -> Result<OutcomeView, crate::domain::readiness::AssessError> {
    let today = services.clock.today();
    let outcome = plan(
        &answers,
        today,
        services.clock.now(),
        &services.calendar,
        &services.settings,
    )?;
    let contacts = outcome
        .as_ref()
        .map(|outcome| contacts_for(outcome, &services.signposts))
        .unwrap_or_default();
    Ok(OutcomeView {
        outcome,
        answers,
        contacts,
        today,
        case_settings: (*services.case_settings).clone(),
    })
}

#[cfg(feature = "ssr")]
fn contacts_for(
    outcome: &Outcome,
    directory: &crate::domain::signposts::Signposts,
) -> Vec<Contact> {
    use crate::domain::readiness::{Channel, Reason, Signpost};
    let mut codes: Vec<&str> = Vec::new();
    // The organisation's own country's authority, where the directory has it.
    let mut contacts: Vec<Contact> = Vec::new();
    match outcome.assessment.signpost {
        Some(Signpost::EeaDataProtectionAuthority) => {
            match directory.eea_authority(&outcome.concern.organisation.country) {
                Some(authority) => contacts.push(authority),
                None => codes.push(Signpost::EeaDataProtectionAuthority.code()),
            }
        }
        Some(signpost) => codes.push(signpost.code()),
        None => {}
    }
    for reason in &outcome.assessment.reasons {
        match reason {
            Reason::OrganisationOutsideEea => codes.push("outside_uk_and_eea"),
            Reason::NotPublicAuthority => codes.push("not_public_authority"),
            _ => {}
        }
    }
    match outcome.concern.channel {
        Some(Channel::Sms) => codes.push("text_7726"),
        Some(Channel::LiveCall) => codes.push("telephone_preference_service"),
        _ => {}
    }
    contacts.extend(
        codes
            .into_iter()
            .filter_map(|code| directory.find(code).cloned()),
    );
    contacts
}

/// The path segment of each verdict's page.
pub fn verdict_slug(verdict: crate::domain::readiness::Verdict) -> &'static str {
    use crate::domain::readiness::Verdict;
    match verdict {
        Verdict::Ready => "ready",
        Verdict::Late => "late",
        Verdict::NotYet => "not-yet",
        Verdict::ReportInstead => "report-instead",
        Verdict::NotForUs => "not-for-us",
    }
}
