//! `/staff/users/new`: add a member of staff with their roles and a first password.

use leptos::prelude::*;
use leptos_meta::Title;
use server_fn::ServerFn;

use super::fields::{role_options, summary};
use super::{page_title, staff_page, StaffLayout};
use crate::components::fields::{Choices, Field, Input};
use crate::components::ErrorSummary;
use crate::i18n::t;
use crate::server_fns::staff::{load_new_staff, CreateStaff, FormFlash, NewStaffView};

#[component]
pub fn NewStaffPage() -> impl IntoView {
    staff_page(load_new_staff(), "/staff/users/new".to_owned(), |view| {
        form(view).into_any()
    })
}

fn form(view: NewStaffView) -> impl IntoView {
    let flash = view.flash.unwrap_or_default();
    let error = |field: &str| flash.error(field).map(|key| t(&key));
    let value = |field: &str| FormFlash::value(&flash, field).unwrap_or_default();
    let title = t("staff.users.new.title");
    let (name_error, email_error) = (error("name"), error("email"));
    let (roles_error, password_error) = (error("roles"), error("password"));
    let (name, email, roles) = (value("name"), value("email"), flash.values_of("roles"));
    let page = page_title(&title, !flash.errors.is_empty());
    let errors = summary(&flash.errors);
    view! {
        <Title text=page/>
        <StaffLayout name=Some(view.me.name.clone())>
            <a href="/staff/users" class="govuk-back-link">{t("common.back")}</a>
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <ErrorSummary errors/>
                    <h1 class="govuk-heading-l">{title}</h1>
                    <form method="post" action=CreateStaff::url() novalidate>
                        {Field::new("name", t("staff.users.name")).error(name_error).input(Input::new(name))}
                        {Field::new("email", t("staff.users.email"))
                            .error(email_error)
                            .input(Input::new(email).kind("email"))}
                        {Field::new("roles", t("staff.users.roles"))
                            .hint(Some(t("staff.users.roles_hint")))
                            .error(roles_error)
                            .choices(Choices::checkboxes(role_options(), roles).indexed())}
                        {Field::new("password", t("staff.users.password"))
                            .hint(Some(t("staff.users.password_hint")))
                            .error(password_error)
                            .input(Input::new(String::new()).kind("password").autocomplete("new-password"))}
                        <button type="submit" class="govuk-button">{t("staff.users.new.submit")}</button>
                    </form>
                </div>
            </div>
        </StaffLayout>
    }
}
