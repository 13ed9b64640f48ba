use super::{call_form, incident, now, text_form, SAMPLE_EML};
use crate::domain::nuisance::{
    validate_incident, Category, Channel, IncidentForm, NuisanceSettings, NumberKind, Recipient,
    Sender, YesNoUnsure,
};
use crate::domain::readiness::FieldErrors;

fn errors(form: &IncidentForm) -> FieldErrors {
    validate_incident(form, now(), &NuisanceSettings::default(), "").unwrap_err()
}

#[test]
fn a_complete_text_becomes_a_typed_incident() {
    let incident = incident(&text_form());
    assert_eq!(incident.channel, Channel::Text);
    let Sender::Number(sender) = &incident.sender else {
        panic!("{:?}", incident.sender)
    };
    assert_eq!(sender.canonical(), "+447400123456");
    assert!(
        matches!(&incident.contacted_on, Some(Recipient::Number(n)) if n.kind() == NumberKind::Mobile)
    );
    assert_eq!(incident.quoted_numbers.len(), 1);
    assert!(incident.quoted_numbers[0].is_premium_rate());
    assert_eq!(incident.company.as_ref().unwrap().key(), "greendealenergy");
    assert_eq!(incident.categories, [Category::LotteryPrizes]);
    assert_eq!(incident.scam, Some(YesNoUnsure::No));
    assert_eq!(incident.preference_service, None);
}

#[test]
fn a_sender_name_or_short_code_is_accepted_for_texts() {
    let named = incident(&IncidentForm {
        sender: "GreenDeal".into(),
        ..text_form()
    });
    assert!(matches!(&named.sender, Sender::SenderId(id) if id.as_str() == "GreenDeal"));
    let short = incident(&IncidentForm {
        sender: "87121".into(),
        ..text_form()
    });
    assert!(matches!(&short.sender, Sender::Number(n) if n.kind() == NumberKind::ShortCode));
}

#[test]
fn sender_ids_longer_than_11_characters_are_refused() {
    let form = IncidentForm {
        sender: "GreenDealEnergy".into(),
        ..text_form()
    };
    assert_eq!(
        errors(&form).get("sender"),
        Some("nuisance.error.sender_id.too_long")
    );
}

#[test]
fn a_call_needs_a_real_number_not_a_short_code_or_a_name() {
    for (sender, key) in [
        ("87121", "nuisance.error.number.short_code"),
        ("Green Deal", "nuisance.error.number.invalid"),
        ("", "nuisance.error.sender.required"),
    ] {
        let form = IncidentForm {
            sender: sender.into(),
            ..call_form()
        };
        assert_eq!(errors(&form).get("sender"), Some(key), "{sender}");
    }
}

#[test]
fn withheld_numbers_are_their_own_value() {
    for form in [
        IncidentForm {
            sender: "withheld".into(),
            ..call_form()
        },
        IncidentForm {
            sender: String::new(),
            sender_unknown: "yes".into(),
            ..call_form()
        },
        IncidentForm {
            sender: "Private number".into(),
            ..call_form()
        },
    ] {
        assert_eq!(incident(&form).sender, Sender::Withheld);
    }
}

#[test]
fn a_silent_call_is_not_recorded() {
    let form = IncidentForm {
        silent_or_abandoned: "yes".into(),
        ..call_form()
    };
    assert_eq!(
        errors(&form).get("silent_or_abandoned"),
        Some("nuisance.error.silent.signpost")
    );
    let unanswered = IncidentForm {
        silent_or_abandoned: String::new(),
        ..call_form()
    };
    assert_eq!(
        errors(&unanswered).get("silent_or_abandoned"),
        Some("nuisance.error.silent.required")
    );
}

#[test]
fn every_problem_is_reported_on_its_field() {
    let form = IncidentForm {
        channel: "text".into(),
        day: "31".into(),
        month: "2".into(),
        year: "2026".into(),
        ..IncidentForm::default()
    };
    let errors = errors(&form);
    let fields: Vec<&str> = errors.iter().map(|(field, _)| field).collect();
    assert_eq!(
        fields,
        [
            "categories",
            "contacted_on",
            "message_text",
            "relationship",
            "scam",
            "sender",
            "when"
        ]
    );
    assert_eq!(
        errors.get("message_text"),
        Some("nuisance.error.message_text.required")
    );
    assert_eq!(errors.get("when"), Some("nuisance.error.when.invalid"));
}

#[test]
fn an_unknown_channel_is_refused() {
    let form = IncidentForm {
        channel: "pigeon".into(),
        ..text_form()
    };
    assert_eq!(
        errors(&form).get("channel"),
        Some("nuisance.error.channel.required")
    );
}

#[test]
fn message_text_is_kept_within_1600_characters_with_control_characters_removed() {
    let long = IncidentForm {
        message_text: "x".repeat(1601),
        ..text_form()
    };
    assert_eq!(
        errors(&long).get("message_text"),
        Some("nuisance.error.message_text.too_long")
    );
    let dirty = incident(&IncidentForm {
        message_text: "Hello\u{0}\u{7}\r\n\r\n\r\nWorld\u{1b}[31m".into(),
        ..text_form()
    });
    assert_eq!(dirty.message_text.as_deref(), Some("Hello\n\nWorld[31m"));
}

#[test]
fn script_and_html_are_kept_as_inert_text() {
    let script = "<script>alert('x')</script> <b>Win</b> &amp;";
    let incident = incident(&IncidentForm {
        message_text: script.into(),
        description: script.into(),
        company: "<img src=x onerror=alert(1)> Ltd".into(),
        ..text_form()
    });
    assert_eq!(incident.message_text.as_deref(), Some(script));
    assert_eq!(incident.description.as_deref(), Some(script));
    assert_eq!(
        incident.company.unwrap().name(),
        "<img src=x onerror=alert(1)> Ltd"
    );
}

#[test]
fn free_text_is_kept_within_2000_characters() {
    let form = IncidentForm {
        description: "y".repeat(2001),
        categories: vec!["other".into()],
        category_other: "z".repeat(2001),
        ..text_form()
    };
    let errors = errors(&form);
    assert_eq!(
        errors.get("description"),
        Some("nuisance.error.description.too_long")
    );
    assert_eq!(
        errors.get("category_other"),
        Some("nuisance.error.category_other.too_long")
    );
}

#[test]
fn other_needs_a_description_and_unknown_categories_are_refused() {
    let other = IncidentForm {
        categories: vec!["other".into()],
        ..text_form()
    };
    assert_eq!(errors(&other).get("categories"), None);
    assert_eq!(
        errors(&other).get("category_other"),
        Some("nuisance.error.category_other.required")
    );
    let unknown = IncidentForm {
        categories: vec!["energy".into(), "spam".into()],
        ..text_form()
    };
    assert_eq!(
        errors(&unknown).get("categories"),
        Some("nuisance.error.categories.invalid")
    );
}

#[test]
fn questions_the_channel_does_not_ask_are_ignored() {
    let call = incident(&IncidentForm {
        message_text: "x".repeat(5000),
        email_source: "junk".into(),
        ..call_form()
    });
    assert_eq!(call.message_text, None);
    assert_eq!(call.email, None);
    let fax = incident(&IncidentForm {
        channel: "fax".into(),
        scam: String::new(),
        ..call_form()
    });
    assert_eq!(fax.scam, None);
}

#[test]
fn an_email_can_take_its_sender_from_the_evidence() {
    let form = IncidentForm {
        channel: "email".into(),
        sender: String::new(),
        contacted_on: "me@example.org".into(),
        email_source: SAMPLE_EML.into(),
        ..text_form()
    };
    let email = incident(&form);
    assert!(
        matches!(&email.sender, Sender::Email(a) if a.as_str() == "offers@greendeal-energy.example.com")
    );
    assert_eq!(email.message_text, None);
    let bad = IncidentForm {
        email_source: "not an email at all".into(),
        ..form
    };
    assert_eq!(
        errors(&bad).get("email_source"),
        Some("nuisance.error.eml.no_headers")
    );
}

#[test]
fn an_automated_calls_advertised_number_must_parse() {
    let form = IncidentForm {
        channel: "automated_call".into(),
        advertised_number: "0909 879 0123".into(),
        ..call_form()
    };
    assert!(incident(&form).advertised_number.unwrap().is_premium_rate());
    let bad = IncidentForm {
        advertised_number: "press 1".into(),
        ..form
    };
    assert_eq!(
        errors(&bad).get("advertised_number"),
        Some("nuisance.error.number.invalid")
    );
}
