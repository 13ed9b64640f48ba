//! Writing reports: a batch of reports, their incidents, the offenders they point at and the
//! per-day counts, in one transaction (the offenders' part in [`super::offenders`]).

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::any::{Any, AnyRow};
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
        let mut tx = self.writer.begin().await?;
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
        // SQLite: take the write lock at once, so the ids read below are ours to use.
        let begin = match self.backend {
            Backend::Sqlite => "BEGIN IMMEDIATE",
            Backend::Postgres => "BEGIN",
        };
        let mut tx = self.pool.begin_with(begin).await?;
        let report_ids = self
            .allocate_ids(&mut tx, "nuisance_reports", reports.len())
            .await?;
        let mut rows: Vec<Vec<Value>> = Vec::with_capacity(reports.len());
        for (report, id) in reports.iter().zip(&report_ids) {
            rows.push(vec![
                Value::Int(*id),
                Value::Text(report.idempotency_key.clone()),
                Value::Int(report.received_at.timestamp()),
                Value::Int(day_number(report.received_on)),
                Value::Text(Some(report.source.clone())),
                Value::Text(report.added_by.clone()),
                Value::Text(
                    report
                        .reporter
                        .as_ref()
                        .map(serde_json::to_string)
                        .transpose()?,
                ),
            ]);
        }
        self.insert_rows(
            &mut tx,
            "INSERT INTO nuisance_reports (id, idempotency_key, received_at, received_day, source, \
             added_by, reporter) VALUES ",
            "",
            &rows,
        )
        .await?;
        let offender_ids = self.upsert_offenders(&mut tx, reports).await?;
        self.add_offender_days(&mut tx, reports, &offender_ids)
            .await?;
        let incident_count = reports.iter().map(|r| r.incidents.len()).sum();
        let incident_ids = self
            .allocate_ids(&mut tx, "nuisance_incidents", incident_count)
            .await?;
        let mut incidents = Vec::with_capacity(incident_count);
        let mut links = Vec::new();
        let mut next_id = incident_ids.iter();
        for (report, report_id) in reports.iter().zip(&report_ids) {
            for incident in &report.incidents {
                let Some(id) = next_id.next().copied() else {
                    break;
                };
                incidents.push(vec![
                    Value::Int(id),
                    Value::Int(*report_id),
                    Value::Text(Some(incident.channel.clone())),
                    Value::Int(incident.occurred_at.and_utc().timestamp()),
                    Value::Int(day_number(report.received_on)),
                    Value::Text(Some(incident.categories.join(","))),
                    Value::Text(Some(serde_json::to_string(&incident.details)?)),
                ]);
                for offender in distinct(&incident.offenders) {
                    if let Some(offender_id) =
                        offender_ids.get(&(offender.kind.clone(), offender.key.clone()))
                    {
                        links.push(vec![Value::Int(*offender_id), Value::Int(id)]);
                    }
                }
            }
        }
        self.insert_rows(
            &mut tx,
            "INSERT INTO nuisance_incidents (id, report_id, channel, occurred_at, received_day, \
             categories, details) VALUES ",
            "",
            &incidents,
        )
        .await?;
        self.insert_rows(
            &mut tx,
            "INSERT INTO nuisance_incident_offenders (offender_id, incident_id) VALUES ",
            "",
            &links,
        )
        .await?;
        let counts = self
            .batch_window_counts(&mut tx, reports, &offender_ids, window_days)
            .await?;
        tx.commit().await?;
        Ok(reports
            .iter()
            .zip(report_ids)
            .map(|(report, id)| RecordedReport {
                id,
                counts: distinct_offenders(report)
                    .into_iter()
                    .map(|offender| {
                        let reports = offender_ids
                            .get(&(offender.kind.clone(), offender.key.clone()))
                            .and_then(|oid| counts.get(&(*oid, day_number(report.received_on))))
                            .copied()
                            .unwrap_or(0);
                        OffenderCount { offender, reports }
                    })
                    .collect(),
            })
            .collect())
    }

    /// `count` new ids for `table`, in order. SQLite: after the highest (the transaction holds
    /// the write lock); PostgreSQL: from the table's identity sequence.
    async fn allocate_ids(
        &self,
        tx: &mut Transaction<'static, Any>,
        table: &str,
        count: usize,
    ) -> Result<Vec<i64>, NuisanceStoreError> {
        let count = i64::try_from(count).unwrap_or(i64::MAX);
        match self.backend {
            Backend::Sqlite => {
                let highest: i64 = sqlx::query(&format!(
                    "SELECT CAST(COALESCE(MAX(id), 0) AS BIGINT) AS id FROM {table}"
                ))
                .fetch_one(&mut **tx)
                .await?
                .try_get("id")?;
                Ok((1..=count).map(|n| highest + n).collect())
            }
            Backend::Postgres => {
                let rows = sqlx::query(&format!(
                    "SELECT nextval(pg_get_serial_sequence('{table}', 'id')) AS id \
                     FROM generate_series(1, $1)"
                ))
                .bind(count)
                .fetch_all(&mut **tx)
                .await?;
                let mut ids = rows
                    .iter()
                    .map(|row| row.try_get("id"))
                    .collect::<Result<Vec<i64>, _>>()?;
                ids.sort_unstable();
                Ok(ids)
            }
        }
    }

    /// Inserts rows with as few statements as the placeholder limits allow.
    pub(super) async fn insert_rows(
        &self,
        tx: &mut Transaction<'static, Any>,
        head: &str,
        tail: &str,
        rows: &[Vec<Value>],
    ) -> Result<Vec<AnyRow>, NuisanceStoreError> {
        let mut returned = Vec::new();
        let Some(width) = rows.first().map(Vec::len) else {
            return Ok(returned);
        };
        for chunk in rows.chunks(ROWS_PER_STATEMENT) {
            let sql = self.sql(&format!("{head}{}{tail}", placeholders(chunk.len(), width)));
            let mut statement = sqlx::query(&sql);
            for value in chunk.iter().flatten() {
                statement = match value {
                    Value::Int(n) => statement.bind(*n),
                    Value::Text(text) => statement.bind(text.clone()),
                };
            }
            if tail.is_empty() {
                statement.execute(&mut **tx).await?;
            } else {
                returned.extend(statement.fetch_all(&mut **tx).await?);
            }
        }
        Ok(returned)
    }
}

/// Rows per multi-row statement: well inside SQLite's and PostgreSQL's placeholder limits.
pub(super) const ROWS_PER_STATEMENT: usize = 400;

/// A value to bind.
pub(super) enum Value {
    Int(i64),
    Text(Option<String>),
}

/// `($1, $2), ($3, $4)` for `rows` rows of `width` values.
pub(super) fn placeholders(rows: usize, width: usize) -> String {
    (0..rows)
        .map(|row| {
            let values: Vec<String> = (1..=width)
                .map(|col| format!("${}", row * width + col))
                .collect();
            format!("({})", values.join(", "))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The offenders of one incident, each once.
pub(super) fn distinct(offenders: &[OffenderRef]) -> Vec<&OffenderRef> {
    let mut seen = std::collections::BTreeSet::new();
    offenders
        .iter()
        .filter(|o| seen.insert((&o.kind, &o.key)))
        .collect()
}

/// The offenders of a whole report, each once, in the order first named.
pub(super) fn distinct_offenders(report: &NewNuisanceReport) -> Vec<OffenderRef> {
    let mut seen = std::collections::BTreeSet::new();
    report
        .incidents
        .iter()
        .flat_map(|incident| incident.offenders.iter())
        .filter(|o| seen.insert((o.kind.clone(), o.key.clone())))
        .cloned()
        .collect()
}
