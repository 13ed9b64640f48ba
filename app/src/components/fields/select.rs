//! A choice from a list.

use leptos::prelude::*;

use super::Field;
use crate::i18n::t;

/// The empty first option of a select.
#[derive(Debug, Clone)]
pub enum First {
    /// "Choose…" (`common.choose`): nothing is chosen until the person chooses.
    Choose,
    /// Choosing nothing is an answer ("No manager", "Any"): selected when nothing else is.
    None(String),
}

impl Field {
    /// A select of `options` (value, label), `selected` chosen.
    pub fn select(self, first: First, options: Vec<(String, String)>, selected: &str) -> AnyView {
        let first = match first {
            First::Choose => view! { <option value="">{t("common.choose")}</option> }.into_any(),
            First::None(text) => {
                view! { <option value="" selected=selected.is_empty()>{text}</option> }.into_any()
            }
        };
        let options = options
            .into_iter()
            .map(|(value, label)| {
                let chosen = value == selected;
                view! { <option value=value selected=chosen>{label}</option> }
            })
            .collect_view();
        view! {
            <div class=self.group_class()>
                {self.label_hint_error()}
                <select class="govuk-select" id=self.id.clone() name=self.name.clone() aria-describedby=self.described_by()>
                    {first}
                    {options}
                </select>
            </div>
        }
        .into_any()
    }
}
