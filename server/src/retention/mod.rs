//! Retention (manual §11, policy.md §5): deletes what is kept no longer, on a schedule.
//!
//! Each run, in this order, in batches of [`RetentionConfig::batch`] (one transaction each, so
//! memory stays bounded and locks short):
//!
//! 1. cases closed with a 'marked for deletion' outcome whose purge period has passed, then
//!    closed cases whose retention period has ended (the rule is
//!    [`app::domain::retention::due`]), each with every row that hangs off it ([`cases`]): its
//!    parties (a party linked to another case moves to that case and stays), documents, emails
//!    and the outbox, history, work items, flags, instances, audit, callbacks and requests;
//! 2. merged duplicate party records ('marked for deletion', manual §5) past the same period;
//! 3. journeys not touched for `PORTAL_JOURNEY_DAYS` (never handed in), with their answers;
//! 4. the files of the documents and journeys deleted, from the file store ([`files`]): each key
//!    is queued in the same transaction as the rows, and removed unless another document or a
//!    live journey still uses it (keys are content addressed), so a crash or a failing store
//!    retries the next run.
//!
//! Only one process runs at a time: a lease row ([`lease`]) several processes on one
//! PostgreSQL share. Each run is logged as counts (never a name, reference or key) and recorded
//! in `retention_runs`.

mod cases;
mod files;
mod journeys;
mod lease;
mod parties;
mod record;
mod sql;
mod tracking;

pub use cases::HANDLED_REFERENCES;

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use app::domain::retention::RetentionSettings;
use chrono::NaiveDate;

use crate::db::Database;
use crate::files::FileStore;

/// When and how retention runs (`PORTAL_RETENTION_*`, see `config.rs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetentionConfig {
    /// The periods (manual: closed cases two years).
    pub settings: RetentionSettings,
    /// How often a process tries to run it (`PORTAL_RETENTION_INTERVAL_MINUTES`, 60).
    pub interval: Duration,
    /// Cases (or journeys, or files) per transaction (`PORTAL_RETENTION_BATCH`, 500).
    pub batch: usize,
}

impl Default for RetentionConfig {
    fn default() -> Self {
        RetentionConfig {
            settings: RetentionSettings::default(),
            interval: Duration::from_secs(3600),
            batch: 500,
        }
    }
}

/// What one run deleted, by kind: counts only.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Closed cases past their retention period.
    pub cases: u64,
    /// Cases closed 'marked for deletion', purged.
    pub marked_cases: u64,
    /// Parties of deleted cases that belonged to no other case.
    pub parties: u64,
    /// Parties of deleted cases kept because another case uses them (moved to it).
    pub parties_kept: u64,
    /// Merged duplicate party records purged.
    pub merged_parties: u64,
    pub documents: u64,
    /// Emails on the deleted cases (in and out).
    pub messages: u64,
    /// Messages of the deleted cases in the outbox (sent or not).
    pub outbox: u64,
    /// History (timeline) events.
    pub events: u64,
    pub work_items: u64,
    /// Sift flags, instances, staff links, audit, callbacks, priority requests, party links.
    pub other_rows: u64,
    /// Expired journeys (never handed in, or handed in and left).
    pub journeys: u64,
    /// Expired Track my case sessions and links.
    pub track_rows: u64,
    /// Files removed from the file store.
    pub files: u64,
}

/// What a call of [`Retention::run`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunOutcome {
    /// This process held the lease and ran.
    Done(Counts),
    /// Another run holds the lease: nothing was done.
    Busy,
}

/// The retention runner of one process.
#[derive(Clone)]
pub struct Retention {
    database: Database,
    files: Arc<dyn FileStore>,
    config: RetentionConfig,
    journey_days: u32,
    process: String,
}

impl Retention {
    pub fn new(
        database: Database,
        files: Arc<dyn FileStore>,
        config: RetentionConfig,
        journey_days: u32,
    ) -> Retention {
        Retention {
            database,
            files,
            config,
            journey_days,
            process: process_name(),
        }
    }

    /// One run on `today` (Europe/London; the case rules) at `now` (Unix seconds; journeys),
    /// unless another run holds the lease. The run is recorded whether it finished or failed.
    pub async fn run(&self, today: NaiveDate, now: i64) -> anyhow::Result<RunOutcome> {
        let holder = format!("{}/{}", self.process, random_hex()?);
        let Some(lease) = lease::Lease::acquire(&self.database, holder).await? else {
            tracing::info!("retention: another process is running it");
            return Ok(RunOutcome::Busy);
        };
        let started_at = chrono::Utc::now().timestamp();
        let mut counts = Counts::default();
        let result = self.steps(&lease, today, now, &mut counts).await;
        let outcome = if result.is_ok() { "done" } else { "failed" };
        let recorded =
            record::insert(&self.database, started_at, &self.process, outcome, &counts).await;
        let released = lease.release().await;
        log(&counts, outcome);
        result?;
        recorded?;
        released?;
        Ok(RunOutcome::Done(counts))
    }

    async fn steps(
        &self,
        lease: &lease::Lease,
        today: NaiveDate,
        now: i64,
        counts: &mut Counts,
    ) -> anyhow::Result<()> {
        let batch = self.config.batch.max(1);
        let settings = &self.config.settings;
        cases::delete_due(&self.database, settings, today, batch, counts, lease)
            .await
            .context("deleting cases")?;
        parties::purge_merged(&self.database, settings, today, batch, counts, lease)
            .await
            .context("purging merged party records")?;
        journeys::delete_expired(&self.database, self.journey_days, now, batch, counts, lease)
            .await
            .context("deleting expired journeys")?;
        tracking::delete_expired(&self.database, now, batch, counts, lease)
            .await
            .context("deleting expired track sessions and links")?;
        files::remove_pending(&self.database, self.files.as_ref(), batch, counts, lease)
            .await
            .context("removing files")?;
        Ok(())
    }
}

fn log(counts: &Counts, outcome: &str) {
    let Counts {
        cases,
        marked_cases,
        parties,
        parties_kept,
        merged_parties,
        documents,
        messages,
        outbox,
        events,
        work_items,
        other_rows,
        journeys,
        files,
        track_rows,
    } = *counts;
    tracing::info!(
        outcome,
        cases,
        marked_cases,
        parties,
        parties_kept,
        merged_parties,
        documents,
        messages,
        outbox,
        events,
        work_items,
        other_rows,
        journeys,
        files,
        track_rows,
        "retention run"
    );
}

/// Runs retention every `config.interval` (the first at once), on the configured clock.
pub fn run_in_background(database: Database, files: Arc<dyn FileStore>, config: &crate::Config) {
    let retention = Retention::new(
        database,
        files,
        config.retention.clone(),
        config.journey_days,
    );
    let fixed_today = config.fixed_today;
    let interval = config.retention.interval.max(Duration::from_secs(1));
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(interval);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            let today = fixed_today.unwrap_or_else(|| {
                chrono::Utc::now()
                    .with_timezone(&chrono_tz::Europe::London)
                    .date_naive()
            });
            if let Err(error) = retention.run(today, chrono::Utc::now().timestamp()).await {
                tracing::warn!(error = format!("{error:#}"), "retention run failed");
            }
        }
    });
}

/// This process, for the audit: the host name and process id.
fn process_name() -> String {
    let host = std::env::var("HOSTNAME")
        .ok()
        .or_else(|| std::fs::read_to_string("/proc/sys/kernel/hostname").ok())
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| "unknown".to_owned());
    format!("{host}:{}", std::process::id())
}

fn random_hex() -> anyhow::Result<String> {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).map_err(|error| anyhow::anyhow!("random: {error}"))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}
