//! Small helpers for reading form strings: cleaned text within a length, and checkboxes.

use crate::domain::submission::{clean_line, clean_text};

/// Why a text field was refused: the last part of its i18n key (`nuisance.error.<field>.<why>`).
pub type TextProblem = &'static str;

/// One line, cleaned ([`clean_line`]): `Ok(None)` when blank and optional, `Err("required")` when
/// blank and required, `Err("too_long")` over `max` characters.
pub fn cleaned_line(text: &str, max: usize, required: bool) -> Result<Option<String>, TextProblem> {
    within(clean_line(text), max, required)
}

/// Several lines, cleaned ([`clean_text`]), with the same rules.
pub fn cleaned_text(text: &str, max: usize, required: bool) -> Result<Option<String>, TextProblem> {
    within(clean_text(text), max, required)
}

fn within(text: String, max: usize, required: bool) -> Result<Option<String>, TextProblem> {
    if text.is_empty() {
        return if required { Err("required") } else { Ok(None) };
    }
    if text.chars().count() > max {
        return Err("too_long");
    }
    Ok(Some(text))
}

/// Whether a checkbox or yes/no field says yes (`yes`, `true`, `on`, `1`).
pub fn yes(text: &str) -> bool {
    matches!(
        text.trim().to_ascii_lowercase().as_str(),
        "yes" | "true" | "on" | "1"
    )
}
