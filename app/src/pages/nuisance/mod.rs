//! The nuisance calls and messages reporting journey (manual §9): a start page, then one
//! question per page for each call or message, check it, add another, your details, check the
//! whole report, send, and the confirmation with how often each number was reported. Every form
//! is a real post answered by a redirect, so the journey works without JavaScript.

mod check;
mod details;
mod done;
mod question;
pub mod start;
mod wording;

use crate::components::{path_param, query_param};
use crate::pages::concern::question::journey_page;
use leptos::prelude::*;

use crate::components::page_frame as frame;
use crate::domain::signposts::Contact;
use crate::i18n::{fill, t};
use crate::pages::not_found::NotFound;
use crate::server_fns::nuisance::{
    at_from, field_id, load_nuisance, At, NuisanceView, Page, PageFlash,
};

/// Every page after the start page: `/report-nuisance/:page`.
#[component]
pub fn NuisancePage() -> impl IntoView {
    let Some(page) = Page::from_slug(&path_param("page")) else {
        return view! { <NotFound/> }.into_any();
    };
    let at = at_from(
        query_param("change").as_deref(),
        query_param("incident").as_deref(),
    );
    // `?forgotten=true` on the confirmation: the remembered details were just forgotten.
    let problem = query_param("problem").or_else(|| {
        query_param("forgotten")
            .filter(|_| page == Page::Confirmation)
            .map(|_| "forgotten".to_owned())
    });
    journey_page(load_nuisance(), move |view| render(page, at, problem, view)).into_any()
}

fn render(page: Page, at: At, problem: Option<String>, view: NuisanceView) -> AnyView {
    match page {
        Page::Channel => question::channel_page(at, view),
        Page::Question(question) => question::question_page(question, at, view),
        Page::CheckIncident => check::check_incident(view),
        Page::Another => details::another(view),
        Page::YourDetails => details::your_details(at, view),
        Page::Check => check::check_report(problem, view),
        Page::Confirmation => done::confirmation(view, problem.as_deref() == Some("forgotten")),
        Page::SilentCall => done::silent_call(view),
    }
}

/// The flash for this page (and this saved call or message), if the last answer was rejected.
fn flash_for(view: &NuisanceView, page: Page, at: At) -> Option<PageFlash> {
    view.journey
        .flash
        .clone()
        .filter(|flash| flash.page == page.slug() && flash.incident == at.incident)
}

/// The problems of a flash as the error summary shows them: (element id, message).
fn summary(flash: &Option<PageFlash>) -> Vec<(String, String)> {
    flash
        .iter()
        .flat_map(|flash| flash.errors.iter())
        .map(|(field, key)| (field_id(field), t(key)))
        .collect()
}

/// The message for `field` (or one of its parts, `when.day`), if it has a problem.
fn error_for(flash: &Option<PageFlash>, fields: &[&str]) -> Option<String> {
    flash.as_ref().and_then(|flash| {
        flash
            .errors
            .iter()
            .find(|(field, _)| fields.contains(&field.as_str()))
            .map(|(_, key)| t(key))
    })
}

/// The hidden fields every answer form carries.
fn hidden(page: Page, at: At) -> impl IntoView {
    view! {
        <input type="hidden" name="page" value=page.slug()/>
        {at.change.then(|| view! { <input type="hidden" name="change" value="true"/> })}
        {at.incident.map(|index| view! { <input type="hidden" name="incident" value=index.to_string()/> })}
    }
}

/// Who else can help: name, what they deal with, website and phone.
fn contact(contact: Contact, heading_level: u8) -> impl IntoView {
    let contact = contact.in_language(crate::i18n::current_lang());
    let name = if heading_level == 2 {
        view! { <h2 class="govuk-heading-m">{contact.name}</h2> }.into_any()
    } else {
        view! { <h3 class="govuk-heading-s">{contact.name}</h3> }.into_any()
    };
    view! {
        <div class="app-contact">
            {name}
            <p class="govuk-body">{contact.helps_with}</p>
            {contact.how.map(|how| view! { <p class="govuk-body">{how}</p> })}
            <ul class="govuk-list">
                <li><a class="govuk-link" href=contact.website.clone() rel="noreferrer noopener">{contact.website.clone()}</a></li>
                {contact.phone.map(|phone| view! { <li>{fill(&t("nuisance.contact.phone"), &[("phone", &phone)])}</li> })}
            </ul>
        </div>
    }
}

/// The inset naming the other bodies to tell (Action Fraud, the premium-rate regulator): the
/// report goes on.
fn signposts(contacts: Vec<Contact>) -> impl IntoView {
    (!contacts.is_empty()).then(|| {
        view! {
            <div class="govuk-inset-text" data-testid="signposts">
                <h2 class="govuk-heading-s">{t("nuisance.signposts.title")}</h2>
                {contacts.into_iter().map(|c| contact(c, 3)).collect_view()}
            </div>
        }
    })
}
