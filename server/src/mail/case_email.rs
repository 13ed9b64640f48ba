//! An email an officer sent a party from a case (manual §12): the subject carries
//! `[Ref. <reference>]` (so the reply comes back onto the case), the body ends with the
//! officer's sign-off.

use lettre::message::{header::ContentType, Mailbox};
use lettre::Message;
use serde::Deserialize;

/// What the outbox holds for a case email.
#[derive(Debug, Deserialize)]
pub struct CaseEmailPayload {
    pub to: String,
    #[serde(default)]
    pub name: Option<String>,
    pub subject: String,
    pub body: String,
    pub reference: String,
}

pub fn case_email(from: &Mailbox, payload: &CaseEmailPayload) -> Result<Message, String> {
    let address: lettre::Address = payload
        .to
        .trim()
        .parse()
        .map_err(|_| "the recipient address is not valid".to_owned())?;
    let subject = app::domain::case::subject_with_reference(&payload.subject, &payload.reference);
    Message::builder()
        .from(from.clone())
        .to(Mailbox::new(payload.name.clone(), address))
        .subject(subject)
        .header(ContentType::TEXT_PLAIN)
        .body(payload.body.clone())
        .map_err(|error| format!("building a case email: {error}"))
}
