//! Sign-in attempts per email address (its SHA-256), for the lockout, kept in the database so
//! that it holds across every process serving the portal. Each attempt is counted in one
//! statement *before* its password is checked, and that statement alone decides whether the check
//! may run: parallel guesses for one address queue on the row, so no more than the limit are ever
//! checked (separate read, check and count steps let 30 parallel guesses all be checked). A
//! success is let in only if no lock was set meanwhile, and clears the count. The thresholds are
//! `crate::auth`'s.

use sqlx::Row;

use crate::db::Database;

/// What counting an attempt decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignInAttempt {
    /// The password may be checked; this is attempt `number` in the window.
    Allowed { number: i64 },
    /// Locked: the password is not checked.
    Locked,
}

/// The lockout's numbers for one attempt.
#[derive(Debug, Clone, Copy)]
pub struct LockoutWindow {
    pub now: i64,
    /// Attempts before this are forgotten.
    pub start: i64,
    /// Attempts allowed in a window.
    pub limit: i64,
    /// Until when a lock set now lasts.
    pub lock_until: i64,
}

/// Counts an attempt for `email_hash` and says whether its password may be checked, in one
/// statement (an upsert, atomic on PostgreSQL and SQLite). A lock that has run out, or a window
/// that has passed, starts the count again; an attempt beyond the limit sets the lock; an attempt
/// while locked changes nothing (so the lock ends when it says it does).
impl Database {
    pub async fn begin_sign_in(
        &self,
        email_hash: &str,
        window: LockoutWindow,
    ) -> Result<SignInAttempt, sqlx::Error> {
        let database = self;
        let LockoutWindow {
            now,
            start,
            limit,
            lock_until,
        } = window;
        let row = sqlx::query(&database.sql(
        "INSERT INTO staff_sign_in_failures AS f (email_hash, failures, last_failed_at, locked_until) \
         VALUES ($1, 1, $2, 0) \
         ON CONFLICT (email_hash) DO UPDATE SET \
           failures = CASE \
             WHEN f.locked_until > $3 THEN f.failures \
             WHEN f.locked_until > 0 OR f.last_failed_at < $4 THEN 1 \
             ELSE f.failures + 1 END, \
           locked_until = CASE \
             WHEN f.locked_until > $5 THEN f.locked_until \
             WHEN f.locked_until > 0 OR f.last_failed_at < $6 THEN 0 \
             WHEN f.failures + 1 > $7 THEN $8 \
             ELSE 0 END, \
           last_failed_at = CASE WHEN f.locked_until > $9 THEN f.last_failed_at ELSE $10 END \
         RETURNING failures, locked_until",
    ))
    .bind(email_hash)
    .bind(now)
    .bind(now)
    .bind(start)
    .bind(now)
    .bind(start)
    .bind(limit)
    .bind(lock_until)
    .bind(now)
    .bind(now)
    .fetch_one(&database.writer)
    .await?;
        let failures: i64 = row.try_get("failures")?;
        let locked_until: i64 = row.try_get("locked_until")?;
        Ok(if locked_until > now || failures > limit {
            SignInAttempt::Locked
        } else {
            SignInAttempt::Allowed { number: failures }
        })
    }

    /// Locks `email_hash` until `lock_until` (after the attempt that reached the limit failed),
    /// unless a lock is already running.
    pub async fn lock_sign_in(
        &self,
        email_hash: &str,
        now: i64,
        lock_until: i64,
    ) -> Result<(), sqlx::Error> {
        let database = self;
        sqlx::query(&database.sql(
            "UPDATE staff_sign_in_failures SET locked_until = $1 \
         WHERE email_hash = $2 AND locked_until <= $3",
        ))
        .bind(lock_until)
        .bind(email_hash)
        .bind(now)
        .execute(&database.writer)
        .await
        .map(|_| ())
    }

    /// After a right password: clears the count and answers `true`, unless a lock was set while the
    /// password was being checked (then `false`, and the lock stays).
    pub async fn succeed_sign_in(&self, email_hash: &str, now: i64) -> Result<bool, sqlx::Error> {
        let database = self;
        let cleared = sqlx::query(&database.sql(
            "DELETE FROM staff_sign_in_failures WHERE email_hash = $1 AND locked_until <= $2",
        ))
        .bind(email_hash)
        .bind(now)
        .execute(&database.writer)
        .await?;
        if cleared.rows_affected() > 0 {
            return Ok(true);
        }
        // Nothing cleared: either no row (another success cleared it) or a lock.
        let row = sqlx::query(
            &database.sql("SELECT locked_until FROM staff_sign_in_failures WHERE email_hash = $1"),
        )
        .bind(email_hash)
        .fetch_optional(&database.pool)
        .await?;
        let locked_until: i64 = match row {
            Some(row) => row.try_get("locked_until")?,
            None => 0,
        };
        Ok(locked_until <= now)
    }
}
