//! "What happened, and when?": the add-another pattern for a dated timeline. Each event is
//! added with its own post, so the page works without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use server_fn::ServerFn;

use super::wording::error_text;
use super::{ChangeMarker, FinishButton};
use crate::components::{BackLink, DateInput, ErrorSummary, Layout, TextArea};
use crate::domain::assistant::{RawAnswer, Step, MAX_EVENTS};
use crate::i18n::{fill, long_date, t};
use crate::server_fns::concern::JourneyView;
use crate::server_fns::handover::{AddEvent, RemoveEvent};

#[component]
pub fn TimelinePage(view: JourneyView, changing: bool, back: String) -> impl IntoView {
    let step = Step::Timeline;
    let events = view.answers.events(step).to_vec();
    let flash = view.flash.filter(|(slug, _, _)| slug == step.slug());
    let (raw, error_key) = match flash {
        Some((_, raw, key)) => (raw, Some(key)),
        None => (RawAnswer::default(), None),
    };
    let message = error_key.as_deref().map(|key| error_text(step, key));
    let on_date = error_key
        .as_deref()
        .is_some_and(|key| key.starts_with("error.date") || key.starts_with("error.event-on"));
    let (date_error, what_error, list_error) = match error_key.as_deref() {
        // Nothing added yet: the date is the field to fill in, and says so.
        Some("error.timeline.required") => (message.clone(), None, None),
        Some("error.timeline.too_many") => (None, None, message.clone()),
        Some(_) if on_date => (message.clone(), None, None),
        Some(_) => (None, message.clone(), None),
        None => (None, None, None),
    };
    let field = if list_error.is_some() || date_error.is_some() {
        "event-on-day"
    } else {
        "event-what"
    };
    let summary: Vec<(String, String)> = message
        .iter()
        .map(|m| (field.to_owned(), m.clone()))
        .collect();
    let title = t("q.timeline.title");
    let page_title = match &message {
        Some(_) => format!("{} {title}", t("error.title_prefix")),
        None => title.clone(),
    };
    let rows = events
        .iter()
        .enumerate()
        .map(|(index, event)| {
            let label = fill(&t("q.timeline.remove"), &[("date", &long_date(event.on))]);
            view! {
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{long_date(event.on)}</dt>
                    <dd class="govuk-summary-list__value app-pre-line">{event.what.clone()}</dd>
                    <dd class="govuk-summary-list__actions">
                        <form method="post" action=RemoveEvent::url()>
                            <input type="hidden" name="index" value=index.to_string()/>
                            <ChangeMarker changing/>
                            <button type="submit" class="app-link-button">{label}</button>
                        </form>
                    </dd>
                </div>
            }
        })
        .collect_view();
    let full = events.len() >= MAX_EVENTS;
    let add_heading = if events.is_empty() {
        t("q.timeline.first")
    } else {
        t("q.timeline.another")
    };
    view! {
        <Title text=page_title/>
        <Layout>
            <BackLink href=back/>
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <ErrorSummary errors=summary/>
                    <h1 class="govuk-heading-l">{title}</h1>
                    <p class="govuk-body">{t("q.timeline.hint")}</p>
                    {list_error.map(|message| view! {
                        <p class="govuk-error-message"><span class="govuk-visually-hidden">{t("error.prefix")}</span>{message}</p>
                    })}
                    {(!events.is_empty()).then(|| view! { <dl class="govuk-summary-list">{rows}</dl> })}
                    {(!full).then(|| view! {
                        <form method="post" action=AddEvent::url() novalidate class="app-add-another">
                            <h2 class="govuk-heading-m">{add_heading}</h2>
                            <ChangeMarker changing/>
                            <DateInput id="event-on".to_owned() heading=t("q.timeline.date") hint=Some(t("q.timeline.date_hint"))
                                day=raw.day.clone().unwrap_or_default() month=raw.month.clone().unwrap_or_default()
                                year=raw.year.clone().unwrap_or_default() error=date_error small=true/>
                            <TextArea id="event-what".to_owned() name="what" heading=t("q.timeline.what") hint=None
                                value=raw.value.clone().unwrap_or_default() error=what_error max=500 small_label=true/>
                            <button type="submit" class="govuk-button govuk-button--secondary">{t("q.timeline.add")}</button>
                        </form>
                    })}
                    <FinishButton step changing/>
                </div>
            </div>
        </Layout>
    }
}
