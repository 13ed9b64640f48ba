//! The staff store: accounts and their roles, sessions (by the SHA-256 of their token), the
//! one-view form kept with a session, and failed sign-ins for the lockout. Policy (hashing,
//! timeouts, lockout thresholds) is decided by `crate::auth`; this module only reads and writes.

use std::collections::HashMap;

use app::domain::staff::{Role, StaffMember};
use app::ports::staff::StaffChanges;
use chrono::NaiveDate;
use sqlx::any::AnyRow;
use sqlx::Row;

use super::Database;

mod lockout;
mod sessions;

pub use lockout::{LockoutWindow, SignInAttempt};

/// A new account, its password already hashed.
pub struct NewStaffRow<'a> {
    pub id: &'a str,
    pub email: &'a str,
    pub name: &'a str,
    pub password_hash: &'a str,
    pub roles: &'a [Role],
    pub created_at: i64,
}

/// What signing in needs to know about an account.
pub struct Login {
    pub id: String,
    pub password_hash: String,
    pub active: bool,
}

/// A stored session with its member of staff.
pub struct StoredSession {
    pub member: StaffMember,
    pub created_at: i64,
    pub last_seen_at: i64,
}

const MEMBER_COLUMNS: &str = "s.id, s.email, s.name, s.active, s.manager_id, s.away_until";

fn member_from(row: &AnyRow, roles: Vec<Role>) -> Result<StaffMember, sqlx::Error> {
    let away: Option<String> = row.try_get("away_until")?;
    Ok(StaffMember {
        id: row.try_get("id")?,
        email: row.try_get("email")?,
        name: row.try_get("name")?,
        roles,
        active: row.try_get::<i64, _>("active")? != 0,
        manager_id: row.try_get("manager_id")?,
        away_until: away.and_then(|text| NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok()),
    })
}

/// Roles in [`Role::all`] order; codes this release does not know are skipped.
fn sorted_roles(codes: &[String]) -> Vec<Role> {
    Role::all()
        .iter()
        .copied()
        .filter(|role| codes.iter().any(|code| code == role.code()))
        .collect()
}

impl Database {
    pub async fn insert_staff(&self, new: &NewStaffRow<'_>) -> Result<(), sqlx::Error> {
        let mut tx = self.writer.begin().await?;
        sqlx::query(&self.sql(
            "INSERT INTO staff (id, email, name, password_hash, active, created_at) \
             VALUES ($1, $2, $3, $4, 1, $5)",
        ))
        .bind(new.id)
        .bind(new.email)
        .bind(new.name)
        .bind(new.password_hash)
        .bind(new.created_at)
        .execute(&mut *tx)
        .await?;
        for role in new.roles {
            sqlx::query(&self.sql("INSERT INTO staff_roles (staff_id, role) VALUES ($1, $2)"))
                .bind(new.id)
                .bind(role.code())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await
    }

    /// Every account, by name.
    pub async fn list_staff(&self) -> Result<Vec<StaffMember>, sqlx::Error> {
        let rows = sqlx::query(&format!(
            "SELECT {MEMBER_COLUMNS} FROM staff s ORDER BY s.name, s.email"
        ))
        .fetch_all(&self.pool)
        .await?;
        let mut codes: HashMap<String, Vec<String>> = HashMap::new();
        for row in sqlx::query("SELECT staff_id, role FROM staff_roles")
            .fetch_all(&self.pool)
            .await?
        {
            codes
                .entry(row.try_get("staff_id")?)
                .or_default()
                .push(row.try_get("role")?);
        }
        rows.iter()
            .map(|row| {
                let id: String = row.try_get("id")?;
                member_from(row, sorted_roles(codes.get(&id).map_or(&[], Vec::as_slice)))
            })
            .collect()
    }

    /// The account with this (lower-case) email, for signing in.
    pub async fn staff_login(&self, email: &str) -> Result<Option<Login>, sqlx::Error> {
        let row =
            sqlx::query(&self.sql("SELECT id, password_hash, active FROM staff WHERE email = $1"))
                .bind(email)
                .fetch_optional(&self.pool)
                .await?;
        row.map(|row| {
            Ok(Login {
                id: row.try_get("id")?,
                password_hash: row.try_get("password_hash")?,
                active: row.try_get::<i64, _>("active")? != 0,
            })
        })
        .transpose()
    }

    /// Changes an account; returns false if there is none. Deactivating ends its sessions.
    pub async fn update_staff(
        &self,
        id: &str,
        changes: &StaffChanges,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.writer.begin().await?;
        let done =
            sqlx::query(&self.sql(
                "UPDATE staff SET manager_id = $1, away_until = $2, active = $3 WHERE id = $4",
            ))
            .bind(changes.manager_id.as_deref())
            .bind(changes.away_until.map(|d| d.format("%Y-%m-%d").to_string()))
            .bind(i64::from(changes.active))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        sqlx::query(&self.sql("DELETE FROM staff_roles WHERE staff_id = $1"))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        for role in &changes.roles {
            sqlx::query(&self.sql("INSERT INTO staff_roles (staff_id, role) VALUES ($1, $2)"))
                .bind(id)
                .bind(role.code())
                .execute(&mut *tx)
                .await?;
        }
        if !changes.active {
            sqlx::query(&self.sql("DELETE FROM staff_sessions WHERE staff_id = $1"))
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(true)
    }
}
