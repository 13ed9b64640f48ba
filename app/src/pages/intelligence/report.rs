//! `/staff/nuisance/report?reference=NR-000005-K`: a nuisance report found by the reference the
//! person was given on the confirmation page, with its calls and messages.

use crate::components::query_param;
use leptos::prelude::*;
use leptos_meta::Title;

use super::{channel_label, short_date};
use crate::i18n::{fill, t};
use crate::pages::staff::{staff_page, StaffLayout};
use crate::server_fns::intelligence::{load_report_lookup, ReportLookupView};

#[component]
pub fn ReportLookupPage() -> impl IntoView {
    let reference = query_param("reference");
    let path = "/staff/nuisance/report".to_owned();
    staff_page(load_report_lookup(reference), path, |view| {
        lookup(view).into_any()
    })
}

/// The search form (also on the repeat offenders page).
pub fn report_search(searched: String) -> impl IntoView {
    view! {
        <form method="get" action="/staff/nuisance/report" class="govuk-!-margin-bottom-6">
            <div class="govuk-form-group">
                <label class="govuk-label govuk-label--s" for="reference">{t("intelligence.report.search_label")}</label>
                <div class="govuk-hint" id="reference-hint">{t("intelligence.report.search_hint")}</div>
                <input class="govuk-input govuk-input--width-10" id="reference" name="reference" type="text"
                    aria-describedby="reference-hint" spellcheck="false" autocomplete="off" value=searched/>
            </div>
            <button type="submit" class="govuk-button govuk-button--secondary">{t("intelligence.report.search")}</button>
        </form>
    }
}

fn lookup(view: ReportLookupView) -> impl IntoView {
    let title = match &view.reference {
        Some(reference) => fill(&t("intelligence.report.title"), &[("reference", reference)]),
        None => t("intelligence.report.find_title"),
    };
    let not_found = (view.reference.is_none() && !view.searched.trim().is_empty()).then(|| {
        view! {
            <p class="govuk-body" data-testid="report-not-found">
                {fill(&t("intelligence.report.not_found"), &[("reference", view.searched.trim())])}
            </p>
        }
    });
    let rows = view
        .incidents
        .iter()
        .map(|line| {
            view! {
                <tr class="govuk-table__row">
                    <td class="govuk-table__cell">{short_date(line.received_on)}</td>
                    <td class="govuk-table__cell">{line.occurred_at.clone()}</td>
                    <td class="govuk-table__cell">{channel_label(&line.channel)}</td>
                    <td class="govuk-table__cell">{line.sender.clone().unwrap_or_else(|| t("intelligence.withheld"))}</td>
                    <td class="govuk-table__cell">{line.company.clone().unwrap_or_default()}</td>
                    <td class="govuk-table__cell">{line.text.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    let found = view.reference.is_some();
    view! {
        <Title text=title.clone()/>
        <StaffLayout name=Some(view.me.name.clone())>
            <a href="/staff/nuisance" class="govuk-back-link">{t("intelligence.offender.back")}</a>
            <h1 class="govuk-heading-l" data-testid="report-title">{title}</h1>
            {not_found}
            {found.then(|| view! {
                <table class="govuk-table" data-testid="report-incidents">
                    <caption class="govuk-table__caption govuk-table__caption--m">{t("intelligence.report.incidents")}</caption>
                    <thead class="govuk-table__head">
                        <tr class="govuk-table__row">
                            <th scope="col" class="govuk-table__header">{t("intelligence.report.received")}</th>
                            <th scope="col" class="govuk-table__header">{t("intelligence.col.when")}</th>
                            <th scope="col" class="govuk-table__header">{t("intelligence.col.channel")}</th>
                            <th scope="col" class="govuk-table__header">{t("intelligence.col.from")}</th>
                            <th scope="col" class="govuk-table__header">{t("intelligence.col.company")}</th>
                            <th scope="col" class="govuk-table__header">{t("intelligence.col.said")}</th>
                        </tr>
                    </thead>
                    <tbody class="govuk-table__body">{rows}</tbody>
                </table>
            })}
            {report_search(view.searched.clone())}
        </StaffLayout>
    }
}
