//! The journeys store: the assistant's answers under the cookie's random id.

use app::domain::assistant::{OutOfRemit, RemitCount};
use app::ports::{Journey, JourneyStore, StoreError};
use chrono::{NaiveDate, Utc};
use sqlx::Row;

use super::Database;

fn store_error(error: impl std::fmt::Display) -> StoreError {
    StoreError(error.to_string())
}

impl Database {
    /// Deletes journeys not touched for `days` days; returns how many.
    pub async fn delete_journeys_older_than(&self, days: u32) -> Result<u64, StoreError> {
        let cutoff = Utc::now().timestamp() - i64::from(days) * 86_400;
        sqlx::query(&self.sql("DELETE FROM journeys WHERE updated_at < $1"))
            .bind(cutoff)
            .execute(&self.writer)
            .await
            .map(|done| done.rows_affected())
            .map_err(store_error)
    }
}

#[async_trait::async_trait]
impl JourneyStore for Database {
    async fn load(&self, id: &str) -> Result<Option<Journey>, StoreError> {
        let row = sqlx::query(&self.sql("SELECT data FROM journeys WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await
            .map_err(store_error)?;
        let Some(row) = row else {
            return Ok(None);
        };
        let data: String = row.try_get("data").map_err(store_error)?;
        // A journey written by an older release that no longer parses starts afresh.
        Ok(Some(serde_json::from_str(&data).unwrap_or_default()))
    }

    async fn save(&self, id: &str, journey: &Journey) -> Result<(), StoreError> {
        let data = serde_json::to_string(journey).map_err(store_error)?;
        sqlx::query(&self.sql(
            "INSERT INTO journeys (id, data, updated_at) VALUES ($1, $2, $3) \
             ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
        ))
        .bind(id)
        .bind(data)
        .bind(Utc::now().timestamp())
        .execute(&self.writer)
        .await
        .map(|_| ())
        .map_err(store_error)
    }

    async fn record_out_of_remit(
        &self,
        journey_id: &str,
        on: NaiveDate,
        found: &OutOfRemit,
    ) -> Result<(), StoreError> {
        let key = crate::auth::sha256_hex(journey_id);
        sqlx::query(&self.sql(
            "INSERT INTO out_of_remit (journey_key, found_on, route, reason, signpost) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (journey_key) DO UPDATE SET \
             found_on = excluded.found_on, route = excluded.route, reason = excluded.reason, \
             signpost = excluded.signpost",
        ))
        .bind(key)
        .bind(on.to_string())
        .bind(&found.route)
        .bind(&found.reason)
        .bind(found.signpost.as_deref())
        .execute(&self.writer)
        .await
        .map(|_| ())
        .map_err(store_error)
    }

    async fn out_of_remit_counts(&self, since: NaiveDate) -> Result<Vec<RemitCount>, StoreError> {
        let rows = sqlx::query(&self.sql(
            "SELECT substr(found_on, 1, 7) AS month, route, reason, COUNT(*) AS n \
             FROM out_of_remit WHERE found_on >= $1 GROUP BY substr(found_on, 1, 7), route, reason \
             ORDER BY month DESC, n DESC, route, reason",
        ))
        .bind(since.to_string())
        .fetch_all(&self.pool)
        .await
        .map_err(store_error)?;
        rows.iter()
            .map(|row| {
                Ok(RemitCount {
                    month: row.try_get("month")?,
                    route: row.try_get("route")?,
                    reason: row.try_get("reason")?,
                    count: row.try_get("n")?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(store_error)
    }

    async fn delete(&self, id: &str) -> Result<(), StoreError> {
        sqlx::query(&self.sql("DELETE FROM journeys WHERE id = $1"))
            .bind(id)
            .execute(&self.writer)
            .await
            .map(|_| ())
            .map_err(store_error)
    }
}
