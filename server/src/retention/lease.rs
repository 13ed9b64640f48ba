//! The lease that lets one process at a time run retention: one row, taken when free or expired,
//! renewed after every batch, given back at the end. A process that dies mid-run leaves it to
//! expire after [`LEASE_SECONDS`]; a run that finds it lost (renewal refused) stops.

use anyhow::{bail, Context};

use crate::db::Database;

/// How long a lease lasts without renewal.
pub(super) const LEASE_SECONDS: i64 = 300;

/// A lease this run holds.
pub(super) struct Lease {
    database: Database,
    holder: String,
}

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

impl Lease {
    /// Takes the lease for `holder` if no one holds it (or the holder's lease expired).
    pub(super) async fn acquire(
        database: &Database,
        holder: String,
    ) -> anyhow::Result<Option<Lease>> {
        let now = now();
        let taken = sqlx::query(&database.sql(
            "UPDATE retention_lease SET holder = $1, expires_at = $2 \
             WHERE name = 'retention' AND (holder IS NULL OR expires_at < $3)",
        ))
        .bind(&holder)
        .bind(now + LEASE_SECONDS)
        .bind(now)
        .execute(&database.writer)
        .await
        .context("taking the retention lease")?;
        Ok((taken.rows_affected() == 1).then(|| Lease {
            database: database.clone(),
            holder,
        }))
    }

    /// Extends the lease; fails if another process has taken it meanwhile.
    pub(super) async fn renew(&self) -> anyhow::Result<()> {
        let now = now();
        let renewed = sqlx::query(&self.database.sql(
            "UPDATE retention_lease SET expires_at = $1 WHERE name = 'retention' AND holder = $2",
        ))
        .bind(now + LEASE_SECONDS)
        .bind(&self.holder)
        .execute(&self.database.writer)
        .await
        .context("renewing the retention lease")?;
        if renewed.rows_affected() != 1 {
            bail!("the retention lease was lost (a batch took longer than {LEASE_SECONDS} s)");
        }
        Ok(())
    }

    /// Gives the lease back.
    pub(super) async fn release(self) -> anyhow::Result<()> {
        sqlx::query(&self.database.sql(
            "UPDATE retention_lease SET holder = NULL, expires_at = 0 \
             WHERE name = 'retention' AND holder = $1",
        ))
        .bind(&self.holder)
        .execute(&self.database.writer)
        .await
        .context("giving the retention lease back")?;
        Ok(())
    }
}
