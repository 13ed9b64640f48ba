//! Possible duplicates of a person's party record, ranked by evidence
//! ([`app::domain::duplicates`]): records on other cases with the same email, phone or name
//! are read with their case's dates and organisations and scored; only those above the
//! threshold are shown, strongest first, with the evidence.

use app::domain::case::PARTY_CURRENT;
use app::domain::duplicates::{ranked, PartyFacts};
use app::domain::organisations::comparable_name;
use app::server_fns::case::DuplicateView;
use chrono::NaiveDate;
use sqlx::{AnyConnection, Row};

use super::parties::PartyRecord;
use super::CaseStore;
use crate::db::casework::{visible_to, CaseRow};
use crate::db::CaseStoreError;

/// At most this many possible duplicates are listed.
const SHOWN: usize = 10;
/// At most this many records are read and scored per party.
const READ: i64 = 200;

/// An organisation party as compared across cases: its directory id, else its name.
pub(crate) fn organisation_key(party: &PartyRecord) -> String {
    key_of(&party.details, &party.name)
}

fn key_of(details: &serde_json::Value, name: &str) -> String {
    details["directory_id"]
        .as_str()
        .map(str::to_owned)
        .unwrap_or_else(|| comparable_name(name))
}

fn day(text: Option<String>) -> Option<NaiveDate> {
    text.and_then(|text| NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok())
}

/// What the ranking reads of a party record on a case.
pub(crate) fn facts(
    party: &PartyRecord,
    organisations: Vec<String>,
    opened_on: Option<NaiveDate>,
    closed_on: Option<NaiveDate>,
) -> PartyFacts {
    PartyFacts {
        role: party.role.clone(),
        name: party.name.clone(),
        email: party.email.clone(),
        phone: party.phone.clone(),
        address: party.details["address"].as_str().map(str::to_owned),
        organisations,
        opened_on,
        closed_on,
    }
}

impl CaseStore {
    /// The records on other cases that look like the same person as `party`, ranked: one query
    /// finds them (by the lower-cased email, the phone or the lower-cased name, each through an
    /// index of migration 20261207000020) with the organisations on each one's case.
    pub(crate) async fn ranked_duplicates(
        &self,
        conn: &mut AnyConnection,
        row: &CaseRow,
        staff_id: &str,
        party: &PartyRecord,
        organisations: &[String],
        here: &[String],
    ) -> Result<Vec<DuplicateView>, CaseStoreError> {
        let email = party
            .email
            .as_deref()
            .map(|email| email.trim().to_lowercase())
            .filter(|email| !email.is_empty());
        let phone = party
            .phone
            .as_deref()
            .map(str::trim)
            .filter(|phone| !phone.is_empty())
            .map(str::to_owned);
        let name = party.name.trim().to_lowercase();
        // Each key the record has, looked up through its own index (an OR of the three reads
        // every party on SQLite); `$3` on.
        let mut keys = vec![("lower(q.name)", name)];
        keys.extend(email.map(|email| ("lower(q.email)", email)));
        keys.extend(phone.map(|phone| ("q.phone", phone)));
        let lookups = keys
            .iter()
            .enumerate()
            .map(|(i, (expression, _))| {
                format!("SELECT q.id FROM parties q WHERE {expression} = ${}", i + 3)
            })
            .collect::<Vec<_>>()
            .join(" UNION ALL ");
        let staff = keys.len() + 3;
        let sql = self.sql(&format!(
            "WITH found AS (SELECT p.id, p.case_id, p.role, p.name, p.email, p.phone, \
             p.details, p.restricted_contact, p.single_point_of_contact, c.reference, \
             c.created_on, CASE WHEN c.status = 'closed' THEN (SELECT MAX(i.closed_on) \
             FROM case_instances i WHERE i.case_id = c.id) END AS closed_on \
             FROM parties p JOIN cases c ON c.id = p.case_id \
             WHERE p.status = $1 AND p.case_id <> $2 AND p.role <> 'organisation' \
             AND p.id IN ({lookups}) AND {} \
             ORDER BY c.reference LIMIT {READ}) \
             SELECT found.*, o.name AS organisation, o.details AS organisation_details \
             FROM found LEFT JOIN parties o ON o.case_id = found.case_id AND o.status = ${} \
             AND o.role = 'organisation' ORDER BY found.reference, found.id, o.id",
            visible_to(&format!("${staff}")),
            staff + 1
        ));
        let mut query = sqlx::query(&sql).bind(PARTY_CURRENT).bind(&row.id);
        for (_, value) in &keys {
            query = query.bind(value.clone());
        }
        let rows = query
            .bind(staff_id)
            .bind(PARTY_CURRENT)
            .fetch_all(&mut *conn)
            .await?;
        let ours = facts(
            party,
            organisations.to_vec(),
            Some(row.record.created_on),
            row.record.closed_on,
        );
        // One row per record and organisation on its case (one with none when there are none).
        let mut candidates: Vec<((PartyRecord, String), PartyFacts)> = Vec::new();
        for found in &rows {
            let other = PartyRecord::from_row(found)?;
            if here.contains(&other.id) {
                continue;
            }
            let organisation: Option<String> = found.try_get("organisation")?;
            let organisation = match organisation {
                Some(name) => {
                    let details: Option<String> = found.try_get("organisation_details")?;
                    let details = details
                        .and_then(|details| serde_json::from_str(&details).ok())
                        .unwrap_or(serde_json::Value::Null);
                    Some(key_of(&details, &name))
                }
                None => None,
            };
            if let Some(((last, _), last_facts)) = candidates.last_mut() {
                if last.id == other.id {
                    last_facts.organisations.extend(organisation);
                    continue;
                }
            }
            let reference: String = found.try_get("reference")?;
            let opened = day(found.try_get("created_on")?);
            let closed = day(found.try_get("closed_on")?);
            let their_facts = facts(&other, organisation.into_iter().collect(), opened, closed);
            candidates.push(((other, reference), their_facts));
        }
        Ok(ranked(&ours, candidates)
            .into_iter()
            .take(SHOWN)
            .map(|((other, reference), suggestion)| DuplicateView {
                party_id: other.id,
                reference,
                name: other.name,
                email: other.email,
                evidence: suggestion.evidence,
                mergeable: suggestion.mergeable,
            })
            .collect())
    }
}
