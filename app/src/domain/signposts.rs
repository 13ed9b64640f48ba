//! Who can help instead: the bodies the assistant signposts to, read from a data file so the
//! regulator can change a contact route without a release.

use serde::{Deserialize, Serialize};

/// One body a person can be sent to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// The signpost code (readiness-api.md), e.g. `ofcom`.
    pub code: String,
    pub name: String,
    /// What they deal with, in plain words.
    pub helps_with: String,
    /// How to reach them.
    pub website: String,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub how: Option<String>,
}

/// All the bodies, by code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signposts {
    pub contacts: Vec<Contact>,
}

impl Signposts {
    /// Parses the directory data file (JSON: `{"contacts": [...]}`).
    pub fn from_json(json: &str) -> Result<Signposts, String> {
        serde_json::from_str(json).map_err(|error| format!("signpost directory: {error}"))
    }

    pub fn find(&self, code: &str) -> Option<&Contact> {
        self.contacts.iter().find(|contact| contact.code == code)
    }
}
