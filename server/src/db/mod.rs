//! The database: SQLite by default, PostgreSQL in production, through sqlx's `Any` driver with
//! one migration folder per backend. Queries are written once with `$n` placeholders.

pub mod breach;
mod breach_cases;
pub use breach_cases::BreachCaseRow;
mod cases;
pub mod casework;
mod data_set_packs;
pub mod data_sets;
pub mod helpline;
pub(crate) use cases::{code_of, from_code};
pub use cases::{CaseStoreError, NewParty, StoredCase, Submission};
mod events;
pub use events::{CaseEvent, NewEvent};
mod journeys;
pub mod nuisance;
mod staff;
pub use staff::{LockoutWindow, Login, NewStaffRow, SignInAttempt, StoredSession};

use std::time::Duration;

use anyhow::Context;
use sqlx::any::{install_default_drivers, AnyPoolOptions};
use sqlx::AnyPool;

/// Which database engine the URL names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The pools of connections and the backend they speak.
///
/// Reads go through `pool`; writes (every transaction, and every statement that changes a row)
/// through `writer`. SQLite lets one connection write at a time and makes the others wait in its
/// busy handler, which polls with sleeps of up to 100 ms: writers racing on several connections
/// can lose again and again, and in the soak one waited over 2 s. So on SQLite `writer` is one
/// connection, and writers queue for it in order (`server/benches/sqlite_writes.rs` measures the
/// difference). On PostgreSQL, which has row locks, `writer` is the same pool as `pool`.
#[derive(Clone)]
pub struct Database {
    pub pool: AnyPool,
    pub writer: AnyPool,
    pub backend: Backend,
}

impl Database {
    /// Opens the database (creating a SQLite file and its folder if needed) and migrates it.
    pub async fn connect(url: &str) -> anyhow::Result<Database> {
        Self::connect_with_writers(url, 1).await
    }

    /// [`connect`](Self::connect) with `writers` connections for writing on SQLite (more than one
    /// only to measure what one saves).
    pub async fn connect_with_writers(url: &str, writers: u32) -> anyhow::Result<Database> {
        install_default_drivers();
        let backend = if url.starts_with("postgres") {
            Backend::Postgres
        } else if url.starts_with("sqlite") {
            Backend::Sqlite
        } else {
            anyhow::bail!("PORTAL_DATABASE_URL must start with sqlite: or postgres:");
        };
        if backend == Backend::Sqlite {
            create_sqlite_folder(url)?;
        }
        let options = |connections: u32| {
            AnyPoolOptions::new()
                .max_connections(connections)
                .acquire_timeout(Duration::from_secs(10))
                .after_connect(move |conn, _| {
                    Box::pin(async move {
                        if backend == Backend::Sqlite {
                            use sqlx::Executor;
                            conn.execute(
                                "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; \
                                 PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;",
                            )
                            .await?;
                        }
                        Ok(())
                    })
                })
        };
        let (pool, writer) = match backend {
            Backend::Sqlite => {
                // The writer first: it makes the file and sets WAL mode before the readers open.
                let writer = options(writers.max(1))
                    .connect(url)
                    .await
                    .context("connecting the writer")?;
                let pool = options(8).connect(url).await.context("connecting")?;
                (pool, writer)
            }
            Backend::Postgres => {
                let pool = options(16).connect(url).await.context("connecting")?;
                (pool.clone(), pool)
            }
        };
        let database = Database {
            pool,
            writer,
            backend,
        };
        database.migrate().await?;
        database
            .backfill_search_tokens()
            .await
            .context("tokenising parties' names for search (migration 80)")?;
        Ok(database)
    }

    async fn migrate(&self) -> anyhow::Result<()> {
        match self.backend {
            Backend::Sqlite => {
                sqlx::migrate!("./migrations/sqlite")
                    .run(&self.writer)
                    .await
            }
            Backend::Postgres => {
                sqlx::migrate!("./migrations/postgres")
                    .run(&self.pool)
                    .await
            }
        }
        .context("running migrations")
    }

    /// The query in this backend's placeholder style (`$1` for PostgreSQL, `?` for SQLite).
    /// Placeholders must appear in order, each once.
    pub fn sql(&self, query: &str) -> String {
        match self.backend {
            Backend::Postgres => query.to_owned(),
            Backend::Sqlite => {
                let mut out = String::with_capacity(query.len());
                let mut chars = query.chars().peekable();
                while let Some(c) = chars.next() {
                    if c == '$' && chars.peek().is_some_and(char::is_ascii_digit) {
                        while chars.peek().is_some_and(char::is_ascii_digit) {
                            chars.next();
                        }
                        out.push('?');
                    } else {
                        out.push(c);
                    }
                }
                out
            }
        }
    }

    /// Whether the database answers (for the load balancer's health check).
    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }

    /// Deletes expired breach drafts, once an hour. Expired journeys are deleted with their
    /// uploaded files by retention (`crate::retention`), which has the file store.
    pub fn sweep_in_background(&self) {
        let database = self.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(3600));
            loop {
                tick.tick().await;
                match database
                    .sweep_breach_drafts(chrono::Utc::now().timestamp())
                    .await
                {
                    Ok(count) if count > 0 => {
                        tracing::info!(count, "expired breach drafts deleted")
                    }
                    Ok(_) => {}
                    Err(error) => tracing::warn!(error = %error, "breach draft sweep failed"),
                }
            }
        });
    }
}

fn create_sqlite_folder(url: &str) -> anyhow::Result<()> {
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:")
        .split('?')
        .next()
        .unwrap_or_default();
    if path.is_empty() || path.starts_with(":memory:") {
        return Ok(());
    }
    let file = std::path::Path::new(path);
    if let Some(folder) = file.parent() {
        if !folder.as_os_str().is_empty() {
            crate::private_files::create_dir_all(folder)
                .with_context(|| format!("creating {}", folder.display()))?;
        }
    }
    // Made here, 0600, before SQLite makes it with the default mode (its -wal and -shm files
    // take the database file's mode); an older one is narrowed.
    if url.contains("mode=rwc") {
        crate::private_files::create_file_if_missing(file)
            .with_context(|| format!("creating {}", file.display()))?;
    }
    for suffix in ["", "-wal", "-shm"] {
        let mut name = file.as_os_str().to_owned();
        name.push(suffix);
        crate::private_files::narrow(std::path::Path::new(&name), crate::private_files::FILE_MODE);
    }
    Ok(())
}
