//! Turning the answers on the current path into a [`Concern`] for the readiness rules.

use super::answers::{Answer, Answers};
use super::flow::path;
use super::steps::Step;
use crate::domain::readiness::{Channel, Concern, DocumentKind, Route};

/// The first question's answer: what the concern is about. Subject access is a data protection
/// concern with its own wording and clock; a scam is a marketing message for Action Fraud.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    SubjectAccess,
    DataProtection,
    CctvHousehold,
    CreditFile,
    Foi,
    Eir,
    Marketing,
    ServiceComplaint,
    /// A request for written advice (ENQ).
    WrittenAdvice,
    /// A request for information the regulator holds (IRQ): FOI/EIR or subject access.
    OurInformation,
}

impl Topic {
    pub fn from_code(code: &str) -> Option<Topic> {
        Some(match code {
            "subject_access" => Topic::SubjectAccess,
            "data_protection" => Topic::DataProtection,
            "cctv_household" => Topic::CctvHousehold,
            "credit_file" => Topic::CreditFile,
            "foi" => Topic::Foi,
            "eir" => Topic::Eir,
            "marketing" => Topic::Marketing,
            "service_complaint" => Topic::ServiceComplaint,
            "written_advice" => Topic::WrittenAdvice,
            "our_information" => Topic::OurInformation,
            _ => return None,
        })
    }

    pub fn code(self) -> &'static str {
        match self {
            Topic::SubjectAccess => "subject_access",
            Topic::DataProtection => "data_protection",
            Topic::CctvHousehold => "cctv_household",
            Topic::CreditFile => "credit_file",
            Topic::Foi => "foi",
            Topic::Eir => "eir",
            Topic::Marketing => "marketing",
            Topic::ServiceComplaint => "service_complaint",
            Topic::WrittenAdvice => "written_advice",
            Topic::OurInformation => "our_information",
        }
    }

    pub fn of(answers: &Answers) -> Option<Topic> {
        answers.choice(Step::About).and_then(Topic::from_code)
    }

    pub fn route(self) -> Route {
        match self {
            Topic::SubjectAccess | Topic::DataProtection => Route::DataProtection,
            Topic::CctvHousehold => Route::CctvHousehold,
            Topic::CreditFile => Route::CreditFile,
            Topic::Foi => Route::Foi,
            Topic::Eir => Route::Eir,
            Topic::Marketing => Route::Marketing,
            Topic::ServiceComplaint => Route::ServiceComplaint,
            // The readiness contract has no IRQ route: both are answered by us, with no rules
            // to wait for; intake makes the IRQ case ([`super::requests::case_kind`]).
            Topic::WrittenAdvice | Topic::OurInformation => Route::Advice,
        }
    }
}

fn yes_no_unsure(answers: &Answers, step: Step) -> Option<bool> {
    match answers.choice(step) {
        Some("yes") => Some(true),
        Some("no") => Some(false),
        _ => None,
    }
}

/// The concern the answers on the current path describe; `None` before the first question.
pub fn to_concern(answers: &Answers) -> Option<Concern> {
    build(answers, &path(answers))
}

/// The concern the answers to `on_path` describe (answers to other steps are ignored).
pub(crate) fn build(answers: &Answers, on_path: &[Step]) -> Option<Concern> {
    let topic = Topic::of(answers)?;
    let asked = |step: Step| on_path.contains(&step) && answers.has(step);
    let date = |step: Step| {
        if asked(step) {
            answers.date(step)
        } else {
            None
        }
    };

    let mut concern = Concern::new(topic.route());
    concern.subject_access = topic == Topic::SubjectAccess;
    if asked(Step::Organisation) {
        concern.organisation.name = answers.text(Step::Organisation).map(str::to_owned);
    }
    if asked(Step::OrganisationCountry) {
        concern.organisation.country = match answers.choice(Step::OrganisationCountry) {
            Some("eea") => answers.choice(Step::EeaCountry).unwrap_or("EU").to_owned(),
            Some("elsewhere") => "ZZ".to_owned(),
            _ => "GB".to_owned(),
        };
    }
    if asked(Step::ProcessedInUk) {
        concern.data_processed_in_uk = yes_no_unsure(answers, Step::ProcessedInUk);
    }
    if asked(Step::PublicAuthority) {
        concern.organisation.public_authority = yes_no_unsure(answers, Step::PublicAuthority);
    } else if asked(Step::Organisation) && answers.listed_public_authority() {
        concern.organisation.public_authority = Some(true);
    }
    if asked(Step::ScottishAuthority) {
        concern.organisation.scottish_public_authority = answers.yes(Step::ScottishAuthority);
    }
    if asked(Step::Exceptions) {
        concern.whistleblower = answers.choice(Step::Exceptions) == Some("whistleblower");
        concern.serious_or_many_affected = answers.choice(Step::Exceptions) == Some("serious");
    }
    concern.raised_on = date(Step::RaisedOn);
    concern.response_on = date(Step::ResponseOn);
    concern.internal_review_requested_on = date(Step::ReviewOn);
    // A refusal to carry out the review is the review's outcome (FOI/EIR in depth).
    concern.internal_review_outcome_on =
        date(Step::ReviewOutcomeOn).or_else(|| date(Step::ReviewRefusedOn));
    concern.last_contact_on = date(Step::LastContact);
    concern.incident_on = date(Step::IncidentOn);
    if asked(Step::ConsentNamed) {
        concern.consent_to_be_named = yes_no_unsure(answers, Step::ConsentNamed);
    }
    if asked(Step::Channel) {
        concern.channel = answers.choice(Step::Channel).and_then(Channel::from_code);
    }
    if asked(Step::AdvertisedNumber) {
        concern.advertised_number = answers.text(Step::AdvertisedNumber).map(str::to_owned);
    }
    if asked(Step::Documents) {
        if let Some(Answer::Many(codes)) = answers.get(Step::Documents) {
            concern.documents = Some(
                codes
                    .iter()
                    .filter_map(|code| DocumentKind::from_code(code))
                    .collect(),
            );
        }
    }
    Some(concern)
}

/// Whether the person said the marketing message was a scam (signposted to Action Fraud).
pub(crate) fn is_scam(answers: &Answers) -> bool {
    Topic::of(answers) == Some(Topic::Marketing) && answers.choice(Step::Channel) == Some("scam")
}
