//! The journey's rules between pages (server only): each answer merged into the call or message
//! it belongs to, checked with the domain's own validation (only the fields of the page that was
//! answered), and where to go next. No IO: the server functions load and save the journey.

use chrono::NaiveDateTime;

use super::details;
use super::pages::{question_of_field, At, Page};
use super::state::{NuisanceJourney, PageFlash};
use crate::domain::nuisance::{
    validate_incident, yes, Channel, IncidentForm, NuisanceSettings, Question, ReporterForm,
    YesNoUnsure,
};
use crate::domain::readiness::FieldErrors;

/// What one page posted (blank when not on the page).
#[derive(Debug, Clone, Default)]
pub struct Posted {
    pub value: String,
    pub values: Vec<String>,
    pub day: String,
    pub month: String,
    pub year: String,
    pub hour: String,
    pub minute: String,
    pub sender_unknown: String,
    pub category_other: String,
    /// The email's headers: pasted, or the header section of the uploaded file.
    pub email_source: String,
    /// The uploaded file could not be read as an email: the message key.
    pub upload_error: Option<String>,
    pub reporter: ReporterForm,
    /// "Remember my details on this device" was ticked on "Your details".
    pub remember: bool,
}

/// Records the answer to `page` and says where to go next.
pub fn answer(
    state: &mut NuisanceJourney,
    page: Page,
    at: At,
    posted: Posted,
    now: NaiveDateTime,
    settings: &NuisanceSettings,
) -> String {
    state.flash = None;
    match page {
        Page::Channel => choose_channel(state, at, &posted.value),
        Page::Question(question) => answer_question(state, question, at, posted, now, settings),
        Page::CheckIncident => confirm_incident(state, now, settings),
        Page::Another => details::another(state, &posted.value, settings),
        Page::YourDetails => {
            details::your_details(state, posted.reporter, posted.remember, settings)
        }
        Page::Check | Page::Confirmation | Page::SilentCall => page.href(),
    }
}

pub(super) fn reject(state: &mut NuisanceJourney, page: Page, at: At, flash: PageFlash) -> String {
    state.flash = Some(PageFlash {
        page: page.slug(),
        incident: at.incident,
        ..flash
    });
    page.href_at(at)
}

fn choose_channel(state: &mut NuisanceJourney, at: At, value: &str) -> String {
    let Some(channel) = Channel::from_code(value.trim()) else {
        let errors = vec![(
            "channel".to_owned(),
            "nuisance.error.channel.required".to_owned(),
        )];
        return reject(
            state,
            Page::Channel,
            at,
            PageFlash {
                errors,
                ..PageFlash::default()
            },
        );
    };
    let same = state
        .current
        .as_ref()
        .is_some_and(|form| form.channel == channel.code());
    if same && at.change {
        return Page::CheckIncident.href();
    }
    if !same {
        state.current = Some(IncidentForm {
            channel: channel.code().to_owned(),
            ..IncidentForm::default()
        });
    }
    channel
        .questions()
        .first()
        .map(|q| Page::Question(*q).href())
        .unwrap_or_else(|| Page::CheckIncident.href())
}

/// The form an answer goes into: a saved call or message, or the one being answered.
fn target(state: &NuisanceJourney, at: At) -> Option<IncidentForm> {
    match at.incident {
        Some(index) => state.incidents.get(index).cloned(),
        None => state.current.clone(),
    }
}

fn apply(question: Question, form: &mut IncidentForm, posted: Posted) {
    match question {
        Question::SilentOrAbandoned => form.silent_or_abandoned = posted.value,
        Question::When => {
            form.day = posted.day;
            form.month = posted.month;
            form.year = posted.year;
            form.hour = posted.hour;
            form.minute = posted.minute;
        }
        Question::Sender => {
            form.sender_unknown = if yes(&posted.sender_unknown) {
                "yes"
            } else {
                ""
            }
            .to_owned();
            form.sender = if form.sender_unknown.is_empty() {
                posted.value
            } else {
                String::new()
            };
        }
        Question::ContactedOn => form.contacted_on = posted.value,
        Question::MessageText => form.message_text = posted.value,
        Question::AdvertisedNumber => form.advertised_number = posted.value,
        Question::EmailEvidence => {
            // Continuing without a new file or paste keeps the headers already given.
            if !posted.email_source.trim().is_empty() {
                form.email_source = posted.email_source;
            }
        }
        Question::Company => form.company = posted.value,
        Question::Categories => {
            form.categories = posted.values;
            form.category_other = posted.category_other;
        }
        Question::Scam => form.scam = posted.value,
        Question::Relationship => form.relationship = posted.value,
        Question::PreferenceService => form.preference_service = posted.value,
        Question::Description => form.description = posted.value,
    }
}

/// The problems of `question`'s fields in `form` (the other questions may be unanswered yet).
pub fn question_errors(
    form: &IncidentForm,
    question: Question,
    now: NaiveDateTime,
    settings: &NuisanceSettings,
) -> Vec<(String, String)> {
    match validate_incident(form, now, settings, "") {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .iter()
            .filter(|(field, _)| question_of_field(field) == Some(question))
            .map(|(field, key)| (field.to_owned(), key.to_owned()))
            .collect(),
    }
}

fn answer_question(
    state: &mut NuisanceJourney,
    question: Question,
    at: At,
    posted: Posted,
    now: NaiveDateTime,
    settings: &NuisanceSettings,
) -> String {
    let Some(mut form) = target(state, at) else {
        return Page::Channel.href();
    };
    let Some(channel) = Channel::from_code(&form.channel).filter(|c| c.asks(question)) else {
        return Page::Channel.href();
    };
    let upload_error = posted.upload_error.clone();
    let uploaded_bad = upload_error.is_some();
    let before = form.clone();
    apply(question, &mut form, posted);
    let page = Page::Question(question);
    if question == Question::SilentOrAbandoned
        && form.silent_or_abandoned == YesNoUnsure::Yes.code()
    {
        // Signposted to Ofcom: nothing of this call is kept.
        match at.incident {
            Some(index) if index < state.incidents.len() => {
                state.incidents.remove(index);
            }
            _ => state.current = None,
        }
        return Page::SilentCall.href();
    }
    let mut errors = match upload_error {
        Some(key) => vec![("email_file".to_owned(), key)],
        None => question_errors(&form, question, now, settings),
    };
    if question == Question::EmailEvidence
        && errors.is_empty()
        && form.email_source.trim().is_empty()
    {
        errors.push((
            "email_file".to_owned(),
            "nuisance.error.eml.required".to_owned(),
        ));
    }
    if !errors.is_empty() {
        let shown = if uploaded_bad { before } else { form };
        return reject(
            state,
            page,
            at,
            PageFlash {
                form: shown,
                errors,
                ..PageFlash::default()
            },
        );
    }
    match at.incident {
        Some(index) => {
            if let Some(saved) = state.incidents.get_mut(index) {
                *saved = form;
            }
            Page::Check.href()
        }
        None => {
            state.current = Some(form);
            match channel.next_question(question) {
                Some(next) if !at.change => Page::Question(next).href(),
                _ => Page::CheckIncident.href(),
            }
        }
    }
}

/// "Check this call or message" confirmed: the whole call or message checked, then saved.
fn confirm_incident(
    state: &mut NuisanceJourney,
    now: NaiveDateTime,
    settings: &NuisanceSettings,
) -> String {
    let Some(form) = state.current.clone() else {
        return if state.incidents.is_empty() {
            Page::Channel.href()
        } else {
            Page::Another.href()
        };
    };
    if let Err(errors) = validate_incident(&form, now, settings, "") {
        return back_to_problem(state, &form, None, &errors);
    }
    if state.incidents.len() >= settings.max_incidents {
        return Page::Check.href();
    }
    state.incidents.push(form);
    state.current = None;
    Page::Another.href()
}

/// Sends the person to the first question of `form` with a problem, with the problems shown.
pub fn back_to_problem(
    state: &mut NuisanceJourney,
    form: &IncidentForm,
    incident: Option<usize>,
    errors: &FieldErrors,
) -> String {
    let at = At {
        change: true,
        incident,
    };
    let channel = Channel::from_code(&form.channel);
    let question = channel.and_then(|channel| {
        channel.questions().iter().copied().find(|q| {
            errors
                .iter()
                .any(|(field, _)| question_of_field(field) == Some(*q))
        })
    });
    let Some(question) = question else {
        return Page::Channel.href();
    };
    let errors = errors
        .iter()
        .filter(|(field, _)| question_of_field(field) == Some(question))
        .map(|(field, key)| (field.to_owned(), key.to_owned()))
        .collect();
    let flash = PageFlash {
        form: form.clone(),
        errors,
        ..PageFlash::default()
    };
    reject(state, Page::Question(question), at, flash)
}
