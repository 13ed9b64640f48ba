//! The staff home's lists of work: the switch between "my work" and "my team's work" (team
//! managers), the cases with their next service level (sortable by plain links, `aria-sort` on the
//! sorted column), open work items, callbacks due and cases with new correspondence, each of those
//! sorted and paged by its own links ([`super::list_tools`]).

use chrono::NaiveDate;
use leptos::prelude::*;

use super::list_tools::ListTools;
use crate::domain::casework::list_sorts::{CallbackSort, ItemSort, ListOrders, MailSort};
use crate::domain::casework::{
    with_thousands, work_pages, CaseSort, ServiceLevel, WorkCase, WorkScope, WORK_PAGE_SIZE,
};
use crate::i18n::{fill, long_date, t};
use crate::server_fns::case::case_href;
use crate::server_fns::my_work::{CallbackLine, WorkItemLine, WorkView};

/// A service level's tag (the words and colours of the lists and the case page).
fn level_tag(level: ServiceLevel) -> AnyView {
    let class = match level {
        ServiceLevel::Met | ServiceLevel::OnTime => "govuk-tag govuk-tag--green",
        ServiceLevel::DueSoon => "govuk-tag govuk-tag--yellow",
        ServiceLevel::MetLate | ServiceLevel::Overdue => "govuk-tag govuk-tag--red",
    };
    let words = fill(
        &t(&format!("casework.level.{}", level.code())),
        &[("date", "")],
    );
    view! { <strong class=class data-level=level.code()>{words}</strong> }.into_any()
}

fn case_link(reference: &str) -> AnyView {
    view! { <a class="govuk-link" href=case_href(reference)>{reference.to_owned()}</a> }.into_any()
}

fn header(text: String) -> AnyView {
    view! { <th scope="col" class="govuk-table__header">{text}</th> }.into_any()
}

fn cell(content: impl IntoView + 'static) -> AnyView {
    view! { <td class="govuk-table__cell">{content}</td> }.into_any()
}

fn or_none(text: Option<String>) -> String {
    text.filter(|text| !text.trim().is_empty())
        .unwrap_or_else(|| t("staff.work.none"))
}

/// A table of `rows` under `headers`; its caption is read by screen readers only unless `shown`.
fn table(caption: (String, bool), headers: Vec<AnyView>, rows: Vec<AnyView>, id: &str) -> AnyView {
    let (caption, shown) = caption;
    let class = if shown {
        "govuk-table__caption govuk-table__caption--s"
    } else {
        "govuk-table__caption govuk-visually-hidden"
    };
    view! {
        <table class="govuk-table" data-testid=id.to_owned()>
            <caption class=class>{caption}</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">{headers}</tr></thead>
            <tbody class="govuk-table__body">{rows}</tbody>
        </table>
    }
    .into_any()
}

/// "My work" | "My team's work", for a team manager.
fn scope_switch(view: &WorkView) -> AnyView {
    let links = [WorkScope::Mine, WorkScope::Team]
        .into_iter()
        .map(|scope| {
            let current = (scope == view.scope).then_some("page");
            view! {
                <li class="app-work-switch__item">
                    <a class="govuk-link" href=view.listing.in_scope(scope).href() aria-current=current>
                        {t(&format!("staff.work.{}", scope.code()))}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav aria-label=t("staff.work.switch")>
            <ul class="govuk-list app-work-switch">{links}</ul>
        </nav>
    }
    .into_any()
}

/// A column header that sorts the cases: a plain link (the other way round when it is already
/// the sort), `aria-sort` saying which way on the sorted column.
fn sort_header(view: &WorkView, sort: CaseSort) -> AnyView {
    let listing = &view.listing;
    let sorted = (listing.sort == sort).then_some(if listing.descending {
        "descending"
    } else {
        "ascending"
    });
    view! {
        <th scope="col" class="govuk-table__header" aria-sort=sorted>
            <a class="govuk-link" href=listing.sorted_by(sort).href() data-sort=sort.code()>{t(&format!("staff.work.col.{}", sort.code()))}</a>
        </th>
    }
    .into_any()
}

/// "Showing 26 to 50 of 60 cases" and the previous and next pages of the cases, as plain links.
fn case_paging(view: &WorkView) -> AnyView {
    let listing = &view.listing;
    let pages = work_pages(view.case_count);
    if pages <= 1 {
        return ().into_any();
    }
    let first = (listing.page as usize - 1) * WORK_PAGE_SIZE + 1;
    let last = first + view.cases.len() - 1;
    let showing = fill(
        &t("casework.paging.showing"),
        &[
            ("first", &with_thousands(first as u64)),
            ("last", &with_thousands(last as u64)),
            ("total", &with_thousands(view.case_count as u64)),
        ],
    );
    let link = |page: u32, key: &str, rel: &str| {
        view! {
            <li class="govuk-pagination__item">
                <a class="govuk-link govuk-pagination__link" href=listing.on_page(page).href() rel=rel.to_owned() data-page=key.to_owned()>
                    {t(&format!("casework.paging.{key}"))}
                </a>
            </li>
        }
    };
    let previous = (listing.page > 1).then(|| link(listing.page - 1, "previous", "prev"));
    let next = (listing.page < pages).then(|| link(listing.page + 1, "next", "next"));
    view! {
        <p class="govuk-body" data-testid="work-showing">{showing}</p>
        <nav class="govuk-pagination" aria-label=t("staff.work.paging")>
            <ul class="govuk-pagination__list app-pagination__list">{previous}{next}</ul>
        </nav>
    }
    .into_any()
}

fn case_row(case: &WorkCase, team: bool) -> AnyView {
    let deadline = case.next.map(|clock| {
        format!(
            "{} {}",
            t(&format!("casework.clock.{}", clock.kind.code())),
            long_date(clock.due)
        )
    });
    let level = case.next.map(|clock| level_tag(clock.level()));
    view! {
        <tr class="govuk-table__row" data-testid="work-case">
            {cell(case_link(&case.reference))}
            {cell(case.case_type.code())}
            {cell(or_none(case.organisation.clone()))}
            {cell(or_none(case.customer.clone()))}
            {team.then(|| cell(or_none(case.officer.clone())))}
            {cell(or_none(deadline))}
            {cell(level)}
        </tr>
    }
    .into_any()
}

fn cases(view: &WorkView) -> AnyView {
    let team = view.scope == WorkScope::Team;
    let heading = t(&format!("staff.work.cases.{}", view.scope.code()));
    if view.cases.is_empty() {
        return view! {
            <h2 class="govuk-heading-m" id="my-cases">{heading}</h2>
            <p class="govuk-body">{t(&format!("staff.work.cases.none.{}", view.scope.code()))}</p>
        }
        .into_any();
    }
    let mut columns = vec![
        CaseSort::Reference,
        CaseSort::Type,
        CaseSort::Organisation,
        CaseSort::Customer,
    ];
    if team {
        columns.push(CaseSort::Officer);
    }
    columns.extend([CaseSort::Deadline, CaseSort::State]);
    let headers = columns
        .into_iter()
        .map(|sort| sort_header(view, sort))
        .collect();
    let rows = view.cases.iter().map(|case| case_row(case, team)).collect();
    let caption = fill(
        &t("staff.work.cases.caption"),
        &[
            ("count", &view.case_count.to_string()),
            (
                "column",
                &t(&format!("staff.work.col.{}", view.sort.code())),
            ),
        ],
    );
    view! {
        <h2 class="govuk-heading-m" id="my-cases">{heading}</h2>
        {table((caption, true), headers, rows, "work-cases")}
        {case_paging(view)}
    }
    .into_any()
}

fn item_row(line: &WorkItemLine, team: bool) -> AnyView {
    let item = &line.item;
    let key = format!("case.work.kind.{}", item.kind);
    let kind = if crate::i18n::has(&key) {
        t(&key)
    } else {
        item.kind.clone()
    };
    view! {
        <tr class="govuk-table__row" data-testid="work-item">
            {cell(case_link(&item.reference))}
            {cell(kind)}
            {team.then(|| cell(or_none(item.officer.clone())))}
            {cell(long_date(item.due_on))}
            {cell(level_tag(line.level))}
        </tr>
    }
    .into_any()
}

fn work_items(view: &WorkView) -> AnyView {
    let team = view.scope == WorkScope::Team;
    let tools = ListTools {
        listing: &view.listing,
        order: view.listing.lists.items,
        set: |lists, items| lists_with(lists, |all| all.items = items),
        anchor: "work-items",
        key: "items",
    };
    let page = &view.work_items;
    let body = if page.rows.is_empty() {
        view! { <p class="govuk-body">{t("staff.work.items.none")}</p> }.into_any()
    } else {
        let mut headers = vec![
            tools.header(ItemSort::Reference, false),
            tools.header(ItemSort::Item, false),
        ];
        if team {
            headers.push(tools.header(ItemSort::Officer, false));
        }
        headers.extend([
            tools.header(ItemSort::Due, false),
            header(t("staff.work.col.state")),
        ]);
        let rows = page.rows.iter().map(|line| item_row(line, team)).collect();
        view! {
            {table((tools.caption(), false), headers, rows, "work-items")}
            {tools.paging(page.rows.len(), page.total)}
        }
        .into_any()
    };
    view! {
        <h2 class="govuk-heading-m" id="work-items">{t("staff.work.items.heading")}</h2>
        {body}
    }
    .into_any()
}

/// `lists` with one of them changed by `change`.
fn lists_with(mut lists: ListOrders, change: impl FnOnce(&mut ListOrders)) -> ListOrders {
    change(&mut lists);
    lists
}

fn callback_row(line: &CallbackLine) -> AnyView {
    let callback = &line.callback;
    view! {
        <tr class="govuk-table__row" data-testid="work-callback">
            {cell(case_link(&callback.reference))}
            {cell(callback.caller_name.clone())}
            {cell(callback.staff_name.clone())}
            {cell(long_date(callback.due_on))}
            {cell(level_tag(line.level))}
            <td class="govuk-table__cell govuk-table__cell--numeric">{callback.attempts.to_string()}</td>
        </tr>
    }
    .into_any()
}

fn callbacks(view: &WorkView) -> AnyView {
    let tools = ListTools {
        listing: &view.listing,
        order: view.listing.lists.callbacks,
        set: |lists, callbacks| lists_with(lists, |all| all.callbacks = callbacks),
        anchor: "callbacks-due",
        key: "callbacks",
    };
    let page = &view.callbacks;
    let body = if page.rows.is_empty() {
        view! { <p class="govuk-body">{t("staff.work.callbacks.none")}</p> }.into_any()
    } else {
        let headers = vec![
            tools.header(CallbackSort::Reference, false),
            tools.header(CallbackSort::Caller, false),
            tools.header(CallbackSort::Calls, false),
            tools.header(CallbackSort::Due, false),
            header(t("staff.work.col.state")),
            tools.header(CallbackSort::Attempts, true),
        ];
        let rows = page.rows.iter().map(callback_row).collect();
        view! {
            {table((tools.caption(), false), headers, rows, "work-callbacks")}
            {tools.paging(page.rows.len(), page.total)}
            <p class="govuk-body"><a class="govuk-link" href="/staff/callbacks">{t("staff.work.callbacks.record")}</a></p>
        }
        .into_any()
    };
    view! {
        <h2 class="govuk-heading-m" id="callbacks-due">{t("staff.work.callbacks.heading")}</h2>
        {body}
    }
    .into_any()
}

fn correspondence(view: &WorkView) -> AnyView {
    let team = view.scope == WorkScope::Team;
    let tools = ListTools {
        listing: &view.listing,
        order: view.listing.lists.mail,
        set: |lists, mail| lists_with(lists, |all| all.mail = mail),
        anchor: "new-correspondence",
        key: "mail",
    };
    let page = &view.correspondence;
    let body = if page.rows.is_empty() {
        view! { <p class="govuk-body">{t("staff.work.mail.none")}</p> }.into_any()
    } else {
        let mut headers = vec![tools.header(MailSort::Reference, false)];
        if team {
            headers.push(tools.header(MailSort::Officer, false));
        }
        headers.extend([
            tools.header(MailSort::Emails, true),
            tools.header(MailSort::Latest, false),
        ]);
        let rows = page
            .rows
            .iter()
            .map(|row| {
                let latest = fill(
                    &t("staff.work.at"),
                    &[
                        ("date", &long_date(row.latest.date())),
                        ("time", &row.latest.format("%H:%M").to_string()),
                    ],
                );
                view! {
                    <tr class="govuk-table__row" data-testid="work-mail">
                        {cell(case_link(&row.reference))}
                        {team.then(|| cell(or_none(row.officer.clone())))}
                        <td class="govuk-table__cell govuk-table__cell--numeric">{row.emails.to_string()}</td>
                        {cell(latest)}
                    </tr>
                }
                .into_any()
            })
            .collect();
        view! {
            {table((tools.caption(), false), headers, rows, "work-mail")}
            {tools.paging(page.rows.len(), page.total)}
        }
        .into_any()
    };
    view! {
        <h2 class="govuk-heading-m" id="new-correspondence">{t("staff.work.mail.heading")}</h2>
        <p class="govuk-hint">{t("staff.work.mail.hint")}</p>
        {body}
    }
    .into_any()
}

/// The lists of work, on `today`.
pub fn work_lists(view: WorkView, today: NaiveDate) -> AnyView {
    let today = fill(&t("staff.work.today"), &[("date", &long_date(today))]);
    view! {
        {view.manages.then(|| scope_switch(&view))}
        <p class="govuk-body">{today}</p>
        {cases(&view)}
        {work_items(&view)}
        {callbacks(&view)}
        {correspondence(&view)}
    }
    .into_any()
}
