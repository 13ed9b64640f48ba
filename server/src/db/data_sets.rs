//! Reading the published data sets (`app::domain::data_sets` has the rules): each period's
//! completed work streamed from the database (in packs on SQLite, a row at a time on
//! PostgreSQL: `super::data_set_packs` says why) and written out in chunks, never held whole,
//! and the index's count of every period's records.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use anyhow::Context;
use app::domain::case::{CaseKind, Outcome};
use app::domain::data_sets::{
    header_line, index_files, nuisance_lines, DataSet, DataSetFile, DataSetPeriod, PeriodKind,
    PublishSettings,
};
use app::ports::data_sets::PublishedDataSets;
use app::ports::StoreError;
use axum::body::Bytes;
use chrono::NaiveDate;
use sqlx::Row;
use tokio::sync::mpsc;

use super::data_set_packs::{PackedBreach, PackedCase};
use super::Database;

/// Bytes gathered before a chunk is sent to the response.
const CHUNK_BYTES: usize = 64 * 1024;
/// Chunks waiting for a slow client: memory stays at most this many chunks per download.
const CHUNKS_IN_FLIGHT: usize = 4;
/// How long the index's counts are kept (complete periods change only by corrections and
/// retention).
const INDEX_TTL: Duration = Duration::from_secs(600);

/// The outcomes never published ('marked for deletion'), as an SQL list.
fn unpublished_outcomes() -> String {
    Outcome::all()
        .iter()
        .filter(|outcome| outcome.marked_for_deletion())
        .map(|outcome| format!("'{}'", outcome.code()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The case types as an SQL list.
fn type_list(types: &[CaseKind]) -> String {
    types
        .iter()
        .map(|kind| format!("'{}'", kind.code()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether the case `case_id` (an SQL expression) has an organisation party, its own or one
/// linked to it: 1 or 0.
fn organisation_party_sql(case_id: &str) -> String {
    format!(
        "CASE WHEN EXISTS (SELECT 1 FROM parties p WHERE p.case_id = {case_id} \
         AND p.role = 'organisation') OR EXISTS (SELECT 1 FROM party_links l \
         WHERE l.case_id = {case_id} AND l.role = 'organisation') THEN 1 ELSE 0 END"
    )
}

/// Whether a person on the case `case_id` (own or linked) has the name `organisation` (SQL
/// expressions): 1 or 0.
fn named_as_person_sql(case_id: &str, organisation: &str) -> String {
    format!(
        "CASE WHEN EXISTS (SELECT 1 FROM parties p WHERE p.case_id = {case_id} \
         AND p.role <> 'organisation' AND LOWER(TRIM(p.name)) = LOWER(TRIM({organisation}))) \
         OR EXISTS (SELECT 1 FROM party_links l JOIN parties p ON p.id = l.party_id \
         WHERE l.case_id = {case_id} AND l.role <> 'organisation' \
         AND LOWER(TRIM(p.name)) = LOWER(TRIM({organisation}))) THEN 1 ELSE 0 END"
    )
}

/// The assignments that store an instance's two party facts when it closes, inside an
/// `UPDATE case_instances` (`server/src/case/closing.rs`): the same facts a download works out
/// for an instance without them, and the migration 20261209000020 backfilled.
pub(crate) fn store_party_facts_sql() -> String {
    format!(
        "organisation_party = {}, named_as_person = (SELECT {} FROM cases c \
         WHERE c.id = case_instances.case_id)",
        organisation_party_sql("case_instances.case_id"),
        named_as_person_sql("c.id", "c.organisation_name")
    )
}

/// The instance's stored party facts, or (closed before they were stored, or written without
/// them) worked out now; `COALESCE` evaluates the second only for a NULL.
fn party_facts_sql() -> String {
    format!(
        "COALESCE(i.organisation_party, CAST({} AS BIGINT)) AS organisation_party, \
         COALESCE(i.named_as_person, CAST({} AS BIGINT)) AS named_as_person",
        organisation_party_sql("c.id"),
        named_as_person_sql("c.id", "c.organisation_name")
    )
}

/// The set's published cases completed on one day (`$1`; [`super::data_set_packs::pack_query`]
/// adds the pack's start and order) or, `period` true, from `$1` to before `$2`
/// ([`super::data_set_packs::period_query`] adds the order), with the columns those two read by
/// name.
pub(super) fn cases_query(set: DataSet, period: bool) -> String {
    let extra = if set == DataSet::PersonalDataBreaches {
        "c.answers".to_owned()
    } else {
        party_facts_sql()
    };
    let closed = if period {
        "i.closed_on >= $1 AND i.closed_on < $2"
    } else {
        "i.closed_on = $1"
    };
    format!(
        "SELECT c.reference, c.case_type, c.created_on, i.closed_on, c.sector, \
         c.organisation_name, c.priority, i.attributes, {extra}, i.case_id \
         FROM case_instances i JOIN cases c ON c.id = i.case_id \
         WHERE {closed} AND c.case_type IN ({}) AND i.outcome NOT IN ({})",
        type_list(set.case_types()),
        unpublished_outcomes()
    )
}

/// Days since 1970-01-01, as the nuisance tables count them.
fn day_number(day: NaiveDate) -> i64 {
    (day - NaiveDate::default()).num_days()
}

/// The first and next-first day of a period.
fn bounds(period: DataSetPeriod) -> anyhow::Result<(NaiveDate, NaiveDate)> {
    period
        .first_day()
        .zip(period.next_first_day())
        .context("a period outside the calendar")
}

impl Database {
    /// The file of `set` for `period`, streamed: a receiver of chunks the response body reads.
    /// The rows are read by a task as the client takes them (at most a few chunks ahead).
    pub fn data_set_chunks(
        &self,
        set: DataSet,
        period: DataSetPeriod,
        settings: PublishSettings,
    ) -> mpsc::Receiver<Result<Bytes, std::io::Error>> {
        let (sender, receiver) = mpsc::channel(CHUNKS_IN_FLIGHT);
        let database = self.clone();
        tokio::spawn(async move {
            if let Err(error) = database
                .write_data_set(set, period, &settings, &sender)
                .await
            {
                tracing::error!(set = set.code(), "data set export: {error:#}");
                let _ = sender
                    .send(Err(std::io::Error::other("the data set could not be read")))
                    .await;
            }
        });
        receiver
    }

    async fn write_data_set(
        &self,
        set: DataSet,
        period: DataSetPeriod,
        settings: &PublishSettings,
        sender: &mpsc::Sender<Result<Bytes, std::io::Error>>,
    ) -> anyhow::Result<()> {
        let (from, to) = bounds(period)?;
        if set == DataSet::NuisanceReports {
            let rows = sqlx::query(&self.sql(
                "SELECT channel, COUNT(*) AS n FROM nuisance_incidents \
                 WHERE received_day >= $1 AND received_day < $2 GROUP BY channel",
            ))
            .bind(day_number(from))
            .bind(day_number(to))
            .fetch_all(&self.pool)
            .await
            .context("counting nuisance reports")?;
            let counts = rows
                .iter()
                .map(|row| {
                    let n: i64 = row.try_get("n")?;
                    Ok((row.try_get("channel")?, u64::try_from(n).unwrap_or(0)))
                })
                .collect::<Result<Vec<(String, u64)>, sqlx::Error>>()?;
            let _ = sender
                .send(Ok(Bytes::from(nuisance_lines(period, &counts, settings))))
                .await;
            return Ok(());
        }
        let mut out = Chunks::new(set, sender);
        let read = if set == DataSet::PersonalDataBreaches {
            self.read_period::<PackedBreach>(set, from, to, &mut out)
                .await?
        } else {
            self.read_period::<PackedCase>(set, from, to, &mut out)
                .await?
        };
        if read {
            out.finish().await;
        }
        Ok(())
    }

    /// Records per month of each set (cases, or nuisance reports), for months before `before`.
    async fn data_set_counts(
        &self,
        before: NaiveDate,
    ) -> anyhow::Result<Vec<(DataSet, NaiveDate, u64)>> {
        let types: Vec<CaseKind> = DataSet::all()
            .iter()
            .flat_map(|set| set.case_types().iter().copied())
            .collect();
        let rows = sqlx::query(&self.sql(&format!(
            "SELECT SUBSTR(i.closed_on, 1, 7) AS month, c.case_type, COUNT(*) AS n \
             FROM case_instances i JOIN cases c ON c.id = i.case_id \
             WHERE i.closed_on IS NOT NULL AND i.closed_on < $1 AND c.case_type IN ({}) \
             AND i.outcome NOT IN ({}) GROUP BY SUBSTR(i.closed_on, 1, 7), c.case_type",
            type_list(&types),
            unpublished_outcomes()
        )))
        .bind(before.to_string())
        .fetch_all(&self.pool)
        .await
        .context("counting completed work by month")?;
        let mut counts = Vec::new();
        for row in &rows {
            let month: String = row.try_get("month")?;
            let case_type: String = row.try_get("case_type")?;
            let n: i64 = row.try_get("n")?;
            let set = CaseKind::from_code(&case_type).and_then(DataSet::for_case_type);
            let first = NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d").ok();
            if let (Some(set), Some(first)) = (set, first) {
                counts.push((set, first, u64::try_from(n).unwrap_or(0)));
            }
        }
        let days = sqlx::query(&self.sql(
            "SELECT received_day, COUNT(*) AS n FROM nuisance_incidents \
             WHERE received_day < $1 GROUP BY received_day",
        ))
        .bind(day_number(before))
        .fetch_all(&self.pool)
        .await
        .context("counting nuisance reports by day")?;
        for row in &days {
            let day: i64 = row.try_get("received_day")?;
            let n: i64 = row.try_get("n")?;
            let Some(date) = NaiveDate::default().checked_add_signed(chrono::Duration::days(day))
            else {
                continue;
            };
            let month = DataSetPeriod::containing(date, PeriodKind::Month).first_day();
            if let Some(first) = month {
                counts.push((
                    DataSet::NuisanceReports,
                    first,
                    u64::try_from(n).unwrap_or(0),
                ));
            }
        }
        Ok(counts)
    }
}

/// The file's text, sent to the response in chunks of about [`CHUNK_BYTES`].
pub(super) struct Chunks<'a> {
    pub(super) buffer: String,
    sender: &'a mpsc::Sender<Result<Bytes, std::io::Error>>,
}

impl<'a> Chunks<'a> {
    /// Starts with the set's header line.
    fn new(set: DataSet, sender: &'a mpsc::Sender<Result<Bytes, std::io::Error>>) -> Chunks<'a> {
        let mut buffer = String::with_capacity(CHUNK_BYTES + 4096);
        buffer.push_str(&header_line(set));
        Chunks { buffer, sender }
    }

    /// Sends the text gathered once it makes a chunk; false when the client went away.
    pub(super) async fn send_full(&mut self) -> bool {
        if self.buffer.len() < CHUNK_BYTES {
            return true;
        }
        let chunk = std::mem::replace(&mut self.buffer, String::with_capacity(CHUNK_BYTES + 4096));
        self.sender.send(Ok(Bytes::from(chunk))).await.is_ok()
    }

    /// Sends what is left.
    async fn finish(self) {
        if !self.buffer.is_empty() {
            let _ = self.sender.send(Ok(Bytes::from(self.buffer))).await;
        }
    }
}

/// The index's store: the counts, kept for a while.
pub struct DataSetStore {
    pub database: Database,
    cache: Mutex<Option<(NaiveDate, Instant, Vec<DataSetFile>)>>,
}

impl DataSetStore {
    pub fn new(database: Database) -> DataSetStore {
        DataSetStore {
            database,
            cache: Mutex::new(None),
        }
    }
}

#[async_trait::async_trait]
impl PublishedDataSets for DataSetStore {
    async fn files(&self, today: NaiveDate) -> Result<Vec<DataSetFile>, StoreError> {
        if let Ok(cache) = self.cache.lock() {
            if let Some((day, at, files)) = cache.as_ref() {
                if *day == today && at.elapsed() < INDEX_TTL {
                    return Ok(files.clone());
                }
            }
        }
        let before = DataSetPeriod::containing(today, PeriodKind::Month)
            .first_day()
            .unwrap_or(today);
        let counts = self
            .database
            .data_set_counts(before)
            .await
            .map_err(|error| StoreError(format!("{error:#}")))?;
        let files = index_files(&counts, today);
        if let Ok(mut cache) = self.cache.lock() {
            *cache = Some((today, Instant::now(), files.clone()));
        }
        Ok(files)
    }
}
