//! `/staff/exceptions`: closed cases with incomplete closure information, cases closed and
//! re-opened on the same day, and open cases past a service level; each with a CSV download.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{long_date, t};
use crate::pages::staff::{staff_page, StaffLayout};
use crate::server_fns::case::case_href;
use crate::server_fns::casework::{load_exceptions, ExceptionsView, EXCEPTIONS_AREA};

#[component]
pub fn ExceptionsPage() -> impl IntoView {
    staff_page(load_exceptions(), EXCEPTIONS_AREA.to_owned(), page)
}

fn header(keys: &[&str]) -> AnyView {
    let cells = keys
        .iter()
        .map(|key| view! { <th scope="col" class="govuk-table__header">{t(key)}</th> })
        .collect_view();
    view! { <thead class="govuk-table__head"><tr class="govuk-table__row">{cells}</tr></thead> }
        .into_any()
}

fn link(reference: &str) -> AnyView {
    view! { <a class="govuk-link" href=case_href(reference)>{reference.to_owned()}</a> }.into_any()
}

/// One report: its heading, CSV link, and the table (or "none").
fn section(id: &'static str, count: usize, table: AnyView) -> AnyView {
    let csv = format!("{EXCEPTIONS_AREA}/{id}.csv");
    view! {
        <h2 class="govuk-heading-m" id=id>{t(&format!("casework.exceptions.{id}.heading"))}</h2>
        <p class="govuk-body">{t(&format!("casework.exceptions.{id}.lede"))}</p>
        <p class="govuk-body"><a class="govuk-link" href=csv download="">{t(&format!("casework.exceptions.{id}.csv"))}</a></p>
        {if count == 0 {
            view! { <p class="govuk-body">{t("casework.exceptions.none")}</p> }.into_any()
        } else {
            table
        }}
    }
    .into_any()
}

fn incomplete(view: &ExceptionsView) -> AnyView {
    let rows = view
        .incomplete
        .iter()
        .map(|row| {
            let problems = row
                .problems
                .iter()
                .map(|problem| t(&problem.label_key()))
                .collect::<Vec<_>>()
                .join("; ");
            view! {
                <tr class="govuk-table__row" data-testid="incomplete-closure">
                    <td class="govuk-table__cell">{link(&row.reference)}</td>
                    <td class="govuk-table__cell">{row.case_type.code()}</td>
                    <td class="govuk-table__cell">{row.instance.to_string()}</td>
                    <td class="govuk-table__cell">{long_date(row.closed_on)}</td>
                    <td class="govuk-table__cell">{problems}</td>
                </tr>
            }
        })
        .collect_view();
    let table = view! {
        <table class="govuk-table">
            {header(&["casework.col.reference", "casework.col.type", "casework.col.instance", "casework.col.closed", "casework.col.problems"])}
            <tbody class="govuk-table__body">{rows}</tbody>
        </table>
    }
    .into_any();
    section("incomplete-closures", view.incomplete.len(), table)
}

fn reopened(view: &ExceptionsView) -> AnyView {
    let rows = view
        .reopened
        .iter()
        .map(|row| {
            view! {
                <tr class="govuk-table__row" data-testid="reopened-same-day">
                    <td class="govuk-table__cell">{link(&row.reference)}</td>
                    <td class="govuk-table__cell">{row.closed_instance.to_string()}</td>
                    <td class="govuk-table__cell">{long_date(row.on)}</td>
                </tr>
            }
        })
        .collect_view();
    let table = view! {
        <table class="govuk-table">
            {header(&["casework.col.reference", "casework.col.instance", "casework.col.on"])}
            <tbody class="govuk-table__body">{rows}</tbody>
        </table>
    }
    .into_any();
    section("reopened-same-day", view.reopened.len(), table)
}

fn past(view: &ExceptionsView) -> AnyView {
    let rows = view
        .past
        .iter()
        .map(|row| {
            let overdue = row
                .overdue
                .iter()
                .map(|clock| {
                    format!(
                        "{} ({})",
                        t(&format!("casework.clock.{}", clock.kind.code())),
                        long_date(clock.due)
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            view! {
                <tr class="govuk-table__row" data-testid="past-service-level">
                    <td class="govuk-table__cell">{link(&row.reference)}</td>
                    <td class="govuk-table__cell">{row.case_type.code()}</td>
                    <td class="govuk-table__cell">{row.queue.name()}</td>
                    <td class="govuk-table__cell">{row.officer.clone().unwrap_or_else(|| t("casework.not_allocated"))}</td>
                    <td class="govuk-table__cell">{overdue}</td>
                </tr>
            }
        })
        .collect_view();
    let table = view! {
        <table class="govuk-table">
            {header(&["casework.col.reference", "casework.col.type", "casework.col.queue", "casework.col.officer", "casework.col.overdue"])}
            <tbody class="govuk-table__body">{rows}</tbody>
        </table>
    }
    .into_any();
    section("past-service-levels", view.past.len(), table)
}

/// "March 2026" from `2026-03`.
fn month(text: &str) -> String {
    chrono::NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d")
        .map(|first| {
            let day = long_date(first);
            day.split_once(' ')
                .map_or(day.clone(), |(_, month)| month.to_owned())
        })
        .unwrap_or_else(|_| text.to_owned())
}

/// Concerns the assistant found outside our remit, counted by month, route and reason.
fn out_of_remit(view: &ExceptionsView) -> AnyView {
    let rows = view
        .out_of_remit
        .iter()
        .map(|row| {
            view! {
                <tr class="govuk-table__row" data-testid="out-of-remit">
                    <td class="govuk-table__cell">{month(&row.month)}</td>
                    <td class="govuk-table__cell">{t(&format!("casework.remit.route.{}", row.route))}</td>
                    <td class="govuk-table__cell">{t(&format!("casework.remit.reason.{}", row.reason))}</td>
                    <td class="govuk-table__cell govuk-table__cell--numeric">{row.count}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2 class="govuk-heading-m" id="out-of-remit">{t("casework.remit.heading")}</h2>
        <p class="govuk-body">{t("casework.remit.lede")}</p>
        {if view.out_of_remit.is_empty() {
            view! { <p class="govuk-body">{t("casework.exceptions.none")}</p> }.into_any()
        } else {
            view! {
                <table class="govuk-table">
                    <thead class="govuk-table__head"><tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">{t("casework.remit.col.month")}</th>
                        <th scope="col" class="govuk-table__header">{t("casework.remit.col.route")}</th>
                        <th scope="col" class="govuk-table__header">{t("casework.remit.col.reason")}</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">{t("casework.remit.col.count")}</th>
                    </tr></thead>
                    <tbody class="govuk-table__body">{rows}</tbody>
                </table>
            }
            .into_any()
        }}
    }
    .into_any()
}

fn page(view: ExceptionsView) -> AnyView {
    let title = t("casework.exceptions.title");
    let content = view! {
        <a href="/staff" class="govuk-back-link">{t("common.back")}</a>
        <h1 class="govuk-heading-l">{title.clone()}</h1>
        <p class="govuk-body">{t("casework.exceptions.lede")}</p>
        {incomplete(&view)}
        {reopened(&view)}
        {past(&view)}
        {out_of_remit(&view)}
    }
    .into_any();
    view! {
        <Title text=title/>
        <StaffLayout name=Some(view.me.name.clone())>{content}</StaffLayout>
    }
    .into_any()
}
