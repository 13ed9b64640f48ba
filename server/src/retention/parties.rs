//! Purging merged duplicate party records: a merge (manual §5) moves a duplicate's cases to the
//! main record and marks the duplicate 'marked for deletion'; it goes after the purge period.

use app::domain::case::PARTY_MARKED_FOR_DELETION;
use app::domain::retention::{marked_candidates_until, merged_party_due, RetentionSettings};
use chrono::NaiveDate;
use sqlx::Row;

use super::lease::Lease;
use super::sql::{london_date, placeholders};
use super::Counts;
use crate::db::Database;

/// Purges every merged duplicate record due on `today`, a batch per transaction.
pub(super) async fn purge_merged(
    database: &Database,
    settings: &RetentionSettings,
    today: NaiveDate,
    batch: usize,
    counts: &mut Counts,
    lease: &Lease,
) -> anyhow::Result<()> {
    // Merged before the end (in UTC, a day's margin for London's clock) of the last candidate day.
    let until = marked_candidates_until(today, settings)
        .succ_opt()
        .and_then(|day| day.succ_opt())
        .and_then(|day| day.and_hms_opt(0, 0, 0))
        .map_or(i64::MAX, |at| at.and_utc().timestamp_millis());
    let mut after = (0i64, String::new());
    loop {
        let rows = sqlx::query(&database.sql(
            "SELECT id, merged_at FROM parties WHERE status = $1 AND merged_at IS NOT NULL \
             AND merged_at < $2 AND (merged_at > $3 OR (merged_at = $4 AND id > $5)) \
             ORDER BY merged_at, id LIMIT $6",
        ))
        .bind(PARTY_MARKED_FOR_DELETION)
        .bind(until)
        .bind(after.0)
        .bind(after.0)
        .bind(&after.1)
        .bind(i64::try_from(batch).unwrap_or(i64::MAX))
        .fetch_all(&database.pool)
        .await?;
        let mut due = Vec::new();
        for row in &rows {
            let id: String = row.try_get("id")?;
            let merged_at: i64 = row.try_get("merged_at")?;
            if london_date(merged_at, 1000).is_some_and(|on| merged_party_due(on, today, settings))
            {
                due.push(id.clone());
            }
            after = (merged_at, id);
        }
        if !due.is_empty() {
            counts.merged_parties += purge(database, &due).await?;
            lease.renew().await?;
        }
        if rows.len() < batch {
            return Ok(());
        }
    }
}

async fn purge(database: &Database, ids: &[String]) -> anyhow::Result<u64> {
    let list = placeholders(1, ids.len());
    let mut tx = database.writer.begin().await?;
    for statement in [
        format!("UPDATE case_messages SET party_id = NULL WHERE party_id IN ({list})"),
        format!("UPDATE parties SET main_party_id = NULL WHERE main_party_id IN ({list})"),
        format!("DELETE FROM party_links WHERE party_id IN ({list})"),
        format!("DELETE FROM search_tokens WHERE party_id IN ({list})"),
    ] {
        let sql = database.sql(&statement);
        let mut query = sqlx::query(&sql);
        for id in ids {
            query = query.bind(id);
        }
        query.execute(&mut *tx).await?;
    }
    let sql = database.sql(&format!(
        "DELETE FROM parties WHERE id IN ({list}) AND status = ${}",
        ids.len() + 1
    ));
    let mut query = sqlx::query(&sql);
    for id in ids {
        query = query.bind(id);
    }
    let deleted = query
        .bind(PARTY_MARKED_FOR_DELETION)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    tx.commit().await?;
    Ok(deleted)
}
