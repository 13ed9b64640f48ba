//! Form fields for staff pages, where several questions share a page: the labels and legends are
//! not the page heading (the one-question kit in `components` makes them the heading).

use leptos::prelude::*;

use crate::components::ErrorMessage;
use crate::domain::staff::Role;
use crate::i18n::t;

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

/// A labelled text (or email, or password) input. `error` is the message, already translated.
#[component]
pub fn Field(
    id: &'static str,
    label: String,
    value: String,
    error: Option<String>,
    #[prop(optional)] hint: Option<String>,
    #[prop(optional)] input_type: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let describe = described(id, hint.is_some(), error.is_some());
    let class = if error.is_some() {
        "govuk-input govuk-input--error"
    } else {
        "govuk-input"
    };
    let group_class = group(&error);
    view! {
        <div class=group_class>
            <label class="govuk-label govuk-label--s" for=id>{label}</label>
            {hint.map(|hint| view! { <div id=format!("{id}-hint") class="govuk-hint">{hint}</div> })}
            <ErrorMessage id=id.to_owned() message=error/>
            <input class=class id=id name=id type=input_type.unwrap_or("text") value=value.clone() prop:value=value
                aria-describedby=describe autocomplete=autocomplete.unwrap_or("off") spellcheck="false"/>
        </div>
    }
}

/// The roles as checkboxes posting `roles[i]`; the first box carries the id `roles`.
#[component]
pub fn RoleCheckboxes(selected: Vec<String>, error: Option<String>) -> impl IntoView {
    let id = "roles";
    let describe = described(id, true, error.is_some());
    let items = Role::all()
        .iter()
        .enumerate()
        .map(|(index, role)| {
            let input_id = if index == 0 { id.to_owned() } else { format!("{id}-{}", index + 1) };
            let checked = selected.iter().any(|code| code == role.code());
            view! {
                <div class="govuk-checkboxes__item">
                    <input class="govuk-checkboxes__input" id=input_id.clone() name=format!("roles[{index}]")
                        type="checkbox" value=role.code() checked=checked prop:checked=checked/>
                    <label class="govuk-label govuk-checkboxes__label" for=input_id>{t(&role.label_key())}</label>
                </div>
            }
        })
        .collect_view();
    let group_class = group(&error);
    view! {
        <div class=group_class>
            <fieldset class="govuk-fieldset" aria-describedby=describe>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t("staff.users.roles")}</legend>
                <div id="roles-hint" class="govuk-hint">{t("staff.users.roles_hint")}</div>
                <ErrorMessage id=id.to_owned() message=error/>
                <div class="govuk-checkboxes">{items}</div>
            </fieldset>
        </div>
    }
}

/// Radios in a fieldset with a small legend; the first radio carries the id.
#[component]
pub fn SmallRadios(
    id: &'static str,
    legend: String,
    options: Vec<(String, String)>,
    selected: String,
    error: Option<String>,
) -> impl IntoView {
    let describe = described(id, false, error.is_some());
    let items = options
        .into_iter()
        .enumerate()
        .map(|(index, (value, label))| {
            let input_id = if index == 0 { id.to_owned() } else { format!("{id}-{}", index + 1) };
            let checked = value == selected;
            view! {
                <div class="govuk-radios__item">
                    <input class="govuk-radios__input" id=input_id.clone() name=id type="radio" value=value
                        checked=checked prop:checked=checked/>
                    <label class="govuk-label govuk-radios__label" for=input_id>{label}</label>
                </div>
            }
        })
        .collect_view();
    let group_class = group(&error);
    view! {
        <div class=group_class>
            <fieldset class="govuk-fieldset" aria-describedby=describe>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
                <ErrorMessage id=id.to_owned() message=error/>
                <div class="govuk-radios">{items}</div>
            </fieldset>
        </div>
    }
}

/// A labelled select with a first "none" option.
#[component]
pub fn SmallSelect(
    id: &'static str,
    label: String,
    none: String,
    options: Vec<(String, String)>,
    selected: String,
    error: Option<String>,
) -> impl IntoView {
    let describe = described(id, false, error.is_some());
    let group_class = group(&error);
    view! {
        <div class=group_class>
            <label class="govuk-label govuk-label--s" for=id>{label}</label>
            <ErrorMessage id=id.to_owned() message=error/>
            <select class="govuk-select" id=id name=id aria-describedby=describe>
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
}

/// The error summary's entries for a form's errors, translated.
pub fn summary(errors: &[(String, String)]) -> Vec<(String, String)> {
    errors
        .iter()
        .map(|(field, key)| (field.clone(), t(key)))
        .collect()
}
