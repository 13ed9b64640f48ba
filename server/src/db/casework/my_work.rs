//! The staff home's lists ([`MyWork`]): an officer's open cases, open work items, callbacks due
//! and cases with new correspondence, or the same for the queues a team manager leads. One query
//! per list, each on an index (`cases_assigned`, `cases_work_queue`, `work_items_case`,
//! `callbacks_staff`, `case_messages_case`, `case_audit_reader`); no query per row.
//!
//! The work items, callbacks and new correspondence are sorted and paged in the query (25 to a
//! page, a unique key last so pages never overlap, `COUNT(*) OVER ()` for the total), over the
//! rows the indexes find for the officer or team; a page past the end reads the last.
//!
//! An email is new to an officer when it reached the case (received, or attached from the sift)
//! after the officer last opened the case page: the case audit's latest view of `case` by them.

use app::domain::casework::list_sorts::{
    CallbackSort, ItemSort, ListOrder, ListOrders, ListPage, MailSort,
};
use app::domain::casework::{work_pages, WorkScope, WORK_PAGE_SIZE};
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
         WHERE {} AND c.status = 'open' AND {} AND w.completed_at IS NULL",
        visible_to("$1"),
        scope_condition(scope),
    )
}

/// The keys a list is sorted by, each the same way (so going down is exactly backwards), a
/// unique key last.
fn order_by(keys: &[&str], descending: bool) -> String {
    let way = if descending { " DESC" } else { " ASC" };
    let keys: Vec<String> = keys.iter().map(|key| format!("{key}{way}")).collect();
    format!(" ORDER BY {}", keys.join(", "))
}

fn items_order(order: &ListOrder<ItemSort>) -> String {
    let keys: &[&str] = match order.sort {
        ItemSort::Due => &["w.due_on", "c.reference", "w.kind", "w.id"],
        ItemSort::Reference => &["c.reference", "w.due_on", "w.kind", "w.id"],
        ItemSort::Item => &["w.kind", "w.due_on", "c.reference", "w.id"],
        ItemSort::Officer => &["LOWER(s.name)", "w.due_on", "c.reference", "w.id"],
    };
    order_by(keys, order.descending)
}

fn callbacks_order(order: &ListOrder<CallbackSort>) -> String {
    let keys: &[&str] = match order.sort {
        CallbackSort::Due => &["cb.due_on", "cb.booked_at", "c.reference", "cb.id"],
        CallbackSort::Reference => &["c.reference", "cb.due_on", "cb.booked_at", "cb.id"],
        CallbackSort::Caller => &["LOWER(cb.caller_name)", "cb.due_on", "c.reference", "cb.id"],
        CallbackSort::Calls => &["LOWER(s.name)", "cb.due_on", "c.reference", "cb.id"],
        CallbackSort::Attempts => &["cb.attempts", "cb.due_on", "c.reference", "cb.id"],
    };
    order_by(keys, order.descending)
}

/// Grouped by case: the reference is unique.
fn mail_order(order: &ListOrder<MailSort>) -> String {
    let keys: &[&str] = match order.sort {
        MailSort::Latest => &["latest", "c.reference"],
        MailSort::Reference => &["c.reference"],
        MailSort::Officer => &["LOWER(s.name)", "c.reference"],
        MailSort::Emails => &["emails", "c.reference"],
    };
    order_by(keys, order.descending)
}

/// One page of `sql` (a list's query without its order), sorted by `order_by`, with the count of
/// the whole list in `total_rows`.
fn page_sql(sql: &str, order_by: &str, page: u32) -> String {
    let counted = sql.replacen(" FROM ", ", COUNT(*) OVER () AS total_rows FROM ", 1);
    let offset = (page.max(1) as usize - 1) * WORK_PAGE_SIZE;
    format!("{counted}{order_by} LIMIT {WORK_PAGE_SIZE} OFFSET {offset}")
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
         WHERE {} AND cb.status = 'open' AND {whose}",
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
         GROUP BY c.reference, s.name",
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

    /// Page `page` of `sql` sorted by `order_by` (the staff id bound to each of its
    /// `placeholders`); past the last page, the last.
    async fn paged<T>(
        &self,
        (sql, order_by): (&str, &str),
        page: u32,
        staff_id: &str,
        placeholders: usize,
        read: fn(&AnyRow) -> Result<T, CaseStoreError>,
    ) -> Result<ListPage<T>, CaseStoreError> {
        let mut page = page.max(1);
        let mut past_end = false;
        loop {
            let paged = self.0.sql(&page_sql(sql, order_by, page));
            let mut query = sqlx::query(&paged);
            for _ in 0..placeholders {
                query = query.bind(staff_id);
            }
            let rows = query.fetch_all(&self.0.pool).await?;
            if rows.is_empty() && page > 1 {
                // Past the end: the first page for the count, then the last.
                (page, past_end) = (1, true);
                continue;
            }
            let total = match rows.first() {
                Some(row) => usize::try_from(row.try_get::<i64, _>("total_rows")?).unwrap_or(0),
                None => 0,
            };
            let last = work_pages(total);
            if past_end && last > 1 {
                (page, past_end) = (last, false);
                continue;
            }
            let rows = rows.iter().map(read).collect::<Result<Vec<T>, _>>()?;
            return Ok(ListPage { rows, total, page });
        }
    }

    async fn lists(
        &self,
        staff: &StaffMember,
        scope: WorkScope,
        orders: &ListOrders,
    ) -> Result<WorkLists, CaseStoreError> {
        let id = staff.id.as_str();
        let (items, items_order) = (items_sql(scope), items_order(&orders.items));
        let (calls, calls_order) = (callbacks_sql(scope), callbacks_order(&orders.callbacks));
        let (mail, mail_order) = (correspondence_sql(scope), mail_order(&orders.mail));
        Ok(WorkLists {
            cases: self.list(&cases_sql(scope), id, 2, case_row).await?,
            work_items: self
                .paged((&items, &items_order), orders.items.page, id, 2, item_row)
                .await?,
            callbacks: self
                .paged(
                    (&calls, &calls_order),
                    orders.callbacks.page,
                    id,
                    3,
                    callback_row,
                )
                .await?,
            correspondence: self
                .paged(
                    (&mail, &mail_order),
                    orders.mail.page,
                    id,
                    2,
                    correspondence_row,
                )
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
        orders: &ListOrders,
    ) -> Result<WorkLists, StoreError> {
        self.lists(staff, scope, orders)
            .await
            .map_err(|error| StoreError(format!("the staff home's lists: {error}")))
    }
}
