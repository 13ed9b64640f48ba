//! Expired journeys: a journey not touched for the journey days is deleted with its answers,
//! and the files uploaded on it are queued for removal from the file store.

use std::collections::BTreeSet;

use app::domain::retention::journey_cutoff;
use serde_json::Value;
use sqlx::Row;

use super::lease::Lease;
use super::sql::placeholders;
use super::Counts;
use crate::db::Database;

/// Deletes every journey expired at `now` (Unix seconds), a batch per transaction.
pub(super) async fn delete_expired(
    database: &Database,
    journey_days: u32,
    now: i64,
    batch: usize,
    counts: &mut Counts,
    lease: &Lease,
) -> anyhow::Result<()> {
    let cutoff = journey_cutoff(now, journey_days);
    let mut after = (i64::MIN, String::new());
    loop {
        let rows = sqlx::query(&database.sql(
            "SELECT id, data, updated_at FROM journeys WHERE updated_at < $1 \
             AND (updated_at > $2 OR (updated_at = $3 AND id > $4)) \
             ORDER BY updated_at, id LIMIT $5",
        ))
        .bind(cutoff)
        .bind(after.0)
        .bind(after.0)
        .bind(&after.1)
        .bind(i64::try_from(batch).unwrap_or(i64::MAX))
        .fetch_all(&database.pool)
        .await?;
        let mut ids = Vec::with_capacity(rows.len());
        let mut keys = BTreeSet::new();
        for row in &rows {
            let id: String = row.try_get("id")?;
            let data: String = row.try_get("data")?;
            after = (row.try_get("updated_at")?, id.clone());
            if let Ok(json) = serde_json::from_str::<Value>(&data) {
                file_keys(&json, &mut keys);
            }
            ids.push(id);
        }
        if !ids.is_empty() {
            counts.journeys += delete(database, &ids, &keys, cutoff).await?;
            lease.renew().await?;
        }
        if rows.len() < batch {
            return Ok(());
        }
    }
}

/// Queues `keys` and deletes the journeys `ids` still expired, in one transaction.
async fn delete(
    database: &Database,
    ids: &[String],
    keys: &BTreeSet<String>,
    cutoff: i64,
) -> anyhow::Result<u64> {
    let mut tx = database.writer.begin().await?;
    let queued_at = chrono::Utc::now().timestamp();
    for key in keys {
        sqlx::query(&database.sql(
            "INSERT INTO retention_pending_files (storage_key, queued_at) VALUES ($1, $2) \
             ON CONFLICT (storage_key) DO NOTHING",
        ))
        .bind(key)
        .bind(queued_at)
        .execute(&mut *tx)
        .await?;
    }
    let sql = database.sql(&format!(
        "DELETE FROM journeys WHERE id IN ({}) AND updated_at < ${}",
        placeholders(1, ids.len()),
        ids.len() + 1
    ));
    let mut query = sqlx::query(&sql);
    for id in ids {
        query = query.bind(id);
    }
    let deleted = query.bind(cutoff).execute(&mut *tx).await?.rows_affected();
    tx.commit().await?;
    Ok(deleted)
}

/// The file store keys of the uploaded files anywhere in a journey's JSON: every object with a
/// `file_type` and a string `key` (an `EvidenceFile`).
pub(super) fn file_keys(json: &Value, keys: &mut BTreeSet<String>) {
    match json {
        Value::Object(object) => {
            if let (Some(Value::String(key)), true) =
                (object.get("key"), object.contains_key("file_type"))
            {
                keys.insert(key.clone());
            }
            object.values().for_each(|value| file_keys(value, keys));
        }
        Value::Array(values) => values.iter().for_each(|value| file_keys(value, keys)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keys_of_uploaded_files_are_found_wherever_the_journey_keeps_them() {
        let journey = serde_json::json!({
            "answers": {"evidence": {"kind": "files", "value": [
                {"kind": "their_response", "file_name": "a.pdf", "file_type": "pdf", "size": 3,
                 "key": "documents/ab/abc"},
                {"kind": "other", "file_name": "b.png", "file_type": "png", "size": 3,
                 "key": "documents/cd/cde"}
            ]}},
            "submission_key": "not-a-file",
            "nuisance": {"key": "not-a-file-either"}
        });
        let mut keys = BTreeSet::new();
        file_keys(&journey, &mut keys);
        assert_eq!(
            keys.into_iter().collect::<Vec<_>>(),
            vec!["documents/ab/abc".to_owned(), "documents/cd/cde".to_owned()]
        );
    }
}
