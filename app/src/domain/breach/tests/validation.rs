use super::support::{at, fields};
use crate::domain::breach::*;

fn settings() -> BreachSettings {
    BreachSettings::default()
}

fn errors_of<T: std::fmt::Debug>(
    result: Result<T, crate::domain::FieldErrors>,
) -> Vec<(String, String)> {
    result.unwrap_err().0.into_iter().collect()
}

fn timing(occurred: DateTimeFields, aware: DateTimeFields) -> TimingForm {
    TimingForm {
        occurred,
        aware,
        ..TimingForm::default()
    }
}

const NOW: fn() -> chrono::NaiveDateTime = || at(2026, 3, 2, 12, 0);

#[test]
fn awareness_and_occurrence_in_order_make_the_timing_part() {
    let part = validate_timing(
        &timing(
            fields("28", "2", "2026", "", ""),
            fields("1", "3", "2026", "9", "05"),
        ),
        NOW(),
        &settings(),
    )
    .unwrap();
    assert_eq!(part.occurred_at, Some(at(2026, 2, 28, 0, 0)));
    assert!(!part.occurred_time_known);
    assert_eq!(part.aware_at, Some(at(2026, 3, 1, 9, 5)));
    assert_eq!(part.delay_reason, None);
}

#[test]
fn times_in_the_future_are_refused() {
    let errors = errors_of(validate_timing(
        &timing(
            fields("2", "3", "2026", "12", "30"),
            fields("3", "3", "2026", "9", "0"),
        ),
        NOW(),
        &settings(),
    ));
    assert_eq!(
        errors,
        vec![
            (
                "aware.day".to_owned(),
                "breach.error.aware.future".to_owned()
            ),
            (
                "occurred.day".to_owned(),
                "breach.error.occurred.future".to_owned()
            ),
        ]
    );
}

#[test]
fn awareness_before_occurrence_is_refused() {
    let errors = errors_of(validate_timing(
        &timing(
            fields("1", "3", "2026", "10", "0"),
            fields("1", "3", "2026", "9", "59"),
        ),
        NOW(),
        &settings(),
    ));
    assert_eq!(
        errors,
        vec![(
            "aware.day".to_owned(),
            "breach.error.aware.before_occurred".to_owned()
        )]
    );
    // Only the date of occurrence known: the same day is fine, the day before is not.
    assert!(validate_timing(
        &timing(
            fields("1", "3", "2026", "", ""),
            fields("1", "3", "2026", "0", "10")
        ),
        NOW(),
        &settings()
    )
    .is_ok());
}

#[test]
fn awareness_needs_a_time_and_dates_must_be_real() {
    let errors = errors_of(validate_timing(
        &timing(
            fields("31", "2", "2026", "", ""),
            fields("1", "3", "2026", "", ""),
        ),
        NOW(),
        &settings(),
    ));
    assert_eq!(
        errors,
        vec![
            (
                "aware.hour".to_owned(),
                "breach.error.aware.time_required".to_owned()
            ),
            (
                "occurred.day".to_owned(),
                "breach.error.occurred.invalid".to_owned()
            ),
        ]
    );
    let errors = errors_of(validate_timing(
        &TimingForm {
            occurred_unknown: "yes".into(),
            aware: fields("1", "3", "2026", "25", "00"),
            ..TimingForm::default()
        },
        NOW(),
        &settings(),
    ));
    assert_eq!(
        errors,
        vec![(
            "aware.hour".to_owned(),
            "breach.error.aware.invalid_time".to_owned()
        )]
    );
}

#[test]
fn a_late_report_must_say_why() {
    let late = TimingForm {
        occurred_unknown: "yes".into(),
        aware: fields("26", "2", "2026", "11", "59"),
        ..TimingForm::default()
    };
    assert_eq!(
        errors_of(validate_timing(&late, NOW(), &settings())),
        vec![(
            "delay_reason".to_owned(),
            "breach.error.delay_reason.required".to_owned()
        )]
    );
    let explained = TimingForm {
        delay_reason: "  The supplier told us\u{7} on Friday.  ".into(),
        ..late
    };
    let part = validate_timing(&explained, NOW(), &settings()).unwrap();
    assert_eq!(
        part.delay_reason.as_deref(),
        Some("The supplier told us on Friday.")
    );
    assert_eq!(part.occurred_at, None);
}

#[test]
fn absurd_and_malformed_counts_are_refused() {
    let scale = |records: &str, people: &str| ScaleForm {
        records: records.into(),
        people: people.into(),
        groups: vec!["customers".into()],
        ..ScaleForm::default()
    };
    let problems =
        |records, people| errors_of(validate_scale(&scale(records, people), &settings()));
    assert_eq!(
        problems("0", "80,000,000"),
        vec![
            (
                "people".to_owned(),
                "breach.error.people.too_many".to_owned()
            ),
            ("records".to_owned(), "breach.error.records.zero".to_owned()),
        ]
    );
    assert_eq!(
        problems("-5", "1e9"),
        vec![
            (
                "people".to_owned(),
                "breach.error.people.not_a_number".to_owned()
            ),
            (
                "records".to_owned(),
                "breach.error.records.not_a_number".to_owned()
            ),
        ]
    );
    assert_eq!(
        problems("99999999999999999999999", "12"),
        vec![(
            "records".to_owned(),
            "breach.error.records.too_many".to_owned()
        )]
    );
    let part = validate_scale(&scale("12,500", "1 200"), &settings()).unwrap();
    assert_eq!((part.records, part.people), (Some(12_500), Some(1_200)));
    let unknown = ScaleForm {
        records_unknown: "yes".into(),
        people_unknown: "yes".into(),
        groups: vec!["children".into(), "other".into()],
        other_group: "Volunteers".into(),
        ..ScaleForm::default()
    };
    let part = validate_scale(&unknown, &settings()).unwrap();
    assert_eq!((part.records, part.people), (None, None));
    assert_eq!(part.other_group.as_deref(), Some("Volunteers"));
}

#[test]
fn hostile_text_is_cleaned_and_limited() {
    let form = WhatHappenedForm {
        description: "<script>alert(1)</script>\u{0}\r\n\r\n\r\nRow 2".into(),
        cyber_incident: "yes".into(),
        how_discovered: "x".repeat(5001),
        ..WhatHappenedForm::default()
    };
    assert_eq!(
        errors_of(validate_what_happened(&form, &settings())),
        vec![(
            "how_discovered".to_owned(),
            "breach.error.how_discovered.too_long".to_owned()
        )]
    );
    let part = validate_what_happened(
        &WhatHappenedForm {
            how_discovered: "An audit".into(),
            ..form
        },
        &settings(),
    )
    .unwrap();
    // Kept as text (pages escape it); control characters and extra blank lines go.
    assert_eq!(part.description, "<script>alert(1)</script>\n\nRow 2");
}

#[test]
fn organisation_and_contact_are_checked() {
    let errors = errors_of(validate_organisation(
        &OrganisationForm {
            registration_number: "12345".into(),
            sector: "nonsense".into(),
            ..OrganisationForm::default()
        },
        &settings(),
    ));
    let fields: Vec<&str> = errors.iter().map(|(field, _)| field.as_str()).collect();
    assert_eq!(
        fields,
        vec!["name", "registration_number", "sector", "size"]
    );
    let part = validate_organisation(
        &OrganisationForm {
            name: "Northshire Council".into(),
            registration_number: "za 123456".into(),
            sector: "local_government".into(),
            size: "large".into(),
            ..OrganisationForm::default()
        },
        &settings(),
    )
    .unwrap();
    assert_eq!(part.registration_number.as_deref(), Some("ZA123456"));
    let errors = errors_of(validate_contact(
        &ContactForm {
            role: "dpo".into(),
            name: "Dana Officer".into(),
            email: "dana@".into(),
            phone: "call me".into(),
            ..ContactForm::default()
        },
        &settings(),
    ));
    assert_eq!(
        errors,
        vec![
            ("email".to_owned(), "breach.error.email.invalid".to_owned()),
            ("phone".to_owned(), "breach.error.phone.invalid".to_owned()),
        ]
    );
}

#[test]
fn ticks_need_one_and_other_needs_details() {
    assert_eq!(
        errors_of(validate_data(&DataForm::default(), &settings())),
        vec![(
            "categories".to_owned(),
            "breach.error.categories.required".to_owned()
        )]
    );
    assert_eq!(
        errors_of(validate_data(
            &DataForm {
                categories: vec!["health".into(), "other".into()],
                other: " ".into()
            },
            &settings()
        )),
        vec![("other".to_owned(), "breach.error.other.required".to_owned())]
    );
    let part = validate_data(
        &DataForm {
            categories: vec!["health".into(), "health".into(), "criminal_offences".into()],
            other: "ignored".into(),
        },
        &settings(),
    )
    .unwrap();
    assert!(part.has_special_category() && part.has_criminal_offence());
    assert_eq!(part.categories.len(), 2);
    assert_eq!(part.other, None);
}

#[test]
fn deciding_not_to_tell_people_needs_the_reasons() {
    let form = TellingForm {
        people_told: "not_telling".into(),
        others: vec!["police".into(), "ncsc".into()],
        ..TellingForm::default()
    };
    assert_eq!(
        errors_of(validate_telling(&form, &settings())),
        vec![(
            "people_told_details".to_owned(),
            "breach.error.people_told_details.required".to_owned()
        )]
    );
    let part = validate_telling(
        &TellingForm {
            people_told_details: "The data was encrypted".into(),
            ..form
        },
        &settings(),
    )
    .unwrap();
    assert_eq!(part.others, vec![OtherBody::Police, OtherBody::Ncsc]);
}
