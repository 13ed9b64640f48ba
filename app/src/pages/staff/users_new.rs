//! `/staff/users/new`: add a member of staff with their roles and a first password.

use leptos::prelude::*;
use leptos_meta::Title;
use server_fn::ServerFn;

use super::fields::{summary, Field, RoleCheckboxes};
use super::{page_title, staff_page, StaffLayout};
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
                        <Field id="name" label=t("staff.users.name") value=name error=name_error
                            autocomplete="off"/>
                        <Field id="email" label=t("staff.users.email") value=email error=email_error
                            input_type="email" autocomplete="off"/>
                        <RoleCheckboxes selected=roles error=roles_error/>
                        <Field id="password" label=t("staff.users.password") value=String::new()
                            error=password_error hint=t("staff.users.password_hint")
                            input_type="password" autocomplete="new-password"/>
                        <button type="submit" class="govuk-button">{t("staff.users.new.submit")}</button>
                    </form>
                </div>
            </div>
        </StaffLayout>
    }
}
