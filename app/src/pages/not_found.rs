//! The page shown for an address that does not exist.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::Layout;
use crate::i18n::t;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text=t("not_found.title")/>
        <Layout>
            <h1 class="govuk-heading-l">{t("not_found.title")}</h1>
            <p class="govuk-body">{t("not_found.body")}</p>
            <p class="govuk-body"><a class="govuk-link" href="/">{t("not_found.home")}</a></p>
        </Layout>
    }
}
