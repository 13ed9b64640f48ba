//! Where the portal's reference data comes from, with the licences it is used under.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::Layout;
use crate::i18n::t;

#[component]
pub fn AboutDataPage() -> impl IntoView {
    let sources = [
        (
            "about_data.holidays",
            "about_data.holidays_licence",
            "https://www.gov.uk/bank-holidays",
        ),
        (
            "about_data.signposts",
            "about_data.signposts_licence",
            "https://www.edpb.europa.eu/about-edpb/about-edpb/members_en",
        ),
        (
            "about_data.eea_authorities",
            "about_data.eea_authorities_licence",
            "https://github.com/datenanfragen/data",
        ),
    ];
    view! {
        <Title text=t("about_data.title")/>
        <Layout>
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <h1 class="govuk-heading-l">{t("about_data.title")}</h1>
                    <p class="govuk-body">{t("about_data.intro")}</p>
                    {sources
                        .into_iter()
                        .map(|(what, licence, href)| {
                            view! {
                                <h2 class="govuk-heading-m">{t(what)}</h2>
                                <p class="govuk-body">{t(licence)}</p>
                                <p class="govuk-body"><a class="govuk-link" href=href>{href}</a></p>
                            }
                        })
                        .collect_view()}
                </div>
            </div>
        </Layout>
    }
}
