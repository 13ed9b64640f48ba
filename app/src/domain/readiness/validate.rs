//! Checks that a decoded concern makes sense on its own terms: nothing in the future, and nothing
//! answered before it was asked.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::errors::FieldErrors;
use super::types::Concern;

/// Message for a date after `today`.
pub const FUTURE_DATE: &str = "Enter a date that is today or earlier";

/// Checks the concern's dates against `today` and `now` and against each other.
pub fn validate(
    concern: &Concern,
    today: NaiveDate,
    now: DateTime<FixedOffset>,
) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    let dates = [
        ("raised_on", concern.raised_on),
        ("response_on", concern.response_on),
        (
            "internal_review_requested_on",
            concern.internal_review_requested_on,
        ),
        (
            "internal_review_outcome_on",
            concern.internal_review_outcome_on,
        ),
        ("last_contact_on", concern.last_contact_on),
        ("incident_on", concern.incident_on),
    ];
    for (field, date) in dates {
        if date.is_some_and(|date| date > today) {
            errors.add(field, FUTURE_DATE);
        }
    }
    if let (Some(raised_on), Some(response_on)) = (concern.raised_on, concern.response_on) {
        if response_on < raised_on {
            errors.add(
                "response_on",
                "The answer cannot be earlier than the date the request was made (raised_on)",
            );
        }
    }
    if let (Some(requested_on), Some(outcome_on)) = (
        concern.internal_review_requested_on,
        concern.internal_review_outcome_on,
    ) {
        if outcome_on < requested_on {
            errors.add(
                "internal_review_outcome_on",
                "The internal review outcome cannot be earlier than the date the review was asked for",
            );
        }
    }
    if let Some(aware_at) = concern.aware_at {
        if aware_at > now {
            errors.add(
                "aware_at",
                "Enter a time that is now or earlier for when the organisation became aware",
            );
        } else if concern
            .reported_at
            .is_some_and(|reported_at| aware_at > reported_at)
        {
            errors.add(
                "aware_at",
                "The organisation cannot have become aware after the report was made (reported_at)",
            );
        }
    }
    errors.into_result()
}
