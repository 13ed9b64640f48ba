//! Handing a ready (or late) concern in: the questions after the verdict, in order, and the
//! [`CaseDetails`] their answers make.

use serde::{Deserialize, Serialize};

use super::answers::{Answers, RawAnswer};
use super::concern::Topic;
use super::flow::Progress;
use super::steps::Step;
use crate::domain::case::Sector;
use crate::domain::readiness::{DocumentKind, Route};
use crate::domain::submission::{
    clean_text, ActingFor, CaseDetails, ContactBy, Customer, EvidenceKind, OrganisationAnswer,
    Relationship, TimelineEvent,
};

/// What the questions after the verdict depend on, worked out from the verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Handover {
    pub route: Route,
    /// The verdict was `late`: ask why they waited.
    pub late: bool,
    /// The documents the route needs, one upload each at least.
    pub required: Vec<DocumentKind>,
}

/// The questions after the verdict, up to and including the first one not done yet.
pub fn submit_path(answers: &Answers, handover: &Handover) -> Vec<Step> {
    // Requests about the regulator itself ask fewer questions (no organisation, no harm).
    if let Some(wanted) = super::requests::submit_steps(handover) {
        return up_to_open(answers, handover, wanted);
    }
    let mut wanted = vec![Step::ActingFor];
    if answers.choice(Step::ActingFor) == Some("someone_else") {
        wanted.extend([Step::TheirName, Step::Relationship]);
    }
    if handover.route == Route::CctvHousehold {
        wanted.push(Step::Organisation);
    } else {
        wanted.push(Step::OrganisationMatch);
        if answers.choice(Step::OrganisationMatch) == Some("none") {
            wanted.push(Step::Sector);
        }
    }
    if super::foi::is_route(handover.route) {
        // FOI/EIR: the request complained about first, and no harm (it does not apply).
        wanted.extend(super::foi::request_steps(answers));
        wanted.extend([Step::Summary, Step::Timeline, Step::Wanted]);
    } else {
        wanted.extend([Step::Summary, Step::Timeline, Step::Harm, Step::Wanted]);
    }
    if handover.late {
        wanted.push(Step::LateReason);
    }
    wanted.push(Step::Evidence);
    wanted.extend(CONTACT);
    up_to_open(answers, handover, wanted)
}

/// How to reach the person: the end of every handing-in.
pub(super) const CONTACT: [Step; 7] = [
    Step::YourName,
    Step::Email,
    Step::Phone,
    Step::Address,
    Step::ContactBy,
    Step::Adjustments,
    Step::ReplyInWelsh,
];

/// `wanted` up to and including the first question not done yet.
pub(super) fn up_to_open(answers: &Answers, handover: &Handover, wanted: Vec<Step>) -> Vec<Step> {
    let mut steps = Vec::new();
    for step in wanted {
        steps.push(step);
        if !is_done(answers, handover, step) {
            break;
        }
    }
    steps
}

/// Whether `step` is answered well enough to move on: a timeline has an event, and the
/// evidence covers every kind the concern needs.
pub fn is_done(answers: &Answers, handover: &Handover, step: Step) -> bool {
    match step {
        Step::Timeline => !answers.events(Step::Timeline).is_empty(),
        Step::Evidence => {
            answers.has(Step::Evidence) && missing_evidence(answers, handover).is_empty()
        }
        _ => answers.has(step),
    }
}

/// The kinds of evidence asked for: the route's documents, consent when acting for someone
/// else, and "other".
pub fn evidence_kinds(answers: &Answers, handover: &Handover) -> Vec<EvidenceKind> {
    let mut kinds: Vec<EvidenceKind> = handover
        .required
        .iter()
        .map(|kind| EvidenceKind::Required(*kind))
        .collect();
    if answers.choice(Step::ActingFor) == Some("someone_else") {
        kinds.push(EvidenceKind::CONSENT);
    }
    kinds.push(EvidenceKind::OTHER);
    kinds
}

/// The kinds that must have a file and have none yet.
pub fn missing_evidence(answers: &Answers, handover: &Handover) -> Vec<EvidenceKind> {
    let files = answers.files(Step::Evidence);
    evidence_kinds(answers, handover)
        .into_iter()
        .filter(|kind| *kind != EvidenceKind::OTHER)
        .filter(|kind| !files.iter().any(|file| file.kind == *kind))
        .collect()
}

/// How many events a timeline can have.
pub const MAX_EVENTS: usize = 20;
/// How long one event's description can be.
pub const MAX_EVENT_CHARS: usize = 500;

/// Validates one timeline event (`value` is what happened), the timeline having `count` so far.
pub fn validate_event(
    raw: &RawAnswer,
    count: usize,
    today: chrono::NaiveDate,
) -> Result<TimelineEvent, String> {
    if count >= MAX_EVENTS {
        return Err("error.timeline.too_many".to_owned());
    }
    let on = super::validate::required_date(raw, today, "error.event-on.required")?;
    let what = clean_text(raw.value.as_deref().unwrap_or_default());
    if what.is_empty() {
        return Err("error.event.required".to_owned());
    }
    if what.chars().count() > MAX_EVENT_CHARS {
        return Err("error.event.too_long".to_owned());
    }
    Ok(TimelineEvent { on, what })
}

/// Where to go after `step`: the first question not done, or check your answers.
pub fn submit_next_after(
    answers: &Answers,
    handover: &Handover,
    step: Step,
    changing: bool,
) -> Progress {
    let steps = submit_path(answers, handover);
    let position = |s: Step| steps.iter().position(|x| *x == s);
    if let Some(open) = steps.iter().find(|s| !is_done(answers, handover, **s)) {
        if changing || position(*open) > position(step) {
            return Progress::Ask(*open);
        }
    }
    if changing {
        return Progress::Complete;
    }
    match position(step) {
        Some(index) if index + 1 < steps.len() => Progress::Ask(steps[index + 1]),
        _ => Progress::Complete,
    }
}

/// The question before `step`, for the back link (`None`: back to the verdict page).
pub fn submit_previous_before(answers: &Answers, handover: &Handover, step: Step) -> Option<Step> {
    let steps = submit_path(answers, handover);
    let index = steps.iter().position(|s| *s == step)?;
    index.checked_sub(1).map(|i| steps[i])
}

/// The details the answers give, with the organisation's record found by `lookup` (its name
/// and sector) when the person picked one from the directory.
pub fn case_details(
    answers: &Answers,
    handover: &Handover,
    lookup: impl Fn(&str) -> Option<(String, Option<Sector>)>,
) -> CaseDetails {
    let text = |step: Step| answers.text(step).map(str::to_owned);
    let organisation = match answers.choice(Step::OrganisationMatch) {
        Some(id) if id != "none" => match lookup(id) {
            Some((name, sector)) => OrganisationAnswer {
                id: Some(id.to_owned()),
                name,
                sector,
            },
            None => typed_organisation(answers),
        },
        _ => typed_organisation(answers),
    };
    let acting_for = (answers.choice(Step::ActingFor) == Some("someone_else")).then(|| ActingFor {
        name: text(Step::TheirName).unwrap_or_default(),
        relationship: answers
            .choice(Step::Relationship)
            .and_then(Relationship::from_code)
            .unwrap_or(Relationship::Other),
    });
    let details = CaseDetails {
        customer: Customer {
            name: text(Step::YourName).unwrap_or_default(),
            email: text(Step::Email).unwrap_or_default(),
            phone: text(Step::Phone),
            address: text(Step::Address),
            contact_by: answers
                .choice(Step::ContactBy)
                .and_then(ContactBy::from_code),
            adjustments: text(Step::Adjustments),
            reply_in_welsh: answers.yes(Step::ReplyInWelsh),
        },
        acting_for,
        organisation,
        summary: text(Step::Summary).unwrap_or_default(),
        timeline: answers.events(Step::Timeline).to_vec(),
        harm: text(Step::Harm).unwrap_or_default(),
        wanted: text(Step::Wanted),
        late_reason: if handover.late {
            text(Step::LateReason)
        } else {
            None
        },
        evidence: answers.files(Step::Evidence).to_vec(),
        information_request: super::foi::details_for(answers, handover.route),
    };
    super::requests::only_asked(details, handover)
}

fn typed_organisation(answers: &Answers) -> OrganisationAnswer {
    OrganisationAnswer {
        id: None,
        name: answers
            .text(Step::Organisation)
            .unwrap_or_default()
            .to_owned(),
        sector: answers.choice(Step::Sector).and_then(Sector::from_code),
    }
}

/// Whether this topic's concerns can be handed in on the web (marketing goes to the nuisance
/// tool).
pub fn submits_on_web(topic: Topic) -> bool {
    !matches!(topic, Topic::Marketing)
}

impl super::plan::Outcome {
    /// What handing this concern in asks, when the verdict lets it be handed in on the web.
    pub fn handover(&self) -> Option<Handover> {
        use crate::domain::readiness::Verdict;
        let topic = Topic::from_code(&self.topic)?;
        let late = match self.assessment.verdict {
            Verdict::Ready => false,
            Verdict::Late => true,
            _ => return None,
        };
        submits_on_web(topic).then(|| Handover {
            route: self.concern.route,
            late,
            required: self.assessment.required_documents.clone(),
        })
    }
}
