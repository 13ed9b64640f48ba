//! The SQL of a work queue's list by its sort: the sort's column, the stretches of the list
//! read in turn (set values, then blanks), and each stretch's condition and order past the
//! cursor's case (`queue_list.rs` reads them).

use app::domain::casework::QueueSort;

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
