//! `/report-breach/report/:part`: one part of the report, its questions on one page, saved when
//! posted. Refused answers come back with each problem next to its field and in the summary.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use server_fn::ServerFn;

use super::clock::clock_banner;
use super::fields::{page_position, question_view, questions};
use super::{frame, with_draft, CHECK, TASKS};
use crate::domain::breach::{BreachDraft, Part};
use crate::i18n::t;
use crate::pages::not_found::NotFound;
use crate::server_fns::breach::{AnswerBreachPart, BreachView};

#[component]
pub fn PartPage() -> impl IntoView {
    with_draft(part_page)
}

fn part_page(view: BreachView, draft: BreachDraft) -> AnyView {
    let slug = use_params_map()
        .read_untracked()
        .get("part")
        .unwrap_or_default();
    let change = use_query_map()
        .read_untracked()
        .get("change")
        .is_some_and(|v| v == "true");
    let Some(part) = Part::from_code(&slug) else {
        return view! { <NotFound/> }.into_any();
    };
    let refused = draft.refused.clone().filter(|refused| refused.part == slug);
    let form = refused
        .as_ref()
        .map(|refused| refused.form.clone())
        .unwrap_or_else(|| draft.form_json(part));
    let mut problems: Vec<(String, String)> = refused
        .map(|refused| {
            refused
                .errors
                .into_iter()
                .map(|(field, key)| (field, t(&key)))
                .collect()
        })
        .unwrap_or_default();
    problems.sort_by_key(|(field, _)| page_position(part, field));
    let long_max = view.settings.long_text_chars;
    let back = if change { CHECK } else { TASKS };
    let title = t(&format!("breach.part.{slug}"));
    let inputs = questions(part)
        .into_iter()
        .map(|question| question_view(part, question, &form, &problems, long_max))
        .collect_view();
    frame(
        title.clone(),
        Some(back.to_owned()),
        problems,
        view! {
            <span class="govuk-caption-l">{t("breach.title")}</span>
            <h1 class="govuk-heading-l">{title}</h1>
            {clock_banner(&view)}
            <p class="govuk-body">{t(&format!("breach.part_intro.{slug}"))}</p>
            <form method="post" action=AnswerBreachPart::url() novalidate>
                <input type="hidden" name="part" value=slug.clone()/>
                {change.then(|| view! { <input type="hidden" name="change" value="true"/> })}
                {inputs}
                <button type="submit" class="govuk-button" data-module="govuk-button">{t("breach.report.save_continue")}</button>
            </form>
        }
        .into_any(),
    )
}
