//! The email with a one-use link that opens a case's status page (Track my case).

use app::i18n::{fill, in_language, t, Lang};
use lettre::message::{header::ContentType, Mailbox};
use lettre::Message;
use serde::Deserialize;

/// What the outbox holds for a track link (scrubbed once sent: the link opens the case).
#[derive(Debug, Deserialize)]
pub struct TrackLinkPayload {
    pub to: String,
    pub reference: String,
    pub link: String,
    /// Asked for from the Welsh pages: the email is written in Welsh.
    #[serde(default)]
    pub reply_in_welsh: bool,
}

pub fn track_link(from: &Mailbox, payload: &TrackLinkPayload) -> Result<Message, String> {
    let lang = if payload.reply_in_welsh {
        Lang::Cy
    } else {
        Lang::En
    };
    let (subject, body) = in_language(lang, || {
        let values = [
            ("reference", payload.reference.as_str()),
            ("link", payload.link.as_str()),
        ];
        (
            fill(&t("mail.track_link.subject"), &values),
            fill(&t("mail.track_link.body"), &values),
        )
    });
    let address: lettre::Address = payload
        .to
        .trim()
        .parse()
        .map_err(|_| "the recipient address is not valid".to_owned())?;
    Message::builder()
        .from(from.clone())
        .to(Mailbox::new(None, address))
        .subject(subject)
        .header(ContentType::TEXT_PLAIN)
        .body(body)
        .map_err(|error| format!("building a track link email: {error}"))
}
