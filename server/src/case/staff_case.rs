//! A team manager marks a case as a staff case (ECS, manual §15): from then on only the staff
//! named on it see it (the manager, the allocated officer and those the manager names), its
//! answers are hidden, and the reason and the names go on its timeline.

use app::domain::case::{CaseEventKind, CaseKind, CaseStatus};
use app::domain::casework::reason_problem;
use app::domain::staff::{Role, StaffMember};
use app::ports::case::ChangeResult;
use serde_json::json;
use sqlx::Row;

use super::{refused, CaseStore};
use crate::db::casework::CaseRow;
use crate::db::CaseStoreError;

impl CaseStore {
    pub(crate) async fn mark_staff_case(
        &self,
        row: &CaseRow,
        staff: &StaffMember,
        may_see: &[String],
        reason: &str,
    ) -> Result<ChangeResult, CaseStoreError> {
        if !staff.has_any(&[Role::TeamManager]) {
            return Ok(refused("may_see", "case.staff_case.error.not_manager"));
        }
        if row.record.case_type == CaseKind::Ecs {
            return Ok(refused("may_see", "case.staff_case.error.already"));
        }
        if row.record.status != CaseStatus::Open {
            return Ok(refused("may_see", "case.staff_case.error.closed"));
        }
        if let Some(problem) = reason_problem(reason) {
            return Ok(refused(
                "reason",
                &format!("case.staff_case.error.reason_{problem}"),
            ));
        }
        // The manager and the allocated officer always keep the case; then those named.
        let mut ids: Vec<&str> = vec![staff.id.as_str()];
        ids.extend(row.record.assigned_to.as_deref());
        ids.extend(may_see.iter().map(String::as_str));
        ids.sort_unstable();
        ids.dedup();
        let mut tx = self.database.writer.begin().await?;
        let mut names = Vec::new();
        for id in &ids {
            let named =
                sqlx::query(&self.sql("SELECT name FROM staff WHERE id = $1 AND active = 1"))
                    .bind(*id)
                    .fetch_optional(&mut *tx)
                    .await?;
            let Some(named) = named else {
                return Ok(refused("may_see", "case.staff_case.error.unknown"));
            };
            names.push(named.try_get::<String, _>("name")?);
            sqlx::query(&self.sql(
                "INSERT INTO case_staff (case_id, staff_id) VALUES ($1, $2) \
                 ON CONFLICT (case_id, staff_id) DO NOTHING",
            ))
            .bind(&row.id)
            .bind(*id)
            .execute(&mut *tx)
            .await?;
        }
        let changed = sqlx::query(&self.sql(
            "UPDATE cases SET case_type = 'ECS' WHERE id = $1 AND case_type = $2 \
             AND status = 'open'",
        ))
        .bind(&row.id)
        .bind(row.record.case_type.code())
        .execute(&mut *tx)
        .await?;
        if changed.rows_affected() != 1 {
            return Ok(refused("may_see", "case.staff_case.error.already"));
        }
        names.sort();
        self.record(
            &mut tx,
            &row.id,
            &staff.id,
            CaseEventKind::MarkedStaffCase,
            json!({
                "from": row.record.case_type.code(),
                "may_see": names.join(", "),
                "reason": reason.trim(),
            }),
        )
        .await?;
        tx.commit().await?;
        Ok(ChangeResult::Done)
    }
}
