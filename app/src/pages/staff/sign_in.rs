//! `/staff/sign-in`: email and password. A refusal comes back here with its reason in the query
//! (never what was typed), so the page works the same with and without JavaScript.
//!
//! The form is a plain post even with JavaScript (like signing out): signing in changes who the
//! whole page is for, so the browser loads the next page afresh rather than patching this one.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::{page_title, StaffLayout};
use crate::components::fields::{Field, Input};
use crate::components::ErrorSummary;
use crate::i18n::t;
use crate::server_fns::staff::SignIn;
use server_fn::ServerFn;

/// Each refusal code: the message key, and whether it is about the email and the password field.
fn problems(code: &str) -> Vec<(&'static str, &'static str)> {
    match code {
        "missing-email" => vec![("email", "staff.error.email.required")],
        "missing-password" => vec![("password", "staff.error.password.required")],
        "missing-both" => vec![
            ("email", "staff.error.email.required"),
            ("password", "staff.error.password.required"),
        ],
        "locked" => vec![("email", "staff.sign_in.locked")],
        "credentials" => vec![("email", "staff.sign_in.refused")],
        _ => Vec::new(),
    }
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let query = use_query_map();
    move || {
        let query = query.read();
        let problems = problems(&query.get("error").unwrap_or_default());
        let next = query.get("next").unwrap_or_default();
        let signed_out = query.get("signed-out").is_some();
        let error_for = |field: &str| {
            problems
                .iter()
                .find(|(id, _)| *id == field)
                .map(|(_, key)| t(key))
        };
        let (email_error, password_error) = (error_for("email"), error_for("password"));
        let summary: Vec<(String, String)> = problems
            .iter()
            .map(|(field, key)| ((*field).to_owned(), t(key)))
            .collect();
        let title = page_title(&t("staff.sign_in.title"), !summary.is_empty());
        view! {
            <Title text=title/>
            <StaffLayout name=None>
                <div class="govuk-grid-row">
                    <div class="govuk-grid-column-two-thirds">
                        <ErrorSummary errors=summary/>
                        {signed_out.then(|| view! {
                            <div class="govuk-inset-text" role="status">{t("staff.sign_in.signed_out")}</div>
                        })}
                        <h1 class="govuk-heading-l">{t("staff.sign_in.title")}</h1>
                        <p class="govuk-body">{t("staff.sign_in.intro")}</p>
                        <form method="post" action=SignIn::url() novalidate>
                            <input type="hidden" name="next" value=next/>
                            {Field::new("email", t("staff.sign_in.email"))
                                .error(email_error)
                                .input(Input::new(String::new()).kind("email").autocomplete("username"))}
                            {Field::new("password", t("staff.sign_in.password"))
                                .error(password_error)
                                .input(Input::new(String::new()).kind("password").autocomplete("current-password"))}
                            <button type="submit" class="govuk-button">{t("staff.sign_in.submit")}</button>
                        </form>
                    </div>
                </div>
            </StaffLayout>
        }
        .into_any()
    }
}
