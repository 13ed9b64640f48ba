//! The two other breach emails: the link that reopens a saved report, and the acknowledgement of
//! a follow-up added to a report's case.

use app::i18n::{fill, long_date, t};
use chrono::{NaiveDate, NaiveDateTime};
use lettre::message::{header::ContentType, Mailbox};
use lettre::Message;
use serde::Deserialize;

/// What the outbox holds for a resume link (scrubbed once sent: the link opens the draft).
#[derive(Debug, Deserialize)]
pub struct ResumePayload {
    pub to: String,
    pub link: String,
    pub expires_on: NaiveDate,
}

/// What the outbox holds for a follow-up's acknowledgement.
#[derive(Debug, Deserialize)]
pub struct FollowUpPayload {
    pub to: String,
    pub reference: String,
    pub at: NaiveDateTime,
}

fn plain(from: &Mailbox, to: &str, subject: String, body: String) -> Result<Message, String> {
    let address: lettre::Address = to
        .trim()
        .parse()
        .map_err(|_| "the recipient address is not valid".to_owned())?;
    Message::builder()
        .from(from.clone())
        .to(Mailbox::new(None, address))
        .subject(subject)
        .header(ContentType::TEXT_PLAIN)
        .body(body)
        .map_err(|error| format!("building a breach email: {error}"))
}

pub fn resume_link(from: &Mailbox, payload: &ResumePayload) -> Result<Message, String> {
    let values = [
        ("link", payload.link.as_str()),
        ("date", &long_date(payload.expires_on)),
    ];
    plain(
        from,
        &payload.to,
        t("mail.breach_resume.subject"),
        fill(&t("mail.breach_resume.body"), &values),
    )
}

pub fn follow_up(from: &Mailbox, payload: &FollowUpPayload) -> Result<Message, String> {
    let values = [
        ("reference", payload.reference.as_str()),
        ("sent", &payload.at.format("%d/%m/%Y %H:%M").to_string()),
    ];
    plain(
        from,
        &payload.to,
        fill(&t("mail.breach_follow_up.subject"), &values),
        fill(&t("mail.breach_follow_up.body"), &values),
    )
}
