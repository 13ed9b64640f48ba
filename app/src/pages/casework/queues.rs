//! `/staff/queues`: every work queue with its open cases and those waiting for an officer; and
//! `/staff/queues/<queue>`: that queue's cases with their service levels, and its lead.

use crate::components::{path_param, query_param};
use leptos::prelude::*;
use leptos_meta::Title;
use server_fn::ServerFn;

use super::queue_tools::{filter_form, paging};
use super::{done_banner, level_tag};
use crate::components::fields::{Field, First};
use crate::domain::casework::{queue_slug, QueueListParams, QueueSort};
use crate::i18n::{fill, long_date, t};
use crate::pages::case::fields::{problem, typed};
use crate::pages::case::{error_summary, has_errors};
use crate::pages::staff::{page_title, staff_page, StaffLayout};
use crate::server_fns::casework::{
    allocation_href, load_queue, load_queues, queue_href, ListedCase, QueueCount, QueueView,
    QueuesView, SetQueueLead, QUEUES_AREA,
};

#[component]
pub fn QueuesPage() -> impl IntoView {
    staff_page(load_queues(), QUEUES_AREA.to_owned(), queues_page)
}

fn count_row(count: &QueueCount) -> AnyView {
    let lead = count
        .lead
        .as_ref()
        .map(|(_, name)| name.clone())
        .unwrap_or_else(|| t("casework.none"));
    view! {
        <tr class="govuk-table__row">
            <td class="govuk-table__cell"><a class="govuk-link" href=queue_href(count.queue)>{count.queue.name()}</a></td>
            <td class="govuk-table__cell govuk-table__cell--numeric">{count.open.to_string()}</td>
            <td class="govuk-table__cell govuk-table__cell--numeric">{count.waiting.to_string()}</td>
            <td class="govuk-table__cell">{lead}</td>
        </tr>
    }
    .into_any()
}

fn queues_page(view: QueuesView) -> AnyView {
    let title = t("casework.queues.title");
    let rows = view.queues.iter().map(count_row).collect_view();
    let content = view! {
        <a href="/staff" class="govuk-back-link">{t("common.back")}</a>
        <h1 class="govuk-heading-l">{title.clone()}</h1>
        <p class="govuk-body">{t("casework.queues.lede")}</p>
        <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--m">{t("casework.queues.caption")}</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">{t("casework.col.queue")}</th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">{t("casework.col.open")}</th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">{t("casework.col.waiting")}</th>
                <th scope="col" class="govuk-table__header">{t("casework.col.lead")}</th>
            </tr></thead>
            <tbody class="govuk-table__body">{rows}</tbody>
        </table>
    }
    .into_any();
    view! {
        <Title text=title/>
        <StaffLayout name=Some(view.me.name.clone())>{content}</StaffLayout>
    }
    .into_any()
}

#[component]
pub fn QueuePage() -> impl IntoView {
    let queue = path_param("queue");
    let (done, reference) = (query_param("done"), query_param("reference"));
    let params = QueueListParams {
        sort: query_param("sort"),
        dir: query_param("dir"),
        case_type: query_param("type"),
        level: query_param("level"),
        allocated: query_param("allocated"),
        organisation: query_param("organisation"),
        after: query_param("after"),
        before: query_param("before"),
        page: query_param("page"),
    };
    let path = format!("{QUEUES_AREA}/{queue}");
    staff_page(load_queue(queue, params), path, move |view| {
        queue_page(view, done, reference)
    })
}

fn case_row(view: &QueueView, listed: &ListedCase) -> AnyView {
    let record = &listed.case.record;
    let none = || t("casework.none");
    let officer = listed
        .case
        .officer
        .clone()
        .unwrap_or_else(|| t("casework.not_allocated"));
    let age = (view.today - record.created_on).num_days().max(0);
    let next = listed.clocks.next_running();
    view! {
        <tr class="govuk-table__row" data-testid="queue-case">
            <td class="govuk-table__cell"><a class="govuk-link" href=allocation_href(view.queue, &record.reference)>{record.reference.clone()}</a></td>
            <td class="govuk-table__cell">{record.organisation_name.clone().unwrap_or_else(none)}</td>
            <td class="govuk-table__cell">{listed.case.customer.clone().unwrap_or_else(none)}</td>
            <td class="govuk-table__cell">{record.case_type.code()}</td>
            <td class="govuk-table__cell govuk-table__cell--numeric">{age.to_string()}</td>
            <td class="govuk-table__cell">{officer}</td>
            <td class="govuk-table__cell">{next.map(|clock| long_date(clock.due)).unwrap_or_else(none)}</td>
            <td class="govuk-table__cell">{next.map(|clock| level_tag(&clock))}</td>
        </tr>
    }
    .into_any()
}

/// A column's header: a link sorting by it (the other choices kept), `aria-sort` on the sorted one.
fn sort_header(view: &QueueView, sort: Option<QueueSort>, key: &str, numeric: bool) -> AnyView {
    let class = if numeric {
        "govuk-table__header govuk-table__header--numeric"
    } else {
        "govuk-table__header"
    };
    let label = t(key);
    let Some(sort) = sort else {
        return view! { <th scope="col" class=class>{label}</th> }.into_any();
    };
    let query = &view.query;
    let aria = (query.sort == sort).then_some(if query.descending {
        "descending"
    } else {
        "ascending"
    });
    let href = query.sorted_by(sort).href(&queue_href(view.queue));
    view! {
        <th scope="col" class=class aria-sort=aria>
            <a class="govuk-link" href=href data-sort=sort.code()>{label}</a>
        </th>
    }
    .into_any()
}

fn cases_table(view: &QueueView) -> AnyView {
    if view.cases.is_empty() {
        return view! { <p class="govuk-body">{t("casework.queue.none")}</p> }.into_any();
    }
    let rows = view
        .cases
        .iter()
        .map(|listed| case_row(view, listed))
        .collect_view();
    let header = |sort, key: &str| sort_header(view, sort, key, false);
    view! {
        <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--m">{t("casework.queue.caption")}</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
                {header(Some(QueueSort::Reference), "casework.col.reference")}
                {header(Some(QueueSort::Organisation), "casework.col.organisation")}
                {header(Some(QueueSort::Customer), "casework.col.customer")}
                {header(Some(QueueSort::CaseType), "casework.col.type")}
                {sort_header(view, Some(QueueSort::Age), "casework.col.age", true)}
                {header(None, "casework.col.officer")}
                {header(Some(QueueSort::Due), "casework.col.next_due")}
                {header(Some(QueueSort::Level), "casework.col.level")}
            </tr></thead>
            <tbody class="govuk-table__body">{rows}</tbody>
        </table>
    }
    .into_any()
}

fn lead_form(view: &QueueView) -> AnyView {
    let flash = &view.flash;
    let current = view
        .lead
        .as_ref()
        .map(|(_, name)| fill(&t("casework.lead.current"), &[("name", name)]))
        .unwrap_or_else(|| t("casework.lead.no_lead"));
    let stored = view
        .lead
        .as_ref()
        .map(|(id, _)| id.clone())
        .unwrap_or_default();
    view! {
        <h2 class="govuk-heading-m" id="lead-heading">{t("casework.lead.heading")}</h2>
        <p class="govuk-body">{current}</p>
        <form method="post" action=SetQueueLead::url()>
            <input type="hidden" name="queue" value=queue_slug(view.queue)/>
            {Field::new("lead", t("casework.lead.label"))
                .error(problem(flash, "lead"))
                .select(First::None(t("casework.lead.none")), view.leads.clone(), &typed(flash, "lead", &stored))}
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">{t("casework.lead.submit")}</button>
        </form>
    }
    .into_any()
}

fn queue_page(view: QueueView, done: Option<String>, reference: Option<String>) -> AnyView {
    let flash = &view.flash;
    let name = view.queue.name();
    let title = page_title(&name, has_errors(flash));
    let content = view! {
        <a href=QUEUES_AREA class="govuk-back-link">{t("casework.queues.back")}</a>
        {done_banner(done, reference)}
        {error_summary(flash)}
        <span class="govuk-caption-l">{t("casework.queues.title")}</span>
        <h1 class="govuk-heading-l">{name.clone()}</h1>
        <p class="govuk-body">{t("casework.queue.age_note")}</p>
        {filter_form(&view)}
        {paging(&view)}
        {cases_table(&view)}
        {lead_form(&view)}
    }
    .into_any();
    view! {
        <Title text=title/>
        <StaffLayout name=Some(view.me.name.clone())>{content}</StaffLayout>
    }
    .into_any()
}
