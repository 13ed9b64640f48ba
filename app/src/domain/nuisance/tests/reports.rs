use super::{call_form, now, text_form};
use crate::domain::nuisance::{
    validate_report, NuisanceReport, NuisanceSettings, ReportForm, ReporterForm,
};

#[test]
fn a_report_holds_1_to_20_incidents_and_prefixes_their_errors() {
    let settings = NuisanceSettings::default();
    let empty = ReportForm::default();
    assert_eq!(
        validate_report(&empty, now(), &settings)
            .unwrap_err()
            .get("incidents"),
        Some("nuisance.error.incidents.required")
    );
    let too_many = ReportForm {
        incidents: vec![text_form(); 21],
        ..ReportForm::default()
    };
    assert_eq!(
        validate_report(&too_many, now(), &settings)
            .unwrap_err()
            .get("incidents"),
        Some("nuisance.error.incidents.too_many")
    );
    let mut bad = call_form();
    bad.contacted_on = String::new();
    let form = ReportForm {
        incidents: vec![text_form(), bad],
        reporter: ReporterForm {
            email: "nope".into(),
            postcode: "SW1A".into(),
            ..ReporterForm::default()
        },
    };
    let errors = validate_report(&form, now(), &settings).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|(field, _)| field).collect();
    assert_eq!(
        fields,
        [
            "incidents[1].contacted_on",
            "reporter.email",
            "reporter.postcode"
        ]
    );
}

#[test]
fn a_valid_report_keeps_the_reporter_details_in_standard_form() {
    let form = ReportForm {
        incidents: vec![text_form(), call_form()],
        reporter: ReporterForm {
            name: "  Alex   Jones ".into(),
            email: "Alex@Example.ORG".into(),
            postcode: "sw1a1aa".into(),
        },
    };
    let report = validate_report(&form, now(), &NuisanceSettings::default()).unwrap();
    assert_eq!(report.incidents.len(), 2);
    assert_eq!(report.reporter.name.as_deref(), Some("Alex Jones"));
    assert_eq!(report.reporter.email.unwrap().as_str(), "Alex@example.org");
    assert_eq!(report.reporter.postcode.as_deref(), Some("SW1A 1AA"));
}

#[test]
fn a_report_is_stored_and_read_back_as_json() {
    let form = ReportForm {
        incidents: vec![text_form(), call_form()],
        ..ReportForm::default()
    };
    let report = validate_report(&form, now(), &NuisanceSettings::default()).unwrap();
    let json = serde_json::to_string(&report).unwrap();
    assert!(json.contains("\"channel\":\"text\""));
    assert_eq!(
        serde_json::from_str::<NuisanceReport>(&json).unwrap(),
        report
    );
}
