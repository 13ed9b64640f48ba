//! `/staff/cases/<reference>/close`: close with an outcome valid for the case type, Nature 1 and
//! 2, and whether it was mainly about a delayed subject access request (manual §11); and
//! `/staff/cases/close-several`: one action closing several cases (an undertaking covering four
//! cases), all or none.

use crate::components::{path_param, query_param};
use leptos::prelude::*;
use leptos_meta::Title;
use server_fn::ServerFn;

use super::confirm::{confirm_frame, ConfirmFrame};
use super::fields::{problem, reference_field, typed};
use super::{error_summary, has_errors};
use crate::components::fields::{Choices, Field, First, Textarea};
use crate::domain::case::{natures_for, outcomes_for, CaseStatus, Nature, Outcome};
use crate::i18n::{fill, t};
use crate::pages::staff::{page_title, staff_page, StaffLayout};
use crate::server_fns::case::{
    case_href, load_case, load_simple, CasePageView, CloseCase, CloseSeveral, SimplePageView,
};
use crate::server_fns::staff::FormFlash;

#[component]
pub fn CloseCasePage() -> impl IntoView {
    let reference = path_param("reference");
    let path = format!("{}/close", case_href(&reference));
    staff_page(load_case(reference, "close".to_owned()), path, |view| {
        page(view).into_any()
    })
}

/// The closure's fields: outcome radios, Nature 1 and 2, the delayed subject access question.
fn closure_fields(
    flash: &Option<FormFlash>,
    outcomes: &[Outcome],
    natures: &[Nature],
    delay_default: bool,
) -> impl IntoView {
    let outcome_options = outcomes
        .iter()
        .map(|outcome| (outcome.code().to_owned(), t(&outcome.label_key())))
        .collect();
    let nature_options: Vec<(String, String)> = natures
        .iter()
        .map(|nature| (nature.code().to_owned(), t(&nature.label_key())))
        .collect();
    let delay = typed(
        flash,
        "subject-access-delay",
        if delay_default { "yes" } else { "no" },
    );
    view! {
        {Field::new("outcome", t("case.close.outcome"))
            .error(problem(flash, "outcome"))
            .choices(Choices::radios(outcome_options, Some(typed(flash, "outcome", ""))).small())}
        {(!natures.is_empty()).then(|| view! {
            {Field::new("nature-1", t("case.close.nature_1"))
                .name("nature_1")
                .error(problem(flash, "nature-1"))
                .select(First::None(t("case.close.nature_none")), nature_options.clone(), &typed(flash, "nature-1", ""))}
            {Field::new("nature-2", t("case.close.nature_2"))
                .name("nature_2")
                .error(problem(flash, "nature-2"))
                .select(First::None(t("case.close.nature_none")), nature_options.clone(), &typed(flash, "nature-2", ""))}
        })}
        {Field::new("subject-access-delay", t("case.close.delay"))
            .name("subject_access_delay")
            .error(problem(flash, "subject-access-delay"))
            .choices(Choices::radios(vec![("yes".to_owned(), t("case.yes")), ("no".to_owned(), t("case.no"))], Some(delay)).small())}
    }
}

fn page(view: CasePageView) -> impl IntoView {
    let flash = &view.flash;
    let record = &view.case.record;
    let reference = record.reference.clone();
    let href = case_href(&reference);
    let title = page_title(&t("case.close.title"), has_errors(flash));
    let lede = fill(
        &t("case.close.lede"),
        &[
            ("type", record.case_type.code()),
            ("description", &t(&record.case_type.description_key())),
        ],
    );
    let body = if record.status != CaseStatus::Open {
        view! { <p class="govuk-body">{t("case.close.error.closed")}</p> }.into_any()
    } else {
        view! {
            <p class="govuk-body">{lede}</p>
            <form method="post" action=CloseCase::url()>
                {reference_field(&reference)}
                {closure_fields(flash, &outcomes_for(record.case_type), natures_for(record.case_type), view.case.delayed_subject_access)}
                <button type="submit" class="govuk-button" data-module="govuk-button">{t("case.close.submit")}</button>
            </form>
        }.into_any()
    };
    confirm_frame(ConfirmFrame {
        title,
        name: view.me.name.clone(),
        href,
        flash,
        reference,
        heading: t("case.close.title"),
        body,
    })
}

#[component]
pub fn CloseSeveralPage() -> impl IntoView {
    let closed = query_param("closed");
    let proposal = (query_param("confirm").as_deref() == Some("yes"))
        .then(|| {
            let value = |name: &str| query_param(name).unwrap_or_default();
            super::confirm_several::Proposal {
                references: value("references"),
                outcome: value("outcome"),
                nature_1: value("nature_1"),
                nature_2: value("nature_2"),
                subject_access_delay: value("subject_access_delay"),
            }
        })
        .filter(|proposal| !proposal.references.trim().is_empty());
    staff_page(
        load_simple("close-several".to_owned()),
        "/staff/cases/close-several".to_owned(),
        move |view| match proposal.clone() {
            Some(proposal) => super::confirm_several::confirm(view, proposal).into_any(),
            None => several(view, closed.clone()).into_any(),
        },
    )
}

fn several(view: SimplePageView, closed: Option<String>) -> impl IntoView {
    let flash = &view.flash;
    let title = page_title(&t("case.several.title"), has_errors(flash));
    let closed = closed.filter(|list| !list.is_empty()).map(|list| {
        let links = list
            .split(',')
            .map(|reference| view! { <li><a class="govuk-link" href=case_href(reference)>{reference.to_owned()}</a></li> })
            .collect_view();
        view! {
            <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="closed-title">
                <div class="govuk-notification-banner__header">
                    <h2 class="govuk-notification-banner__title" id="closed-title">{t("case.done.title")}</h2>
                </div>
                <div class="govuk-notification-banner__content">
                    <p class="govuk-notification-banner__heading">{t("case.several.done")}</p>
                    <ul class="govuk-list">{links}</ul>
                </div>
            </div>
        }
    });
    // Every outcome and nature: each case is checked against its own type when closing.
    let outcomes: Vec<Outcome> = Outcome::all().to_vec();
    let name = Some(view.me.name.clone());
    let content = view! {
            <a href="/staff/cases" class="govuk-back-link">{t("common.back")}</a>
            <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
                {closed}
                {error_summary(flash)}
                <h1 class="govuk-heading-l">{t("case.several.title")}</h1>
                <p class="govuk-body">{t("case.several.lede")}</p>
                <form method="post" action=CloseSeveral::url()>
                    {Field::new("references", t("case.several.references"))
                        .hint(Some(t("case.several.references_hint")))
                        .error(problem(flash, "references"))
                        .textarea(Textarea::new(typed(flash, "references", ""), 6))}
                    {closure_fields(flash, &outcomes, Nature::all(), false)}
                    <button type="submit" class="govuk-button" data-module="govuk-button">{t("case.several.submit")}</button>
                </form>
            </div></div>
    }
    .into_any();
    view! {
        <Title text=title/>
        <StaffLayout name=name>{content}</StaffLayout>
    }
}
