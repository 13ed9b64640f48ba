//! `/staff/helpline`: find the case while the caller waits. A plain GET form: the search is in
//! the address, so it works without JavaScript and the back button shows the same results.

use crate::components::query_param;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::fields::{Field, First, Input};
use crate::components::ErrorSummary;
use crate::domain::helpline::SearchKind;
use crate::i18n::{long_date, t};
use crate::pages::staff::{page_title, staff_page, StaffLayout};
use crate::server_fns::helpline::{load_console, summary_href, ConsoleView, SearchHit};

#[component]
pub fn ConsolePage() -> impl IntoView {
    let load = load_console(query_param("q"), query_param("kind"));
    staff_page(load, "/staff/helpline".to_owned(), |view| {
        page(view).into_any()
    })
}

fn form(view: &ConsoleView, error: Option<String>) -> AnyView {
    // `words` is what "Anything" reads a name as; it is not offered on its own.
    let kinds = SearchKind::all()
        .iter()
        .filter(|kind| **kind != SearchKind::Words)
        .map(|kind| {
            (
                kind.code().to_owned(),
                t(&format!("helpline.search.kind.{}", kind.code())),
            )
        })
        .collect();
    view! {
        <form method="get" action="/staff/helpline" role="search">
            {Field::new("q", t("helpline.search.label"))
                .hint(Some(t("helpline.search.hint")))
                .error(error)
                .input(Input::new(view.typed.clone()))}
            {Field::new("kind", t("helpline.search.kind_label"))
                .select(First::None(t("helpline.search.kind.any")), kinds, &view.asked)}
            <button type="submit" class="govuk-button" data-module="govuk-button">{t("helpline.search.submit")}</button>
        </form>
    }
    .into_any()
}

fn hit_row(hit: &SearchHit) -> AnyView {
    let found = match (&hit.party, &hit.organisation) {
        (Some(party), Some(organisation)) => format!("{party} ({organisation})"),
        (Some(party), None) => party.clone(),
        (None, Some(organisation)) => organisation.clone(),
        (None, None) => String::new(),
    };
    view! {
        <tr class="govuk-table__row">
            <td class="govuk-table__cell"><a class="govuk-link" href=summary_href(&hit.reference)>{hit.reference.clone()}</a></td>
            <td class="govuk-table__cell">{hit.case_type.code()}</td>
            <td class="govuk-table__cell">{found}</td>
            <td class="govuk-table__cell">{t(&hit.stage.label_key())}</td>
            <td class="govuk-table__cell">{long_date(hit.created_on)}</td>
        </tr>
    }
    .into_any()
}

fn results(view: &ConsoleView) -> AnyView {
    if view.kind.is_none() || view.error.is_some() {
        return ().into_any();
    }
    if view.hits.is_empty() {
        return view! { <p class="govuk-body" id="results">{t("helpline.search.none")}</p> }
            .into_any();
    }
    let rows = view.hits.iter().map(hit_row).collect_view();
    view! {
        <table class="govuk-table" id="results">
            <caption class="govuk-table__caption govuk-table__caption--m">{t("helpline.search.results")}</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">{t("helpline.search.col.reference")}</th>
                <th scope="col" class="govuk-table__header">{t("helpline.search.col.type")}</th>
                <th scope="col" class="govuk-table__header">{t("helpline.search.col.found")}</th>
                <th scope="col" class="govuk-table__header">{t("helpline.search.col.stage")}</th>
                <th scope="col" class="govuk-table__header">{t("helpline.search.col.received")}</th>
            </tr></thead>
            <tbody class="govuk-table__body">{rows}</tbody>
        </table>
    }
    .into_any()
}

fn suggestions(view: &ConsoleView) -> AnyView {
    if view.error.is_none() || view.kind != Some(SearchKind::Reference) {
        return ().into_any();
    }
    if view.suggestions.is_empty() {
        return view! { <p class="govuk-body">{t("helpline.search.no_suggestions")}</p> }
            .into_any();
    }
    let links = view
        .suggestions
        .iter()
        .map(|reference| view! { <li><a class="govuk-link" href=summary_href(reference)>{reference.clone()}</a></li> })
        .collect_view();
    view! {
        <h2 class="govuk-heading-m">{t("helpline.search.did_you_mean")}</h2>
        <ul class="govuk-list" data-testid="suggestions">{links}</ul>
    }
    .into_any()
}

fn page(view: ConsoleView) -> impl IntoView {
    let error = view.error.as_ref().map(|key| t(key));
    let title = page_title(&t("helpline.console.title"), error.is_some());
    let errors = error
        .iter()
        .map(|message| ("q".to_owned(), message.clone()))
        .collect();
    let name = Some(view.me.name.clone());
    let content = view! {
        <a href="/staff" class="govuk-back-link">{t("common.back")}</a>
        <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
            <ErrorSummary errors/>
            <h1 class="govuk-heading-l">{t("helpline.console.title")}</h1>
            <p class="govuk-body">{t("helpline.console.lede")}</p>
            {form(&view, error)}
            {suggestions(&view)}
            <p class="govuk-body"><a class="govuk-link" href="/staff/helpline/assist">{t("helpline.console.assist")}</a></p>
        </div></div>
        {results(&view)}
    }
    .into_any();
    view! {
        <Title text=title/>
        <StaffLayout name=name>{content}</StaffLayout>
    }
}
