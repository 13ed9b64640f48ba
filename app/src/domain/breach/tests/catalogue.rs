//! Every message key the breach rules can produce has English text in
//! `app/locales/en/breach.json`, and every code a page shows has a label.

use std::collections::HashMap;

use crate::domain::breach::*;

fn english() -> HashMap<String, String> {
    serde_json::from_str(include_str!("../../../../locales/en/breach.json")).unwrap()
}

#[test]
fn every_code_has_a_label() {
    let english = english();
    let mut missing = Vec::new();
    let mut check = |prefix: &str, codes: &[&str]| {
        for code in codes {
            let key = format!("breach.{prefix}.{code}");
            if !english.contains_key(&key) {
                missing.push(key);
            }
        }
    };
    check("category", DataCategory::codes());
    check("group", SubjectGroup::codes());
    check("likelihood", Likelihood::codes());
    check("people_told", PeopleTold::codes());
    check("other_body", OtherBody::codes());
    check("size", OrganisationSize::codes());
    check("contact_role", ContactRole::codes());
    check("answer", YesNoUnknown::codes());
    check("risk_answer", RiskAnswer::codes());
    check("not_reportable", NotReportable::codes());
    check("risk.factor", RiskFactor::codes());
    check("risk.band", RiskBand::codes());
    assert!(missing.is_empty(), "missing: {missing:?}");
}

/// The fields with typed text (the rest are choices, counts and dates).
const TEXT_FIELDS: [&str; 14] = [
    "name",
    "staff_spoken_to",
    "job_title",
    "description",
    "how_discovered",
    "staff_involved",
    "delay_reason",
    "other",
    "other_group",
    "actions",
    "preventative_measures",
    "help_for_people",
    "people_told_details",
    "others_details",
];

#[test]
fn every_error_key_has_text() {
    let english = english();
    let source = [include_str!("../validate.rs"), include_str!("../text.rs")].concat();
    // The fields and problems the validation can put together (`key(field, problem)`).
    let fields = [
        "name",
        "registration_number",
        "sector",
        "size",
        "staff_spoken_to",
        "role",
        "job_title",
        "email",
        "phone",
        "description",
        "cyber_incident",
        "how_discovered",
        "systems_affected",
        "staff_involved",
        "occurred",
        "aware",
        "delay_reason",
        "categories",
        "other",
        "records",
        "people",
        "groups",
        "other_group",
        "likelihood",
        "contained",
        "actions",
        "preventative_measures",
        "help_for_people",
        "people_told",
        "people_told_details",
        "others",
        "others_details",
    ];
    for field in fields {
        assert!(
            source.contains(&format!("\"{field}\"")),
            "{field} is not validated"
        );
    }
    let problems = [
        "required",
        "too_long",
        "invalid",
        "not_a_number",
        "zero",
        "too_many",
        "future",
        "too_old",
        "time_required",
        "invalid_time",
        "before_occurred",
    ];
    let mut missing = Vec::new();
    for field in fields {
        for problem in problems {
            let key = format!("breach.error.{field}.{problem}");
            let possible = match problem {
                "required" => true,
                "too_long" => TEXT_FIELDS.contains(&field),
                "invalid" => {
                    ["registration_number", "email", "phone", "occurred", "aware"].contains(&field)
                }
                "not_a_number" | "zero" | "too_many" => ["records", "people"].contains(&field),
                "future" | "too_old" | "invalid_time" => ["occurred", "aware"].contains(&field),
                "time_required" | "before_occurred" => field == "aware",
                _ => false,
            };
            if possible && !english.contains_key(&key) {
                missing.push(key);
            }
        }
    }
    assert!(missing.is_empty(), "missing: {missing:?}");
}
