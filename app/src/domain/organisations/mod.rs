//! The organisation directory: the organisations the public can name when they raise a concern,
//! with the other names people use for them, and the sector that routes a case about each one to
//! a work queue (policy §3: "the sector comes from the organisation's record … or, failing that,
//! from the user's answer").
//!
//! Built from three public data sets and one hand-curated file, all shipped in
//! `app/data/organisations/` (sources, licences and attribution in the README there):
//!
//! - councils: mySociety's UK local authority names and codes, and its name lookup
//!   (`councils.rs` has the rules);
//! - central government: the GOV.UK government-organisation register (`govuk.rs` has the sector
//!   rules);
//! - `extra.json`: credit reference agencies, telecoms, banks, lenders, police forces and other
//!   well-known organisations, plus corrections (`extra.rs`).
//!
//! Pure: the caller passes the files' contents, so the same code runs on the server, in the
//! browser (wasm32) and in tests. Searching is case-, accent- and punctuation-insensitive and
//! forgives missing words like "council" and small typos (`search.rs` has the rules and costs).
//!
//! ```ignore
//! let directory = OrganisationDirectory::from_sources(councils_csv, lookup_csv, govuk_tsv, extra_json)?;
//! let first = &directory.search("hmrc", 5)[0];
//! assert_eq!(first.organisation.sector, "central_government");
//! ```

mod councils;
mod delimited;
mod extra;
mod govuk;
mod model;
mod normalise;
mod search;

#[cfg(test)]
mod tests;

pub use model::{is_sector, DirectoryError, Match, Organisation};

/// A name as the directory compares names: lower case, accents folded, punctuation, "the", "and",
/// "of" and generic words ("Ltd", "Council", …) dropped, the words sorted. "Example Ltd" and
/// "example limited" give the same text; a name of generic words only gives "".
pub fn comparable_name(name: &str) -> String {
    normalise::core(&normalise::tokens(name)).join(" ")
}

use std::collections::{BTreeMap, HashMap, HashSet};

/// A search score at or above which a name is the record's own name or an alias (exact, or exact
/// but for words like "council" and "Ltd").
pub const SAME_NAME_SCORE: u32 = 900;

/// All the organisations, indexed for search.
pub struct OrganisationDirectory {
    organisations: Vec<Organisation>,
    by_id: HashMap<String, usize>,
    index: search::Index,
}

impl std::fmt::Debug for OrganisationDirectory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OrganisationDirectory")
            .field("organisations", &self.organisations.len())
            .finish()
    }
}

impl OrganisationDirectory {
    /// Builds the directory from the contents of the shipped files:
    /// `uk_local_authorities_current.csv`, `lookup_name_to_registry.csv`,
    /// `govuk-organisations-2017.tsv` and `extra.json`.
    ///
    /// Fails when a file lacks a column the loader reads, a CSV quote is never closed, or
    /// `extra.json` is not a list of organisations with known sectors.
    pub fn from_sources(
        local_authorities_csv: &str,
        name_lookup_csv: &str,
        govuk_orgs_tsv: &str,
        extra_json: &str,
    ) -> Result<OrganisationDirectory, DirectoryError> {
        let mut organisations = councils::load(local_authorities_csv, name_lookup_csv)?;
        organisations.extend(govuk::load(govuk_orgs_tsv)?);
        let mut by_id = HashMap::with_capacity(organisations.len());
        for (i, organisation) in organisations.iter().enumerate() {
            if by_id.insert(organisation.id.clone(), i).is_some() {
                return Err(DirectoryError::DuplicateId(organisation.id.clone()));
            }
        }
        extra::apply(extra_json, &mut organisations, &mut by_id)?;
        for organisation in &mut organisations {
            tidy_aliases(organisation);
            if !is_sector(&organisation.sector) {
                return Err(DirectoryError::UnknownSector {
                    id: organisation.id.clone(),
                    sector: organisation.sector.clone(),
                });
            }
        }
        let index = search::Index::build(&organisations);
        Ok(OrganisationDirectory {
            organisations,
            by_id,
            index,
        })
    }

    /// The organisation with this id (`la:LDS`, `govuk:hm-revenue-customs`, `extra:experian`).
    pub fn get(&self, id: &str) -> Option<&Organisation> {
        self.by_id.get(id).and_then(|&i| self.organisations.get(i))
    }

    /// Up to `limit` organisations matching `query`, best first (score, then name, then id).
    ///
    /// An empty query, or one with no letters or digits, finds nothing. Never panics.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Match<'_>> {
        search::search(&self.organisations, &self.index, query, limit)
    }

    /// Whether `name` is the name (or an alias, give or take words like "council") of an
    /// organisation listed as a public authority.
    pub fn listed_public_authority(&self, name: &str) -> bool {
        self.search(name, 1).first().is_some_and(|found| {
            found.score >= SAME_NAME_SCORE && found.organisation.public_authority
        })
    }

    /// Every organisation, councils first, then the GOV.UK register, then `extra.json`.
    pub fn organisations(&self) -> &[Organisation] {
        &self.organisations
    }

    /// How many organisations there are.
    pub fn len(&self) -> usize {
        self.organisations.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.organisations.is_empty()
    }

    /// How many organisations each sector has (sectors with none are left out).
    pub fn sector_counts(&self) -> BTreeMap<&str, usize> {
        let mut counts = BTreeMap::new();
        for organisation in &self.organisations {
            *counts.entry(organisation.sector.as_str()).or_insert(0) += 1;
        }
        counts
    }
}

/// Adds `alias` to the organisation's aliases (duplicates are removed by [`tidy_aliases`]).
fn add_alias(organisation: &mut Organisation, alias: &str) {
    let alias = alias.trim();
    if !alias.is_empty() {
        organisation.aliases.push(alias.to_owned());
    }
}

/// Keeps the first of aliases that read the same once normalised ("Leeds", "leeds") and drops
/// those that read the same as the name, have no letters or digits, or were garbled by a wrong
/// text encoding in the source ("Sir Ynys Mï¿½n").
fn tidy_aliases(organisation: &mut Organisation) {
    let mut seen: HashSet<String> = HashSet::new();
    seen.insert(normalise::tokens(&organisation.name).join(" "));
    organisation.aliases.retain(|alias| {
        let key = normalise::tokens(alias).join(" ");
        !key.is_empty() && !is_mojibake(alias) && seen.insert(key)
    });
}

/// Whether text carries the marks of a botched character encoding (a replacement character, or
/// one read as Latin-1).
fn is_mojibake(text: &str) -> bool {
    text.contains('\u{fffd}') || text.contains("\u{ef}\u{bf}\u{bd}")
}
