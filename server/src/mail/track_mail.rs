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
    /// How long the link works (the setting when it was sent; the default for older messages).
    #[serde(default)]
    pub link_hours: Option<i64>,
}

pub fn track_link(from: &Mailbox, payload: &TrackLinkPayload) -> Result<Message, String> {
    let lang = if payload.reply_in_welsh {
        Lang::Cy
    } else {
        Lang::En
    };
    let (subject, body) = in_language(lang, || {
        let hours = payload
            .link_hours
            .unwrap_or(app::domain::tracking::TrackingSettings::default().link_hours);
        let lifetime = app::server_fns::tracking::lifetime_words(hours);
        let values = [
            ("reference", payload.reference.as_str()),
            ("link", payload.link.as_str()),
            ("lifetime", lifetime.as_str()),
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn body(link_hours: Option<i64>) -> String {
        let from: Mailbox = "Portal <noreply@example.org>".parse().unwrap();
        let payload = TrackLinkPayload {
            to: "alex@example.org".to_owned(),
            reference: "IC-123456-ABCD".to_owned(),
            link: "https://portal.example/track/link/abc".to_owned(),
            reply_in_welsh: false,
            link_hours,
        };
        let message = track_link(&from, &payload).unwrap();
        String::from_utf8(message.formatted()).unwrap()
    }

    /// The email says how long the link works as the setting was when it was sent.
    #[test]
    fn the_link_email_says_how_long_the_link_works() {
        assert!(body(Some(36)).contains("stops working after 36 hours"));
        assert!(body(Some(24)).contains("stops working after 1 day."));
        // A message queued before the setting was recorded: the default, 72 hours.
        assert!(body(None).contains("stops working after 3 days"));
    }
}
