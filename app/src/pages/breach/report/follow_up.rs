//! `/report-breach/follow-up`: more information about a breach already reported, under the same
//! reference (the reference and the reporter's email address must match). Then
//! `/report-breach/follow-up/sent`.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use server_fn::ServerFn;

use super::{frame, with_report};
use crate::components::fields::{Field, Input};
use crate::components::{Panel, TextArea};
use crate::i18n::t;
use crate::server_fns::breach::{BreachView, FollowUpBreach};

const FIELDS: [&str; 3] = ["reference", "email", "text"];

#[component]
pub fn FollowUpPage() -> impl IntoView {
    with_report(follow_up)
}

fn follow_up(view: BreachView) -> AnyView {
    let refused = view
        .draft
        .as_ref()
        .and_then(|draft| draft.refused.clone())
        .filter(|refused| refused.part == "follow-up");
    let value = |name: &str| {
        refused
            .as_ref()
            .and_then(|refused| refused.form[name].as_str().map(str::to_owned))
            .unwrap_or_default()
    };
    let mut problems: Vec<(String, String)> = refused
        .as_ref()
        .map(|refused| {
            refused
                .errors
                .iter()
                .map(|(field, key)| (field.clone(), t(key)))
                .collect()
        })
        .unwrap_or_default();
    problems.sort_by_key(|(field, _)| FIELDS.iter().position(|f| f == field));
    let error = |name: &str| {
        problems
            .iter()
            .find(|(field, _)| field == name)
            .map(|(_, message)| message.clone())
    };
    let line = |name: &'static str, autocomplete: &'static str, width: &'static str| {
        Field::new(name, t(&format!("breach.follow_up.{name}")))
            .hint(Some(t(&format!("breach.follow_up.{name}.hint"))))
            .error(error(name))
            .input(
                Input::new(value(name))
                    .width(width)
                    .autocomplete(autocomplete),
            )
    };
    let title = t("breach.follow_up.title");
    frame(
        title.clone(),
        Some("/report-breach".to_owned()),
        problems.clone(),
        view! {
            <h1 class="govuk-heading-l">{title}</h1>
            <p class="govuk-body">{t("breach.follow_up.intro")}</p>
            <form method="post" action=FollowUpBreach::url() novalidate>
                {line("reference", "off", "govuk-input--width-20")}
                {line("email", "email", "")}
                <TextArea id="text".to_owned() name="text" heading=t("breach.follow_up.text")
                    hint=Some(t("breach.follow_up.text.hint")) value=value("text") error=error("text")
                    max=view.settings.long_text_chars small_label=true/>
                <button type="submit" class="govuk-button" data-module="govuk-button">{t("breach.follow_up.send")}</button>
            </form>
        }
        .into_any(),
    )
}

#[component]
pub fn FollowUpSentPage() -> impl IntoView {
    let reference = use_query_map()
        .read_untracked()
        .get("reference")
        .unwrap_or_default();
    let title = t("breach.follow_up.sent.title");
    frame(
        title.clone(),
        None,
        Vec::new(),
        view! {
            <Panel title=title>
                {t("breach.report.sent.reference")}<br/>
                <strong data-testid="reference">{reference}</strong>
            </Panel>
            <p class="govuk-body">{t("breach.follow_up.sent.body")}</p>
            <p class="govuk-body"><a class="govuk-link" href="/report-breach/follow-up">{t("breach.follow_up.sent.another")}</a></p>
        }
        .into_any(),
    )
}
