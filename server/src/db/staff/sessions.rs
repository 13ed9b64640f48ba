//! Staff sessions (by the SHA-256 of their token) and the one-view form kept with each.

use sqlx::Row;

use super::{member_from, sorted_roles, StoredSession, MEMBER_COLUMNS};
use crate::db::Database;

impl Database {
    pub async fn insert_staff_session(
        &self,
        id: &str,
        staff_id: &str,
        now: i64,
        expires_at: i64,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(&self.sql(
            "INSERT INTO staff_sessions (id, staff_id, created_at, last_seen_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        ))
        .bind(id)
        .bind(staff_id)
        .bind(now)
        .bind(now)
        .bind(expires_at)
        .execute(&self.writer)
        .await
        .map(|_| ())
    }

    /// The session with this id (token hash) and its member of staff.
    pub async fn staff_session(&self, id: &str) -> Result<Option<StoredSession>, sqlx::Error> {
        // Every staff request asks this first: the member and their roles in one query (a row
        // per role).
        let rows = sqlx::query(&self.sql(&format!(
            "SELECT {MEMBER_COLUMNS}, x.created_at, x.last_seen_at, r.role FROM staff_sessions x \
             JOIN staff s ON s.id = x.staff_id LEFT JOIN staff_roles r ON r.staff_id = s.id \
             WHERE x.id = $1"
        )))
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let Some(row) = rows.first() else {
            return Ok(None);
        };
        let codes = rows
            .iter()
            .map(|row| row.try_get::<Option<String>, _>("role"))
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .flatten()
            .collect::<Vec<String>>();
        let roles = sorted_roles(&codes);
        Ok(Some(StoredSession {
            member: member_from(row, roles)?,
            created_at: row.try_get("created_at")?,
            last_seen_at: row.try_get("last_seen_at")?,
        }))
    }

    pub async fn touch_staff_session(&self, id: &str, now: i64) -> Result<(), sqlx::Error> {
        sqlx::query(&self.sql("UPDATE staff_sessions SET last_seen_at = $1 WHERE id = $2"))
            .bind(now)
            .bind(id)
            .execute(&self.writer)
            .await
            .map(|_| ())
    }

    pub async fn delete_staff_session(&self, id: &str) -> Result<(), sqlx::Error> {
        sqlx::query(&self.sql("DELETE FROM staff_sessions WHERE id = $1"))
            .bind(id)
            .execute(&self.writer)
            .await
            .map(|_| ())
    }

    /// Deletes sessions past their absolute expiry or idle since `idle_before`, and failed
    /// sign-ins older than `failures_before`; returns how many sessions went.
    pub async fn sweep_staff_sessions(
        &self,
        now: i64,
        idle_before: i64,
        failures_before: i64,
    ) -> Result<u64, sqlx::Error> {
        let done = sqlx::query(
            &self.sql("DELETE FROM staff_sessions WHERE expires_at <= $1 OR last_seen_at <= $2"),
        )
        .bind(now)
        .bind(idle_before)
        .execute(&self.writer)
        .await?;
        sqlx::query(&self.sql(
            "DELETE FROM staff_sign_in_failures WHERE last_failed_at < $1 AND locked_until < $2",
        ))
        .bind(failures_before)
        .bind(now)
        .execute(&self.writer)
        .await?;
        Ok(done.rows_affected())
    }

    /// Keeps (or clears) a refused form for the page it came from.
    pub async fn set_staff_flash(&self, id: &str, flash: Option<&str>) -> Result<(), sqlx::Error> {
        sqlx::query(&self.sql("UPDATE staff_sessions SET flash = $1 WHERE id = $2"))
            .bind(flash)
            .bind(id)
            .execute(&self.writer)
            .await
            .map(|_| ())
    }

    /// The kept form, left in place.
    pub async fn staff_flash(&self, id: &str) -> Result<Option<String>, sqlx::Error> {
        let row = sqlx::query(&self.sql("SELECT flash FROM staff_sessions WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        match row {
            Some(row) => row.try_get("flash"),
            None => Ok(None),
        }
    }
}
