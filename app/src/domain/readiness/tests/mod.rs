//! Tests of the readiness rules, run on the bank holiday data the portal ships with.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod clocks;
mod contract;
mod decoding;
mod properties;
mod reasons;
mod validation;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::*;
use crate::domain::calendar::Calendar;

const BANK_HOLIDAYS_JSON: &str = include_str!("../../../../data/bank-holidays.json");

fn calendar() -> Calendar {
    Calendar::from_govuk_json(BANK_HOLIDAYS_JSON).expect("the shipped bank holiday data is valid")
}

fn date(text: &str) -> NaiveDate {
    parse_date(text).expect("a YYYY-MM-DD date")
}

fn instant(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).expect("an RFC 3339 instant")
}

/// Noon on `today`, UTC: the `now` the tests run at unless they say otherwise.
fn noon(today: &str) -> DateTime<FixedOffset> {
    instant(&format!("{today}T12:00:00Z"))
}

/// Assesses `concern` on `today` with the default settings.
fn assess_on(concern: &Concern, today: &str) -> Assessment {
    assess(
        concern,
        date(today),
        noon(today),
        &calendar(),
        &ReadinessSettings::default(),
    )
    .expect("dates within the bank holiday data")
}

fn concern(route: Route) -> Concern {
    Concern::new(route)
}
