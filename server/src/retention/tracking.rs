//! Track my case's expired sessions and links: they open nothing, so they are deleted, a batch
//! per statement (through the `expires_at` indexes, migration `20261211000010`).

use super::lease::Lease;
use super::Counts;
use crate::db::Database;

/// Deletes the sessions and links expired at `now` (Unix seconds).
pub(super) async fn delete_expired(
    database: &Database,
    now: i64,
    batch: usize,
    counts: &mut Counts,
    lease: &Lease,
) -> anyhow::Result<()> {
    let limit = i64::try_from(batch).unwrap_or(i64::MAX);
    for table in ["track_sessions", "track_links"] {
        loop {
            let deleted = sqlx::query(&database.sql(&format!(
                "DELETE FROM {table} WHERE token_hash IN (SELECT token_hash FROM {table} \
                 WHERE expires_at < $1 LIMIT $2)"
            )))
            .bind(now)
            .bind(limit)
            .execute(&database.writer)
            .await?
            .rows_affected();
            counts.track_rows += deleted;
            if deleted > 0 {
                lease.renew().await?;
            }
            if deleted < u64::try_from(batch).unwrap_or(u64::MAX) {
                break;
            }
        }
    }
    Ok(())
}
