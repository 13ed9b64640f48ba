//! `/track/case`: where the case is, in plain words, for the person who handed it in.

use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_query_map;
use server_fn::ServerFn;

use crate::components::page_frame as frame;
use crate::components::TextArea;
use crate::domain::tracking::WaitEstimate;
use crate::i18n::{fill, has, long_date, t};
use crate::pages::concern::question::journey_page;
use crate::server_fns::tracking::{
    load_tracked_case, AddTrackInformation, AskTrackPriority, TrackView,
};

/// A problem code of the add-information or prioritisation form as (field, message), if it is
/// one of ours; the limits are the settings' (`view`).
fn add_problem(code: &str, view: &TrackView) -> Option<(String, String)> {
    let limit = |max: usize| {
        fill(
            &t(&format!("track.error.{code}")),
            &[("max", &crate::components::grouped(max))],
        )
    };
    match code {
        "text_required" => Some(("text".to_owned(), t(&format!("track.error.{code}")))),
        "text_too_long" => Some(("text".to_owned(), limit(view.text_chars))),
        "reasons_required" | "no_manager" => {
            Some(("reasons".to_owned(), t(&format!("track.error.{code}"))))
        }
        "reasons_too_long" => Some(("reasons".to_owned(), limit(view.reasons_chars))),
        // The case cannot take the file (it has the most files, or bytes, a case takes from
        // the person): said in this page's words, since nothing here can be removed.
        "file_too_many" | "file_case_too_large" => {
            Some(("file".to_owned(), t(&format!("track.error.{code}"))))
        }
        _ => {
            let key = format!("error.upload.{}", code.strip_prefix("file_")?);
            has(&key).then(|| ("file".to_owned(), t(&key)))
        }
    }
}

fn weeks(n: u32) -> String {
    if n == 1 {
        t("track.weeks.one")
    } else {
        fill(&t("track.weeks.many"), &[("n", &n.to_string())])
    }
}

/// The expected wait and how it was worked out.
fn wait_section(view: &TrackView) -> Option<AnyView> {
    let wait = view.wait.clone()?;
    let body = match wait {
        WaitEstimate::TooLittleHistory { weeks: w, allocations } => view! {
            <p class="govuk-body" data-testid="wait">{t("track.wait.unknown")}</p>
            <details class="govuk-details">
                <summary class="govuk-details__summary"><span class="govuk-details__summary-text">{t("track.wait.how")}</span></summary>
                <div class="govuk-details__text">{fill(&t("track.wait.unknown.how"), &[("weeks", &w.to_string()), ("allocations", &allocations.to_string())])}</div>
            </details>
        }
        .into_any(),
        WaitEstimate::Range { ahead, weeks: w, allocations, fastest, slowest, low_weeks, high_weeks } => {
            let low_date = long_date(view.today + chrono::Duration::weeks(i64::from(low_weeks)));
            let range = match high_weeks {
                Some(high) if high == low_weeks => fill(&t("track.wait.about"), &[("weeks", &weeks(low_weeks)), ("date", &low_date)]),
                Some(high) => {
                    let high_date = long_date(view.today + chrono::Duration::weeks(i64::from(high)));
                    fill(&t("track.wait.range"), &[("low", &weeks(low_weeks)), ("high", &weeks(high)), ("from", &low_date), ("to", &high_date)])
                }
                None => fill(&t("track.wait.at_least"), &[("weeks", &weeks(low_weeks)), ("date", &low_date)]),
            };
            let values = [
                ("weeks", w.to_string()),
                ("allocations", allocations.to_string()),
                ("fastest", fastest.to_string()),
                ("slowest", slowest.to_string()),
                ("ahead", ahead.to_string()),
                ("position", ahead.saturating_add(1).to_string()),
            ];
            let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let slowest_line = if slowest == 0 {
                t("track.wait.how.no_upper")
            } else {
                fill(&t("track.wait.how.slowest"), &values)
            };
            view! {
                <p class="govuk-body govuk-!-font-weight-bold" data-testid="wait">{range}</p>
                <div class="govuk-inset-text">{t("track.wait.not_a_promise")}</div>
                <details class="govuk-details">
                    <summary class="govuk-details__summary"><span class="govuk-details__summary-text">{t("track.wait.how")}</span></summary>
                    <div class="govuk-details__text">
                        <p class="govuk-body">{fill(&t("track.wait.how.history"), &values)}</p>
                        <p class="govuk-body">{fill(&t("track.wait.how.ahead"), &values)}</p>
                        <p class="govuk-body">{fill(&t("track.wait.how.fastest"), &values)}</p>
                        <p class="govuk-body">{slowest_line}</p>
                    </div>
                </details>
            }
            .into_any()
        }
    };
    Some(
        view! {
            <h2 class="govuk-heading-m">{t("track.wait.title")}</h2>
            {body}
        }
        .into_any(),
    )
}

fn status(view: TrackView) -> AnyView {
    let query = use_query_map().read_untracked().clone();
    let flash = view.flash.clone().unwrap_or_default();
    let problems: Vec<(String, String)> = flash
        .problems
        .iter()
        .filter_map(|code| add_problem(code, &view))
        .collect();
    let done = query.get("done").and_then(|done| match done.as_str() {
        "added" => Some("track.added.body"),
        "priority" => Some("track.priority.sent"),
        _ => None,
    });
    let error = |name: &str| {
        problems
            .iter()
            .find(|(field, _)| field == name)
            .map(|(_, message)| message.clone())
    };
    let title = fill(&t("track.case.title"), &[("reference", &view.reference)]);
    let rows = view
        .dates
        .rows()
        .into_iter()
        .map(|(key, date)| {
            view! {
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{t(key)}</dt>
                    <dd class="govuk-summary-list__value">{long_date(date)}</dd>
                </div>
            }
        })
        .collect_view();
    let file_error = error("file");
    let file_described = if file_error.is_some() {
        "file-hint file-error"
    } else {
        "file-hint"
    };
    let file_class = if file_error.is_some() {
        "govuk-form-group govuk-form-group--error"
    } else {
        "govuk-form-group"
    };
    frame(
        title.clone(),
        None,
        problems.clone(),
        view! {
            {done.map(|body| view! {
                <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="added-title">
                    <div class="govuk-notification-banner__header">
                        <h2 class="govuk-notification-banner__title" id="added-title">{t("track.added.title")}</h2>
                    </div>
                    <div class="govuk-notification-banner__content">
                        <p class="govuk-notification-banner__heading">{t(body)}</p>
                    </div>
                </div>
            })}
            <h1 class="govuk-heading-l">{title}</h1>
            <dl class="govuk-summary-list">
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{t("track.case.stage")}</dt>
                    <dd class="govuk-summary-list__value" data-testid="stage"><strong class="govuk-tag">{t(&view.stage.label_key())}</strong></dd>
                </div>
                {rows}
            </dl>
            <h2 class="govuk-heading-m">{t("track.case.next")}</h2>
            <p class="govuk-body">{t(&view.stage.next_key())}</p>
            {wait_section(&view)}
            <h2 class="govuk-heading-m" id="add">{t("track.add.title")}</h2>
            <form method="post" action=AddTrackInformation::url() enctype="multipart/form-data" novalidate>
                <TextArea id="text".to_owned() name="text" heading=t("track.add.text")
                    hint=Some(t("track.add.text.hint")) value=flash.value("text") error=error("text")
                    max=view.text_chars small_label=true/>
                <div class=file_class>
                    <label class="govuk-label" for="file">{t("track.add.file")}</label>
                    <div id="file-hint" class="govuk-hint">{t("track.add.file.hint")}</div>
                    {file_error.map(|message| view! {
                        <p id="file-error" class="govuk-error-message"><span class="govuk-visually-hidden">{t("error.prefix")}</span>" "{message}</p>
                    })}
                    <input class="govuk-file-upload" id="file" name="file" type="file" aria-describedby=file_described/>
                </div>
                <button type="submit" class="govuk-button" data-module="govuk-button">{t("track.add.send")}</button>
            </form>
            <h2 class="govuk-heading-m" id="priority">{t("track.priority.title")}</h2>
            <p class="govuk-body">{t("track.priority.body")}</p>
            <form method="post" action=AskTrackPriority::url() novalidate>
                <TextArea id="reasons".to_owned() name="reasons" heading=t("track.priority.reasons")
                    hint=Some(t("track.priority.reasons.hint")) value=flash.value("reasons") error=error("reasons")
                    max=view.reasons_chars small_label=true/>
                <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">{t("track.priority.send")}</button>
            </form>
        }
        .into_any(),
    )
}

/// The status page; without a live session, back to `/track`.
#[component]
pub fn StatusPage() -> impl IntoView {
    journey_page(
        load_tracked_case(),
        |found: Option<TrackView>| match found {
            Some(view) => status(view),
            None => view! { <Redirect path="/track"/> }.into_any(),
        },
    )
}
