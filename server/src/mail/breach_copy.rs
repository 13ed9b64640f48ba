//! The copy of a breach report emailed to the person who sent it, with its reference: every
//! answer under its part's heading, in the task list's order.

use app::domain::breach::{BreachReport, SelfAssessment};
use app::i18n::{fill, t};
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
}

/// The email: the reference, what happens next, then every answer.
pub fn breach_copy(from: &Mailbox, payload: &BreachCopyPayload) -> Result<Message, String> {
    let address: lettre::Address = payload
        .to
        .trim()
        .parse()
        .map_err(|_| "the recipient address is not valid".to_owned())?;
    let to = Mailbox::new(payload.name.clone(), address);
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
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(fill(&t("mail.breach_copy.subject"), &values))
        .header(ContentType::TEXT_PLAIN)
        .body(body)
        .map_err(|error| format!("building the breach report copy: {error}"))
}
