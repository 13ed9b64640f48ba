//! From the form's strings to a typed [`Incident`] (server only: numbers are parsed with
//! libphonenumber's metadata). Every problem is reported on its field; messages are i18n keys in
//! `app/locales/en/nuisance.json`.

use chrono::NaiveDateTime;

use super::answers::{Relationship, YesNoUnsure};
use super::channel::{Category, Channel, Question};
use super::email::parse_email_evidence;
use super::fields::{cleaned_line, cleaned_text, yes};
use super::incident::{Company, Incident, IncidentForm};
use super::phone::{extract_numbers, parse_phone_number, NumberKind, PhoneNumber};
use super::sender::{means_withheld, EmailAddress, Recipient, Sender, SenderId};
use super::settings::NuisanceSettings;
use super::when::{parse_when, WhenFields};
use crate::domain::readiness::FieldErrors;

/// Validates one incident's answers. `now` is the current UK local time; `prefix` is put before
/// every field name (`""`, or `"incidents[2]."` within a report). Fields the channel does not ask
/// are ignored. A silent or abandoned live call is refused on `silent_or_abandoned`: it is
/// signposted to Ofcom, not recorded.
pub fn validate_incident(
    form: &IncidentForm,
    now: NaiveDateTime,
    settings: &NuisanceSettings,
    prefix: &str,
) -> Result<Incident, FieldErrors> {
    let mut errors = FieldErrors::new();
    let field = |name: &str| format!("{prefix}{name}");
    let Some(channel) = Channel::from_code(form.channel.trim()) else {
        errors.add(field("channel"), "nuisance.error.channel.required");
        return Err(errors);
    };
    let asks = |question| channel.asks(question);
    if asks(Question::SilentOrAbandoned) {
        match YesNoUnsure::from_code(form.silent_or_abandoned.trim()) {
            Some(YesNoUnsure::No) => {}
            Some(YesNoUnsure::Yes) => errors.add(
                field("silent_or_abandoned"),
                "nuisance.error.silent.signpost",
            ),
            _ => errors.add(
                field("silent_or_abandoned"),
                "nuisance.error.silent.required",
            ),
        }
    }
    let when = parse_when(
        WhenFields {
            day: &form.day,
            month: &form.month,
            year: &form.year,
            hour: &form.hour,
            minute: &form.minute,
        },
        now,
        settings.oldest_incident_days,
        prefix,
        &mut errors,
    );
    let email = (asks(Question::EmailEvidence) && !form.email_source.trim().is_empty())
        .then(|| parse_email_evidence(form.email_source.as_bytes(), settings.max_eml_bytes))
        .and_then(|parsed| {
            parsed
                .map_err(|error| errors.add(field("email_source"), error.message_key()))
                .ok()
        });
    let sender = sender(channel, form, email.as_ref().map(|e| &e.from))
        .map_err(|key| errors.add(field("sender"), key))
        .ok();
    let contacted_on = recipient(channel, &form.contacted_on)
        .map_err(|key| errors.add(field("contacted_on"), key))
        .ok()
        .flatten();
    let message_text = if asks(Question::MessageText) {
        cleaned_text(&form.message_text, settings.message_text_chars, true)
            .map_err(|e| {
                errors.add(
                    field("message_text"),
                    format!("nuisance.error.message_text.{e}"),
                )
            })
            .ok()
            .flatten()
    } else {
        None
    };
    let quoted_numbers = message_text
        .as_deref()
        .map(extract_numbers)
        .unwrap_or_default();
    let advertised_number =
        if asks(Question::AdvertisedNumber) && !form.advertised_number.trim().is_empty() {
            call_number(&form.advertised_number)
                .map_err(|key| errors.add(field("advertised_number"), key))
                .ok()
        } else {
            None
        };
    let company = cleaned_line(&form.company, settings.company_chars, false)
        .map_err(|e| errors.add(field("company"), format!("nuisance.error.company.{e}")))
        .ok()
        .flatten()
        .and_then(|name| Company::new(&name));
    let (categories, category_other) = categories(form, settings, prefix, &mut errors);
    let scam = answer(
        asks(Question::Scam),
        &form.scam,
        &field("scam"),
        "scam",
        &mut errors,
    );
    let preference_service = answer(
        asks(Question::PreferenceService),
        &form.preference_service,
        &field("preference_service"),
        "preference_service",
        &mut errors,
    );
    let relationship = Relationship::from_code(form.relationship.trim());
    if relationship.is_none() {
        errors.add(
            field("relationship"),
            "nuisance.error.relationship.required",
        );
    }
    let description = cleaned_text(&form.description, settings.free_text_chars, false)
        .map_err(|e| {
            errors.add(
                field("description"),
                format!("nuisance.error.description.{e}"),
            )
        })
        .ok()
        .flatten();
    let (Some(when), Some(sender), Some(relationship), true) =
        (when, sender, relationship, errors.is_empty())
    else {
        return Err(errors);
    };
    Ok(Incident {
        channel,
        when,
        sender,
        contacted_on,
        message_text,
        quoted_numbers,
        advertised_number,
        email,
        company,
        categories,
        category_other,
        scam,
        relationship,
        preference_service,
        description,
    })
}

/// Who contacted the person, as this channel allows.
fn sender(
    channel: Channel,
    form: &IncidentForm,
    from_evidence: Option<&EmailAddress>,
) -> Result<Sender, &'static str> {
    let text = form.sender.trim();
    if yes(&form.sender_unknown) || means_withheld(text) {
        return Ok(from_evidence.map_or(Sender::Withheld, |from| Sender::Email(from.clone())));
    }
    if text.is_empty() {
        return match from_evidence {
            Some(from) => Ok(Sender::Email(from.clone())),
            None => Err("nuisance.error.sender.required"),
        };
    }
    match channel {
        Channel::Email => EmailAddress::parse(text).map(Sender::Email),
        Channel::Text if text.chars().any(char::is_alphabetic) => {
            SenderId::parse(text).map(Sender::SenderId)
        }
        Channel::Text => parse_phone_number(text).map(Sender::Number),
        Channel::LiveCall | Channel::AutomatedCall | Channel::Fax => {
            call_number(text).map(Sender::Number)
        }
    }
}

/// A number that can make or take a call: anything but a short code.
fn call_number(text: &str) -> Result<PhoneNumber, &'static str> {
    parse_phone_number(text).and_then(|number| match number.kind() {
        NumberKind::ShortCode => Err("nuisance.error.number.short_code"),
        _ => Ok(number),
    })
}

/// The person's own number (or address, for emails): required except for emails.
fn recipient(channel: Channel, text: &str) -> Result<Option<Recipient>, &'static str> {
    let text = text.trim();
    match channel {
        Channel::Email if text.is_empty() => Ok(None),
        Channel::Email => EmailAddress::parse(text).map(|a| Some(Recipient::Email(a))),
        _ if text.is_empty() => Err("nuisance.error.contacted_on.required"),
        _ => call_number(text).map(|n| Some(Recipient::Number(n))),
    }
}

/// The ticked categories (at least one), and the description of "other".
fn categories(
    form: &IncidentForm,
    settings: &NuisanceSettings,
    prefix: &str,
    errors: &mut FieldErrors,
) -> (Vec<Category>, Option<String>) {
    let mut categories: Vec<Category> = Vec::new();
    for code in &form.categories {
        match Category::from_code(code.trim()) {
            Some(category) if !categories.contains(&category) => categories.push(category),
            Some(_) => {}
            None => errors.add(
                format!("{prefix}categories"),
                "nuisance.error.categories.invalid",
            ),
        }
    }
    if categories.is_empty() {
        errors.add(
            format!("{prefix}categories"),
            "nuisance.error.categories.required",
        );
    }
    categories.sort();
    let mut other = None;
    if categories.contains(&Category::Other) {
        other = cleaned_line(&form.category_other, settings.free_text_chars, true)
            .map_err(|e| {
                errors.add(
                    format!("{prefix}category_other"),
                    format!("nuisance.error.category_other.{e}"),
                )
            })
            .ok()
            .flatten();
    }
    (categories, other)
}

/// A yes / no / not sure answer to a question the channel asks.
fn answer(
    asked: bool,
    text: &str,
    field: &str,
    name: &str,
    errors: &mut FieldErrors,
) -> Option<YesNoUnsure> {
    if !asked {
        return None;
    }
    let answer = YesNoUnsure::from_code(text.trim());
    if answer.is_none() {
        errors.add(field, format!("nuisance.error.{name}.required"));
    }
    answer
}
