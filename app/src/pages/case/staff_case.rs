//! `/staff/staff-cases/<reference>`: a team manager marks the case as a staff case (ECS,
//! manual §15) and names who may see it. The page is the confirmation: what will happen, who,
//! and the reason (required, it goes on the timeline).

use crate::components::path_param;
use leptos::prelude::*;
use server_fn::ServerFn;

use super::fields::{problem, reference_field, typed};
use super::has_errors;
use crate::components::fields::{Choices, Field, Textarea};
use crate::domain::case::{CaseKind, CaseStatus};
use crate::i18n::{fill, t};
use crate::pages::staff::{page_title, staff_page};
use crate::server_fns::case::{
    case_href, load_staff_case, staff_case_href, MarkStaffCase, StaffCaseView,
};

#[component]
pub fn StaffCasePage() -> impl IntoView {
    let reference = path_param("reference");
    let path = staff_case_href(&reference);
    staff_page(load_staff_case(reference), path, |view| {
        page(view).into_any()
    })
}

fn page(view: StaffCaseView) -> impl IntoView {
    let StaffCaseView { page, staff } = view;
    let flash = &page.flash;
    let record = &page.case.record;
    let reference = record.reference.clone();
    let href = case_href(&reference);
    let heading = t("case.staff_case.title");
    let title = page_title(&heading, has_errors(flash));
    let body = if record.case_type == CaseKind::Ecs {
        view! {
            <p class="govuk-body" data-testid="staff-case-done">{t("case.staff_case.already")}</p>
            <p class="govuk-body"><a class="govuk-link" href=href.clone()>{t("case.back_to_case")}</a></p>
        }
        .into_any()
    } else if record.status != CaseStatus::Open {
        view! { <p class="govuk-body">{t("case.staff_case.closed")}</p> }.into_any()
    } else {
        let about = fill(
            &t("case.staff_case.about"),
            &[("reference", &reference), ("type", record.case_type.code())],
        );
        let chosen = flash
            .as_ref()
            .map(|flash| flash.values_of("may_see"))
            .unwrap_or_default();
        view! {
            <p class="govuk-body" data-testid="confirm-about">{about}</p>
            <div class="govuk-warning-text">
                <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                <strong class="govuk-warning-text__text">
                    <span class="govuk-visually-hidden">{t("case.warning")}</span>
                    {t("case.staff_case.will")}
                </strong>
            </div>
            <form method="post" action=MarkStaffCase::url() novalidate>
                {reference_field(&reference)}
                {Field::new("may_see", t("case.staff_case.may_see"))
                    .hint(Some(t("case.staff_case.may_see_hint")))
                    .error(problem(flash, "may_see"))
                    .choices(Choices::checkboxes(staff, chosen).small().indexed())}
                {Field::new("reason", t("case.confirm.reason"))
                    .hint(Some(t("case.staff_case.reason_hint")))
                    .error(problem(flash, "reason"))
                    .textarea(Textarea::new(typed(flash, "reason", ""), 4))}
                <div class="govuk-button-group">
                    <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">{t("case.staff_case.submit")}</button>
                    <a class="govuk-link" href=href.clone()>{t("case.confirm.cancel")}</a>
                </div>
            </form>
        }
        .into_any()
    };
    super::confirm::confirm_frame(super::confirm::ConfirmFrame {
        title,
        name: page.me.name.clone(),
        href,
        flash,
        reference,
        heading,
        body,
    })
}
