//! `/staff/helpline/assist`: start the concerns assistant for a caller on the phone (assisted
//! digital), once they consent.

use leptos::prelude::*;
use leptos_meta::Title;
use server_fn::ServerFn;

use super::fields::problem;
use crate::components::{ErrorMessage, ErrorSummary};
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
    let group = if error.is_some() {
        "govuk-form-group govuk-form-group--error"
    } else {
        "govuk-form-group"
    };
    let described = if error.is_some() {
        "consent-hint consent-error"
    } else {
        "consent-hint"
    };
    let name = Some(view.me.name.clone());
    let content = view! {
        <a href="/staff/helpline" class="govuk-back-link">{t("helpline.back_to_console")}</a>
        <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
            <ErrorSummary errors/>
            <h1 class="govuk-heading-l">{t("helpline.assist.title")}</h1>
            <p class="govuk-body">{t("helpline.assist.lede")}</p>
            <form method="post" action=StartAssisted::url() novalidate>
                <div class=group>
                    <fieldset class="govuk-fieldset" aria-describedby=described>
                        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t("helpline.assist.legend")}</legend>
                        <div id="consent-hint" class="govuk-hint">{t("helpline.assist.hint")}</div>
                        <ErrorMessage id="consent".to_owned() message=error.clone()/>
                        <div class="govuk-checkboxes govuk-checkboxes--small">
                            <div class="govuk-checkboxes__item">
                                <input class="govuk-checkboxes__input" id="consent" name="consent" type="checkbox" value="yes"/>
                                <label class="govuk-label govuk-checkboxes__label" for="consent">{t("helpline.assist.consent")}</label>
                            </div>
                        </div>
                    </fieldset>
                </div>
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
