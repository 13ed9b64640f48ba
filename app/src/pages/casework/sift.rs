//! `/staff/sift`: new cases and those put on the sift list, each with its assignment clock; and
//! `/staff/sift/<reference>`: one case's summary and sift flags, clearing a flag with a reason,
//! and the sift itself (confirm or change the type, route to a work queue).

use crate::components::{path_param, query_param};
use leptos::prelude::*;
use leptos_meta::Title;
use server_fn::ServerFn;

use super::{case_summary, clock_cell, clocks_summary, done_banner};
use crate::components::fields::{Choices, Field, First, Textarea};
use crate::domain::casework::{queue_choices, queue_slug, sift_types};
use crate::i18n::{fill, long_date, t};
use crate::pages::case::fields::{problem, reference_field, typed};
use crate::pages::case::{error_summary, has_errors};
use crate::pages::staff::{page_title, staff_page, StaffLayout};
use crate::server_fns::case::case_href;
use crate::server_fns::casework::{
    load_sift_case, load_sift_list, sift_href, ClearFlag, ListedCase, SiftCase, SiftCaseView,
    SiftListView,
};

#[component]
pub fn SiftListPage() -> impl IntoView {
    let (done, reference) = (query_param("done"), query_param("reference"));
    staff_page(load_sift_list(), "/staff/sift".to_owned(), move |view| {
        list_page(view, done, reference)
    })
}

fn list_row(listed: &ListedCase) -> AnyView {
    let record = &listed.case.record;
    let flags = listed.case.open_flags.to_string();
    view! {
        <tr class="govuk-table__row" data-testid="sift-case">
            <td class="govuk-table__cell"><a class="govuk-link" href=sift_href(&record.reference)>{record.reference.clone()}</a></td>
            <td class="govuk-table__cell">{record.case_type.code()}</td>
            <td class="govuk-table__cell">{record.organisation_name.clone().unwrap_or_default()}</td>
            <td class="govuk-table__cell">{long_date(record.created_on)}</td>
            <td class="govuk-table__cell">{clock_cell(&listed.clocks.assignment)}</td>
            <td class="govuk-table__cell govuk-table__cell--numeric">{flags}</td>
        </tr>
    }
    .into_any()
}

fn list_table(cases: &[ListedCase]) -> AnyView {
    if cases.is_empty() {
        return view! { <p class="govuk-body">{t("casework.sift.none")}</p> }.into_any();
    }
    let rows = cases.iter().map(list_row).collect_view();
    view! {
        <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--m">{t("casework.sift.caption")}</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">{t("casework.col.reference")}</th>
                <th scope="col" class="govuk-table__header">{t("casework.col.type")}</th>
                <th scope="col" class="govuk-table__header">{t("casework.col.organisation")}</th>
                <th scope="col" class="govuk-table__header">{t("casework.col.received")}</th>
                <th scope="col" class="govuk-table__header">{t("casework.clock.assignment")}</th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">{t("casework.col.flags")}</th>
            </tr></thead>
            <tbody class="govuk-table__body">{rows}</tbody>
        </table>
    }
    .into_any()
}

fn list_page(view: SiftListView, done: Option<String>, reference: Option<String>) -> AnyView {
    let title = t("casework.sift.title");
    let content = view! {
        <a href="/staff" class="govuk-back-link">{t("common.back")}</a>
        {done_banner(done, reference)}
        <h1 class="govuk-heading-l">{title.clone()}</h1>
        <p class="govuk-body">{t("casework.sift.lede")}</p>
        <p class="govuk-body"><a class="govuk-link" href="/staff/sift/correspondence">{t("casework.sift.correspondence")}</a></p>
        {list_table(&view.cases)}
    }
    .into_any();
    view! {
        <Title text=title/>
        <StaffLayout name=Some(view.me.name.clone())>{content}</StaffLayout>
    }
    .into_any()
}

#[component]
pub fn SiftCasePage() -> impl IntoView {
    let reference = path_param("reference");
    let done = query_param("done");
    let path = sift_href(&reference);
    staff_page(load_sift_case(reference), path, move |view| {
        case_page(view, done)
    })
}

fn flag_row(view: &SiftCaseView, index: usize) -> AnyView {
    let flag = &view.case.flags[index];
    let flash = &view.flash;
    let field = format!("reason-{}", flag.kind);
    let name = t(&format!("case.flag.{}", flag.kind));
    let state = match (&flag.cleared_at, &flag.cleared_reason) {
        (Some(at), reason) => fill(
            &t("case.flags.cleared"),
            &[
                ("when", &crate::pages::case::when(*at)),
                ("reason", &reason.clone().unwrap_or_default()),
            ],
        )
        .into_any(),
        (None, _) => view! {
            <form method="post" action=ClearFlag::url()>
                {reference_field(&view.case.record.reference)}
                <input type="hidden" name="flag" value=flag.kind.clone()/>
                {Field::new(field.clone(), fill(&t("casework.flag.reason"), &[("flag", &name)]))
                    .name("reason")
                    .error(problem(flash, &field))
                    .textarea(Textarea::new(typed(flash, &field, ""), 2))}
                <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">{t("casework.flag.clear")}</button>
            </form>
        }
        .into_any(),
    };
    view! {
        <div class="govuk-summary-card" data-testid="sift-flag">
            <div class="govuk-summary-card__title-wrapper"><h3 class="govuk-summary-card__title">{name.clone()}</h3></div>
            <div class="govuk-summary-card__content">
                <p class="govuk-body">{flag.reason.clone()}</p>
                {state}
            </div>
        </div>
    }
    .into_any()
}

fn flags(view: &SiftCaseView) -> AnyView {
    let cards = (0..view.case.flags.len())
        .map(|index| flag_row(view, index))
        .collect_view();
    view! {
        <h2 class="govuk-heading-m" id="flags">{t("case.flags.heading")}</h2>
        {if view.case.flags.is_empty() {
            view! { <p class="govuk-body">{t("case.flags.none")}</p> }.into_any()
        } else {
            cards.into_any()
        }}
    }
    .into_any()
}

fn answers(view: &SiftCaseView) -> AnyView {
    let sections = view
        .case
        .answers
        .iter()
        .map(|section| {
            let lines = section
                .lines
                .iter()
                .map(|(question, answer)| {
                    view! {
                        <div class="govuk-summary-list__row">
                            <dt class="govuk-summary-list__key">{question.clone()}</dt>
                            <dd class="govuk-summary-list__value app-preserve-lines">{answer.clone()}</dd>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <h3 class="govuk-heading-s">{section.heading.clone()}</h3>
                <dl class="govuk-summary-list">{lines}</dl>
            }
        })
        .collect_view();
    view! {
        <details class="govuk-details">
            <summary class="govuk-details__summary"><span class="govuk-details__summary-text">{t("casework.sift.answers")}</span></summary>
            <div class="govuk-details__text">{sections}</div>
        </details>
    }
    .into_any()
}

fn sift_form(view: &SiftCaseView) -> AnyView {
    let flash = &view.flash;
    let record = &view.case.record;
    let types = sift_types()
        .into_iter()
        .map(|kind| {
            (
                kind.code().to_owned(),
                format!("{} — {}", kind.code(), t(&kind.description_key())),
            )
        })
        .collect();
    let queues = queue_choices()
        .into_iter()
        .map(|queue| (queue_slug(queue), queue.name()))
        .collect();
    let suggested = fill(
        &t("casework.sift.suggested"),
        &[("queue", &view.suggested.name())],
    );
    view! {
        <h2 class="govuk-heading-m" id="sift">{t("casework.sift.heading")}</h2>
        <form method="post" action=SiftCase::url() data-testid="sift-form">
            {reference_field(&record.reference)}
            {Field::new("case-type", t("casework.sift.type"))
                .name("case_type")
                .error(problem(flash, "case-type"))
                .choices(Choices::radios(types, Some(typed(flash, "case-type", record.case_type.code()))).small())}
            <p class="govuk-body">{suggested}</p>
            {Field::new("queue", t("casework.sift.queue"))
                .error(problem(flash, "queue"))
                .select(First::None(t("casework.sift.queue_none")), queues, &typed(flash, "queue", &queue_slug(view.suggested)))}
            <button type="submit" class="govuk-button" data-module="govuk-button">{t("casework.sift.submit")}</button>
        </form>
    }
    .into_any()
}

fn case_page(view: SiftCaseView, done: Option<String>) -> AnyView {
    let flash = &view.flash;
    let reference = view.case.record.reference.clone();
    let heading = fill(&t("casework.sift.case_title"), &[("reference", &reference)]);
    let title = page_title(&heading, has_errors(flash));
    let content = view! {
        <a href="/staff/sift" class="govuk-back-link">{t("casework.sift.back")}</a>
        <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
            {done_banner(done, Some(reference.clone()))}
            {error_summary(flash)}
            <span class="govuk-caption-l">{t("casework.sift.title")}</span>
            <h1 class="govuk-heading-l">{heading}</h1>
            {case_summary(&view.case)}
            <p class="govuk-body"><a class="govuk-link" href=case_href(&reference)>{t("casework.open_case")}</a></p>
            {clocks_summary(&view.clocks)}
            {answers(&view)}
            {flags(&view)}
            {sift_form(&view)}
        </div></div>
    }
    .into_any();
    view! {
        <Title text=title/>
        <StaffLayout name=Some(view.me.name.clone())>{content}</StaffLayout>
    }
    .into_any()
}
