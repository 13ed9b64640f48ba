//! Submission: what a person tells us when their concern is ready to hand in (manual §2: the
//! customer, the organisation, what happened, the evidence), its validation, and how it becomes
//! the sift input and intake of a new case.
//!
//! The web journey and `POST /api/v1/cases` build the same [`CaseDetails`] and run the same
//! [`validate_details`], so a partner service cannot hand in what the public form would refuse.
//! Pure: `today` is a parameter; errors are i18n message keys.

mod details;
mod intake;
mod receipt;
mod validate;

#[cfg(test)]
mod tests;

pub use details::InformationRequestDetails;
pub use details::{
    ActingFor, CaseDetails, ContactBy, Customer, EvidenceFile, EvidenceKind, OrganisationAnswer,
    OtherEvidence, Relationship, TimelineEvent,
};
pub use intake::{new_case, sift_input};
pub use receipt::CaseReceipt;
pub use validate::{
    clean_line, clean_text, is_email, is_phone, validate_details, Completeness, DetailLimits,
    REQUIRED_KINDS_FIELD,
};
