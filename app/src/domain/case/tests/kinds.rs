//! Case types and sectors as codes.

use crate::domain::case::{CaseKind, Sector};
use crate::domain::readiness::CaseType;

#[test]
fn every_case_type_of_the_manual_has_its_code() {
    let codes: Vec<&str> = CaseKind::all().iter().map(|kind| kind.code()).collect();
    assert_eq!(
        codes,
        [
            "INF", "ENQ", "IRQ", "RFA", "ELE", "FS50", "FER", "COM", "ENF", "SEC", "PCB", "RCC",
            "ECS"
        ]
    );
}

#[test]
fn case_type_codes_read_back_in_any_case() {
    for &kind in CaseKind::all() {
        assert_eq!(CaseKind::from_code(kind.code()), Some(kind));
        assert_eq!(CaseKind::from_code(&kind.code().to_lowercase()), Some(kind));
        // Every type is described in both languages, and the Welsh is its own.
        let key = kind.description_key();
        let english = crate::i18n::t_in(crate::i18n::Lang::En, &key);
        let welsh = crate::i18n::t_in(crate::i18n::Lang::Cy, &key);
        assert_ne!(english, key);
        assert_ne!(welsh, english, "{key}");
    }
    assert_eq!(CaseKind::from_code(" fs50 "), Some(CaseKind::Fs50));
    assert_eq!(CaseKind::from_code("FS5"), None);
}

#[test]
fn case_types_serialize_as_their_codes() {
    assert_eq!(serde_json::to_string(&CaseKind::Fs50).unwrap(), "\"FS50\"");
    let kind: CaseKind = serde_json::from_str("\"ECS\"").unwrap();
    assert_eq!(kind, CaseKind::Ecs);
    assert!(serde_json::from_str::<CaseKind>("\"XYZ\"").is_err());
    assert_eq!(CaseKind::Rcc.to_string(), "RCC");
}

#[test]
fn every_intake_case_type_converts_to_the_casework_type_with_the_same_code() {
    for &case_type in CaseType::all() {
        assert_eq!(CaseKind::from(case_type).code(), case_type.code());
    }
}

#[test]
fn every_sector_code_of_the_policy_reads_back() {
    let codes: Vec<&str> = Sector::all().iter().map(|sector| sector.code()).collect();
    assert_eq!(
        codes,
        [
            "telecoms",
            "direct_marketing",
            "lenders",
            "credit_reference_agencies",
            "general_business",
            "motor_industry",
            "central_government",
            "finance",
            "police",
            "criminal_justice",
            "ministry_of_justice",
            "home_office",
            "london_borough",
            "education",
            "leisure",
            "environment",
            "charity",
            "regulator",
            "bbc",
            "transport",
            "health",
            "local_government",
        ]
    );
    for &sector in Sector::all() {
        assert_eq!(Sector::from_code(sector.code()), Some(sector));
        let json = serde_json::to_string(&sector).unwrap();
        assert_eq!(json, format!("\"{}\"", sector.code()));
        assert_eq!(serde_json::from_str::<Sector>(&json).unwrap(), sector);
    }
    assert_eq!(Sector::from_code("banking"), None);
}
