//! "Do you want to report another call or message?" and "Your details".

use leptos::prelude::*;
use leptos_router::components::Redirect;
use server_fn::ServerFn;

use super::{error_for, flash_for, frame, hidden, summary};
use crate::components::fields::{single_checkbox, Field, Input};
use crate::components::Radios;
use crate::i18n::{fill, t};
use crate::server_fns::nuisance::{AnswerNuisance, At, ForgetDetails, NuisanceView, Page};

pub fn another(view: NuisanceView) -> AnyView {
    let page = Page::Another;
    let state = &view.journey;
    if state.incidents.is_empty() {
        return view! { <Redirect path=Page::Channel.href()/> }.into_any();
    }
    let flash = flash_for(&view, page, At::default());
    let errors = summary(&flash);
    let error = error_for(&flash, &["another"]);
    let max = view.settings.max_incidents.to_string();
    let count = state.incidents.len().to_string();
    let title = t("nuisance.another.title");
    let full = state.incidents.len() >= view.settings.max_incidents;
    let control = if full {
        view! {
            <h1 class="govuk-heading-l">{title.clone()}</h1>
            <p class="govuk-body">{fill(&t("nuisance.another.full"), &[("max", &max)])}</p>
        }
        .into_any()
    } else {
        let hint = Some(fill(
            &t("nuisance.another.hint"),
            &[("max", &max), ("n", &count)],
        ));
        let options = vec![
            ("yes".to_owned(), t("nuisance.answer.yes")),
            ("no".to_owned(), t("nuisance.answer.no")),
        ];
        view! { <Radios id="another".to_owned() heading=title.clone() hint options selected=None error/> }.into_any()
    };
    let body = view! {
        <form method="post" action=AnswerNuisance::url() novalidate>
            {hidden(page, At::default())}
            {control}
            <button type="submit" class="govuk-button">{t("common.continue")}</button>
        </form>
    };
    frame(title, Some(Page::Check.href()), errors, body.into_any())
}

pub fn your_details(at: At, view: NuisanceView) -> AnyView {
    let page = Page::YourDetails;
    let state = &view.journey;
    if state.incidents.is_empty() {
        return view! { <Redirect path=Page::Channel.href()/> }.into_any();
    }
    let flash = flash_for(&view, page, At::default());
    let errors = summary(&flash);
    let reporter = flash
        .as_ref()
        .map(|flash| flash.reporter.clone())
        .unwrap_or_else(|| state.reporter.clone());
    let prefilled = flash.is_none()
        && !state.reporter_done
        && !(reporter.name.is_empty() && reporter.email.is_empty() && reporter.postcode.is_empty());
    let remembered = state.remember
        && !(state.reporter.name.is_empty()
            && state.reporter.email.is_empty()
            && state.reporter.postcode.is_empty());
    let title = t("nuisance.details.title");
    let back = if at.change {
        Page::Check.href()
    } else {
        Page::Another.href()
    };
    let body = view! {
        <h1 class="govuk-heading-l">{title.clone()}</h1>
        <p class="govuk-body">{t("nuisance.details.why")}</p>
        {prefilled.then(|| view! { <p class="govuk-body">{t("nuisance.details.kept")}</p> })}
        {remembered.then(|| view! {
            <form method="post" action=ForgetDetails::url() class="govuk-!-margin-bottom-6">
                <input type="hidden" name="back" value="details"/>
                <button type="submit" class="app-link-button app-target" data-testid="forget-details">
                    {t("nuisance.details.forget")}
                </button>
            </form>
        })}
        <form method="post" action=AnswerNuisance::url() novalidate>
            {hidden(page, At { change: at.change, incident: None })}
            {Field::new("name", t("nuisance.details.name"))
                .error(error_for(&flash, &["name"]))
                .input(Input::new(reporter.name).autocomplete("name"))}
            {Field::new("email", t("nuisance.details.email"))
                .error(error_for(&flash, &["email"]))
                .input(Input::new(reporter.email).kind("email").autocomplete("email"))}
            {Field::new("postcode", t("nuisance.details.postcode"))
                .hint(Some(t("nuisance.details.postcode_why")))
                .error(error_for(&flash, &["postcode"]))
                .input(Input::new(reporter.postcode).width("govuk-input--width-10").autocomplete("postal-code"))}
            <h2 class="govuk-heading-s">{t("nuisance.details.remember_title")}</h2>
            <p class="govuk-body">{t("nuisance.details.remember_hint")}</p>
            {single_checkbox("remember", t("nuisance.details.remember"), state.remember)}
            <button type="submit" class="govuk-button">{t("common.continue")}</button>
        </form>
    };
    frame(title, Some(back), errors, body.into_any())
}
