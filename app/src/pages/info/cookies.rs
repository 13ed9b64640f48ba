//! `/cookies`: every cookie the portal sets, what it is for and when it expires.

use leptos::prelude::*;
use leptos_meta::Title;

use super::content::{section, text_blocks};
use crate::components::Layout;
use crate::i18n::t;

/// The cookies the portal sets, by base name (`app/src/server_fns/cookie.rs` names them; a unit
/// test checks this list against the names the code uses). All are strictly necessary.
pub const COOKIES: [&str; 6] = [
    "journey",
    "refused",
    "breach_draft",
    "track_session",
    "lang",
    "portal_staff",
];

#[component]
pub fn CookiesPage() -> impl IntoView {
    let rows = COOKIES
        .iter()
        .map(|name| {
            view! {
                <tr class="govuk-table__row">
                    <th scope="row" class="govuk-table__header"><code>{*name}</code></th>
                    <td class="govuk-table__cell">{t(&format!("info.cookies.{name}.purpose"))}</td>
                    <td class="govuk-table__cell">{t(&format!("info.cookies.{name}.expires"))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Title text=t("info.cookies.title")/>
        <Layout>
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <h1 class="govuk-heading-l">{t("info.cookies.title")}</h1>
                    {text_blocks(&t("info.cookies.intro"))}
                    <table class="govuk-table app-table--wrap" data-testid="cookies">
                        <caption class="govuk-table__caption govuk-table__caption--m">{t("info.cookies.table.caption")}</caption>
                        <thead class="govuk-table__head">
                            <tr class="govuk-table__row">
                                <th scope="col" class="govuk-table__header">{t("info.cookies.table.name")}</th>
                                <th scope="col" class="govuk-table__header">{t("info.cookies.table.purpose")}</th>
                                <th scope="col" class="govuk-table__header">{t("info.cookies.table.expires")}</th>
                            </tr>
                        </thead>
                        <tbody class="govuk-table__body">{rows}</tbody>
                    </table>
                    {section("info.cookies.necessary", None)}
                </div>
            </div>
        </Layout>
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    /// The page lists exactly the cookies the code sets.
    #[test]
    fn the_page_lists_every_cookie_the_portal_sets() {
        let set = [
            crate::server_fns::session::COOKIE_NAME,
            crate::server_fns::refused::COOKIE,
            crate::server_fns::breach::DRAFT_COOKIE,
            crate::server_fns::tracking::SESSION_COOKIE,
            crate::i18n::LANG_COOKIE,
            crate::server_fns::staff::SESSION_COOKIE,
        ];
        assert_eq!(COOKIES, set);
    }
}
