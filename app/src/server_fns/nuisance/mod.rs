//! The nuisance calls and messages reporting journey's server functions: thin adapters over
//! [`flow`] (the rules between pages) and the nuisance reports store. Every post answers with a
//! redirect, so a plain `<form>` works without JavaScript.

#[cfg(feature = "ssr")]
mod details;
#[cfg(feature = "ssr")]
pub mod flow;
#[cfg(all(test, feature = "ssr"))]
mod flow_tests;
pub mod pages;
mod state;
#[cfg(feature = "ssr")]
mod submit;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

pub use answer_fn::{answer_nuisance, AnswerNuisance};
pub use pages::{field_id, question_of_field, At, Page, BASE};
pub use state::{NuisanceJourney, PageFlash, SentCount, SentReport};
pub use submit_fns::{ForgetDetails, RemoveIncident, SubmitReport};

#[cfg(feature = "ssr")]
use super::session;
#[cfg(feature = "ssr")]
use crate::domain::nuisance::triage;
use crate::domain::nuisance::{Channel, IncidentForm, NuisanceSettings, TriageFacts};
use crate::domain::signposts::Contact;

/// What the journey's pages need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NuisanceView {
    /// The journey, its flash taken (shown once).
    pub journey: NuisanceJourney,
    pub settings: NuisanceSettings,
    /// Who else to tell about the call or message being answered (it is still recorded).
    pub signposts: Vec<Contact>,
    /// Ofcom, for silent calls.
    pub ofcom: Option<Contact>,
    /// The contact of each piece of advice on the confirmation page, by advice code.
    pub advice_contacts: Vec<(String, Contact)>,
}

/// The triage facts of the answers given so far.
pub fn facts(form: &IncidentForm) -> TriageFacts {
    TriageFacts::from_answers(
        Channel::from_code(form.channel.trim()),
        &form.silent_or_abandoned,
        &form.scam,
        &[&form.sender, &form.advertised_number, &form.message_text],
    )
}

/// The journey for a page, with the page refused when this request asks for it
/// ([`refused`](super::refused)).
#[server(prefix = "/api/nuisance", endpoint = "journey")]
pub async fn load_nuisance() -> Result<NuisanceView, ServerFnError> {
    let services = session::services()?;
    let journey = session::load(&services).await?;
    let mut state = journey.nuisance;
    state.flash = super::refused::shown(state.flash.take(), |flash| &flash.key);
    // The key stays on the server: the page has no use for it.
    state.idempotency_key = None;
    let directory = &services.signposts;
    let signposts = state
        .current
        .as_ref()
        .map(|form| triage(&facts(form)))
        .filter(|triage| triage.record)
        .map(|triage| triage.contacts(directory))
        .unwrap_or_default();
    let advice_contacts = state
        .sent
        .iter()
        .flat_map(|sent| sent.advice.iter())
        .filter_map(|advice| {
            let contact = directory.find(advice.contact_code()?)?;
            Some((advice.code().to_owned(), contact.clone()))
        })
        .collect();
    Ok(NuisanceView {
        journey: state,
        settings: (*services.nuisance_settings).clone(),
        signposts,
        ofcom: directory.find("ofcom").cloned(),
        advice_contacts,
    })
}

/// The query of a page changed from a check page: `change=true`, `incident=<index>`.
pub fn at_from(change: Option<&str>, incident: Option<&str>) -> At {
    At {
        change: change.is_some_and(|c| c == "true"),
        incident: incident.and_then(|i| i.trim().parse().ok()),
    }
}

/// Gives the report its idempotency key once it has a call or message to send.
#[cfg(feature = "ssr")]
pub fn ensure_key(state: &mut NuisanceJourney) -> Result<(), ServerFnError> {
    if state.idempotency_key.is_none() && !state.incidents.is_empty() {
        state.idempotency_key = Some(format!("web:{}", session::random_hex()?));
    }
    Ok(())
}

mod submit_fns {
    use leptos::prelude::*;

    /// Removes one saved call or message from the report.
    #[server(prefix = "/api/nuisance", endpoint = "remove")]
    pub async fn remove_incident(index: usize) -> Result<(), ServerFnError> {
        super::submit::remove_incident(index).await
    }

    /// Sends the report: checked again as a whole, stored once however often it is sent.
    #[server(prefix = "/api/nuisance", endpoint = "submit")]
    pub async fn submit_report() -> Result<(), ServerFnError> {
        super::submit::submit_report().await
    }

    /// Forgets the name, email address and postcode remembered on this device.
    #[server(prefix = "/api/nuisance", endpoint = "forget-details")]
    pub async fn forget_details(back: Option<String>) -> Result<(), ServerFnError> {
        super::submit::forget_details(back).await
    }
}

/// The one endpoint every question page posts to (its arguments are the forms' fields).
#[allow(clippy::too_many_arguments)]
mod answer_fn {
    use leptos::prelude::*;

    #[cfg(feature = "ssr")]
    use super::{at_from, ensure_key, flow, session, Page, BASE};

    /// Records the answer to one page and goes to the next; a rejected answer goes back to its page
    /// with the problems and what was typed.
    #[server(prefix = "/api/nuisance", endpoint = "answer")]
    pub async fn answer_nuisance(
        page: String,
        change: Option<String>,
        incident: Option<String>,
        value: Option<String>,
        values: Option<Vec<String>>,
        day: Option<String>,
        month: Option<String>,
        year: Option<String>,
        hour: Option<String>,
        minute: Option<String>,
        sender_unknown: Option<String>,
        category_other: Option<String>,
        email_source: Option<String>,
        name: Option<String>,
        email: Option<String>,
        postcode: Option<String>,
        remember: Option<String>,
    ) -> Result<(), ServerFnError> {
        use crate::domain::nuisance::ReporterForm;
        let services = session::services()?;
        let Some(page) = Page::from_slug(&page) else {
            leptos_axum::redirect(BASE);
            return Ok(());
        };
        let at = at_from(change.as_deref(), incident.as_deref());
        let posted = flow::Posted {
            value: value.unwrap_or_default(),
            values: values.unwrap_or_default(),
            day: day.unwrap_or_default(),
            month: month.unwrap_or_default(),
            year: year.unwrap_or_default(),
            hour: hour.unwrap_or_default(),
            minute: minute.unwrap_or_default(),
            sender_unknown: sender_unknown.unwrap_or_default(),
            category_other: category_other.unwrap_or_default(),
            email_source: email_source.unwrap_or_default(),
            upload_error: None,
            reporter: ReporterForm {
                name: name.unwrap_or_default(),
                email: email.unwrap_or_default(),
                postcode: postcode.unwrap_or_default(),
            },
            remember: remember.is_some_and(|remember| remember == "yes"),
        };
        let mut journey = session::load(&services).await?;
        let now = services.clock.now().naive_local();
        let target = flow::answer(
            &mut journey.nuisance,
            page,
            at,
            posted,
            now,
            &services.nuisance_settings,
        );
        ensure_key(&mut journey.nuisance)?;
        session::save(&services, &mut journey).await?;
        leptos_axum::redirect(&target);
        Ok(())
    }
}
