//! The hand-curated list (`data/organisations/extra.json`) of well-known organisations that are
//! not in the council or GOV.UK lists (credit reference agencies, telecoms, banks, lenders, police
//! forces…), and corrections to those lists.
//!
//! The file is a JSON list of objects with the fields of [`Organisation`]; `aliases`, `nation`,
//! `parent`, `public_authority` and `scottish_public_authority` may be left out. An entry whose
//! `id` is already in the directory updates that organisation instead of adding one: its name,
//! sector and flags are replaced, `nation` and `parent` when given, its aliases are added to, and
//! its old name is kept as an alias (so `govuk:royal-mail` becomes `general_business`, not a
//! public authority, since privatisation).

use super::model::{is_sector, DirectoryError, Organisation};
use serde::Deserialize;
use std::collections::HashMap;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    id: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    sector: String,
    #[serde(default)]
    nation: Option<String>,
    #[serde(default)]
    parent: Option<String>,
    #[serde(default)]
    public_authority: bool,
    #[serde(default)]
    scottish_public_authority: bool,
}

/// Adds or updates the organisations listed in `json`.
pub(crate) fn apply(
    json: &str,
    organisations: &mut Vec<Organisation>,
    by_id: &mut HashMap<String, usize>,
) -> Result<(), DirectoryError> {
    let entries: Vec<Entry> =
        serde_json::from_str(json).map_err(|error| DirectoryError::ExtraJson(error.to_string()))?;
    let mut added: Vec<String> = Vec::new();
    for entry in entries {
        let (id, name) = (entry.id.trim().to_owned(), entry.name.trim().to_owned());
        if id.is_empty() {
            return Err(DirectoryError::EmptyField { id, field: "id" });
        }
        if name.is_empty() {
            return Err(DirectoryError::EmptyField { id, field: "name" });
        }
        if !is_sector(&entry.sector) {
            return Err(DirectoryError::UnknownSector {
                id,
                sector: entry.sector,
            });
        }
        if let Some(&index) = by_id.get(&id) {
            if added.contains(&id) {
                return Err(DirectoryError::DuplicateId(id));
            }
            let organisation = &mut organisations[index];
            let old_name = std::mem::replace(&mut organisation.name, name);
            organisation.aliases.insert(0, old_name);
            organisation.aliases.extend(entry.aliases);
            organisation.sector = entry.sector;
            organisation.public_authority = entry.public_authority;
            organisation.scottish_public_authority = entry.scottish_public_authority;
            if entry.nation.is_some() {
                organisation.nation = entry.nation;
            }
            if entry.parent.is_some() {
                organisation.parent = entry.parent;
            }
        } else {
            by_id.insert(id.clone(), organisations.len());
            added.push(id.clone());
            organisations.push(Organisation {
                id,
                name,
                aliases: entry.aliases,
                sector: entry.sector,
                nation: entry.nation,
                parent: entry.parent,
                public_authority: entry.public_authority,
                scottish_public_authority: entry.scottish_public_authority,
            });
        }
    }
    Ok(())
}
