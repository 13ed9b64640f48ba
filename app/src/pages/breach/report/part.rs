//! `/report-breach/report/:part`: one part of the report, its questions on one page, saved when
//! posted. Refused answers come back with each problem next to its field and in the summary.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde_json::Value;
use server_fn::ServerFn;

use super::clock::clock_banner;
use super::fields::{hint, label, page_position, questions, Kind, Question};
use super::{frame, with_draft, CHECK, TASKS};
use crate::components::fields::{
    single_checkbox, Choices, DatePart, Field, First, Input, Textarea,
};
use crate::domain::breach::{field_value, field_values, BreachDraft, Part};
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

/// One question, filled from `form`, with its problem (`errors` as (field, message)). Every
/// control posts the question's name (ticks repeat it; the date's boxes are `aware.day`, …).
fn question_view(
    part: Part,
    question: Question,
    form: &Value,
    errors: &[(String, String)],
    long_max: usize,
) -> AnyView {
    let name = question.name;
    let error = errors
        .iter()
        .find(|(field, _)| field == name || field.split('.').next() == Some(name))
        .map(|(_, message)| message.clone());
    let field = Field::new(name, label(part, name))
        .hint(hint(part, &question))
        .error(error);
    let options = |codes: &[&str], prefix: &str| -> Vec<(String, String)> {
        codes
            .iter()
            .map(|code| ((*code).to_owned(), t(&format!("{prefix}.{code}"))))
            .collect()
    };
    let value = field_value(form, name);
    match question.kind {
        Kind::Line(autocomplete, width) => field.input(
            Input::new(value)
                .width(width)
                .inputmode("text")
                .autocomplete(autocomplete),
        ),
        Kind::Count => field.input(
            Input::new(value)
                .width("govuk-input--width-10")
                .inputmode("numeric"),
        ),
        Kind::Long => field.textarea(Textarea::new(value, 6).count(long_max).autocomplete("off")),
        Kind::Radios(codes, prefix) => {
            field.choices(Choices::radios(options(codes, prefix), Some(value)).small())
        }
        Kind::Ticks(codes, prefix) => field
            .choices(Choices::checkboxes(options(codes, prefix), field_values(form, name)).small()),
        Kind::Select(codes, prefix) => field.select(First::Choose, options(codes, prefix), &value),
        Kind::DateTime => field.date(
            ["day", "month", "year", "hour", "minute"]
                .into_iter()
                .map(|unit| {
                    let id = format!("{name}.{unit}");
                    let label = t(&format!("breach.field.time.{unit}"));
                    DatePart::dotted(name, unit, label, field_value(form, &id))
                })
                .collect(),
        ),
        Kind::Tick => single_checkbox(name, label(part, name), value == "yes"),
    }
}
