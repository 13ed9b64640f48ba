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
    party.details["directory_id"]
        .as_str()
        .map(str::to_owned)
        .unwrap_or_else(|| comparable_name(&party.name))
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
    /// The organisations (as [`organisation_key`]) of a case's current party records.
    async fn organisations_of(
        &self,
        conn: &mut AnyConnection,
        case_id: &str,
    ) -> Result<Vec<String>, CaseStoreError> {
        let rows = sqlx::query(&self.sql(
            "SELECT p.id, p.case_id, p.role, p.name, p.email, p.phone, p.details, \
             p.restricted_contact, p.single_point_of_contact FROM parties p \
             WHERE p.case_id = $1 AND p.status = $2 AND p.role = 'organisation'",
        ))
        .bind(case_id)
        .bind(PARTY_CURRENT)
        .fetch_all(&mut *conn)
        .await?;
        rows.iter()
            .map(|row| PartyRecord::from_row(row).map(|party| organisation_key(&party)))
            .collect()
    }

    /// The records on other cases that look like the same person as `party`, ranked.
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
            .filter(|email| !email.is_empty())
            .unwrap_or_else(|| "-".to_owned());
        let phone = party
            .phone
            .as_deref()
            .map(str::trim)
            .filter(|phone| !phone.is_empty())
            .unwrap_or("-")
            .to_owned();
        let name = party.name.trim().to_lowercase();
        let rows = sqlx::query(&self.sql(&format!(
            "SELECT p.id, p.case_id, p.role, p.name, p.email, p.phone, p.details, \
             p.restricted_contact, p.single_point_of_contact, c.reference, c.created_on, \
             CASE WHEN c.status = 'closed' THEN (SELECT MAX(i.closed_on) FROM case_instances i \
             WHERE i.case_id = c.id) END AS closed_on \
             FROM parties p JOIN cases c ON c.id = p.case_id \
             WHERE p.status = $1 AND p.case_id <> $2 AND p.role <> 'organisation' \
             AND (lower(p.email) = $3 OR p.phone = $4 OR lower(p.name) = $5) AND {} \
             ORDER BY c.reference LIMIT {READ}",
            visible_to("$6")
        )))
        .bind(PARTY_CURRENT)
        .bind(&row.id)
        .bind(email)
        .bind(phone)
        .bind(name)
        .bind(staff_id)
        .fetch_all(&mut *conn)
        .await?;
        let ours = facts(
            party,
            organisations.to_vec(),
            Some(row.record.created_on),
            row.record.closed_on,
        );
        let mut candidates = Vec::new();
        for found in &rows {
            let other = PartyRecord::from_row(found)?;
            if here.contains(&other.id) {
                continue;
            }
            let reference: String = found.try_get("reference")?;
            let opened = day(found.try_get("created_on")?);
            let closed = day(found.try_get("closed_on")?);
            let theirs = self.organisations_of(conn, &other.case_id).await?;
            let their_facts = facts(&other, theirs, opened, closed);
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
