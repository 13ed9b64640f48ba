//! `/staff/breaches`: the Enforcement triage (manual §3). A day's self-reported incidents,
//! riskiest first, each row showing its score and every reason for it; staff move a high-risk
//! incident to Enforcement, or set priority medium and send it to its sector's queue. Plain
//! posts, so it works without JavaScript.

use crate::components::query_param;
use leptos::prelude::*;
use leptos_meta::Title;
use server_fn::ServerFn;

use crate::domain::breach::TriageMove;
use crate::i18n::{fill, long_date, t};
use crate::pages::breach::report::moment;
use crate::pages::staff::{staff_page, StaffLayout};
use crate::server_fns::breach::triage::{load_triage, MoveBreach, TriageRow, TriageView};

#[component]
pub fn TriagePage() -> impl IntoView {
    let moved = query_param("moved");
    staff_page(
        load_triage(query_param("day")),
        "/staff/breaches".to_owned(),
        move |view| page(view, moved).into_any(),
    )
}

fn queue_text(row: &TriageRow) -> String {
    let queue = row.work_queue.map(|queue| queue.name()).unwrap_or_default();
    let priority = row
        .priority
        .map(|priority| {
            t(&format!(
                "breach.triage.priority.{}",
                priority_code(priority)
            ))
        })
        .unwrap_or_default();
    fill(
        &t("breach.triage.queue_text"),
        &[
            ("queue", &queue),
            ("priority", &priority),
            ("date", &long_date(row.assign_by)),
        ],
    )
}

fn priority_code(priority: crate::domain::case::Priority) -> &'static str {
    use crate::domain::case::Priority;
    match priority {
        Priority::High => "high",
        Priority::Medium => "medium",
        Priority::Normal => "normal",
    }
}

fn row_view(row: TriageRow, day: String) -> impl IntoView {
    let reasons = row
        .risk
        .reasons
        .iter()
        .map(|reason| {
            let text = fill(
                &t("breach.triage.reason"),
                &[
                    (
                        "reason",
                        &t(&format!("breach.risk.factor.{}", reason.factor.code())),
                    ),
                    ("points", &reason.points.to_string()),
                ],
            );
            view! { <li>{text}</li> }
        })
        .collect_view();
    let band = row.risk.band.code();
    let tag = match band {
        "high" => "govuk-tag govuk-tag--red",
        "medium" => "govuk-tag govuk-tag--yellow",
        _ => "govuk-tag govuk-tag--grey",
    };
    let when = row
        .aware_at
        .map(moment)
        .unwrap_or_else(|| t("breach.copy.not_known"));
    let people = row
        .people
        .map(|n| n.to_string())
        .unwrap_or_else(|| t("breach.copy.not_known"));
    let actions = if row.waiting {
        let reference = row.reference.clone();
        let form = move |to: TriageMove, class: &'static str| {
            let label = t(&format!("breach.triage.move.{}", to.code()));
            view! {
                <form method="post" action=MoveBreach::url() class="app-inline-form">
                    <input type="hidden" name="reference" value=reference.clone()/>
                    <input type="hidden" name="to" value=to.code()/>
                    <input type="hidden" name="day" value=day.clone()/>
                    <button type="submit" class=class data-module="govuk-button">
                        {label}<span class="govuk-visually-hidden">{format!(" {}", reference)}</span>
                    </button>
                </form>
            }
        };
        view! {
            <div class="govuk-button-group">
                {form(TriageMove::Enforcement, "govuk-button govuk-button--warning")}
                {form(TriageMove::SectorQueue, "govuk-button govuk-button--secondary")}
            </div>
        }
        .into_any()
    } else {
        view! { <p class="govuk-body-s">{t("breach.triage.decided")}</p> }.into_any()
    };
    view! {
        <tr class="govuk-table__row" id=row.reference.clone() data-testid="triage-row">
            <td class="govuk-table__cell">
                <strong>{row.reference.clone()}</strong><br/>
                {row.organisation.clone()}<br/>
                <span class="govuk-body-s">{fill(&t("breach.triage.aware"), &[("when", &when)])}</span><br/>
                <span class="govuk-body-s">{fill(&t("breach.triage.people"), &[("people", &people)])}</span>
                {(row.follow_ups > 0).then(|| view! {
                    <br/><span class="govuk-body-s">{fill(&t("breach.triage.follow_ups"), &[("n", &row.follow_ups.to_string())])}</span>
                })}
            </td>
            <td class="govuk-table__cell govuk-table__cell--numeric" data-testid="score">
                <strong class=tag>{t(&format!("breach.risk.band.{band}"))}</strong>
                <span class="app-score">{row.risk.score}</span>
            </td>
            <td class="govuk-table__cell"><ul class="govuk-list govuk-list--bullet govuk-body-s">{reasons}</ul></td>
            <td class="govuk-table__cell" data-testid="queue">{queue_text(&row)}{actions}</td>
        </tr>
    }
}

fn page(view: TriageView, moved: Option<String>) -> impl IntoView {
    let title = t("breach.triage.title");
    let day = view.day.to_string();
    let caption = fill(
        &t("breach.triage.caption"),
        &[
            ("date", &long_date(view.day)),
            ("n", &view.rows.len().to_string()),
        ],
    );
    let previous = format!(
        "/staff/breaches?day={}",
        view.day.pred_opt().unwrap_or(view.day)
    );
    let next = format!(
        "/staff/breaches?day={}",
        view.day.succ_opt().unwrap_or(view.day)
    );
    let empty = view.rows.is_empty();
    let rows = view
        .rows
        .into_iter()
        .map(|row| row_view(row, day.clone()))
        .collect_view();
    view! {
        <Title text=title.clone()/>
        <StaffLayout name=Some(view.me.name.clone())>
            <a href="/staff" class="govuk-back-link">{t("common.back")}</a>
            {moved.map(|reference| view! {
                <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="moved-title">
                    <div class="govuk-notification-banner__header">
                        <h2 class="govuk-notification-banner__title" id="moved-title">{t("breach.triage.moved_title")}</h2>
                    </div>
                    <div class="govuk-notification-banner__content">
                        <p class="govuk-notification-banner__heading">{fill(&t("breach.triage.moved"), &[("reference", &reference)])}</p>
                    </div>
                </div>
            })}
            <h1 class="govuk-heading-l">{title}</h1>
            <p class="govuk-body">{t("breach.triage.lede")}</p>
            <p class="govuk-body">
                <a class="govuk-link" href=previous>{t("breach.triage.previous")}</a>
                " · "
                <a class="govuk-link" href=next>{t("breach.triage.next")}</a>
            </p>
            {if empty {
                view! { <p class="govuk-body">{caption}</p><p class="govuk-body">{t("breach.triage.none")}</p> }.into_any()
            } else {
                view! {
                    <table class="govuk-table">
                        <caption class="govuk-table__caption govuk-table__caption--m">{caption}</caption>
                        <thead class="govuk-table__head">
                            <tr class="govuk-table__row">
                                <th scope="col" class="govuk-table__header">{t("breach.triage.col.incident")}</th>
                                <th scope="col" class="govuk-table__header govuk-table__header--numeric">{t("breach.triage.col.score")}</th>
                                <th scope="col" class="govuk-table__header">{t("breach.triage.col.why")}</th>
                                <th scope="col" class="govuk-table__header">{t("breach.triage.col.queue")}</th>
                            </tr>
                        </thead>
                        <tbody class="govuk-table__body">{rows}</tbody>
                    </table>
                }
                .into_any()
            }}
            <details class="govuk-details">
                <summary class="govuk-details__summary"><span class="govuk-details__summary-text">{t("breach.triage.how_title")}</span></summary>
                <div class="govuk-details__text">{t("breach.triage.how")}</div>
            </details>
        </StaffLayout>
    }
}
