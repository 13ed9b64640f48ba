//! The letters the assistant writes for a person to send, and the calendar reminder for the day
//! they can come back. Wording comes from the i18n catalogue; the facts from their answers.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::assistant::{Letter, NextStep, Outcome};
use crate::i18n::{fill, long_date, t};

/// A letter ready to print, download or copy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterText {
    pub title: String,
    pub subject: String,
    pub paragraphs: Vec<String>,
}

impl LetterText {
    /// The letter as plain text, for download.
    pub fn to_plain_text(&self) -> String {
        let mut text = format!("{}\n\n", self.subject);
        for paragraph in &self.paragraphs {
            text.push_str(paragraph);
            text.push_str("\n\n");
        }
        text.replace('\n', "\r\n")
    }
}

/// The letter the outcome calls for, filled in with the person's answers.
pub fn compose(outcome: &Outcome, today: NaiveDate) -> Option<LetterText> {
    let next_step = outcome.next_step.as_ref()?;
    let letter = next_step.letter()?;
    let concern = &outcome.concern;
    let blank = t("letter.blank");
    let date_or_blank =
        |date: Option<NaiveDate>| date.map(long_date).unwrap_or_else(|| blank.clone());
    let respond_by = match next_step {
        NextStep::SendLetter { respond_by, .. } => Some(*respond_by),
        _ => None,
    };
    let organisation = concern
        .organisation
        .name
        .clone()
        .unwrap_or_else(|| t("letter.organisation_blank"));
    let values = [
        ("organisation", organisation.as_str()),
        ("today", &long_date(today)),
        ("raised_on", &date_or_blank(concern.raised_on)),
        ("response_on", &date_or_blank(concern.response_on)),
        ("respond_by", &date_or_blank(respond_by)),
    ];
    let code = letter.code();
    let mut paragraphs = vec![fill(&t("letter.header"), &values)];
    paragraphs.extend(
        t(&format!("letter.{code}.body"))
            .split("\n\n")
            .map(|paragraph| fill(paragraph, &values)),
    );
    paragraphs.push(t("letter.sign_off"));
    Some(LetterText {
        title: t(&format!("letter.{code}.title")),
        subject: fill(&t(&format!("letter.{code}.subject")), &values),
        paragraphs,
    })
}

/// The letter's file name for download.
pub fn file_name(letter: Letter) -> String {
    format!("{}.txt", letter.code().replace('_', "-"))
}

/// An all-day iCalendar (RFC 5545) event on `date`, reminding the person to come back.
pub fn reminder_ics(
    date: NaiveDate,
    summary: &str,
    description: &str,
    stamp: DateTime<Utc>,
) -> String {
    let day = date.format("%Y%m%d").to_string();
    let next_day = date.succ_opt().unwrap_or(date).format("%Y%m%d").to_string();
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Information rights portal//Concerns assistant//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:concern-reminder-{day}-{}@portal", stamp.timestamp()),
        format!("DTSTAMP:{}", stamp.format("%Y%m%dT%H%M%SZ")),
        format!("DTSTART;VALUE=DATE:{day}"),
        format!("DTEND;VALUE=DATE:{next_day}"),
        format!("SUMMARY:{}", escape_ics(summary)),
        format!("DESCRIPTION:{}", escape_ics(description)),
        "TRANSP:TRANSPARENT".to_owned(),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    lines
        .iter()
        .map(|line| fold_ics(line))
        .collect::<Vec<_>>()
        .join("")
}

fn escape_ics(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace('\n', "\\n")
}

/// Folds a content line at 75 octets (never inside a UTF-8 character) and ends it with CRLF.
fn fold_ics(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used, clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_reminder_is_an_all_day_event_with_folded_escaped_lines() {
        let date = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let stamp = DateTime::parse_from_rfc3339("2026-11-23T10:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let ics = reminder_ics(date, "Come back; today", &"long, ".repeat(30), stamp);
        assert!(ics.contains("DTSTART;VALUE=DATE:20261201\r\n"));
        assert!(ics.contains("DTEND;VALUE=DATE:20261202\r\n"));
        assert!(ics.contains("SUMMARY:Come back\\; today\r\n"));
        assert!(ics.lines().all(|line| line.len() <= 75));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
    }
}
