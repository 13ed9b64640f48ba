//! The case page's flags, work items (the 'prepare' checklist of manual §5 and Enforcement's
//! 'provide advice'), and the case type change (manual §3).

use leptos::prelude::*;
use server_fn::ServerFn;

use super::fields::{problem, reference_field, typed};
use super::when;
use crate::components::fields::{single_checkbox, Field, First, Textarea};
use crate::domain::case::{
    expected_type_change, type_change_options, CaseStatus, PREPARE, PROVIDE_ADVICE,
};
use crate::i18n::{fill, long_date, t};
use crate::server_fns::case::{CasePageView, ChangeType, CompleteAdvice, PrepareCase};

pub fn flags(view: &CasePageView) -> AnyView {
    let flags = &view.case.flags;
    let rows = flags
        .iter()
        .map(|flag| {
            let state = match (&flag.cleared_at, &flag.cleared_reason) {
                (Some(at), reason) => fill(
                    &t("case.flags.cleared"),
                    &[
                        ("when", &when(*at)),
                        ("reason", reason.as_deref().unwrap_or_default()),
                    ],
                ),
                (None, _) => t("case.flags.not_cleared"),
            };
            view! {
                <tr class="govuk-table__row">
                    <td class="govuk-table__cell">{t(&format!("case.flag.{}", flag.kind))}</td>
                    <td class="govuk-table__cell">{flag.reason.clone()}</td>
                    <td class="govuk-table__cell">{state}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2 class="govuk-heading-m" id="flags">{t("case.flags.heading")}</h2>
        {if flags.is_empty() {
            view! { <p class="govuk-body">{t("case.flags.none")}</p> }.into_any()
        } else {
            view! {
                <table class="govuk-table">
                    <caption class="govuk-table__caption govuk-visually-hidden">{t("case.flags.heading")}</caption>
                    <thead class="govuk-table__head"><tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">{t("case.flags.col.flag")}</th>
                        <th scope="col" class="govuk-table__header">{t("case.flags.col.reason")}</th>
                        <th scope="col" class="govuk-table__header">{t("case.flags.col.state")}</th>
                    </tr></thead>
                    <tbody class="govuk-table__body">{rows}</tbody>
                </table>
            }.into_any()
        }}
    }
    .into_any()
}

/// The 'prepare' checklist: potential criminal breach, parties, similar ongoing cases.
fn checklist(view: &CasePageView) -> AnyView {
    let case = &view.case;
    let reference = case.record.reference.clone();
    let breach = case
        .flags
        .iter()
        .find(|flag| flag.kind == "potential_criminal_breach");
    let advice = case
        .work_items
        .iter()
        .find(|item| item.kind == PROVIDE_ADVICE);
    let advice_open = advice.is_some_and(|item| item.completed_at.is_none());
    let breach_text = match (breach, advice) {
        (None, _) => t("case.prepare.breach.none"),
        (Some(flag), Some(item)) if item.completed_at.is_some() => fill(
            &t("case.prepare.breach.advised"),
            &[
                ("reason", &flag.reason),
                ("who", item.completed_by.as_deref().unwrap_or_default()),
                ("note", item.note.as_deref().unwrap_or_default()),
            ],
        ),
        (Some(flag), _) => fill(
            &t("case.prepare.breach.flagged"),
            &[("reason", &flag.reason)],
        ),
    };
    let similar = case
        .similar
        .iter()
        .map(|similar| {
            let href = crate::server_fns::case::case_href(&similar.reference);
            let why = t(&format!("case.similar.{}", similar.reason.code()));
            view! {
                <li><a class="govuk-link" href=href>{similar.reference.clone()}</a>
                    {format!(" ({}) — {why}", similar.case_type.code())}</li>
            }
        })
        .collect_view();
    let parties = fill(
        &t("case.prepare.parties.count"),
        &[("n", &case.parties.len().to_string())],
    );
    view! {
        <ol class="govuk-list govuk-list--number">
            <li>
                <strong>{t("case.prepare.breach.heading")}</strong>
                <p class="govuk-body">{breach_text}</p>
                {advice_open.then(|| view! {
                    <div class="govuk-warning-text">
                        <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                        <strong class="govuk-warning-text__text">
                            <span class="govuk-visually-hidden">{t("case.warning")}</span>
                            {t("case.prepare.error.advice_open")}
                        </strong>
                    </div>
                })}
            </li>
            <li>
                <strong>{t("case.prepare.parties.heading")}</strong>
                <p class="govuk-body">{parties}" "<a class="govuk-link" href="#parties">{t("case.prepare.parties.link")}</a></p>
            </li>
            <li>
                <strong>{t("case.prepare.similar.heading")}</strong>
                {if case.similar.is_empty() {
                    view! { <p class="govuk-body">{t("case.prepare.similar.none")}</p> }.into_any()
                } else {
                    view! { <ul class="govuk-list govuk-list--bullet" data-testid="similar">{similar}</ul> }.into_any()
                }}
            </li>
        </ol>
        {view.may.officer.then(|| view! {
            <form method="post" action=PrepareCase::url()>
                {reference_field(&reference)}
                <button type="submit" class="govuk-button" data-module="govuk-button">{t("case.prepare.submit")}</button>
            </form>
        })}
    }
    .into_any()
}

pub fn work(view: &CasePageView) -> AnyView {
    let case = &view.case;
    let reference = case.record.reference.clone();
    let open = case.record.status == CaseStatus::Open;
    let preparing = open
        && case
            .work_items
            .iter()
            .any(|item| item.kind == PREPARE && item.completed_at.is_none());
    let advice_open = case
        .work_items
        .iter()
        .any(|item| item.kind == PROVIDE_ADVICE && item.completed_at.is_none());
    let flash = &view.flash;
    let advice_form = (view.may.enforcement && advice_open).then(|| {
        view! {
            <form method="post" action=CompleteAdvice::url()>
                {reference_field(&reference)}
                {Field::new("advice", t("case.advice.label"))
                    .hint(Some(t("case.advice.hint")))
                    .error(problem(flash, "advice"))
                    .textarea(Textarea::new(typed(flash, "advice", ""), 4))}
                {single_checkbox("open_pcb", t("case.advice.pcb"), typed(flash, "open_pcb", "") == "yes")}
                <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">{t("case.advice.submit")}</button>
            </form>
        }
    });
    let rows = case
        .work_items
        .iter()
        .map(|item| {
            let state = match (&item.completed_at, &item.completed_by) {
                (Some(at), who) => fill(&t("case.work.completed"), &[("when", &when(*at)), ("who", who.as_deref().unwrap_or_default())]),
                (None, _) => t("case.work.open"),
            };
            view! {
                <tr class="govuk-table__row">
                    <td class="govuk-table__cell">{t(&format!("case.work.kind.{}", item.kind))}</td>
                    <td class="govuk-table__cell">{item.queue.clone()}</td>
                    <td class="govuk-table__cell">{long_date(item.due_on)}</td>
                    <td class="govuk-table__cell">{state}{item.note.clone().map(|note| view! { <br/><span class="govuk-body-s">{note}</span> })}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2 class="govuk-heading-m" id="work">{t("case.work.heading")}</h2>
        {problem(flash, "prepare").map(|message| view! { <p class="govuk-error-message" id="prepare">{message}</p> })}
        {preparing.then(|| view! {
            <h3 class="govuk-heading-s">{t("case.prepare.heading")}</h3>
            {checklist(view)}
        })}
        {advice_form}
        <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--s">{t("case.work.caption")}</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">{t("case.work.col.item")}</th>
                <th scope="col" class="govuk-table__header">{t("case.work.col.queue")}</th>
                <th scope="col" class="govuk-table__header">{t("case.work.col.due")}</th>
                <th scope="col" class="govuk-table__header">{t("case.work.col.state")}</th>
            </tr></thead>
            <tbody class="govuk-table__body">{rows}</tbody>
        </table>
    }
    .into_any()
}

pub fn case_type(view: &CasePageView) -> AnyView {
    let record = &view.case.record;
    let reference = record.reference.clone();
    let works = view.may.officer || view.may.manager;
    let flash = &view.flash;
    let body = if record.ever_closed() {
        view! { <div class="govuk-inset-text" id="case-type">{t("case.type.problem.ever_closed")}</div> }.into_any()
    } else if !works {
        view! { <p class="govuk-body">{t("case.type.not_yours")}</p> }.into_any()
    } else {
        let expected = expected_type_change(record).map(|to| {
            let label = fill(&t("case.type.expected"), &[("from", record.case_type.code()), ("to", to.code()), ("description", &t(&to.description_key()))]);
            let reference = reference.clone();
            view! {
                <form method="post" action=ChangeType::url()>
                    {reference_field(&reference)}
                    <input type="hidden" name="to" value=to.code()/>
                    <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">{label}</button>
                </form>
            }
        });
        let options = type_change_options(record)
            .into_iter()
            .map(|kind| {
                (
                    kind.code().to_owned(),
                    format!("{} ({})", kind.code(), t(&kind.description_key())),
                )
            })
            .collect();
        // The expected change is one button; any other type, rarely wanted, behind "details"
        // (open when its answer was refused).
        let refused = problem(flash, "case-type").is_some();
        view! {
            {expected}
            <details class="govuk-details" open=refused>
                <summary class="govuk-details__summary">
                    <span class="govuk-details__summary-text">{t("case.type.other")}</span>
                </summary>
                <div class="govuk-details__text">
                    <form method="post" action=ChangeType::url()>
                        {reference_field(&reference)}
                        {Field::new("case-type", t("case.type.label"))
                            .name("to")
                            .error(problem(flash, "case-type"))
                            .select(First::None(t("case.type.none")), options, &typed(flash, "case-type", ""))}
                        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">{t("case.type.submit")}</button>
                    </form>
                </div>
            </details>
        }
        .into_any()
    };
    view! {
        <h2 class="govuk-heading-m" id="type">{t("case.type.heading")}</h2>
        <p class="govuk-body">{fill(&t("case.type.current"), &[("a", crate::i18n::a_or_an(record.case_type.code())), ("type", record.case_type.code()), ("description", &t(&record.case_type.description_key()))])}</p>
        {body}
    }
    .into_any()
}
