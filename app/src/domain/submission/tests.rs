#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;

use super::*;
use crate::domain::case::{CaseKind, IntakeChannel, Sector, SiftFlagKind};
use crate::domain::evidence::FileType;
use crate::domain::readiness::DocumentKind;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn file(kind: EvidenceKind) -> EvidenceFile {
    EvidenceFile {
        kind,
        file_name: "letter.pdf".to_owned(),
        file_type: FileType::Pdf,
        size: 1000,
        key: "documents/ab/abcd".to_owned(),
    }
}

fn complete() -> CaseDetails {
    CaseDetails {
        customer: Customer {
            name: "Alex Example".to_owned(),
            email: "alex@example.org".to_owned(),
            phone: Some("07700 900123".to_owned()),
            address: None,
            contact_by: Some(ContactBy::Email),
            adjustments: None,
            reply_in_welsh: false,
        },
        acting_for: None,
        organisation: OrganisationAnswer {
            id: Some("la:LDS".to_owned()),
            name: "Leeds City Council".to_owned(),
            sector: Some(Sector::LocalGovernment),
        },
        summary: "I asked for my records and heard nothing.".to_owned(),
        timeline: vec![TimelineEvent {
            on: date(2026, 9, 1),
            what: "Sent my request".to_owned(),
        }],
        harm: "Worry.".to_owned(),
        late_reason: None,
        wanted: None,
        evidence: vec![file(EvidenceKind::Required(
            DocumentKind::SubjectAccessRequest,
        ))],
        information_request: None,
    }
}

const TODAY: fn() -> NaiveDate = || date(2026, 11, 23);

fn check(details: &CaseDetails, late: bool) -> Vec<(String, String)> {
    validate_details(
        details,
        &[DocumentKind::SubjectAccessRequest],
        late,
        TODAY(),
        &DetailLimits::default(),
        Completeness::Web,
    )
    .iter()
    .map(|(field, key)| (field.to_owned(), key.to_owned()))
    .collect()
}

#[test]
fn a_complete_submission_has_no_errors() {
    assert_eq!(check(&complete(), false), vec![]);
}

#[test]
fn every_missing_answer_is_reported_on_its_field() {
    let errors = check(&CaseDetails::default(), true);
    let fields: Vec<&str> = errors.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        fields,
        vec![
            "customer.contact_by",
            "customer.email",
            "customer.name",
            "evidence.subject_access_request",
            "harm",
            "late_reason",
            "organisation.name",
            "summary",
        ]
    );
}

#[test]
fn a_summary_over_2000_characters_is_too_long_but_2000_welsh_letters_are_fine() {
    let mut details = complete();
    details.summary = "ŵ".repeat(2000);
    assert_eq!(check(&details, false), vec![]);
    details.summary.push('a');
    assert_eq!(
        check(&details, false),
        vec![("summary".to_owned(), "error.summary.too_long".to_owned())]
    );
}

#[test]
fn contact_by_phone_needs_a_phone_number_and_post_an_address() {
    let mut details = complete();
    details.customer.phone = None;
    details.customer.contact_by = Some(ContactBy::Phone);
    assert_eq!(
        check(&details, false),
        vec![(
            "customer.contact_by".to_owned(),
            "error.contact-by.no-phone".to_owned()
        )]
    );
    details.customer.contact_by = Some(ContactBy::Post);
    assert_eq!(check(&details, false)[0].1, "error.contact-by.no-address");
}

#[test]
fn a_representative_must_upload_consent() {
    let mut details = complete();
    details.acting_for = Some(ActingFor {
        name: "Sam Example".to_owned(),
        relationship: Relationship::ParentOrGuardian,
    });
    assert_eq!(
        check(&details, false),
        vec![(
            "evidence.consent".to_owned(),
            "error.evidence.consent".to_owned()
        )]
    );
    details.evidence.push(file(EvidenceKind::CONSENT));
    assert_eq!(check(&details, false), vec![]);
}

#[test]
fn timeline_dates_in_the_future_and_empty_events_are_refused() {
    let mut details = complete();
    details.timeline.push(TimelineEvent {
        on: date(2026, 11, 24),
        what: " ".to_owned(),
    });
    assert_eq!(
        check(&details, false),
        vec![
            ("timeline[1].on".to_owned(), "error.date.future".to_owned()),
            (
                "timeline[1].what".to_owned(),
                "error.event.required".to_owned()
            ),
        ]
    );
}

#[test]
fn the_api_may_send_harm_reasons_and_documents_later_but_not_bad_ones() {
    let mut details = complete();
    details.harm.clear();
    details.evidence.clear();
    let api = |details: &CaseDetails| {
        validate_details(
            details,
            &[DocumentKind::SubjectAccessRequest],
            true,
            TODAY(),
            &DetailLimits::default(),
            Completeness::Api,
        )
    };
    assert!(api(&details).is_empty());
    details.harm = "x".repeat(2001);
    details.customer.email = "not an email".to_owned();
    let errors = api(&details);
    assert_eq!(errors.get("harm"), Some("error.harm.too_long"));
    assert_eq!(errors.get("customer.email"), Some("error.email.invalid"));
}

#[test]
fn email_addresses_are_checked_for_shape() {
    for good in ["a@b.co", "alex.example+ico@example.org.uk"] {
        assert!(is_email(good), "{good}");
    }
    for bad in [
        "",
        "alex",
        "alex@",
        "@x.org",
        "a@b",
        "a b@c.org",
        "a@b..org",
        "<a@b.org>",
    ] {
        assert!(!is_email(bad), "{bad}");
    }
}

#[test]
fn clean_text_keeps_paragraphs_and_drops_control_characters() {
    assert_eq!(
        clean_text("  one\u{7}  two \r\n\r\n\r\n three\n\n"),
        "one two\n\nthree"
    );
    assert_eq!(
        clean_line("<script>\talert(1)</script>"),
        "<script> alert(1)</script>"
    );
}

#[test]
fn evidence_kinds_read_and_write_their_codes() {
    for code in [
        "consent",
        "other",
        "subject_access_request",
        "authority_response",
    ] {
        assert_eq!(EvidenceKind::from_code(code).unwrap().code(), code);
    }
    assert_eq!(EvidenceKind::from_code("passport"), None);
    let json = serde_json::to_string(&EvidenceKind::CONSENT).unwrap();
    assert_eq!(json, "\"consent\"");
    let back: EvidenceKind = serde_json::from_str("\"organisation_response\"").unwrap();
    assert_eq!(
        back,
        EvidenceKind::Required(DocumentKind::OrganisationResponse)
    );
}

#[test]
fn the_sift_reads_every_text_and_the_welsh_choice() {
    let mut details = complete();
    details.customer.reply_in_welsh = true;
    details.late_reason = Some("I was unwell".to_owned());
    let new = new_case(CaseKind::Rfa, IntakeChannel::Web, &details);
    assert_eq!(new.sector, Some(Sector::LocalGovernment));
    assert!(new.sift.reply_in_welsh);
    let labels: Vec<&str> = new.sift.texts.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(
        labels,
        vec![
            "the summary",
            "timeline event 1",
            "the harm described",
            "the reason for waiting"
        ]
    );
    let flags = crate::domain::case::sift(&new.sift);
    assert!(flags.iter().any(|f| f.kind == SiftFlagKind::WelshLanguage));
}
