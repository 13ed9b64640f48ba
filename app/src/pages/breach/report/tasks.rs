//! `/report-breach/report`: the task list (GOV.UK task list pattern). Each part says whether it
//! is completed; "check and send" opens once every part is.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::clock::clock_banner;
use super::{frame, with_draft, CHECK, TASKS};
use crate::domain::breach::{missing_parts, BreachDraft, Part};
use crate::i18n::{fill, t};
use crate::server_fns::breach::BreachView;

#[component]
pub fn TasksPage() -> impl IntoView {
    with_draft(tasks)
}

fn tasks(view: BreachView, draft: BreachDraft) -> AnyView {
    let incomplete = use_query_map()
        .read_untracked()
        .get("incomplete")
        .is_some_and(|v| v == "true");
    let missing = missing_parts(&draft.report);
    let done = Part::all().len() - missing.len();
    let errors: Vec<(String, String)> = if incomplete && !missing.is_empty() {
        vec![(
            missing
                .first()
                .map(|part| format!("task-{}", part.code()))
                .unwrap_or_default(),
            t("breach.report.tasks.incomplete"),
        )]
    } else {
        Vec::new()
    };
    let title = t("breach.report.tasks.title");
    let items = Part::all()
        .iter()
        .map(|part| {
            let slug = part.code();
            let status_id = format!("task-{slug}-status");
            let href = format!("{TASKS}/{slug}");
            let status = if part.is_done(&draft.report) {
                view! { <div class="govuk-task-list__status" id=status_id.clone()>{t("breach.report.tasks.completed")}</div> }.into_any()
            } else {
                view! {
                    <div class="govuk-task-list__status" id=status_id.clone()>
                        <strong class="govuk-tag govuk-tag--blue">{t("breach.report.tasks.not_started")}</strong>
                    </div>
                }
                .into_any()
            };
            view! {
                <li class="govuk-task-list__item govuk-task-list__item--with-link">
                    <div class="govuk-task-list__name-and-hint">
                        <a class="govuk-link govuk-task-list__link" id=format!("task-{slug}") href=href aria-describedby=status_id>
                            {t(&format!("breach.part.{slug}"))}
                        </a>
                    </div>
                    {status}
                </li>
            }
        })
        .collect_view();
    let progress = fill(
        &t("breach.report.tasks.progress"),
        &[
            ("done", &done.to_string()),
            ("all", &Part::all().len().to_string()),
        ],
    );
    let ready = missing.is_empty();
    frame(
        title.clone(),
        None,
        errors,
        view! {
            <span class="govuk-caption-l">{t("breach.title")}</span>
            <h1 class="govuk-heading-l">{title}</h1>
            {clock_banner(&view)}
            <p class="govuk-body" data-testid="progress">{progress}</p>
            <ul class="govuk-task-list">{items}</ul>
            {if ready {
                view! {
                    <h2 class="govuk-heading-m">{t("breach.report.tasks.send_title")}</h2>
                    <p class="govuk-body">{t("breach.report.tasks.send_body")}</p>
                    <a class="govuk-button" href=CHECK>{t("breach.report.tasks.check")}</a>
                }
                .into_any()
            } else {
                view! { <p class="govuk-body">{t("breach.report.tasks.finish_all")}</p> }.into_any()
            }}
            <h2 class="govuk-heading-m">{t("breach.report.tasks.later_title")}</h2>
            <p class="govuk-body">
                <a class="govuk-link" href="/report-breach/report/save">{t("breach.report.tasks.later")}</a>
            </p>
        }
        .into_any(),
    )
}
