//! The two other breach emails: the link that reopens a saved report, and the acknowledgement of
//! a follow-up added to a report's case.

use app::i18n::{fill, in_language, long_date, t, Lang};
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
    /// Asked for from the Welsh pages: the email is written in Welsh.
    #[serde(default)]
    pub reply_in_welsh: bool,
}

/// What the outbox holds for a follow-up's acknowledgement.
#[derive(Debug, Deserialize)]
pub struct FollowUpPayload {
    pub to: String,
    pub reference: String,
    pub at: NaiveDateTime,
    /// Added from the Welsh pages: the acknowledgement is written in Welsh.
    #[serde(default)]
    pub reply_in_welsh: bool,
}

fn language(welsh: bool) -> Lang {
    if welsh {
        Lang::Cy
    } else {
        Lang::En
    }
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
    let (subject, body) = in_language(language(payload.reply_in_welsh), || {
        let values = [
            ("link", payload.link.as_str()),
            ("date", &long_date(payload.expires_on)),
        ];
        (
            t("mail.breach_resume.subject"),
            fill(&t("mail.breach_resume.body"), &values),
        )
    });
    plain(from, &payload.to, subject, body)
}

pub fn follow_up(from: &Mailbox, payload: &FollowUpPayload) -> Result<Message, String> {
    let (subject, body) = in_language(language(payload.reply_in_welsh), || {
        let values = [
            ("reference", payload.reference.as_str()),
            ("sent", &payload.at.format("%d/%m/%Y %H:%M").to_string()),
        ];
        (
            fill(&t("mail.breach_follow_up.subject"), &values),
            fill(&t("mail.breach_follow_up.body"), &values),
        )
    });
    plain(from, &payload.to, subject, body)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used, clippy::unwrap_used)]
    use super::*;

    fn text(message: Message) -> String {
        String::from_utf8(message.formatted()).unwrap()
    }

    fn from() -> Mailbox {
        "ICO <casework@example.org>".parse().unwrap()
    }

    #[test]
    fn a_resume_link_asked_for_in_welsh_is_written_in_welsh() {
        let payload = |welsh| ResumePayload {
            to: "dpo@example.org".to_owned(),
            link: "https://portal.example/report-breach/resume/abc".to_owned(),
            expires_on: NaiveDate::from_ymd_opt(2027, 1, 7).unwrap(),
            reply_in_welsh: welsh,
        };
        let welsh = text(resume_link(&from(), &payload(true)).unwrap());
        let english = text(resume_link(&from(), &payload(false)).unwrap());
        assert!(welsh.contains("7 Ionawr 2027"), "{welsh}");
        assert!(english.contains("7 January 2027"), "{english}");
        assert!(welsh.contains("https://portal.example/report-breach/resume/abc"));
        assert_ne!(subject(&welsh), subject(&english));
    }

    #[test]
    fn a_follow_up_added_in_welsh_is_acknowledged_in_welsh() {
        let payload: FollowUpPayload = serde_json::from_value(serde_json::json!({
            "to": "dpo@example.org", "reference": "IC-000123-ABCD",
            "at": "2027-01-07T10:30:00", "reply_in_welsh": true,
        }))
        .unwrap();
        let welsh = text(follow_up(&from(), &payload).unwrap());
        let older: FollowUpPayload = serde_json::from_value(serde_json::json!({
            "to": "dpo@example.org", "reference": "IC-000123-ABCD", "at": "2027-01-07T10:30:00",
        }))
        .unwrap();
        assert!(!older.reply_in_welsh);
        let english = text(follow_up(&from(), &older).unwrap());
        assert!(welsh.contains("[Ref. IC-000123-ABCD]") || welsh.contains("IC-000123-ABCD"));
        assert_ne!(subject(&welsh), subject(&english));
        assert_ne!(body(&welsh), body(&english));
    }

    fn subject(message: &str) -> String {
        message
            .lines()
            .find(|line| line.starts_with("Subject:"))
            .unwrap_or_default()
            .to_owned()
    }

    fn body(message: &str) -> String {
        message
            .split("\r\n\r\n")
            .skip(1)
            .collect::<Vec<_>>()
            .join("\n")
    }
}
