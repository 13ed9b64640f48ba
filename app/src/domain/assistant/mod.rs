//! The public concerns assistant: which question comes next, what a valid answer is, and how the
//! answers become a [`Concern`](super::readiness::Concern) the readiness rules can assess.
//!
//! One question per page: each [`Step`] is one page. The flow is computed afresh from the answers
//! every time ([`path`]), so changing an earlier answer never leaves a stale later one in play.

mod answers;
mod concern;
mod flow;
mod plan;
mod steps;
#[cfg(test)]
mod tests;

pub use answers::{Answer, Answers, RawAnswer};
pub use concern::{to_concern, Topic};
pub use flow::{document_options, next_after, path, previous_before, Progress};
pub use plan::{plan, Letter, NextStep, Outcome};
pub use steps::{validate_answer, AnswerKind, Step};
