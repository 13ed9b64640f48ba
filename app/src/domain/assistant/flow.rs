//! Which questions are asked, in which order, for the answers given so far.

use super::answers::Answers;
use super::concern::Topic;
use super::steps::Step;
use crate::domain::readiness::{required_documents, DocumentKind};

/// Where a person is in the assistant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    /// This question is the next one to answer.
    Ask(Step),
    /// Every question on the path is answered: check your answers.
    Complete,
}

/// The questions on the path the answers lead down, in order. The path stops at the first
/// unanswered question (which is included), or where an answer already settles the outcome.
pub fn path(answers: &Answers) -> Vec<Step> {
    let mut steps = vec![Step::About];
    let Some(topic) = Topic::of(answers) else {
        return steps;
    };
    let mut walk = Walk {
        answers,
        steps: &mut steps,
    };
    match topic {
        Topic::Marketing => {
            if walk.ask(Step::Channel) && answers.choice(Step::Channel) == Some("automated_call") {
                walk.ask(Step::AdvertisedNumber);
            }
        }
        Topic::ServiceComplaint | Topic::WrittenAdvice | Topic::OurInformation => {
            super::requests::path(&mut walk, topic);
        }
        Topic::CctvHousehold => {
            walk.ask(Step::ConsentNamed);
        }
        Topic::SubjectAccess | Topic::DataProtection => data_protection(&mut walk, topic),
        Topic::CreditFile => {
            if walk.ask(Step::Organisation) && walk.ask(Step::Raised) && answers.yes(Step::Raised) {
                responses(&mut walk);
                walk.documents();
            }
        }
        Topic::Foi | Topic::Eir => information_request(&mut walk),
    }
    steps
}

fn data_protection(walk: &mut Walk<'_, '_>, topic: Topic) {
    let answers = walk.answers;
    if !walk.ask(Step::Organisation) || !walk.ask(Step::OrganisationCountry) {
        return;
    }
    match answers.choice(Step::OrganisationCountry) {
        Some("elsewhere") => return,
        Some("eea") => {
            if !walk.ask(Step::EeaCountry) || !walk.ask(Step::ProcessedInUk) {
                return;
            }
            if !answers.yes(Step::ProcessedInUk) {
                return;
            }
        }
        _ => {}
    }
    if !walk.ask(Step::Raised) {
        return;
    }
    if answers.yes(Step::Raised) {
        responses(walk);
        walk.documents();
    } else if topic == Topic::DataProtection {
        walk.ask(Step::Exceptions);
    }
}

fn information_request(walk: &mut Walk<'_, '_>) {
    let answers = walk.answers;
    // An organisation the directory lists as a public authority is not asked about.
    if !walk.ask(Step::Organisation)
        || (!answers.listed_public_authority() && !walk.ask(Step::PublicAuthority))
    {
        return;
    }
    if answers.choice(Step::PublicAuthority) == Some("no") || !walk.ask(Step::ScottishAuthority) {
        return;
    }
    if answers.yes(Step::ScottishAuthority) || !walk.ask(Step::Raised) || !answers.yes(Step::Raised)
    {
        return;
    }
    if !walk.ask(Step::RaisedOn) || !walk.ask(Step::Responded) {
        return;
    }
    if answers.yes(Step::Responded) {
        if !walk.ask(Step::ResponseOn) || !walk.ask(Step::Review) {
            return;
        }
        if answers.yes(Step::Review) {
            if !walk.ask(Step::ReviewOn) || !walk.ask(Step::ReviewAnswered) {
                return;
            }
            // A refusal to review ends the review as surely as a result does.
            let ended_on = match answers.choice(Step::ReviewAnswered) {
                Some("yes") => Some(Step::ReviewOutcomeOn),
                Some(super::foi::REFUSED) => Some(Step::ReviewRefusedOn),
                _ => None,
            };
            if ended_on.is_some_and(|step| !walk.ask(step)) {
                return;
            }
        } else if answers.choice(Step::Review) != Some(super::foi::NO_PROCEDURE) {
            // No review asked for; with no procedure to ask, the complaint goes on without one.
            return;
        }
    }
    if walk.ask(Step::LastContact) {
        walk.documents();
    }
}

/// Raised on, responded, response on, last contact.
fn responses(walk: &mut Walk<'_, '_>) {
    let answers = walk.answers;
    if !walk.ask(Step::RaisedOn) || !walk.ask(Step::Responded) {
        return;
    }
    if answers.yes(Step::Responded) && !walk.ask(Step::ResponseOn) {
        return;
    }
    walk.ask(Step::LastContact);
}

pub(super) struct Walk<'a, 'b> {
    answers: &'a Answers,
    steps: &'b mut Vec<Step>,
}

impl Walk<'_, '_> {
    /// Adds `step` unless the path already stopped; true when it is answered.
    pub(super) fn ask(&mut self, step: Step) -> bool {
        if self.stopped() {
            return false;
        }
        self.steps.push(step);
        self.answers.has(step)
    }

    fn stopped(&self) -> bool {
        self.steps
            .last()
            .is_some_and(|last| !self.answers.has(*last))
    }

    /// The documents question, when the answers so far call for any documents.
    fn documents(&mut self) {
        if self.stopped() {
            return;
        }
        let so_far = super::concern::build(self.answers, self.steps);
        if so_far.is_some_and(|concern| !required_documents(&concern).is_empty()) {
            self.ask(Step::Documents);
        }
    }
}

/// The documents the person is asked whether they have, for the answers so far.
pub fn document_options(answers: &Answers) -> Vec<DocumentKind> {
    let steps: Vec<Step> = path(answers)
        .into_iter()
        .filter(|step| *step != Step::Documents)
        .collect();
    super::concern::build(answers, &steps)
        .map(|concern| required_documents(&concern))
        .unwrap_or_default()
}

/// Where to go after answering `step`: the next question on the path, or check your answers.
/// When changing an answer from the check page, go to the first unanswered question, if any.
pub fn next_after(answers: &Answers, step: Step, changing: bool) -> Progress {
    let steps = path(answers);
    if let Some(open) = steps.iter().find(|s| !answers.has(**s)) {
        if changing || steps.iter().position(|s| s == open) > steps.iter().position(|s| *s == step)
        {
            return Progress::Ask(*open);
        }
    }
    if changing {
        return Progress::Complete;
    }
    match steps.iter().position(|s| *s == step) {
        Some(index) if index + 1 < steps.len() => Progress::Ask(steps[index + 1]),
        _ => Progress::Complete,
    }
}

/// The question before `step` on the path, for the back link (`None`: back to the start page).
pub fn previous_before(answers: &Answers, step: Step) -> Option<Step> {
    let steps = path(answers);
    let index = steps.iter().position(|s| *s == step)?;
    index.checked_sub(1).map(|i| steps[i])
}
