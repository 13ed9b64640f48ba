//! A case's history: every event (submitted, follow-up, triaged, …) with who and when, written
//! in the same transaction as the change it records.

use serde::{Deserialize, Serialize};
use sqlx::{Any, Row, Transaction};

use super::{CaseStoreError, Database};

/// An event to record on a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewEvent {
    /// A staff id, `reporter`, `customer` or `system`.
    pub actor: String,
    /// `submitted`, `follow_up`, `triaged`, …
    pub kind: String,
    pub details: serde_json::Value,
}

/// An event as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseEvent {
    /// Unix milliseconds.
    pub at: i64,
    pub actor: String,
    pub kind: String,
    pub details: serde_json::Value,
}

impl Database {
    /// Records `event` on the case inside `tx`, at `at_ms` (Unix milliseconds).
    pub async fn insert_event(
        &self,
        tx: &mut Transaction<'static, Any>,
        case_id: &str,
        event: &NewEvent,
        at_ms: i64,
    ) -> Result<(), CaseStoreError> {
        sqlx::query(&self.sql(
            "INSERT INTO case_events (id, case_id, at, actor, kind, details) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        ))
        .bind(super::cases::new_id()?)
        .bind(case_id)
        .bind(at_ms)
        .bind(&event.actor)
        .bind(&event.kind)
        .bind(serde_json::to_string(&event.details)?)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// The events of the case with this reference, oldest first.
    pub async fn case_events(&self, reference: &str) -> Result<Vec<CaseEvent>, CaseStoreError> {
        let rows = sqlx::query(&self.sql(
            "SELECT e.at, e.actor, e.kind, e.details FROM case_events e \
             JOIN cases c ON c.id = e.case_id WHERE c.reference = $1 ORDER BY e.at, e.id",
        ))
        .bind(reference)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let details: String = row.try_get("details")?;
                Ok(CaseEvent {
                    at: row.try_get("at")?,
                    actor: row.try_get("actor")?,
                    kind: row.try_get("kind")?,
                    details: serde_json::from_str(&details)?,
                })
            })
            .collect()
    }
}
