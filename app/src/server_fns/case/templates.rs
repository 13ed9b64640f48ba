//! The email templates an officer starts from (manual §12): blank; first contact with the
//! customer (we have their concern, who is dealing with it, what happens next); and a request
//! for information to an organisation, with the manual's information request paragraph.

use serde::{Deserialize, Serialize};

use crate::domain::case::{sign_off, EmailTemplate};
use crate::i18n::{fill, long_date, t};

/// What a template is filled with.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DraftContext {
    pub recipient: String,
    pub organisation: String,
    pub received_on: Option<chrono::NaiveDate>,
    pub officer: String,
    pub reference: String,
}

/// The subject (without the reference tag, added when sending) and body of a template.
pub fn draft(template: EmailTemplate, context: &DraftContext) -> (String, String) {
    let received = context.received_on.map(long_date).unwrap_or_default();
    let values = [
        ("name", context.recipient.as_str()),
        ("organisation", context.organisation.as_str()),
        ("received", received.as_str()),
        ("officer", context.officer.as_str()),
        ("reference", context.reference.as_str()),
        ("paragraph", &t("case.email.information_request_paragraph")),
    ];
    let code = template.code();
    (
        fill(&t(&format!("case.email.{code}.subject")), &values),
        fill(&t(&format!("case.email.{code}.body")), &values),
    )
}

/// The body as sent: what the officer wrote, then their sign-off.
pub fn with_sign_off(body: &str, name: &str, job_title: &str, direct_dial: &str) -> String {
    let office = t("case.email.office");
    format!(
        "{}\n\n{}",
        body.trim_end(),
        sign_off(name, job_title, &office, direct_dial)
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_information_request_carries_the_confidentiality_paragraph() {
        let context = DraftContext {
            recipient: "Example Ltd".to_owned(),
            organisation: "Example Ltd".to_owned(),
            ..DraftContext::default()
        };
        let (_, body) = draft(EmailTemplate::InformationRequest, &context);
        assert!(body.contains(
            "Please say whether you consider any of the information you send us is confidential"
        ));
        let (subject, body) = draft(EmailTemplate::FirstContact, &context);
        assert!(!subject.is_empty());
        assert!(body.contains("Example Ltd"));
        assert!(!body.contains('{'), "{body}");
    }

    #[test]
    fn the_outcome_letters_say_where_to_go_next_and_are_offered_to_their_types_only() {
        use crate::domain::case::CaseKind;
        let context = DraftContext {
            recipient: "Alex Jones".to_owned(),
            organisation: "Leeds City Council".to_owned(),
            received_on: chrono::NaiveDate::from_ymd_opt(2026, 3, 2),
            officer: "Olu Officer".to_owned(),
            reference: "IC-123456-ABCD".to_owned(),
        };
        let (subject, body) = draft(EmailTemplate::ServiceComplaintResponse, &context);
        assert_eq!(subject, "Your complaint about our service");
        assert!(body.contains("Member of Parliament"));
        assert!(body.contains("Parliamentary and Health Service Ombudsman"));
        assert!(body.contains("First-tier Tribunal"));
        assert!(body.contains("2 March 2026") && body.contains("IC-123456-ABCD"));
        let (subject, body) = draft(EmailTemplate::DecisionNoticeIssued, &context);
        assert!(subject.contains("Leeds City Council"));
        assert!(body.contains("within 28 calendar days"));
        assert!(body.contains("within 35 calendar days"));
        for template in EmailTemplate::all() {
            let (subject, body) = draft(*template, &context);
            assert!(
                !subject.contains('{') && !body.contains('{'),
                "{template:?}"
            );
        }
        let offered = |kind| EmailTemplate::for_case_type(kind);
        assert!(offered(CaseKind::Rcc).contains(&EmailTemplate::ServiceComplaintResponse));
        assert!(!offered(CaseKind::Rcc).contains(&EmailTemplate::DecisionNoticeIssued));
        for kind in [CaseKind::Fs50, CaseKind::Fer] {
            assert!(offered(kind).contains(&EmailTemplate::DecisionNoticeIssued));
        }
        for kind in [CaseKind::Rfa, CaseKind::Enq, CaseKind::Com] {
            assert_eq!(offered(kind).len(), 3, "{kind:?}");
        }
    }

    #[test]
    fn the_sign_off_follows_the_body() {
        let body = with_sign_off(
            "Dear Alex,\n\nThanks.\n\n",
            "Olu Officer",
            "Case Officer",
            "01625 545 700",
        );
        assert!(body.ends_with("Thanks.\n\nOlu Officer\nCase Officer\nThe Information Commissioner's Office\n01625 545 700"), "{body}");
    }
}
