//! `/staff/users`: every staff account, with a link to change each and a button to add one.

use crate::components::query_param;
use leptos::prelude::*;
use leptos_meta::Title;

use super::{staff_page, StaffLayout};
use crate::domain::staff::StaffMember;
use crate::i18n::{long_date, t, tf};
use crate::server_fns::staff::{list_staff, StaffListView};

#[component]
pub fn UsersPage() -> impl IntoView {
    let (added, updated) = (query_param("added"), query_param("updated"));
    staff_page(list_staff(), "/staff/users".to_owned(), move |view| {
        list(view, added, updated).into_any()
    })
}

fn name_of(staff: &[StaffMember], id: &str) -> Option<String> {
    staff.iter().find(|m| m.id == id).map(|m| m.name.clone())
}

fn list(view: StaffListView, added: Option<String>, updated: Option<String>) -> impl IntoView {
    let StaffListView { me, staff } = view;
    let banner = added
        .and_then(|id| name_of(&staff, &id))
        .map(|name| tf("staff.users.added", &[("name", &name)]))
        .or_else(|| {
            updated
                .and_then(|id| name_of(&staff, &id))
                .map(|name| tf("staff.users.updated", &[("name", &name)]))
        });
    let rows = staff
        .iter()
        .map(|member| {
            let roles = member
                .roles
                .iter()
                .map(|role| t(&role.label_key()))
                .collect::<Vec<_>>()
                .join(", ");
            let manager = member
                .manager_id
                .as_deref()
                .and_then(|id| name_of(&staff, id))
                .unwrap_or_default();
            let away = member.away_until.map(long_date).unwrap_or_default();
            let status = if member.active {
                t("staff.users.status.active")
            } else {
                t("staff.users.status.deactivated")
            };
            view! {
                <tr class="govuk-table__row">
                    <th scope="row" class="govuk-table__header">{member.name.clone()}</th>
                    <td class="govuk-table__cell">{member.email.clone()}</td>
                    <td class="govuk-table__cell">{roles}</td>
                    <td class="govuk-table__cell">{manager}</td>
                    <td class="govuk-table__cell">{away}</td>
                    <td class="govuk-table__cell">{status}</td>
                    <td class="govuk-table__cell">
                        <a class="govuk-link" href=format!("/staff/users/{}", member.id)>
                            {t("common.change")}
                            <span class="govuk-visually-hidden">{format!(" {}", member.name)}</span>
                        </a>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Title text=t("staff.users.title")/>
        <StaffLayout name=Some(me.name.clone())>
            <a href="/staff" class="govuk-back-link">{t("common.back")}</a>
            {banner.map(|text| view! {
                <div class="govuk-notification-banner govuk-notification-banner--success" role="alert"
                    aria-labelledby="banner-title">
                    <h2 class="govuk-notification-banner__title" id="banner-title">{t("staff.users.success")}</h2>
                    <p class="govuk-notification-banner__heading">{text}</p>
                </div>
            })}
            <h1 class="govuk-heading-l">{t("staff.users.title")}</h1>
            <a href="/staff/users/new" role="button" draggable="false" class="govuk-button">{t("staff.users.add")}</a>
            <div class="app-table-wrapper">
                <table class="govuk-table">
                    <caption class="govuk-table__caption govuk-visually-hidden">{t("staff.users.caption")}</caption>
                    <thead class="govuk-table__head">
                        <tr class="govuk-table__row">
                            <th scope="col" class="govuk-table__header">{t("staff.users.name")}</th>
                            <th scope="col" class="govuk-table__header">{t("staff.users.email")}</th>
                            <th scope="col" class="govuk-table__header">{t("staff.users.roles")}</th>
                            <th scope="col" class="govuk-table__header">{t("staff.users.manager")}</th>
                            <th scope="col" class="govuk-table__header">{t("staff.users.away_until")}</th>
                            <th scope="col" class="govuk-table__header">{t("staff.users.status")}</th>
                            <th scope="col" class="govuk-table__header">
                                <span class="govuk-visually-hidden">{t("staff.users.actions")}</span>
                            </th>
                        </tr>
                    </thead>
                    <tbody class="govuk-table__body">{rows}</tbody>
                </table>
            </div>
        </StaffLayout>
    }
}
