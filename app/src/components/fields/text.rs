//! One line of text, and the file upload.

use leptos::prelude::*;

use super::{classes, Field};

/// A text input's value and what kind of text it takes. Spell checking is always off (names,
/// numbers, addresses, references).
#[derive(Debug, Clone)]
pub struct Input {
    value: String,
    kind: &'static str,
    width: &'static str,
    inputmode: Option<&'static str>,
    autocomplete: &'static str,
}

impl Input {
    /// A full-width `type="text"` input, `autocomplete="off"`.
    pub fn new(value: String) -> Self {
        Input {
            value,
            kind: "text",
            width: "",
            inputmode: None,
            autocomplete: "off",
        }
    }

    /// The input's `type`: `email`, `tel`, `password`, `search`….
    pub fn kind(mut self, kind: &'static str) -> Self {
        self.kind = kind;
        self
    }

    /// A GOV.UK width class (`govuk-input--width-10`, `govuk-!-width-two-thirds`); "" for full width.
    pub fn width(mut self, width: &'static str) -> Self {
        self.width = width;
        self
    }

    pub fn inputmode(mut self, inputmode: &'static str) -> Self {
        self.inputmode = Some(inputmode);
        self
    }

    /// The `autocomplete` token (`name`, `email`, `organization`…).
    pub fn autocomplete(mut self, autocomplete: &'static str) -> Self {
        self.autocomplete = autocomplete;
        self
    }
}

impl Field {
    /// A one-line text input.
    pub fn input(self, input: Input) -> AnyView {
        let Input {
            value,
            kind,
            width,
            inputmode,
            autocomplete,
        } = input;
        let error = if self.error.is_some() {
            "govuk-input--error"
        } else {
            ""
        };
        let class = classes("govuk-input", &[width, error]);
        view! {
            <div class=self.group_class()>
                {self.label_hint_error()}
                <input class=class id=self.id.clone() name=self.name.clone() type=kind inputmode=inputmode
                    value=value aria-describedby=self.described_by() autocomplete=autocomplete spellcheck="false"/>
            </div>
        }
        .into_any()
    }

    /// A file upload taking the types in `accept`.
    pub fn file(self, accept: &'static str) -> AnyView {
        let class = if self.error.is_some() {
            "govuk-file-upload govuk-file-upload--error"
        } else {
            "govuk-file-upload"
        };
        view! {
            <div class=self.group_class()>
                {self.label_hint_error()}
                <input class=class id=self.id.clone() name=self.name.clone() type="file" accept=accept
                    aria-describedby=self.described_by()/>
            </div>
        }
        .into_any()
    }
}
