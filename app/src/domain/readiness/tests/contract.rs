//! The contract's example, reproduced exactly, and the shape of the response JSON.

use super::*;
use serde_json::{json, Value};

const EXAMPLE_REQUEST: &str = r#"{"route":"foi","today":"2026-03-02","organisation":{"name":"Leeds City Council","public_authority":true},
 "raised_on":"2026-01-05","response_on":"2026-01-30","documents":["information_request","authority_response"]}"#;

const EXAMPLE_RESPONSE: &str = r#"{"verdict":"not_yet","case_type":"FS50","reasons":["internal_review_not_requested"],
 "response_due":null,"can_complain_from":null,"complain_by":"2026-04-30",
 "required_documents":["information_request","authority_response"],"missing_documents":[],"signpost":null}"#;

fn assess_request(body: &str) -> Assessment {
    let body: Value = serde_json::from_str(body).expect("JSON");
    let (concern, today, now) =
        decode_request(&body, date("2030-01-01"), noon("2030-01-01")).expect("a valid request");
    assess(
        &concern,
        today,
        now,
        &calendar(),
        &ReadinessSettings::default(),
    )
    .expect("dates within the data")
}

#[test]
fn the_contract_example_gives_the_contract_response_exactly() {
    let assessment = assess_request(EXAMPLE_REQUEST);
    let expected: Value = serde_json::from_str(EXAMPLE_RESPONSE).expect("JSON");
    assert_eq!(
        serde_json::to_value(&assessment).expect("serializable"),
        expected
    );
}

#[test]
fn the_response_fields_are_serialized_in_contract_order() {
    let assessment = assess_request(EXAMPLE_REQUEST);
    let expected: String = EXAMPLE_RESPONSE.split_whitespace().collect();
    assert_eq!(
        serde_json::to_string(&assessment).expect("serializable"),
        expected
    );
}

#[test]
fn a_stopped_assessment_has_nulls_and_empty_lists() {
    let mut marketing = concern(Route::Marketing);
    marketing.channel = Some(Channel::Email);
    let assessment = assess_on(&marketing, "2026-03-02");
    assert_eq!(
        serde_json::to_value(&assessment).expect("serializable"),
        json!({"verdict":"report_instead","case_type":null,"reasons":["report_with_tool"],
               "response_due":null,"can_complain_from":null,"complain_by":null,
               "required_documents":[],"missing_documents":[],"signpost":null})
    );
}

#[test]
fn dates_in_the_response_are_yyyy_mm_dd() {
    let mut dp = concern(Route::DataProtection);
    dp.raised_on = Some(date("2026-02-01"));
    let value = serde_json::to_value(assess_on(&dp, "2026-02-20")).expect("serializable");
    assert_eq!(value["response_due"], json!("2026-03-03"));
    assert_eq!(value["can_complain_from"], json!("2026-03-04"));
    assert_eq!(value["complain_by"], json!("2026-05-01"));
    assert_eq!(value["case_type"], json!("RFA"));
}

#[test]
fn an_assessment_survives_a_json_round_trip() {
    let assessment = assess_request(EXAMPLE_REQUEST);
    let json = serde_json::to_string(&assessment).expect("serializable");
    let back: Assessment = serde_json::from_str(&json).expect("deserializable");
    assert_eq!(back, assessment);
}

#[test]
fn every_code_round_trips_through_from_code() {
    fn check<T: Copy + PartialEq + std::fmt::Debug>(
        all: &[T],
        code: fn(&T) -> &'static str,
        from: fn(&str) -> Option<T>,
    ) {
        for value in all {
            assert_eq!(from(code(value)), Some(*value));
        }
    }
    check(Route::all(), Route::code, Route::from_code);
    check(Channel::all(), Channel::code, Channel::from_code);
    check(
        DocumentKind::all(),
        DocumentKind::code,
        DocumentKind::from_code,
    );
    check(Verdict::all(), Verdict::code, Verdict::from_code);
    check(CaseType::all(), CaseType::code, CaseType::from_code);
    check(Reason::all(), Reason::code, Reason::from_code);
    check(Signpost::all(), Signpost::code, Signpost::from_code);
    assert_eq!(Route::from_code("FOI"), None);
}

#[test]
fn codes_serialize_exactly_as_the_contract_spells_them() {
    let value = serde_json::to_value((
        CaseType::all(),
        Verdict::all(),
        Route::all(),
        Reason::ReportedAfter72Hours,
    ))
    .expect("serializable");
    assert_eq!(
        value,
        json!([
            ["RFA", "FS50", "ELE", "COM", "ENQ", "RCC"],
            ["ready", "late", "not_yet", "report_instead", "not_for_us"],
            [
                "data_protection",
                "cctv_household",
                "credit_file",
                "foi",
                "eir",
                "marketing",
                "breach",
                "advice",
                "service_complaint"
            ],
            "reported_after_72_hours"
        ])
    );
}

#[test]
fn reasons_are_declared_in_the_contract_table_order() {
    let codes: Vec<&str> = Reason::all().iter().map(Reason::code).collect();
    assert_eq!(
        codes,
        [
            "organisation_in_eea",
            "organisation_outside_eea",
            "scottish_public_authority",
            "not_public_authority",
            "premium_rate_signpost",
            "silent_call_signpost",
            "report_with_tool",
            "no_request_made",
            "not_raised_with_organisation",
            "raise_first_not_required",
            "awaiting_response",
            "response_overdue",
            "internal_review_not_requested",
            "internal_review_pending",
            "internal_review_overdue",
            "undue_delay",
            "complaint_out_of_time",
            "reported_after_72_hours",
            "anonymous_cannot_contact_operator",
            "missing_documents",
        ]
    );
}

#[test]
fn settings_load_from_partial_json_with_policy_defaults() {
    let settings: ReadinessSettings =
        serde_json::from_str(r#"{"foi_undue_delay":{"weeks":6},"breach_report_hours":48}"#)
            .expect("valid settings");
    assert_eq!(settings.foi_undue_delay, crate::domain::Period::Weeks(6));
    assert_eq!(settings.breach_report_hours, 48);
    assert_eq!(settings.dp_response_wait_days, 30);
    assert_eq!(settings.undue_delay, crate::domain::Period::Months(3));
}

#[test]
fn a_changed_foi_undue_delay_setting_moves_complain_by() {
    let settings = ReadinessSettings {
        foi_undue_delay: crate::domain::Period::Weeks(6),
        ..ReadinessSettings::default()
    };
    let mut foi = concern(Route::Foi);
    foi.raised_on = Some(date("2026-01-05"));
    foi.response_on = Some(date("2026-01-30"));
    let assessment = assess(
        &foi,
        date("2026-03-16"),
        noon("2026-03-16"),
        &calendar(),
        &settings,
    )
    .expect("covered");
    assert_eq!(assessment.complain_by, Some(date("2026-03-13")));
    assert!(assessment.reasons.contains(&Reason::UndueDelay));
}
