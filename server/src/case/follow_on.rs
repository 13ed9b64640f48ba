//! Opening a follow-on case (ENF, PCB) from a case: a new reference on Enforcement's work
//! queue, with the case's parties and documents copied and each case's timeline naming the other
//! (manual §5 "Cases progressed by Enforcement", §11 outcomes).

use app::domain::case::{plan_follow_on, CaseEventKind, CaseKind};
use app::domain::staff::StaffMember;
use chrono::{NaiveDate, Utc};
use serde_json::json;
use sqlx::{Any, Row, Transaction};

use super::{new_id, CaseStore};
use crate::db::casework::CaseRow;
use crate::db::{code_of, CaseStoreError};

impl CaseStore {
    /// Opens a `case_type` case following `row`, inside `tx`; returns its reference. `why` says
    /// what opened it (an outcome's code, or `provide_advice`) and goes on both timelines.
    pub(crate) async fn open_follow_on(
        &self,
        tx: &mut Transaction<'static, Any>,
        row: &CaseRow,
        case_type: CaseKind,
        staff: &StaffMember,
        today: NaiveDate,
        why: &str,
    ) -> Result<String, CaseStoreError> {
        let plan =
            plan_follow_on(case_type, today, &self.calendar, &self.settings).map_err(|error| {
                CaseStoreError::Database(sqlx::Error::Protocol(format!("service levels: {error}")))
            })?;
        let reference = self.database.next_reference(tx).await?;
        let case_id = new_id()?;
        let now = Utc::now().timestamp();
        let levels = &plan.service_levels;
        // The case's organisation, sector, channel and answers come with it.
        sqlx::query(&self.sql(
            "INSERT INTO cases (id, reference, case_type, work_queue, priority, channel, status, \
             created_on, assign_by, first_contact_due, contact_promised_by, close_by, \
             organisation_name, sector, answers, created_at, title) \
             SELECT $1, $2, $3, $4, $5, channel, 'open', $6, $7, $8, $9, $10, \
             organisation_name, sector, answers, $11, title FROM cases WHERE id = $12",
        ))
        .bind(&case_id)
        .bind(reference.as_str())
        .bind(case_type.code())
        .bind(code_of(&plan.work_queue)?)
        .bind(code_of(&plan.priority)?)
        .bind(today.to_string())
        .bind(levels.assign_by.to_string())
        .bind(levels.first_contact_due.to_string())
        .bind(levels.contact_promised_by.to_string())
        .bind(levels.close_by.to_string())
        .bind(now)
        .bind(&row.id)
        .execute(&mut **tx)
        .await?;
        sqlx::query(&self.sql(
            "INSERT INTO case_instances (id, case_id, number, opened_on) VALUES ($1, $2, 1, $3)",
        ))
        .bind(new_id()?)
        .bind(&case_id)
        .bind(today.to_string())
        .execute(&mut **tx)
        .await?;
        self.database
            .insert_work_items(tx, &case_id, &plan.work_items, now)
            .await?;
        self.copy_parties(tx, &row.id, &case_id).await?;
        self.copy_documents(tx, &row.id, &case_id, now).await?;
        self.record(
            tx,
            &row.id,
            &staff.id,
            CaseEventKind::FollowOnOpened,
            json!({ "follow_on": reference.as_str(), "case_type": case_type.code(), "why": why }),
        )
        .await?;
        self.record(
            tx,
            &case_id,
            &staff.id,
            CaseEventKind::OpenedFrom,
            json!({ "opened_from": row.record.reference, "why": why }),
        )
        .await?;
        Ok(reference.as_str().to_owned())
    }

    /// Copies the current parties of `from` to `to`, with their search words.
    async fn copy_parties(
        &self,
        tx: &mut Transaction<'static, Any>,
        from: &str,
        to: &str,
    ) -> Result<(), CaseStoreError> {
        let parties = sqlx::query(&self.sql(
            "SELECT role, name, email, phone, details, restricted_contact, \
             single_point_of_contact FROM parties WHERE case_id = $1 AND status = 'current' \
             ORDER BY id",
        ))
        .bind(from)
        .fetch_all(&mut **tx)
        .await?;
        for party in &parties {
            sqlx::query(&self.sql(
                "INSERT INTO parties (id, case_id, role, name, email, phone, details, \
                 restricted_contact, single_point_of_contact) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            ))
            .bind(new_id()?)
            .bind(to)
            .bind(party.try_get::<String, _>("role")?)
            .bind(party.try_get::<String, _>("name")?)
            .bind(party.try_get::<Option<String>, _>("email")?)
            .bind(party.try_get::<Option<String>, _>("phone")?)
            .bind(party.try_get::<String, _>("details")?)
            .bind(party.try_get::<Option<String>, _>("restricted_contact")?)
            .bind(party.try_get::<Option<String>, _>("single_point_of_contact")?)
            .execute(&mut **tx)
            .await?;
        }
        self.database.refresh_search_tokens(tx, to).await
    }

    /// Copies the documents of `from` to `to`: new records of the same stored files (retention
    /// removes a file only when no record is left that names it).
    async fn copy_documents(
        &self,
        tx: &mut Transaction<'static, Any>,
        from: &str,
        to: &str,
        now: i64,
    ) -> Result<(), CaseStoreError> {
        let documents = sqlx::query(&self.sql(
            "SELECT kind, file_name, file_type, size_bytes, storage_key FROM documents \
             WHERE case_id = $1 ORDER BY created_at, id",
        ))
        .bind(from)
        .fetch_all(&mut **tx)
        .await?;
        for document in &documents {
            sqlx::query(&self.sql(
                "INSERT INTO documents (id, case_id, kind, file_name, file_type, size_bytes, \
                 storage_key, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            ))
            .bind(new_id()?)
            .bind(to)
            .bind(document.try_get::<String, _>("kind")?)
            .bind(document.try_get::<String, _>("file_name")?)
            .bind(document.try_get::<String, _>("file_type")?)
            .bind(document.try_get::<i64, _>("size_bytes")?)
            .bind(document.try_get::<String, _>("storage_key")?)
            .bind(now)
            .execute(&mut **tx)
            .await?;
        }
        Ok(())
    }
}
