//! Staff accounts: who works here, what they may open, and the rules for their credentials and
//! sessions. Pure: the server stores and enforces, this module decides.
//!
//! - [`Role`]: what a person does (stable codes, stored and posted as such);
//! - [`StaffMember`]: a person with an account, as signed in;
//! - [`access`]/[`decide`]: the one table of which roles may open which staff path;
//! - [`credentials`]: email normalisation and the password rules;
//! - [`SessionPolicy`]: idle and absolute session lifetimes, and sign-in lockout.

mod access;
pub mod credentials;
mod member;
mod policy;
mod role;

pub use access::{
    access, decide, normalise_path, safe_next, Access, Area, Decision, AREAS, SIGN_IN_PATH,
};
pub use credentials::{check_name, check_password, normalise_email, CredentialError};
pub use member::{manager_creates_cycle, StaffMember};
pub use policy::{SessionPolicy, SessionState};
pub use role::Role;

#[cfg(test)]
mod tests;
