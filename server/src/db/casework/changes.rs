//! The sift's and the team managers' changes to a case, each one transaction with its event on
//! the case's history and its audit row: sifting (type and work queue), clearing a sift flag,
//! allocating to an officer, moving to another queue; and setting a queue's lead.

use app::domain::case::{CaseEventKind, CaseKind, ServiceLevels, SiftFlagKind, WorkQueue};
use app::domain::staff::StaffMember;
use app::ports::case::ChangeResult;
use chrono::{NaiveDate, Utc};
use serde_json::{json, Value};
use sqlx::{Any, Row, Transaction};

use super::record::CaseRow;
use super::AuditAction;
use crate::db::{code_of, CaseStoreError, Database, NewEvent};

fn refused(field: &str, key: &str) -> ChangeResult {
    ChangeResult::Refused(vec![(field.to_owned(), key.to_owned())])
}

impl Database {
    /// Writes the change's event (actor: the member of staff) and its audit row, inside `tx`.
    async fn casework_event(
        &self,
        tx: &mut Transaction<'static, Any>,
        case_id: &str,
        staff_id: &str,
        kind: CaseEventKind,
        details: Value,
    ) -> Result<(), CaseStoreError> {
        let event = NewEvent {
            actor: staff_id.to_owned(),
            kind: kind.code().to_owned(),
            details,
        };
        self.insert_event(tx, case_id, &event, Utc::now().timestamp_millis())
            .await?;
        self.insert_audit(tx, case_id, staff_id, AuditAction::Change, kind.code())
            .await
    }

    /// Moves the case's open 'prepare' and 'progress' work items to `queue`, inside `tx`.
    async fn move_work_items(
        &self,
        tx: &mut Transaction<'static, Any>,
        case_id: &str,
        queue: &str,
    ) -> Result<(), CaseStoreError> {
        sqlx::query(&self.sql(
            "UPDATE work_items SET queue = $1 WHERE case_id = $2 AND completed_at IS NULL \
             AND kind IN ('prepare', 'progress')",
        ))
        .bind(queue)
        .bind(case_id)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Sifts an open case: its type (with `levels`, its service levels for that type) and work
    /// queue, sifted today. The type may change only while the case has never been closed.
    pub async fn sift_case(
        &self,
        row: &CaseRow,
        staff: &StaffMember,
        case_type: CaseKind,
        queue: WorkQueue,
        levels: &ServiceLevels,
        today: NaiveDate,
    ) -> Result<ChangeResult, CaseStoreError> {
        let record = &row.record;
        if record.status != app::domain::case::CaseStatus::Open {
            return Ok(refused("queue", "casework.sift.error.closed"));
        }
        let changes_type = case_type != record.case_type;
        if changes_type && record.ever_closed() {
            return Ok(refused("case-type", "case.type.problem.ever_closed"));
        }
        let code = code_of(&queue)?;
        let mut tx = self.writer.begin().await?;
        let changed = sqlx::query(&self.sql(
            "UPDATE cases SET case_type = $1, work_queue = $2, sifted_on = $3, assign_by = $4, \
             close_by = $5 WHERE id = $6 AND status = 'open' AND case_type = $7",
        ))
        .bind(case_type.code())
        .bind(&code)
        .bind(today.to_string())
        .bind(levels.assign_by.to_string())
        .bind(
            if changes_type {
                levels.close_by
            } else {
                record.close_by
            }
            .to_string(),
        )
        .bind(&row.id)
        .bind(record.case_type.code())
        .execute(&mut *tx)
        .await?;
        if changed.rows_affected() != 1 {
            return Ok(refused("queue", "casework.sift.error.closed"));
        }
        self.move_work_items(&mut tx, &row.id, &code).await?;
        let details = json!({
            "from_type": record.case_type.code(),
            "case_type": case_type.code(),
            "work_queue": queue.name(),
        });
        self.casework_event(&mut tx, &row.id, &staff.id, CaseEventKind::Sifted, details)
            .await?;
        tx.commit().await?;
        Ok(ChangeResult::Done)
    }

    /// Clears a raised sift flag with the reason.
    pub async fn clear_sift_flag(
        &self,
        row: &CaseRow,
        staff: &StaffMember,
        kind: SiftFlagKind,
        reason: &str,
    ) -> Result<ChangeResult, CaseStoreError> {
        let mut tx = self.writer.begin().await?;
        let cleared = sqlx::query(&self.sql(
            "UPDATE sift_flags SET cleared_at = $1, cleared_reason = $2 \
             WHERE case_id = $3 AND kind = $4 AND cleared_at IS NULL",
        ))
        .bind(Utc::now().timestamp())
        .bind(reason)
        .bind(&row.id)
        .bind(kind.code())
        .execute(&mut *tx)
        .await?;
        if cleared.rows_affected() == 0 {
            let field = format!("reason-{}", kind.code());
            return Ok(refused(&field, "casework.flag.error.not_raised"));
        }
        let details = json!({ "flag": kind.code(), "reason": reason });
        self.casework_event(
            &mut tx,
            &row.id,
            &staff.id,
            CaseEventKind::FlagCleared,
            details,
        )
        .await?;
        tx.commit().await?;
        Ok(ChangeResult::Done)
    }

    /// The name of an active case officer with this id.
    async fn case_officer(&self, id: &str) -> Result<Option<String>, CaseStoreError> {
        let row = sqlx::query(&self.sql(
            "SELECT s.name FROM staff s JOIN staff_roles r ON r.staff_id = s.id \
             AND r.role = 'case_officer' WHERE s.id = $1 AND s.active = 1",
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|row| row.try_get("name")).transpose()?)
    }

    /// Allocates an open case, sifted to a work queue, to an active case officer.
    pub async fn allocate_case(
        &self,
        row: &CaseRow,
        staff: &StaffMember,
        officer_id: &str,
        today: NaiveDate,
    ) -> Result<ChangeResult, CaseStoreError> {
        let record = &row.record;
        if record.status != app::domain::case::CaseStatus::Open {
            return Ok(refused("officer", "casework.allocate.error.closed"));
        }
        if record.sifted_on.is_none() || record.work_queue == WorkQueue::Sift {
            return Ok(refused("officer", "casework.allocate.error.not_sifted"));
        }
        let Some(name) = self.case_officer(officer_id).await? else {
            return Ok(refused("officer", "casework.allocate.error.officer"));
        };
        if record.assigned_to.as_deref() == Some(officer_id) {
            return Ok(refused("officer", "casework.allocate.error.same"));
        }
        let mut tx = self.writer.begin().await?;
        let changed = sqlx::query(&self.sql(
            "UPDATE cases SET assigned_to = $1, allocated_on = $2 \
             WHERE id = $3 AND status = 'open'",
        ))
        .bind(officer_id)
        .bind(today.to_string())
        .bind(&row.id)
        .execute(&mut *tx)
        .await?;
        if changed.rows_affected() != 1 {
            return Ok(refused("officer", "casework.allocate.error.closed"));
        }
        let details = json!({ "officer": name, "work_queue": record.work_queue.name() });
        self.casework_event(
            &mut tx,
            &row.id,
            &staff.id,
            CaseEventKind::Allocated,
            details,
        )
        .await?;
        tx.commit().await?;
        Ok(ChangeResult::Done)
    }

    /// Moves an open case to another work queue with the reason; its allocation ends (the new
    /// team allocates it).
    pub async fn move_to_queue(
        &self,
        row: &CaseRow,
        staff: &StaffMember,
        to: WorkQueue,
        reason: &str,
    ) -> Result<ChangeResult, CaseStoreError> {
        let record = &row.record;
        if record.status != app::domain::case::CaseStatus::Open {
            return Ok(refused("to", "casework.move.error.closed"));
        }
        if to == record.work_queue {
            return Ok(refused("to", "casework.move.error.same"));
        }
        let code = code_of(&to)?;
        let mut tx = self.writer.begin().await?;
        let changed = sqlx::query(&self.sql(
            "UPDATE cases SET work_queue = $1, assigned_to = NULL, allocated_on = NULL \
             WHERE id = $2 AND status = 'open'",
        ))
        .bind(&code)
        .bind(&row.id)
        .execute(&mut *tx)
        .await?;
        if changed.rows_affected() != 1 {
            return Ok(refused("to", "casework.move.error.closed"));
        }
        self.move_work_items(&mut tx, &row.id, &code).await?;
        let details = json!({
            "from": record.work_queue.name(),
            "to": to.name(),
            "reason": reason,
        });
        self.casework_event(
            &mut tx,
            &row.id,
            &staff.id,
            CaseEventKind::MovedQueue,
            details,
        )
        .await?;
        tx.commit().await?;
        Ok(ChangeResult::Done)
    }

    /// Makes `lead` (an active case officer or team manager) the lead of `queue`.
    pub async fn set_queue_lead(
        &self,
        queue: WorkQueue,
        lead: &str,
    ) -> Result<ChangeResult, CaseStoreError> {
        let found = sqlx::query(&self.sql(
            "SELECT 1 AS ok FROM staff s WHERE s.id = $1 AND s.active = 1 AND EXISTS \
             (SELECT 1 FROM staff_roles r WHERE r.staff_id = s.id \
              AND r.role IN ('case_officer', 'team_manager'))",
        ))
        .bind(lead)
        .fetch_optional(&self.pool)
        .await?;
        if found.is_none() {
            return Ok(refused("lead", "casework.lead.error.unknown"));
        }
        sqlx::query(&self.sql(
            "INSERT INTO work_queue_leads (work_queue, staff_id) VALUES ($1, $2) \
             ON CONFLICT (work_queue) DO UPDATE SET staff_id = excluded.staff_id",
        ))
        .bind(code_of(&queue)?)
        .bind(lead)
        .execute(&self.writer)
        .await?;
        Ok(ChangeResult::Done)
    }
}
