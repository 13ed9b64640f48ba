//! Form controls for one-question pages: the question is the page heading (legend or label),
//! with hint, inline error message, and the ids the error summary links to.

use leptos::prelude::*;

use crate::i18n::t;

pub(crate) fn group_class(error: &Option<String>) -> &'static str {
    if error.is_some() {
        "govuk-form-group govuk-form-group--error"
    } else {
        "govuk-form-group"
    }
}

pub(crate) fn described_by(
    id: &str,
    hint: &Option<String>,
    error: &Option<String>,
) -> Option<String> {
    let mut ids = Vec::new();
    if hint.is_some() {
        ids.push(format!("{id}-hint"));
    }
    if error.is_some() {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The inline error message, with its visually hidden "Error:" prefix.
#[component]
pub fn ErrorMessage(id: String, message: Option<String>) -> impl IntoView {
    message.map(|message| {
        view! {
            <p id=format!("{id}-error") class="govuk-error-message">
                <span class="govuk-visually-hidden">{t("error.prefix")}</span>
                {message}
            </p>
        }
    })
}

pub(crate) fn hint_view(id: &str, hint: Option<String>) -> impl IntoView {
    hint.map(|hint| view! { <div id=format!("{id}-hint") class="govuk-hint">{hint}</div> })
}

/// Radios, one option per row; the first input carries the field id.
#[component]
pub fn Radios(
    id: String,
    heading: String,
    hint: Option<String>,
    options: Vec<(String, String)>,
    selected: Option<String>,
    error: Option<String>,
) -> impl IntoView {
    let selected = selected.into_iter().collect();
    choices(Choices {
        id,
        heading,
        hint,
        options,
        selected,
        error,
        multiple: false,
    })
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
    choices(Choices {
        id,
        heading,
        hint,
        options,
        selected,
        error,
        multiple: true,
    })
}

/// What radios and checkboxes share: a fieldset whose legend is the page heading.
struct Choices {
    id: String,
    heading: String,
    hint: Option<String>,
    options: Vec<(String, String)>,
    selected: Vec<String>,
    error: Option<String>,
    multiple: bool,
}

fn choices(choices: Choices) -> impl IntoView {
    let Choices {
        id,
        heading,
        hint,
        options,
        selected,
        error,
        multiple,
    } = choices;
    let describe = described_by(&id, &hint, &error);
    let group = group_class(&error);
    let (block, kind) = if multiple {
        ("govuk-checkboxes", "checkbox")
    } else {
        ("govuk-radios", "radio")
    };
    let items = options
        .into_iter()
        .enumerate()
        .map(|(index, (value, label))| {
            let input_id = if index == 0 { id.clone() } else { format!("{id}-{}", index + 1) };
            let name = if multiple { format!("values[{index}]") } else { "value".to_owned() };
            let checked = selected.contains(&value);
            view! {
                <div class=format!("{block}__item")>
                    <input class=format!("{block}__input") id=input_id.clone() name=name type=kind value=value checked=checked prop:checked=checked/>
                    <label class=format!("govuk-label {block}__label") for=input_id>{label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class=group>
            <fieldset class="govuk-fieldset" aria-describedby=describe>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--l">
                    <h1 class="govuk-fieldset__heading">{heading}</h1>
                </legend>
                {hint_view(&id, hint)}
                <ErrorMessage id=id.clone() message=error/>
                <div class=block>{items}</div>
            </fieldset>
        </div>
    }
}

/// A date as day, month and year boxes.
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
    let describe = described_by(&id, &hint, &error);
    let group = group_class(&error);
    let has_error = error.is_some();
    let input_class = move |wide: bool| {
        let width = if wide {
            "govuk-input--width-4"
        } else {
            "govuk-input--width-2"
        };
        if has_error {
            format!("govuk-input govuk-date-input__input {width} govuk-input--error")
        } else {
            format!("govuk-input govuk-date-input__input {width}")
        }
    };
    let part_prefix = id.clone();
    let part = move |name: &'static str, label: String, value: String, wide: bool| {
        let part_id = format!("{part_prefix}-{name}");
        view! {
            <div class="govuk-date-input__item">
                <div class="govuk-form-group">
                    <label class="govuk-label govuk-date-input__label" for=part_id.clone()>{label}</label>
                    <input class=input_class(wide) id=part_id name=name type="text" inputmode="numeric" value=value.clone() prop:value=value/>
                </div>
            </div>
        }
    };
    let parts = view! {
        {part("day", t("date.day"), day, false)}
        {part("month", t("date.month"), month, false)}
        {part("year", t("date.year"), year, true)}
    };
    view! {
        <div class=group>
            <fieldset class="govuk-fieldset" role="group" aria-describedby=describe>
                {if small {
                    view! { <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{heading}</legend> }.into_any()
                } else {
                    view! {
                        <legend class="govuk-fieldset__legend govuk-fieldset__legend--l">
                            <h1 class="govuk-fieldset__heading">{heading}</h1>
                        </legend>
                    }.into_any()
                }}
                {hint_view(&id, hint)}
                <ErrorMessage id=id.clone() message=error/>
                <div class="govuk-date-input">{parts}</div>
            </fieldset>
        </div>
    }
}

/// A single text input whose label is the page heading.
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
    let describe = described_by(&id, &hint, &error);
    let group = group_class(&error);
    let class = if error.is_some() {
        "govuk-input govuk-input--error"
    } else {
        "govuk-input"
    };
    view! {
        <div class=group>
            <h1 class="govuk-label-wrapper">
                <label class="govuk-label govuk-label--l" for=id.clone()>{heading}</label>
            </h1>
            {hint_view(&id, hint)}
            <ErrorMessage id=id.clone() message=error/>
            <input class=class id=id.clone() name="value" type=input_type.unwrap_or("text") value=value.clone() prop:value=value
                aria-describedby=describe autocomplete=autocomplete.unwrap_or("off") spellcheck="false"/>
        </div>
    }
}

/// A select whose label is the page heading.
#[component]
pub fn Select(
    id: String,
    heading: String,
    hint: Option<String>,
    options: Vec<(String, String)>,
    selected: Option<String>,
    error: Option<String>,
) -> impl IntoView {
    let describe = described_by(&id, &hint, &error);
    let group = group_class(&error);
    view! {
        <div class=group>
            <h1 class="govuk-label-wrapper">
                <label class="govuk-label govuk-label--l" for=id.clone()>{heading}</label>
            </h1>
            {hint_view(&id, hint)}
            <ErrorMessage id=id.clone() message=error/>
            <select class="govuk-select" id=id.clone() name="value" aria-describedby=describe>
                <option value="">{t("common.choose")}</option>
                {options
                    .into_iter()
                    .map(|(value, label)| {
                        let chosen = selected.as_deref() == Some(value.as_str());
                        view! { <option value=value selected=chosen prop:selected=chosen>{label}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
