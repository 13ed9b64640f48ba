//! Property tests of the inbound email parser (`InboundEmail::parse`, mail-parser underneath and
//! the `Authentication-Results` reading): random bytes, and messages with the headers it reads,
//! MIME parts and encodings, randomly damaged. It may refuse a message but never panic. The
//! attachments it reads (nested `message/rfc822` parts among them, damaged ones too: mail-parser
//! issue #120) are then checked as evidence is, which must not panic either.
//!
//! 10,000 cases each, or `PROPTEST_CASES` for a longer run (README, "Fuzzing the parsers").

use proptest::prelude::*;
use proptest::test_runner::Config;
use server::case::attachments::{check, Checked};
use server::case::{AttachmentLimits, InboundEmail};

fn config() -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.trim().parse().ok())
        .unwrap_or(10_000);
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

/// Header lines the parser reads (and others), in their usual and odd forms.
const HEADERS: &[&str] = &[
    "From: Alex Jones <alex@example.org>",
    "From: \"Jones, Alex\" <alex@example.org>, b@example.org",
    "From: =?utf-8?B?QWxleA==?= <alex@example.org>",
    "From: <>",
    "From: alex@",
    "To: complaints@ico.example.gov.uk",
    "Subject: Re: your concern [Ref. IC-000123-4B7N]",
    "Subject: =?iso-8859-1?Q?Ynglŷn_=E2?= [Ref: ic-0001]",
    "Subject: =?x?B?////?=",
    "Authentication-Results: mx.example.gov.uk; dmarc=pass header.from=example.org",
    "Authentication-Results: mx.example.gov.uk; spf=pass smtp.mailfrom=alex@example.org; dkim=pass header.d=example.org",
    "Authentication-Results: other.example; dmarc=pass (p=none) header.from=example.org",
    "Authentication-Results: mx.example.gov.uk; none",
    "Content-Type: multipart/mixed; boundary=\"b1\"",
    "Content-Type: multipart/alternative; boundary=b2",
    "Content-Type: text/plain; charset=iso-8859-1",
    "Content-Type: text/html; charset=x-unknown",
    "Content-Transfer-Encoding: base64",
    "Content-Transfer-Encoding: quoted-printable",
    "MIME-Version: 1.0",
    " folded continuation",
    "X-Odd:",
    ": no name",
];

/// Body parts: boundaries, encoded content, attachments, text.
const PARTS: &[&str] = &[
    "--b1\r\nContent-Type: text/plain\r\n\r\nPlease see attached.\r\n",
    "--b2\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\nPGI+aGk8L2I+\r\n",
    "--b1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\ncaf=C3=A9 =\r\nend=\r\n",
    "--b1\r\nContent-Type: application/pdf; name=a.pdf\r\nContent-Disposition: attachment\r\n\r\nJVBERi0xLjQK\r\n",
    "--b1\r\nContent-Type: message/rfc822\r\n\r\nFrom: x@y\r\n\r\nInner\r\n",
    "--b1\r\nContent-Type: application/octet-stream; name=\"report.pdf\"\r\nContent-Disposition: attachment; filename=report.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nTVqQAAMAAAAEAAAA//8AAA==\r\n",
    "--b1\r\nContent-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document; name=a.docx\r\nContent-Disposition: attachment; filename=\"a.docx\"\r\nContent-Transfer-Encoding: base64\r\n\r\nUEsDBBQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAW0NvbnRlbnRfVHlwZXNdLnhtbA==\r\n",
    "--b1\r\nContent-Type: image/png\r\nContent-Disposition: inline; filename=p.png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgoAAAANSUhEUgAAAAEAAAAB\r\n",
    "--b1\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment; filename=fwd.eml\r\n\r\nFrom: a@b\r\nContent-Type: multipart/mixed; boundary=\"in\"\r\n\r\n--in\r\nContent-Type: message/rfc822\r\n\r\n\r\n--in--\r\n",
    "--b1\r\nContent-Type: message/rfc822\r\n\r\n",
    "--b1--\r\n",
    "--b2--\r\n",
    "Plain text body line\r\n",
    "=?utf-8?Q?not_a_header?=\r\n",
];

/// A message put together from those lines and parts, then damaged at random.
fn message() -> impl Strategy<Value = Vec<u8>> {
    let headers = prop::collection::vec(prop::sample::select(HEADERS), 0..10);
    let parts = prop::collection::vec(prop::sample::select(PARTS), 0..6);
    let flips = prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4);
    let insert = (
        any::<prop::sample::Index>(),
        prop::collection::vec(any::<u8>(), 0..16),
    );
    (headers, parts, flips, insert).prop_map(|(headers, parts, flips, (at, inserted))| {
        let text = format!("{}\r\n\r\n{}", headers.join("\r\n"), parts.concat());
        let mut bytes = text.into_bytes();
        for (at, value) in flips {
            let at = at.index(bytes.len());
            bytes[at] = value;
        }
        let at = at.index(bytes.len() + 1);
        bytes.splice(at..at, inserted);
        bytes
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn fuzz_inbound_email_on_random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..1024)) {
        let _ = InboundEmail::parse(&bytes, None);
        if let Some(email) = InboundEmail::parse(&bytes, Some("mx.example.gov.uk")) {
            let _ = check(&email.attachments, &AttachmentLimits::default());
        }
    }

    #[test]
    fn fuzz_inbound_email_on_damaged_messages(bytes in message()) {
        if let Some(email) = InboundEmail::parse(&bytes, Some("mx.example.gov.uk")) {
            prop_assert!(email.from.contains('@'));
            prop_assert!(email.subject.chars().count() <= 500);
            let limits = AttachmentLimits { max_count: 3, max_bytes: 64 };
            let checked = check(&email.attachments, &limits);
            prop_assert_eq!(checked.len(), email.attachments.len());
            for (position, (attachment, checked)) in email.attachments.iter().zip(&checked).enumerate() {
                if let Checked::Kept { size, .. } = checked {
                    prop_assert!(position < 3);
                    prop_assert!(*size <= 64);
                    prop_assert!(app::domain::evidence::check_content(&attachment.bytes).is_ok());
                }
            }
        }
    }
}

/// The message the fuzz test found (in CI, run 27): a `message/rfc822` part whose headers are cut
/// by a NUL byte, inside a multipart message with a base64 transfer encoding. mail-parser's
/// recovery path asserted in debug builds; it is now read as release builds read it.
#[test]
fn a_multipart_message_with_a_broken_inner_message_is_read_without_panicking() {
    let raw: &[u8] = b"X-Odd:\r\nFrom: alex@\r\nAuthentication-Results: other.example; dmarc=pass (p=none) header.from=example.org\r\nFrom: =?utf-8?B?QWxleA==?= <alex@example.org>\r\nFrom: <>\r\nContent-Transfer-Encoding: base64\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: message/rfc822\r\n\r\nFrom: x@y\r\x00\r\nInner\r\n--b1\r\nContent-Type: message/rfc822\r\n\r\nFrom: x@y\r\n\r\nInner\r\nPlain text body line\r\n--b1--\r\n--b1\r\nContent-Type: text/plain\r\n\r\nPlease see attached.\r\n";
    // The first From has no domain, so it is not a message the portal can answer.
    assert_eq!(InboundEmail::parse(raw, Some("mx.example.gov.uk")), None);
}

/// A message whose attachment is a `message/rfc822` part with nothing in it (mail-parser issue
/// #120: the nested message has no parts): its attachment is read as raw bytes, without a panic.
#[test]
fn an_empty_nested_message_attachment_is_read_as_bytes_without_panicking() {
    let raw: &[u8] = b"From: alex@example.org\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n--b1\r\nContent-Type: message/rfc822\r\n\r\n--b1\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment; filename=x.eml\r\n\r\nFrom: \x00\r\n\r\n--b1--\r\n";
    let email = InboundEmail::parse(raw, None).expect("a message from alex");
    let checked = check(&email.attachments, &AttachmentLimits::default());
    assert_eq!(checked.len(), email.attachments.len());
}
