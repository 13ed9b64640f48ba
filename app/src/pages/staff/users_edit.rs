//! `/staff/users/<id>`: change a member's roles, manager, away-until date, or deactivate them.

use crate::components::path_param;
use chrono::Datelike;
use leptos::prelude::*;
use leptos_meta::Title;
use server_fn::ServerFn;

use super::fields::{role_options, summary};
use super::{page_title, staff_page, StaffLayout};
use crate::components::fields::{day_month_year, Choices, Field, First};
use crate::components::ErrorSummary;
use crate::i18n::t;
use crate::server_fns::staff::{load_edit_staff, EditStaffView, UpdateStaff};

#[component]
pub fn EditStaffPage() -> impl IntoView {
    let id = path_param("id");
    let path = format!("/staff/users/{id}");
    staff_page(load_edit_staff(id), path, |view| form(view).into_any())
}

fn form(view: EditStaffView) -> impl IntoView {
    let EditStaffView {
        me,
        member,
        managers,
        flash,
    } = view;
    let has_errors = flash.as_ref().is_some_and(|f| !f.errors.is_empty());
    let errors = flash.as_ref().map(|f| f.errors.clone()).unwrap_or_default();
    let error = |field: &str| {
        flash
            .as_ref()
            .and_then(|f| f.error(field))
            .map(|key| t(&key))
    };
    // What was typed if the form was refused, else what is stored.
    let typed = |field: &str, stored: String| {
        flash
            .as_ref()
            .map(|f| f.value(field).unwrap_or_default())
            .unwrap_or(stored)
    };
    let roles = match &flash {
        Some(flash) => flash.values_of("roles"),
        None => member.roles.iter().map(|r| r.code().to_owned()).collect(),
    };
    let away = member.away_until;
    let day = typed("day", away.map(|d| d.day().to_string()).unwrap_or_default());
    let month = typed(
        "month",
        away.map(|d| d.month().to_string()).unwrap_or_default(),
    );
    let year = typed(
        "year",
        away.map(|d| d.year().to_string()).unwrap_or_default(),
    );
    let manager = typed("manager", member.manager_id.clone().unwrap_or_default());
    let status = typed(
        "status",
        if member.active {
            "active"
        } else {
            "deactivated"
        }
        .to_owned(),
    );
    let statuses = vec![
        ("active".to_owned(), t("staff.users.status.active")),
        (
            "deactivated".to_owned(),
            t("staff.users.status.deactivated"),
        ),
    ];
    let title = t("staff.users.edit.title");
    let (roles_error, manager_error) = (error("roles"), error("manager"));
    let (away_error, status_error) = (error("away-until-day"), error("status"));
    let page = page_title(&format!("{title}: {}", member.name), has_errors);
    let errors = summary(&errors);
    view! {
        <Title text=page/>
        <StaffLayout name=Some(me.name.clone())>
            <a href="/staff/users" class="govuk-back-link">{t("common.back")}</a>
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <ErrorSummary errors/>
                    <span class="govuk-caption-l">{title}</span>
                    <h1 class="govuk-heading-l">{member.name.clone()}</h1>
                    <p class="govuk-body">{member.email.clone()}</p>
                    <form method="post" action=UpdateStaff::url() novalidate>
                        <input type="hidden" name="id" value=member.id.clone()/>
                        {Field::new("roles", t("staff.users.roles"))
                            .hint(Some(t("staff.users.roles_hint")))
                            .error(roles_error)
                            .choices(Choices::checkboxes(role_options(), roles).indexed())}
                        {Field::new("manager", t("staff.users.manager"))
                            .error(manager_error)
                            .select(First::None(t("staff.users.no_manager")), managers, &manager)}
                        {Field::new("away-until", t("staff.users.away_until"))
                            .hint(Some(t("staff.users.away_hint")))
                            .error(away_error)
                            .date(day_month_year("away-until", day, month, year))}
                        {Field::new("status", t("staff.users.status"))
                            .error(status_error)
                            .choices(Choices::radios(statuses, Some(status)))}
                        <button type="submit" class="govuk-button">{t("staff.users.edit.submit")}</button>
                    </form>
                </div>
            </div>
        </StaffLayout>
    }
}
