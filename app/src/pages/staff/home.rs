//! `/staff`: who is signed in and, for staff who work cases, their work (their cases with the next
//! service level of each, open work items, callbacks due, new correspondence), or their team's for
//! a team manager (`?scope=team`); the cases sorted by `?sort=`, the other lists by their own
//! `items_…`, `callbacks_…` and `mail_…` parameters. Then finding a case by its
//! reference, their roles and the areas their roles open.

use leptos::prelude::*;
use leptos_meta::Title;

use super::my_work::work_lists;
use super::{staff_page, StaffLayout};
use crate::components::query_param;
use crate::domain::casework::list_sorts::ListParams;
use crate::domain::staff::AREAS;
use crate::i18n::{t, tf};
use crate::server_fns::my_work::{load_staff_home, StaffHomeView};

#[component]
pub fn StaffHomePage() -> impl IntoView {
    let (scope, sort) = (query_param("scope"), query_param("sort"));
    let (dir, page) = (query_param("dir"), query_param("page"));
    let lists = ListParams {
        items_sort: query_param("items_sort"),
        items_dir: query_param("items_dir"),
        items_page: query_param("items_page"),
        callbacks_sort: query_param("callbacks_sort"),
        callbacks_dir: query_param("callbacks_dir"),
        callbacks_page: query_param("callbacks_page"),
        mail_sort: query_param("mail_sort"),
        mail_dir: query_param("mail_dir"),
        mail_page: query_param("mail_page"),
    };
    staff_page(
        load_staff_home(scope, sort, dir, page, Some(lists)),
        "/staff".to_owned(),
        |view| home(view).into_any(),
    )
}

fn home(view: StaffHomeView) -> impl IntoView {
    let me = view.me;
    let roles = me
        .roles
        .iter()
        .map(|role| view! { <li>{t(&role.label_key())}</li> })
        .collect_view();
    let links: Vec<_> = AREAS
        .iter()
        .filter_map(|area| area.link.map(|label| (area.slug, label)))
        .filter(|(slug, _)| me.may_open(&format!("/staff/{slug}")))
        .map(|(slug, label)| {
            view! { <li><a class="govuk-link" href=format!("/staff/{slug}")>{t(label)}</a></li> }
        })
        .collect();
    let no_links = links.is_empty();
    view! {
        <Title text=t("staff.home.title")/>
        <StaffLayout name=Some(me.name.clone())>
            <h1 class="govuk-heading-l">{t("staff.home.title")}</h1>
            <p class="govuk-body">{tf("staff.home.signed_in_as", &[("name", &me.name)])}</p>
            {view.work.map(|work| work_lists(work, view.today))}
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    {me.may_open(crate::server_fns::case::AREA).then(|| view! {
                        <h2 class="govuk-heading-m">{t("case.find.title")}</h2>
                        {crate::pages::case::find_form(&None)}
                    })}
                    <h2 class="govuk-heading-m">{t("staff.home.roles")}</h2>
                    {if me.roles.is_empty() {
                        view! { <p class="govuk-body">{t("staff.home.no_roles")}</p> }.into_any()
                    } else {
                        view! { <ul class="govuk-list govuk-list--bullet">{roles}</ul> }.into_any()
                    }}
                    <h2 class="govuk-heading-m">{t("staff.home.areas")}</h2>
                    {if no_links {
                        view! { <p class="govuk-body">{t("staff.home.no_areas")}</p> }.into_any()
                    } else {
                        view! { <ul class="govuk-list">{links}</ul> }.into_any()
                    }}
                </div>
            </div>
        </StaffLayout>
    }
}
