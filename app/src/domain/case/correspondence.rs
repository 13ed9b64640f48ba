//! Emails through the system (manual §12): every subject carries `[Ref. <reference>]` so replies
//! come back onto the case, the officer signs off with their name, job title, the office and
//! their direct dial, and a reply is matched to its case by the reference in its subject.

use serde::{Deserialize, Serialize};

use super::reference::{Reference, ReferenceError};
use super::suggest::likely_intended;

code_enum! {
    /// An email template an officer starts from; words in `case.email.template.<code>`.
    EmailTemplate {
        Blank => "blank",
        FirstContact => "first_contact",
        InformationRequest => "information_request",
        /// A manager's answer to a complaint about our service (manual §14), with where to go
        /// next: the Parliamentary and Health Service Ombudsman through an MP.
        ServiceComplaintResponse => "service_complaint_response",
        /// A decision notice sent on an FOI or EIR complaint, with the appeal to the First-tier
        /// Tribunal within 28 calendar days (a decision notice cannot be a service complaint).
        DecisionNoticeIssued => "decision_notice_issued",
    }
}

impl EmailTemplate {
    /// The templates a case of `case_type` can start from: the general ones, and the outcome
    /// letter of its own type.
    pub fn for_case_type(case_type: super::kind::CaseKind) -> Vec<EmailTemplate> {
        use super::kind::CaseKind;
        let mut templates = vec![
            EmailTemplate::Blank,
            EmailTemplate::FirstContact,
            EmailTemplate::InformationRequest,
        ];
        match case_type {
            CaseKind::Rcc => templates.push(EmailTemplate::ServiceComplaintResponse),
            CaseKind::Fs50 | CaseKind::Fer => templates.push(EmailTemplate::DecisionNoticeIssued),
            _ => {}
        }
        templates
    }
}

/// The longest subject kept (longer ones are cut, on a character boundary).
pub const MAX_SUBJECT_CHARS: usize = 200;

/// The tag a subject carries: `[Ref. IC-123456-ABCD]`.
pub fn reference_tag(reference: &str) -> String {
    format!("[Ref. {reference}]")
}

/// `subject` with the case's reference tag: kept as it is when it already carries this case's
/// tag, otherwise any other `[Ref. …]` tag is removed and this one added at the end.
pub fn subject_with_reference(subject: &str, reference: &str) -> String {
    let tag = reference_tag(reference);
    let subject = subject.trim();
    if subject.contains(&tag) {
        return subject.to_owned();
    }
    let mut rest = subject.to_owned();
    while let Some((start, end)) = tag_span(&rest) {
        rest.replace_range(start..end, "");
    }
    let rest = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    if rest.is_empty() {
        tag
    } else {
        format!("{rest} {tag}")
    }
}

/// Where the first `[Ref. …]` tag is in `text` (byte range, brackets included).
fn tag_span(text: &str) -> Option<(usize, usize)> {
    let lower = text.to_ascii_lowercase();
    let start = lower.find("[ref")?;
    let end = lower[start..].find(']').map(|offset| start + offset + 1)?;
    Some((start, end))
}

/// What the reference tag of an incoming subject says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SubjectReference {
    /// No `[Ref. …]` tag.
    Missing,
    /// A reference whose check character holds.
    Valid(Reference),
    /// A tag whose reference does not check out, what was in it, and what was probably meant.
    Invalid {
        typed: String,
        suggestions: Vec<Reference>,
    },
}

/// Reads the `[Ref. …]` tag of an incoming subject (`Re: Your concern [Ref. IC-…]`). The tag may
/// be written `[Ref IC-…]`, `[ref. ic-…]` or `[Ref: …]`.
pub fn reference_in_subject(subject: &str) -> SubjectReference {
    let Some((start, end)) = tag_span(subject) else {
        return SubjectReference::Missing;
    };
    let inside = &subject[start + 4..end - 1];
    let typed = inside
        .trim_start_matches(['.', ':'])
        .trim()
        .chars()
        .take(40)
        .collect::<String>();
    match Reference::parse(&typed) {
        Ok(reference) => SubjectReference::Valid(reference),
        Err(_) => SubjectReference::Invalid {
            suggestions: likely_intended(&typed),
            typed,
        },
    }
}

/// A typed reference read: the reference, or why not and the references probably meant.
pub type ReadReference = Result<Reference, (ReferenceError, Vec<Reference>)>;

/// A reference typed by staff (a search box, the attach form): the reference, or why not and the
/// references probably meant.
pub fn read_reference(typed: &str) -> ReadReference {
    Reference::parse(typed).map_err(|error| (error, likely_intended(typed)))
}

/// The i18n key of why a typed reference is not one.
pub fn reference_error_key(error: &ReferenceError) -> &'static str {
    match error {
        ReferenceError::Empty => "case.reference.error.empty",
        ReferenceError::CheckFailed => "case.reference.error.check",
        _ => "case.reference.error.format",
    }
}

/// The officer's sign-off (manual §12 "Sign-offs"): name, job title, the office, direct dial;
/// blank lines left out. No department name: it means nothing to the customer.
pub fn sign_off(name: &str, job_title: &str, office: &str, direct_dial: &str) -> String {
    [name, job_title, office, direct_dial]
        .iter()
        .map(|line| line.trim())
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Cuts `text` to at most `max` characters.
pub fn cut(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// The references of a list typed one per line (blank lines skipped), each read with
/// [`read_reference`], with the line as typed.
pub fn reference_lines(text: &str) -> Vec<(String, ReadReference)> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .map(|line| (line.to_owned(), read_reference(line)))
        .collect()
}

/// Whether a case's intake answers say it is about a subject access request with no response
/// (the closing form then starts with "mainly about a delayed subject access request: yes").
pub fn delayed_subject_access(answers: &serde_json::Value) -> bool {
    let concern = &answers["concern"];
    concern["route"].as_str() == Some("data_protection")
        && concern["subject_access"].as_bool() == Some(true)
        && concern["response_on"].is_null()
}
