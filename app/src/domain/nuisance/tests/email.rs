use proptest::prelude::*;

use super::SAMPLE_EML;
use crate::domain::nuisance::{parse_email_evidence, EmlError};

const MB: usize = 1024 * 1024;

#[test]
fn an_eml_file_gives_its_sender_reply_to_subject_date_and_received_lines() {
    let evidence = parse_email_evidence(SAMPLE_EML.as_bytes(), MB).unwrap();
    assert_eq!(
        evidence.from.as_str(),
        "offers@greendeal-energy.example.com"
    );
    assert_eq!(evidence.from_name.as_deref(), Some("Green Deal Énergy"));
    assert_eq!(
        evidence.reply_to.as_ref().map(|a| a.as_str()),
        Some("claims@solar-claims.example.co.uk")
    );
    assert_eq!(
        evidence.return_path.as_ref().map(|a| a.as_str()),
        Some("bounce-123@mailer.example.net")
    );
    // Folded, Q-encoded, and the Latin-1 C1 control character 0x96 removed.
    assert_eq!(
        evidence.subject.as_deref(),
        Some("Free solar panels act now for your home")
    );
    assert_eq!(
        evidence.date.map(|d| d.to_rfc3339()),
        Some("2026-03-02T09:00:00+00:00".to_owned())
    );
    assert_eq!(evidence.received.len(), 1);
    assert!(evidence.received[0].starts_with("from mx.example.net"));
    assert!(evidence.received[0].ends_with("+0000"));
}

#[test]
fn pasted_headers_without_a_body_and_with_lf_endings_are_read() {
    let pasted = "\n\n  From: Offers <deals@example.com>\nSubject: Hello\nTo: me@example.org";
    // Blank lines and spaces before the first header are what a paste often starts with.
    let evidence = parse_email_evidence(pasted.as_bytes(), MB).unwrap();
    assert_eq!(evidence.subject.as_deref(), Some("Hello"));
    let pasted = "From: Offers <deals@example.com>\nSubject: Hello\nTo: me@example.org";
    let evidence = parse_email_evidence(pasted.as_bytes(), MB).unwrap();
    assert_eq!(evidence.from.as_str(), "deals@example.com");
    assert_eq!(evidence.from_name.as_deref(), Some("Offers"));
}

#[test]
fn a_from_with_a_comment_or_a_bare_address_is_read() {
    let bare = parse_email_evidence(b"From: deals@example.com (Deals Team)\n", MB).unwrap();
    assert_eq!(bare.from.as_str(), "deals@example.com");
    assert_eq!(bare.from_name.as_deref(), Some("Deals Team"));
    let quoted = parse_email_evidence(b"From: \"Smith, Jo\" <JO@Example.COM>\n", MB).unwrap();
    assert_eq!(quoted.from.as_str(), "JO@example.com");
    assert_eq!(quoted.from_name.as_deref(), Some("Smith, Jo"));
}

#[test]
fn lines_in_the_body_are_not_headers() {
    let evidence = parse_email_evidence(SAMPLE_EML.as_bytes(), MB).unwrap();
    assert_ne!(evidence.from.as_str(), "not-a-header@example.com");
}

#[test]
fn garbage_gives_a_clear_error() {
    assert_eq!(parse_email_evidence(b"", MB), Err(EmlError::Empty));
    assert_eq!(parse_email_evidence(b" \r\n\t", MB), Err(EmlError::Empty));
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
    assert_eq!(parse_email_evidence(png, MB), Err(EmlError::NotText));
    assert_eq!(
        parse_email_evidence(b"Dear customer, you have won a prize.", MB),
        Err(EmlError::NoHeaders)
    );
    assert_eq!(
        parse_email_evidence(b"Subject: no sender here\n", MB),
        Err(EmlError::NoSender)
    );
    assert_eq!(
        parse_email_evidence(b"From: not an address\n", MB),
        Err(EmlError::NoSender)
    );
}

#[test]
fn five_megabytes_of_junk_is_too_large_and_never_read() {
    let junk = vec![b'x'; 5 * MB];
    assert_eq!(parse_email_evidence(&junk, MB), Err(EmlError::TooLarge));
    // Under a raised limit it is read, and refused for what it is.
    assert_eq!(
        parse_email_evidence(&junk, 6 * MB),
        Err(EmlError::NoHeaders)
    );
}

#[test]
fn injected_line_breaks_never_reach_a_value() {
    let eml = "From: =?UTF-8?Q?Evil=0D=0ABcc:_victim@example.org?= <a@example.com>\r\n\
               Subject: =?UTF-8?B?SGVsbG8NCkJjYzogeEBleGFtcGxlLm9yZw==?=\r\n";
    let evidence = parse_email_evidence(eml.as_bytes(), MB).unwrap();
    assert_eq!(evidence.from.as_str(), "a@example.com");
    let name = evidence.from_name.unwrap();
    let subject = evidence.subject.unwrap();
    assert!(!name.contains(['\r', '\n']), "{name:?}");
    assert!(!subject.contains(['\r', '\n']), "{subject:?}");
    assert_eq!(subject, "Hello Bcc: x@example.org");
}

#[test]
fn malformed_encoded_words_are_kept_as_written() {
    let eml = b"From: a@example.com\nSubject: =?x-unknown?Q?abc?= and =?UTF-8?B?***?= =?\n";
    let evidence = parse_email_evidence(eml, MB).unwrap();
    assert_eq!(
        evidence.subject.as_deref(),
        Some("=?x-unknown?Q?abc?= and =?UTF-8?B?***?= =?")
    );
}

#[test]
fn latin1_headers_that_are_not_utf8_are_read_byte_by_byte() {
    let eml = b"From: Caf\xe9 Offers <cafe@example.com>\n";
    let evidence = parse_email_evidence(eml, MB).unwrap();
    assert_eq!(evidence.from_name.as_deref(), Some("Café Offers"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn the_header_parser_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = parse_email_evidence(&bytes, MB);
    }

    #[test]
    fn the_header_parser_never_panics_on_header_like_text(
        text in "([A-Za-z-]{1,12}:[ -~\\t]{0,40}(\r?\n[ \\t][ -~]{0,20})?\r?\n){0,8}(=\\?[A-Za-z0-9-]{0,8}\\?[BbQqx]?\\?[A-Za-z0-9=_+/]{0,12}\\?=?)*"
    ) {
        if let Ok(evidence) = parse_email_evidence(text.as_bytes(), MB) {
            let from = evidence.from.as_str();
            prop_assert!(!from.contains(char::is_control));
            prop_assert!(evidence.subject.iter().all(|s| !s.contains(char::is_control)));
        }
    }
}
