//! A case's parties (manual §5): the records on the case and those linked to it by a merge, the
//! directory entry an organisation is, the records on other cases that look like the same one,
//! similar open cases (the changes are in [`super::party_changes`]).

use app::domain::case::CaseKind;
use app::domain::case::{
    comparable_email, duplicate_reason, similar_reason, PartyKey, SimilarReason, PARTY_CURRENT,
};
use app::domain::organisations::comparable_name;
use app::server_fns::case::{DirectoryEntry, DuplicateView, PartyView, SimilarCase};
use serde_json::Value;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::duplicates::organisation_key;
use super::CaseStore;
use crate::db::casework::{visible_to, CaseRow};
use crate::db::CaseStoreError;

/// A search score at or above which a directory record is the party's own name or alias.
pub(super) const SAME_NAME_SCORE: u32 = 900;
/// At most this many possible duplicates or similar cases are listed.
const MATCHES: usize = 20;

/// A party record as stored.
#[derive(Debug, Clone)]
pub(crate) struct PartyRecord {
    pub id: String,
    pub case_id: String,
    pub role: String,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub details: Value,
    pub restricted_contact: Option<String>,
    pub single_point_of_contact: Option<String>,
    /// How many other cases the record is linked to by merges (read with the case's parties).
    pub links: usize,
}

impl PartyRecord {
    pub(crate) fn from_row(row: &AnyRow) -> Result<PartyRecord, CaseStoreError> {
        let details: String = row.try_get("details")?;
        Ok(PartyRecord {
            id: row.try_get("id")?,
            case_id: row.try_get("case_id")?,
            role: row.try_get("role")?,
            name: row.try_get("name")?,
            email: row.try_get("email")?,
            phone: row.try_get("phone")?,
            details: serde_json::from_str(&details).unwrap_or(Value::Null),
            restricted_contact: row.try_get("restricted_contact")?,
            single_point_of_contact: row.try_get("single_point_of_contact")?,
            links: 0,
        })
    }

    pub fn key(&self) -> PartyKey {
        PartyKey {
            role: self.role.clone(),
            name: self.name.clone(),
            email: self.email.clone(),
            directory_id: self.details["directory_id"].as_str().map(str::to_owned),
        }
    }
}

pub(super) const PARTY_COLUMNS: &str =
    "p.id, p.case_id, p.role, p.name, p.email, p.phone, p.details, \
     p.restricted_contact, p.single_point_of_contact";

/// With [`PARTY_COLUMNS`]: how many cases the record is linked to by merges.
const LINKS: &str = "(SELECT COUNT(*) FROM party_links pl WHERE pl.party_id = p.id) AS links";

fn links(row: &AnyRow) -> Result<usize, CaseStoreError> {
    Ok(usize::try_from(row.try_get::<i64, _>("links")?).unwrap_or(0))
}

fn text(value: &Value) -> Option<String> {
    value
        .as_str()
        .map(str::trim)
        .filter(|text| !text.is_empty())
        .map(str::to_owned)
}

/// A party record on another case that could be the same record as one of this case's.
struct Candidate {
    party: PartyRecord,
    reference: String,
    case_type: String,
    /// Its case is open.
    open: bool,
}

/// Adds an open case whose party is like `ours` to the similar cases (once per case; the same
/// organisation says more than the same customer).
fn add_similar(similar: &mut Vec<SimilarCase>, ours: &PartyKey, candidate: &Candidate) {
    let Some(reason) = similar_reason(std::slice::from_ref(ours), &[candidate.party.key()]) else {
        return;
    };
    match similar
        .iter_mut()
        .find(|case| case.reference == candidate.reference)
    {
        Some(case) if reason == SimilarReason::SameOrganisation => case.reason = reason,
        Some(_) => {}
        None => similar.push(SimilarCase {
            reference: candidate.reference.clone(),
            case_type: CaseKind::from_code(&candidate.case_type).unwrap_or(CaseKind::Inf),
            reason,
        }),
    }
}

impl CaseStore {
    /// The case's current party records: its own, then those linked to it by a merge (with
    /// their role on this case), in the order they were added.
    pub(crate) async fn parties_of(
        &self,
        conn: &mut AnyConnection,
        case_id: &str,
    ) -> Result<Vec<(PartyRecord, bool)>, CaseStoreError> {
        let own = sqlx::query(&self.sql(&format!(
            "SELECT {PARTY_COLUMNS}, {LINKS} FROM parties p WHERE p.case_id = $1 \
             AND p.status = $2 ORDER BY p.id"
        )))
        .bind(case_id)
        .bind(PARTY_CURRENT)
        .fetch_all(&mut *conn)
        .await?;
        let linked = sqlx::query(&self.sql(&format!(
            "SELECT {PARTY_COLUMNS}, {LINKS}, l.role AS link_role FROM party_links l \
             JOIN parties p ON p.id = l.party_id WHERE l.case_id = $1 AND p.status = $2 \
             ORDER BY p.id"
        )))
        .bind(case_id)
        .bind(PARTY_CURRENT)
        .fetch_all(&mut *conn)
        .await?;
        let mut parties: Vec<(PartyRecord, bool)> = Vec::new();
        for row in &own {
            let mut party = PartyRecord::from_row(row)?;
            party.links = links(row)?;
            parties.push((party, false));
        }
        for row in &linked {
            let mut party = PartyRecord::from_row(row)?;
            party.role = row.try_get("link_role")?;
            party.links = links(row)?;
            parties.push((party, true));
        }
        // Customers first, then representatives, organisations, reporters.
        let rank = |role: &str| match role {
            "customer" => 0,
            "representative" => 1,
            "organisation" => 2,
            _ => 3,
        };
        parties.sort_by_key(|(party, _)| rank(&party.role));
        Ok(parties)
    }

    /// Current party records on other cases (visible to `staff_id`) that could be the same
    /// record as `key`, those on open cases first, each with its case: one query per party,
    /// for both its possible duplicates and the similar open cases.
    async fn candidates(
        &self,
        conn: &mut AnyConnection,
        case_id: &str,
        key: &PartyKey,
        staff_id: &str,
    ) -> Result<Vec<Candidate>, CaseStoreError> {
        let select = format!(
            "SELECT {PARTY_COLUMNS}, c.reference, c.case_type, c.status AS case_status \
             FROM parties p JOIN cases c ON c.id = p.case_id \
             WHERE p.status = $1 AND p.case_id <> $2 AND "
        );
        let order = "ORDER BY CASE WHEN c.status = 'open' THEN 0 ELSE 1 END, c.reference LIMIT 200";
        let rows = if key.is_organisation() {
            let directory = key
                .directory_id
                .as_deref()
                .map(|id| format!("%\"directory_id\":\"{id}\"%"))
                .unwrap_or_else(|| "-".to_owned());
            let name = comparable_name(&key.name);
            let Some(word) = name.split(' ').max_by_key(|word| word.len()) else {
                return Ok(Vec::new());
            };
            let word = if word.is_empty() {
                "-".to_owned()
            } else {
                format!("%{word}%")
            };
            sqlx::query(&self.sql(&format!(
                "{select} p.role = 'organisation' AND (p.details LIKE $3 OR lower(p.name) LIKE $4) \
                 AND {} {order}",
                visible_to("$5")
            )))
            .bind(PARTY_CURRENT)
            .bind(case_id)
            .bind(directory)
            .bind(word)
            .bind(staff_id)
            .fetch_all(&mut *conn)
            .await?
        } else {
            let Some(email) = comparable_email(key.email.as_deref()) else {
                return Ok(Vec::new());
            };
            sqlx::query(&self.sql(&format!(
                "{select} p.role <> 'organisation' AND lower(p.email) = $3 AND {} {order}",
                visible_to("$4")
            )))
            .bind(PARTY_CURRENT)
            .bind(case_id)
            .bind(email)
            .bind(staff_id)
            .fetch_all(&mut *conn)
            .await?
        };
        let mut found = Vec::new();
        for row in &rows {
            let party = PartyRecord::from_row(row)?;
            if duplicate_reason(key, &party.key()).is_some() {
                found.push(Candidate {
                    party,
                    reference: row.try_get("reference")?,
                    case_type: row.try_get("case_type")?,
                    open: row.try_get::<String, _>("case_status")? == "open",
                });
            }
        }
        Ok(found)
    }

    /// The directory entry an organisation party is, or most probably is.
    fn directory_entry(&self, party: &PartyRecord) -> Option<DirectoryEntry> {
        let entry =
            |organisation: &app::domain::organisations::Organisation, linked| DirectoryEntry {
                id: organisation.id.clone(),
                name: organisation.name.clone(),
                sector: organisation.sector.clone(),
                linked,
            };
        if let Some(id) = party.details["directory_id"].as_str() {
            if let Some(organisation) = self.organisations.get(id) {
                return Some(entry(organisation, true));
            }
        }
        self.organisations
            .search(&party.name, 1)
            .into_iter()
            .find(|found| found.score >= SAME_NAME_SCORE)
            .map(|found| entry(found.organisation, false))
    }

    /// The case's parties as the page shows them, each with its possible duplicates, and the
    /// other open cases about the same organisation or from the same customer: one query per
    /// party for both.
    pub(crate) async fn party_views(
        &self,
        conn: &mut AnyConnection,
        row: &CaseRow,
        staff_id: &str,
        parties: Vec<(PartyRecord, bool)>,
    ) -> Result<(Vec<PartyView>, Vec<SimilarCase>), CaseStoreError> {
        let here: Vec<String> = parties.iter().map(|(p, _)| p.id.clone()).collect();
        let mut views = Vec::new();
        let mut similar: Vec<SimilarCase> = Vec::new();
        let organisations: Vec<String> = parties
            .iter()
            .filter(|(party, _)| party.key().is_organisation())
            .map(|(party, _)| organisation_key(party))
            .collect();
        for (party, linked) in parties {
            let key = party.key();
            let candidates = self.candidates(conn, &row.id, &key, staff_id).await?;
            for candidate in candidates.iter().filter(|candidate| candidate.open) {
                add_similar(&mut similar, &key, candidate);
            }
            let duplicates = if key.is_organisation() {
                // The same organisation is not the same matter: no merge is offered for it.
                Vec::new()
            } else {
                self.ranked_duplicates(conn, row, staff_id, &party, &organisations, &here)
                    .await?
            };
            views.push(self.party_view(party, linked, duplicates));
        }
        similar.sort_by(|a, b| a.reference.cmp(&b.reference));
        similar.truncate(MATCHES);
        Ok((views, similar))
    }

    /// The case's parties as the helpline summary shows them: no possible duplicates looked for.
    pub(crate) fn party_summaries(&self, parties: Vec<(PartyRecord, bool)>) -> Vec<PartyView> {
        parties
            .into_iter()
            .map(|(party, linked)| self.party_view(party, linked, Vec::new()))
            .collect()
    }

    fn party_view(
        &self,
        party: PartyRecord,
        linked: bool,
        duplicates: Vec<DuplicateView>,
    ) -> PartyView {
        PartyView {
            directory: party
                .key()
                .is_organisation()
                .then(|| self.directory_entry(&party))
                .flatten(),
            address: text(&party.details["address"]),
            adjustments: text(&party.details["adjustments"]),
            reply_in_welsh: party.details["reply_in_welsh"].as_bool().unwrap_or(false),
            cases: party.links + 1,
            id: party.id,
            role: party.role,
            name: party.name,
            email: party.email,
            phone: party.phone,
            restricted_contact: party.restricted_contact,
            single_point_of_contact: party.single_point_of_contact,
            linked,
            duplicates,
        }
    }
}
