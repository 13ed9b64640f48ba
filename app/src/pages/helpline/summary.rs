//! `/staff/helpline/<reference>`: the case as the caller is told about it. Warnings come first
//! ('no further contact' before anything else), then where the case stands in plain words, who
//! has it, what happens next and by when, and the last contact.

use crate::components::{path_param, query_param};
use leptos::prelude::*;
use leptos_meta::Title;

use super::done_banner;
use crate::components::ErrorSummary;
use crate::domain::case::{Priority, Stage};
use crate::i18n::{long_date, t, tf};
use crate::pages::case::when;
use crate::pages::staff::{page_title, staff_page, StaffLayout};
use crate::server_fns::helpline::{load_summary, summary_href, SummaryView, Warning};

#[component]
pub fn SummaryPage() -> impl IntoView {
    let reference = path_param("reference");
    let done = query_param("done");
    let path = summary_href(&reference);
    staff_page(load_summary(reference), path, move |view| {
        page(view, done).into_any()
    })
}

fn warning(warning: &Warning) -> AnyView {
    let heading = t(&format!("helpline.warning.{}", warning.code));
    let about = warning
        .party
        .as_ref()
        .map(|party| tf("helpline.warning.about", &[("party", party)]));
    let detail = warning.detail.clone();
    let class = if warning.code == "nfc" {
        "govuk-warning-text app-nfc"
    } else {
        "govuk-warning-text"
    };
    view! {
        <div class=class data-testid=format!("warning-{}", warning.code)>
            <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
            <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">{t("helpline.warning.hidden")}</span>
                {heading}
                {about.map(|about| view! { " "{about} })}
                {detail.map(|detail| view! { <br/><span class="govuk-body-s">{detail}</span> })}
            </strong>
        </div>
    }
    .into_any()
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

/// What happens next, and by when, in words a caller understands.
fn next_step(view: &SummaryView) -> String {
    match view.stage {
        Stage::Sift => tf(
            "helpline.next.sift",
            &[("date", &long_date(view.assign_by))],
        ),
        Stage::Queue => tf(
            "helpline.next.queue",
            &[
                ("queue", &view.queue_name),
                ("date", &long_date(view.contact_promised_by)),
            ],
        ),
        Stage::Allocated => tf(
            "helpline.next.allocated",
            &[
                ("officer", view.officer.as_deref().unwrap_or_default()),
                ("date", &long_date(view.contact_promised_by)),
                ("close", &long_date(view.close_by)),
            ],
        ),
        Stage::Closed => tf(
            "helpline.next.closed",
            &[("date", &view.closed_on.map(long_date).unwrap_or_default())],
        ),
    }
}

fn summary(view: &SummaryView) -> AnyView {
    let who = match &view.officer {
        Some(officer) => tf("helpline.summary.officer", &[("officer", officer)]),
        None => tf("helpline.summary.queue", &[("queue", &view.queue_name)]),
    };
    let away = view.first_away_until.map(|until| {
        tf(
            "helpline.summary.away_until",
            &[("date", &long_date(until))],
        )
    });
    let last = match &view.last_contact {
        Some((at, kind)) => format!("{kind}, {}", when(*at)),
        None => t("helpline.summary.no_contact"),
    };
    let priority = match view.priority {
        Priority::High => t("case.priority.high"),
        Priority::Medium => t("case.priority.medium"),
        Priority::Normal => t("case.priority.normal"),
    };
    let outcome = view.outcome.as_ref().map(|code| {
        row(
            t("helpline.summary.outcome"),
            t(&format!("workflow.outcome.{code}")),
        )
    });
    view! {
        <dl class="govuk-summary-list" id="summary">
            {row(t("helpline.summary.status"), t(&view.stage.label_key()))}
            {row(t("helpline.summary.who"), view! { {who}{away.map(|away| view! { " "<strong class="govuk-tag govuk-tag--yellow">{away}</strong> })} })}
            {row(t("helpline.summary.next"), next_step(view))}
            {row(t("helpline.summary.last_contact"), last)}
            {row(t("helpline.summary.priority"), priority)}
            {row(t("helpline.summary.type"), format!("{} ({})", view.case_type.code(), t(&view.case_type.description_key())))}
            {row(t("helpline.summary.received"), long_date(view.created_on))}
            {outcome}
        </dl>
    }
    .into_any()
}

fn callers(view: &SummaryView) -> AnyView {
    let rows = view
        .callers
        .iter()
        .map(|caller| {
            let contact = [caller.email.clone(), caller.phone.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
            view! {
                <tr class="govuk-table__row">
                    <td class="govuk-table__cell">{caller.name.clone()}</td>
                    <td class="govuk-table__cell">{t(&format!("case.party.role.{}", caller.role))}</td>
                    <td class="govuk-table__cell">{contact}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--m">{t("helpline.parties.title")}</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">{t("helpline.parties.name")}</th>
                <th scope="col" class="govuk-table__header">{t("helpline.parties.role")}</th>
                <th scope="col" class="govuk-table__header">{t("helpline.parties.contact")}</th>
            </tr></thead>
            <tbody class="govuk-table__body">{rows}</tbody>
        </table>
    }
    .into_any()
}

fn page(view: SummaryView, done: Option<String>) -> impl IntoView {
    let flash = &view.flash;
    let has_errors = flash.as_ref().is_some_and(|f| !f.errors.is_empty());
    let title = page_title(
        &tf("helpline.summary.title", &[("reference", &view.reference)]),
        has_errors,
    );
    let errors = flash
        .as_ref()
        .map(|flash| {
            flash
                .errors
                .iter()
                .map(|(field, key)| (field.clone(), t(key)))
                .collect()
        })
        .unwrap_or_default();
    let warnings = view.warnings.iter().map(warning).collect_view();
    let name = Some(view.me.name.clone());
    let content = view! {
        <a href="/staff/helpline" class="govuk-back-link">{t("helpline.back_to_console")}</a>
        {done_banner(done)}
        <ErrorSummary errors/>
        <div id="warnings">{warnings}</div>
        <span class="govuk-caption-l">{t("helpline.summary.caption")}</span>
        <h1 class="govuk-heading-l">{view.reference.clone()}</h1>
        {summary(&view)}
        {callers(&view)}
        {super::summary_forms::callbacks(&view)}
        {super::summary_forms::priority(&view)}
    }
    .into_any();
    view! {
        <Title text=title/>
        <StaffLayout name=name>{content}</StaffLayout>
    }
}
