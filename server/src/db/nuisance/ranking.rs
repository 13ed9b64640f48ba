//! Reading the intelligence: repeat offenders ranked by reports over a period, and one
//! offender's trend, categories and underlying incidents.
//!
//! The ranking never aggregates every day row of the period. Offenders are read in order of
//! their all-time total, a chunk at a time, and each chunk's reports in the period are summed
//! from its day rows. An offender's reports in any period are at most its total, so once the
//! last place on the list has at least as many reports as the next offender's total, no later
//! offender can get onto the list and the reading stops. Spam is concentrated on few offenders,
//! so this reads a few hundred offenders whatever the number of stored reports.

use std::collections::HashMap;

pub use app::domain::nuisance::intelligence::{
    OffenderDay, OffenderDetail, OffenderQuery, OffenderRow, StoredIncident,
};
use chrono::NaiveDate;
use sqlx::any::AnyRow;
use sqlx::Row;

use super::{day_date, day_number, NuisanceStoreError};
use crate::db::Database;

const FIRST_CHUNK: i64 = 64;
const LARGEST_CHUNK: i64 = 2048;
/// Categories and channels are counted over at most this many of the period's incidents.
pub const COUNTED_INCIDENTS: i64 = 20_000;

impl Database {
    /// The offenders with the most reports in the period, most first (ties: the larger total,
    /// then the one first seen).
    pub async fn repeat_offenders(
        &self,
        query: &OffenderQuery,
    ) -> Result<Vec<OffenderRow>, NuisanceStoreError> {
        let (from, to) = (day_number(query.from), day_number(query.to));
        let limit = query.limit.max(1);
        let mut best: Vec<OffenderRow> = Vec::new();
        let mut after: Option<(i64, i64)> = None;
        let mut chunk = FIRST_CHUNK;
        loop {
            let candidates = self
                .offenders_by_total(query.kind.as_deref(), from, to, after, chunk)
                .await?;
            let Some(last) = candidates.last() else { break };
            let last_total = last.total;
            after = Some((i64::try_from(last.total).unwrap_or(i64::MAX), last.id));
            let counts = self
                .reports_between(candidates.iter().map(|c| c.id), from, to)
                .await?;
            for mut candidate in candidates {
                candidate.reports = counts.get(&candidate.id).copied().unwrap_or(0);
                if candidate.reports >= query.min_reports.max(1) {
                    best.push(candidate);
                }
            }
            best.sort_by(|a, b| {
                b.reports
                    .cmp(&a.reports)
                    .then(b.total.cmp(&a.total))
                    .then(a.id.cmp(&b.id))
            });
            best.truncate(limit);
            let settled =
                best.len() == limit && best.last().is_some_and(|r| r.reports >= last_total);
            if settled || last_total < query.min_reports.max(1) {
                break;
            }
            chunk = (chunk * 2).min(LARGEST_CHUNK);
        }
        Ok(best)
    }

    /// The next offenders in order of total (after `after`), active in the period.
    async fn offenders_by_total(
        &self,
        kind: Option<&str>,
        from: i64,
        to: i64,
        after: Option<(i64, i64)>,
        chunk: i64,
    ) -> Result<Vec<OffenderRow>, NuisanceStoreError> {
        let (after_total, after_id) = after.unwrap_or((i64::MAX, i64::MIN));
        let kind_filter = if kind.is_some() { " AND kind = $6" } else { "" };
        let sql = format!(
            "SELECT id, kind, key, display, total, first_day, last_day FROM nuisance_offenders \
             WHERE (total < $1 OR (total = $2 AND id > $3)) \
             AND last_day >= $4 AND first_day <= $5{kind_filter} \
             ORDER BY total DESC, id LIMIT {chunk}"
        );
        let sql = self.sql(&sql);
        let mut statement = sqlx::query(&sql)
            .bind(after_total)
            .bind(after_total)
            .bind(after_id)
            .bind(from)
            .bind(to);
        if let Some(kind) = kind {
            statement = statement.bind(kind);
        }
        let rows = statement.fetch_all(&self.pool).await?;
        rows.iter().map(offender_row).collect()
    }

    /// Reports in the period for each of the offenders.
    async fn reports_between(
        &self,
        offender_ids: impl Iterator<Item = i64>,
        from: i64,
        to: i64,
    ) -> Result<HashMap<i64, u64>, NuisanceStoreError> {
        let ids: Vec<i64> = offender_ids.collect();
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let placeholders: Vec<String> = (3..3 + ids.len()).map(|n| format!("${n}")).collect();
        let sql = format!(
            "SELECT offender_id, CAST(SUM(reports) AS BIGINT) AS reports FROM nuisance_offender_days \
             WHERE day >= $1 AND day <= $2 AND offender_id IN ({}) GROUP BY offender_id",
            placeholders.join(", ")
        );
        let sql = self.sql(&sql);
        let mut statement = sqlx::query(&sql).bind(from).bind(to);
        for id in &ids {
            statement = statement.bind(*id);
        }
        let mut counts = HashMap::with_capacity(ids.len());
        for row in statement.fetch_all(&self.pool).await? {
            let id: i64 = row.try_get("offender_id")?;
            let reports: i64 = row.try_get("reports")?;
            counts.insert(id, u64::try_from(reports).unwrap_or(0));
        }
        Ok(counts)
    }

    /// An offender by its kind and normalised key.
    pub async fn offender_by_key(
        &self,
        kind: &str,
        key: &str,
    ) -> Result<Option<OffenderRow>, NuisanceStoreError> {
        let row = sqlx::query(&self.sql(
            "SELECT id, kind, key, display, total, first_day, last_day FROM nuisance_offenders \
             WHERE kind = $1 AND key = $2",
        ))
        .bind(kind)
        .bind(key)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(offender_row).transpose()
    }

    /// One offender over a period, with up to `incident_limit` of its latest incidents.
    pub async fn offender_detail(
        &self,
        id: i64,
        from: NaiveDate,
        to: NaiveDate,
        incident_limit: i64,
    ) -> Result<Option<OffenderDetail>, NuisanceStoreError> {
        let row = sqlx::query(&self.sql(
            "SELECT id, kind, key, display, total, first_day, last_day FROM nuisance_offenders \
             WHERE id = $1",
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let mut offender = offender_row(&row)?;
        let (from_day, to_day) = (day_number(from), day_number(to));
        let days: Vec<OffenderDay> = sqlx::query(&self.sql(
            "SELECT day, reports FROM nuisance_offender_days \
             WHERE offender_id = $1 AND day >= $2 AND day <= $3 ORDER BY day",
        ))
        .bind(id)
        .bind(from_day)
        .bind(to_day)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|row| {
            Ok(OffenderDay {
                day: day_date(row.try_get("day")?),
                reports: u64::try_from(row.try_get::<i64, _>("reports")?).unwrap_or(0),
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
        offender.reports = days.iter().map(|d| d.reports).sum();
        let counted = self
            .incidents_of(id, from, to, COUNTED_INCIDENTS, None)
            .await?;
        let categories = tally(counted.iter().flat_map(|i| i.categories.iter().cloned()));
        let channels = tally(counted.iter().map(|i| i.channel.clone()));
        let incidents = counted
            .into_iter()
            .take(usize::try_from(incident_limit).unwrap_or(0))
            .collect();
        Ok(Some(OffenderDetail {
            offender,
            days,
            categories,
            channels,
            incidents,
        }))
    }

    /// The incidents of report `report_id` (looked up by its reference), in the order given.
    pub async fn report_incidents(
        &self,
        report_id: i64,
    ) -> Result<Vec<StoredIncident>, NuisanceStoreError> {
        let rows = sqlx::query(&self.sql(
            "SELECT i.id, i.report_id, i.channel, i.occurred_at, i.received_day, i.categories, \
             i.details, r.source FROM nuisance_incidents i \
             JOIN nuisance_reports r ON r.id = i.report_id \
             WHERE i.report_id = $1 ORDER BY i.id",
        ))
        .bind(report_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(stored_incident).collect()
    }

    /// An offender's incidents in a period, newest first, from before incident `before`.
    pub async fn incidents_of(
        &self,
        offender_id: i64,
        from: NaiveDate,
        to: NaiveDate,
        limit: i64,
        before: Option<i64>,
    ) -> Result<Vec<StoredIncident>, NuisanceStoreError> {
        let rows = sqlx::query(&self.sql(&format!(
            "SELECT i.id, i.report_id, i.channel, i.occurred_at, i.received_day, i.categories, \
             i.details, r.source FROM nuisance_incident_offenders l \
             JOIN nuisance_incidents i ON i.id = l.incident_id \
             JOIN nuisance_reports r ON r.id = i.report_id \
             WHERE l.offender_id = $1 AND l.incident_id < $2 \
             AND i.received_day >= $3 AND i.received_day <= $4 \
             ORDER BY l.incident_id DESC LIMIT {}",
            limit.max(0)
        )))
        .bind(offender_id)
        .bind(before.unwrap_or(i64::MAX))
        .bind(day_number(from))
        .bind(day_number(to))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(stored_incident).collect()
    }
}

fn offender_row(row: &AnyRow) -> Result<OffenderRow, NuisanceStoreError> {
    Ok(OffenderRow {
        id: row.try_get("id")?,
        kind: row.try_get("kind")?,
        key: row.try_get("key")?,
        display: row.try_get("display")?,
        reports: 0,
        total: u64::try_from(row.try_get::<i64, _>("total")?).unwrap_or(0),
        first_reported: day_date(row.try_get("first_day")?),
        last_reported: day_date(row.try_get("last_day")?),
    })
}

fn stored_incident(row: &AnyRow) -> Result<StoredIncident, NuisanceStoreError> {
    let categories: String = row.try_get("categories")?;
    let details: String = row.try_get("details")?;
    let occurred: i64 = row.try_get("occurred_at")?;
    Ok(StoredIncident {
        id: row.try_get("id")?,
        report_id: row.try_get("report_id")?,
        channel: row.try_get("channel")?,
        occurred_at: chrono::DateTime::from_timestamp(occurred, 0)
            .map(|at| at.naive_utc())
            .unwrap_or_default(),
        received_on: day_date(row.try_get("received_day")?),
        categories: categories
            .split(',')
            .filter(|c| !c.is_empty())
            .map(str::to_owned)
            .collect(),
        details: serde_json::from_str(&details)?,
        source: row.try_get("source")?,
    })
}

/// Counts of each value, most first (ties in name order).
fn tally(values: impl Iterator<Item = String>) -> Vec<(String, u64)> {
    let mut counts: HashMap<String, u64> = HashMap::new();
    for value in values {
        *counts.entry(value).or_default() += 1;
    }
    let mut counts: Vec<(String, u64)> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts
}
