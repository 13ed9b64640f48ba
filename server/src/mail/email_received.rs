//! The acknowledgement of an email that named no case (issue 19): with the reference of the new
//! case it became, or, while it waits on the sift list to be attached to the sender's case,
//! without one.

use app::i18n::{fill, in_language, t, Lang};
use lettre::message::{header::ContentType, Mailbox};
use lettre::Message;
use serde::Deserialize;

/// What the outbox holds for the acknowledgement of an email received.
#[derive(Debug, Deserialize)]
pub struct EmailReceivedPayload {
    pub to: String,
    /// The subject of the email received.
    #[serde(default)]
    pub subject: String,
    /// The new case's reference, when the email became one.
    #[serde(default)]
    pub reference: Option<String>,
}

pub fn email_received(from: &Mailbox, payload: &EmailReceivedPayload) -> Result<Message, String> {
    let address: lettre::Address = payload
        .to
        .trim()
        .parse()
        .map_err(|_| "the recipient address is not valid".to_owned())?;
    let (subject, body) = in_language(Lang::En, || {
        let original: String = payload.subject.chars().take(200).collect();
        match &payload.reference {
            Some(reference) => {
                let values = [("reference", reference.as_str()), ("subject", &original)];
                (
                    fill(&t("mail.email_received.subject_reference"), &values),
                    fill(&t("mail.email_received.body_reference"), &values),
                )
            }
            None => {
                let values = [("subject", original.as_str())];
                (
                    fill(&t("mail.email_received.subject"), &values),
                    fill(&t("mail.email_received.body"), &values),
                )
            }
        }
    });
    Message::builder()
        .from(from.clone())
        .to(Mailbox::new(None, address))
        .subject(subject)
        .header(ContentType::TEXT_PLAIN)
        .body(body)
        .map_err(|error| format!("building the acknowledgement of an email: {error}"))
}
