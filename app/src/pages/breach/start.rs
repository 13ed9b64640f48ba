//! `/report-breach`: who must report a breach, by when, and the way in (the self-assessment).

use leptos::prelude::*;
use leptos_meta::Title;

use super::BASE;
use crate::components::Layout;
use crate::i18n::t;

#[component]
pub fn BreachStartPage() -> impl IntoView {
    view! {
        <Title text=t("breach.title")/>
        <Layout>
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <h1 class="govuk-heading-xl">{t("breach.title")}</h1>
                    <p class="govuk-body">{t("breach.start.intro")}</p>
                    <p class="govuk-body">{t("breach.start.deadline")}</p>
                    <div class="govuk-inset-text">{t("breach.start.no_personal_data")}</div>
                    <h2 class="govuk-heading-m">{t("breach.start.check_title")}</h2>
                    <p class="govuk-body">{t("breach.start.check")}</p>
                    <a href=format!("{BASE}/assess") role="button" draggable="false" class="govuk-button govuk-button--start">
                        {t("breach.start.button")}
                        <svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
                            <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"/>
                        </svg>
                    </a>
                </div>
            </div>
        </Layout>
    }
}
