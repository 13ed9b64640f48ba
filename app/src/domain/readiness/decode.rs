//! Decodes the readiness request JSON (readiness-api.md, "Request") field by field, collecting
//! every error with its field path and a message a person can act on.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde_json::{Map, Value};

use super::codes::{Channel, DocumentKind, Route};
use super::errors::FieldErrors;
use super::types::{Concern, Organisation};
use super::validate::validate;

/// Message for a malformed or impossible date.
pub const BAD_DATE: &str = "Enter a real date in the format YYYY-MM-DD";
/// Message for a malformed instant.
pub const BAD_INSTANT: &str =
    "Enter a date and time in RFC 3339 format, for example 2026-03-02T09:30:00Z";
/// Message for a value that should be true or false.
pub const BAD_BOOL: &str = "Answer true or false";
/// Message for a value that should be text.
pub const BAD_TEXT: &str = "Enter text";
/// Message for a country that is not an alpha-2 code.
pub const BAD_COUNTRY: &str = "Enter the country as a two-letter code, for example GB or FR";

/// Decodes a request body into a concern, the date the rules run on and the current instant.
///
/// `today` defaults to `default_today` and `now` to `default_now` (the server passes today in
/// Europe/London and the current instant). `null` for an optional field means absent; unknown
/// fields are ignored. On success the concern has also passed [`validate`].
pub fn decode_request(
    body: &Value,
    default_today: NaiveDate,
    default_now: DateTime<FixedOffset>,
) -> Result<(Concern, NaiveDate, DateTime<FixedOffset>), FieldErrors> {
    let mut errors = FieldErrors::new();
    let Some(fields) = body.as_object() else {
        errors.add("", "Send the concern as a JSON object");
        return Err(errors);
    };
    let mut reader = Reader {
        fields,
        prefix: "",
        errors: &mut errors,
    };
    let route = reader.route();
    let today = reader.date_checked("today");
    let now = reader.instant_checked("now");
    let mut concern = Concern::new(route.unwrap_or(Route::Advice));
    concern.data_processed_in_uk = reader.bool("data_processed_in_uk");
    concern.subject_access = reader.bool("subject_access").unwrap_or(false);
    concern.raised_on = reader.date("raised_on");
    concern.response_on = reader.date("response_on");
    concern.internal_review_requested_on = reader.date("internal_review_requested_on");
    concern.internal_review_outcome_on = reader.date("internal_review_outcome_on");
    concern.last_contact_on = reader.date("last_contact_on");
    concern.whistleblower = reader.bool("whistleblower").unwrap_or(false);
    concern.serious_or_many_affected = reader.bool("serious_or_many_affected").unwrap_or(false);
    concern.consent_to_be_named = reader.bool("consent_to_be_named");
    concern.channel = reader.code("channel", Channel::from_code, Channel::codes());
    concern.advertised_number = reader.text("advertised_number");
    concern.incident_on = reader.date("incident_on");
    concern.aware_at = reader.instant("aware_at");
    concern.reported_at = reader.instant("reported_at");
    concern.documents = reader.documents();
    concern.organisation = decode_organisation(fields.get("organisation"), &mut errors);

    let (Ok(today), Ok(now)) = (today, now) else {
        return Err(errors);
    };
    let today = today.unwrap_or(default_today);
    let now = now.unwrap_or(default_now);
    if let Err(invalid) = validate(&concern, today, now) {
        for (field, message) in invalid.iter() {
            errors.add(field, message);
        }
    }
    match route {
        Some(_) if errors.is_empty() => Ok((concern, today, now)),
        _ => Err(errors),
    }
}

/// Decodes the `organisation` object (absent or `null`: the defaults).
fn decode_organisation(value: Option<&Value>, errors: &mut FieldErrors) -> Organisation {
    let mut organisation = Organisation::default();
    let fields = match value {
        None | Some(Value::Null) => return organisation,
        Some(Value::Object(fields)) => fields,
        Some(_) => {
            errors.add("organisation", "Describe the organisation as a JSON object");
            return organisation;
        }
    };
    let mut reader = Reader {
        fields,
        prefix: "organisation.",
        errors,
    };
    organisation.name = reader.text("name");
    if let Some(country) = reader.text("country") {
        if country.len() == 2 && country.chars().all(|c| c.is_ascii_alphabetic()) {
            organisation.country = country.to_ascii_uppercase();
        } else {
            reader.fail("country", BAD_COUNTRY);
        }
    }
    organisation.public_authority = reader.bool("public_authority");
    organisation.scottish_public_authority =
        reader.bool("scottish_public_authority").unwrap_or(false);
    organisation.sector = reader.text("sector");
    organisation
}

/// Reads typed fields of one JSON object, recording errors under `prefix` + field name.
struct Reader<'a> {
    fields: &'a Map<String, Value>,
    prefix: &'static str,
    errors: &'a mut FieldErrors,
}

impl<'a> Reader<'a> {
    /// The field's value, or `None` when absent or `null`.
    fn get(&self, field: &str) -> Option<&'a Value> {
        self.fields.get(field).filter(|value| !value.is_null())
    }

    fn fail(&mut self, field: &str, message: impl Into<String>) {
        self.errors.add(format!("{}{field}", self.prefix), message);
    }

    fn route(&mut self) -> Option<Route> {
        if self.get("route").is_none() {
            self.fail(
                "route",
                format!(
                    "Choose what the concern is about: {}",
                    Route::codes().join(", ")
                ),
            );
            return None;
        }
        self.code("route", Route::from_code, Route::codes())
    }

    fn bool(&mut self, field: &str) -> Option<bool> {
        let value = self.get(field)?;
        let decoded = value.as_bool();
        if decoded.is_none() {
            self.fail(field, BAD_BOOL);
        }
        decoded
    }

    fn text(&mut self, field: &str) -> Option<String> {
        let value = self.get(field)?;
        let decoded = value.as_str().map(str::to_owned);
        if decoded.is_none() {
            self.fail(field, BAD_TEXT);
        }
        decoded
    }

    /// A code from `codes`, decoded with `from_code`.
    fn code<T>(
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

    fn date(&mut self, field: &str) -> Option<NaiveDate> {
        self.date_checked(field).ok().flatten()
    }

    /// A date, telling apart absent (`Ok(None)`) from malformed (`Err`).
    fn date_checked(&mut self, field: &str) -> Result<Option<NaiveDate>, ()> {
        let Some(value) = self.get(field) else {
            return Ok(None);
        };
        match value.as_str().and_then(parse_date) {
            Some(date) => Ok(Some(date)),
            None => {
                self.fail(field, BAD_DATE);
                Err(())
            }
        }
    }

    fn instant(&mut self, field: &str) -> Option<DateTime<FixedOffset>> {
        self.instant_checked(field).ok().flatten()
    }

    /// An RFC 3339 instant, telling apart absent (`Ok(None)`) from malformed (`Err`).
    fn instant_checked(&mut self, field: &str) -> Result<Option<DateTime<FixedOffset>>, ()> {
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
                Err(())
            }
        }
    }

    /// The `documents` list; each bad entry is reported as `documents[i]`.
    fn documents(&mut self) -> Option<Vec<DocumentKind>> {
        let value = self.get("documents")?;
        let Some(items) = value.as_array() else {
            self.fail(
                "documents",
                "Give the documents as a list of document kinds",
            );
            return None;
        };
        let mut kinds = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            match item.as_str().and_then(DocumentKind::from_code) {
                Some(kind) => kinds.push(kind),
                None => self.fail(
                    &format!("documents[{index}]"),
                    format!(
                        "Choose a document kind: {}",
                        DocumentKind::codes().join(", ")
                    ),
                ),
            }
        }
        Some(kinds)
    }
}

/// Parses exactly `YYYY-MM-DD` into a real date.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes.iter().enumerate().all(|(index, byte)| match index {
            4 | 7 => *byte == b'-',
            _ => byte.is_ascii_digit(),
        });
    if !shape_ok {
        return None;
    }
    let number = |range: std::ops::Range<usize>| text.get(range)?.parse::<u32>().ok();
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}
