//! Decoding the request JSON: every error, with its field path.

use super::*;
use serde_json::{json, Value};

fn decode(body: Value) -> Result<(Concern, NaiveDate, DateTime<FixedOffset>), FieldErrors> {
    decode_request(&body, date("2026-03-02"), noon("2026-03-02"))
}

fn error_fields(body: Value) -> Vec<String> {
    match decode(body) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(|(field, _)| field.to_owned()).collect(),
    }
}

#[test]
fn a_body_that_is_not_an_object_is_an_error_on_the_empty_field() {
    for body in [json!([]), json!("foi"), json!(null), json!(3)] {
        assert_eq!(error_fields(body), [""]);
    }
}

#[test]
fn a_missing_or_unknown_route_is_an_error_on_route() {
    assert_eq!(error_fields(json!({})), ["route"]);
    assert_eq!(error_fields(json!({"route": null})), ["route"]);
    assert_eq!(error_fields(json!({"route": "complaint"})), ["route"]);
    assert_eq!(error_fields(json!({"route": 1})), ["route"]);
}

#[test]
fn every_error_is_collected_with_its_field_path() {
    let body = json!({
        "route": "nope",
        "organisation": {"country": "GBR", "public_authority": "yes", "name": 7},
        "raised_on": "2026-02-30",
        "documents": ["information_request", 3, "selfie"],
        "channel": "pigeon",
        "aware_at": "yesterday",
        "whistleblower": "true",
        "advertised_number": 909
    });
    assert_eq!(
        error_fields(body),
        [
            "advertised_number",
            "aware_at",
            "channel",
            "documents[1]",
            "documents[2]",
            "organisation.country",
            "organisation.name",
            "organisation.public_authority",
            "raised_on",
            "route",
            "whistleblower"
        ]
    );
}

#[test]
fn messages_are_plain_english() {
    let errors = decode(json!({"route": "foi", "raised_on": "05/01/2026"})).expect_err("invalid");
    assert_eq!(
        errors.get("raised_on"),
        Some("Enter a real date in the format YYYY-MM-DD")
    );
    let errors = decode(json!({"route": "x"})).expect_err("invalid");
    assert!(errors
        .get("route")
        .is_some_and(|message| message.contains("data_protection")));
}

#[test]
fn dates_must_be_exactly_yyyy_mm_dd_and_real() {
    for bad in [
        "2026-02-30",
        "2026-2-03",
        "20260203",
        "2026-02-03T00:00:00",
        " 2026-02-03",
        "+2026-02-03",
        "2026-13-01",
    ] {
        assert_eq!(
            error_fields(json!({"route": "foi", "raised_on": bad})),
            ["raised_on"],
            "{bad}"
        );
    }
    assert!(error_fields(json!({"route": "foi", "raised_on": "2024-02-29"})).is_empty());
}

#[test]
fn instants_must_be_rfc_3339() {
    assert_eq!(
        error_fields(json!({"route": "breach", "reported_at": "2026-03-01 10:00"})),
        ["reported_at"]
    );
    let (concern, _, _) = decode(json!({
        "route": "breach",
        "aware_at": "2026-02-27T10:00:00+01:00",
        "reported_at": "2026-03-01T10:00:00Z"
    }))
    .expect("valid");
    assert_eq!(concern.aware_at, Some(instant("2026-02-27T09:00:00Z")));
}

#[test]
fn the_country_must_be_two_letters_and_is_uppercased() {
    for bad in ["GBR", "G", "", "1A"] {
        assert_eq!(
            error_fields(json!({"route": "data_protection", "organisation": {"country": bad}})),
            ["organisation.country"]
        );
    }
    let (concern, _, _) =
        decode(json!({"route": "data_protection", "organisation": {"country": "fr"}}))
            .expect("valid");
    assert_eq!(concern.organisation.country, "FR");
}

#[test]
fn null_means_absent_and_unknown_fields_are_ignored() {
    let (concern, today, now) = decode(json!({
        "route": "foi",
        "today": null,
        "raised_on": null,
        "organisation": {"country": null, "public_authority": null, "scottish_public_authority": null},
        "documents": null,
        "channel": null,
        "whistleblower": null,
        "favourite_colour": "green"
    }))
    .expect("valid");
    assert_eq!(concern, Concern::new(Route::Foi));
    assert_eq!(today, date("2026-03-02"));
    assert_eq!(now, noon("2026-03-02"));
}

#[test]
fn a_full_request_decodes_every_field() {
    let (concern, today, _) = decode(json!({
        "route": "marketing",
        "today": "2026-02-01",
        "organisation": {"name": "Acme", "country": "GB", "public_authority": true,
                         "scottish_public_authority": true, "sector": "telecoms"},
        "data_processed_in_uk": true,
        "subject_access": true,
        "raised_on": "2026-01-01",
        "response_on": "2026-01-02",
        "internal_review_requested_on": "2026-01-03",
        "internal_review_outcome_on": "2026-01-04",
        "last_contact_on": "2026-01-05",
        "whistleblower": true,
        "serious_or_many_affected": true,
        "consent_to_be_named": false,
        "channel": "automated_call",
        "advertised_number": "0909 879 0123",
        "incident_on": "2026-01-06",
        "documents": ["credit_file_extract", "agency_response"]
    }))
    .expect("valid");
    assert_eq!(today, date("2026-02-01"));
    assert_eq!(concern.organisation.sector.as_deref(), Some("telecoms"));
    assert!(concern.organisation.scottish_public_authority);
    assert_eq!(concern.organisation.public_authority, Some(true));
    assert_eq!(concern.data_processed_in_uk, Some(true));
    assert!(concern.subject_access && concern.whistleblower && concern.serious_or_many_affected);
    assert_eq!(concern.consent_to_be_named, Some(false));
    assert_eq!(concern.channel, Some(Channel::AutomatedCall));
    assert_eq!(concern.last_meaningful_contact(), Some(date("2026-01-05")));
    assert_eq!(concern.incident_on, Some(date("2026-01-06")));
    assert_eq!(
        concern.documents,
        Some(vec![
            DocumentKind::CreditFileExtract,
            DocumentKind::AgencyResponse
        ])
    );
}

#[test]
fn a_wrong_json_type_is_an_error_on_that_field() {
    assert_eq!(
        error_fields(json!({"route": "foi", "organisation": "Leeds"})),
        ["organisation"]
    );
    assert_eq!(
        error_fields(json!({"route": "foi", "documents": "information_request"})),
        ["documents"]
    );
    assert_eq!(
        error_fields(json!({"route": "foi", "subject_access": 1})),
        ["subject_access"]
    );
}

#[test]
fn the_given_today_is_used_to_validate_dates() {
    assert_eq!(
        error_fields(json!({"route": "foi", "today": "2026-01-01", "raised_on": "2026-01-02"})),
        ["raised_on"]
    );
    assert_eq!(
        error_fields(json!({"route": "foi", "raised_on": "2026-03-03"})),
        ["raised_on"]
    );
}

#[test]
fn a_malformed_today_is_reported_without_judging_other_dates_against_it() {
    assert_eq!(
        error_fields(json!({"route": "foi", "today": "tomorrow", "raised_on": "2030-01-01"})),
        ["today"]
    );
}

#[test]
fn validation_errors_are_collected_alongside_decoding_errors() {
    assert_eq!(
        error_fields(json!({
            "route": "pigeon",
            "raised_on": "2026-02-10",
            "response_on": "2026-02-09"
        })),
        ["response_on", "route"]
    );
}
