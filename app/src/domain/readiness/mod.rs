//! Readiness: can a person's concern be handed to the casework backend now?
//!
//! The rules of readiness-api.md as pure functions: [`decode_request`] turns the request JSON into
//! a [`Concern`] (collecting [`FieldErrors`]), [`validate`] checks its dates, and [`assess`] applies
//! the rules and returns the [`Assessment`] the API serializes. Every number is a
//! [`ReadinessSettings`] value.

mod codes;
mod decode;
mod documents;
mod errors;
mod rules;
mod settings;
mod signposts;
mod types;
mod validate;

#[cfg(test)]
mod tests;

pub use codes::{CaseType, Channel, DocumentKind, Reason, Route, Signpost, Verdict};
pub use decode::{decode_request, parse_date};
pub use documents::{missing_documents, required_documents};
pub use errors::{AssessError, FieldErrors};
pub use rules::assess;
pub use settings::ReadinessSettings;
pub use signposts::{is_eea_country, is_uk_country, is_uk_premium_rate_number, EEA_COUNTRIES};
pub use types::{Assessment, Concern, Organisation};
pub use validate::validate;
