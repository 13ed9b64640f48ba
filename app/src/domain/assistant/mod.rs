//! The public concerns assistant: which question comes next, what a valid answer is, and how the
//! answers become a [`Concern`](super::readiness::Concern) the readiness rules can assess.
//!
//! One question per page: each [`Step`] is one page. The flow is computed afresh from the answers
//! every time ([`path`]), so changing an earlier answer never leaves a stale later one in play.

mod answers;
mod concern;
mod flow;
mod foi;
#[cfg(test)]
mod foi_tests;
mod handover;
#[cfg(test)]
mod handover_tests;
mod plan;
mod remit;
mod requests;
#[cfg(test)]
mod requests_tests;
mod steps;
#[cfg(test)]
mod tests;
mod validate;

pub use answers::{Answer, Answers, RawAnswer};
pub use concern::{to_concern, Topic};
pub use flow::{document_options, next_after, path, previous_before, Progress};
pub use foi::{
    checkbox_options, information_request_details, FoiTimescales, AUTHORITY_ACTIONS,
    EIR_EXCEPTIONS, FOI_EXEMPTIONS, NOT_SURE,
};
pub use handover::{
    case_details, evidence_kinds, is_done, missing_evidence, submit_next_after, submit_path,
    submit_previous_before, submits_on_web, validate_event, Handover, MAX_EVENTS,
};
pub use plan::{plan, Letter, NextStep, Outcome};
pub use remit::{out_of_remit, OutOfRemit, RemitCount};
pub use requests::{about_us, case_kind, not_asked_fields, related_reference};
pub use steps::{AnswerKind, Step, LISTED, SECTOR_CHOICES};
pub use validate::validate_answer;
