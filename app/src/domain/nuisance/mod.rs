//! The nuisance calls and messages reporting tool's rules (manual §9, policy.md §2): people report
//! unwanted marketing texts, live and automated calls, emails and faxes, one incident per page
//! journey, and the reports are added up to find repeat offenders.
//!
//! - [`Channel`] and its [`Question`]s, in page order; [`Category`] for what it was about.
//! - [`triage`]: signposts instead of, or as well as, recording (Ofcom for silent calls, the
//!   premium-rate regulator for 09 numbers, Action Fraud for scams), from the concerns
//!   assistant's own [`Signpost`](crate::domain::readiness::Signpost) codes and data file.
//! - [`validate_incident`] and [`validate_report`] (server): form strings to a typed [`Incident`]
//!   and [`NuisanceReport`], errors keyed by field with i18n keys (`app/locales/en/nuisance.json`).
//! - Normalisation: [`parse_phone_number`] (server; E.164 and [`NumberKind`]),
//!   [`extract_numbers`] from message text (server), [`normalise_company`],
//!   [`normalise_sender_id`]; then [`offender_keys`] per incident.
//! - [`parse_email_evidence`]: the headers of an uploaded `.eml` or pasted headers.
//! - [`advice`]: what the person can do next.
//! - [`feed`]: the partner feed's rules (who is listed, who is held back, the windows).
//! - [`NuisanceSettings`]: every number, with defaults.
//!
//! Pure: no IO and no clock reads (`now` is a parameter, UK local time). Everything but number
//! parsing builds for the browser too; the modules that need libphonenumber's metadata are
//! `#[cfg(feature = "ssr")]`, and [`looks_like_phone_number`] and
//! [`mentions_premium_rate_number`] are cheap browser-side checks.

mod advice;
mod answers;
mod channel;
mod email;
pub mod feed;
mod fields;
mod incident;
pub mod intelligence;
mod names;
mod offender;
mod phone;
mod postcode;
mod reference;
#[cfg(feature = "ssr")]
mod report;
mod sender;
mod settings;
mod triage;
#[cfg(feature = "ssr")]
mod validate;
mod when;

#[cfg(test)]
mod tests;

pub use advice::{advice, incident_advice, Advice};
pub use answers::{Relationship, YesNoUnsure};
pub use channel::{Category, Channel, Question};
pub use email::{parse_email_evidence, EmailEvidence, EmlError};
pub use fields::{cleaned_line, cleaned_text, yes};
pub use incident::{
    Company, Incident, IncidentForm, NuisanceReport, ReportForm, Reporter, ReporterForm,
};
pub use names::{normalise_company, normalise_sender_id};
pub use offender::{offender_keys, OffenderKey, OffenderKind};
pub use phone::{
    compact_number, is_short_code, looks_like_phone_number, mentions_premium_rate_number,
    NumberKind, PhoneNumber,
};
#[cfg(feature = "ssr")]
pub use phone::{extract_numbers, parse_phone_number, written_number};
pub use postcode::parse_postcode;
pub use reference::{parse_report_reference, report_reference};
#[cfg(feature = "ssr")]
pub use report::{validate_report, validate_reporter};
pub use sender::{means_withheld, EmailAddress, Recipient, Sender, SenderId, SENDER_ID_MAX_CHARS};
pub use settings::NuisanceSettings;
pub use triage::{triage, Triage, TriageFacts};
#[cfg(feature = "ssr")]
pub use validate::validate_incident;
pub use when::{parse_when, When, WhenFields};
