//! The server's staff accounts: signing in with the lockout, sessions, and the admin's changes.

use app::domain::staff::{normalise_email, SessionState, StaffMember};
use app::ports::staff::{
    CurrentStaff, NewSession, NewStaff, SignInError, StaffChangeError, StaffChanges,
};
use app::ports::{StaffAccounts, StoreError};
use app::server_fns::staff::FormFlash;

use super::{now, random_id, random_token, sha256_hex, StaffAuth};
use crate::db::{LockoutWindow, NewStaffRow, SignInAttempt};

fn store_error(error: impl std::fmt::Display) -> StoreError {
    StoreError(error.to_string())
}

fn failed(error: impl std::fmt::Display) -> SignInError {
    SignInError::Failed(error.to_string())
}

fn is_unique_violation(error: &sqlx::Error) -> bool {
    error
        .as_database_error()
        .is_some_and(|db| db.is_unique_violation())
}

/// How often a session's last use is written (not on every request).
const TOUCH_AFTER_SECONDS: i64 = 30;

impl StaffAuth {
    /// The live session this cookie token names, refreshing its last use; an ended session is
    /// deleted. `Err` only when the store fails.
    pub async fn current(&self, token: &str) -> Result<Option<CurrentStaff>, sqlx::Error> {
        let id = sha256_hex(token);
        let Some(session) = self.database.staff_session(&id).await? else {
            return Ok(None);
        };
        let now = now();
        let state = self
            .policy
            .state(session.created_at, session.last_seen_at, now);
        if state != SessionState::Live || !session.member.active {
            self.database.delete_staff_session(&id).await?;
            return Ok(None);
        }
        if now - session.last_seen_at >= TOUCH_AFTER_SECONDS {
            self.database.touch_staff_session(&id, now).await?;
        }
        Ok(Some(CurrentStaff {
            member: session.member,
            session_id: id,
        }))
    }

    /// Adds an account (the password checked by the caller, hashed here).
    pub async fn add(&self, new: NewStaff) -> Result<StaffMember, StaffChangeError> {
        let hash = self
            .hashes
            .hash(new.password)
            .await
            .map_err(|error| StaffChangeError::Failed(format!("{error:#}")))?;
        let id = random_id().map_err(|error| StaffChangeError::Failed(error.to_string()))?;
        let row = NewStaffRow {
            id: &id,
            email: &new.email,
            name: &new.name,
            password_hash: &hash,
            roles: &new.roles,
            created_at: now(),
        };
        match self.database.insert_staff(&row).await {
            Ok(()) => {}
            Err(error) if is_unique_violation(&error) => return Err(StaffChangeError::EmailTaken),
            Err(error) => return Err(StaffChangeError::Failed(error.to_string())),
        }
        tracing::info!(staff_id = %id, "staff account added");
        Ok(StaffMember {
            id,
            email: new.email,
            name: new.name,
            roles: new.roles,
            active: true,
            manager_id: None,
            away_until: None,
        })
    }
}

#[async_trait::async_trait]
impl StaffAccounts for StaffAuth {
    async fn sign_in(&self, email: &str, password: &str) -> Result<NewSession, SignInError> {
        let policy = self.policy;
        let now = now();
        // An address that is not one still counts towards a lockout (keyed by what was typed),
        // and is checked against the dummy hash like an unknown one.
        let email = normalise_email(email).unwrap_or_else(|_| email.trim().to_lowercase());
        let key = sha256_hex(&email);
        // Counted before the password is checked, in one statement: parallel guesses cannot
        // all slip past the limit while the first ones are being hashed.
        let window = LockoutWindow {
            now,
            start: now - policy.lockout_seconds,
            limit: policy.lockout_attempts,
            lock_until: now + policy.lockout_seconds,
        };
        let number = match self
            .database
            .begin_sign_in(&key, window)
            .await
            .map_err(failed)?
        {
            SignInAttempt::Allowed { number } => number,
            SignInAttempt::Locked => {
                tracing::warn!("staff sign-in refused: locked out");
                return Err(SignInError::LockedOut);
            }
        };
        let login = self.database.staff_login(&email).await.map_err(failed)?;
        let hash = login.as_ref().map(|login| login.password_hash.clone());
        let matches = self
            .hashes
            .verify(password.to_owned(), hash)
            .await
            .map_err(failed)?;
        let login = match login {
            Some(login) if matches && login.active => login,
            _ => {
                let locked = number >= policy.lockout_attempts;
                if locked {
                    self.database
                        .lock_sign_in(&key, now, window.lock_until)
                        .await
                        .map_err(failed)?;
                }
                tracing::warn!("staff sign-in refused");
                return Err(if locked {
                    SignInError::LockedOut
                } else {
                    SignInError::Refused
                });
            }
        };
        // Checked again: a lock set by a parallel attempt while this one was hashing holds.
        if !self
            .database
            .succeed_sign_in(&key, now)
            .await
            .map_err(failed)?
        {
            tracing::warn!("staff sign-in refused: locked out while checking");
            return Err(SignInError::LockedOut);
        }
        let token = random_token().map_err(failed)?;
        self.database
            .insert_staff_session(
                &sha256_hex(&token),
                &login.id,
                now,
                now + policy.absolute_seconds,
            )
            .await
            .map_err(failed)?;
        tracing::info!(staff_id = %login.id, "staff signed in");
        Ok(NewSession {
            token,
            max_age_seconds: policy.absolute_seconds,
        })
    }

    async fn sign_out(&self, token: &str) -> Result<(), StoreError> {
        self.database
            .delete_staff_session(&sha256_hex(token))
            .await
            .map_err(store_error)
    }

    async fn list(&self) -> Result<Vec<StaffMember>, StoreError> {
        self.database.list_staff().await.map_err(store_error)
    }

    async fn create(&self, new: NewStaff) -> Result<StaffMember, StaffChangeError> {
        self.add(new).await
    }

    async fn update(&self, id: &str, changes: StaffChanges) -> Result<(), StaffChangeError> {
        match self.database.update_staff(id, &changes).await {
            Ok(true) => {
                tracing::info!(staff_id = %id, active = changes.active, "staff account changed");
                Ok(())
            }
            Ok(false) => Err(StaffChangeError::NotFound),
            Err(error) => Err(StaffChangeError::Failed(error.to_string())),
        }
    }

    async fn set_flash(
        &self,
        session_id: &str,
        flash: Option<&FormFlash>,
    ) -> Result<(), StoreError> {
        let json = flash
            .map(serde_json::to_string)
            .transpose()
            .map_err(store_error)?;
        self.database
            .set_staff_flash(session_id, json.as_deref())
            .await
            .map_err(store_error)
    }

    async fn flash(&self, session_id: &str) -> Result<Option<FormFlash>, StoreError> {
        let json = self
            .database
            .staff_flash(session_id)
            .await
            .map_err(store_error)?;
        // A form kept by an older release that no longer parses is dropped.
        Ok(json.and_then(|json| serde_json::from_str(&json).ok()))
    }
}
