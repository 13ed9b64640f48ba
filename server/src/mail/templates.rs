//! Message templates. Subjects carry `[Ref. IC-…]` so replies attach to the case.

use app::domain::copy::SentCopy;
use app::i18n::{fill, in_language, long_date, t, Lang};
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
    /// The person asked us to reply in Welsh: the acknowledgement is written in Welsh.
    #[serde(default)]
    pub reply_in_welsh: bool,
    /// Track my case: a one-use link that opens the case's status (scrubbed once sent).
    #[serde(default)]
    pub track_link: Option<String>,
    /// How many days that link works (the setting when it was sent; the default for older
    /// messages).
    #[serde(default)]
    pub track_link_days: Option<i64>,
    /// The case type (`RCC`, `ENQ`, `IRQ`: requests about us state their own clock).
    #[serde(default)]
    pub case_type: Option<String>,
    #[serde(default)]
    pub assign_by: Option<NaiveDate>,
    #[serde(default)]
    pub close_by: Option<NaiveDate>,
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
    let lang = if payload.reply_in_welsh {
        Lang::Cy
    } else {
        Lang::En
    };
    let (subject, body) = in_language(lang, || {
        let date = long_date(payload.contact_promised_by);
        let values = [
            ("reference", payload.reference.as_str()),
            ("date", date.as_str()),
        ];
        let subject = match request_key(payload, "subject") {
            Some(key) => fill(&t(&key), &values),
            None => fill(&t("mail.acknowledgement.subject"), &values),
        };
        (subject, acknowledgement_body(payload, &values))
    });
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(subject)
        .header(ContentType::TEXT_PLAIN)
        .body(body)
        .map_err(|error| format!("building the acknowledgement: {error}"))
}

/// The acknowledgement's words, then the copy of the answers as sent (when there is one).
fn acknowledgement_body(payload: &AcknowledgementPayload, values: &[(&str, &str)]) -> String {
    let mut body =
        request_body(payload).unwrap_or_else(|| fill(&t("mail.acknowledgement.body"), values));
    if let Some(link) = &payload.track_link {
        body.push_str("\n\n");
        let start = format!(
            "{}/track",
            link.split("/track/link/").next().unwrap_or_default()
        );
        body.push_str(&fill(
            &t("mail.track_link.acknowledgement"),
            &[
                ("link", link),
                ("start", &start),
                (
                    "lifetime",
                    &app::server_fns::tracking::lifetime_words(
                        payload
                            .track_link_days
                            .unwrap_or(
                                app::domain::tracking::TrackingSettings::default()
                                    .acknowledgement_link_days,
                            )
                            .saturating_mul(24),
                    ),
                ),
            ],
        ));
    }
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

/// The catalogue key of a request about us (RCC, ENQ, IRQ) for its own `part` of the
/// acknowledgement ("subject", "body"); `None` for a concern.
fn request_key(payload: &AcknowledgementPayload, part: &str) -> Option<String> {
    let case_type = payload.case_type.as_deref()?;
    let key = format!("mail.acknowledgement.request.{case_type}.{part}");
    app::i18n::has(&key).then_some(key)
}

/// The words of a request about us: thanks for what it is, its reference, and its own clock
/// (a service complaint also says where to go if still unhappy); `None` for a concern.
fn request_body(payload: &AcknowledgementPayload) -> Option<String> {
    let key = request_key(payload, "body")?;
    let assign_by = payload.assign_by.map(long_date).unwrap_or_default();
    let close_by = payload.close_by.map(long_date).unwrap_or_default();
    Some(fill(
        &t(&key),
        &[
            ("reference", payload.reference.as_str()),
            ("assign_by", assign_by.as_str()),
            ("close_by", close_by.as_str()),
        ],
    ))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used, clippy::unwrap_used)]
    use super::*;

    fn payload(reply_in_welsh: bool) -> AcknowledgementPayload {
        AcknowledgementPayload {
            to: "alex@example.org".to_owned(),
            name: Some("Alex Jones".to_owned()),
            reference: "IC-000123-ABCD".to_owned(),
            contact_promised_by: NaiveDate::from_ymd_opt(2027, 1, 7).unwrap(),
            copy: None,
            reply_in_welsh,
            track_link: None,
            track_link_days: None,
            case_type: None,
            assign_by: None,
            close_by: None,
        }
    }

    fn written(payload: &AcknowledgementPayload) -> String {
        let from: Mailbox = "ICO <casework@example.org>".parse().unwrap();
        let message = acknowledgement(&from, payload).unwrap();
        String::from_utf8(message.formatted()).unwrap()
    }

    #[test]
    fn a_person_who_asked_for_welsh_is_acknowledged_in_welsh() {
        let welsh = written(&payload(true));
        assert!(welsh.contains("Diolch am godi eich pryder"), "{welsh}");
        assert!(welsh.contains("7 Ionawr 2027"), "{welsh}");
        assert!(!welsh.contains("Thank you for raising"), "{welsh}");
        // The reference tag replies are matched by stays as it is in every language.
        assert!(welsh.contains("[Ref. IC-000123-ABCD]"), "{welsh}");
        let english = written(&payload(false));
        assert!(
            english.contains("Thank you for raising your concern"),
            "{english}"
        );
        assert!(english.contains("7 January 2027"), "{english}");
    }

    #[test]
    fn an_older_payload_without_the_choice_is_written_in_english() {
        let payload: AcknowledgementPayload = serde_json::from_value(serde_json::json!({
            "to": "alex@example.org",
            "reference": "IC-000123-ABCD",
            "contact_promised_by": "2027-01-07",
        }))
        .unwrap();
        assert!(!payload.reply_in_welsh);
        assert!(written(&payload).contains("Thank you for raising"));
    }
}
