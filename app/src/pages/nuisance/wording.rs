//! The words of the journey that depend on the channel, and answers as the check pages show them.

use crate::domain::nuisance::{
    parse_email_evidence, yes, Category, Channel, IncidentForm, Question, Relationship, YesNoUnsure,
};
use crate::i18n::{fill, long_date, t};

/// The question as the page heading.
pub fn heading(question: Question, channel: Channel) -> String {
    if question == Question::PreferenceService && channel == Channel::Fax {
        return t("nuisance.question.preference_service.fax");
    }
    t(&format!("nuisance.question.{}", question.code()))
}

/// The hint under the heading, if the question has one.
pub fn hint(question: Question, channel: Channel) -> Option<String> {
    let key = match (question, channel) {
        (Question::When, _) => "nuisance.hint.when",
        (Question::Sender, Channel::Text) => "nuisance.hint.sender.text",
        (Question::Sender, Channel::Email) => "nuisance.hint.sender.email",
        (Question::Sender, Channel::Fax) => "nuisance.hint.sender.fax",
        (Question::Sender, _) => "nuisance.hint.sender.call",
        (Question::ContactedOn, Channel::Email) => "nuisance.hint.contacted_on.email",
        (Question::ContactedOn, _) => "nuisance.hint.contacted_on",
        (Question::MessageText, _) => "nuisance.hint.message_text",
        (Question::AdvertisedNumber, _) => "nuisance.hint.advertised_number",
        (Question::EmailEvidence, _) => "nuisance.hint.email_evidence",
        (Question::Company, _) => "nuisance.hint.company",
        (Question::Categories, _) => "nuisance.hint.categories",
        (Question::Description, _) => "nuisance.hint.description",
        _ => return None,
    };
    Some(t(key))
}

/// The label of a yes / no / not sure answer.
pub fn yes_no_label(code: &str) -> String {
    match YesNoUnsure::from_code(code.trim()) {
        Some(answer) => t(&format!("nuisance.answer.{}", answer.code())),
        None => t("nuisance.answer.not_given"),
    }
}

fn or_not_given(text: &str) -> String {
    if text.trim().is_empty() {
        t("nuisance.answer.not_given")
    } else {
        text.trim().to_owned()
    }
}

/// When it happened, as a date (and time) if the fields make one.
fn when_text(form: &IncidentForm) -> String {
    let number = |text: &str| text.trim().parse::<u32>().ok();
    let date = match (number(&form.day), number(&form.month), number(&form.year)) {
        (Some(d), Some(m), Some(y)) => i32::try_from(y)
            .ok()
            .and_then(|y| chrono::NaiveDate::from_ymd_opt(y, m, d)),
        _ => None,
    };
    let Some(date) = date else {
        return or_not_given(&format!("{} {} {}", form.day, form.month, form.year));
    };
    match (number(&form.hour), number(&form.minute)) {
        (Some(h), Some(m)) => fill(
            &t("nuisance.answer.at"),
            &[
                ("date", &long_date(date)),
                ("time", &format!("{h:02}:{m:02}")),
            ],
        ),
        _ => long_date(date),
    }
}

/// The answer to `question` as the check pages show it.
pub fn answer_text(question: Question, form: &IncidentForm) -> String {
    match question {
        Question::SilentOrAbandoned => yes_no_label(&form.silent_or_abandoned),
        Question::When => when_text(form),
        Question::Sender if yes(&form.sender_unknown) => t("nuisance.answer.unknown"),
        Question::Sender => or_not_given(&form.sender),
        Question::ContactedOn => or_not_given(&form.contacted_on),
        Question::MessageText => or_not_given(&form.message_text),
        Question::AdvertisedNumber => or_not_given(&form.advertised_number),
        Question::EmailEvidence => {
            match parse_email_evidence(form.email_source.as_bytes(), usize::MAX) {
                Ok(email) => fill(
                    &t("nuisance.answer.email_from"),
                    &[("from", email.from.as_str())],
                ),
                Err(_) if form.email_source.trim().is_empty() => t("nuisance.answer.not_given"),
                Err(_) => t("nuisance.answer.email_given"),
            }
        }
        Question::Company => or_not_given(&form.company),
        Question::Categories => {
            let mut labels: Vec<String> = form
                .categories
                .iter()
                .filter_map(|code| Category::from_code(code.trim()))
                .map(|category| t(&format!("nuisance.category.{}", category.code())))
                .collect();
            if !form.category_other.trim().is_empty() {
                labels.push(form.category_other.trim().to_owned());
            }
            or_not_given(&labels.join(", "))
        }
        Question::Scam => yes_no_label(&form.scam),
        Question::Relationship => match Relationship::from_code(form.relationship.trim()) {
            Some(answer) => t(&format!("nuisance.relationship.{}", answer.code())),
            None => t("nuisance.answer.not_given"),
        },
        Question::PreferenceService => yes_no_label(&form.preference_service),
        Question::Description => or_not_given(&form.description),
    }
}

/// The channel's label ("A text message").
pub fn channel_label(form: &IncidentForm) -> String {
    Channel::from_code(form.channel.trim())
        .map(|channel| t(&format!("nuisance.channel.{}", channel.code())))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use crate::domain::nuisance::{
        Advice, Category, Channel, OffenderKind, Question, Relationship,
    };
    use crate::i18n::has;

    /// The keys the pages build from codes exist (the literal ones are checked by the i18n test).
    #[test]
    fn every_key_built_from_a_code_exists() {
        let mut keys: Vec<String> = Vec::new();
        for question in Question::all() {
            keys.push(format!("nuisance.question.{}", question.code()));
            if *question != Question::SilentOrAbandoned {
                keys.push(format!("nuisance.row.{}", question.code()));
            }
        }
        keys.extend(
            Channel::codes()
                .iter()
                .map(|c| format!("nuisance.channel.{c}")),
        );
        keys.extend(
            Category::codes()
                .iter()
                .map(|c| format!("nuisance.category.{c}")),
        );
        keys.extend(
            Relationship::codes()
                .iter()
                .map(|c| format!("nuisance.relationship.{c}")),
        );
        keys.extend(
            OffenderKind::codes()
                .iter()
                .map(|c| format!("nuisance.confirmation.kind.{c}")),
        );
        keys.extend(Advice::all().iter().map(|a| a.message_key()));
        for key in ["yes", "no", "not_sure"] {
            keys.push(format!("nuisance.answer.{key}"));
        }
        let missing: Vec<&String> = keys.iter().filter(|key| !has(key)).collect();
        assert!(missing.is_empty(), "missing: {missing:?}");
    }
}
