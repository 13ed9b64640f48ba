//! Several lines of text, with the GOV.UK character count when there is a limit: the limit is
//! stated under the field without JavaScript, and counted down live as the person types with it
//! (the `CharacterCount` island).

use leptos::prelude::*;

use super::{classes, Field, Size};
use crate::components::{rcdata, CharacterCount};
use crate::i18n::{fill, t};

/// A textarea's text and rows; `count` adds the character count against a limit.
#[derive(Debug, Clone)]
pub struct Textarea {
    value: String,
    rows: u32,
    count: Option<usize>,
    autocomplete: Option<&'static str>,
    spellcheck_off: bool,
}

impl Textarea {
    pub fn new(value: String, rows: u32) -> Self {
        Textarea {
            value,
            rows,
            count: None,
            autocomplete: None,
            spellcheck_off: false,
        }
    }

    /// Counts characters against `max` (the `CharacterCount` island).
    pub fn count(mut self, max: usize) -> Self {
        self.count = Some(max);
        self
    }

    pub fn autocomplete(mut self, autocomplete: &'static str) -> Self {
        self.autocomplete = Some(autocomplete);
        self
    }

    /// `spellcheck="false"`, for text that is not prose (an email's headers).
    pub fn spellcheck_off(mut self) -> Self {
        self.spellcheck_off = true;
        self
    }
}

impl Field {
    /// A textarea; what the person typed is escaped for the server's renderer ([`rcdata`]).
    pub fn textarea(self, area: Textarea) -> AnyView {
        let Textarea {
            value,
            rows,
            count,
            autocomplete,
            spellcheck_off,
        } = area;
        let count_id = format!("{}-info", self.id);
        let describe = match (self.described_by(), count) {
            (Some(ids), Some(_)) => Some(format!("{ids} {count_id}")),
            (None, Some(_)) => Some(count_id.clone()),
            (ids, None) => ids,
        };
        let class = classes(
            "govuk-textarea",
            &[
                if count.is_some() {
                    "govuk-js-character-count"
                } else {
                    ""
                },
                if self.error.is_some() {
                    "govuk-textarea--error"
                } else {
                    ""
                },
            ],
        );
        let group = view! {
            <div class=self.group_class()>
                {self.label_hint_error()}
                <textarea class=class id=self.id.clone() name=self.name.clone() rows=rows.to_string()
                    spellcheck=spellcheck_off.then_some("false") aria-describedby=describe
                    autocomplete=autocomplete>{rcdata(value)}</textarea>
            </div>
        };
        let Some(max) = count else {
            return group.into_any();
        };
        view! {
            <div class="govuk-character-count" data-maxlength=max>
                {group}
                <CharacterCount field_id=self.id max limit=fill(&t("count.limit"), &[("max", &crate::components::grouped(max))])
                    remaining=t("count.remaining") over=t("count.over")/>
            </div>
        }
        .into_any()
    }
}

/// Several lines of text whose label is the page heading (or a small label with `small_label`),
/// counting characters against `max`.
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
    let size = if small_label { Size::Small } else { Size::Page };
    Field::new(id, heading)
        .name(name)
        .size(size)
        .hint(hint)
        .error(error)
        .textarea(
            Textarea::new(value, 6)
                .count(max)
                .autocomplete(autocomplete.unwrap_or("off")),
        )
}
