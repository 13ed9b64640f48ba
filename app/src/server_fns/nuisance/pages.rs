//! The journey's pages and their addresses, and which page each field is asked on.

use crate::domain::nuisance::Question;

/// The start page's address; every other page is under it.
pub const BASE: &str = "/report-nuisance";

/// One page of the reporting journey.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// How did they contact you?
    Channel,
    /// One of the channel's questions.
    Question(Question),
    /// Check this call or message.
    CheckIncident,
    /// Do you want to report another call or message?
    Another,
    YourDetails,
    /// Check your answers (the whole report).
    Check,
    Confirmation,
    /// A silent or abandoned call: Ofcom, nothing recorded.
    SilentCall,
}

const FIXED: &[(Page, &str)] = &[
    (Page::Channel, "channel"),
    (Page::CheckIncident, "check-incident"),
    (Page::Another, "another"),
    (Page::YourDetails, "your-details"),
    (Page::Check, "check"),
    (Page::Confirmation, "confirmation"),
    (Page::SilentCall, "silent-call"),
];

impl Page {
    pub fn slug(self) -> String {
        match self {
            Page::Question(question) => question.code().replace('_', "-"),
            page => FIXED
                .iter()
                .find(|(p, _)| *p == page)
                .map(|(_, slug)| (*slug).to_owned())
                .unwrap_or_default(),
        }
    }

    pub fn from_slug(slug: &str) -> Option<Page> {
        FIXED
            .iter()
            .find(|(_, s)| *s == slug)
            .map(|(page, _)| *page)
            .or_else(|| Question::from_code(&slug.replace('-', "_")).map(Page::Question))
    }

    /// The page's address.
    pub fn href(self) -> String {
        format!("{BASE}/{}", self.slug())
    }

    /// The address, changing an answer from a check page (`incident`: a saved call or message).
    pub fn href_at(self, at: At) -> String {
        let mut query = Vec::new();
        if at.change {
            query.push("change=true".to_owned());
        }
        if let Some(index) = at.incident {
            query.push(format!("incident={index}"));
        }
        if query.is_empty() {
            self.href()
        } else {
            format!("{}?{}", self.href(), query.join("&"))
        }
    }
}

/// Where an answer is going: a change from a check page, and which saved call or message.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct At {
    pub change: bool,
    pub incident: Option<usize>,
}

/// The question a field of [`IncidentForm`](crate::domain::nuisance::IncidentForm) is asked on
/// (`when.day` is the date's; `email_file` is the upload on the email page).
pub fn question_of_field(field: &str) -> Option<Question> {
    let name = field.split('.').next().unwrap_or_default();
    Some(match name {
        "silent_or_abandoned" => Question::SilentOrAbandoned,
        "when" => Question::When,
        "sender" | "sender_unknown" => Question::Sender,
        "contacted_on" => Question::ContactedOn,
        "message_text" => Question::MessageText,
        "advertised_number" => Question::AdvertisedNumber,
        "email_source" | "email_file" | "email_evidence" => Question::EmailEvidence,
        "company" => Question::Company,
        "categories" | "category_other" => Question::Categories,
        "scam" => Question::Scam,
        "relationship" => Question::Relationship,
        "preference_service" => Question::PreferenceService,
        "description" => Question::Description,
        _ => return None,
    })
}

/// The id of the element an error on `field` links to (a date's first box in error).
pub fn field_id(field: &str) -> String {
    match field {
        "when" | "when.day" => "when-day".to_owned(),
        "when.month" => "when-month".to_owned(),
        "when.year" => "when-year".to_owned(),
        "when.hour" => "when-hour".to_owned(),
        "when.minute" => "when-minute".to_owned(),
        other => other.replace('.', "-"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::nuisance::Channel;

    #[test]
    fn every_page_has_an_address_that_leads_back_to_it() {
        let mut pages: Vec<Page> = FIXED.iter().map(|(page, _)| *page).collect();
        pages.extend(Question::all().iter().map(|q| Page::Question(*q)));
        for page in pages {
            assert_eq!(Page::from_slug(&page.slug()), Some(page));
        }
        assert_eq!(Page::from_slug("nothing"), None);
    }

    #[test]
    fn every_question_has_its_fields() {
        for channel in Channel::all() {
            for question in channel.questions() {
                assert_eq!(question_of_field(question.code()), Some(*question));
            }
        }
        assert_eq!(question_of_field("when.day"), Some(Question::When));
        assert_eq!(field_id("when"), "when-day");
        assert_eq!(
            Page::Question(Question::When).href_at(At {
                change: true,
                incident: Some(1)
            }),
            "/report-nuisance/when?change=true&incident=1"
        );
    }
}
