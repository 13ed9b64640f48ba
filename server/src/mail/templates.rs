//! Message templates. Subjects carry `[Ref. IC-…]` so replies attach to the case.

use app::domain::copy::SentCopy;
use app::i18n::{fill, long_date, t};
use chrono::NaiveDate;
use lettre::message::{header::ContentType, Mailbox};
use lettre::Message;
use serde::Deserialize;

/// What the outbox holds for an acknowledgement.
#[derive(Debug, Deserialize)]
pub struct AcknowledgementPayload {
    pub to: String,
    #[serde(default)]
    pub name: Option<String>,
    pub reference: String,
    pub contact_promised_by: NaiveDate,
    /// The answers as sent (concerns handed in online), copied into the email.
    #[serde(default)]
    pub copy: Option<SentCopy>,
}

/// The acknowledgement of a new concern.
pub fn acknowledgement(
    from: &Mailbox,
    payload: &AcknowledgementPayload,
) -> Result<Message, String> {
    let address: lettre::Address = payload
        .to
        .trim()
        .parse()
        .map_err(|_| "the recipient address is not valid".to_owned())?;
    // The display name is encoded by lettre, whatever it contains.
    let to = Mailbox::new(payload.name.clone(), address);
    let values = [
        ("reference", payload.reference.as_str()),
        ("date", &long_date(payload.contact_promised_by)),
    ];
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(fill(&t("mail.acknowledgement.subject"), &values))
        .header(ContentType::TEXT_PLAIN)
        .body(acknowledgement_body(payload, &values))
        .map_err(|error| format!("building the acknowledgement: {error}"))
}

/// The acknowledgement's words, then the copy of the answers as sent (when there is one).
fn acknowledgement_body(payload: &AcknowledgementPayload, values: &[(&str, &str)]) -> String {
    let mut body = fill(&t("mail.acknowledgement.body"), values);
    if let Some(copy) = &payload.copy {
        let copy = SentCopy {
            reference: payload.reference.clone(),
            ..copy.clone()
        };
        body.push_str("\n\n");
        body.push_str(&t("mail.acknowledgement.copy_intro"));
        body.push_str("\n\n");
        body.push_str(&copy.as_text());
    }
    body
}
