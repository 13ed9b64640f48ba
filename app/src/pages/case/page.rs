//! `/staff/cases/<reference>`: the case as its officer works it.

use crate::components::{path_param, query_param};
use leptos::prelude::*;
use leptos_meta::Title;

use super::{done_banner, error_summary, has_errors};
use crate::domain::case::{CaseStatus, Priority};
use crate::i18n::{long_date, t};
use crate::pages::casework::clock_cell;
use crate::pages::staff::{page_title, staff_page, StaffLayout};
use crate::server_fns::case::{case_href, load_case, CasePageView};

#[component]
pub fn CasePage() -> impl IntoView {
    let reference = path_param("reference");
    let done = query_param("done");
    let filter = query_param("timeline");
    // `?events=all`: the whole timeline, not only the newest events.
    let all_events = query_param("events").as_deref() == Some("all");
    let path = case_href(&reference);
    staff_page(load_case(reference, "case".to_owned()), path, move |view| {
        page(view, done, filter.clone(), all_events).into_any()
    })
}

fn row(label: String, value: impl IntoView + 'static) -> AnyView {
    view! {
        <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{label}</dt>
            <dd class="govuk-summary-list__value">{value}</dd>
        </div>
    }
    .into_any()
}

fn summary(view: &CasePageView) -> AnyView {
    let case = &view.case;
    let record = &case.record;
    let open = record.status == CaseStatus::Open;
    let clocks = view.clocks.clone();
    let dates = open.then(|| {
        view! {
            {row(t("case.summary.assign_by"), clock_cell(&clocks.assignment))}
            {row(t("case.summary.first_contact_due"), clock_cell(&clocks.first_contact))}
            {row(t("case.summary.contact_promised_by"), clock_cell(&clocks.contact_promised))}
            {row(t("case.summary.close_by"), clock_cell(&clocks.closure))}
        }
    });
    let closed = record.closed_on.map(|closed| {
        let outcome = record
            .outcome
            .as_ref()
            .map(|code| t(&format!("workflow.outcome.{code}")))
            .unwrap_or_default();
        view! {
            {row(t("case.summary.closed_on"), long_date(closed))}
            {row(t("case.summary.outcome"), outcome)}
        }
    });
    let title = if record.title.is_empty() {
        t("case.summary.no_title")
    } else {
        record.title.clone()
    };
    let priority = match record.priority {
        Priority::High => t("case.priority.high"),
        Priority::Medium => t("case.priority.medium"),
        Priority::Normal => t("case.priority.normal"),
    };
    view! {
        <h2 class="govuk-heading-m" id="summary">{t("case.summary.heading")}</h2>
        <dl class="govuk-summary-list app-summary-list--columns">
            {row(t("case.summary.type"), format!("{} ({})", record.case_type.code(), t(&record.case_type.description_key())))}
            {row(t("case.summary.stage"), t(&record.stage().label_key()))}
            {row(t("case.summary.queue"), case.queue_name.clone())}
            {row(t("case.summary.officer"), case.officer.clone().unwrap_or_else(|| t("case.summary.no_officer")))}
            {row(t("case.summary.priority"), priority)}
            {row(t("case.summary.title"), title)}
            {row(t("case.summary.received"), long_date(record.created_on))}
            {row(t("case.summary.instance"), crate::i18n::tf("case.summary.instance_value", &[("n", &record.instance.to_string()), ("date", &long_date(record.opened_on))]))}
            {dates}
            {closed}
        </dl>
    }
    .into_any()
}

fn actions(view: &CasePageView) -> AnyView {
    let record = &view.case.record;
    let href = case_href(&record.reference);
    let works = view.may.officer || view.may.manager;
    let open = record.status == CaseStatus::Open;
    view! {
        <div class="govuk-button-group">
            {(works && open).then(|| view! {
                <a class="govuk-button" href=format!("{href}/email")>{t("case.actions.email")}</a>
                <a class="govuk-button govuk-button--secondary" href=format!("{href}/close")>{t("case.actions.close")}</a>
            })}
            {(works && !open).then(|| view! {
                <a class="govuk-button govuk-button--secondary" href=format!("{href}/reopen")>{t("case.actions.reopen")}</a>
            })}
            {(view.may.manager && open && record.case_type != crate::domain::case::CaseKind::Ecs).then(|| view! {
                <a class="govuk-button govuk-button--secondary" href=crate::server_fns::case::staff_case_href(&record.reference)>{t("case.actions.staff_case")}</a>
            })}
        </div>
    }
    .into_any()
}

fn page(
    view: CasePageView,
    done: Option<String>,
    filter: Option<String>,
    all_events: bool,
) -> impl IntoView {
    let reference = view.case.record.reference.clone();
    let title = page_title(
        &crate::i18n::tf("case.page.title", &[("reference", &reference)]),
        has_errors(&view.flash),
    );
    let caption = format!(
        "{} {}",
        view.case.record.case_type.code(),
        t(&view.case.record.case_type.description_key())
    );
    let name = Some(view.me.name.clone());
    let content = view! {
            <a href="/staff/cases" class="govuk-back-link">{t("case.back_to_find")}</a>
            {done_banner(done)}
            {error_summary(&view.flash)}
            <span class="govuk-caption-l">{caption}</span>
            <h1 class="govuk-heading-l">{reference}</h1>
            {actions(&view)}
            <div class="app-case-top">
                {super::glance::glance(&view)}
                {super::glance::contents()}
            </div>
            {summary(&view)}
            {super::work::flags(&view)}
            {super::work::work(&view)}
            {super::work::case_type(&view)}
            {super::parties::parties(&view)}
            {super::record::answers(&view)}
            {super::record::documents(&view)}
            {super::record::correspondence(&view)}
            {super::record::notes(&view)}
            {super::record::timeline(&view, filter.as_deref(), all_events)}
            {super::record::instances(&view)}
    }
    .into_any();
    view! {
        <Title text=title/>
        <StaffLayout name=name>{content}</StaffLayout>
    }
}
