//! The one kit of GOV.UK Design System form fields every page is built from.
//!
//! A [`Field`] is the question: its id (the error summary links to it), the name it posts, its
//! label or legend and how big that is ([`Size`]), a hint and the inline error message. It is then
//! drawn as one kind of control: a text [`Input`], a [`Textarea`] (with or without the character
//! count), [`Choices`] (radios or checkboxes), a select, [date parts](DatePart) or a file upload.
//! Every control gets the same form group (with its error modifier), `aria-describedby` naming the
//! hint and then the error, and the same ids: the first radio or checkbox carries the field's id,
//! the next ones `<id>-2`, `<id>-3`, ….
//!
//! Fields are drawn on the server only (pages are not hydrated: only islands are), so values are
//! plain `value`/`checked`/`selected` attributes; text typed into a `<textarea>` goes through
//! [`rcdata`](super::rcdata).

use leptos::prelude::*;

use crate::i18n::t;

mod choices;
mod date;
mod page;
mod select;
mod text;
mod textarea;

pub use choices::{single_checkbox, Choices};
pub use date::{day_month_year, DatePart};
pub use page::{Checkboxes, DateInput, Radios, Select, TextInput};
pub use select::First;
pub use text::Input;
pub use textarea::{TextArea, Textarea};

/// How big a field's label or legend is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// The page's `<h1>`, at l size: the one question on the page.
    Page,
    /// m size, a section of the page (a legend holds an `<h2>`).
    Medium,
    /// s size: one of several questions on the page.
    Small,
}

/// A question on a form: what every kind of control needs. Its name is its id unless
/// [`name`](Field::name) says otherwise; its label is [`Size::Small`] unless [`size`](Field::size)
/// says otherwise.
#[derive(Debug, Clone)]
pub struct Field {
    id: String,
    name: String,
    label: String,
    size: Size,
    hint: Option<String>,
    error: Option<String>,
}

impl Field {
    pub fn new(id: impl Into<String>, label: impl Into<String>) -> Self {
        let id = id.into();
        Field {
            name: id.clone(),
            id,
            label: label.into(),
            size: Size::Small,
            hint: None,
            error: None,
        }
    }

    /// The name the control posts (for choices, see [`Choices::indexed`]).
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = name.into();
        self
    }

    pub fn size(mut self, size: Size) -> Self {
        self.size = size;
        self
    }

    /// The hint under the label (id `<id>-hint`).
    pub fn hint(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }

    /// The problem with the answer, already translated (id `<id>-error`).
    pub fn error(mut self, error: Option<String>) -> Self {
        self.error = error;
        self
    }

    fn group_class(&self) -> &'static str {
        group_class(&self.error)
    }

    fn described_by(&self) -> Option<String> {
        described_by(&self.id, &self.hint, &self.error)
    }

    /// The label, then the hint and the error message: what a single control is preceded by.
    fn label_hint_error(&self) -> AnyView {
        let id = self.id.clone();
        let label = view! { <label class=label_class(self.size) for=id.clone()>{self.label.clone()}</label> };
        let label = match self.size {
            Size::Page => view! { <h1 class="govuk-label-wrapper">{label}</h1> }.into_any(),
            Size::Medium | Size::Small => label.into_any(),
        };
        view! {
            {label}
            {hint_view(&id, self.hint.clone())}
            <ErrorMessage id=id.clone() message=self.error.clone()/>
        }
        .into_any()
    }

    /// The legend, then the hint and the error message: the start of a fieldset.
    fn legend_hint_error(&self) -> AnyView {
        let text = self.label.clone();
        let legend = match self.size {
            Size::Page => view! {
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--l">
                    <h1 class="govuk-fieldset__heading">{text}</h1>
                </legend>
            }
            .into_any(),
            Size::Medium => view! {
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
                    <h2 class="govuk-fieldset__heading">{text}</h2>
                </legend>
            }
            .into_any(),
            Size::Small => view! {
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{text}</legend>
            }
            .into_any(),
        };
        view! {
            {legend}
            {hint_view(&self.id, self.hint.clone())}
            <ErrorMessage id=self.id.clone() message=self.error.clone()/>
        }
        .into_any()
    }
}

fn label_class(size: Size) -> &'static str {
    match size {
        Size::Page => "govuk-label govuk-label--l",
        Size::Medium => "govuk-label govuk-label--m",
        Size::Small => "govuk-label govuk-label--s",
    }
}

/// `base`, then each modifier that is not empty, space-separated.
fn classes(base: &str, modifiers: &[&str]) -> String {
    let mut class = base.to_owned();
    for modifier in modifiers.iter().filter(|modifier| !modifier.is_empty()) {
        class.push(' ');
        class.push_str(modifier);
    }
    class
}

pub(crate) fn group_class(error: &Option<String>) -> &'static str {
    if error.is_some() {
        "govuk-form-group govuk-form-group--error"
    } else {
        "govuk-form-group"
    }
}

/// What `aria-describedby` names: the hint, then the error message, when there are any.
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

#[cfg(all(test, feature = "ssr"))]
mod tests;
