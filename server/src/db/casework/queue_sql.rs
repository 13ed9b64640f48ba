//! The SQL of a work queue's list: its filters' condition, and by its sort the sort's column,
//! the stretches of the list read in turn (set values, then blanks), and each stretch's
//! condition and order past the cursor's case (`queue_list.rs` reads them).

use app::domain::casework::{due_bounds, QueueListQuery, QueueSort};
use chrono::NaiveDate;

/// The sort's column and whether it may be blank (a blank sorts after every value going up,
/// before every value going down, on both databases).
pub(super) fn sort_column(sort: QueueSort) -> (&'static str, bool) {
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
pub(super) struct Segment {
    pub blank: bool,
    pub descending: bool,
}

/// The stretches of the list in the order they are read: the list's order (set values, then
/// blanks, going up), or backwards from the end for the pages before a case and the last page.
pub(super) fn segments(nullable: bool, descending: bool, backwards: bool) -> Vec<Segment> {
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
pub(super) enum Key {
    Text(Option<String>),
    Number(i64),
}

impl Key {
    pub(super) fn blank(&self) -> bool {
        matches!(self, Key::Text(None))
    }
}

/// One stretch's condition and order: its cases past the cursor when the cursor is in it (`$n`
/// the key and `$n+1` the reference; `$n` the reference alone when the key is the reference or
/// blank).
pub(super) fn segment_sql(
    column: &str,
    segment: Segment,
    cursor_at: Option<usize>,
) -> (String, String) {
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

/// The sort column written so that no index is read in its order (the age and reference are
/// the same values on both databases).
pub(super) fn unindexed_sort(column: &str) -> String {
    if column == "created_at" {
        "(c.created_at + 0)".to_owned()
    } else {
        format!("(c.{column} || '')")
    }
}

/// The filters after `$1` (the reader, in [`super::visible_to`]): the SQL condition and its values in
/// placeholder order (`$2` is the queue).
/// `walk` (SQLite): the type filter, unless the list is sorted by type, is written
/// `+c.case_type`, so that SQLite reads the sort's index and checks it there (the queue-list
/// indexes hold it). The service-level filters are not: a next deadline follows the case's age,
/// so the matches sit together at one end of most sorts and walking to them reads most of the
/// queue (at 1 M, "on time" 125 ms and "due soon" 121 ms that way, against 254 and 103 ms
/// through `cases_queue_next_due` and a sort).
/// `by_organisation` (SQLite, an organisation text set, for the count and for a page read
/// through the matches): the type filter is written `+c.case_type` whatever the sort, so that
/// SQLite reads the matches through `cases_queue_organisation` (it has no statistics and
/// otherwise prefers `cases_queue_type`, reading every case of the type).
///
/// The organisation text is matched against the distinct names the cases carry
/// (`case_organisations`, kept by triggers, migration `20261210000040`), and the cases with a
/// matching name are read through `cases_queue_organisation` (work queue, status, name): a text
/// that matches nothing reads only the names. Measured by hand on `helpline_bench`
/// (PostgreSQL, 1 M open sifted cases in one queue, 834,007 distinct names, warm; before →
/// after), the capped count: "zzqx" (no match) 496 → 79 ms; a text in 46 cases 495 → 69 ms;
/// "academy 22" (1,564 cases) 634 → 64 ms; "council" (over the cap) 93 → 75 ms. The first page
/// of 46 or 1,564 matches by age (read through the matches and sorted, [`crate::db::Database::queue_page`])
/// 875 or 403 → 44 or 52 ms. The plan: a sequential scan of `case_organisations` for the
/// pattern (most of that time: a `%…%` pattern has no index), then a nested loop of index
/// (only) scans of `cases_queue_organisation` on (work_queue, status, organisation_name =
/// name), stopping at the cap. Over the cap, the page walks the sort's index and looks each
/// case's name up in `case_organisations_pkey` ("council" by reference, 4.7 ms). SQLite (a
/// small database built by hand): `SEARCH c USING COVERING INDEX cases_queue_organisation
/// (work_queue=? AND status=? AND organisation_name=?)` with the names as a `LIST SUBQUERY`
/// for the count and a page read through the matches; over the cap, the sort's index.
pub(super) fn queue_filters(
    queue_code: String,
    query: &QueueListQuery,
    today: NaiveDate,
    due_soon_days: u32,
    walk: bool,
    by_organisation: bool,
) -> (String, Vec<String>) {
    let (sorted, _) = sort_column(query.sort);
    let unindexed = |column: &str| {
        if by_organisation || (walk && column != sorted) {
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
        // Walking the sort's index past many matches (SQLite), the names are checked there:
        // read through `cases_queue_organisation`, "leeds" (75,000 matches at 1 M) was every
        // match sorted, 246 ms, against 2 ms walking `cases_queue_received`.
        let column = if walk && !by_organisation && sorted != "organisation_name" {
            "+c.organisation_name"
        } else {
            "c.organisation_name"
        };
        add(
            &format!(
                " AND {column} IN (SELECT o.name FROM case_organisations o \
                 WHERE o.name_lower LIKE $n ESCAPE '\\')"
            ),
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
