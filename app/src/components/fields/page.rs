//! The one-question page's fields: the question is the page's heading (an `<h1>` label or
//! legend), the answer posts `value` (checkboxes `values[i]`, a date `day`, `month`, `year`).

use leptos::prelude::*;

use super::{day_month_year, Choices, Field, First, Input, Size};

fn question(id: String, heading: String, hint: Option<String>, error: Option<String>) -> Field {
    Field::new(id, heading)
        .name("value")
        .size(Size::Page)
        .hint(hint)
        .error(error)
}

/// Radios posting `value`; the first input carries the field id.
#[component]
pub fn Radios(
    id: String,
    heading: String,
    hint: Option<String>,
    options: Vec<(String, String)>,
    selected: Option<String>,
    error: Option<String>,
) -> impl IntoView {
    question(id, heading, hint, error).choices(Choices::radios(options, selected))
}

/// Checkboxes posting `values[i]`; the first input carries the field id.
#[component]
pub fn Checkboxes(
    id: String,
    heading: String,
    hint: Option<String>,
    options: Vec<(String, String)>,
    selected: Vec<String>,
    error: Option<String>,
) -> impl IntoView {
    question(id, heading, hint, error)
        .name("values")
        .choices(Choices::checkboxes(options, selected).indexed())
}

/// A date as day, month and year boxes (ids `<id>-day`…, posting `day`, `month`, `year`).
#[component]
pub fn DateInput(
    id: String,
    heading: String,
    hint: Option<String>,
    day: String,
    month: String,
    year: String,
    error: Option<String>,
    /// A smaller legend, for a date that is one part of a page (not its heading).
    #[prop(optional)]
    small: bool,
) -> impl IntoView {
    let parts = day_month_year(&id, day, month, year);
    let size = if small { Size::Small } else { Size::Page };
    question(id, heading, hint, error).size(size).date(parts)
}

/// A single text input posting `value`.
#[component]
pub fn TextInput(
    id: String,
    heading: String,
    hint: Option<String>,
    value: String,
    error: Option<String>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] input_type: Option<&'static str>,
) -> impl IntoView {
    let input = Input::new(value)
        .kind(input_type.unwrap_or("text"))
        .autocomplete(autocomplete.unwrap_or("off"));
    question(id, heading, hint, error).input(input)
}

/// A select posting `value`, "Choose…" first.
#[component]
pub fn Select(
    id: String,
    heading: String,
    hint: Option<String>,
    options: Vec<(String, String)>,
    selected: Option<String>,
    error: Option<String>,
) -> impl IntoView {
    question(id, heading, hint, error).select(
        First::Choose,
        options,
        selected.as_deref().unwrap_or_default(),
    )
}
