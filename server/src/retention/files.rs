//! Removing the files of deleted documents and expired journeys from the file store.
//!
//! Keys are content addressed (the same bytes uploaded twice share one file), so a queued key is
//! removed only when no document row and no live journey uses it; otherwise it just leaves the
//! queue. A key the store fails to remove stays queued for the next run.
//!
//! A file uploaded again between the check and the removal (a few milliseconds) would be lost
//! with it; the journey or case would then name a missing file.

use std::collections::{BTreeSet, HashSet};

use futures_util::TryStreamExt;
use sqlx::Row;

use super::journeys::file_keys;
use super::lease::Lease;
use super::sql::placeholders;
use super::Counts;
use crate::db::Database;
use crate::files::FileStore;

/// Works through the queue of keys, a batch at a time.
pub(super) async fn remove_pending(
    database: &Database,
    files: &dyn FileStore,
    batch: usize,
    counts: &mut Counts,
    lease: &Lease,
) -> anyhow::Result<()> {
    let mut after = String::new();
    loop {
        let keys: Vec<String> = sqlx::query(&database.sql(
            "SELECT storage_key FROM retention_pending_files WHERE storage_key > $1 \
             ORDER BY storage_key LIMIT $2",
        ))
        .bind(&after)
        .bind(i64::try_from(batch).unwrap_or(i64::MAX))
        .fetch_all(&database.pool)
        .await?
        .iter()
        .map(|row| row.try_get("storage_key"))
        .collect::<Result<_, _>>()?;
        let Some(last) = keys.last() else {
            return Ok(());
        };
        after = last.clone();
        let in_use = in_use(database, &keys).await?;
        let mut done = Vec::with_capacity(keys.len());
        for key in &keys {
            if in_use.contains(key) {
                done.push(key.clone());
                continue;
            }
            match files.delete(key).await {
                Ok(()) => {
                    counts.files += 1;
                    done.push(key.clone());
                }
                // The key is a content hash, not personal data.
                Err(error) => {
                    tracing::warn!(%error, "retention: a file could not be removed; retried next run")
                }
            }
        }
        if !done.is_empty() {
            let sql = database.sql(&format!(
                "DELETE FROM retention_pending_files WHERE storage_key IN ({})",
                placeholders(1, done.len())
            ));
            let mut query = sqlx::query(&sql);
            for key in &done {
                query = query.bind(key);
            }
            query.execute(&database.writer).await?;
        }
        lease.renew().await?;
        if keys.len() < batch {
            return Ok(());
        }
    }
}

/// The keys of `keys` a document, an email's attachment (one waiting on the sift list is not
/// yet a document) or a live journey still uses.
async fn in_use(database: &Database, keys: &[String]) -> anyhow::Result<HashSet<String>> {
    let sql = database.sql(&format!(
        "SELECT storage_key FROM documents WHERE storage_key IN ({}) \
         UNION SELECT storage_key FROM message_attachments WHERE storage_key IN ({})",
        placeholders(1, keys.len()),
        placeholders(keys.len() + 1, keys.len())
    ));
    let mut query = sqlx::query(&sql);
    for key in keys.iter().chain(keys) {
        query = query.bind(key);
    }
    let mut used: HashSet<String> = query
        .fetch_all(&database.pool)
        .await?
        .iter()
        .map(|row| row.try_get("storage_key"))
        .collect::<Result<_, _>>()?;
    // Journeys with uploads, read one at a time (memory stays bounded however many there are).
    let wanted: HashSet<&str> = keys.iter().map(String::as_str).collect();
    let mut journeys = sqlx::query("SELECT data FROM journeys WHERE data LIKE '%\"file_type\"%'")
        .fetch(&database.pool);
    while let Some(row) = journeys.try_next().await? {
        let data: String = row.try_get("data")?;
        let Ok(json) = serde_json::from_str::<serde_json::Value>(&data) else {
            continue;
        };
        let mut found = BTreeSet::new();
        file_keys(&json, &mut found);
        used.extend(
            found
                .into_iter()
                .filter(|key| wanted.contains(key.as_str())),
        );
    }
    Ok(used)
}
