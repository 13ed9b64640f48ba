use super::{call_form, incident, text_form, SAMPLE_EML};
use crate::domain::nuisance::{offender_keys, IncidentForm, OffenderKey, OffenderKind};

fn key(kind: OffenderKind, key: &str) -> OffenderKey {
    OffenderKey {
        kind,
        key: key.to_owned(),
    }
}

#[test]
fn a_text_counts_against_its_number_the_numbers_it_quotes_and_the_company() {
    assert_eq!(
        offender_keys(&incident(&text_form())),
        [
            key(OffenderKind::Number, "+447400123456"),
            key(OffenderKind::Number, "+449061701461"),
            key(OffenderKind::Company, "greendealenergy"),
        ]
    );
}

#[test]
fn a_sender_id_is_a_key_and_the_persons_own_number_never_is() {
    let form = IncidentForm {
        sender: "GREEN-DEAL".into(),
        contacted_on: "07742 676969".into(),
        message_text: "Your statement for 07742676969 shows 786 points. Call 08719180248 or text CLAIM to 87121".into(),
        company: String::new(),
        ..text_form()
    };
    assert_eq!(
        offender_keys(&incident(&form)),
        [
            key(OffenderKind::SenderId, "greendeal"),
            key(OffenderKind::Number, "+448719180248"),
            key(OffenderKind::Number, "87121"),
        ]
    );
}

#[test]
fn a_withheld_caller_contributes_only_the_company() {
    let form = IncidentForm {
        sender: "Number withheld".into(),
        ..call_form()
    };
    assert_eq!(
        offender_keys(&incident(&form)),
        [key(OffenderKind::Company, "sunnysolar")]
    );
}

#[test]
fn an_email_counts_against_its_senders_their_domains_but_not_webmail_or_the_bounce_address() {
    let form = IncidentForm {
        channel: "email".into(),
        sender: "Promo@Gmail.com".into(),
        contacted_on: String::new(),
        email_source: SAMPLE_EML.into(),
        company: String::new(),
        ..text_form()
    };
    assert_eq!(
        offender_keys(&incident(&form)),
        [
            key(OffenderKind::EmailSender, "promo@gmail.com"),
            key(
                OffenderKind::EmailSender,
                "offers@greendeal-energy.example.com"
            ),
            key(OffenderKind::EmailDomain, "greendeal-energy.example.com"),
            key(
                OffenderKind::EmailSender,
                "claims@solar-claims.example.co.uk"
            ),
            key(OffenderKind::EmailDomain, "solar-claims.example.co.uk"),
        ]
    );
}

#[test]
fn the_same_number_written_two_ways_is_one_key() {
    let form = IncidentForm {
        channel: "automated_call".into(),
        sender: "0909 879 0123".into(),
        advertised_number: "+44 (0)909-879-0123".into(),
        ..call_form()
    };
    let keys = offender_keys(&incident(&form));
    assert_eq!(keys[0], key(OffenderKind::Number, "+449098790123"));
    assert_eq!(keys.len(), 2);
}
