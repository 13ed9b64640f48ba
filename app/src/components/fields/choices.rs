//! Radios and checkboxes in a fieldset, and the one checkbox on its own.

use leptos::prelude::*;

use super::Field;

/// The options of radios or checkboxes, as (value, label), and those chosen.
#[derive(Debug, Clone)]
pub struct Choices {
    options: Vec<(String, String)>,
    selected: Vec<String>,
    multiple: bool,
    small: bool,
    inline: bool,
    indexed: bool,
}

impl Choices {
    /// Radios: one of the options.
    pub fn radios(options: Vec<(String, String)>, selected: Option<String>) -> Self {
        Choices {
            options,
            selected: selected.into_iter().collect(),
            multiple: false,
            small: false,
            inline: false,
            indexed: false,
        }
    }

    /// Checkboxes: any of the options.
    pub fn checkboxes(options: Vec<(String, String)>, selected: Vec<String>) -> Self {
        Choices {
            options,
            selected,
            multiple: true,
            small: false,
            inline: false,
            indexed: false,
        }
    }

    /// The small variant (`govuk-radios--small`, `govuk-checkboxes--small`).
    pub fn small(mut self) -> Self {
        self.small = true;
        self
    }

    /// Side by side (`govuk-radios--inline`): for two or three short options.
    pub fn inline(mut self) -> Self {
        self.inline = true;
        self
    }

    /// Each option posts `<name>[i]` (`values[0]`, `roles[2]`) rather than the field's name.
    pub fn indexed(mut self) -> Self {
        self.indexed = true;
        self
    }
}

/// The block's class name and the inputs' type.
fn block(multiple: bool) -> (&'static str, &'static str) {
    if multiple {
        ("govuk-checkboxes", "checkbox")
    } else {
        ("govuk-radios", "radio")
    }
}

/// One radio or checkbox with its label.
fn item(
    multiple: bool,
    id: String,
    name: String,
    value: String,
    label: String,
    checked: bool,
) -> impl IntoView {
    let (block, kind) = block(multiple);
    view! {
        <div class=format!("{block}__item")>
            <input class=format!("{block}__input") id=id.clone() name=name type=kind value=value checked=checked/>
            <label class=format!("govuk-label {block}__label") for=id>{label}</label>
        </div>
    }
}

impl Field {
    /// Radios or checkboxes; the first input carries the field's id, the next `<id>-2`, ….
    pub fn choices(self, choices: Choices) -> AnyView {
        let Choices {
            options,
            selected,
            multiple,
            small,
            inline,
            indexed,
        } = choices;
        let (block_class, _) = block(multiple);
        let mut class = block_class.to_owned();
        for (on, modifier) in [(small, "small"), (inline, "inline")] {
            if on {
                class.push_str(&format!(" {block_class}--{modifier}"));
            }
        }
        let items = options
            .into_iter()
            .enumerate()
            .map(|(index, (value, label))| {
                let id = if index == 0 {
                    self.id.clone()
                } else {
                    format!("{}-{}", self.id, index + 1)
                };
                let name = if indexed {
                    format!("{}[{index}]", self.name)
                } else {
                    self.name.clone()
                };
                let checked = selected.contains(&value);
                item(multiple, id, name, value, label, checked)
            })
            .collect_view();
        view! {
            <div class=self.group_class()>
                <fieldset class="govuk-fieldset" aria-describedby=self.described_by()>
                    {self.legend_hint_error()}
                    <div class=class>{items}</div>
                </fieldset>
            </div>
        }
        .into_any()
    }
}

/// One small checkbox on its own, posting `yes` when ticked (id and name `name`).
pub fn single_checkbox(name: &str, label: String, checked: bool) -> AnyView {
    let item = item(
        true,
        name.to_owned(),
        name.to_owned(),
        "yes".to_owned(),
        label,
        checked,
    );
    view! {
        <div class="govuk-form-group">
            <div class="govuk-checkboxes govuk-checkboxes--small">{item}</div>
        </div>
    }
    .into_any()
}
