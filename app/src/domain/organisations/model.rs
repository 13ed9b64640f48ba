//! The directory's records, its search results and its load errors.

use serde::{Deserialize, Serialize};

use crate::domain::case::Sector;
use std::fmt;

/// Whether `code` is exactly one of the policy §3 sector codes ([`Sector`]).
pub fn is_sector(code: &str) -> bool {
    Sector::from_code(code).is_some_and(|sector| sector.code() == code)
}

/// One organisation a person can name when they raise a concern.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    /// Stable identifier: `la:<register code>` for councils (`la:LDS`), `govuk:<GOV.UK slug>` for
    /// the GOV.UK register (`govuk:hm-revenue-customs`), `extra:<slug>` for the curated list.
    pub id: String,
    /// The name shown to the public.
    pub name: String,
    /// Other names people use: common names, abbreviations, former names, "X Council" variants.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// A policy §3 sector code (see [`Sector`]).
    pub sector: String,
    /// `England`, `Scotland`, `Wales` or `Northern Ireland` where the source says so.
    #[serde(default)]
    pub nation: Option<String>,
    /// The id of the parent organisation (a district's county council, an agency's department).
    #[serde(default)]
    pub parent: Option<String>,
    /// Covered by the Freedom of Information Act 2000 or the Freedom of Information (Scotland)
    /// Act 2002: a complaint about it can be an FOI/EIR complaint.
    #[serde(default)]
    pub public_authority: bool,
    /// A Scottish public authority: FOI complaints about it go to the Scottish Information
    /// Commissioner, not to us.
    #[serde(default)]
    pub scottish_public_authority: bool,
}

/// One search result: the organisation, the name or alias that matched, and how well.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Match<'a> {
    /// The organisation found.
    pub organisation: &'a Organisation,
    /// The organisation's name or the alias that matched the query best.
    pub matched: String,
    /// Higher is better: exact 1000, exact ignoring generic words 900, prefix 800 - n,
    /// all words contained 600 - n, typo tolerant 400 - n (see `search.rs`).
    pub score: u32,
}

/// Why the directory could not be built from its sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DirectoryError {
    /// A source file lacks a column the loader needs (or is empty).
    MissingColumn {
        /// Which source.
        source: &'static str,
        /// The missing header.
        column: String,
    },
    /// A source file is not well-formed CSV/TSV (for example an unterminated quoted field).
    Malformed {
        /// Which source.
        source: &'static str,
        /// 1-based line where the problem starts.
        line: usize,
        /// What is wrong.
        reason: String,
    },
    /// `extra.json` is not a JSON list of organisations.
    ExtraJson(String),
    /// A record has a sector that is not a policy §3 code.
    UnknownSector {
        /// The record.
        id: String,
        /// The bad sector.
        sector: String,
    },
    /// A record has an empty id or name.
    EmptyField {
        /// The record (may be empty).
        id: String,
        /// Which field.
        field: &'static str,
    },
    /// Two new records share an id.
    DuplicateId(String),
}

impl fmt::Display for DirectoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DirectoryError::MissingColumn { source, column } => {
                write!(f, "{source}: missing column `{column}`")
            }
            DirectoryError::Malformed {
                source,
                line,
                reason,
            } => write!(f, "{source}: line {line}: {reason}"),
            DirectoryError::ExtraJson(reason) => write!(f, "extra organisations JSON: {reason}"),
            DirectoryError::UnknownSector { id, sector } => {
                write!(f, "organisation {id}: unknown sector `{sector}`")
            }
            DirectoryError::EmptyField { id, field } => {
                write!(f, "organisation `{id}`: empty {field}")
            }
            DirectoryError::DuplicateId(id) => write!(f, "duplicate organisation id {id}"),
        }
    }
}

impl std::error::Error for DirectoryError {}
