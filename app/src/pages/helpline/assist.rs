//! `/staff/helpline/assist`: start the concerns assistant for a caller on the phone (assisted
//! digital), once they consent.

use leptos::prelude::*;
use leptos_meta::Title;
use server_fn::ServerFn;

use super::fields::problem;
use crate::components::fields::{Choices, Field};
use crate::components::ErrorSummary;
use crate::i18n::t;
use crate::pages::staff::{page_title, staff_page, StaffLayout};
use crate::server_fns::helpline::{load_assist, AssistView, StartAssisted};

#[component]
pub fn AssistPage() -> impl IntoView {
    staff_page(load_assist(), "/staff/helpline/assist".to_owned(), |view| {
        page(view).into_any()
    })
}

fn page(view: AssistView) -> impl IntoView {
    let flash = &view.flash;
    let error = problem(flash, "consent");
    let errors = error
        .iter()
        .map(|message| ("consent".to_owned(), message.clone()))
        .collect();
    let title = page_title(&t("helpline.assist.title"), error.is_some());
    let consent = Field::new("consent", t("helpline.assist.legend"))
        .hint(Some(t("helpline.assist.hint")))
        .error(error)
        .choices(
            Choices::checkboxes(
                vec![("yes".to_owned(), t("helpline.assist.consent"))],
                Vec::new(),
            )
            .small(),
        );
    let name = Some(view.me.name.clone());
    let content = view! {
        <a href="/staff/helpline" class="govuk-back-link">{t("helpline.back_to_console")}</a>
        <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
            <ErrorSummary errors/>
            <h1 class="govuk-heading-l">{t("helpline.assist.title")}</h1>
            <p class="govuk-body">{t("helpline.assist.lede")}</p>
            <form method="post" action=StartAssisted::url() novalidate>
                {consent}
                <button type="submit" class="govuk-button" data-module="govuk-button">{t("helpline.assist.submit")}</button>
            </form>
        </div></div>
    }
    .into_any();
    view! {
        <Title text=title/>
        <StaffLayout name=name>{content}</StaffLayout>
    }
}
