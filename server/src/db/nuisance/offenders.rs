//! Writing reports, the offenders' part: each offender's row and total, its reports per day,
//! and the counts over the ranking windows a batch answers with (inside the batch's
//! transaction, [`super::write`]).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use sqlx::any::Any;
use sqlx::{Row, Transaction};

use super::write::{
    distinct, distinct_offenders, NewNuisanceReport, OffenderCount, OffenderRef, Value,
    ROWS_PER_STATEMENT,
};
use super::{day_number, NuisanceStoreError};
use crate::db::{Backend, Database};

impl Database {
    /// Adds each offender's incidents to its total and returns their ids. Rows are written in
    /// key order, so concurrent batches on PostgreSQL lock them in the same order.
    pub(super) async fn upsert_offenders(
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
        let rows: Vec<Vec<Value>> = totals
            .into_iter()
            .map(|((kind, key), (display, count, first, last))| {
                vec![
                    Value::Text(Some(kind)),
                    Value::Text(Some(key)),
                    Value::Text(Some(display)),
                    Value::Int(count),
                    Value::Int(first),
                    Value::Int(last),
                ]
            })
            .collect();
        let tail = format!(
            " ON CONFLICT (kind, key) DO UPDATE SET \
             total = nuisance_offenders.total + excluded.total, \
             first_day = {least}(nuisance_offenders.first_day, excluded.first_day), \
             last_day = {greatest}(nuisance_offenders.last_day, excluded.last_day) \
             RETURNING id, kind, key"
        );
        let returned = self
            .insert_rows(
                tx,
                "INSERT INTO nuisance_offenders (kind, key, display, total, first_day, last_day) \
                 VALUES ",
                &tail,
                &rows,
            )
            .await?;
        let mut ids = BTreeMap::new();
        for row in returned {
            ids.insert(
                (row.try_get("kind")?, row.try_get("key")?),
                row.try_get("id")?,
            );
        }
        Ok(ids)
    }

    pub(super) async fn add_offender_days(
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
        let rows: Vec<Vec<Value>> = days
            .into_iter()
            .map(|((id, day), n)| vec![Value::Int(id), Value::Int(day), Value::Int(n)])
            .collect();
        self.insert_rows(
            tx,
            "INSERT INTO nuisance_offender_days (offender_id, day, reports) VALUES ",
            " ON CONFLICT (offender_id, day) DO UPDATE SET \
             reports = nuisance_offender_days.reports + excluded.reports",
            &rows,
        )
        .await
        .map(|_| ())
    }

    /// Reports of each of the batch's offenders in the window ending on each report's day:
    /// one query per distinct day (in practice, one: today).
    pub(super) async fn batch_window_counts(
        &self,
        tx: &mut Transaction<'static, Any>,
        reports: &[NewNuisanceReport],
        offender_ids: &BTreeMap<(String, String), i64>,
        window_days: u32,
    ) -> Result<HashMap<(i64, i64), u64>, NuisanceStoreError> {
        let mut by_day: BTreeMap<i64, BTreeSet<i64>> = BTreeMap::new();
        for report in reports {
            let ids = by_day.entry(day_number(report.received_on)).or_default();
            for offender in distinct_offenders(report) {
                if let Some(id) = offender_ids.get(&(offender.kind, offender.key)) {
                    ids.insert(*id);
                }
            }
        }
        let mut counts = HashMap::new();
        for (day, ids) in by_day {
            for chunk in ids
                .into_iter()
                .collect::<Vec<_>>()
                .chunks(ROWS_PER_STATEMENT)
            {
                let list: Vec<String> = (3..3 + chunk.len()).map(|n| format!("${n}")).collect();
                let sql = self.sql(&format!(
                    "SELECT offender_id, CAST(SUM(reports) AS BIGINT) AS reports \
                     FROM nuisance_offender_days WHERE day > $1 AND day <= $2 \
                     AND offender_id IN ({}) GROUP BY offender_id",
                    list.join(", ")
                ));
                let mut statement = sqlx::query(&sql)
                    .bind(day - i64::from(window_days))
                    .bind(day);
                for id in chunk {
                    statement = statement.bind(*id);
                }
                for row in statement.fetch_all(&mut **tx).await? {
                    let reports: i64 = row.try_get("reports")?;
                    counts.insert(
                        (row.try_get("offender_id")?, day),
                        u64::try_from(reports).unwrap_or(0),
                    );
                }
            }
        }
        Ok(counts)
    }

    /// How often each offender was reported in the `window_days` days ending on `day`.
    pub(super) async fn window_counts(
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
