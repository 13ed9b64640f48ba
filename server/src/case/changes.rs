//! Notes, preparing the case (manual §5), Enforcement's advice on a potential criminal breach,
//! and changing the case type (manual §3).

use app::domain::case::{
    type_change_problem, CaseEventKind, CaseKind, CaseStatus, PREPARE, PROGRESS, PROVIDE_ADVICE,
};
use app::domain::staff::{Role, StaffMember};
use app::ports::case::ChangeResult;
use chrono::Utc;
use serde_json::json;
use sqlx::Row;

use super::{new_id, refused, works_case, CaseStore};
use crate::db::casework::CaseRow;
use crate::db::{code_of, CaseStoreError};

impl CaseStore {
    pub(crate) async fn note(
        &self,
        row: &CaseRow,
        staff: &StaffMember,
        text: &str,
    ) -> Result<ChangeResult, CaseStoreError> {
        if !works_case(row, staff) {
            return Ok(refused("note", "case.note.error.not_officer"));
        }
        let mut tx = self.database.writer.begin().await?;
        self.record(
            &mut tx,
            &row.id,
            &staff.id,
            CaseEventKind::Note,
            json!({ "text": text }),
        )
        .await?;
        tx.commit().await?;
        Ok(ChangeResult::Done)
    }

    /// The id of the case's open work item of `kind`, if any.
    async fn open_item(&self, case_id: &str, kind: &str) -> Result<Option<String>, CaseStoreError> {
        let row = sqlx::query(&self.sql(
            "SELECT id FROM work_items WHERE case_id = $1 AND kind = $2 AND completed_at IS NULL \
             ORDER BY created_at, id LIMIT 1",
        ))
        .bind(case_id)
        .bind(kind)
        .fetch_optional(&self.database.pool)
        .await?;
        Ok(row.map(|row| row.try_get("id")).transpose()?)
    }

    /// Completes 'prepare' and starts 'progress' (due on the closing date). Only the allocated
    /// officer prepares; while Enforcement has not completed 'provide advice' on a potential
    /// criminal breach the officer must not begin work, and alerts their manager (manual §5).
    pub(crate) async fn prepare(
        &self,
        row: &CaseRow,
        staff: &StaffMember,
    ) -> Result<ChangeResult, CaseStoreError> {
        if row.record.status != CaseStatus::Open {
            return Ok(refused("prepare", "case.prepare.error.closed"));
        }
        if row.record.assigned_to.as_deref() != Some(staff.id.as_str()) {
            return Ok(refused("prepare", "case.prepare.error.not_officer"));
        }
        let Some(item) = self.open_item(&row.id, PREPARE).await? else {
            return Ok(refused("prepare", "case.prepare.error.done"));
        };
        if self.open_item(&row.id, PROVIDE_ADVICE).await?.is_some() {
            return Ok(refused("prepare", "case.prepare.error.advice_open"));
        }
        let now = Utc::now().timestamp();
        let mut tx = self.database.writer.begin().await?;
        let done = sqlx::query(&self.sql(
            "UPDATE work_items SET completed_at = $1, completed_by = $2 \
             WHERE id = $3 AND completed_at IS NULL",
        ))
        .bind(now)
        .bind(&staff.id)
        .bind(&item)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(refused("prepare", "case.prepare.error.done"));
        }
        sqlx::query(&self.sql(
            "INSERT INTO work_items (id, case_id, kind, queue, due_on, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        ))
        .bind(new_id()?)
        .bind(&row.id)
        .bind(PROGRESS)
        .bind(code_of(&row.record.work_queue)?)
        .bind(row.record.close_by.to_string())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        self.record(
            &mut tx,
            &row.id,
            &staff.id,
            CaseEventKind::Prepared,
            json!({ "instance": row.record.instance }),
        )
        .await?;
        tx.commit().await?;
        Ok(ChangeResult::Done)
    }

    /// Enforcement completes 'provide advice' with its note; when it can progress the potential
    /// criminal breach itself (`open_pcb`) it opens a PCB case with the parties and documents
    /// copied, on its own work queue (manual §5).
    pub(crate) async fn complete_advice(
        &self,
        row: &CaseRow,
        staff: &StaffMember,
        note: &str,
        open_pcb: bool,
        today: chrono::NaiveDate,
    ) -> Result<ChangeResult, CaseStoreError> {
        if !staff.has_any(&[Role::Enforcement]) {
            return Ok(refused("advice", "case.advice.error.not_enforcement"));
        }
        let Some(item) = self.open_item(&row.id, PROVIDE_ADVICE).await? else {
            return Ok(refused("advice", "case.advice.error.none"));
        };
        let mut tx = self.database.writer.begin().await?;
        let done = sqlx::query(&self.sql(
            "UPDATE work_items SET completed_at = $1, completed_by = $2, note = $3 \
             WHERE id = $4 AND completed_at IS NULL",
        ))
        .bind(Utc::now().timestamp())
        .bind(&staff.id)
        .bind(note)
        .bind(&item)
        .execute(&mut *tx)
        .await?;
        // Completed meanwhile (a second post): nothing more happens, and no second PCB case.
        if done.rows_affected() != 1 {
            return Ok(refused("advice", "case.advice.error.none"));
        }
        let details = json!({ "work_item": PROVIDE_ADVICE, "note": note });
        self.record(
            &mut tx,
            &row.id,
            &staff.id,
            CaseEventKind::WorkItemCompleted,
            details,
        )
        .await?;
        if open_pcb {
            self.open_follow_on(&mut tx, row, CaseKind::Pcb, staff, today, PROVIDE_ADVICE)
                .await?;
        }
        tx.commit().await?;
        Ok(ChangeResult::Done)
    }

    /// Changes the case type, with the confirmed reason, while the case has never been closed (else Operations Service
    /// Delivery does it).
    pub(crate) async fn change_type(
        &self,
        row: &CaseRow,
        staff: &StaffMember,
        to: CaseKind,
        reason: &str,
    ) -> Result<ChangeResult, CaseStoreError> {
        if !works_case(row, staff) {
            return Ok(refused("case-type", "case.type.error.not_officer"));
        }
        // Changing what a case is needs the confirmation page's reason.
        if reason.trim().is_empty() {
            return Ok(refused("reason", "case.confirm.error.reason"));
        }
        if let Some(problem) = type_change_problem(&row.record, to) {
            return Ok(refused(
                "case-type",
                &format!("case.type.problem.{}", problem.code()),
            ));
        }
        let mut tx = self.database.writer.begin().await?;
        let changed = sqlx::query(&self.sql(
            "UPDATE cases SET case_type = $1 WHERE id = $2 AND case_type = $3 AND status = 'open' \
             AND instance = 1",
        ))
        .bind(to.code())
        .bind(&row.id)
        .bind(row.record.case_type.code())
        .execute(&mut *tx)
        .await?;
        if changed.rows_affected() != 1 {
            return Ok(refused("case-type", "case.type.problem.ever_closed"));
        }
        let details = json!({
            "from": row.record.case_type.code(),
            "to": to.code(),
            "reason": reason.trim(),
        });
        self.record(
            &mut tx,
            &row.id,
            &staff.id,
            CaseEventKind::TypeChanged,
            details,
        )
        .await?;
        tx.commit().await?;
        Ok(ChangeResult::Done)
    }
}
