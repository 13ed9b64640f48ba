//! Form fields for the helpline pages (as the case pages have them), whose ids can depend on a
//! record (`result-<callback id>`): a small label or legend each, an inline error, `aria-describedby`.

use leptos::prelude::*;

use crate::components::{rcdata, ErrorMessage};
use crate::server_fns::staff::FormFlash;

fn group(error: &Option<String>) -> &'static str {
    if error.is_some() {
        "govuk-form-group govuk-form-group--error"
    } else {
        "govuk-form-group"
    }
}

fn described(id: &str, hint: bool, error: bool) -> Option<String> {
    let ids: Vec<String> = [(hint, "hint"), (error, "error")]
        .into_iter()
        .filter(|(on, _)| *on)
        .map(|(_, part)| format!("{id}-{part}"))
        .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// What the refused form said about a field: the typed value (else `stored`) and the message.
pub fn typed(flash: &Option<FormFlash>, id: &str, stored: &str) -> String {
    flash
        .as_ref()
        .and_then(|flash| flash.value(id))
        .unwrap_or_else(|| stored.to_owned())
}

/// The translated problem with a field, if the refused form had one.
pub fn problem(flash: &Option<FormFlash>, id: &str) -> Option<String> {
    flash
        .as_ref()
        .and_then(|flash| flash.error(id))
        .map(|key| crate::i18n::t(&key))
}

/// A one-line text input.
pub fn text_input(
    id: String,
    name: &'static str,
    label: String,
    value: String,
    error: Option<String>,
    hint: Option<String>,
) -> AnyView {
    let describe = described(&id, hint.is_some(), error.is_some());
    let class = if error.is_some() {
        "govuk-input govuk-input--error"
    } else {
        "govuk-input"
    };
    view! {
        <div class=group(&error)>
            <label class="govuk-label govuk-label--s" for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <div id=format!("{id}-hint") class="govuk-hint">{hint}</div> })}
            <ErrorMessage id=id.clone() message=error.clone()/>
            <input class=class id=id.clone() name=name type="text" value=value.clone() prop:value=value
                aria-describedby=describe autocomplete="off" spellcheck="false"/>
        </div>
    }
    .into_any()
}

/// Several lines of text.
pub fn text_area(
    id: String,
    name: &'static str,
    label: String,
    value: String,
    error: Option<String>,
    hint: Option<String>,
    rows: u32,
) -> AnyView {
    let describe = described(&id, hint.is_some(), error.is_some());
    let class = if error.is_some() {
        "govuk-textarea govuk-textarea--error"
    } else {
        "govuk-textarea"
    };
    view! {
        <div class=group(&error)>
            <label class="govuk-label govuk-label--s" for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <div id=format!("{id}-hint") class="govuk-hint">{hint}</div> })}
            <ErrorMessage id=id.clone() message=error.clone()/>
            <textarea class=class id=id.clone() name=name rows=rows.to_string() aria-describedby=describe
                prop:value=value.clone()>{rcdata(value.clone())}</textarea>
        </div>
    }
    .into_any()
}

/// Radios in a fieldset with a small legend; the first radio carries the id.
pub fn radios(
    id: String,
    name: &'static str,
    legend: String,
    options: Vec<(String, String)>,
    selected: String,
    error: Option<String>,
) -> AnyView {
    let describe = described(&id, false, error.is_some());
    let items = options
        .into_iter()
        .enumerate()
        .map(|(index, (value, label))| {
            let input_id = if index == 0 { id.clone() } else { format!("{id}-{}", index + 1) };
            let checked = value == selected;
            view! {
                <div class="govuk-radios__item">
                    <input class="govuk-radios__input" id=input_id.clone() name=name type="radio" value=value
                        checked=checked prop:checked=checked/>
                    <label class="govuk-label govuk-radios__label" for=input_id>{label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class=group(&error)>
            <fieldset class="govuk-fieldset" aria-describedby=describe>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
                <ErrorMessage id=id.clone() message=error.clone()/>
                <div class="govuk-radios govuk-radios--small">{items}</div>
            </fieldset>
        </div>
    }
    .into_any()
}

/// A select with a first "none" option.
pub fn select(
    id: String,
    name: &'static str,
    label: String,
    none: String,
    options: Vec<(String, String)>,
    selected: String,
    error: Option<String>,
) -> AnyView {
    let describe = described(&id, false, error.is_some());
    view! {
        <div class=group(&error)>
            <label class="govuk-label govuk-label--s" for=id.clone()>{label}</label>
            <ErrorMessage id=id.clone() message=error.clone()/>
            <select class="govuk-select" id=id.clone() name=name aria-describedby=describe>
                <option value="" selected=selected.is_empty()>{none}</option>
                {options
                    .into_iter()
                    .map(|(value, label)| {
                        let chosen = value == selected;
                        view! { <option value=value selected=chosen prop:selected=chosen>{label}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
    .into_any()
}

/// The hidden field every case form carries.
pub fn reference_field(reference: &str) -> AnyView {
    view! { <input type="hidden" name="reference" value=reference.to_owned()/> }.into_any()
}
