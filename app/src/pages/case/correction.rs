//! `/staff/corrections/<reference>` (admin): correct the outcome an instance was closed with,
//! behind the scenes (manual §11). Not a re-open: the instances stay as they are.

use crate::components::{path_param, query_param};
use leptos::prelude::*;
use leptos_meta::Title;
use server_fn::ServerFn;

use super::fields::{problem, reference_field, typed};
use super::{done_banner, error_summary, has_errors};
use crate::components::fields::{Choices, Field, Textarea};
use crate::domain::case::outcomes_for;
use crate::i18n::{fill, long_date, t};
use crate::pages::staff::{page_title, staff_page, StaffLayout};
use crate::server_fns::case::{load_correction, CasePageView, CorrectOutcome, CORRECTIONS_AREA};

#[component]
pub fn CorrectionPage() -> impl IntoView {
    let reference = path_param("reference");
    let done = query_param("done");
    let path = format!("{CORRECTIONS_AREA}/{reference}");
    staff_page(load_correction(reference), path, move |view| {
        page(view, done).into_any()
    })
}

fn page(view: CasePageView, done: Option<String>) -> impl IntoView {
    let flash = &view.flash;
    let record = &view.case.record;
    let reference = record.reference.clone();
    let title = page_title(&t("case.correction.title"), has_errors(flash));
    let closed: Vec<(String, String)> = view
        .case
        .instances
        .iter()
        .filter(|instance| instance.closed_on.is_some())
        .map(|instance| {
            let outcome = instance
                .outcome
                .as_ref()
                .map(|code| t(&format!("workflow.outcome.{code}")))
                .unwrap_or_default();
            let label = fill(
                &t("case.correction.instance_option"),
                &[
                    ("n", &instance.number.to_string()),
                    (
                        "closed",
                        &instance.closed_on.map(long_date).unwrap_or_default(),
                    ),
                    ("outcome", &outcome),
                ],
            );
            (instance.number.to_string(), label)
        })
        .collect();
    let outcomes = outcomes_for(record.case_type)
        .iter()
        .map(|outcome| (outcome.code().to_owned(), t(&outcome.label_key())))
        .collect();
    let first = closed.first().map(|(n, _)| n.clone()).unwrap_or_default();
    let none = closed.is_empty();
    let name = Some(view.me.name.clone());
    let content = view! {
            <a href="/staff" class="govuk-back-link">{t("common.back")}</a>
            <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
                {done_banner(done)}
                {error_summary(flash)}
                <span class="govuk-caption-l">{reference.clone()}</span>
                <h1 class="govuk-heading-l">{t("case.correction.title")}</h1>
                <p class="govuk-body" id="instances">{t("case.correction.lede")}</p>
                {if none {
                    view! { <p class="govuk-body">{t("case.correction.none")}</p> }.into_any()
                } else {
                    view! {
                        <form method="post" action=CorrectOutcome::url()>
                            {reference_field(&reference)}
                            {Field::new("instance", t("case.correction.instance"))
                                .error(problem(flash, "instance"))
                                .choices(Choices::radios(closed, Some(typed(flash, "instance", &first))).small())}
                            {Field::new("outcome", t("case.correction.outcome"))
                                .error(problem(flash, "outcome"))
                                .choices(Choices::radios(outcomes, Some(typed(flash, "outcome", ""))).small())}
                            {Field::new("reason", t("case.correction.reason"))
                                .error(problem(flash, "reason"))
                                .textarea(Textarea::new(typed(flash, "reason", ""), 3))}
                            <button type="submit" class="govuk-button" data-module="govuk-button">{t("case.correction.submit")}</button>
                        </form>
                    }.into_any()
                }}
            </div></div>
    }
    .into_any();
    view! {
        <Title text=title/>
        <StaffLayout name=name>{content}</StaffLayout>
    }
}
