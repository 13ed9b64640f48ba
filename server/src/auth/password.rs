//! argon2id password hashes (PHC strings, `password-auth`'s default parameters), computed on
//! the blocking pool so a sign-in never stalls the async workers.

use std::sync::OnceLock;

use anyhow::Context;
use app::domain::staff::credentials::MAX_PASSWORD_CHARS;

/// Hashes a new password.
pub async fn hash(password: String) -> anyhow::Result<String> {
    tokio::task::spawn_blocking(move || password_auth::generate_hash(password))
        .await
        .context("hashing a password")
}

/// Whether `password` matches `hash`. Without a hash (unknown email) a dummy hash is checked
/// instead, so both answers take about as long.
pub async fn verify(password: String, hash: Option<String>) -> anyhow::Result<bool> {
    // Longer than any password we accept: not worth hashing (but still as slow as a check).
    let acceptable = password.chars().count() <= MAX_PASSWORD_CHARS;
    tokio::task::spawn_blocking(move || {
        let known = hash.is_some();
        let hash = hash.unwrap_or_else(|| dummy_hash().to_owned());
        let password = if acceptable { password } else { String::new() };
        let matches = password_auth::verify_password(password, &hash).is_ok();
        matches && known && acceptable
    })
    .await
    .context("checking a password")
}

/// A hash of a random password with the same parameters as real ones (made once).
fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        let mut bytes = [0u8; 16];
        // Without randomness a fixed secret still gives the same timing; nothing matches it
        // because `known` is false for the dummy.
        let _ = getrandom::fill(&mut bytes);
        password_auth::generate_hash(bytes)
    })
}
