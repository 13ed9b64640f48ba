//! The sift (Advice Service), the work queues and allocation (team managers), and the exception
//! reports (manual §3–§5, §11). Plain posts, so every page works without JavaScript; each page
//! loads through a server function the access table guards.

mod allocation;
mod exceptions;
mod queue_tools;
mod queues;
mod sift;

pub use allocation::AllocationPage;
pub use exceptions::ExceptionsPage;
pub use queues::{QueuePage, QueuesPage};
pub use sift::{SiftCasePage, SiftListPage};

use leptos::prelude::*;

use crate::domain::casework::{Clock, ServiceLevel};
use crate::i18n::{fill, long_date, t};
use crate::server_fns::case::CaseWorkspace;

/// A service-level clock: its due day and its one reading ([`crate::domain::casework::ServiceLevel`]):
/// met on a day (or met late), else on time, due soon or overdue. The case page and the lists
/// draw it alike.
pub fn clock_cell(clock: &Clock) -> AnyView {
    view! { {long_date(clock.due)}" "{level_tag(clock)} }.into_any()
}

/// A clock's one reading as a tag: "Met on 6 December 2026", "Due soon", ….
pub fn level_tag(clock: &Clock) -> AnyView {
    let level = clock.level();
    let class = match level {
        ServiceLevel::Met | ServiceLevel::OnTime => "govuk-tag govuk-tag--green",
        ServiceLevel::DueSoon => "govuk-tag govuk-tag--yellow",
        ServiceLevel::MetLate | ServiceLevel::Overdue => "govuk-tag govuk-tag--red",
    };
    let words = fill(
        &t(&format!("casework.level.{}", level.code())),
        &[("date", &clock.done_on.map(long_date).unwrap_or_default())],
    );
    view! { <strong class=class data-level=level.code()>{words}</strong> }.into_any()
}

/// The green banner a finished change leaves (`?done=<code>`, with the case's reference).
pub fn done_banner(done: Option<String>, reference: Option<String>) -> AnyView {
    let key = done
        .map(|code| format!("casework.done.{code}"))
        .filter(|key| crate::i18n::has(key));
    key.map(|key| {
        let text = fill(&t(&key), &[("reference", &reference.unwrap_or_default())]);
        view! {
            <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="done-title">
                <div class="govuk-notification-banner__header">
                    <h2 class="govuk-notification-banner__title" id="done-title">{t("case.done.title")}</h2>
                </div>
                <div class="govuk-notification-banner__content">
                    <p class="govuk-notification-banner__heading">{text}</p>
                </div>
            </div>
        }
    })
    .into_any()
}

fn row(key: String, value: String) -> AnyView {
    view! {
        <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{key}</dt>
            <dd class="govuk-summary-list__value">{value}</dd>
        </div>
    }
    .into_any()
}

/// The case in a few lines: type, organisation, customer, stage, queue, officer, dates.
pub fn case_summary(case: &CaseWorkspace) -> AnyView {
    let record = &case.record;
    let customer = case
        .parties
        .iter()
        .find(|party| party.role == "customer")
        .map(|party| party.name.clone())
        .unwrap_or_else(|| t("casework.none"));
    let type_text = format!(
        "{} ({})",
        record.case_type.code(),
        t(&record.case_type.description_key())
    );
    let rows = vec![
        row(t("casework.summary.type"), type_text),
        row(
            t("casework.summary.organisation"),
            record
                .organisation_name
                .clone()
                .unwrap_or_else(|| t("casework.none")),
        ),
        row(t("casework.summary.customer"), customer),
        row(t("casework.summary.stage"), t(&record.stage().label_key())),
        row(t("casework.summary.queue"), case.queue_name.clone()),
        row(
            t("casework.summary.officer"),
            case.officer
                .clone()
                .unwrap_or_else(|| t("casework.not_allocated")),
        ),
        row(t("casework.summary.received"), long_date(record.created_on)),
    ];
    view! { <dl class="govuk-summary-list">{rows}</dl> }.into_any()
}

/// The case's service-level clocks as a summary list.
pub fn clocks_summary(clocks: &crate::domain::casework::CaseClocks) -> AnyView {
    let rows = clocks
        .all()
        .iter()
        .map(|clock| {
            view! {
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{t(&format!("casework.clock.{}", clock.kind.code()))}</dt>
                    <dd class="govuk-summary-list__value">{clock_cell(clock)}</dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <h2 class="govuk-heading-m">{t("casework.clocks.heading")}</h2>
        <dl class="govuk-summary-list">{rows}</dl>
    }
    .into_any()
}
