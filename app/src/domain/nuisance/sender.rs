//! Who made contact, as typed values: a number, an SMS sender ID, an email address, or withheld.

use serde::{Deserialize, Serialize};

use super::names::normalise_sender_id;
use super::phone::PhoneNumber;
use crate::domain::submission::{clean_line, is_email};

/// The most characters of an alphanumeric SMS sender ID (GSM 03.40 originator address).
pub const SENDER_ID_MAX_CHARS: usize = 11;

/// An alphanumeric SMS sender ID (`GreenDeal`, `HMRC-Info`): 1 to 11 printable GSM characters, at
/// least one a letter (all digits would be a number or short code).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SenderId(String);

impl SenderId {
    /// Parses a sender ID as shown on the phone; the error is an i18n key.
    pub fn parse(text: &str) -> Result<SenderId, &'static str> {
        let text = clean_line(text);
        if text.is_empty() {
            return Err("nuisance.error.sender.required");
        }
        if text.chars().count() > SENDER_ID_MAX_CHARS {
            return Err("nuisance.error.sender_id.too_long");
        }
        let allowed = |c: char| {
            c.is_ascii_alphanumeric() || " -_.&!'+/#@:,()?£$%*=".contains(c) || is_gsm_letter(c)
        };
        if !text.chars().all(allowed) || !text.chars().any(char::is_alphabetic) {
            return Err("nuisance.error.sender_id.invalid");
        }
        Ok(SenderId(text))
    }

    /// The sender ID as received.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Its grouping key ([`normalise_sender_id`]).
    pub fn key(&self) -> String {
        normalise_sender_id(&self.0)
    }
}

/// The accented letters of the GSM 7-bit default alphabet.
fn is_gsm_letter(c: char) -> bool {
    "ÄÅÆÇÉÑÖØÜßàäåæèéìñòöøùü".contains(c)
}

/// An email address: one `@`, a dotted domain, no spaces (the submission rules' `is_email`),
/// stored lower-cased in its domain.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EmailAddress(String);

impl EmailAddress {
    /// Parses an address, with or without angle brackets (`<offers@example.com>`).
    pub fn parse(text: &str) -> Result<EmailAddress, &'static str> {
        let text = clean_line(text);
        let text = text.trim_start_matches('<').trim_end_matches('>').trim();
        if text.is_empty() {
            return Err("nuisance.error.email.required");
        }
        if !is_email(text) {
            return Err("nuisance.error.email.invalid");
        }
        let (local, domain) = text.split_once('@').unwrap_or((text, ""));
        Ok(EmailAddress(format!("{local}@{}", domain.to_lowercase())))
    }

    /// The address.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The domain, lower case (`example.com`).
    pub fn domain(&self) -> &str {
        self.0.rsplit_once('@').map(|(_, d)| d).unwrap_or_default()
    }

    /// The whole address lower-cased: the sender key (local parts are case-insensitive in
    /// practice).
    pub fn key(&self) -> String {
        self.0.to_lowercase()
    }

    /// Whether the domain is a free webmail provider, so it says nothing about the sender.
    pub fn is_webmail(&self) -> bool {
        const WEBMAIL: [&str; 14] = [
            "gmail.com",
            "googlemail.com",
            "outlook.com",
            "hotmail.com",
            "hotmail.co.uk",
            "live.com",
            "live.co.uk",
            "yahoo.com",
            "yahoo.co.uk",
            "icloud.com",
            "me.com",
            "aol.com",
            "protonmail.com",
            "proton.me",
        ];
        WEBMAIL.contains(&self.domain())
    }
}

/// Who contacted the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Sender {
    /// A phone number or SMS short code.
    Number(PhoneNumber),
    /// An alphanumeric SMS sender ID.
    SenderId(SenderId),
    /// An email address.
    Email(EmailAddress),
    /// Withheld, private, or the person does not know: never an offender key.
    Withheld,
}

/// Where the person was contacted: their own number or email address (kept to tell it apart from
/// numbers quoted in the message, and for the reporter's records; never an offender key).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Recipient {
    /// The person's phone or fax number.
    Number(PhoneNumber),
    /// The person's email address.
    Email(EmailAddress),
}

/// Words people type for a number they could not see.
pub fn means_withheld(text: &str) -> bool {
    let text = clean_line(text).to_lowercase();
    matches!(
        text.as_str(),
        "withheld"
            | "number withheld"
            | "private"
            | "private number"
            | "unknown"
            | "unknown number"
            | "no caller id"
            | "anonymous"
            | "not known"
            | "don't know"
            | "dont know"
            | "n/a"
    )
}
