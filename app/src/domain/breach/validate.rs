//! From each part's posted answers to the typed part of [`BreachReport`]. Pure: `now` is the
//! current Europe/London wall-clock time. Every problem is on its field (ids as the pages use
//! them, `aware.day`), its message an i18n key in `app/locales/en/breach.json`.

use chrono::NaiveDateTime;

use super::clock::reporting_clock;
use super::forms::{
    ConsequencesForm, ContactForm, ContainmentForm, DataForm, OrganisationForm, ScaleForm,
    TellingForm, TimingForm, WhatHappenedForm,
};
use super::model::{
    Consequences, ContactPart, ContactRole, Containment, DataCategory, DataPart, Likelihood,
    OrganisationPart, OrganisationSize, OtherBody, PeopleTold, Scale, SubjectGroup, Telling,
    Timing, WhatHappened, YesNoUnknown,
};
use super::settings::BreachSettings;
use super::text::{choice, count, date_time, key, line, long, ticks};
use crate::domain::case::Sector;
use crate::domain::nuisance::yes;
use crate::domain::readiness::FieldErrors;
use crate::domain::submission::{is_email, is_phone};

fn done<T>(errors: FieldErrors, part: T) -> Result<T, FieldErrors> {
    if errors.is_empty() {
        Ok(part)
    } else {
        Err(errors)
    }
}

/// A data protection fee registration number: `Z` then seven letters or digits (`ZA123456`,
/// `Z1234567`), spaces ignored, any case.
pub fn registration_number(text: &str) -> Option<String> {
    let number: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    let valid = number.len() == 8
        && number.starts_with('Z')
        && number.chars().all(|c| c.is_ascii_alphanumeric())
        && number[2..].chars().all(|c| c.is_ascii_digit());
    valid.then_some(number)
}

pub fn validate_organisation(
    form: &OrganisationForm,
    settings: &BreachSettings,
) -> Result<OrganisationPart, FieldErrors> {
    let mut errors = FieldErrors::new();
    let name = line(&mut errors, "name", &form.name, settings.line_chars, true);
    let registration = form.registration_number.trim();
    let registration_number = if registration.is_empty() {
        None
    } else {
        let number = registration_number(registration);
        if number.is_none() {
            errors.add("registration_number", key("registration_number", "invalid"));
        }
        number
    };
    let sector = choice(&mut errors, "sector", &form.sector, Sector::from_code, true);
    let size = choice(
        &mut errors,
        "size",
        &form.size,
        OrganisationSize::from_code,
        true,
    );
    let staff_spoken_to = line(
        &mut errors,
        "staff_spoken_to",
        &form.staff_spoken_to,
        settings.line_chars,
        false,
    );
    done(
        errors,
        OrganisationPart {
            name: name.unwrap_or_default(),
            registration_number,
            sector,
            size,
            staff_spoken_to,
        },
    )
}

pub fn validate_contact(
    form: &ContactForm,
    settings: &BreachSettings,
) -> Result<ContactPart, FieldErrors> {
    let mut errors = FieldErrors::new();
    let role = choice(
        &mut errors,
        "role",
        &form.role,
        ContactRole::from_code,
        true,
    );
    let name = line(&mut errors, "name", &form.name, settings.line_chars, true);
    let job_title = line(
        &mut errors,
        "job_title",
        &form.job_title,
        settings.line_chars,
        false,
    );
    let email = form.email.trim().to_owned();
    if email.is_empty() {
        errors.add("email", key("email", "required"));
    } else if !is_email(&email) {
        errors.add("email", key("email", "invalid"));
    }
    let phone = form.phone.trim().to_owned();
    if phone.is_empty() {
        errors.add("phone", key("phone", "required"));
    } else if !is_phone(&phone) {
        errors.add("phone", key("phone", "invalid"));
    }
    done(
        errors,
        ContactPart {
            role,
            name: name.unwrap_or_default(),
            job_title,
            email,
            phone,
        },
    )
}

pub fn validate_what_happened(
    form: &WhatHappenedForm,
    settings: &BreachSettings,
) -> Result<WhatHappened, FieldErrors> {
    let mut errors = FieldErrors::new();
    let max = settings.long_text_chars;
    let description = long(&mut errors, "description", &form.description, max, true);
    let cyber_incident = choice(
        &mut errors,
        "cyber_incident",
        &form.cyber_incident,
        YesNoUnknown::from_code,
        true,
    );
    let how_discovered = long(
        &mut errors,
        "how_discovered",
        &form.how_discovered,
        max,
        true,
    );
    let systems_affected = choice(
        &mut errors,
        "systems_affected",
        &form.systems_affected,
        YesNoUnknown::from_code,
        false,
    );
    let staff_involved = long(
        &mut errors,
        "staff_involved",
        &form.staff_involved,
        max,
        false,
    );
    done(
        errors,
        WhatHappened {
            description: description.unwrap_or_default(),
            cyber_incident,
            how_discovered: how_discovered.unwrap_or_default(),
            systems_affected,
            staff_involved,
        },
    )
}

/// When it happened and when the organisation became aware. The time of occurrence is
/// optional; the time of awareness is required (the 72-hour clock starts then). A report that
/// would be late at `now` must say why.
pub fn validate_timing(
    form: &TimingForm,
    now: NaiveDateTime,
    settings: &BreachSettings,
) -> Result<Timing, FieldErrors> {
    let mut errors = FieldErrors::new();
    let years = settings.oldest_years;
    let occurred = if yes(&form.occurred_unknown) {
        None
    } else {
        date_time(&mut errors, "occurred", &form.occurred, now, years, false)
    };
    let aware = date_time(&mut errors, "aware", &form.aware, now, years, true);
    if let (Some((occurred_at, time_known)), Some((aware_at, _))) = (occurred, aware) {
        let before = if time_known {
            aware_at < occurred_at
        } else {
            aware_at.date() < occurred_at.date()
        };
        if before {
            errors.add("aware.day", key("aware", "before_occurred"));
        }
    }
    let late = aware.is_some_and(|(aware_at, _)| reporting_clock(aware_at, now, settings).late);
    let delay_reason = if late {
        long(
            &mut errors,
            "delay_reason",
            &form.delay_reason,
            settings.long_text_chars,
            true,
        )
    } else {
        None
    };
    done(
        errors,
        Timing {
            occurred_at: occurred.map(|(at, _)| at),
            occurred_time_known: occurred.is_some_and(|(_, known)| known),
            ongoing: yes(&form.ongoing),
            aware_at: aware.map(|(at, _)| at),
            delay_reason,
        },
    )
}

pub fn validate_data(form: &DataForm, settings: &BreachSettings) -> Result<DataPart, FieldErrors> {
    let mut errors = FieldErrors::new();
    let categories = ticks(
        &mut errors,
        "categories",
        &form.categories,
        DataCategory::from_code,
        true,
    );
    let other = if categories.contains(&DataCategory::Other) {
        line(&mut errors, "other", &form.other, settings.line_chars, true)
    } else {
        None
    };
    done(errors, DataPart { categories, other })
}

pub fn validate_scale(form: &ScaleForm, settings: &BreachSettings) -> Result<Scale, FieldErrors> {
    let mut errors = FieldErrors::new();
    let records = if yes(&form.records_unknown) {
        None
    } else {
        count(&mut errors, "records", &form.records, settings.max_records)
    };
    let people = if yes(&form.people_unknown) {
        None
    } else {
        count(&mut errors, "people", &form.people, settings.max_people)
    };
    let groups = ticks(
        &mut errors,
        "groups",
        &form.groups,
        SubjectGroup::from_code,
        true,
    );
    let other_group = if groups.contains(&SubjectGroup::Other) {
        line(
            &mut errors,
            "other_group",
            &form.other_group,
            settings.line_chars,
            true,
        )
    } else {
        None
    };
    done(
        errors,
        Scale {
            records,
            people,
            groups,
            other_group,
        },
    )
}

pub fn validate_consequences(
    form: &ConsequencesForm,
    settings: &BreachSettings,
) -> Result<Consequences, FieldErrors> {
    let mut errors = FieldErrors::new();
    let description = long(
        &mut errors,
        "description",
        &form.description,
        settings.long_text_chars,
        true,
    );
    let likelihood = choice(
        &mut errors,
        "likelihood",
        &form.likelihood,
        Likelihood::from_code,
        true,
    );
    done(
        errors,
        Consequences {
            description: description.unwrap_or_default(),
            likelihood,
        },
    )
}

pub fn validate_containment(
    form: &ContainmentForm,
    settings: &BreachSettings,
) -> Result<Containment, FieldErrors> {
    let mut errors = FieldErrors::new();
    let max = settings.long_text_chars;
    let contained = choice(
        &mut errors,
        "contained",
        &form.contained,
        YesNoUnknown::from_code,
        true,
    );
    let actions = long(&mut errors, "actions", &form.actions, max, true);
    let preventative_measures = long(
        &mut errors,
        "preventative_measures",
        &form.preventative_measures,
        max,
        false,
    );
    let help_for_people = long(
        &mut errors,
        "help_for_people",
        &form.help_for_people,
        max,
        false,
    );
    done(
        errors,
        Containment {
            contained,
            actions: actions.unwrap_or_default(),
            preventative_measures,
            help_for_people,
        },
    )
}

pub fn validate_telling(
    form: &TellingForm,
    settings: &BreachSettings,
) -> Result<Telling, FieldErrors> {
    let mut errors = FieldErrors::new();
    let max = settings.long_text_chars;
    let people_told = choice(
        &mut errors,
        "people_told",
        &form.people_told,
        PeopleTold::from_code,
        true,
    );
    // Deciding not to tell them needs the reasons (Art. 34(3)).
    let reasons_needed = people_told == Some(PeopleTold::NotTelling);
    let people_told_details = long(
        &mut errors,
        "people_told_details",
        &form.people_told_details,
        max,
        reasons_needed,
    );
    let others = ticks(
        &mut errors,
        "others",
        &form.others,
        OtherBody::from_code,
        false,
    );
    let others_details = long(
        &mut errors,
        "others_details",
        &form.others_details,
        max,
        false,
    );
    done(
        errors,
        Telling {
            people_told,
            people_told_details,
            others,
            others_details,
        },
    )
}
