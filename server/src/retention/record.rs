//! The audit of retention runs: one row per run, counts only.

use anyhow::Context;

use super::Counts;
use crate::db::Database;

/// Records a run that started at `started_at` (Unix seconds) in `retention_runs`.
pub(super) async fn insert(
    database: &Database,
    started_at: i64,
    process: &str,
    outcome: &str,
    counts: &Counts,
) -> anyhow::Result<()> {
    let mut id = [0u8; 16];
    getrandom::fill(&mut id).map_err(|error| anyhow::anyhow!("random: {error}"))?;
    let id: String = id.iter().map(|b| format!("{b:02x}")).collect();
    let count = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
    sqlx::query(&database.sql(
        "INSERT INTO retention_runs (id, started_at, finished_at, process, outcome, \
         cases_deleted, marked_cases_deleted, parties_deleted, parties_kept, \
         merged_parties_deleted, documents_deleted, messages_deleted, outbox_deleted, \
         events_deleted, work_items_deleted, other_rows_deleted, journeys_deleted, files_deleted, \
         track_rows_deleted) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, \
         $19)",
    ))
    .bind(id)
    .bind(started_at)
    .bind(chrono::Utc::now().timestamp())
    .bind(process)
    .bind(outcome)
    .bind(count(counts.cases))
    .bind(count(counts.marked_cases))
    .bind(count(counts.parties))
    .bind(count(counts.parties_kept))
    .bind(count(counts.merged_parties))
    .bind(count(counts.documents))
    .bind(count(counts.messages))
    .bind(count(counts.outbox))
    .bind(count(counts.events))
    .bind(count(counts.work_items))
    .bind(count(counts.other_rows))
    .bind(count(counts.journeys))
    .bind(count(counts.files))
    .bind(count(counts.track_rows))
    .execute(&database.writer)
    .await
    .context("recording the retention run")?;
    Ok(())
}
