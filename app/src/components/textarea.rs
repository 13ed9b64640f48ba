//! A textarea with the GOV.UK character count: the limit is stated under it without
//! JavaScript, and counted down live as the person types with it (the `CharacterCount` island).

use leptos::prelude::*;

use super::character_count::CharacterCount;
use super::fields::{described_by, group_class, hint_view, ErrorMessage};
use crate::i18n::{fill, t};

/// Several lines of text whose label is the page heading (or a smaller label when `heading_level`
/// is false), counting characters against `max`.
#[component]
pub fn TextArea(
    id: String,
    #[prop(into)] name: String,
    heading: String,
    hint: Option<String>,
    value: String,
    error: Option<String>,
    max: usize,
    #[prop(optional)] small_label: bool,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let count_id = format!("{id}-info");
    let mut describe = described_by(&id, &hint, &error).unwrap_or_default();
    if !describe.is_empty() {
        describe.push(' ');
    }
    describe.push_str(&count_id);
    let group = group_class(&error);
    let class = if error.is_some() {
        "govuk-textarea govuk-js-character-count govuk-textarea--error"
    } else {
        "govuk-textarea govuk-js-character-count"
    };
    let label_class = if small_label {
        "govuk-label govuk-label--s"
    } else {
        "govuk-label govuk-label--l"
    };
    let label = view! { <label class=label_class for=id.clone()>{heading}</label> };
    let label = if small_label {
        label.into_any()
    } else {
        view! { <h1 class="govuk-label-wrapper">{label}</h1> }.into_any()
    };
    view! {
        <div class="govuk-character-count" data-maxlength=max>
            <div class=group>
                {label}
                {hint_view(&id, hint)}
                <ErrorMessage id=id.clone() message=error/>
                <textarea class=class id=id.clone() name=name rows="6" aria-describedby=describe
                    autocomplete=autocomplete.unwrap_or("off")>{super::rcdata(value)}</textarea>
            </div>
            <CharacterCount field_id=id max limit=fill(&t("count.limit"), &[("max", &max.to_string())])
                remaining=t("count.remaining") over=t("count.over")/>
        </div>
    }
}
