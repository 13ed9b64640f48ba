//! The start page: what the service is for, what you need, and the Start button.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::Layout;
use crate::i18n::t;
use crate::server_fns::nuisance::Page;

#[component]
pub fn StartPage() -> impl IntoView {
    view! {
        <Title text=t("nuisance.title")/>
        <Layout>
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <h1 class="govuk-heading-xl">{t("nuisance.title")}</h1>
                    <p class="govuk-body">{t("nuisance.start.intro")}</p>
                    <p class="govuk-body">{t("nuisance.start.for")}</p>
                    <ul class="govuk-list govuk-list--bullet">
                        <li>{t("nuisance.start.for.text")}</li>
                        <li>{t("nuisance.start.for.calls")}</li>
                        <li>{t("nuisance.start.for.email")}</li>
                        <li>{t("nuisance.start.for.fax")}</li>
                    </ul>
                    <h2 class="govuk-heading-m">{t("nuisance.start.need_title")}</h2>
                    <p class="govuk-body">{t("nuisance.start.need")}</p>
                    <div class="govuk-inset-text">
                        <p class="govuk-body">{t("nuisance.start.silent")}</p>
                        <p class="govuk-body">{t("nuisance.start.scam")}</p>
                    </div>
                    <a href=Page::Channel.href() role="button" draggable="false" class="govuk-button govuk-button--start">
                        {t("nuisance.start.button")}
                        <svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
                            <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"/>
                        </svg>
                    </a>
                </div>
            </div>
        </Layout>
    }
}
