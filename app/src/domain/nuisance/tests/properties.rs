use proptest::prelude::*;

use super::{now, text_form};
use crate::domain::nuisance::{
    extract_numbers, parse_phone_number, validate_incident, validate_report, IncidentForm,
    NuisanceSettings, ReportForm,
};

/// Real-format UK numbers (national significant numbers) of several kinds.
const NATIONAL: [&str; 8] = [
    "7400123456",
    "2079460123",
    "1212345678",
    "8001234567",
    "9098790123",
    "8719180248",
    "3001233333",
    "5612345678",
];

/// A number written with a prefix and separators between some digits.
fn written(national: &str, prefix: usize, separators: &[(usize, usize)]) -> String {
    let prefix = ["0", "+44", "+44 ", "0044", "0044 ", "+44 (0)", "00 44 "][prefix];
    let mut out = String::from(prefix);
    for (i, c) in national.chars().enumerate() {
        if let Some((_, sep)) = separators.iter().find(|(at, _)| *at == i) {
            if i > 0 {
                out.push_str([" ", "-", ".", "  ", " - "][*sep]);
            }
        }
        out.push(c);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_formatting_of_a_valid_number_gives_the_same_e164(
        which in 0..NATIONAL.len(),
        prefix in 0..7usize,
        separators in proptest::collection::vec((0..10usize, 0..5usize), 0..4),
    ) {
        let national = NATIONAL[which];
        let text = written(national, prefix, &separators);
        let number = parse_phone_number(&text).map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
        prop_assert_eq!(number.canonical(), format!("+44{national}"));
    }

    #[test]
    fn number_parsing_and_extraction_never_panic(text in "\\PC{0,60}") {
        let _ = parse_phone_number(&text);
        let _ = extract_numbers(&text);
    }

    #[test]
    fn validation_never_panics_on_arbitrary_strings(
        channel in prop::sample::select(vec!["text", "live_call", "automated_call", "email", "fax", "", "x"]),
        fields in proptest::collection::vec("\\PC{0,30}", 16),
        categories in proptest::collection::vec("[a-z_]{0,16}", 0..3),
    ) {
        let f = |i: usize| fields[i].clone();
        let form = IncidentForm {
            channel: channel.to_owned(),
            silent_or_abandoned: f(0),
            day: f(1),
            month: f(2),
            year: f(3),
            hour: f(4),
            minute: f(5),
            sender: f(6),
            sender_unknown: f(7),
            contacted_on: f(8),
            message_text: f(9),
            advertised_number: f(10),
            email_source: f(11),
            company: f(12),
            categories,
            category_other: f(13),
            scam: f(14),
            relationship: f(15),
            preference_service: f(0),
            description: f(9),
        };
        let _ = validate_incident(&form, now(), &NuisanceSettings::default(), "");
        let report = ReportForm { incidents: vec![form], ..ReportForm::default() };
        let _ = validate_report(&report, now(), &NuisanceSettings::default());
    }

    #[test]
    fn any_message_text_within_the_limit_is_accepted_and_has_no_control_characters(
        text in "\\PC{1,300}",
        controls in proptest::collection::vec(prop::sample::select(vec!['\u{0}', '\u{7}', '\u{1b}', '\u{7f}', '\u{85}']), 0..5),
    ) {
        let mut message = text.clone();
        for c in controls {
            message.push(c);
            message.push_str(&text);
        }
        prop_assume!(!message.trim().is_empty());
        let form = IncidentForm { message_text: message, ..text_form() };
        if let Ok(incident) = validate_incident(&form, now(), &NuisanceSettings::default(), "") {
            let kept = incident.message_text.unwrap_or_default();
            prop_assert!(!kept.chars().any(|c| c.is_control() && c != '\n'));
        }
    }
}
