//! Validation of a submission, shared by the web journey and the API. Messages are i18n keys;
//! field paths are those of the API body (`customer.email`, `timeline[1].on`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::details::{CaseDetails, ContactBy, EvidenceKind};
use crate::domain::readiness::{DocumentKind, FieldErrors};

/// The field an error about a missing required document is reported on.
pub const REQUIRED_KINDS_FIELD: &str = "evidence";

/// Lengths, every one a setting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DetailLimits {
    pub name_chars: usize,
    pub summary_chars: usize,
    pub harm_chars: usize,
    pub late_reason_chars: usize,
    pub event_chars: usize,
    pub timeline_events: usize,
    pub address_chars: usize,
    pub adjustments_chars: usize,
}

impl Default for DetailLimits {
    fn default() -> Self {
        DetailLimits {
            name_chars: 100,
            summary_chars: 2000,
            harm_chars: 2000,
            late_reason_chars: 1000,
            event_chars: 500,
            timeline_events: 20,
            address_chars: 500,
            adjustments_chars: 1000,
        }
    }
}

/// How much a submission must contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Completeness {
    /// The public web journey: the harm, why a late concern waited, and a file for every
    /// document the route needs (and consent, for a representative).
    Web,
    /// Partner services and the helpline: the same checks on what is sent, but the harm, the
    /// reason for waiting and the documents may follow later (the case officer asks for them).
    Api,
    /// The web journey completed by a helpline adviser for a caller (assisted digital): as the
    /// web, but the email address is optional (a printed letter acknowledges the concern).
    Assisted,
}

/// Checks `details` for a concern whose route needs `required` documents.
///
/// `late` asks for the reason they waited. Dates must not be after `today`. Every problem is
/// reported, each on its field.
pub fn validate_details(
    details: &CaseDetails,
    required: &[DocumentKind],
    late: bool,
    today: NaiveDate,
    limits: &DetailLimits,
    completeness: Completeness,
) -> FieldErrors {
    let web = matches!(completeness, Completeness::Web | Completeness::Assisted);
    let mut errors = FieldErrors::new();
    let mut text = |field: &str, value: &str, max: usize, key: &str, optional: bool| {
        if value.trim().is_empty() {
            if !optional {
                errors.add(field, format!("error.{key}.required"));
            }
        } else if value.chars().count() > max {
            errors.add(field, format!("error.{key}.too_long"));
        }
    };
    let customer = &details.customer;
    text(
        "customer.name",
        &customer.name,
        limits.name_chars,
        "your-name",
        false,
    );
    let address = customer.address.as_deref().unwrap_or_default();
    text(
        "customer.address",
        address,
        limits.address_chars,
        "address",
        true,
    );
    let adjustments = customer.adjustments.as_deref().unwrap_or_default();
    text(
        "customer.adjustments",
        adjustments,
        limits.adjustments_chars,
        "adjustments",
        true,
    );
    text(
        "organisation.name",
        &details.organisation.name,
        200,
        "organisation",
        false,
    );
    text(
        "summary",
        &details.summary,
        limits.summary_chars,
        "summary",
        false,
    );
    // FOI/EIR complaints are not asked about harm (it does not apply to them).
    let no_harm = details.information_request.is_some();
    text(
        "harm",
        &details.harm,
        limits.harm_chars,
        "harm",
        !web || no_harm,
    );
    let reason = details.late_reason.as_deref().unwrap_or_default();
    text(
        "late_reason",
        reason,
        limits.late_reason_chars,
        "late-reason",
        !(web && late),
    );
    if let Some(acting) = &details.acting_for {
        text(
            "acting_for.name",
            &acting.name,
            limits.name_chars,
            "their-name",
            false,
        );
    }
    check_contact(details, completeness == Completeness::Assisted, &mut errors);
    check_timeline(details, today, limits, &mut errors);
    if web {
        check_evidence(details, required, &mut errors);
    }
    errors
}

fn check_contact(details: &CaseDetails, email_optional: bool, errors: &mut FieldErrors) {
    let customer = &details.customer;
    let no_email = customer.email.trim().is_empty();
    if no_email {
        if !email_optional {
            errors.add("customer.email", "error.email.required");
        } else if customer.contact_by == Some(ContactBy::Email) {
            errors.add("customer.contact_by", "error.contact-by.no-email");
        }
    } else if !is_email(&customer.email) {
        errors.add("customer.email", "error.email.invalid");
    }
    let phone = customer.phone.as_deref().unwrap_or_default();
    if !phone.trim().is_empty() && !is_phone(phone) {
        errors.add("customer.phone", "error.phone.invalid");
    }
    let has_address = customer
        .address
        .as_deref()
        .is_some_and(|a| !a.trim().is_empty());
    match customer.contact_by {
        None => errors.add("customer.contact_by", "error.contact-by.required"),
        Some(ContactBy::Phone) if phone.trim().is_empty() => {
            errors.add("customer.contact_by", "error.contact-by.no-phone")
        }
        Some(ContactBy::Post) if !has_address => {
            errors.add("customer.contact_by", "error.contact-by.no-address")
        }
        Some(_) => {}
    }
}

fn check_timeline(
    details: &CaseDetails,
    today: NaiveDate,
    limits: &DetailLimits,
    errors: &mut FieldErrors,
) {
    if details.timeline.len() > limits.timeline_events {
        errors.add("timeline", "error.timeline.too_many");
    }
    for (i, event) in details.timeline.iter().enumerate() {
        if event.on > today {
            errors.add(format!("timeline[{i}].on"), "error.date.future");
        }
        if event.what.trim().is_empty() {
            errors.add(format!("timeline[{i}].what"), "error.event.required");
        } else if event.what.chars().count() > limits.event_chars {
            errors.add(format!("timeline[{i}].what"), "error.event.too_long");
        }
    }
}

fn check_evidence(details: &CaseDetails, required: &[DocumentKind], errors: &mut FieldErrors) {
    let has = |kind: EvidenceKind| details.evidence.iter().any(|file| file.kind == kind);
    for kind in required {
        if !has(EvidenceKind::Required(*kind)) {
            errors.add(
                format!("{REQUIRED_KINDS_FIELD}.{}", kind.code()),
                "error.evidence.required",
            );
        }
    }
    if details.acting_for.is_some() && !has(EvidenceKind::CONSENT) {
        errors.add(
            format!("{REQUIRED_KINDS_FIELD}.consent"),
            "error.evidence.consent",
        );
    }
}

/// A plausible email address: one `@`, a dotted domain, no spaces, at most 254 characters.
pub fn is_email(text: &str) -> bool {
    let text = text.trim();
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    text.len() <= 254
        && !local.is_empty()
        && local.len() <= 64
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && text
            .chars()
            .all(|c| c.is_ascii_graphic() && !matches!(c, '<' | '>' | '(' | ')' | ',' | ';' | '"'))
}

/// A plausible phone number: 6 to 15 digits, with spaces, `+`, brackets and dashes allowed.
pub fn is_phone(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    (6..=15).contains(&digits)
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '(' | ')' | '-'))
}

/// One line of text: trimmed, runs of white space folded, control characters dropped.
pub fn clean_line(text: &str) -> String {
    text.split_whitespace()
        .map(|word| word.chars().filter(|c| !c.is_control()).collect::<String>())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Several lines: each line cleaned, paragraphs kept (at most one blank line in a row), line
/// endings made `\n`.
pub fn clean_text(text: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for line in text.lines() {
        let line = clean_line(line);
        if line.is_empty() && lines.last().is_none_or(String::is_empty) {
            continue;
        }
        lines.push(line);
    }
    while lines.last().is_some_and(String::is_empty) {
        lines.pop();
    }
    lines.join("\n")
}
