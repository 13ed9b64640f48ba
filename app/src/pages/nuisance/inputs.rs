//! Form controls the shared components do not have: the optional time, the "withheld" tick, a
//! text input that is not the page heading, and the email upload.

use leptos::prelude::*;

use crate::components::ErrorMessage;
use crate::i18n::t;

fn group(error: &Option<String>) -> &'static str {
    if error.is_some() {
        "govuk-form-group govuk-form-group--error"
    } else {
        "govuk-form-group"
    }
}

fn described(id: &str, hint: bool, error: &Option<String>) -> Option<String> {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{id}-hint"));
    }
    if error.is_some() {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The optional time, hour and minute boxes (`when-hour`, `when-minute`).
pub fn time_input(hour: String, minute: String, error: Option<String>) -> impl IntoView {
    let input_class = if error.is_some() {
        "govuk-input govuk-date-input__input govuk-input--width-2 govuk-input--error"
    } else {
        "govuk-input govuk-date-input__input govuk-input--width-2"
    };
    let part = move |name: &'static str, label: String, value: String| {
        let id = format!("when-{name}");
        view! {
            <div class="govuk-date-input__item">
                <div class="govuk-form-group">
                    <label class="govuk-label govuk-date-input__label" for=id.clone()>{label}</label>
                    <input class=input_class id=id name=name type="text" inputmode="numeric" value=value.clone() prop:value=value/>
                </div>
            </div>
        }
    };
    let describe = described("when-time", true, &error);
    let group_class = group(&error);
    view! {
        <div class=group_class>
            <fieldset class="govuk-fieldset" role="group" aria-describedby=describe>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t("nuisance.time.legend")}</legend>
                <div id="when-time-hint" class="govuk-hint">{t("nuisance.time.hint")}</div>
                <ErrorMessage id="when-time".to_owned() message=error/>
                <div class="govuk-date-input">
                    {part("hour", t("nuisance.time.hour"), hour)}
                    {part("minute", t("nuisance.time.minute"), minute)}
                </div>
            </fieldset>
        </div>
    }
}

/// One checkbox on its own (`name` posts `yes` when ticked).
pub fn single_checkbox(name: &'static str, label: String, checked: bool) -> impl IntoView {
    view! {
        <div class="govuk-form-group">
            <div class="govuk-checkboxes govuk-checkboxes--small">
                <div class="govuk-checkboxes__item">
                    <input class="govuk-checkboxes__input" id=name name=name type="checkbox" value="yes" checked=checked prop:checked=checked/>
                    <label class="govuk-label govuk-checkboxes__label" for=name>{label}</label>
                </div>
            </div>
        </div>
    }
}

/// What a text input that is one of several on a page needs.
pub struct Field {
    pub name: &'static str,
    pub label: String,
    pub hint: Option<String>,
    pub value: String,
    pub error: Option<String>,
    pub autocomplete: &'static str,
    pub input_type: &'static str,
    pub width: &'static str,
}

/// A text input with its own label (not the page heading).
pub fn text_field(field: Field) -> impl IntoView {
    let Field {
        name,
        label,
        hint,
        value,
        error,
        autocomplete,
        input_type,
        width,
    } = field;
    let describe = described(name, hint.is_some(), &error);
    let class = match (error.is_some(), width.is_empty()) {
        (true, true) => "govuk-input govuk-input--error".to_owned(),
        (true, false) => format!("govuk-input {width} govuk-input--error"),
        (false, true) => "govuk-input".to_owned(),
        (false, false) => format!("govuk-input {width}"),
    };
    let group_class = group(&error);
    view! {
        <div class=group_class>
            <label class="govuk-label govuk-label--s" for=name>{label}</label>
            {hint.map(|hint| view! { <div id=format!("{name}-hint") class="govuk-hint">{hint}</div> })}
            <ErrorMessage id=name.to_owned() message=error/>
            <input class=class id=name name=name type=input_type value=value.clone() prop:value=value
                aria-describedby=describe autocomplete=autocomplete spellcheck="false"/>
        </div>
    }
}

/// The email page's two ways in: the `.eml` file, or its headers pasted.
pub fn email_inputs(
    pasted: String,
    file_error: Option<String>,
    paste_error: Option<String>,
) -> impl IntoView {
    let file_describe = described("email_file", true, &file_error);
    let file_class = if file_error.is_some() {
        "govuk-file-upload govuk-file-upload--error"
    } else {
        "govuk-file-upload"
    };
    let paste_describe = described("email_source", true, &paste_error);
    let paste_class = if paste_error.is_some() {
        "govuk-textarea govuk-textarea--error"
    } else {
        "govuk-textarea"
    };
    let file_group = group(&file_error);
    let paste_group = group(&paste_error);
    let live = pasted.clone();
    view! {
        <div class=file_group>
            <label class="govuk-label govuk-label--m" for="email_file">{t("nuisance.email.file")}</label>
            <div id="email_file-hint" class="govuk-hint">{t("nuisance.email.file_hint")}</div>
            <ErrorMessage id="email_file".to_owned() message=file_error/>
            <input class=file_class id="email_file" name="email_file" type="file" accept=".eml,message/rfc822,text/plain"
                aria-describedby=file_describe/>
        </div>
        <p class="govuk-body">{t("nuisance.email.or")}</p>
        <div class=paste_group>
            <label class="govuk-label govuk-label--m" for="email_source">{t("nuisance.email.paste")}</label>
            <div id="email_source-hint" class="govuk-hint">{t("nuisance.email.paste_hint")}</div>
            <ErrorMessage id="email_source".to_owned() message=paste_error/>
            <textarea class=paste_class id="email_source" name="email_source" rows="8" spellcheck="false"
                aria-describedby=paste_describe prop:value=live>{crate::components::rcdata(pasted)}</textarea>
        </div>
    }
}
