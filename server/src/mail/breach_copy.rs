//! The copy of a breach report emailed to the person who sent it, with its reference: every
//! answer under its part's heading, in the task list's order.

use app::domain::breach::{BreachReport, SelfAssessment};
use app::i18n::{fill, in_language, t, Lang};
pub use app::pages::breach::answers::answer_lines;
use app::pages::breach::answers::time;
use chrono::NaiveDateTime;
use lettre::message::{header::ContentType, Mailbox};
use lettre::Message;
use serde::Deserialize;

/// What the outbox holds for the copy.
#[derive(Debug, Deserialize)]
pub struct BreachCopyPayload {
    pub to: String,
    #[serde(default)]
    pub name: Option<String>,
    pub reference: String,
    pub submitted_at: NaiveDateTime,
    #[serde(default)]
    pub assessment: SelfAssessment,
    pub report: BreachReport,
    #[serde(default)]
    pub reported_late: bool,
    /// The report was sent from the Welsh pages: the copy is written in Welsh.
    #[serde(default)]
    pub reply_in_welsh: bool,
}

/// The email: the reference, what happens next, then every answer.
pub fn breach_copy(from: &Mailbox, payload: &BreachCopyPayload) -> Result<Message, String> {
    let address: lettre::Address = payload
        .to
        .trim()
        .parse()
        .map_err(|_| "the recipient address is not valid".to_owned())?;
    let to = Mailbox::new(payload.name.clone(), address);
    let lang = if payload.reply_in_welsh {
        Lang::Cy
    } else {
        Lang::En
    };
    let (subject, body) = in_language(lang, || words(payload));
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(subject)
        .header(ContentType::TEXT_PLAIN)
        .body(body)
        .map_err(|error| format!("building the breach report copy: {error}"))
}

/// The subject and body, in the language in context.
fn words(payload: &BreachCopyPayload) -> (String, String) {
    let values = [
        ("reference", payload.reference.as_str()),
        ("sent", &time(payload.submitted_at)),
    ];
    let mut body = fill(&t("mail.breach_copy.intro"), &values);
    if payload.reported_late {
        body.push_str("\n\n");
        body.push_str(&t("mail.breach_copy.late"));
    }
    for (part, lines) in answer_lines(&payload.report) {
        let heading = t(&format!("breach.part.{}", part.code()));
        body.push_str(&format!("\n\n{heading}\n"));
        for (question, answer) in lines {
            body.push_str(&format!("\n{question}\n{answer}\n"));
        }
    }
    body.push_str("\n\n");
    body.push_str(&fill(&t("mail.breach_copy.outro"), &values));
    (fill(&t("mail.breach_copy.subject"), &values), body)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used, clippy::unwrap_used)]
    use super::*;

    fn written(welsh: bool) -> String {
        let payload: BreachCopyPayload = serde_json::from_value(serde_json::json!({
            "to": "dpo@example.org",
            "reference": "IC-000123-ABCD",
            "submitted_at": "2027-01-07T10:30:00",
            "report": {},
            "reported_late": true,
            "reply_in_welsh": welsh,
        }))
        .unwrap();
        let from: Mailbox = "ICO <casework@example.org>".parse().unwrap();
        String::from_utf8(breach_copy(&from, &payload).unwrap().formatted()).unwrap()
    }

    #[test]
    fn a_report_sent_in_welsh_gets_its_copy_in_welsh() {
        let welsh = written(true);
        assert!(welsh.contains("Ionawr 2027"), "{welsh}");
        assert!(welsh.contains("Diolch am roi gwybod"), "{welsh}");
        assert!(!welsh.contains("Thank you for reporting"), "{welsh}");
        let english = written(false);
        assert!(english.contains("Thank you for reporting"), "{english}");
        assert!(english.contains("January 2027"), "{english}");
    }
}
