//! Reading the partner feed (`GET /api/v1/nuisance-numbers`), with the rules of
//! `app::domain::nuisance::feed`.
//!
//! Every read is bounded, whatever the number of stored reports:
//! - offenders are read in id order after the cursor, only those of the feed's kinds with at
//!   least `feed_min_reports` incidents (an offender's incidents bound its distinct reports from
//!   above), a page at a time, from the partial index `nuisance_offenders_feed` (offenders
//!   reported twice or more: not the long tail reported once);
//! - distinct reports are counted only as far as the rule needs (3, or 10 for a personal
//!   number): offenders with few incidents in one query, the others each from the first of
//!   their incident links (a report has at most `max_incidents` incidents, so a few dozen rows);
//! - the window counts are the listed offenders' day rows of the long window (primary key
//!   `(offender_id, day)`);
//! - when the feed last changed is the latest `received_at` (index
//!   `nuisance_reports_received_at`).
//!
//! A page that fills up slowly (many personal numbers held back) stops after a few reads and
//! hands back a cursor, so one request never walks the whole table.

use std::collections::{BTreeSet, HashMap, HashSet};

use app::domain::nuisance::feed::{
    feed_windows, listing, reports_needed, window_counts, FeedClass, FeedQuery, Listing, FEED_KINDS,
};
use app::domain::nuisance::{parse_phone_number, NuisanceSettings, NumberKind, OffenderKind};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::Row;

use super::{day_date, day_number, NuisanceStoreError};
use crate::db::{Backend, Database};

/// Reads of candidate offenders for one page before it is handed back short, with a cursor.
const MOST_READS: usize = 8;
/// The least total in the partial index `nuisance_offenders_feed` (its `WHERE total >= 2`).
const FEED_INDEX_TOTAL: u64 = 2;
/// Offenders with at most this many incidents have their distinct reports counted together.
const FEW_INCIDENTS: u64 = 32;

/// One offender as the feed lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedOffender {
    pub id: i64,
    /// `number`, `sender_id` or `email_domain`.
    pub kind: String,
    /// What it is (`mobile`, `premium_rate`, `sender_name`, …).
    pub class: &'static str,
    /// The normalised key (E.164 for numbers).
    pub key: String,
    pub display: String,
    /// Incidents reported in the short and long windows.
    pub short_window: u64,
    pub long_window: u64,
    pub first_seen: NaiveDate,
    pub last_seen: NaiveDate,
}

/// A page of the feed and the cursor of the next, if there may be more.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedPage {
    pub offenders: Vec<FeedOffender>,
    pub next: Option<i64>,
}

/// An offender read, before the rules.
struct Candidate {
    id: i64,
    kind: String,
    key: String,
    display: String,
    total: u64,
    first_day: i64,
    last_day: i64,
}

impl Database {
    /// One page of the feed on `today`.
    pub async fn nuisance_feed(
        &self,
        query: FeedQuery,
        today: NaiveDate,
        settings: &NuisanceSettings,
    ) -> Result<FeedPage, NuisanceStoreError> {
        let limit = query.limit.max(1);
        let min_total = settings.feed_min_reports.max(1);
        let mut listed: Vec<(Candidate, FeedClass)> = Vec::new();
        let mut after = query.after.unwrap_or(0);
        let mut next = None;
        for read in 0..MOST_READS {
            let wanted = limit - listed.len();
            let candidates = self.feed_candidates(after, min_total, wanted + 1).await?;
            let more = candidates.len() > wanted;
            let decided = self.decide(candidates, settings).await?;
            let mut full = false;
            for (candidate, class) in decided {
                if listed.len() == limit {
                    full = true;
                    break;
                }
                after = candidate.id;
                if let Some(class) = class {
                    listed.push((candidate, class));
                }
            }
            if full || (more && read + 1 == MOST_READS) {
                next = Some(after);
                break;
            }
            if !more {
                break;
            }
        }
        let windows = feed_windows(today, settings);
        let ids: Vec<i64> = listed.iter().map(|(c, _)| c.id).collect();
        let days = self
            .offender_days(&ids, windows.long_from, windows.today)
            .await?;
        let offenders = listed
            .into_iter()
            .map(|(candidate, class)| {
                let (short_window, long_window) = window_counts(
                    &windows,
                    days.get(&candidate.id).cloned().unwrap_or_default(),
                );
                FeedOffender {
                    id: candidate.id,
                    kind: candidate.kind,
                    class: class.code(),
                    key: candidate.key,
                    display: candidate.display,
                    short_window,
                    long_window,
                    first_seen: day_date(candidate.first_day),
                    last_seen: day_date(candidate.last_day),
                }
            })
            .collect();
        Ok(FeedPage { offenders, next })
    }

    /// When a report was last stored (`None` before the first).
    pub async fn latest_nuisance_report_at(
        &self,
    ) -> Result<Option<DateTime<Utc>>, NuisanceStoreError> {
        let row =
            sqlx::query("SELECT CAST(MAX(received_at) AS BIGINT) AS latest FROM nuisance_reports")
                .fetch_one(&self.pool)
                .await?;
        let latest: Option<i64> = row.try_get("latest")?;
        Ok(latest.and_then(|seconds| DateTime::from_timestamp(seconds, 0)))
    }

    /// The candidates in order, each with its class if it is listed.
    async fn decide(
        &self,
        candidates: Vec<Candidate>,
        settings: &NuisanceSettings,
    ) -> Result<Vec<(Candidate, Option<FeedClass>)>, NuisanceStoreError> {
        let classed: Vec<(Candidate, Option<FeedClass>)> = candidates
            .into_iter()
            .map(|candidate| {
                let class = OffenderKind::from_code(&candidate.kind)
                    .and_then(|kind| FeedClass::of(kind, || number_kind(&candidate.key)));
                (candidate, class)
            })
            .collect();
        // Only an offender with enough incidents can have enough distinct reports.
        let to_count: Vec<(i64, u64, u64)> = classed
            .iter()
            .filter_map(|(c, class)| {
                let needed = reports_needed((*class)?, settings);
                (c.total >= needed).then_some((c.id, c.total, needed))
            })
            .collect();
        let few: Vec<i64> = to_count
            .iter()
            .filter(|(_, total, _)| *total <= FEW_INCIDENTS)
            .map(|(id, _, _)| *id)
            .collect();
        let mut reports = self.distinct_reports_of(&few).await?;
        for (id, total, needed) in &to_count {
            if *total > FEW_INCIDENTS {
                reports.insert(*id, self.distinct_reports_upto(*id, *needed).await?);
            }
        }
        Ok(classed
            .into_iter()
            .map(|(candidate, class)| {
                let counted = reports.get(&candidate.id).copied().unwrap_or(0);
                let listed =
                    class.filter(|class| listing(*class, counted, settings) == Listing::Listed);
                (candidate, listed)
            })
            .collect())
    }

    /// Up to `limit` offenders of the feed's kinds with at least `min_total` incidents, after
    /// offender `after`, in id order.
    async fn feed_candidates(
        &self,
        after: i64,
        min_total: u64,
        limit: usize,
    ) -> Result<Vec<Candidate>, NuisanceStoreError> {
        let kinds: Vec<String> = (3..3 + FEED_KINDS.len()).map(|n| format!("${n}")).collect();
        // The partial index holds only offenders reported twice or more (most are reported
        // once): with a threshold of 2 or more the page is read from it, in id order. SQLite is
        // told so, since without statistics it would sort every offender over the threshold.
        let partial = min_total >= FEED_INDEX_TOTAL;
        let (table, condition) = match (self.backend, partial) {
            (Backend::Sqlite, true) => (
                "nuisance_offenders INDEXED BY nuisance_offenders_feed",
                " AND total >= 2",
            ),
            (Backend::Sqlite, false) => ("nuisance_offenders NOT INDEXED", ""),
            (Backend::Postgres, true) => ("nuisance_offenders", " AND total >= 2"),
            (Backend::Postgres, false) => ("nuisance_offenders", ""),
        };
        let sql = self.sql(&format!(
            "SELECT id, kind, key, display, total, first_day, last_day FROM {table} \
             WHERE id > $1{condition} AND total >= $2 AND kind IN ({}) ORDER BY id LIMIT {}",
            kinds.join(", "),
            limit.max(1)
        ));
        let mut statement = sqlx::query(&sql)
            .bind(after)
            .bind(i64::try_from(min_total).unwrap_or(i64::MAX));
        for kind in FEED_KINDS {
            statement = statement.bind(kind.code());
        }
        let rows = statement.fetch_all(&self.pool).await?;
        rows.iter()
            .map(|row| {
                Ok(Candidate {
                    id: row.try_get("id")?,
                    kind: row.try_get("kind")?,
                    key: row.try_get("key")?,
                    display: row.try_get("display")?,
                    total: u64::try_from(row.try_get::<i64, _>("total")?).unwrap_or(0),
                    first_day: row.try_get("first_day")?,
                    last_day: row.try_get("last_day")?,
                })
            })
            .collect()
    }

    /// Every distinct report naming each of the offenders (few incidents each).
    async fn distinct_reports_of(
        &self,
        ids: &[i64],
    ) -> Result<HashMap<i64, u64>, NuisanceStoreError> {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let placeholders: Vec<String> = (1..=ids.len()).map(|n| format!("${n}")).collect();
        let sql = self.sql(&format!(
            "SELECT DISTINCT l.offender_id, i.report_id FROM nuisance_incident_offenders l \
             JOIN nuisance_incidents i ON i.id = l.incident_id \
             WHERE l.offender_id IN ({})",
            placeholders.join(", ")
        ));
        let mut statement = sqlx::query(&sql);
        for id in ids {
            statement = statement.bind(*id);
        }
        let mut counts: HashMap<i64, u64> = HashMap::new();
        for row in statement.fetch_all(&self.pool).await? {
            *counts.entry(row.try_get("offender_id")?).or_default() += 1;
        }
        Ok(counts)
    }

    /// The distinct reports naming an offender, counted up to `cap`.
    async fn distinct_reports_upto(
        &self,
        offender_id: i64,
        cap: u64,
    ) -> Result<u64, NuisanceStoreError> {
        let chunk = i64::try_from(cap.saturating_mul(4))
            .unwrap_or(i64::MAX)
            .max(16);
        let sql = self.sql(&format!(
            "SELECT l.incident_id, i.report_id FROM nuisance_incident_offenders l \
             JOIN nuisance_incidents i ON i.id = l.incident_id \
             WHERE l.offender_id = $1 AND l.incident_id > $2 \
             ORDER BY l.incident_id LIMIT {chunk}"
        ));
        let mut reports: HashSet<i64> = HashSet::new();
        let mut after = 0_i64;
        loop {
            let rows = sqlx::query(&sql)
                .bind(offender_id)
                .bind(after)
                .fetch_all(&self.pool)
                .await?;
            for row in &rows {
                after = row.try_get("incident_id")?;
                reports.insert(row.try_get("report_id")?);
            }
            let counted = u64::try_from(reports.len()).unwrap_or(u64::MAX);
            if counted >= cap || i64::try_from(rows.len()).unwrap_or(i64::MAX) < chunk {
                return Ok(counted);
            }
        }
    }

    /// Each offender's (day, incidents) rows from `from` to `to`.
    async fn offender_days(
        &self,
        ids: &[i64],
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<HashMap<i64, Vec<(NaiveDate, u64)>>, NuisanceStoreError> {
        let mut days: HashMap<i64, Vec<(NaiveDate, u64)>> = HashMap::new();
        if ids.is_empty() {
            return Ok(days);
        }
        let unique: BTreeSet<i64> = ids.iter().copied().collect();
        let placeholders: Vec<String> = (3..3 + unique.len()).map(|n| format!("${n}")).collect();
        let sql = self.sql(&format!(
            "SELECT offender_id, day, reports FROM nuisance_offender_days \
             WHERE day >= $1 AND day <= $2 AND offender_id IN ({})",
            placeholders.join(", ")
        ));
        let mut statement = sqlx::query(&sql)
            .bind(day_number(from))
            .bind(day_number(to));
        for id in &unique {
            statement = statement.bind(*id);
        }
        for row in statement.fetch_all(&self.pool).await? {
            days.entry(row.try_get("offender_id")?).or_default().push((
                day_date(row.try_get("day")?),
                u64::try_from(row.try_get::<i64, _>("reports")?).unwrap_or(0),
            ));
        }
        Ok(days)
    }
}

/// What a stored number is (its key is E.164 or a short code's digits, so it parses).
fn number_kind(key: &str) -> NumberKind {
    parse_phone_number(key).map_or(NumberKind::Unknown, |number| number.kind())
}
