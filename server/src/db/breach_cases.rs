//! Breach report cases after intake: follow-ups from the organisation (matched on the
//! reference and the reporter's email address) and the Enforcement triage's list and moves.
//! Every change writes its event on the case's history in the same transaction.

use chrono::{NaiveDate, Utc};
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use super::cases::new_id;
use super::{CaseStoreError, Database, NewEvent};

/// A breach case as stored (the answers still JSON).
#[derive(Debug, Clone)]
pub struct BreachCaseRow {
    pub id: String,
    pub reference: String,
    pub created_on: String,
    pub work_queue: String,
    pub priority: String,
    pub assign_by: String,
    pub sector: Option<String>,
    pub answers: serde_json::Value,
    pub follow_ups: i64,
}

const SELECT_CASES: &str = "SELECT c.id, c.reference, c.created_on, c.work_queue, c.priority, \
     c.assign_by, c.sector, c.answers, \
     (SELECT COUNT(*) FROM case_events e WHERE e.case_id = c.id AND e.kind = 'follow_up') AS follow_ups \
     FROM cases c";

fn breach_row(row: &AnyRow) -> Result<Option<BreachCaseRow>, CaseStoreError> {
    let answers: String = row.try_get("answers")?;
    let answers: serde_json::Value = serde_json::from_str(&answers)?;
    if answers.get("breach").is_none() {
        return Ok(None);
    }
    Ok(Some(BreachCaseRow {
        id: row.try_get("id")?,
        reference: row.try_get("reference")?,
        created_on: row.try_get("created_on")?,
        work_queue: row.try_get("work_queue")?,
        priority: row.try_get("priority")?,
        assign_by: row.try_get("assign_by")?,
        sector: row.try_get("sector")?,
        answers,
        follow_ups: row.try_get("follow_ups")?,
    }))
}

impl Database {
    /// Queues a message (with or without a case) inside `tx`.
    pub async fn queue_message(
        &self,
        tx: &mut Transaction<'static, Any>,
        case_id: Option<&str>,
        kind: &str,
        payload: &serde_json::Value,
    ) -> Result<(), CaseStoreError> {
        let now = Utc::now().timestamp();
        sqlx::query(&self.sql(
            "INSERT INTO outbox (id, case_id, kind, payload, created_at, attempts, next_attempt_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        ))
        .bind(new_id()?)
        .bind(case_id)
        .bind(kind)
        .bind(serde_json::to_string(payload)?)
        .bind(now)
        .bind(0_i64)
        .bind(now)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// The COM case with this reference, if it holds a breach report.
    pub async fn breach_case(
        &self,
        reference: &str,
    ) -> Result<Option<BreachCaseRow>, CaseStoreError> {
        let row = sqlx::query(&self.sql(&format!(
            "{SELECT_CASES} WHERE c.reference = $1 AND c.case_type = 'COM'"
        )))
        .bind(reference)
        .fetch_optional(&self.pool)
        .await?;
        match row {
            Some(row) => breach_row(&row),
            None => Ok(None),
        }
    }

    /// The breach cases created on `day`.
    pub async fn breach_cases_on(
        &self,
        day: NaiveDate,
    ) -> Result<Vec<BreachCaseRow>, CaseStoreError> {
        let rows = sqlx::query(&self.sql(&format!(
            "{SELECT_CASES} WHERE c.created_on = $1 AND c.case_type = 'COM' ORDER BY c.reference"
        )))
        .bind(day.to_string())
        .fetch_all(&self.pool)
        .await?;
        let mut cases = Vec::new();
        for row in &rows {
            if let Some(case) = breach_row(row)? {
                cases.push(case);
            }
        }
        Ok(cases)
    }

    /// Whether `email` is the reporter's address on the case (case-insensitive).
    pub async fn is_reporter(&self, case_id: &str, email: &str) -> Result<bool, CaseStoreError> {
        let rows = sqlx::query(
            &self.sql("SELECT email FROM parties WHERE case_id = $1 AND role = 'reporter'"),
        )
        .bind(case_id)
        .fetch_all(&self.pool)
        .await?;
        let wanted = email.trim().to_lowercase();
        Ok(rows.iter().any(|row| {
            row.try_get::<Option<String>, _>("email")
                .ok()
                .flatten()
                .is_some_and(|stored| stored.trim().to_lowercase() == wanted)
        }))
    }

    /// Records a follow-up on the case and queues its acknowledgement.
    pub async fn add_follow_up(
        &self,
        case_id: &str,
        event: &NewEvent,
        acknowledgement: &serde_json::Value,
    ) -> Result<(), CaseStoreError> {
        let mut tx = self.writer.begin().await?;
        self.insert_event(&mut tx, case_id, event, Utc::now().timestamp_millis())
            .await?;
        self.queue_message(&mut tx, Some(case_id), "breach_follow_up", acknowledgement)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Moves the case to `work_queue` at `priority`, to be assigned by `assign_by`, marks it
    /// sifted on `sifted_on` (Enforcement's triage is a self-reported incident's sift) unless it
    /// already was, and records the event.
    pub async fn move_case(
        &self,
        case_id: &str,
        work_queue: &str,
        priority: &str,
        assign_by: NaiveDate,
        sifted_on: NaiveDate,
        event: &NewEvent,
    ) -> Result<(), CaseStoreError> {
        let mut tx = self.writer.begin().await?;
        sqlx::query(&self.sql(
            "UPDATE cases SET work_queue = $1, priority = $2, assign_by = $3, \
             sifted_on = COALESCE(sifted_on, $4) WHERE id = $5",
        ))
        .bind(work_queue)
        .bind(priority)
        .bind(assign_by.to_string())
        .bind(sifted_on.to_string())
        .bind(case_id)
        .execute(&mut *tx)
        .await?;
        self.insert_event(&mut tx, case_id, event, Utc::now().timestamp_millis())
            .await?;
        tx.commit().await?;
        Ok(())
    }
}
