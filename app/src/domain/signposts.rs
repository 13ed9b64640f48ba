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
    /// Where to complain to them online, when that is not their home page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub complaint_form: Option<String>,
    /// Where these contact details come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
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

/// One EEA country's data protection authority (the data file's `eea_authorities`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Authority {
    /// ISO 3166-1 alpha-2, upper case.
    pub country: String,
    /// Its own name, with the English in brackets where they differ.
    pub name: String,
    pub website: String,
    #[serde(default)]
    pub complaint_form: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    /// Where the details come from (a record a person can check).
    pub source: String,
    /// Anything a person must know before they go there, in English and Welsh.
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub note_cy: Option<String>,
}

/// All the bodies, by code, and each EEA country's data protection authority.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signposts {
    pub contacts: Vec<Contact>,
    #[serde(default)]
    pub eea_authorities: Vec<Authority>,
}

impl Signposts {
    /// Parses the directory data file (JSON: `{"contacts": [...]}`).
    pub fn from_json(json: &str) -> Result<Signposts, String> {
        serde_json::from_str(json).map_err(|error| format!("signpost directory: {error}"))
    }

    pub fn find(&self, code: &str) -> Option<&Contact> {
        self.contacts.iter().find(|contact| contact.code == code)
    }

    /// The data protection authority of `country` (alpha-2, any case) as a contact: its own
    /// name, web address, complaint form and source, with what it helps with taken from the
    /// directory's general EEA entry. `None` when the directory has no authority for it.
    pub fn eea_authority(&self, country: &str) -> Option<Contact> {
        let country = country.trim().to_ascii_uppercase();
        let authority = self
            .eea_authorities
            .iter()
            .find(|authority| authority.country == country)?;
        let general = self.find(EEA_AUTHORITY_CODE);
        Some(Contact {
            code: EEA_AUTHORITY_CODE.to_owned(),
            name: authority.name.clone(),
            helps_with: general
                .map(|general| general.helps_with.clone())
                .unwrap_or_default(),
            website: authority.website.clone(),
            phone: authority.phone.clone(),
            how: authority.note.clone(),
            name_cy: None,
            helps_with_cy: general.and_then(|general| general.helps_with_cy.clone()),
            how_cy: authority.note_cy.clone(),
            complaint_form: authority.complaint_form.clone(),
            source: Some(authority.source.clone()),
        })
    }
}

/// The signpost code of an EEA country's data protection authority.
pub const EEA_AUTHORITY_CODE: &str = "eea_data_protection_authority";

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

    fn built_in() -> Signposts {
        Signposts::from_json(include_str!("../../data/signposts.json")).unwrap()
    }

    /// Every EEA country has its own authority, with a web address and a source to check.
    #[test]
    fn every_eea_country_has_its_authority_with_a_source() {
        let directory = built_in();
        for country in crate::domain::readiness::EEA_COUNTRIES {
            let contact = directory
                .eea_authority(country)
                .unwrap_or_else(|| panic!("no authority for {country}"));
            assert_eq!(contact.code, EEA_AUTHORITY_CODE);
            assert!(contact.website.starts_with("http"), "{country}");
            assert!(
                contact
                    .source
                    .as_deref()
                    .is_some_and(|s| s.starts_with("https://")),
                "{country}"
            );
            assert!(!contact.helps_with.is_empty(), "{country}");
            assert!(contact.helps_with_cy.is_some(), "{country}");
            assert_eq!(contact.how.is_some(), contact.how_cy.is_some(), "{country}");
        }
        assert_eq!(directory.eea_authorities.len(), 30);
    }

    #[test]
    fn a_country_is_found_in_any_case_and_others_are_not() {
        let directory = built_in();
        let ireland = directory.eea_authority(" ie ").unwrap();
        assert_eq!(ireland.name, "Irish Data Protection Commission");
        assert_eq!(ireland.website, "https://www.dataprotection.ie");
        assert_eq!(
            ireland.complaint_form.as_deref(),
            Some("https://forms.dataprotection.ie/contact")
        );
        let germany = directory.eea_authority("DE").unwrap().in_language(Lang::Cy);
        assert!(germany.how.unwrap().contains("Almaen"));
        assert!(directory.eea_authority("GB").is_none());
        assert!(directory.eea_authority("US").is_none());
        assert!(Signposts::default().eea_authority("FR").is_none());
    }
}
