//! A queue list's tools: the filters (a plain GET form that keeps the sort) and the paging
//! ("Showing 1 to 50 of 12,345 cases", previous and next links that keep every other choice).

use leptos::prelude::*;

use crate::components::fields::{Field, First, Input};
use crate::domain::case::{CaseKind, SlaState};
use crate::domain::casework::{last_page, level_code, page_span, with_thousands, QueueListQuery};
use crate::i18n::{fill, t};
use crate::server_fns::casework::{queue_href, QueueView};

fn text(value: Option<&str>) -> String {
    value.unwrap_or_default().to_owned()
}

/// The filters: type, service level, allocated or not, organisation; the sort kept hidden.
pub fn filter_form(view: &QueueView) -> AnyView {
    let query = &view.query;
    let types = CaseKind::all()
        .iter()
        .map(|kind| (kind.code().to_owned(), kind.code().to_owned()))
        .collect();
    let levels = [SlaState::Overdue, SlaState::DueSoon, SlaState::OnTime]
        .into_iter()
        .map(|level| {
            let code = level_code(level);
            (code.to_owned(), t(&format!("casework.level.{code}")))
        })
        .collect();
    let allocated = vec![
        ("yes".to_owned(), t("casework.filter.allocated_yes")),
        ("no".to_owned(), t("casework.filter.allocated_no")),
    ];
    let chosen_allocated = match query.allocated {
        Some(true) => "yes",
        Some(false) => "no",
        None => "",
    };
    let default = QueueListQuery::default();
    let sort = (query.sort != default.sort).then(|| query.sort.code());
    let dir = query.descending.then_some("desc");
    view! {
        <form method="get" action=queue_href(view.queue) class="govuk-!-margin-bottom-6" data-testid="queue-filters">
            <h2 class="govuk-heading-m" id="filters-heading">{t("casework.filter.heading")}</h2>
            {sort.map(|sort| view! { <input type="hidden" name="sort" value=sort/> })}
            {dir.map(|dir| view! { <input type="hidden" name="dir" value=dir/> })}
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-one-quarter">
                    {Field::new("type", t("casework.filter.type"))
                        .select(First::None(t("casework.filter.any")), types, &text(query.case_type.map(|kind| kind.code())))}
                </div>
                <div class="govuk-grid-column-one-quarter">
                    {Field::new("level", t("casework.filter.level"))
                        .select(First::None(t("casework.filter.any")), levels, &text(query.level.map(level_code)))}
                </div>
                <div class="govuk-grid-column-one-quarter">
                    {Field::new("allocated", t("casework.filter.allocated"))
                        .select(First::None(t("casework.filter.any")), allocated, chosen_allocated)}
                </div>
                <div class="govuk-grid-column-one-quarter">
                    {Field::new("organisation", t("casework.filter.organisation"))
                        .input(Input::new(query.organisation.clone()).kind("search"))}
                </div>
            </div>
            <div class="govuk-button-group">
                <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">{t("casework.filter.submit")}</button>
                <a class="govuk-link" href=queue_href(view.queue)>{t("casework.filter.clear")}</a>
            </div>
        </form>
    }
    .into_any()
}

/// "Showing 1 to 50 of 12,345 cases" and the previous and next pages.
pub fn paging(view: &QueueView) -> AnyView {
    let query = &view.query;
    let (first, last) = page_span(query, view.cases.len(), view.total);
    let showing = fill(
        &t("casework.paging.showing"),
        &[
            ("first", &with_thousands(first)),
            ("last", &with_thousands(last)),
            ("total", &with_thousands(view.total)),
        ],
    );
    let base = queue_href(view.queue);
    let previous = (query.page > 1).then(|| {
        let href = query.on_page(query.page - 1).href(&base);
        view! {
            <div class="govuk-pagination__prev">
                <a class="govuk-link govuk-pagination__link" href=href rel="prev">
                    <span class="govuk-pagination__link-title">{t("casework.paging.previous")}</span>
                </a>
            </div>
        }
    });
    let next = (query.page < last_page(view.total)).then(|| {
        let href = query.on_page(query.page + 1).href(&base);
        view! {
            <div class="govuk-pagination__next">
                <a class="govuk-link govuk-pagination__link" href=href rel="next">
                    <span class="govuk-pagination__link-title">{t("casework.paging.next")}</span>
                </a>
            </div>
        }
    });
    view! {
        <p class="govuk-body" data-testid="queue-showing" role="status">{showing}</p>
        <nav class="govuk-pagination" aria-label=t("casework.paging.label")>
            {previous}
            {next}
        </nav>
    }
    .into_any()
}
