//! How long a staff session lasts and when repeated wrong passwords lock an account.

use serde::{Deserialize, Serialize};

/// Session lifetimes and the sign-in lockout, in seconds and attempts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionPolicy {
    /// A session unused for this long ends (30 minutes).
    pub idle_seconds: i64,
    /// A session ends this long after sign-in, however busy (12 hours).
    pub absolute_seconds: i64,
    /// This many failed sign-ins in a row lock the account (5)…
    pub lockout_attempts: i64,
    /// …for this long (15 minutes); failures older than this are forgotten.
    pub lockout_seconds: i64,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        SessionPolicy {
            idle_seconds: 30 * 60,
            absolute_seconds: 12 * 60 * 60,
            lockout_attempts: 5,
            lockout_seconds: 15 * 60,
        }
    }
}

/// Whether a session may still be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionState {
    Live,
    /// Unused for longer than the idle timeout.
    Idle,
    /// Older than the absolute timeout.
    Expired,
}

impl SessionPolicy {
    /// The state at `now` of a session created at `created` and last used at `last_seen`
    /// (all Unix seconds).
    pub fn state(&self, created: i64, last_seen: i64, now: i64) -> SessionState {
        if now >= created.saturating_add(self.absolute_seconds) {
            SessionState::Expired
        } else if now >= last_seen.saturating_add(self.idle_seconds) {
            SessionState::Idle
        } else {
            SessionState::Live
        }
    }
}
