//! A queue list's tools: the filters (a plain GET form that keeps the sort) and the paging
//! ("Showing 1 to 50 of 12,345 cases", first, previous, next and last links that keep every
//! other choice; pages read by key, the count capped).

use leptos::prelude::*;

use crate::components::fields::{Field, First, Input};
use crate::domain::case::{CaseKind, SlaState};
use crate::domain::casework::{
    level_code, matching_figure, page_span, with_thousands, QueuePosition,
};
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
    let sort = (query.sort != query.default_sort()).then(|| query.sort.code());
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

/// One paging link (first, previous, next, last) keeping every other choice.
fn page_link(view: &QueueView, position: QueuePosition, key: &str, rel: &str) -> AnyView {
    let href = view.query.at(position).href(&queue_href(view.queue));
    let rel = (!rel.is_empty()).then(|| rel.to_owned());
    view! {
        <li class="govuk-pagination__item">
            <a class="govuk-link govuk-pagination__link" href=href rel=rel data-page=key.to_owned()>
                {t(&format!("casework.paging.{key}"))}
            </a>
        </li>
    }
    .into_any()
}

/// "Showing 1 to 50 of 12,345 cases" (or "50 cases of more than 10,000" on a page whose place
/// is not known) and the first, previous, next and last pages, as plain links.
pub fn paging(view: &QueueView) -> AnyView {
    let query = &view.query;
    let window = &view.window;
    let (figure, capped) = matching_figure(window.matching);
    let total = if capped {
        fill(&t("casework.paging.more_than"), &[("count", &figure)])
    } else {
        figure
    };
    let showing = match page_span(&query.position, view.cases.len(), window) {
        Some((first, last)) => fill(
            &t("casework.paging.showing"),
            &[
                ("first", &with_thousands(first)),
                ("last", &with_thousands(last)),
                ("total", &total),
            ],
        ),
        None => fill(
            &t("casework.paging.showing_some"),
            &[
                ("shown", &with_thousands(view.cases.len() as u64)),
                ("total", &total),
            ],
        ),
    };
    let reference = |listed: Option<&crate::server_fns::casework::ListedCase>| {
        listed.map(|listed| listed.case.record.reference.clone())
    };
    let mut links = Vec::new();
    if window.earlier {
        links.push(page_link(view, QueuePosition::First, "first", ""));
        if let Some(first) = reference(view.cases.first()) {
            links.push(page_link(
                view,
                QueuePosition::Before(first),
                "previous",
                "prev",
            ));
        }
    }
    if window.later {
        if let Some(last) = reference(view.cases.last()) {
            links.push(page_link(view, QueuePosition::After(last), "next", "next"));
        }
        links.push(page_link(view, QueuePosition::Last, "last", ""));
    }
    let nav = (!links.is_empty()).then(|| {
        view! {
            <nav class="govuk-pagination" aria-label=t("casework.paging.label")>
                <ul class="govuk-pagination__list app-pagination__list">{links}</ul>
            </nav>
        }
    });
    view! {
        <p class="govuk-body" data-testid="queue-showing" role="status">{showing}</p>
        {nav}
    }
    .into_any()
}
