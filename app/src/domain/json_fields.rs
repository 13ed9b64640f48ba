//! Reading typed fields of a JSON object field by field, collecting every problem on its field
//! path (`organisation.country`, `timeline[1].on`) with a message a person can act on. The
//! readiness request and the cases API's submission are both read with it.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde_json::{Map, Value};

use crate::domain::readiness::{parse_date, FieldErrors};

/// Message for a malformed or impossible date.
pub const BAD_DATE: &str = "Enter a real date in the format YYYY-MM-DD";
/// Message for a malformed instant.
pub const BAD_INSTANT: &str =
    "Enter a date and time in RFC 3339 format, for example 2026-03-02T09:30:00Z";
/// Message for a value that should be true or false.
pub const BAD_BOOL: &str = "Answer true or false";
/// Message for a value that should be text.
pub const BAD_TEXT: &str = "Enter text";
/// Message for a value that should be a JSON object.
pub const BAD_OBJECT: &str = "Send this as a JSON object";

/// A field was there but malformed; its error is already recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Malformed;

/// Reads typed fields of one JSON object, recording errors under its path.
pub struct FieldReader<'a, 'e> {
    /// The object's fields (`None`: absent, so every field is absent).
    pub fields: Option<&'a Map<String, Value>>,
    prefix: String,
    errors: &'e mut FieldErrors,
}

impl<'a, 'e> FieldReader<'a, 'e> {
    /// A reader of `fields`, at `path` (`""` for the top level).
    pub fn new(
        fields: Option<&'a Map<String, Value>>,
        path: &str,
        errors: &'e mut FieldErrors,
    ) -> Self {
        let prefix = if path.is_empty() {
            String::new()
        } else {
            format!("{path}.")
        };
        FieldReader {
            fields,
            prefix,
            errors,
        }
    }

    /// The object at `value` (absent or `null`: no fields; anything else is an error on `path`).
    pub fn object(value: Option<&'a Value>, path: &str, errors: &'e mut FieldErrors) -> Self {
        let fields = match value {
            None | Some(Value::Null) => None,
            Some(Value::Object(fields)) => Some(fields),
            Some(_) => {
                errors.add(path, BAD_OBJECT);
                None
            }
        };
        FieldReader::new(fields, path, errors)
    }

    /// The field's value, or `None` when absent or `null`.
    pub fn get(&self, field: &str) -> Option<&'a Value> {
        self.fields?.get(field).filter(|value| !value.is_null())
    }

    /// Records `message` on `field`.
    pub fn fail(&mut self, field: &str, message: impl Into<String>) {
        self.errors.add(format!("{}{field}", self.prefix), message);
    }

    pub fn text(&mut self, field: &str) -> Option<&'a str> {
        let value = self.get(field)?;
        let text = value.as_str();
        if text.is_none() {
            self.fail(field, BAD_TEXT);
        }
        text
    }

    pub fn bool(&mut self, field: &str) -> Option<bool> {
        let value = self.get(field)?;
        let decoded = value.as_bool();
        if decoded.is_none() {
            self.fail(field, BAD_BOOL);
        }
        decoded
    }

    /// A code from `codes`, decoded with `from_code`.
    pub fn code<T>(
        &mut self,
        field: &str,
        from_code: fn(&str) -> Option<T>,
        codes: &[&str],
    ) -> Option<T> {
        let value = self.get(field)?;
        let decoded = value.as_str().and_then(from_code);
        if decoded.is_none() {
            self.fail(field, format!("Choose one of: {}", codes.join(", ")));
        }
        decoded
    }

    pub fn date(&mut self, field: &str) -> Option<NaiveDate> {
        self.date_checked(field).ok().flatten()
    }

    /// A date, telling apart absent (`Ok(None)`) from malformed (`Err`).
    pub fn date_checked(&mut self, field: &str) -> Result<Option<NaiveDate>, Malformed> {
        let Some(value) = self.get(field) else {
            return Ok(None);
        };
        match value.as_str().and_then(parse_date) {
            Some(date) => Ok(Some(date)),
            None => {
                self.fail(field, BAD_DATE);
                Err(Malformed)
            }
        }
    }

    pub fn instant(&mut self, field: &str) -> Option<DateTime<FixedOffset>> {
        self.instant_checked(field).ok().flatten()
    }

    /// An RFC 3339 instant, telling apart absent (`Ok(None)`) from malformed (`Err`).
    pub fn instant_checked(
        &mut self,
        field: &str,
    ) -> Result<Option<DateTime<FixedOffset>>, Malformed> {
        let Some(value) = self.get(field) else {
            return Ok(None);
        };
        match value
            .as_str()
            .and_then(|text| DateTime::parse_from_rfc3339(text).ok())
        {
            Some(instant) => Ok(Some(instant)),
            None => {
                self.fail(field, BAD_INSTANT);
                Err(Malformed)
            }
        }
    }
}
