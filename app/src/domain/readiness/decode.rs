//! Decodes the readiness request JSON (readiness-api.md, "Request") field by field, collecting
//! every error with its field path and a message a person can act on.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde_json::Value;

use super::codes::{Channel, DocumentKind, Route};
use super::errors::FieldErrors;
use super::types::{Concern, Organisation};
use super::validate::validate;
use crate::domain::json_fields::FieldReader;

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
    let mut reader = FieldReader::new(Some(fields), "", &mut errors);
    let route = route(&mut reader);
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
    concern.advertised_number = reader.text("advertised_number").map(str::to_owned);
    concern.incident_on = reader.date("incident_on");
    concern.aware_at = reader.instant("aware_at");
    concern.reported_at = reader.instant("reported_at");
    concern.documents = documents(&mut reader);
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
    let mut reader = FieldReader::new(Some(fields), "organisation", errors);
    organisation.name = reader.text("name").map(str::to_owned);
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
    organisation.sector = reader.text("sector").map(str::to_owned);
    organisation
}

/// The `route`, which every request must give.
fn route(reader: &mut FieldReader<'_, '_>) -> Option<Route> {
    if reader.get("route").is_none() {
        reader.fail(
            "route",
            format!(
                "Choose what the concern is about: {}",
                Route::codes().join(", ")
            ),
        );
        return None;
    }
    reader.code("route", Route::from_code, Route::codes())
}

/// The `documents` list; each bad entry is reported as `documents[i]`.
fn documents(reader: &mut FieldReader<'_, '_>) -> Option<Vec<DocumentKind>> {
    let value = reader.get("documents")?;
    let Some(items) = value.as_array() else {
        reader.fail(
            "documents",
            "Give the documents as a list of document kinds",
        );
        return None;
    };
    let mut kinds = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        match item.as_str().and_then(DocumentKind::from_code) {
            Some(kind) => kinds.push(kind),
            None => reader.fail(
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
