//! One incident (a call, text, email or fax) and a report of several, as typed values: each
//! exists only if it passed validation. The raw form strings they are made from are
//! [`IncidentForm`] and [`ReportForm`].

use serde::{Deserialize, Serialize};

use super::answers::{Relationship, YesNoUnsure};
use super::channel::{Category, Channel};
use super::email::EmailEvidence;
use super::names::normalise_company;
use super::phone::PhoneNumber;
use super::sender::{EmailAddress, Recipient, Sender};
use super::when::When;

/// A company or brand name as the person gave it, with its grouping key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Company {
    name: String,
    key: String,
}

impl Company {
    /// A company from a cleaned, non-empty name; `None` when nothing significant is left to
    /// group by (`"&"`, `"..."`).
    pub fn new(name: &str) -> Option<Company> {
        let key = normalise_company(name);
        (!key.is_empty()).then(|| Company {
            name: name.to_owned(),
            key,
        })
    }

    /// The name as given (plain text: pages escape it, nothing interprets it).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The grouping key ([`normalise_company`]).
    pub fn key(&self) -> &str {
        &self.key
    }
}

/// One unwanted call, text, email or fax, validated. Fields the channel does not ask are `None`
/// (or empty). Texts are plain text: script or HTML in them is kept as typed and never
/// interpreted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Incident {
    pub channel: Channel,
    pub when: When,
    /// Who made contact (for an email without a typed sender, the evidence's `From`).
    pub sender: Sender,
    /// The person's own number or address it came to (required for calls, texts and faxes).
    pub contacted_on: Option<Recipient>,
    /// Texts: the message as received (control characters removed).
    pub message_text: Option<String>,
    /// Texts: the numbers and short codes quoted in the message, in order.
    pub quoted_numbers: Vec<PhoneNumber>,
    /// Automated calls: the number the recording asked the person to call.
    pub advertised_number: Option<PhoneNumber>,
    /// Emails: what the email's headers say, if it was uploaded or pasted.
    pub email: Option<EmailEvidence>,
    pub company: Option<Company>,
    /// At least one.
    pub categories: Vec<Category>,
    /// What "other" was, when [`Category::Other`] is ticked.
    pub category_other: Option<String>,
    /// Whether it asked for money or bank details or impersonated someone (not asked of faxes).
    pub scam: Option<YesNoUnsure>,
    pub relationship: Relationship,
    /// Calls: on the Telephone Preference Service? Faxes: on the Fax Preference Service?
    pub preference_service: Option<YesNoUnsure>,
    pub description: Option<String>,
}

impl Incident {
    /// The person's own number, if they gave one (never counted against an offender).
    pub fn own_number(&self) -> Option<&PhoneNumber> {
        match &self.contacted_on {
            Some(Recipient::Number(number)) => Some(number),
            _ => None,
        }
    }

    /// Whether the person said it was a scam (yes) or might be (not sure).
    pub fn maybe_scam(&self) -> bool {
        matches!(self.scam, Some(YesNoUnsure::Yes | YesNoUnsure::NotSure))
    }
}

/// Who reported (all optional: reports may be anonymous). Kept so the person need not type it
/// again when reporting another incident.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reporter {
    pub name: Option<String>,
    pub email: Option<EmailAddress>,
    /// A UK postcode, upper case with one space (`SW1A 1AA`).
    pub postcode: Option<String>,
}

/// One report: one to `max_incidents` incidents and the reporter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NuisanceReport {
    pub incidents: Vec<Incident>,
    pub reporter: Reporter,
}

/// One incident's answers as typed into the form (every field a string, blank when not asked).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct IncidentForm {
    /// A [`Channel`] code.
    pub channel: String,
    /// Live calls: `yes` / `no`.
    pub silent_or_abandoned: String,
    pub day: String,
    pub month: String,
    pub year: String,
    pub hour: String,
    pub minute: String,
    /// The number, sender ID or email address that contacted the person.
    pub sender: String,
    /// Ticked (`yes`/`true`/`on`) when the number was withheld or they do not know.
    pub sender_unknown: String,
    pub contacted_on: String,
    pub message_text: String,
    pub advertised_number: String,
    /// The uploaded `.eml` file's content, or the headers the person pasted.
    pub email_source: String,
    pub company: String,
    /// [`Category`] codes.
    pub categories: Vec<String>,
    pub category_other: String,
    /// A [`YesNoUnsure`] code.
    pub scam: String,
    /// A [`Relationship`] code.
    pub relationship: String,
    /// A [`YesNoUnsure`] code.
    pub preference_service: String,
    pub description: String,
}

/// The reporter's details as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReporterForm {
    pub name: String,
    pub email: String,
    pub postcode: String,
}

/// A whole report as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportForm {
    pub incidents: Vec<IncidentForm>,
    pub reporter: ReporterForm,
}
