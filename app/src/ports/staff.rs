//! What the server provides for staff accounts (`Services::staff`), and what its middleware puts
//! in each request's extensions.

use chrono::NaiveDate;

use crate::domain::staff::{Role, StaffMember};
use crate::ports::StoreError;
use crate::server_fns::staff::FormFlash;

/// The signed-in member of staff, put in the request's extensions by the server's middleware
/// once their session is found and still live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrentStaff {
    pub member: StaffMember,
    /// The session's key in the store (a hash of the cookie's token, never the token).
    pub session_id: String,
}

/// A session just started: the token for the cookie, and for how long.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub token: String,
    pub max_age_seconds: i64,
}

/// Why signing in failed. `Refused` is the same for an unknown email and a wrong password.
#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    #[error("email or password not recognised")]
    Refused,
    #[error("too many failed attempts")]
    LockedOut,
    #[error("sign-in failed: {0}")]
    Failed(String),
}

/// A new account.
#[derive(Debug, Clone)]
pub struct NewStaff {
    pub email: String,
    pub name: String,
    pub roles: Vec<Role>,
    pub password: String,
}

/// What an admin may change about an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffChanges {
    pub roles: Vec<Role>,
    pub manager_id: Option<String>,
    pub away_until: Option<NaiveDate>,
    pub active: bool,
}

/// Why an account could not be created or changed.
#[derive(Debug, thiserror::Error)]
pub enum StaffChangeError {
    #[error("an account with this email exists")]
    EmailTaken,
    #[error("no such account")]
    NotFound,
    #[error("storing the account failed: {0}")]
    Failed(String),
}

/// Staff accounts and sessions (the database, through the server).
#[async_trait::async_trait]
pub trait StaffAccounts: Send + Sync {
    /// Checks the credentials (with the lockout) and starts a session.
    async fn sign_in(&self, email: &str, password: &str) -> Result<NewSession, SignInError>;
    /// Ends the session this cookie token names, if any.
    async fn sign_out(&self, token: &str) -> Result<(), StoreError>;
    /// Every account, by name.
    async fn list(&self) -> Result<Vec<StaffMember>, StoreError>;
    async fn create(&self, new: NewStaff) -> Result<StaffMember, StaffChangeError>;
    /// Changes an account; deactivating it ends its sessions.
    async fn update(&self, id: &str, changes: StaffChanges) -> Result<(), StaffChangeError>;
    /// Keeps (or clears) a refused form for the page it came from.
    async fn set_flash(
        &self,
        session_id: &str,
        flash: Option<&FormFlash>,
    ) -> Result<(), StoreError>;
    /// The kept form, left in place (the next refusal replaces it).
    async fn flash(&self, session_id: &str) -> Result<Option<FormFlash>, StoreError>;
}
