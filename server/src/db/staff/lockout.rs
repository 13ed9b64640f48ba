//! Failed sign-ins per email address (its SHA-256), for the lockout.

use sqlx::Row;

use crate::db::Database;

impl Database {
    /// Until when sign-in for this email (hash) is locked (0: not locked).
    pub async fn sign_in_locked_until(&self, email_hash: &str) -> Result<i64, sqlx::Error> {
        let row = sqlx::query(
            &self.sql("SELECT locked_until FROM staff_sign_in_failures WHERE email_hash = $1"),
        )
        .bind(email_hash)
        .fetch_optional(&self.pool)
        .await?;
        row.map_or(Ok(0), |row| row.try_get("locked_until"))
    }

    /// Counts a failed sign-in in one statement (safe with several web processes): failures
    /// before `window_start` are forgotten; reaching `limit` locks until `lock_until`. Returns
    /// the lock's end (0 or past: not locked).
    pub async fn record_sign_in_failure(
        &self,
        email_hash: &str,
        now: i64,
        window_start: i64,
        limit: i64,
        lock_until: i64,
    ) -> Result<i64, sqlx::Error> {
        let row = sqlx::query(&self.sql(
            "INSERT INTO staff_sign_in_failures AS f (email_hash, failures, last_failed_at, locked_until) \
             VALUES ($1, 1, $2, CASE WHEN $3 <= 1 THEN $4 ELSE 0 END) \
             ON CONFLICT (email_hash) DO UPDATE SET \
               failures = CASE WHEN f.last_failed_at < $5 THEN 1 ELSE f.failures + 1 END, \
               last_failed_at = excluded.last_failed_at, \
               locked_until = CASE WHEN f.last_failed_at >= $6 AND f.failures + 1 >= $7 THEN $8 \
                                   ELSE f.locked_until END \
             RETURNING locked_until",
        ))
        .bind(email_hash)
        .bind(now)
        .bind(limit)
        .bind(lock_until)
        .bind(window_start)
        .bind(window_start)
        .bind(limit)
        .bind(lock_until)
        .fetch_one(&self.writer)
        .await?;
        row.try_get("locked_until")
    }

    pub async fn clear_sign_in_failures(&self, email_hash: &str) -> Result<(), sqlx::Error> {
        sqlx::query(&self.sql("DELETE FROM staff_sign_in_failures WHERE email_hash = $1"))
            .bind(email_hash)
            .execute(&self.writer)
            .await
            .map(|_| ())
    }
}
