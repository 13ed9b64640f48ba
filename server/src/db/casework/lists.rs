//! The casework lists: the sift list, a work queue's cases, every open case, the queue counts
//! and leads; and what the exception reports read (closed instances, re-opened cases' instances).

use app::domain::case::{CaseKind, WorkQueue};
use app::domain::casework::InstanceDates;
use app::server_fns::casework::{ClosedInstance, QueueCase, QueueCount};
use chrono::NaiveDate;
use sqlx::any::AnyRow;
use sqlx::Row;

use super::record::{CaseRow, SELECT_CASE_ROW};
use super::visible_to;
use crate::case::london_s;
use crate::db::{code_of, from_code, CaseStoreError, Database};

/// The case row's columns, the officer's name, when the current 'prepare' was completed (none
/// while one is open) and the flags still raised. `$1` is the member of staff reading.
pub(super) fn select_listed(condition: &str, order: &str) -> String {
    let extra = ", s.name AS officer_name, \
        (SELECT MAX(w.completed_at) FROM work_items w WHERE w.case_id = c.id \
           AND w.kind = 'prepare' AND NOT EXISTS (SELECT 1 FROM work_items o \
           WHERE o.case_id = c.id AND o.kind = 'prepare' AND o.completed_at IS NULL)) \
           AS prepared_at, \
        (SELECT COUNT(*) FROM sift_flags f WHERE f.case_id = c.id AND f.cleared_at IS NULL) \
           AS open_flags, c.customer_name FROM cases c";
    format!(
        "{} LEFT JOIN staff s ON s.id = c.assigned_to WHERE {} AND {condition} \
         ORDER BY {order}",
        SELECT_CASE_ROW.replacen(" FROM cases c", extra, 1),
        visible_to("$1"),
    )
}

pub(super) fn listed(row: &AnyRow) -> Result<QueueCase, CaseStoreError> {
    let prepared_at: Option<i64> = row.try_get("prepared_at")?;
    let open_flags: i64 = row.try_get("open_flags")?;
    Ok(QueueCase {
        record: CaseRow::from_row(row)?.record,
        officer: row.try_get("officer_name")?,
        prepared_on: prepared_at.map(|at| london_s(at).date()),
        open_flags: u32::try_from(open_flags).unwrap_or(u32::MAX),
        customer: row.try_get("customer_name")?,
    })
}

fn day(text: &str) -> Result<NaiveDate, CaseStoreError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
        CaseStoreError::Database(sqlx::Error::Decode(
            format!("{text:?} is not a date").into(),
        ))
    })
}

impl Database {
    async fn listed_cases(
        &self,
        condition: &str,
        staff_id: &str,
        queue: Option<&str>,
    ) -> Result<Vec<QueueCase>, CaseStoreError> {
        let sql = self.sql(&select_listed(condition, "c.created_at, c.reference"));
        let mut query = sqlx::query(&sql).bind(staff_id);
        if let Some(queue) = queue {
            query = query.bind(queue);
        }
        let rows = query.fetch_all(&self.pool).await?;
        rows.iter().map(listed).collect()
    }

    /// Open cases not yet sifted, and those on the sift list.
    pub async fn sift_list(&self, staff_id: &str) -> Result<Vec<QueueCase>, CaseStoreError> {
        let condition = "c.status = 'open' AND (c.sifted_on IS NULL OR c.work_queue = 'sift')";
        self.listed_cases(condition, staff_id, None).await
    }

    /// The sifted open cases in `queue`.
    pub async fn queue_cases(
        &self,
        queue: WorkQueue,
        staff_id: &str,
    ) -> Result<Vec<QueueCase>, CaseStoreError> {
        let code = code_of(&queue)?;
        let condition = "c.status = 'open' AND c.sifted_on IS NOT NULL AND c.work_queue = $2";
        self.listed_cases(condition, staff_id, Some(&code)).await
    }

    /// Every open case.
    pub async fn open_cases(&self, staff_id: &str) -> Result<Vec<QueueCase>, CaseStoreError> {
        self.listed_cases("c.status = 'open'", staff_id, None).await
    }

    /// Sifted open cases counted by queue, with each queue's lead.
    pub async fn queue_counts(&self, staff_id: &str) -> Result<Vec<QueueCount>, CaseStoreError> {
        let rows = sqlx::query(&self.sql(&format!(
            "SELECT c.work_queue, COUNT(*) AS open_cases, \
             SUM(CASE WHEN c.assigned_to IS NULL THEN 1 ELSE 0 END) AS waiting \
             FROM cases c WHERE c.status = 'open' AND c.sifted_on IS NOT NULL AND {} \
             GROUP BY c.work_queue",
            visible_to("$1")
        )))
        .bind(staff_id)
        .fetch_all(&self.pool)
        .await?;
        let leads = sqlx::query(
            "SELECT l.work_queue, l.staff_id, s.name FROM work_queue_leads l \
             JOIN staff s ON s.id = l.staff_id",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut counts: Vec<QueueCount> = Vec::new();
        for row in &rows {
            let code: String = row.try_get("work_queue")?;
            let Some(queue) = from_code::<WorkQueue>(&code) else {
                continue;
            };
            let open: i64 = row.try_get("open_cases")?;
            let waiting: Option<i64> = row.try_get("waiting")?;
            counts.push(QueueCount {
                queue,
                open: u32::try_from(open).unwrap_or(u32::MAX),
                waiting: u32::try_from(waiting.unwrap_or(0)).unwrap_or(u32::MAX),
                lead: None,
            });
        }
        for row in &leads {
            let code: String = row.try_get("work_queue")?;
            let Some(queue) = from_code::<WorkQueue>(&code) else {
                continue;
            };
            let lead = Some((row.try_get("staff_id")?, row.try_get("name")?));
            match counts.iter_mut().find(|count| count.queue == queue) {
                Some(count) => count.lead = lead,
                None => counts.push(QueueCount {
                    queue,
                    open: 0,
                    waiting: 0,
                    lead,
                }),
            }
        }
        Ok(counts)
    }

    /// Every closed instance with its closure as stored, latest first.
    pub async fn closed_instances(
        &self,
        staff_id: &str,
    ) -> Result<Vec<ClosedInstance>, CaseStoreError> {
        let rows = sqlx::query(&self.sql(&format!(
            "SELECT c.reference, c.case_type, i.number, i.closed_on, i.outcome, i.attributes \
             FROM case_instances i JOIN cases c ON c.id = i.case_id \
             WHERE i.closed_on IS NOT NULL AND {} ORDER BY i.closed_on DESC, c.reference, i.number",
            visible_to("$1")
        )))
        .bind(staff_id)
        .fetch_all(&self.pool)
        .await?;
        let mut closed = Vec::new();
        for row in &rows {
            let case_type: String = row.try_get("case_type")?;
            let Some(case_type) = CaseKind::from_code(&case_type) else {
                continue;
            };
            let number: i64 = row.try_get("number")?;
            let closed_on: String = row.try_get("closed_on")?;
            closed.push(ClosedInstance {
                reference: row.try_get("reference")?,
                case_type,
                number: u32::try_from(number).unwrap_or(1),
                closed_on: day(&closed_on)?,
                outcome: row.try_get("outcome")?,
                attributes: row.try_get("attributes")?,
            });
        }
        Ok(closed)
    }

    /// The instances of every case re-opened at least once.
    pub async fn reopened_instances(
        &self,
        staff_id: &str,
    ) -> Result<Vec<InstanceDates>, CaseStoreError> {
        let rows = sqlx::query(&self.sql(&format!(
            "SELECT c.reference, i.number, i.opened_on, i.closed_on \
             FROM case_instances i JOIN cases c ON c.id = i.case_id \
             WHERE c.instance > 1 AND {} ORDER BY c.reference, i.number",
            visible_to("$1")
        )))
        .bind(staff_id)
        .fetch_all(&self.pool)
        .await?;
        let mut instances = Vec::new();
        for row in &rows {
            let number: i64 = row.try_get("number")?;
            let opened_on: String = row.try_get("opened_on")?;
            let closed_on: Option<String> = row.try_get("closed_on")?;
            instances.push(InstanceDates {
                reference: row.try_get("reference")?,
                number: u32::try_from(number).unwrap_or(1),
                opened_on: day(&opened_on)?,
                closed_on: closed_on.as_deref().map(day).transpose()?,
            });
        }
        Ok(instances)
    }
}
