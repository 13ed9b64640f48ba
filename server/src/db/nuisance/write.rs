//! Writing reports: a batch of reports, their incidents, the offenders they point at and the
//! per-day counts, in one transaction.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::any::Any;
use sqlx::{Row, Transaction};

use super::{day_number, NuisanceStoreError};
use crate::db::cases::is_unique_violation;
use crate::db::{Backend, Database};

/// An offender an incident points at: a normalised key of one kind, and how to show it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct OffenderRef {
    /// `number`, `sender_id`, `email_domain` or `company`.
    pub kind: String,
    /// The normalised key variants group under (E.164 for numbers).
    pub key: String,
    /// How staff and the public see it ("0906 170 1461", "Green Deal Energy").
    pub display: String,
}

/// One unwanted call or message, ready to store.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewIncident {
    /// The channel code (`text`, `live_call`, …).
    pub channel: String,
    /// When it happened, UK local time.
    pub occurred_at: NaiveDateTime,
    /// Category codes.
    pub categories: Vec<String>,
    /// Everything else about the incident as validated (kept for staff, never published).
    pub details: serde_json::Value,
    pub offenders: Vec<OffenderRef>,
}

/// One report (one or more incidents), ready to store.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewNuisanceReport {
    /// Makes a repeated submission (double click, retry) return the first report.
    pub idempotency_key: Option<String>,
    pub received_at: DateTime<Utc>,
    /// The day it arrived (Europe/London): the day the intelligence counts it on.
    pub received_on: NaiveDate,
    /// `public`, `api` or `staff`.
    pub source: String,
    /// The staff member who added it (a report received by another channel).
    pub added_by: Option<String>,
    /// The reporter's details, if given (never shown to other reporters).
    pub reporter: Option<serde_json::Value>,
    pub incidents: Vec<NewIncident>,
}

/// How often an offender of a report has been reported in the feedback window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffenderCount {
    pub offender: OffenderRef,
    /// Reports in the window ending on the report's day, this one included.
    pub reports: u64,
}

/// A stored report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordedReport {
    pub id: i64,
    /// Each distinct offender of the report, in the order first named.
    pub counts: Vec<OffenderCount>,
}

impl Database {
    /// Stores reports in one transaction and answers for each, in order. If the batch fails
    /// (one report repeats an idempotency key in a race, say), each report is stored on its own
    /// so one bad report never fails the others.
    pub async fn record_nuisance_reports(
        &self,
        reports: &[NewNuisanceReport],
        window_days: u32,
    ) -> Vec<Result<RecordedReport, NuisanceStoreError>> {
        if reports.is_empty() {
            return Vec::new();
        }
        let fresh = reports.iter().all(|r| r.idempotency_key.is_none());
        if fresh || reports.len() > 1 {
            match self.write_batch(reports, window_days).await {
                Ok(recorded) => return recorded.into_iter().map(Ok).collect(),
                Err(error) if reports.len() == 1 => return vec![Err(error)],
                Err(error) => {
                    tracing::warn!(error = %error, size = reports.len(), "batch failed; storing one by one")
                }
            }
        }
        let mut answers = Vec::with_capacity(reports.len());
        for report in reports {
            answers.push(self.record_one(report, window_days).await);
        }
        answers
    }

    async fn record_one(
        &self,
        report: &NewNuisanceReport,
        window_days: u32,
    ) -> Result<RecordedReport, NuisanceStoreError> {
        if let Some(existing) = self.report_by_key(report, window_days).await? {
            return Ok(existing);
        }
        match self
            .write_batch(std::slice::from_ref(report), window_days)
            .await
        {
            Ok(mut recorded) => recorded
                .pop()
                .ok_or(NuisanceStoreError::Database(sqlx::Error::RowNotFound)),
            Err(NuisanceStoreError::Database(error)) if is_unique_violation(&error) => self
                .report_by_key(report, window_days)
                .await?
                .ok_or(NuisanceStoreError::Database(error)),
            Err(error) => Err(error),
        }
    }

    /// The report an idempotency key already made, with its counts as of now.
    async fn report_by_key(
        &self,
        report: &NewNuisanceReport,
        window_days: u32,
    ) -> Result<Option<RecordedReport>, NuisanceStoreError> {
        let Some(key) = report.idempotency_key.as_deref() else {
            return Ok(None);
        };
        let row = sqlx::query(
            &self.sql("SELECT id, received_day FROM nuisance_reports WHERE idempotency_key = $1"),
        )
        .bind(key)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let id: i64 = row.try_get("id")?;
        let day: i64 = row.try_get("received_day")?;
        let mut tx = self.pool.begin().await?;
        let counts = self
            .window_counts(&mut tx, &distinct_offenders(report), day, window_days)
            .await?;
        tx.commit().await?;
        Ok(Some(RecordedReport { id, counts }))
    }

    async fn write_batch(
        &self,
        reports: &[NewNuisanceReport],
        window_days: u32,
    ) -> Result<Vec<RecordedReport>, NuisanceStoreError> {
        let mut tx = self.pool.begin().await?;
        // Reports first: SQLite takes its write lock on the first write.
        let mut report_ids = Vec::with_capacity(reports.len());
        for report in reports {
            let id: i64 = sqlx::query(&self.sql(
                "INSERT INTO nuisance_reports (idempotency_key, received_at, received_day, source, \
                 added_by, reporter) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            ))
            .bind(report.idempotency_key.as_deref())
            .bind(report.received_at.timestamp())
            .bind(day_number(report.received_on))
            .bind(&report.source)
            .bind(report.added_by.as_deref())
            .bind(report.reporter.as_ref().map(serde_json::to_string).transpose()?)
            .fetch_one(&mut *tx)
            .await?
            .try_get("id")?;
            report_ids.push(id);
        }
        let offender_ids = self.upsert_offenders(&mut tx, reports).await?;
        self.add_offender_days(&mut tx, reports, &offender_ids)
            .await?;
        for (report, report_id) in reports.iter().zip(&report_ids) {
            let day = day_number(report.received_on);
            for incident in &report.incidents {
                let incident_id: i64 = sqlx::query(&self.sql(
                    "INSERT INTO nuisance_incidents (report_id, channel, occurred_at, received_day, \
                     categories, details) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                ))
                .bind(report_id)
                .bind(&incident.channel)
                .bind(incident.occurred_at.and_utc().timestamp())
                .bind(day)
                .bind(incident.categories.join(","))
                .bind(serde_json::to_string(&incident.details)?)
                .fetch_one(&mut *tx)
                .await?
                .try_get("id")?;
                let mut linked: Vec<i64> = incident
                    .offenders
                    .iter()
                    .filter_map(|o| offender_ids.get(&(o.kind.clone(), o.key.clone())).copied())
                    .collect();
                linked.sort_unstable();
                linked.dedup();
                for offender_id in linked {
                    sqlx::query(&self.sql(
                        "INSERT INTO nuisance_incident_offenders (offender_id, incident_id) \
                         VALUES ($1, $2)",
                    ))
                    .bind(offender_id)
                    .bind(incident_id)
                    .execute(&mut *tx)
                    .await?;
                }
            }
        }
        let mut recorded = Vec::with_capacity(reports.len());
        for (report, id) in reports.iter().zip(report_ids) {
            let counts = self
                .window_counts(
                    &mut tx,
                    &distinct_offenders(report),
                    day_number(report.received_on),
                    window_days,
                )
                .await?;
            recorded.push(RecordedReport { id, counts });
        }
        tx.commit().await?;
        Ok(recorded)
    }

    /// Adds each offender's incidents to its total, in key order (so concurrent batches on
    /// PostgreSQL lock rows in the same order and never deadlock), and returns their ids.
    async fn upsert_offenders(
        &self,
        tx: &mut Transaction<'static, Any>,
        reports: &[NewNuisanceReport],
    ) -> Result<BTreeMap<(String, String), i64>, NuisanceStoreError> {
        let mut totals: BTreeMap<(String, String), (String, i64, i64, i64)> = BTreeMap::new();
        for report in reports {
            let day = day_number(report.received_on);
            for incident in &report.incidents {
                for offender in distinct(&incident.offenders) {
                    let entry = totals
                        .entry((offender.kind.clone(), offender.key.clone()))
                        .or_insert_with(|| (offender.display.clone(), 0, day, day));
                    entry.1 += 1;
                    entry.2 = entry.2.min(day);
                    entry.3 = entry.3.max(day);
                }
            }
        }
        let (least, greatest) = match self.backend {
            Backend::Sqlite => ("min", "max"),
            Backend::Postgres => ("LEAST", "GREATEST"),
        };
        let upsert = self.sql(&format!(
            "INSERT INTO nuisance_offenders (kind, key, display, total, first_day, last_day) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (kind, key) DO UPDATE SET \
             total = nuisance_offenders.total + excluded.total, \
             first_day = {least}(nuisance_offenders.first_day, excluded.first_day), \
             last_day = {greatest}(nuisance_offenders.last_day, excluded.last_day) RETURNING id"
        ));
        let mut ids = BTreeMap::new();
        for ((kind, key), (display, count, first, last)) in totals {
            let id: i64 = sqlx::query(&upsert)
                .bind(&kind)
                .bind(&key)
                .bind(&display)
                .bind(count)
                .bind(first)
                .bind(last)
                .fetch_one(&mut **tx)
                .await?
                .try_get("id")?;
            ids.insert((kind, key), id);
        }
        Ok(ids)
    }

    async fn add_offender_days(
        &self,
        tx: &mut Transaction<'static, Any>,
        reports: &[NewNuisanceReport],
        offender_ids: &BTreeMap<(String, String), i64>,
    ) -> Result<(), NuisanceStoreError> {
        let mut days: BTreeMap<(i64, i64), i64> = BTreeMap::new();
        for report in reports {
            let day = day_number(report.received_on);
            for incident in &report.incidents {
                for offender in distinct(&incident.offenders) {
                    if let Some(id) =
                        offender_ids.get(&(offender.kind.clone(), offender.key.clone()))
                    {
                        *days.entry((*id, day)).or_default() += 1;
                    }
                }
            }
        }
        let upsert = self.sql(
            "INSERT INTO nuisance_offender_days (offender_id, day, reports) VALUES ($1, $2, $3) \
             ON CONFLICT (offender_id, day) DO UPDATE SET \
             reports = nuisance_offender_days.reports + excluded.reports",
        );
        for ((offender_id, day), reports) in days {
            sqlx::query(&upsert)
                .bind(offender_id)
                .bind(day)
                .bind(reports)
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }

    /// How often each offender was reported in the `window_days` days ending on `day`.
    async fn window_counts(
        &self,
        tx: &mut Transaction<'static, Any>,
        offenders: &[OffenderRef],
        day: i64,
        window_days: u32,
    ) -> Result<Vec<OffenderCount>, NuisanceStoreError> {
        let query = self.sql(
            "SELECT CAST(COALESCE(SUM(d.reports), 0) AS BIGINT) AS reports FROM nuisance_offenders o \
             JOIN nuisance_offender_days d ON d.offender_id = o.id \
             WHERE o.kind = $1 AND o.key = $2 AND d.day > $3 AND d.day <= $4",
        );
        let mut counts = Vec::with_capacity(offenders.len());
        for offender in offenders {
            let reports: i64 = sqlx::query(&query)
                .bind(&offender.kind)
                .bind(&offender.key)
                .bind(day - i64::from(window_days))
                .bind(day)
                .fetch_one(&mut **tx)
                .await?
                .try_get("reports")?;
            counts.push(OffenderCount {
                offender: offender.clone(),
                reports: u64::try_from(reports).unwrap_or(0),
            });
        }
        Ok(counts)
    }
}

/// The offenders of one incident, each once.
fn distinct(offenders: &[OffenderRef]) -> Vec<&OffenderRef> {
    let mut seen = std::collections::BTreeSet::new();
    offenders
        .iter()
        .filter(|o| seen.insert((&o.kind, &o.key)))
        .collect()
}

/// The offenders of a whole report, each once, in the order first named.
fn distinct_offenders(report: &NewNuisanceReport) -> Vec<OffenderRef> {
    let mut seen = std::collections::BTreeSet::new();
    report
        .incidents
        .iter()
        .flat_map(|incident| incident.offenders.iter())
        .filter(|o| seen.insert((o.kind.clone(), o.key.clone())))
        .cloned()
        .collect()
}
