//! Closing (one case, or several with one action), re-opening for a second related concern, and
//! an admin's correction of an outcome (manual §11).

use app::domain::case::{
    closure_problems, follow_on_for, outcomes_for, reopen_problems, service_levels, CaseEventKind,
    CaseStatus, Closure, Outcome, PREPARE, PROGRESS,
};
use app::domain::staff::{Role, StaffMember};
use app::ports::case::{ChangeResult, CloseSeveral};
use app::server_fns::case::closure_errors;
use chrono::{NaiveDate, Utc};
use serde_json::json;
use sqlx::{Any, Row, Transaction};

use super::{new_id, now_ms, refused, works_case, CaseStore};
use crate::db::casework::CaseRow;
use crate::db::{code_of, CaseStoreError};

fn closure_details(row: &CaseRow, closure: &Closure) -> serde_json::Value {
    json!({
        "instance": row.record.instance,
        "outcome": closure.outcome,
        "nature_1": closure.nature_1,
        "nature_2": closure.nature_2,
        "subject_access_delay": closure.subject_access_delay,
    })
}

impl CaseStore {
    /// Closes the current instance inside `tx`; false if it was no longer open.
    async fn close_in(
        &self,
        tx: &mut Transaction<'static, Any>,
        row: &CaseRow,
        staff: &StaffMember,
        closure: &Closure,
        today: NaiveDate,
        reason: Option<&str>,
    ) -> Result<bool, CaseStoreError> {
        let closed = sqlx::query(&self.sql(
            "UPDATE cases SET status = 'closed' WHERE id = $1 AND status = 'open' AND instance = $2",
        ))
        .bind(&row.id)
        .bind(i64::from(row.record.instance))
        .execute(&mut **tx)
        .await?;
        if closed.rows_affected() != 1 {
            return Ok(false);
        }
        // With the party facts the published data sets read (stored once, not worked out on
        // every download).
        sqlx::query(&self.sql(&format!(
            "UPDATE case_instances SET closed_on = $1, closed_at = $2, closed_by = $3, \
             outcome = $4, attributes = $5, {} WHERE case_id = $6 AND number = $7",
            crate::db::data_sets::store_party_facts_sql()
        )))
        .bind(today.to_string())
        .bind(now_ms())
        .bind(&staff.id)
        .bind(closure.outcome.map(|outcome| outcome.code()))
        .bind(serde_json::to_string(closure)?)
        .bind(&row.id)
        .bind(i64::from(row.record.instance))
        .execute(&mut **tx)
        .await?;
        // The officer's own work on the instance ends with it ('provide advice' is Enforcement's).
        sqlx::query(&self.sql(
            "UPDATE work_items SET completed_at = $1, completed_by = $2 \
             WHERE case_id = $3 AND completed_at IS NULL AND kind IN ($4, $5)",
        ))
        .bind(Utc::now().timestamp())
        .bind(&staff.id)
        .bind(&row.id)
        .bind(PREPARE)
        .bind(PROGRESS)
        .execute(&mut **tx)
        .await?;
        let mut details = closure_details(row, closure);
        if let (Some(reason), Some(fields)) = (reason, details.as_object_mut()) {
            fields.insert("reason".to_owned(), reason.into());
        }
        self.record(tx, &row.id, &staff.id, CaseEventKind::Closed, details)
            .await?;
        // An outcome that hands the work on opens its ENF or PCB case with the closure.
        if let Some(outcome) = closure.outcome {
            if let Some(case_type) = follow_on_for(outcome) {
                self.open_follow_on(tx, row, case_type, staff, today, outcome.code())
                    .await?;
            }
        }
        Ok(true)
    }

    /// Closes the case (the allocated officer or a team manager) with a valid closure.
    pub(crate) async fn close(
        &self,
        row: &CaseRow,
        staff: &StaffMember,
        closure: &Closure,
        today: NaiveDate,
    ) -> Result<ChangeResult, CaseStoreError> {
        if !works_case(row, staff) {
            return Ok(refused("outcome", "case.close.error.not_officer"));
        }
        if row.record.status != CaseStatus::Open {
            return Ok(refused("outcome", "case.close.error.closed"));
        }
        let problems = closure_problems(row.record.case_type, closure);
        if !problems.is_empty() {
            return Ok(ChangeResult::Refused(closure_errors(&problems)));
        }
        let mut tx = self.database.writer.begin().await?;
        if !self
            .close_in(&mut tx, row, staff, closure, today, None)
            .await?
        {
            return Ok(refused("outcome", "case.close.error.closed"));
        }
        tx.commit().await?;
        Ok(ChangeResult::Done)
    }

    /// Closes every listed case with the same closure, or none: each failing reference with why.
    pub(crate) async fn close_many(
        &self,
        request: &CloseSeveral,
    ) -> Result<Result<Vec<String>, Vec<(String, String)>>, CaseStoreError> {
        let staff = &request.staff;
        let reason = request.reason.trim();
        // Closing several cases needs the confirmation page's reason.
        if reason.is_empty() {
            return Ok(Err(vec![(
                String::new(),
                "case.confirm.error.reason".to_owned(),
            )]));
        }
        let mut problems = Vec::new();
        let mut rows = Vec::new();
        for reference in &request.references {
            let Some(row) = self.visible_case(reference, staff).await? else {
                problems.push((reference.clone(), "case.several.error.unknown".to_owned()));
                continue;
            };
            if row.record.status != CaseStatus::Open {
                problems.push((reference.clone(), "case.several.error.closed".to_owned()));
            } else if !works_case(&row, staff) {
                problems.push((
                    reference.clone(),
                    "case.several.error.not_officer".to_owned(),
                ));
            } else if let Some(problem) =
                closure_problems(row.record.case_type, &request.closure).first()
            {
                problems.push((reference.clone(), problem.label_key()));
            }
            rows.push(row);
        }
        if !problems.is_empty() {
            return Ok(Err(problems));
        }
        let mut tx = self.database.writer.begin().await?;
        for row in &rows {
            if !self
                .close_in(
                    &mut tx,
                    row,
                    staff,
                    &request.closure,
                    request.today,
                    Some(reason),
                )
                .await?
            {
                // Closed meanwhile: nothing is closed.
                tx.rollback().await?;
                return Ok(Err(vec![(
                    row.record.reference.clone(),
                    "case.several.error.closed".to_owned(),
                )]));
            }
        }
        tx.commit().await?;
        Ok(Ok(rows
            .into_iter()
            .map(|row| row.record.reference)
            .collect()))
    }

    /// Re-opens the case for a second, related concern: a new instance under the same reference
    /// from today, fresh service-level dates, a new 'prepare' item; the officer stays allocated.
    pub(crate) async fn reopen(
        &self,
        row: &CaseRow,
        staff: &StaffMember,
        reason: &str,
        today: NaiveDate,
    ) -> Result<ChangeResult, CaseStoreError> {
        if !works_case(row, staff) {
            return Ok(refused("reason", "case.reopen.error.not_officer"));
        }
        let problems = reopen_problems(&row.record, today, reason);
        if !problems.is_empty() {
            let field = |problem: &app::domain::case::ReopenProblem| match problem {
                app::domain::case::ReopenProblem::ReasonMissing => "reason",
                _ => "reopen",
            };
            return Ok(ChangeResult::Refused(
                problems
                    .iter()
                    .map(|problem| {
                        (
                            field(problem).to_owned(),
                            format!("case.reopen.problem.{}", problem.code()),
                        )
                    })
                    .collect(),
            ));
        }
        let levels = service_levels(row.record.case_type, today, &self.calendar, &self.settings)
            .map_err(|error| {
                CaseStoreError::Database(sqlx::Error::Protocol(format!("service levels: {error}")))
            })?;
        let number = row.record.instance + 1;
        let mut tx = self.database.writer.begin().await?;
        let reopened = sqlx::query(&self.sql(
            "UPDATE cases SET status = 'open', instance = $1, assign_by = $2, \
             first_contact_due = $3, contact_promised_by = $4, close_by = $5 \
             WHERE id = $6 AND status = 'closed' AND instance = $7",
        ))
        .bind(i64::from(number))
        .bind(levels.assign_by.to_string())
        .bind(levels.first_contact_due.to_string())
        .bind(levels.contact_promised_by.to_string())
        .bind(levels.close_by.to_string())
        .bind(&row.id)
        .bind(i64::from(row.record.instance))
        .execute(&mut *tx)
        .await?;
        if reopened.rows_affected() != 1 {
            return Ok(refused("reopen", "case.reopen.problem.not_closed"));
        }
        sqlx::query(&self.sql(
            "INSERT INTO case_instances (id, case_id, number, opened_on) VALUES ($1, $2, $3, $4)",
        ))
        .bind(new_id()?)
        .bind(&row.id)
        .bind(i64::from(number))
        .bind(today.to_string())
        .execute(&mut *tx)
        .await?;
        sqlx::query(&self.sql(
            "INSERT INTO work_items (id, case_id, kind, queue, due_on, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        ))
        .bind(new_id()?)
        .bind(&row.id)
        .bind(PREPARE)
        .bind(code_of(&row.record.work_queue)?)
        .bind(levels.first_contact_due.to_string())
        .bind(Utc::now().timestamp())
        .execute(&mut *tx)
        .await?;
        let details = json!({ "instance": number, "reason": reason });
        self.record(
            &mut tx,
            &row.id,
            &staff.id,
            CaseEventKind::Reopened,
            details,
        )
        .await?;
        tx.commit().await?;
        Ok(ChangeResult::Done)
    }

    /// An admin corrects the outcome an instance was closed with; no new instance.
    pub(crate) async fn correct_outcome(
        &self,
        row: &CaseRow,
        staff: &StaffMember,
        instance: u32,
        outcome: Outcome,
        reason: &str,
    ) -> Result<ChangeResult, CaseStoreError> {
        if !staff.has_any(&[Role::Admin]) {
            return Ok(refused("outcome", "case.correction.error.admin"));
        }
        let found = sqlx::query(&self.sql(
            "SELECT outcome, attributes, closed_on FROM case_instances WHERE case_id = $1 AND number = $2",
        ))
        .bind(&row.id)
        .bind(i64::from(instance))
        .fetch_optional(&self.database.pool)
        .await?;
        let Some(found) = found else {
            return Ok(refused("instance", "case.correction.error.instance"));
        };
        if found.try_get::<Option<String>, _>("closed_on")?.is_none() {
            return Ok(refused("instance", "case.correction.error.open"));
        }
        if !outcomes_for(row.record.case_type).contains(&outcome) {
            return Ok(refused("outcome", "workflow.closure.outcome_not_for_type"));
        }
        let before: Option<String> = found.try_get("outcome")?;
        let mut attributes: serde_json::Value =
            serde_json::from_str(&found.try_get::<String, _>("attributes")?).unwrap_or(json!({}));
        if !attributes.is_object() {
            attributes = json!({});
        }
        attributes["outcome"] = json!(outcome);
        let mut tx = self.database.writer.begin().await?;
        sqlx::query(&self.sql(
            "UPDATE case_instances SET outcome = $1, attributes = $2 WHERE case_id = $3 AND number = $4",
        ))
        .bind(outcome.code())
        .bind(attributes.to_string())
        .bind(&row.id)
        .bind(i64::from(instance))
        .execute(&mut *tx)
        .await?;
        let details =
            json!({ "instance": instance, "from": before, "to": outcome, "reason": reason });
        self.record(
            &mut tx,
            &row.id,
            &staff.id,
            CaseEventKind::OutcomeCorrected,
            details,
        )
        .await?;
        tx.commit().await?;
        Ok(ChangeResult::Done)
    }
}
