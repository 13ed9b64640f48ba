//! Save and come back later: `/report-breach/report/save` asks where to email the link,
//! `/report-breach/report/saved` says it was sent, `/report-breach/resume/:token` opens the
//! draft when its button is pressed (a link alone does nothing, so an email scanner that
//! follows links cannot use it up), `/report-breach/link-not-found` explains a link that opens
//! nothing. `/report-breach/problem`: something failed on our side.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use server_fn::ServerFn;

use super::clock::clock_banner;
use super::{frame, with_draft, TASKS};
use crate::components::fields::{Field, Input, Size};
use crate::domain::breach::BreachDraft;
use crate::i18n::{fill, t};
use crate::server_fns::breach::{BreachView, ResumeBreachReport, SaveBreachReport};

#[component]
pub fn SavePage() -> impl IntoView {
    with_draft(save)
}

fn save(view: BreachView, draft: BreachDraft) -> AnyView {
    let refused = draft
        .refused
        .clone()
        .filter(|refused| refused.part == "save");
    let value = refused
        .as_ref()
        .and_then(|refused| refused.form["email"].as_str().map(str::to_owned))
        .or_else(|| draft.link_sent_to.clone())
        .or_else(|| draft.report.contact.as_ref().map(|c| c.email.clone()))
        .unwrap_or_default();
    let error = refused.and_then(|refused| refused.errors.first().map(|(_, key)| t(key)));
    let summary: Vec<(String, String)> = error
        .iter()
        .map(|message| ("email".to_owned(), message.clone()))
        .collect();
    let title = t("breach.report.save.title");
    let days = view.settings.draft_days.to_string();
    let email = Field::new("email", title.clone())
        .size(Size::Page)
        .hint(Some(fill(
            &t("breach.report.save.hint"),
            &[("days", &days)],
        )))
        .error(error)
        .input(Input::new(value).kind("email").autocomplete("email"));
    frame(
        title.clone(),
        Some(TASKS.to_owned()),
        summary,
        view! {
            {clock_banner(&view)}
            <form method="post" action=SaveBreachReport::url() novalidate>
                {email}
                <button type="submit" class="govuk-button" data-module="govuk-button">{t("breach.report.save.send")}</button>
            </form>
        }
        .into_any(),
    )
}

#[component]
pub fn SavedPage() -> impl IntoView {
    with_draft(saved)
}

fn saved(view: BreachView, draft: BreachDraft) -> AnyView {
    let title = t("breach.report.saved.title");
    let to = draft.link_sent_to.unwrap_or_default();
    let days = view.settings.draft_days.to_string();
    frame(
        title.clone(),
        None,
        Vec::new(),
        view! {
            <h1 class="govuk-heading-l">{title}</h1>
            <p class="govuk-body" data-testid="sent-to">{fill(&t("breach.report.saved.body"), &[("email", &to)])}</p>
            <p class="govuk-body">{fill(&t("breach.report.saved.expiry"), &[("days", &days)])}</p>
            {clock_banner(&view)}
            <p class="govuk-body"><a class="govuk-link" href=TASKS>{t("breach.report.saved.continue")}</a></p>
        }
        .into_any(),
    )
}

#[component]
pub fn ResumePage() -> impl IntoView {
    let token = use_params_map()
        .read_untracked()
        .get("token")
        .unwrap_or_default();
    let title = t("breach.report.resume.title");
    frame(
        title.clone(),
        None,
        Vec::new(),
        view! {
            <h1 class="govuk-heading-l">{title}</h1>
            <p class="govuk-body">{t("breach.report.resume.body")}</p>
            <form method="post" action=ResumeBreachReport::url() novalidate>
                <input type="hidden" name="token" value=token/>
                <button type="submit" class="govuk-button" data-module="govuk-button">{t("breach.report.resume.button")}</button>
            </form>
        }
        .into_any(),
    )
}

#[component]
pub fn LinkNotFoundPage() -> impl IntoView {
    let title = t("breach.report.link.title");
    frame(
        title.clone(),
        None,
        Vec::new(),
        view! {
            <h1 class="govuk-heading-l">{title}</h1>
            <p class="govuk-body">{t("breach.report.link.body")}</p>
            <p class="govuk-body">{t("breach.report.link.again")}</p>
            <p class="govuk-body"><a class="govuk-link" href="/report-breach">{t("breach.report.link.start")}</a></p>
        }
        .into_any(),
    )
}

#[component]
pub fn ProblemPage() -> impl IntoView {
    view! { <crate::pages::concern::question::ServiceProblem/> }
}
