//! One page of a work queue's list (issue 17): filtered by type, service level (of the next
//! running deadline, `cases.next_due`), allocation and organisation text; sorted by any column
//! through the migration 60 indexes (the reference breaks ties); paged by key along the index
//! (the page after or before a case starts where that case's sort key sits, so no page skips
//! rows); counted with the same filters up to a cap. On SQLite, when [`SORT_WALK_FROM`] cases
//! or more match, the page's type filter is written so that no index is used for it
//! (`+c.case_type`): SQLite would otherwise read every match through the filter's index and
//! sort them all (FS50 cases at 1 M: 582 ms), where walking the sort's index finds a page of
//! common matches at once. Few matches are read through the filter's index and sorted.

use app::domain::case::WorkQueue;
use app::domain::casework::{
    due_bounds, QueueListQuery, QueuePosition, QueueSort, QueueWindow, QUEUE_COUNT_CAP,
    QUEUE_PAGE_SIZE,
};
use app::server_fns::casework::QueueCase;
use chrono::NaiveDate;
use sqlx::Row;

use super::lists::{listed, select_listed};
use super::visible_to;
use crate::db::{code_of, Backend, CaseStoreError, Database};

/// From this many matches on, SQLite reads a filtered page along the sort's index (a page of
/// 25 then costs at most about 25 × the queue's size ÷ this many index entries).
const SORT_WALK_FROM: u64 = 1_000;

/// The filters after `$1` (the reader, in [`visible_to`]): the SQL condition and its values in
/// placeholder order (`$2` is the queue).
/// `walk` (SQLite): the type filter, unless the list is sorted by type, is written
/// `+c.case_type`, so that SQLite reads the sort's index and checks it there (the queue-list
/// indexes hold it). The service-level filters are not: a next deadline follows the case's age,
/// so the matches sit together at one end of most sorts and walking to them reads most of the
/// queue (at 1 M, "on time" 125 ms and "due soon" 121 ms that way, against 254 and 103 ms
/// through `cases_queue_next_due` and a sort).
fn queue_filters(
    queue_code: String,
    query: &QueueListQuery,
    today: NaiveDate,
    due_soon_days: u32,
    walk: bool,
) -> (String, Vec<String>) {
    let (sorted, _) = sort_column(query.sort);
    let unindexed = |column: &str| {
        if walk && column != sorted {
            format!("+c.{column}")
        } else {
            format!("c.{column}")
        }
    };
    let case_type = unindexed("case_type");
    let mut condition =
        String::from("c.status = 'open' AND c.sifted_on IS NOT NULL AND c.work_queue = $2");
    let mut values = vec![queue_code];
    let mut add = |sql: &str, value: String, values: &mut Vec<String>| {
        values.push(value);
        condition.push_str(&sql.replace("$n", &format!("${}", values.len() + 1)));
    };
    if let Some(kind) = query.case_type {
        add(
            &format!(" AND {case_type} = $n"),
            kind.code().to_owned(),
            &mut values,
        );
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

/// The sort's column and whether it may be blank (a blank sorts after every value going up,
/// before every value going down, on both databases).
fn sort_column(sort: QueueSort) -> (&'static str, bool) {
    match sort {
        QueueSort::Reference => ("reference", false),
        QueueSort::Organisation => ("organisation_name", true),
        QueueSort::Customer => ("customer_name", true),
        QueueSort::CaseType => ("case_type", false),
        QueueSort::Age => ("created_at", false),
        QueueSort::Due | QueueSort::Level => ("next_due", true),
    }
}

/// A stretch of the list in which the sort column is all blank or all set, read in one
/// direction through the sort's index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    blank: bool,
    descending: bool,
}

/// The stretches of the list in the order they are read: the list's order (set values, then
/// blanks, going up), or backwards from the end for the pages before a case and the last page.
fn segments(nullable: bool, descending: bool, backwards: bool) -> Vec<Segment> {
    let mut list = vec![Segment {
        blank: false,
        descending,
    }];
    if nullable {
        list.push(Segment {
            blank: true,
            descending,
        });
    }
    if descending {
        list.reverse();
    }
    if backwards {
        list.reverse();
        for segment in &mut list {
            segment.descending = !segment.descending;
        }
    }
    list
}

/// The sort key of the case a page starts after or ends before.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Key {
    Text(Option<String>),
    Number(i64),
}

impl Key {
    fn blank(&self) -> bool {
        matches!(self, Key::Text(None))
    }
}

/// One stretch's condition and order: its cases past the cursor when the cursor is in it (`$n`
/// the key and `$n+1` the reference; `$n` the reference alone when the key is the reference or
/// blank).
fn segment_sql(column: &str, segment: Segment, cursor_at: Option<usize>) -> (String, String) {
    let dir = if segment.descending { "DESC" } else { "ASC" };
    let op = if segment.descending { "<" } else { ">" };
    let column = format!("c.{column}");
    if column == "c.reference" {
        let condition = cursor_at
            .map(|n| format!(" AND c.reference {op} ${n}"))
            .unwrap_or_default();
        return (condition, format!("c.reference {dir}"));
    }
    if segment.blank {
        let mut condition = format!(" AND {column} IS NULL");
        if let Some(n) = cursor_at {
            condition.push_str(&format!(" AND c.reference {op} ${n}"));
        }
        return (condition, format!("c.reference {dir}"));
    }
    let mut condition = format!(" AND {column} IS NOT NULL");
    if let Some(n) = cursor_at {
        condition.push_str(&format!(
            " AND ({column}, c.reference) {op} (${n}, ${})",
            n + 1
        ));
    }
    (condition, format!("{column} {dir}, c.reference {dir}"))
}

impl Database {
    /// One page of the sifted open cases in `queue` as `query` asks, whether there are pages
    /// before and after it, and how many match (up to the cap + 1). Each page is read from
    /// where the cursor's case sits in the sort's index, so the last page costs what the first
    /// does; the count stops at [`QUEUE_COUNT_CAP`] + 1.
    pub async fn queue_page(
        &self,
        queue: WorkQueue,
        query: &QueueListQuery,
        today: NaiveDate,
        due_soon_days: u32,
        staff_id: &str,
    ) -> Result<(Vec<QueueCase>, QueueWindow), CaseStoreError> {
        let code = code_of(&queue)?;
        let (condition, values) = queue_filters(code.clone(), query, today, due_soon_days, false);
        let matching = self.count_capped(&condition, &values, staff_id).await?;
        let (condition, values) = if self.backend == Backend::Sqlite && matching >= SORT_WALK_FROM {
            queue_filters(code, query, today, due_soon_days, true)
        } else {
            (condition, values)
        };
        let (mut cases, mut window) = self
            .read_page(query, &query.position, &condition, &values, staff_id)
            .await?;
        // A page past either end (its case was the last, or the first), or a short page before
        // the start: the end itself, a full page.
        let short_start = matches!(query.position, QueuePosition::Before(_))
            && !window.earlier
            && cases.len() < QUEUE_PAGE_SIZE as usize;
        if (cases.is_empty() || short_start)
            && matches!(
                query.position,
                QueuePosition::After(_) | QueuePosition::Before(_)
            )
        {
            let end = match query.position {
                QueuePosition::After(_) => QueuePosition::Last,
                _ => QueuePosition::First,
            };
            (cases, window) = self
                .read_page(query, &end, &condition, &values, staff_id)
                .await?;
        }
        window.matching = matching;
        Ok((cases, window))
    }

    /// How many sifted open cases in `queue` match `query`'s filters, counting no further than
    /// [`QUEUE_COUNT_CAP`] + 1.
    pub async fn queue_count(
        &self,
        queue: WorkQueue,
        query: &QueueListQuery,
        today: NaiveDate,
        due_soon_days: u32,
        staff_id: &str,
    ) -> Result<u64, CaseStoreError> {
        let (condition, values) =
            queue_filters(code_of(&queue)?, query, today, due_soon_days, false);
        self.count_capped(&condition, &values, staff_id).await
    }

    /// How many cases match, counting no further than the cap + 1.
    async fn count_capped(
        &self,
        condition: &str,
        values: &[String],
        staff_id: &str,
    ) -> Result<u64, CaseStoreError> {
        let count_sql = self.sql(&format!(
            "SELECT COUNT(*) AS matching FROM (SELECT 1 AS one FROM cases c WHERE {} AND \
             {condition} LIMIT {}) capped",
            visible_to("$1"),
            QUEUE_COUNT_CAP + 1
        ));
        let mut count = sqlx::query(&count_sql).bind(staff_id);
        for value in values {
            count = count.bind(value);
        }
        let total: i64 = count.fetch_one(&self.pool).await?.try_get("matching")?;
        Ok(u64::try_from(total).unwrap_or(0))
    }

    /// The sort key of the case with `reference` (`None`: no such case).
    async fn cursor_key(
        &self,
        column: &str,
        reference: &str,
    ) -> Result<Option<Key>, CaseStoreError> {
        let row = sqlx::query(&self.sql(&format!(
            "SELECT c.{column} AS sort_key FROM cases c WHERE c.reference = $1"
        )))
        .bind(reference)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        Ok(Some(if column == "created_at" {
            Key::Number(row.try_get("sort_key")?)
        } else {
            Key::Text(row.try_get("sort_key")?)
        }))
    }

    /// The page at `position`: reads each stretch of the list from the cursor on, one more case
    /// than a page to know whether the list goes on.
    async fn read_page(
        &self,
        query: &QueueListQuery,
        position: &QueuePosition,
        condition: &str,
        values: &[String],
        staff_id: &str,
    ) -> Result<(Vec<QueueCase>, QueueWindow), CaseStoreError> {
        let (column, nullable) = sort_column(query.sort);
        let (backwards, cursor) = match position {
            QueuePosition::First => (false, None),
            QueuePosition::Last => (true, None),
            QueuePosition::After(reference) | QueuePosition::Before(reference) => {
                let backwards = matches!(position, QueuePosition::Before(_));
                match self.cursor_key(column, reference).await? {
                    Some(key) => (backwards, Some((key, reference.clone()))),
                    None => (false, None),
                }
            }
        };
        let wanted = QUEUE_PAGE_SIZE as usize + 1;
        let mut rows = Vec::new();
        let mut started = cursor.is_none();
        for segment in segments(nullable, query.descending, backwards) {
            let at_cursor = cursor
                .as_ref()
                .filter(|(key, _)| !started && key.blank() == segment.blank);
            if !started && at_cursor.is_none() {
                continue;
            }
            started = true;
            let cursor_at = at_cursor.map(|_| values.len() + 2);
            let (extra, order) = segment_sql(column, segment, cursor_at);
            let sql = self.sql(&format!(
                "{} LIMIT {}",
                select_listed(&format!("{condition}{extra}"), &order),
                wanted - rows.len()
            ));
            let mut page = sqlx::query(&sql).bind(staff_id);
            for value in values {
                page = page.bind(value);
            }
            if let Some((key, reference)) = at_cursor {
                match key {
                    Key::Number(number) if column != "reference" => page = page.bind(*number),
                    Key::Text(text) if column != "reference" && !segment.blank => {
                        page = page.bind(text.clone())
                    }
                    _ => {}
                }
                page = page.bind(reference.clone());
            }
            for row in page.fetch_all(&self.pool).await? {
                rows.push(listed(&row)?);
            }
            if rows.len() >= wanted {
                break;
            }
        }
        let more = rows.len() >= wanted;
        rows.truncate(QUEUE_PAGE_SIZE as usize);
        if backwards {
            rows.reverse();
        }
        let window = match position {
            _ if cursor.is_none() && !backwards => QueueWindow {
                matching: 0,
                earlier: false,
                later: more,
            },
            _ if backwards => QueueWindow {
                matching: 0,
                earlier: more,
                later: cursor.is_some(),
            },
            _ => QueueWindow {
                matching: 0,
                earlier: true,
                later: more,
            },
        };
        Ok((rows, window))
    }
}
