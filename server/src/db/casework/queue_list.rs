//! One page of a work queue's list (issue 17): filtered by type, service level (of the next
//! running deadline, `cases.next_due`), allocation and organisation text; sorted by any column
//! through the migration 60 indexes (the reference breaks ties); paged by key along the index
//! (the page after or before a case starts where that case's sort key sits, so no page skips
//! rows); counted with the same filters up to a cap. On SQLite, when [`SORT_WALK_FROM`] cases
//! or more match, the page's type filter is written so that no index is used for it
//! (`+c.case_type`): SQLite would otherwise read every match through the filter's index and
//! sort them all (FS50 cases at 1 M: 582 ms), where walking the sort's index finds a page of
//! common matches at once. Few matches are read through the filter's index and sorted.
//! An organisation text is matched against the distinct names the cases carry
//! (`case_organisations`), and its cases are read through `cases_queue_organisation` (see
//! [`queue_filters`]); when nothing matches, no page is read.

use app::domain::case::WorkQueue;
use app::domain::casework::{
    QueueListQuery, QueuePosition, QueueSort, QueueWindow, QUEUE_COUNT_CAP, QUEUE_PAGE_SIZE,
};
use app::server_fns::casework::QueueCase;
use chrono::NaiveDate;
use sqlx::Row;

use super::lists::{listed, select_listed};
use super::queue_sql::{queue_filters, segment_sql, segments, sort_column, unindexed_sort, Key};
use super::visible_to;
use crate::db::{code_of, Backend, CaseStoreError, Database};

/// From this many matches on, SQLite reads a filtered page along the sort's index (a page of
/// 25 then costs at most about 25 × the queue's size ÷ this many index entries).
const SORT_WALK_FROM: u64 = 1_000;

impl Database {
    /// The listed rows of the cases `ids`, in `order`.
    async fn listed_by_id(
        &self,
        ids: &[String],
        order: &str,
        staff_id: &str,
    ) -> Result<Vec<QueueCase>, CaseStoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let placeholders = (2..ids.len() + 2)
            .map(|n| format!("${n}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = self.sql(&select_listed(&format!("c.id IN ({placeholders})"), order));
        let mut query = sqlx::query(&sql).bind(staff_id);
        for id in ids {
            query = query.bind(id);
        }
        query
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(listed)
            .collect()
    }

    /// One page of the sifted open cases in `queue` as `query` asks, whether there are pages
    /// before and after it, and how many match (up to the cap + 1). Each page is read from
    /// where the cursor's case sits in the sort's index, so the last page costs what the first
    /// does; the count stops at [`QUEUE_COUNT_CAP`] + 1. When nothing matches, no page is read.
    /// With an organisation text and no more matches than the cap, the page is read through the
    /// matches (the organisation's index) and sorted: walking the sort's index to few matches
    /// would read most of the queue.
    pub async fn queue_page(
        &self,
        queue: WorkQueue,
        query: &QueueListQuery,
        today: NaiveDate,
        due_soon_days: u32,
        staff_id: &str,
    ) -> Result<(Vec<QueueCase>, QueueWindow), CaseStoreError> {
        let code = code_of(&queue)?;
        let sqlite = self.backend == Backend::Sqlite;
        let by_organisation = !query.organisation.is_empty();
        let (condition, values) = queue_filters(
            code.clone(),
            query,
            today,
            due_soon_days,
            false,
            sqlite && by_organisation,
        );
        let by_level = query.level.is_some();
        let matching = self
            .count_capped(&condition, &values, staff_id, by_level)
            .await?;
        if matching == 0 {
            return Ok((
                Vec::new(),
                QueueWindow {
                    matching: 0,
                    earlier: false,
                    later: false,
                },
            ));
        }
        // Few cases at a service level, sorted by age or reference (which follow the age, as
        // the deadlines do), or few with an organisation text, sorted by anything: read them
        // through the filter's index and sort them.
        let sort_matches = matching <= QUEUE_COUNT_CAP
            && (by_organisation
                || by_level && matches!(query.sort, QueueSort::Age | QueueSort::Reference));
        let (condition, values) = queue_filters(
            code,
            query,
            today,
            due_soon_days,
            sqlite && matching >= SORT_WALK_FROM,
            sqlite && by_organisation && sort_matches,
        );
        let (mut cases, mut window) = self
            .read_page(
                query,
                &query.position,
                &condition,
                &values,
                staff_id,
                sort_matches,
            )
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
                .read_page(query, &end, &condition, &values, staff_id, sort_matches)
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
        let (condition, values) = queue_filters(
            code_of(&queue)?,
            query,
            today,
            due_soon_days,
            false,
            self.backend == Backend::Sqlite && !query.organisation.is_empty(),
        );
        self.count_capped(&condition, &values, staff_id, query.level.is_some())
            .await
    }

    /// How many cases match, counting no further than the cap + 1.
    /// With a service-level filter the count reads along the next deadline's index (ordered by
    /// it), where its matches sit together: left to choose, PostgreSQL scanned the table for
    /// "on time" (64 ms at 1 M), because it takes the matches to be spread evenly.
    async fn count_capped(
        &self,
        condition: &str,
        values: &[String],
        staff_id: &str,
        by_level: bool,
    ) -> Result<u64, CaseStoreError> {
        let order = if by_level { " ORDER BY c.next_due" } else { "" };
        let count_sql = self.sql(&format!(
            "SELECT COUNT(*) AS matching FROM (SELECT 1 AS one FROM cases c WHERE {} AND \
             {condition}{order} LIMIT {}) capped",
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
        sort_matches: bool,
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
            let limit = wanted - rows.len();
            let sql = if sort_matches {
                // The ids first, sorted by a value no index is in order of (so the filter's
                // index finds the matches), then their rows.
                let unindexed = order.replacen(
                    &format!("c.{column} "),
                    &format!("{} ", unindexed_sort(column)),
                    1,
                );
                self.sql(&format!(
                    "SELECT c.id FROM cases c WHERE {} AND {condition}{extra} ORDER BY {unindexed} LIMIT {limit}",
                    visible_to("$1")
                ))
            } else {
                self.sql(&format!(
                    "{} LIMIT {limit}",
                    select_listed(&format!("{condition}{extra}"), &order)
                ))
            };
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
            let found = page.fetch_all(&self.pool).await?;
            if sort_matches {
                let ids = found
                    .iter()
                    .map(|row| row.try_get::<String, _>("id"))
                    .collect::<Result<Vec<_>, _>>()?;
                rows.extend(self.listed_by_id(&ids, &order, staff_id).await?);
            } else {
                for row in found {
                    rows.push(listed(&row)?);
                }
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
