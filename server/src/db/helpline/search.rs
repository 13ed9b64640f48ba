//! Finding cases: a reference by the cases' unique index; a name, organisation, email address
//! or phone number by the parties' normalised columns (an index range for a name's start, an
//! index lookup otherwise). Staff cases (ECS) only for the staff named on them.

use app::domain::helpline::{prefix_end, SearchKind, SearchQuery};
use app::domain::staff::StaffMember;
use app::server_fns::helpline::SearchHit;
use sqlx::Row;

use super::super::casework::{visible_to, CaseRow, SELECT_CASE_ROW};
use super::super::CaseStoreError;
use super::HelplineStore;

impl HelplineStore {
    pub(super) async fn find(
        &self,
        query: &SearchQuery,
        staff: &StaffMember,
        limit: i64,
    ) -> Result<Vec<SearchHit>, CaseStoreError> {
        let with_party = SELECT_CASE_ROW.replacen("SELECT ", "SELECT p.name AS party_name, ", 1)
            + " JOIN parties p ON p.case_id = c.id";
        let (sql, binds): (String, Vec<String>) = match query.kind {
            SearchKind::Reference => (
                format!(
                    "{} WHERE c.reference = $1 AND {} LIMIT $3",
                    SELECT_CASE_ROW.replacen(
                        "SELECT ",
                        "SELECT CAST(NULL AS TEXT) AS party_name, ",
                        1
                    ),
                    visible_to("$2")
                ),
                vec![query.text.clone()],
            ),
            SearchKind::Email | SearchKind::Phone => {
                let column = if query.kind == SearchKind::Email {
                    "p.search_email"
                } else {
                    "p.search_phone"
                };
                (
                    format!(
                        "{with_party} WHERE {column} = $1 AND p.status = 'current' AND {} \
                         ORDER BY c.created_at DESC LIMIT $3",
                        visible_to("$2")
                    ),
                    vec![query.text.clone()],
                )
            }
            SearchKind::Name | SearchKind::Organisation => {
                let role = if query.kind == SearchKind::Organisation {
                    "p.role = 'organisation'"
                } else {
                    "p.role <> 'organisation'"
                };
                let Some(end) = prefix_end(&query.text) else {
                    return Ok(Vec::new());
                };
                (
                    format!(
                        "{with_party} WHERE p.search_name >= $1 AND p.search_name < $2 \
                         AND p.status = 'current' AND {role} AND {} \
                         ORDER BY p.search_name LIMIT $4",
                        visible_to("$3")
                    ),
                    vec![query.text.clone(), end],
                )
            }
        };
        // Placeholders are numbered in the order they appear (SQLite binds by position).
        let sql = self.sql(&sql);
        let mut statement = sqlx::query(&sql);
        for bind in &binds {
            statement = statement.bind(bind);
        }
        let statement = statement.bind(&staff.id).bind(limit);
        let rows = statement.fetch_all(&self.database.pool).await?;
        let mut hits = Vec::with_capacity(rows.len());
        for row in rows {
            let case = CaseRow::from_row(&row)?;
            hits.push(SearchHit {
                reference: case.record.reference.clone(),
                case_type: case.record.case_type,
                stage: case.record.stage(),
                party: row.try_get("party_name")?,
                organisation: case.record.organisation_name.clone(),
                created_on: case.record.created_on,
            });
        }
        Ok(hits)
    }
}
