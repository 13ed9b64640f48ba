//! The staff pages' frame: a header saying "Staff", with who is signed in and a sign-out button.

use leptos::prelude::*;

use crate::i18n::t;

/// The sign-out form's target (`SignOut`, a public path so an ended session can still sign out).
const SIGN_OUT: &str = "/staff/api/sign-out";

/// Every staff page's frame. `name`: who is signed in (shows the sign-out button).
#[component]
pub fn StaffLayout(name: Option<String>, children: Children) -> impl IntoView {
    view! {
        <a href="#main-content" class="govuk-skip-link">{t("layout.skip")}</a>
        <header class="app-staff-header">
            <div class="govuk-header">
                <div class="govuk-header__container govuk-width-container app-staff-header__container">
                    <a href="/staff" class="govuk-header__service-name">{t("service.name")}</a>
                    <strong class="govuk-tag app-staff-tag">{t("staff.layout.tag")}</strong>
                    {name.map(|name| view! {
                        <div class="app-staff-header__account">
                            <span class="app-staff-header__name">{name}</span>
                            // A plain post, with or without JavaScript: the whole page changes.
                            <form method="post" action=SIGN_OUT class="app-inline-form">
                                <button type="submit" class="govuk-button govuk-button--secondary app-sign-out">
                                    {t("staff.layout.sign_out")}
                                </button>
                            </form>
                        </div>
                    })}
                </div>
            </div>
        </header>
        <div class="govuk-width-container">
            <main class="govuk-main-wrapper" id="main-content">
                {children()}
            </main>
        </div>
        <footer class="govuk-footer">
            <div class="govuk-width-container">
                <p class="govuk-footer__meta">{t("staff.layout.footer")}</p>
            </div>
        </footer>
    }
}
