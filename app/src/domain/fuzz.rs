//! Property tests that feed random and mutated input to the parsers of outside input in the
//! domain: references and their check character, the readiness request decoder (with the
//! assessment it feeds) and the nuisance tool's email header reader. None may panic. (The file
//! sniffers have theirs in `evidence/tests/fuzz.rs`.)
//!
//! Each runs [`cases`] cases: 10,000 in the normal suite, or `PROPTEST_CASES` for a longer run
//! (README, "Fuzzing the parsers").

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, NaiveDate};
use proptest::prelude::*;
use proptest::test_runner::Config;
use serde_json::{json, Map, Value};

use crate::domain::calendar::Calendar;
use crate::domain::case::{read_reference, reference_in_subject, Reference};
use crate::domain::nuisance::parse_email_evidence;
use crate::domain::readiness::{assess, decode_request, DocumentKind, ReadinessSettings, Route};

/// Cases per property: `PROPTEST_CASES` if set, else 10,000.
pub(crate) fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.trim().parse().ok())
        .unwrap_or(10_000)
}

/// The runner's configuration with [`cases`] cases (and no shrinking time limit changes).
pub(crate) fn config() -> Config {
    Config {
        cases: cases(),
        failure_persistence: None,
        ..Config::default()
    }
}

/// Text near a reference: its characters, separators, look-alikes and anything else.
fn reference_like() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,40}",
        "[ICic]{0,2}[-– .]{0,2}[0-9OoIl]{0,7}[-– .]{0,2}[A-Za-z0-9]{0,5}",
        "IC-[0-9]{6}-[A-Z0-9]{4}",
    ]
}

/// A readiness request: mostly the contract's fields with values of every JSON kind, so most
/// cases get past the first checks.
fn readiness_request() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        "[a-zA-Z0-9_ é-]{0,8}".prop_map(Value::from),
        "20[0-9]{2}-[01][0-9]-[0-3][0-9]".prop_map(Value::from),
        "20[0-9]{2}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9](Z|[+-][01][0-9]:[0-5][0-9])"
            .prop_map(Value::from),
        proptest::sample::select(Route::codes()).prop_map(Value::from),
        proptest::sample::select(DocumentKind::codes()).prop_map(Value::from),
    ];
    let value = leaf.prop_recursive(2, 8, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((field(), inner), 0..4)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    });
    prop::collection::vec((field(), value), 0..12)
        .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>()))
}

/// A field name of the readiness request, or any other.
fn field() -> impl Strategy<Value = String> {
    const FIELDS: &[&str] = &[
        "route",
        "today",
        "now",
        "data_processed_in_uk",
        "subject_access",
        "raised_on",
        "response_on",
        "internal_review_requested_on",
        "internal_review_outcome_on",
        "last_contact_on",
        "whistleblower",
        "serious_or_many_affected",
        "consent_to_be_named",
        "channel",
        "advertised_number",
        "incident_on",
        "aware_at",
        "reported_at",
        "documents",
        "organisation",
        "name",
        "country",
        "public_authority",
        "scottish_public_authority",
        "sector",
    ];
    prop_oneof![
        4 => proptest::sample::select(FIELDS).prop_map(str::to_owned),
        1 => "[a-z_]{0,8}",
    ]
}

/// Email headers with the fields the reader looks for, encoded words and folding.
fn email_headers() -> impl Strategy<Value = Vec<u8>> {
    let name = prop_oneof![
        proptest::sample::select(vec![
            "From",
            "Reply-To",
            "Return-Path",
            "Subject",
            "Date",
            "Received",
            "To"
        ])
        .prop_map(str::to_owned),
        "[!-9;-~]{0,12}",
    ];
    let value = prop_oneof![
        "[ -~]{0,40}",
        "[A-Za-z \"]{0,12} <[a-z.]{0,8}@[a-z.]{0,8}>",
        "=\\?(utf-8|UTF-8|iso-8859-1|x)\\?[BbQq]\\?[A-Za-z0-9+/=_?]{0,30}\\?=",
        "[A-Z][a-z]{2}, [0-9]{1,2} [A-Z][a-z]{2} [0-9]{4} [0-9:]{8} [+-][0-9]{4}",
    ];
    let line = (
        name,
        value,
        prop::sample::select(vec!["\r\n", "\n", "\r\n\t", "\r"]),
    );
    (
        prop::collection::vec(line, 0..8),
        prop::collection::vec(any::<u8>(), 0..32),
    )
        .prop_map(|(lines, body)| {
            let mut out = Vec::new();
            for (name, value, end) in lines {
                out.extend(format!("{name}: {value}{end}").into_bytes());
            }
            out.extend(b"\r\n");
            out.extend(body);
            out
        })
}

/// The shipped bank holidays, read once.
static CALENDAR: std::sync::LazyLock<Calendar> = std::sync::LazyLock::new(|| {
    Calendar::from_govuk_json(include_str!("../../data/bank-holidays.json")).unwrap()
});

/// The request decoded and, if it decodes, assessed, as `POST /api/v1/readiness` does.
fn decode_and_assess(value: &Value, calendar: &Calendar) {
    let today = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    let now = DateTime::parse_from_rfc3339("2026-03-02T12:00:00Z").unwrap();
    if let Ok((concern, today, now)) = decode_request(value, today, now) {
        let _ = assess(
            &concern,
            today,
            now,
            calendar,
            &ReadinessSettings::default(),
        );
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn fuzz_references_and_their_check_character(typed in reference_like()) {
        if let Ok(reference) = Reference::parse(&typed) {
            prop_assert_eq!(Reference::parse(reference.as_str()), Ok(reference.clone()));
        }
        // Each of these suggests references for a typed one that does not check out.
        let _ = read_reference(&typed);
        let _ = reference_in_subject(&format!("Re: your concern [Ref. {typed}]"));
    }

    #[test]
    fn fuzz_readiness_request_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        if let Ok(value) = serde_json::from_slice::<Value>(&bytes) {
            decode_and_assess(&value, &CALENDAR);
        }
    }

    #[test]
    fn fuzz_readiness_request_structured(request in readiness_request()) {
        decode_and_assess(&request, &CALENDAR);
    }

    #[test]
    fn fuzz_nuisance_email_headers_bytes(bytes in prop::collection::vec(any::<u8>(), 0..1024)) {
        let _ = parse_email_evidence(&bytes, 512);
        let _ = parse_email_evidence(&bytes, 1 << 20);
    }

    #[test]
    fn fuzz_nuisance_email_headers_structured(
        headers in email_headers(),
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
    ) {
        let mut bytes = headers;
        for (at, value) in flips {
            if !bytes.is_empty() {
                let at = at.index(bytes.len());
                bytes[at] = value;
            }
        }
        let _ = parse_email_evidence(&bytes, 1 << 20);
    }
}
