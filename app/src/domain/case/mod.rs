//! Casework rules for the casework backend: case types, case references, routing to work queues,
//! service levels and the sift (policy.md §1 to §4, manual §3 and §4).
//!
//! Everything here is pure: no I/O and no clock. Today's date, the creation date and random bytes
//! are parameters, and every number is a setting with the policy default.

mod alphabet;
mod correspondence;
mod events;
mod follow_on;
mod intake;
mod kind;
mod matcher;
mod outcome;
mod parties;
mod record;
mod reference;
mod reopen;
mod routing;
mod sector;
mod service_levels;
mod sift;
mod sift_phrases;
mod state;
mod suggest;

#[cfg(test)]
mod tests;

pub use alphabet::ALPHABET;
pub use correspondence::{
    cut, delayed_subject_access, read_reference, reference_error_key, reference_in_subject,
    reference_lines, reference_tag, sign_off, subject_with_reference, EmailTemplate,
    SubjectReference, MAX_SUBJECT_CHARS,
};
pub use events::CaseEventKind;
pub use follow_on::{follow_on_for, plan_follow_on};
pub use intake::{
    plan_intake, IntakeChannel, IntakePlan, NewCase, WorkItem, PREPARE, PROGRESS, PROVIDE_ADVICE,
};
pub use kind::CaseKind;
pub use outcome::{
    closure_problems, natures_for, outcomes_for, Closure, ClosureProblem, Nature, Outcome,
};
pub use parties::{
    comparable_email, duplicate_reason, similar_reason, DuplicateReason, PartyKey, SimilarReason,
    PARTY_CURRENT, PARTY_MARKED_FOR_DELETION, PARTY_ROLES,
};
pub use record::CaseRecord;
pub use reference::{Reference, ReferenceError};
pub use reopen::{
    expected_type_change, reopen_problems, type_change_options, type_change_problem, ReopenProblem,
    TypeChangeProblem,
};
pub use routing::{route, WorkQueue, COM_QUEUE, LAST_NUMBERED_QUEUE};
pub use sector::Sector;
pub use service_levels::{
    initial_priority, service_levels, sla_state, CaseSettings, Priority, ServiceLevels, SlaState,
};
pub use sift::{sift, SiftFlag, SiftFlagKind, SiftInput, SiftText};
pub use sift_phrases::{
    CHILD_ABUSE_INQUIRY_PHRASES, CRIMINAL_BREACH_PHRASES, WELSH_FUNCTION_WORDS,
    WELSH_MIN_DISTINCT_WORDS, WELSH_MIN_SHARE_PERCENT,
};
pub use state::{stage, CaseStatus, NoFurtherContact, Stage};
pub use suggest::likely_intended;
