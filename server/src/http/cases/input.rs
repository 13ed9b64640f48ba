//! The partner API's request headers as input types, their fixed rules declared with `validator`
//! (the rules that need context, such as the readiness and submission rules, stay in the domain).

use app::domain::readiness::FieldErrors;
use axum::http::HeaderMap;
use validator::{Validate, ValidationError, ValidationErrors};

/// The longest idempotency key accepted.
pub(super) const MAX_KEY_CHARS: u64 = 200;

/// The `Idempotency-Key` header: required on `POST /api/v1/cases`.
#[derive(Debug, Validate)]
pub(in crate::http) struct CaseHeaders {
    #[validate(
        required(code = "required"),
        length(min = 1, max = MAX_KEY_CHARS, message = "Use at most 200 characters"),
        custom(function = "visible_ascii")
    )]
    pub idempotency_key: Option<String>,
}

/// The `Idempotency-Key` header: optional on `POST /api/v1/nuisance-reports`.
#[derive(Debug, Validate)]
pub(in crate::http) struct ReportHeaders {
    #[validate(
        length(min = 1, max = MAX_KEY_CHARS, message = "Use at most 200 characters"),
        custom(function = "visible_ascii")
    )]
    pub idempotency_key: Option<String>,
}

/// Letters, digits and punctuation only (what an HTTP header can carry unambiguously).
fn visible_ascii(key: &str) -> Result<(), ValidationError> {
    if key.bytes().all(|b| b.is_ascii_graphic() || b == b' ') {
        Ok(())
    } else {
        Err(ValidationError::new("visible_ascii")
            .with_message("Use letters, digits and punctuation only".into()))
    }
}

/// The header as sent, trimmed; `None` when absent or blank. A value that is not text is kept
/// (lossily) so that the rules refuse it rather than it being taken for no key.
pub(in crate::http) fn idempotency_header(headers: &HeaderMap) -> Option<String> {
    let raw = headers.get("idempotency-key")?;
    let text = match raw.to_str() {
        Ok(text) => text.trim().to_owned(),
        Err(_) => String::from_utf8_lossy(raw.as_bytes()).into_owned(),
    };
    (!text.is_empty()).then_some(text)
}

/// Whether the only problem is a missing required field.
pub(in crate::http) fn only_missing(errors: &ValidationErrors) -> bool {
    errors
        .field_errors()
        .values()
        .all(|list| list.iter().all(|error| error.code == "required"))
}

/// The problems as the API reports them: the field as the caller names it, with a message.
pub(in crate::http) fn field_errors(
    errors: &ValidationErrors,
    rename: &[(&str, &str)],
) -> FieldErrors {
    let mut fields = FieldErrors::new();
    for (field, list) in errors.field_errors() {
        let name = rename
            .iter()
            .find(|(from, _)| *from == field.as_ref())
            .map_or(field.as_ref(), |(_, to)| *to);
        for error in list.iter() {
            let message = error
                .message
                .as_deref()
                .unwrap_or("Check this value")
                .to_owned();
            fields.add(name, message);
        }
    }
    fields
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_case_needs_a_key_of_visible_characters_up_to_200() {
        let missing = CaseHeaders {
            idempotency_key: None,
        };
        assert!(only_missing(&missing.validate().unwrap_err()));
        let long = CaseHeaders {
            idempotency_key: Some("k".repeat(201)),
        };
        let errors = long.validate().unwrap_err();
        assert!(!only_missing(&errors));
        let fields = field_errors(&errors, &[("idempotency_key", "Idempotency-Key")]);
        assert!(fields
            .iter()
            .any(|(field, message)| field == "Idempotency-Key"
                && message == "Use at most 200 characters"));
        let odd = CaseHeaders {
            idempotency_key: Some("caf\u{e9}".to_owned()),
        };
        assert!(odd.validate().is_err());
        let good = CaseHeaders {
            idempotency_key: Some("3f1c2a9e-5b7d".to_owned()),
        };
        assert!(good.validate().is_ok());
    }

    #[test]
    fn a_report_may_go_without_a_key() {
        assert!(ReportHeaders {
            idempotency_key: None
        }
        .validate()
        .is_ok());
        assert!(ReportHeaders {
            idempotency_key: Some("x".repeat(201))
        }
        .validate()
        .is_err());
    }
}
