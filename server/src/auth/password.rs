//! argon2id password hashes (PHC strings, `password-auth`'s default parameters), computed on
//! the blocking pool so a sign-in never stalls the async workers, and at most
//! `PORTAL_PASSWORD_HASHES` at a time ([`HashPool`]): each takes about 19 MiB and a core for a
//! moment, so a burst of sign-ins queues instead of exhausting memory.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use anyhow::Context;
use app::domain::staff::credentials::MAX_PASSWORD_CHARS;
use tokio::sync::Semaphore;

/// The bound on password hashes computed at once, shared by every sign-in of a process, with a
/// count of the checks it has run (what the lockout tests measure).
#[derive(Debug, Clone)]
pub struct HashPool {
    permits: Arc<Semaphore>,
    size: usize,
    checks: Arc<AtomicU64>,
}

impl HashPool {
    /// A pool running at most `size` hashes at once (at least one).
    pub fn new(size: usize) -> HashPool {
        let size = size.max(1);
        HashPool {
            permits: Arc::new(Semaphore::new(size)),
            size,
            checks: Arc::new(AtomicU64::new(0)),
        }
    }

    /// The default size: twice the CPUs this process may use (4 when that is unknown).
    pub fn default_size() -> usize {
        std::thread::available_parallelism().map_or(4, |cpus| cpus.get() * 2)
    }

    /// How many hashes may run at once.
    pub fn size(&self) -> usize {
        self.size
    }

    /// How many password checks (against a real or the dummy hash) this pool has run.
    pub fn checks(&self) -> u64 {
        self.checks.load(Ordering::Relaxed)
    }

    /// Runs `work` on the blocking pool once a permit is free.
    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> anyhow::Result<T> {
        let permit = self
            .permits
            .clone()
            .acquire_owned()
            .await
            .context("waiting for a password hash slot")?;
        tokio::task::spawn_blocking(move || {
            let result = work();
            drop(permit);
            result
        })
        .await
        .context("running a password hash")
    }

    /// Hashes a new password.
    pub async fn hash(&self, password: String) -> anyhow::Result<String> {
        self.run(move || password_auth::generate_hash(password))
            .await
            .context("hashing a password")
    }

    /// Whether `password` matches `hash`. Without a hash (unknown email) a dummy hash is checked
    /// instead, so both answers take about as long.
    pub async fn verify(&self, password: String, hash: Option<String>) -> anyhow::Result<bool> {
        self.checks.fetch_add(1, Ordering::Relaxed);
        // Longer than any password we accept: not worth hashing (but still as slow as a check).
        let acceptable = password.chars().count() <= MAX_PASSWORD_CHARS;
        self.run(move || {
            let known = hash.is_some();
            let hash = hash.unwrap_or_else(|| dummy_hash().to_owned());
            let password = if acceptable { password } else { String::new() };
            let matches = password_auth::verify_password(password, &hash).is_ok();
            matches && known && acceptable
        })
        .await
        .context("checking a password")
    }
}

impl Default for HashPool {
    fn default() -> Self {
        HashPool::new(HashPool::default_size())
    }
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::HashPool;

    #[tokio::test]
    async fn no_more_hashes_run_at_once_than_the_pool_allows() {
        let pool = HashPool::new(2);
        let running = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let most = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let tasks: Vec<_> = (0..8)
            .map(|_| {
                let (pool, running, most) = (pool.clone(), running.clone(), most.clone());
                tokio::spawn(async move {
                    pool.run(move || {
                        use std::sync::atomic::Ordering::SeqCst;
                        let now = running.fetch_add(1, SeqCst) + 1;
                        most.fetch_max(now, SeqCst);
                        std::thread::sleep(std::time::Duration::from_millis(30));
                        running.fetch_sub(1, SeqCst);
                    })
                    .await
                    .unwrap();
                })
            })
            .collect();
        for task in tasks {
            task.await.unwrap();
        }
        assert_eq!(most.load(std::sync::atomic::Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn checks_are_counted_and_the_dummy_never_matches() {
        let pool = HashPool::new(1);
        assert!(!pool.verify("anything".to_owned(), None).await.unwrap());
        assert_eq!(pool.checks(), 1);
    }
}
