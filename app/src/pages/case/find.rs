//! `/staff/cases`: find a case by its reference (a mistyped reference is caught by its check
//! character, with what was probably meant), and close several cases at once.

use leptos::prelude::*;
use leptos_meta::Title;
use server_fn::ServerFn;

use super::fields::{problem, typed};
use super::{error_summary, has_errors};
use crate::components::fields::{Field, Input};
use crate::i18n::t;
use crate::pages::staff::{page_title, staff_page, StaffLayout};
use crate::server_fns::case::{case_href, load_simple, FindCase, SimplePageView};

#[component]
pub fn FindCasePage() -> impl IntoView {
    staff_page(
        load_simple("find".to_owned()),
        "/staff/cases".to_owned(),
        |view| page(view).into_any(),
    )
}

/// The find-a-case form (also on the staff home page).
pub fn find_form(flash: &Option<crate::server_fns::staff::FormFlash>) -> impl IntoView {
    let suggestions = flash
        .as_ref()
        .map(|flash| flash.values_of("suggestion"))
        .unwrap_or_default();
    view! {
        <form method="post" action=FindCase::url()>
            {Field::new("reference", t("case.find.label"))
                .hint(Some(t("case.find.hint")))
                .error(problem(flash, "reference"))
                .input(Input::new(typed(flash, "reference", "")))}
            {(!suggestions.is_empty()).then(|| view! {
                <p class="govuk-body">{t("case.find.did_you_mean")}</p>
                <ul class="govuk-list">
                    {suggestions.into_iter().map(|reference| view! {
                        <li><a class="govuk-link" href=case_href(&reference)>{reference.clone()}</a></li>
                    }).collect_view()}
                </ul>
            })}
            <button type="submit" class="govuk-button" data-module="govuk-button">{t("case.find.submit")}</button>
        </form>
    }
}

fn page(view: SimplePageView) -> impl IntoView {
    let flash = &view.flash;
    let title = page_title(&t("case.find.title"), has_errors(flash));
    let name = Some(view.me.name.clone());
    let content = view! {
            <a href="/staff" class="govuk-back-link">{t("common.back")}</a>
            <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
                {error_summary(flash)}
                <h1 class="govuk-heading-l">{t("case.find.title")}</h1>
                {find_form(flash)}
                <h2 class="govuk-heading-m">{t("case.several.title")}</h2>
                <p class="govuk-body"><a class="govuk-link" href="/staff/cases/close-several">{t("case.several.link")}</a></p>
            </div></div>
    }
    .into_any();
    view! {
        <Title text=title/>
        <StaffLayout name=name>{content}</StaffLayout>
    }
}
