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
    /// The same words in Welsh (each optional: a name that is the same in Welsh is left out),
    /// shown on the Welsh pages ([`Contact::in_language`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_cy: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helps_with_cy: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub how_cy: Option<String>,
}

impl Contact {
    /// The contact in `lang`: in Welsh, each word given in Welsh replaces its English.
    pub fn in_language(mut self, lang: crate::i18n::Lang) -> Contact {
        if lang == crate::i18n::Lang::Cy {
            if let Some(name) = self.name_cy.take() {
                self.name = name;
            }
            if let Some(helps_with) = self.helps_with_cy.take() {
                self.helps_with = helps_with;
            }
            if let Some(how) = self.how_cy.take() {
                self.how = Some(how);
            }
        }
        self
    }
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

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used, clippy::unwrap_used)]
    use super::*;
    use crate::i18n::Lang;

    /// Every body in the built-in directory is described in Welsh too, and the Welsh is used
    /// only on the Welsh pages.
    #[test]
    fn the_directory_speaks_welsh_on_the_welsh_pages() {
        let directory = Signposts::from_json(include_str!("../../data/signposts.json")).unwrap();
        for contact in &directory.contacts {
            assert!(contact.helps_with_cy.is_some(), "{}", contact.code);
            assert_eq!(
                contact.how.is_some(),
                contact.how_cy.is_some(),
                "{}",
                contact.code
            );
            let welsh = contact.clone().in_language(Lang::Cy);
            assert_ne!(welsh.helps_with, contact.helps_with, "{}", contact.code);
            assert_eq!(welsh.website, contact.website);
            let english = contact.clone().in_language(Lang::En);
            assert_eq!(english.name, contact.name);
            assert_eq!(english.helps_with, contact.helps_with);
        }
    }
}
