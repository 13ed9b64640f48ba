//! The staff home's lists ([`MyWork`]): an officer's open cases, open work items, callbacks due
//! and cases with new correspondence, or the same for the queues a team manager leads. One query
//! per list, each on an index (`cases_assigned`, `cases_work_queue`, `work_items_case`,
//! `callbacks_staff`, `case_messages_case`, `case_audit_reader`); no query per row.
//!
//! An email is new to an officer when it reached the case (received, or attached from the sift)
//! after the officer last opened the case page: the case audit's latest view of `case` by them.

use app::domain::casework::WorkScope;
use app::domain::staff::StaffMember;
use app::ports::my_work::{
    CallbackDueRow, MyWork, NewCorrespondenceRow, WorkCaseRow, WorkItemRow, WorkLists,
};
use app::ports::StoreError;
use chrono::NaiveDate;
use sqlx::any::AnyRow;
use sqlx::Row;

use super::record::{CaseRow, SELECT_CASE_ROW};
use super::visible_to;
use crate::case::{london_ms, london_s};
use crate::db::{CaseStoreError, Database};

/// The lists over the database.
pub struct MyWorkStore(pub Database);

/// The cases a scope covers, as a condition on `c` whose one placeholder is `$2` (the staff id):
/// allocated to them, or allocated to anyone in a queue they lead.
fn scope_condition(scope: WorkScope) -> &'static str {
    match scope {
        WorkScope::Mine => "c.assigned_to = $2",
        WorkScope::Team => {
            "c.assigned_to IS NOT NULL AND c.work_queue IN \
             (SELECT l.work_queue FROM work_queue_leads l WHERE l.staff_id = $2)"
        }
    }
}

/// A case's customer: a current customer party of its own, else one linked to it by a merge.
const CUSTOMER: &str = "COALESCE(\
    (SELECT MIN(p.name) FROM parties p WHERE p.case_id = c.id AND p.role = 'customer' \
       AND p.status = 'current'), \
    (SELECT MIN(p.name) FROM party_links pl JOIN parties p ON p.id = pl.party_id \
       WHERE pl.case_id = c.id AND pl.role = 'customer'))";

fn cases_sql(scope: WorkScope) -> String {
    let extra = format!(
        ", s.name AS officer_name, {CUSTOMER} AS customer, \
        (SELECT MAX(w.completed_at) FROM work_items w WHERE w.case_id = c.id \
           AND w.kind = 'prepare' AND NOT EXISTS (SELECT 1 FROM work_items o \
           WHERE o.case_id = c.id AND o.kind = 'prepare' AND o.completed_at IS NULL)) \
           AS prepared_at FROM cases c"
    );
    format!(
        "{} LEFT JOIN staff s ON s.id = c.assigned_to \
         WHERE {} AND c.status = 'open' AND {} ORDER BY c.created_at, c.reference",
        SELECT_CASE_ROW.replacen(" FROM cases c", &extra, 1),
        visible_to("$1"),
        scope_condition(scope),
    )
}

fn items_sql(scope: WorkScope) -> String {
    format!(
        "SELECT c.reference, w.kind, w.due_on, s.name AS officer_name FROM work_items w \
         JOIN cases c ON c.id = w.case_id LEFT JOIN staff s ON s.id = c.assigned_to \
         WHERE {} AND c.status = 'open' AND {} AND w.completed_at IS NULL \
         ORDER BY w.due_on, c.reference, w.kind",
        visible_to("$1"),
        scope_condition(scope),
    )
}

/// Open callbacks: on them (or, for the team, on anyone in a queue they lead), and on the
/// unallocated cases of the queues they lead (the helpline books those with the lead).
fn callbacks_sql(scope: WorkScope) -> String {
    let led = "c.work_queue IN (SELECT l.work_queue FROM work_queue_leads l WHERE l.staff_id = $3)";
    let whose = match scope {
        WorkScope::Mine => format!("(cb.staff_id = $2 OR (c.assigned_to IS NULL AND {led}))"),
        WorkScope::Team => format!("(cb.staff_id = $2 OR {led})"),
    };
    format!(
        "SELECT c.reference, s.name AS staff_name, cb.caller_name, cb.due_on, cb.attempts \
         FROM callbacks cb JOIN cases c ON c.id = cb.case_id JOIN staff s ON s.id = cb.staff_id \
         WHERE {} AND cb.status = 'open' AND {whose} \
         ORDER BY cb.due_on, cb.booked_at, c.reference",
        visible_to("$1"),
    )
}

/// Cases (open or closed) with inbound emails their officer has not seen since they arrived.
fn correspondence_sql(scope: WorkScope) -> String {
    format!(
        "SELECT c.reference, s.name AS officer_name, COUNT(*) AS emails, \
         MAX(COALESCE(m.attached_at, m.at)) AS latest \
         FROM case_messages m JOIN cases c ON c.id = m.case_id \
         LEFT JOIN staff s ON s.id = c.assigned_to \
         WHERE {} AND {} AND m.direction = 'in' \
         AND COALESCE(m.attached_at, m.at) > COALESCE((SELECT MAX(a.at) FROM case_audit a \
             WHERE a.case_id = c.id AND a.staff_id = c.assigned_to AND a.action = 'view' \
             AND a.what = 'case'), 0) \
         GROUP BY c.reference, s.name ORDER BY latest DESC, c.reference",
        visible_to("$1"),
        scope_condition(scope),
    )
}

fn day(row: &AnyRow, column: &str) -> Result<NaiveDate, CaseStoreError> {
    let text: String = row.try_get(column)?;
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| {
        CaseStoreError::Database(sqlx::Error::Decode(
            format!("{column} {text:?} is not a date").into(),
        ))
    })
}

fn case_row(row: &AnyRow) -> Result<WorkCaseRow, CaseStoreError> {
    let prepared_at: Option<i64> = row.try_get("prepared_at")?;
    Ok(WorkCaseRow {
        record: CaseRow::from_row(row)?.record,
        officer: row.try_get("officer_name")?,
        customer: row.try_get("customer")?,
        prepared_on: prepared_at.map(|at| london_s(at).date()),
    })
}

fn item_row(row: &AnyRow) -> Result<WorkItemRow, CaseStoreError> {
    Ok(WorkItemRow {
        reference: row.try_get("reference")?,
        kind: row.try_get("kind")?,
        due_on: day(row, "due_on")?,
        officer: row.try_get("officer_name")?,
    })
}

fn callback_row(row: &AnyRow) -> Result<CallbackDueRow, CaseStoreError> {
    Ok(CallbackDueRow {
        reference: row.try_get("reference")?,
        staff_name: row.try_get("staff_name")?,
        caller_name: row.try_get("caller_name")?,
        due_on: day(row, "due_on")?,
        attempts: row.try_get("attempts")?,
    })
}

fn correspondence_row(row: &AnyRow) -> Result<NewCorrespondenceRow, CaseStoreError> {
    Ok(NewCorrespondenceRow {
        reference: row.try_get("reference")?,
        officer: row.try_get("officer_name")?,
        emails: row.try_get("emails")?,
        latest: london_ms(row.try_get("latest")?),
    })
}

impl MyWorkStore {
    /// Runs `sql` with the staff id bound to each of its `placeholders`, reading each row.
    async fn list<T>(
        &self,
        sql: &str,
        staff_id: &str,
        placeholders: usize,
        read: fn(&AnyRow) -> Result<T, CaseStoreError>,
    ) -> Result<Vec<T>, CaseStoreError> {
        let sql = self.0.sql(sql);
        let mut query = sqlx::query(&sql);
        for _ in 0..placeholders {
            query = query.bind(staff_id);
        }
        let rows = query.fetch_all(&self.0.pool).await?;
        rows.iter().map(read).collect()
    }

    async fn lists(
        &self,
        staff: &StaffMember,
        scope: WorkScope,
    ) -> Result<WorkLists, CaseStoreError> {
        let id = staff.id.as_str();
        Ok(WorkLists {
            cases: self.list(&cases_sql(scope), id, 2, case_row).await?,
            work_items: self.list(&items_sql(scope), id, 2, item_row).await?,
            callbacks: self
                .list(&callbacks_sql(scope), id, 3, callback_row)
                .await?,
            correspondence: self
                .list(&correspondence_sql(scope), id, 2, correspondence_row)
                .await?,
        })
    }
}

#[async_trait::async_trait]
impl MyWork for MyWorkStore {
    async fn work_lists(
        &self,
        staff: &StaffMember,
        scope: WorkScope,
    ) -> Result<WorkLists, StoreError> {
        self.lists(staff, scope)
            .await
            .map_err(|error| StoreError(format!("the staff home's lists: {error}")))
    }
}
