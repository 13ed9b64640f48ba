//! Requests about the regulator itself (issue 19, manual §3, §6, §14, §15, appendix 3): a
//! complaint about our service (RCC), a request for written advice (ENQ) and a request for
//! information we hold (IRQ: FOI/EIR, or subject access to the regulator itself).
//!
//! They go through the assistant like any concern, but ask none of the data protection
//! questions (organisation, raised with them, harm): before the verdict only what tells them
//! apart, after it what they want from us and how to reach them.

use super::answers::{Answer, Answers};
use super::concern::Topic;
use super::flow::Walk;
use super::handover::{Handover, CONTACT};
use super::steps::Step;
use crate::domain::case::{reference_error_key, CaseKind, Reference};
use crate::domain::readiness::Route;
use crate::domain::submission::{CaseDetails, OrganisationAnswer};

/// The questions before the verdict for one of these topics.
pub(super) fn path(walk: &mut Walk<'_, '_>, topic: Topic) {
    match topic {
        // When it happened: the 3-month window (§14). The case it is about is asked when
        // handing the complaint in.
        Topic::ServiceComplaint => {
            walk.ask(Step::IncidentOn);
        }
        Topic::WrittenAdvice => {
            walk.ask(Step::AdviceFor);
        }
        Topic::OurInformation => {
            walk.ask(Step::InformationKind);
        }
        _ => {}
    }
}

/// A typed case reference, read forgivingly and kept in its canonical form; the message key
/// says whether it is the wrong shape or a character is probably mistyped (check character).
pub(super) fn validate_reference(typed: &str) -> Result<Answer, String> {
    match Reference::parse(typed) {
        Ok(reference) => Ok(Answer::Text(reference.as_str().to_owned())),
        Err(error) => Err(reference_error_key(&error).replacen(
            "case.reference.error",
            "error.original-reference",
            1,
        )),
    }
}

/// Whether a route is one of ours (the regulator answers it itself, no organisation involved).
pub fn about_us(route: Route) -> bool {
    matches!(route, Route::ServiceComplaint | Route::Advice)
}

/// The questions after the verdict for a request about us; `None` for other concerns.
pub(super) fn submit_steps(handover: &Handover) -> Option<Vec<Step>> {
    let mut wanted = match handover.route {
        // The case it is about (if any: linked to it), what went wrong, what they want.
        Route::ServiceComplaint => vec![Step::OriginalReference, Step::Summary, Step::Wanted],
        // The advice wanted, or the information asked for.
        Route::Advice => vec![Step::Summary],
        _ => return None,
    };
    if handover.late {
        wanted.push(Step::LateReason);
    }
    wanted.extend(CONTACT);
    Some(wanted)
}

/// The details of a request about us keep only what was asked: no organisation, harm,
/// timeline or evidence (answers left from another topic are not read).
pub(super) fn only_asked(mut details: CaseDetails, handover: &Handover) -> CaseDetails {
    if !about_us(handover.route) {
        return details;
    }
    details.organisation = OrganisationAnswer {
        id: None,
        name: String::new(),
        sector: None,
    };
    details.acting_for = None;
    details.harm = String::new();
    details.timeline = Vec::new();
    details.evidence = Vec::new();
    if handover.route != Route::ServiceComplaint {
        details.wanted = None;
    }
    details
}

/// The fields of the submission checks a request about us never asks for (their errors do not
/// apply to it).
pub fn not_asked_fields(route: Route) -> &'static [&'static str] {
    if about_us(route) {
        &["organisation.name", "harm"]
    } else {
        &[]
    }
}

/// The case type the answers make when the readiness contract has none for it: IRQ for a
/// request for information we hold (the contract's routes end at ENQ).
pub fn case_kind(answers: &Answers) -> Option<CaseKind> {
    (Topic::of(answers) == Some(Topic::OurInformation)).then_some(CaseKind::Irq)
}

/// The reference of the case a service complaint is about, when one was given.
pub fn related_reference(answers: &Answers) -> Option<String> {
    if Topic::of(answers) != Some(Topic::ServiceComplaint) {
        return None;
    }
    answers.text(Step::OriginalReference).map(str::to_owned)
}
