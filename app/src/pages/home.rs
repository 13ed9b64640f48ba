//! The service's start page.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::Layout;
use crate::i18n::t;

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <Title text=t("home.title")/>
        <Layout>
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <h1 class="govuk-heading-xl">{t("home.title")}</h1>
                    <p class="govuk-body">{t("home.intro")}</p>
                    <p class="govuk-body">{t("home.use_for")}</p>
                    <ul class="govuk-list govuk-list--bullet">
                        <li>{t("home.use.personal")}</li>
                        <li>{t("home.use.foi")}</li>
                        <li>{t("home.use.cctv")}</li>
                        <li>{t("home.use.credit")}</li>
                        <li>{t("home.use.marketing")}</li>
                    </ul>
                    <p class="govuk-body">{t("home.first")}</p>
                    <a href="/concern/about" role="button" draggable="false" class="govuk-button govuk-button--start">
                        {t("home.start")}
                        <svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
                            <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z"/>
                        </svg>
                    </a>
                    <h2 class="govuk-heading-m">{t("home.before_title")}</h2>
                    <p class="govuk-body">{t("home.before")}</p>
                    <h2 class="govuk-heading-m">{t("track.home.title")}</h2>
                    <p class="govuk-body">
                        <a class="govuk-link" href="/track">{t("track.link.footer")}</a>{" "}{t("track.home.body")}
                    </p>
                    <h2 class="govuk-heading-m">{t("home.organisations_title")}</h2>
                    <p class="govuk-body">
                        <a class="govuk-link" href="/report-breach">{t("home.organisations_breach")}</a>
                    </p>
                </div>
            </div>
        </Layout>
    }
}
