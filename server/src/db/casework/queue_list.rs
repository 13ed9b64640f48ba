//! One page of a work queue's list (issue 17): filtered by type, service level (of the next
//! running deadline, `cases.next_due`), allocation and organisation text; sorted by any column
//! through the migration 60 indexes (the reference breaks ties); paged by offset along the index;
//! counted with the same filters.

use app::domain::case::WorkQueue;
use app::domain::casework::{due_bounds, QueueListQuery, QueueSort, QUEUE_PAGE_SIZE};
use app::server_fns::casework::QueueCase;
use chrono::NaiveDate;
use sqlx::Row;

use super::lists::{listed, select_listed};
use super::visible_to;
use crate::db::{code_of, CaseStoreError, Database};

/// The filters after `$1` (the reader, in [`visible_to`]): the SQL condition and its values in
/// placeholder order (`$2` is the queue).
fn queue_filters(
    queue_code: String,
    query: &QueueListQuery,
    today: NaiveDate,
    due_soon_days: u32,
) -> (String, Vec<String>) {
    let mut condition =
        String::from("c.status = 'open' AND c.sifted_on IS NOT NULL AND c.work_queue = $2");
    let mut values = vec![queue_code];
    let mut add = |sql: &str, value: String, values: &mut Vec<String>| {
        values.push(value);
        condition.push_str(&sql.replace("$n", &format!("${}", values.len() + 1)));
    };
    if let Some(kind) = query.case_type {
        add(" AND c.case_type = $n", kind.code().to_owned(), &mut values);
    }
    if let Some(level) = query.level {
        let (from, to) = due_bounds(level, today, due_soon_days);
        if let Some(from) = from {
            add(" AND c.next_due >= $n", from.to_string(), &mut values);
        }
        if let Some(to) = to {
            add(" AND c.next_due <= $n", to.to_string(), &mut values);
        }
    }
    if !query.organisation.is_empty() {
        let pattern = format!(
            "%{}%",
            query
                .organisation
                .to_lowercase()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_")
        );
        add(
            " AND LOWER(c.organisation_name) LIKE $n ESCAPE '\\'",
            pattern,
            &mut values,
        );
    }
    match query.allocated {
        Some(true) => condition.push_str(" AND c.assigned_to IS NOT NULL"),
        Some(false) => condition.push_str(" AND c.assigned_to IS NULL"),
        None => {}
    }
    (condition, values)
}

/// The ORDER BY for `query`: the sort's column (NULLs as the database places them), then the
/// reference, both in the asked direction, so the index serves it forwards or backwards.
fn order(query: &QueueListQuery) -> String {
    let column = match query.sort {
        QueueSort::Reference => "c.reference",
        QueueSort::Organisation => "c.organisation_name",
        QueueSort::Customer => "c.customer_name",
        QueueSort::CaseType => "c.case_type",
        QueueSort::Age => "c.created_at",
        QueueSort::Due | QueueSort::Level => "c.next_due",
    };
    let dir = if query.descending { "DESC" } else { "ASC" };
    if column == "c.reference" {
        format!("c.reference {dir}")
    } else {
        format!("{column} {dir}, c.reference {dir}")
    }
}

impl Database {
    /// One page of the sifted open cases in `queue` as `query` asks, and how many match.
    pub async fn queue_page(
        &self,
        queue: WorkQueue,
        query: &QueueListQuery,
        today: NaiveDate,
        due_soon_days: u32,
        staff_id: &str,
    ) -> Result<(Vec<QueueCase>, u64), CaseStoreError> {
        let (condition, values) = queue_filters(code_of(&queue)?, query, today, due_soon_days);
        let count_sql = self.sql(&format!(
            "SELECT COUNT(*) AS matching FROM cases c WHERE {} AND {condition}",
            visible_to("$1")
        ));
        let mut count = sqlx::query(&count_sql).bind(staff_id);
        for value in &values {
            count = count.bind(value);
        }
        let total: i64 = count.fetch_one(&self.pool).await?.try_get("matching")?;
        let page_sql = self.sql(&format!(
            "{} LIMIT {QUEUE_PAGE_SIZE} OFFSET {}",
            select_listed(&condition, &order(query)),
            query.offset()
        ));
        let mut page = sqlx::query(&page_sql).bind(staff_id);
        for value in &values {
            page = page.bind(value);
        }
        let rows = page.fetch_all(&self.pool).await?;
        let cases = rows.iter().map(listed).collect::<Result<Vec<_>, _>>()?;
        Ok((cases, u64::try_from(total).unwrap_or(0)))
    }
}
