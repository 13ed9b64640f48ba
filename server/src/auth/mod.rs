//! Staff sign-in: argon2id password hashes, database sessions behind a random cookie token, the
//! lockout, the middleware that applies the access table to every `/staff/…` request, and the
//! `create-admin` command.

mod accounts;
pub mod create_admin;
mod guard;
mod password;

use std::time::Duration;

use anyhow::Context;
use app::domain::staff::SessionPolicy;
use base64::Engine;
use sha2::{Digest, Sha256};

use crate::db::Database;
pub use guard::guard;
pub use password::HashPool;

/// Staff accounts and sessions over the database (the server's `StaffAccounts`).
#[derive(Clone)]
pub struct StaffAuth {
    pub database: Database,
    pub policy: SessionPolicy,
    /// Where passwords are hashed and checked, a few at a time.
    pub hashes: HashPool,
}

impl StaffAuth {
    /// Accounts over `database`, hashing in a pool of the default size ([`HashPool`]); a
    /// configured pool is set with [`StaffAuth::with_hashes`].
    pub fn new(database: Database, policy: SessionPolicy) -> StaffAuth {
        StaffAuth {
            database,
            policy,
            hashes: HashPool::default(),
        }
    }

    /// The same accounts, hashing passwords in `hashes` (shared by the process's sign-ins).
    pub fn with_hashes(mut self, hashes: HashPool) -> StaffAuth {
        self.hashes = hashes;
        self
    }

    /// Deletes ended sessions and old failed sign-ins every ten minutes.
    pub fn sweep_in_background(&self) {
        let auth = self.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(600));
            loop {
                tick.tick().await;
                let now = now();
                let swept = auth
                    .database
                    .sweep_staff_sessions(
                        now,
                        now - auth.policy.idle_seconds,
                        now - auth.policy.lockout_seconds,
                    )
                    .await;
                match swept {
                    Ok(count) if count > 0 => tracing::info!(count, "ended staff sessions deleted"),
                    Ok(_) => {}
                    Err(error) => tracing::warn!(error = %error, "staff session sweep failed"),
                }
            }
        });
    }
}

/// The time now, in Unix seconds. Sessions follow the real clock even when
/// `PORTAL_FIXED_TODAY` stops the rules' calendar.
pub(crate) fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// SHA-256 as lower-case hex: how session tokens and sign-in emails are stored.
pub(crate) fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// 32 random bytes, base64url without padding (43 characters).
pub(crate) fn random_token() -> anyhow::Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|error| anyhow::anyhow!("random token: {error}"))?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

/// A random id (128 bits, hex) for a new account.
pub(crate) fn random_id() -> anyhow::Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|error| anyhow::anyhow!("random id: {error}"))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Reads `PORTAL_STAFF_IDLE_MINUTES`, `PORTAL_STAFF_SESSION_HOURS`,
/// `PORTAL_STAFF_LOCKOUT_ATTEMPTS` and `PORTAL_STAFF_LOCKOUT_MINUTES` into `policy`.
pub fn policy_from_env(
    policy: &mut SessionPolicy,
    var: impl Fn(&str) -> Option<String>,
) -> anyhow::Result<()> {
    let number = |name: &str| -> anyhow::Result<Option<i64>> {
        var(name)
            .map(|value| {
                value
                    .trim()
                    .parse::<i64>()
                    .ok()
                    .filter(|n| *n > 0)
                    .with_context(|| format!("{name} must be a whole number above 0"))
            })
            .transpose()
    };
    if let Some(minutes) = number("PORTAL_STAFF_IDLE_MINUTES")? {
        policy.idle_seconds = minutes * 60;
    }
    if let Some(hours) = number("PORTAL_STAFF_SESSION_HOURS")? {
        policy.absolute_seconds = hours * 3600;
    }
    if let Some(attempts) = number("PORTAL_STAFF_LOCKOUT_ATTEMPTS")? {
        policy.lockout_attempts = attempts;
    }
    if let Some(minutes) = number("PORTAL_STAFF_LOCKOUT_MINUTES")? {
        policy.lockout_seconds = minutes * 60;
    }
    Ok(())
}
