//! The validation of a posted answer to one of the assistant's questions ([`Step`]), given the
//! other answers and `today`. Error results are i18n message keys, never English text.

use chrono::NaiveDate;

use super::answers::{Answer, Answers, RawAnswer};
use super::steps::{AnswerKind, Step};
use crate::domain::submission::{clean_line, clean_text, is_email, is_phone};

/// Validates what was posted for `step`, given the other answers (for date order) and `today`.
/// `allowed` lists the checkbox codes on offer (documents depend on earlier answers).
pub fn validate_answer(
    step: Step,
    raw: &RawAnswer,
    answers: &Answers,
    allowed: &[String],
    today: NaiveDate,
) -> Result<Answer, String> {
    let required = format!("error.{}.required", step.slug());
    match step.kind() {
        AnswerKind::Radios(options) | AnswerKind::Select(options) => {
            let value = raw.value.as_deref().map(str::trim).unwrap_or_default();
            if !options.contains(&value) {
                return Err(required);
            }
            if step == Step::ContactBy {
                check_contact_by(value, answers)?;
            }
            Ok(Answer::Choice(value.to_owned()))
        }
        AnswerKind::Custom => Err(required),
        AnswerKind::Checkboxes => {
            let mut chosen: Vec<String> = Vec::new();
            for value in &raw.values {
                if !allowed.contains(value) {
                    return Err(format!("error.{}.unknown", step.slug()));
                }
                if !chosen.contains(value) {
                    chosen.push(value.clone());
                }
            }
            // The grounds of a refusal: at least one, or "not sure".
            if chosen.is_empty() && step == Step::RefusalGrounds {
                return Err(required);
            }
            Ok(Answer::Many(chosen))
        }
        AnswerKind::Text { optional, max } | AnswerKind::TextArea { optional, max } => {
            let typed = raw.value.as_deref().unwrap_or_default();
            // One line folds its white space; several lines keep their paragraphs.
            let text = match step.kind() {
                AnswerKind::TextArea { .. } => clean_text(typed),
                _ => clean_line(typed),
            };
            if text.is_empty() {
                return if optional {
                    Ok(Answer::Text(String::new()))
                } else {
                    Err(required)
                };
            }
            if text.chars().count() > max {
                return Err(format!("error.{}.too_long", step.slug()));
            }
            if matches!(step, Step::AdvertisedNumber | Step::Phone) && !is_phone(&text) {
                return Err(format!("error.{}.invalid", step.slug()));
            }
            if step == Step::Email && !is_email(&text) {
                return Err("error.email.invalid".to_owned());
            }
            if step == Step::OriginalReference {
                return super::requests::validate_reference(&text);
            }
            Ok(Answer::Text(text))
        }
        AnswerKind::Date { optional } => {
            let date = match parse_date_parts(raw) {
                DateParts::Empty if optional => return Ok(Answer::NoDate),
                DateParts::Empty => return Err(required),
                DateParts::Incomplete => return Err("error.date.incomplete".to_owned()),
                DateParts::NotReal => return Err("error.date.real".to_owned()),
                DateParts::Date(date) => date,
            };
            if date > today {
                return Err("error.date.future".to_owned());
            }
            check_date_order(step, date, answers)?;
            Ok(Answer::Date(date))
        }
    }
}

/// Contact by phone needs a phone number, by post an address.
fn check_contact_by(value: &str, answers: &Answers) -> Result<(), String> {
    match value {
        "phone" if answers.text(Step::Phone).is_none() => {
            Err("error.contact-by.no-phone".to_owned())
        }
        "post" if answers.text(Step::Address).is_none() => {
            Err("error.contact-by.no-address".to_owned())
        }
        _ => Ok(()),
    }
}

/// Dates that must not come before an earlier one in the story.
fn check_date_order(step: Step, date: NaiveDate, answers: &Answers) -> Result<(), String> {
    let not_before = |earlier: Step, key: &str| match answers.date(earlier) {
        Some(earlier) if date < earlier => Err(key.to_owned()),
        _ => Ok(()),
    };
    match step {
        Step::ResponseOn => not_before(Step::RaisedOn, "error.response-on.before-raised"),
        Step::ReviewOn => not_before(Step::RaisedOn, "error.review-on.before-raised"),
        Step::ReviewOutcomeOn => {
            not_before(Step::ReviewOn, "error.review-outcome-on.before-review")
        }
        Step::ReviewRefusedOn => {
            not_before(Step::ReviewOn, "error.review-refused-on.before-review")
        }
        Step::LastContact => not_before(Step::RaisedOn, "error.last-contact.before-raised"),
        _ => Ok(()),
    }
}

/// A required date from the day, month and year fields, not after `today`.
pub(super) fn required_date(
    raw: &RawAnswer,
    today: NaiveDate,
    required: &str,
) -> Result<NaiveDate, String> {
    let date = match parse_date_parts(raw) {
        DateParts::Empty => return Err(required.to_owned()),
        DateParts::Incomplete => return Err("error.date.incomplete".to_owned()),
        DateParts::NotReal => return Err("error.date.real".to_owned()),
        DateParts::Date(date) => date,
    };
    if date > today {
        return Err("error.date.future".to_owned());
    }
    Ok(date)
}

enum DateParts {
    Empty,
    Incomplete,
    NotReal,
    Date(NaiveDate),
}

fn parse_date_parts(raw: &RawAnswer) -> DateParts {
    let part = |value: &Option<String>| {
        value
            .as_deref()
            .map(str::trim)
            .unwrap_or_default()
            .to_owned()
    };
    let (day, month, year) = (part(&raw.day), part(&raw.month), part(&raw.year));
    if day.is_empty() && month.is_empty() && year.is_empty() {
        return DateParts::Empty;
    }
    if day.is_empty() || month.is_empty() || year.is_empty() {
        return DateParts::Incomplete;
    }
    let number = |text: &str, max_len: usize| {
        if text.len() > max_len || !text.chars().all(|c| c.is_ascii_digit()) {
            None
        } else {
            text.parse::<u32>().ok()
        }
    };
    match (number(&day, 2), number(&month, 2), number(&year, 4)) {
        (Some(d), Some(m), Some(y)) if year.len() == 4 => {
            match i32::try_from(y)
                .ok()
                .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
            {
                Some(date) => DateParts::Date(date),
                None => DateParts::NotReal,
            }
        }
        _ => DateParts::NotReal,
    }
}
