//! Changes to a case's parties (manual §5): adding a record, changing a record's contact
//! arrangements, and merging a duplicate record into the main one (the reads are in
//! [`super::parties`]).

use app::domain::case::{CaseEventKind, PARTY_CURRENT, PARTY_MARKED_FOR_DELETION};
use app::domain::staff::StaffMember;
use app::ports::case::ChangeResult;
use serde_json::json;
use sqlx::Row;

use super::duplicates::facts;
use super::parties::{PartyRecord, PARTY_COLUMNS, SAME_NAME_SCORE};
use super::{new_id, now_ms, refused, works_case, CaseStore};
use crate::db::casework::CaseRow;
use crate::db::CaseStoreError;

impl CaseStore {
    pub(crate) async fn add_party(
        &self,
        row: &CaseRow,
        staff: &StaffMember,
        role: &str,
        name: &str,
        email: Option<String>,
        phone: Option<String>,
    ) -> Result<ChangeResult, CaseStoreError> {
        if !works_case(row, staff) {
            return Ok(refused("party-role", "case.party.error.not_officer"));
        }
        let id = new_id()?;
        let mut details = json!({});
        if role == "organisation" {
            if let Some(found) = self
                .organisations
                .search(name, 1)
                .into_iter()
                .find(|found| found.score >= SAME_NAME_SCORE)
            {
                details = json!({ "directory_id": found.organisation.id, "sector": found.organisation.sector });
            }
        }
        let mut tx = self.database.writer.begin().await?;
        sqlx::query(&self.sql(
            "INSERT INTO parties (id, case_id, role, name, email, phone, details) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        ))
        .bind(&id)
        .bind(&row.id)
        .bind(role)
        .bind(name)
        .bind(email.as_deref())
        .bind(phone.as_deref())
        .bind(details.to_string())
        .execute(&mut *tx)
        .await?;
        self.database
            .refresh_search_tokens(&mut tx, &row.id)
            .await?;
        self.record(
            &mut tx,
            &row.id,
            &staff.id,
            CaseEventKind::PartyAdded,
            json!({ "role": role }),
        )
        .await?;
        tx.commit().await?;
        Ok(ChangeResult::Done)
    }

    pub(crate) async fn change_party(
        &self,
        row: &CaseRow,
        staff: &StaffMember,
        party_id: &str,
        restricted_contact: Option<String>,
        single_point_of_contact: Option<String>,
        reason: &str,
    ) -> Result<ChangeResult, CaseStoreError> {
        if !works_case(row, staff) {
            let field = format!("reason-{party_id}");
            return Ok(refused(&field, "case.party.error.not_officer"));
        }
        let parties = {
            let mut connection = self.database.pool.acquire().await?;
            self.parties_of(&mut connection, &row.id).await?
        };
        let Some((party, _)) = parties.iter().find(|(party, _)| party.id == party_id) else {
            return Ok(ChangeResult::NotFound);
        };
        let mut tx = self.database.writer.begin().await?;
        sqlx::query(&self.sql(
            "UPDATE parties SET restricted_contact = $1, single_point_of_contact = $2 WHERE id = $3",
        ))
        .bind(restricted_contact.as_deref())
        .bind(single_point_of_contact.as_deref())
        .bind(&party.id)
        .execute(&mut *tx)
        .await?;
        let details = json!({
            "role": party.role,
            "restricted_contact": restricted_contact.is_some(),
            "single_point_of_contact": single_point_of_contact.is_some(),
            "reason": reason,
        });
        self.record(
            &mut tx,
            &row.id,
            &staff.id,
            CaseEventKind::PartyChanged,
            details,
        )
        .await?;
        tx.commit().await?;
        Ok(ChangeResult::Done)
    }

    async fn party(&self, id: &str) -> Result<Option<(PartyRecord, String)>, CaseStoreError> {
        let row = sqlx::query(&self.sql(&format!(
            "SELECT {PARTY_COLUMNS}, p.status FROM parties p WHERE p.id = $1"
        )))
        .bind(id)
        .fetch_optional(&self.database.pool)
        .await?;
        row.map(|row| Ok((PartyRecord::from_row(&row)?, row.try_get("status")?)))
            .transpose()
    }

    /// Merges `duplicate` into `main` (manual §5): the main record keeps its contact details
    /// (taking the duplicate's where it has none) and every case of the duplicate; the
    /// duplicate's links are broken and its status becomes 'marked for deletion'.
    pub(crate) async fn merge_party(
        &self,
        row: &CaseRow,
        staff: &StaffMember,
        main_id: &str,
        duplicate_id: &str,
        reason: &str,
    ) -> Result<ChangeResult, CaseStoreError> {
        if !works_case(row, staff) {
            return Ok(refused("parties", "case.merge.error.not_officer"));
        }
        // A merge touches several records: it needs the confirmation page's reason.
        if reason.trim().is_empty() {
            return Ok(refused("reason", "case.confirm.error.reason"));
        }
        let (Some((main, main_status)), Some((duplicate, duplicate_status))) =
            (self.party(main_id).await?, self.party(duplicate_id).await?)
        else {
            return Ok(ChangeResult::NotFound);
        };
        let here = {
            let mut connection = self.database.pool.acquire().await?;
            self.parties_of(&mut connection, &row.id).await?
        };
        let on_this_case = here
            .iter()
            .any(|(party, _)| party.id == main.id || party.id == duplicate.id);
        if !on_this_case || main.id == duplicate.id {
            return Ok(ChangeResult::NotFound);
        }
        if main_status != PARTY_CURRENT || duplicate_status != PARTY_CURRENT {
            return Ok(refused("parties", "case.merge.error.not_current"));
        }
        let (main_facts, duplicate_facts) = (
            facts(&main, Vec::new(), None, None),
            facts(&duplicate, Vec::new(), None, None),
        );
        if !app::domain::duplicates::may_merge(&main_facts, &duplicate_facts) {
            return Ok(refused("parties", "case.merge.error.not_same"));
        }
        for case_id in [&main.case_id, &duplicate.case_id] {
            if !self.database.may_see_case(case_id, &staff.id).await? {
                return Ok(ChangeResult::NotFound);
            }
        }
        // The duplicate's cases: its own, and those linked to it by earlier merges.
        let mut cases: Vec<(String, String)> =
            vec![(duplicate.case_id.clone(), duplicate.role.clone())];
        let links =
            sqlx::query(&self.sql("SELECT case_id, role FROM party_links WHERE party_id = $1"))
                .bind(&duplicate.id)
                .fetch_all(&self.database.pool)
                .await?;
        for link in &links {
            cases.push((link.try_get("case_id")?, link.try_get("role")?));
        }
        let mut tx = self.database.writer.begin().await?;
        let marked = sqlx::query(&self.sql(
            "UPDATE parties SET status = $1, main_party_id = $2, merged_at = $3 \
             WHERE id = $4 AND status = $5",
        ))
        .bind(PARTY_MARKED_FOR_DELETION)
        .bind(&main.id)
        .bind(now_ms())
        .bind(&duplicate.id)
        .bind(PARTY_CURRENT)
        .execute(&mut *tx)
        .await?;
        if marked.rows_affected() != 1 {
            return Ok(refused("parties", "case.merge.error.not_current"));
        }
        sqlx::query(&self.sql("DELETE FROM party_links WHERE party_id = $1"))
            .bind(&duplicate.id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(&self.sql("UPDATE parties SET main_party_id = $1 WHERE main_party_id = $2"))
            .bind(&main.id)
            .bind(&duplicate.id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(&self.sql(
            "UPDATE parties SET email = COALESCE(email, $1), phone = COALESCE(phone, $2) WHERE id = $3",
        ))
        .bind(duplicate.email.as_deref())
        .bind(duplicate.phone.as_deref())
        .bind(&main.id)
        .execute(&mut *tx)
        .await?;
        let mut touched = vec![main.case_id.clone()];
        for (case_id, role) in cases {
            if case_id != main.case_id {
                let exists =
                    sqlx::query(&self.sql(
                        "SELECT 1 AS one FROM party_links WHERE party_id = $1 AND case_id = $2",
                    ))
                    .bind(&main.id)
                    .bind(&case_id)
                    .fetch_optional(&mut *tx)
                    .await?;
                if exists.is_none() {
                    sqlx::query(&self.sql(
                        "INSERT INTO party_links (party_id, case_id, role) VALUES ($1, $2, $3)",
                    ))
                    .bind(&main.id)
                    .bind(&case_id)
                    .bind(&role)
                    .execute(&mut *tx)
                    .await?;
                }
            }
            if !touched.contains(&case_id) {
                touched.push(case_id);
            }
        }
        let details = json!({
            "role": main.role,
            "name": main.name,
            "merged": duplicate.name,
            "reason": reason.trim(),
        });
        for case_id in &touched {
            self.record(
                &mut tx,
                case_id,
                &staff.id,
                CaseEventKind::PartyMerged,
                details.clone(),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(ChangeResult::Done)
    }
}
