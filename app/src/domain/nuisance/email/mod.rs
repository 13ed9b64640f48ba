//! The email itself, as evidence: an uploaded `.eml` file or headers pasted from a mail program.
//!
//! A small RFC 5322 header reader: folded lines unfolded, RFC 2047 encoded-words decoded (UTF-8
//! and Latin-1, base64 and quoted-printable), the sender's address taken from `From`, `Reply-To`
//! and `Return-Path`. It never panics: binary files, text without headers, oversized uploads and
//! injected line breaks each give an [`EmlError`] whose code is an i18n key, and every value kept
//! is one clean line (no control characters), so nothing read here can start a new header when
//! shown or sent on. Pure and dependency-free, so the browser can preview it too.

mod headers;
mod words;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::sender::EmailAddress;
use crate::domain::submission::clean_line;
use headers::header_section;
use words::{address_in, decode_words, display_name};

/// The most `Received` lines kept (the earliest hops are the interesting ones; a loop of relays
/// is junk).
pub const MAX_RECEIVED: usize = 30;
/// The most characters kept of any one header value.
pub const MAX_VALUE_CHARS: usize = 1000;

code_enum! {
    /// Why an email could not be read; [`EmlError::message_key`] is the message to show.
    EmlError {
        /// Nothing was uploaded or pasted.
        Empty => "empty",
        /// Larger than the setting `max_eml_bytes`.
        TooLarge => "too_large",
        /// Not text: a binary file, an image, a zip…
        NotText => "not_text",
        /// Text, but no `Name: value` header lines.
        NoHeaders => "no_headers",
        /// Headers, but no `From` with an email address.
        NoSender => "no_sender",
    }
}

impl EmlError {
    /// The i18n key of the message for the person.
    pub fn message_key(self) -> &'static str {
        match self {
            EmlError::Empty => "nuisance.error.eml.empty",
            EmlError::TooLarge => "nuisance.error.eml.too_large",
            EmlError::NotText => "nuisance.error.eml.not_text",
            EmlError::NoHeaders => "nuisance.error.eml.no_headers",
            EmlError::NoSender => "nuisance.error.eml.no_sender",
        }
    }
}

/// What the email's headers say about who sent it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailEvidence {
    /// The `From` address.
    pub from: EmailAddress,
    /// The `From` display name, decoded (`"Green Deal Energy"`), if any.
    pub from_name: Option<String>,
    /// The `Reply-To` address, if any (spam often replies elsewhere than it claims to come from).
    pub reply_to: Option<EmailAddress>,
    /// The `Return-Path` (bounce) address, if any.
    pub return_path: Option<EmailAddress>,
    /// The subject, decoded.
    pub subject: Option<String>,
    /// The `Date` header, when it is a valid RFC 5322 date.
    pub date: Option<DateTime<FixedOffset>>,
    /// The `Received` lines, newest first as in the message, at most [`MAX_RECEIVED`].
    pub received: Vec<String>,
}

/// Reads the headers of an uploaded `.eml` file or pasted headers, at most `max_bytes` long.
pub fn parse_email_evidence(bytes: &[u8], max_bytes: usize) -> Result<EmailEvidence, EmlError> {
    if bytes.len() > max_bytes {
        return Err(EmlError::TooLarge);
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(EmlError::Empty);
    }
    let text = header_section(bytes)?;
    let headers = headers::parse_headers(&text);
    if headers.is_empty() {
        return Err(EmlError::NoHeaders);
    }
    let first = |name: &str| {
        headers
            .iter()
            .find(|header| header.name.eq_ignore_ascii_case(name))
            .map(|header| header.value.as_str())
    };
    let address = |name: &str| first(name).and_then(address_in);
    let from = address("From").ok_or(EmlError::NoSender)?;
    let from_name = first("From").and_then(display_name).map(|n| one_line(&n));
    let subject = first("Subject")
        .map(|subject| one_line(&decode_words(subject)))
        .filter(|subject| !subject.is_empty());
    let date = first("Date").and_then(|date| DateTime::parse_from_rfc2822(date.trim()).ok());
    let received = headers
        .iter()
        .filter(|header| header.name.eq_ignore_ascii_case("Received"))
        .take(MAX_RECEIVED)
        .map(|header| one_line(&header.value))
        .collect();
    Ok(EmailEvidence {
        from,
        from_name,
        reply_to: address("Reply-To"),
        return_path: address("Return-Path"),
        subject,
        date,
        received,
    })
}

/// One clean line of at most [`MAX_VALUE_CHARS`] characters.
fn one_line(text: &str) -> String {
    clean_line(text).chars().take(MAX_VALUE_CHARS).collect()
}
