//! Party records (manual §5 "Adding parties"): spotting what looks like a duplicate record, and
//! which other open cases look like the same matter ("checking for similar, ongoing cases").
//!
//! An organisation is the same record when both point at the same organisation directory entry,
//! or when their names are the same once compared as the directory compares names ("Example
//! Ltd" and "EXAMPLE LIMITED"). A person is the same record when both have the same email
//! address: two people can share a name, not an inbox. Staff still check before merging.

use serde::{Deserialize, Serialize};

use crate::domain::organisations::comparable_name;

/// A party record's status: current, or marked for deletion once merged into a main record.
pub const PARTY_CURRENT: &str = "current";
pub const PARTY_MARKED_FOR_DELETION: &str = "marked_for_deletion";

/// The roles a party can have on a case.
pub const PARTY_ROLES: &[&str] = &["customer", "representative", "organisation", "reporter"];

/// What duplicate matching reads of a party record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartyKey {
    /// `customer`, `representative`, `organisation`, `reporter`.
    pub role: String,
    pub name: String,
    pub email: Option<String>,
    /// The organisation directory's id (`la:LDS`), when known.
    pub directory_id: Option<String>,
}

impl PartyKey {
    /// Whether the record is an organisation (every other role is a person).
    pub fn is_organisation(&self) -> bool {
        self.role == "organisation"
    }
}

code_enum! {
    /// Why two party records look like the same one; words in `case.duplicate.<code>`.
    DuplicateReason {
        /// Both point at the same organisation directory entry.
        SameDirectoryRecord => "same_directory_record",
        /// Organisations with the same name.
        SameName => "same_name",
        /// People with the same email address.
        SameEmail => "same_email",
    }
}

/// An email address as compared: trimmed, lower case; `None` when blank.
pub fn comparable_email(email: Option<&str>) -> Option<String> {
    email
        .map(|email| email.trim().to_lowercase())
        .filter(|email| !email.is_empty())
}

/// Why `a` and `b` look like the same party record, if they do.
pub fn duplicate_reason(a: &PartyKey, b: &PartyKey) -> Option<DuplicateReason> {
    match (a.is_organisation(), b.is_organisation()) {
        (true, true) => {
            let directory = |key: &PartyKey| {
                key.directory_id
                    .as_deref()
                    .map(str::trim)
                    .filter(|id| !id.is_empty())
                    .map(str::to_owned)
            };
            if directory(a).is_some() && directory(a) == directory(b) {
                return Some(DuplicateReason::SameDirectoryRecord);
            }
            let name = comparable_name(&a.name);
            (!name.is_empty() && name == comparable_name(&b.name))
                .then_some(DuplicateReason::SameName)
        }
        (false, false) => {
            let email = comparable_email(a.email.as_deref());
            (email.is_some() && email == comparable_email(b.email.as_deref()))
                .then_some(DuplicateReason::SameEmail)
        }
        _ => None,
    }
}

code_enum! {
    /// Why another open case looks like the same matter; words in `case.similar.<code>`.
    SimilarReason {
        /// About the same organisation (directory entry or name).
        SameOrganisation => "same_organisation",
        /// From the same customer (email address).
        SameCustomer => "same_customer",
    }
}

/// Why a case whose parties are `theirs` looks like the same matter as one whose parties are
/// `ours`: an organisation party that is the same record, else a person with the same email.
pub fn similar_reason(ours: &[PartyKey], theirs: &[PartyKey]) -> Option<SimilarReason> {
    let pairs = || ours.iter().flat_map(|a| theirs.iter().map(move |b| (a, b)));
    if pairs().any(|(a, b)| a.is_organisation() && duplicate_reason(a, b).is_some()) {
        return Some(SimilarReason::SameOrganisation);
    }
    pairs()
        .any(|(a, b)| !a.is_organisation() && duplicate_reason(a, b).is_some())
        .then_some(SimilarReason::SameCustomer)
}
