//! The case page's record: the submitted answers, documents, correspondence, notes, the timeline
//! of every event, and the case's instances.

use leptos::prelude::*;
use server_fn::ServerFn;

use super::fields::{problem, reference_field, typed};
use super::when;
use crate::components::fields::{Field, Textarea};
use crate::i18n::{fill, long_date, t};
use crate::server_fns::case::{case_href, AddNote, CasePageView, MessageView};

fn summary_rows(lines: &[(String, String)]) -> AnyView {
    lines
        .iter()
        .map(|(question, answer)| {
            view! {
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{question.clone()}</dt>
                    <dd class="govuk-summary-list__value app-preserve-lines">{answer.clone()}</dd>
                </div>
            }
        })
        .collect_view()
        .into_any()
}

pub fn answers(view: &CasePageView) -> AnyView {
    let sections = view
        .case
        .answers
        .iter()
        .map(|section| {
            view! {
                <h3 class="govuk-heading-s">{section.heading.clone()}</h3>
                <dl class="govuk-summary-list app-summary-list--columns">{summary_rows(&section.lines)}</dl>
            }
        })
        .collect_view();
    view! {
        <h2 class="govuk-heading-m" id="answers">{t("case.answers.heading")}</h2>
        {if view.case.answers.is_empty() {
            view! { <p class="govuk-body">{t("case.answers.none")}</p> }.into_any()
        } else {
            sections.into_any()
        }}
    }
    .into_any()
}

fn size(bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", (bytes + 1023) / 1024)
    }
}

pub fn documents(view: &CasePageView) -> AnyView {
    let href = case_href(&view.case.record.reference);
    let rows = view
        .case
        .documents
        .iter()
        .map(|document| {
            let link = format!("{href}/documents/{}", document.id);
            view! {
                <tr class="govuk-table__row">
                    <td class="govuk-table__cell"><a class="govuk-link" href=link download="">{document.file_name.clone()}</a></td>
                    <td class="govuk-table__cell">{t(&format!("case.document.kind.{}", document.kind))}</td>
                    <td class="govuk-table__cell">{document.file_type.to_uppercase()}</td>
                    <td class="govuk-table__cell">{size(document.size_bytes)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2 class="govuk-heading-m" id="documents">{t("case.documents.heading")}</h2>
        {if view.case.documents.is_empty() {
            view! { <p class="govuk-body">{t("case.documents.none")}</p> }.into_any()
        } else {
            view! {
                <table class="govuk-table">
                    <caption class="govuk-table__caption govuk-visually-hidden">{t("case.documents.heading")}</caption>
                    <thead class="govuk-table__head"><tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">{t("case.documents.col.name")}</th>
                        <th scope="col" class="govuk-table__header">{t("case.documents.col.kind")}</th>
                        <th scope="col" class="govuk-table__header">{t("case.documents.col.type")}</th>
                        <th scope="col" class="govuk-table__header">{t("case.documents.col.size")}</th>
                    </tr></thead>
                    <tbody class="govuk-table__body">{rows}</tbody>
                </table>
            }.into_any()
        }}
    }
    .into_any()
}

/// An email's attachments: each kept one a link to its document, each refused one with why.
fn message_attachments(href: &str, message: &MessageView) -> Option<AnyView> {
    if message.attachments.is_empty() {
        return None;
    }
    let items = message
        .attachments
        .iter()
        .map(|attachment| match (&attachment.document_id, &attachment.refused) {
            (Some(id), _) => {
                let link = format!("{href}/documents/{id}");
                view! { <li><a class="govuk-link" href=link download="">{attachment.file_name.clone()}</a></li> }
                    .into_any()
            }
            (None, Some(reason)) => {
                let text = fill(
                    &t("case.message.attachment.refused"),
                    &[("name", &attachment.file_name), ("reason", &t(reason))],
                );
                view! { <li data-testid="refused-attachment">{text}</li> }.into_any()
            }
            (None, None) => view! { <li>{attachment.file_name.clone()}</li> }.into_any(),
        })
        .collect_view();
    Some(
        view! {
            <h4 class="govuk-heading-s">{t("case.message.attachments")}</h4>
            <ul class="govuk-list govuk-list--bullet">{items}</ul>
        }
        .into_any(),
    )
}

pub fn correspondence(view: &CasePageView) -> AnyView {
    let href = case_href(&view.case.record.reference);
    let messages = view
        .case
        .messages
        .iter()
        .map(|message| {
            let heading = fill(
                &t(&format!("case.message.{}", message.direction)),
                &[("when", &when(message.at)), ("from", &message.from), ("to", &message.to)],
            );
            view! {
                <div class="govuk-summary-card" data-testid="message">
                    <div class="govuk-summary-card__title-wrapper">
                        <h3 class="govuk-summary-card__title">{message.subject.clone()}</h3>
                        <strong class="govuk-tag govuk-tag--grey">{t(&format!("case.message.status.{}", message.status))}</strong>
                    </div>
                    <div class="govuk-summary-card__content">
                        <p class="govuk-body-s">{heading}</p>
                        <p class="govuk-body app-preserve-lines">{message.body.clone()}</p>
                        {message_attachments(&href, message)}
                    </div>
                </div>
            }
        })
        .collect_view();
    view! {
        <h2 class="govuk-heading-m" id="correspondence">{t("case.correspondence.heading")}</h2>
        {if view.case.messages.is_empty() {
            view! { <p class="govuk-body">{t("case.correspondence.none")}</p> }.into_any()
        } else {
            messages.into_any()
        }}
    }
    .into_any()
}

pub fn notes(view: &CasePageView) -> AnyView {
    let flash = &view.flash;
    let notes = view
        .case
        .timeline
        .iter()
        .filter(|entry| entry.code == "note")
        .map(|entry| {
            let text = entry
                .details
                .iter()
                .map(|(_, value)| value.clone())
                .collect::<Vec<_>>()
                .join("\n");
            view! {
                <div class="govuk-inset-text">
                    <p class="govuk-body-s">{fill(&t("case.notes.by"), &[("who", &entry.who), ("when", &when(entry.at))])}</p>
                    <p class="govuk-body app-preserve-lines">{text}</p>
                </div>
            }
        })
        .collect_view();
    // The form behind "details", open when a note was refused.
    let refused = problem(flash, "note").is_some();
    view! {
        <h2 class="govuk-heading-m" id="notes">{t("case.notes.heading")}</h2>
        {notes}
        <details class="govuk-details" open=refused>
            <summary class="govuk-details__summary">
                <span class="govuk-details__summary-text">{t("case.notes.write")}</span>
            </summary>
            <div class="govuk-details__text">
                <form method="post" action=AddNote::url()>
                    {reference_field(&view.case.record.reference)}
                    {Field::new("note", t("case.notes.label"))
                        .error(problem(flash, "note"))
                        .textarea(Textarea::new(typed(flash, "note", ""), 3))}
                    <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">{t("case.notes.submit")}</button>
                </form>
            </div>
        </details>
    }
    .into_any()
}

/// The timeline's filter: plain links (`?timeline=<kind>`), one for each kind of event on the
/// case, so it works without JavaScript.
fn timeline_filter(view: &CasePageView, filter: Option<&str>) -> AnyView {
    let href = crate::server_fns::case::case_href(&view.case.record.reference);
    let mut kinds: Vec<(String, String, usize)> = Vec::new();
    for entry in &view.case.timeline {
        match kinds.iter_mut().find(|(code, _, _)| *code == entry.code) {
            Some((_, _, count)) => *count += 1,
            None => kinds.push((entry.code.clone(), entry.kind.clone(), 1)),
        }
    }
    kinds.sort_by(|a, b| a.1.cmp(&b.1));
    let link = |label: String, target: String, current: bool| {
        view! {
            <li class="app-timeline-filter__item">
                <a class="govuk-link" href=target aria-current=current.then_some("true")>
                    {if current { view! { <strong>{label}</strong> }.into_any() } else { view! { {label} }.into_any() }}
                </a>
            </li>
        }
    };
    let all = fill(
        &t("case.timeline.filter.all"),
        &[("n", &view.case.timeline.len().to_string())],
    );
    let each = kinds
        .into_iter()
        .map(|(code, kind, count)| {
            let current = filter == Some(code.as_str());
            let label = fill(
                &t("case.timeline.filter.kind"),
                &[("kind", &kind), ("n", &count.to_string())],
            );
            link(label, format!("{href}?timeline={code}#timeline"), current)
        })
        .collect_view();
    view! {
        <nav class="app-timeline-filter" aria-labelledby="timeline-filter" data-testid="timeline-filter">
            <h3 class="govuk-heading-s" id="timeline-filter">{t("case.timeline.filter.heading")}</h3>
            <ul class="govuk-list app-timeline-filter__list">
                {link(all, format!("{href}#timeline"), filter.is_none())}
                {each}
            </ul>
        </nav>
    }
    .into_any()
}

/// How many of the newest events the timeline shows until all are asked for (`?events=all`).
const NEWEST_EVENTS: usize = 20;

/// "Showing the newest 20 of 45 events. Show all 45 events", or the way back to the newest:
/// plain links that keep the filter. Nothing when every event shows anyway.
fn timeline_more(view: &CasePageView, filter: Option<&str>, total: usize, all: bool) -> AnyView {
    if total <= NEWEST_EVENTS {
        return ().into_any();
    }
    let href = case_href(&view.case.record.reference);
    let base = match filter {
        Some(code) => format!("{href}?timeline={code}"),
        None => href,
    };
    let shown = NEWEST_EVENTS.to_string();
    if all {
        let newest = fill(&t("case.timeline.show_newest"), &[("n", &shown)]);
        return view! {
            <p class="govuk-body" data-testid="timeline-more">
                <a class="govuk-link" href=format!("{base}#timeline")>{newest}</a>
            </p>
        }
        .into_any();
    }
    let total = total.to_string();
    let showing = fill(
        &t("case.timeline.newest"),
        &[("shown", &shown), ("total", &total)],
    );
    let sep = if base.contains('?') { '&' } else { '?' };
    view! {
        <p class="govuk-body" data-testid="timeline-more">
            {showing}" "
            <a class="govuk-link" href=format!("{base}{sep}events=all#timeline")>
                {fill(&t("case.timeline.show_all"), &[("n", &total)])}
            </a>
        </p>
    }
    .into_any()
}

/// The timeline, oldest first: the newest [`NEWEST_EVENTS`] of the events the filter lets
/// through, or all of them (`all`).
pub fn timeline(view: &CasePageView, filter: Option<&str>, all: bool) -> AnyView {
    let filter = filter.filter(|code| view.case.timeline.iter().any(|e| e.code == *code));
    let matching: Vec<_> = view
        .case
        .timeline
        .iter()
        .filter(|entry| filter.is_none_or(|code| entry.code == code))
        .collect();
    let total = matching.len();
    let skip = if all {
        0
    } else {
        total.saturating_sub(NEWEST_EVENTS)
    };
    let rows = matching[skip..]
        .iter()
        .map(|entry| {
            let details = entry
                .details
                .iter()
                .map(|(label, value)| view! { <li>{format!("{label}: {value}")}</li> })
                .collect_view();
            view! {
                <tr class="govuk-table__row" data-testid="event" data-kind=entry.code.clone()>
                    <td class="govuk-table__cell">{when(entry.at)}</td>
                    <td class="govuk-table__cell">{entry.kind.clone()}</td>
                    <td class="govuk-table__cell">{entry.who.clone()}</td>
                    <td class="govuk-table__cell"><ul class="govuk-list govuk-body-s app-preserve-lines">{details}</ul></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2 class="govuk-heading-m" id="timeline">{t("case.timeline.heading")}</h2>
        {timeline_filter(view, filter)}
        {timeline_more(view, filter, total, all)}
        <table class="govuk-table">
            <caption class="govuk-table__caption govuk-visually-hidden">{t("case.timeline.heading")}</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">{t("case.timeline.col.when")}</th>
                <th scope="col" class="govuk-table__header">{t("case.timeline.col.what")}</th>
                <th scope="col" class="govuk-table__header">{t("case.timeline.col.who")}</th>
                <th scope="col" class="govuk-table__header">{t("case.timeline.col.details")}</th>
            </tr></thead>
            <tbody class="govuk-table__body">{rows}</tbody>
        </table>
    }
    .into_any()
}

pub fn instances(view: &CasePageView) -> AnyView {
    let rows = view
        .case
        .instances
        .iter()
        .map(|instance| {
            let closed = instance
                .closed_on
                .map(long_date)
                .unwrap_or_else(|| t("case.instances.open"));
            let outcome = instance
                .outcome
                .as_ref()
                .map(|code| t(&format!("workflow.outcome.{code}")))
                .unwrap_or_default();
            view! {
                <tr class="govuk-table__row">
                    <td class="govuk-table__cell">{instance.number}</td>
                    <td class="govuk-table__cell">{long_date(instance.opened_on)}</td>
                    <td class="govuk-table__cell">{closed}</td>
                    <td class="govuk-table__cell">{outcome}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2 class="govuk-heading-m" id="instances">{t("case.instances.heading")}</h2>
        <table class="govuk-table">
            <caption class="govuk-table__caption govuk-visually-hidden">{t("case.instances.heading")}</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">{t("case.instances.col.number")}</th>
                <th scope="col" class="govuk-table__header">{t("case.instances.col.opened")}</th>
                <th scope="col" class="govuk-table__header">{t("case.instances.col.closed")}</th>
                <th scope="col" class="govuk-table__header">{t("case.instances.col.outcome")}</th>
            </tr></thead>
            <tbody class="govuk-table__body">{rows}</tbody>
        </table>
    }
    .into_any()
}
