//! Deleting the cases that are due (closed past retention, or 'marked for deletion' past the
//! purge period) with every row that hangs off them, a batch per transaction.
//!
//! The candidates are read in pages in closing order (a query narrows them with the day from
//! [`retention_candidates_until`] or [`marked_candidates_until`]; [`due`] decides each). In
//! the transaction the due cases are locked (PostgreSQL: `FOR UPDATE`; SQLite has one writer)
//! and decided again, so a case re-opened or given a document meanwhile is kept.

use std::collections::HashSet;

use app::domain::case::{CaseStatus, Outcome};
use app::domain::retention::{
    due, marked_candidates_until, retention_candidates_until, CaseFacts, Deletion,
    RetentionSettings,
};
use chrono::NaiveDate;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use super::lease::Lease;
use super::sql::{london_date, placeholders};
use super::Counts;
use crate::db::{Backend, Database};

/// Which cases a pass looks at.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pass {
    /// Closed with one of the four 'marked for deletion' outcomes.
    Marked,
    /// Every closed case.
    Closed,
}

/// A case's current instance and what retention needs to know; the instances drive (`CROSS
/// JOIN` keeps SQLite's planner on the closing-order index instead of sorting every closed case
/// for each page).
const FACTS: &str = "SELECT c.id, c.status, i.closed_on, i.outcome, \
     (SELECT MAX(d.created_at) FROM documents d WHERE d.case_id = c.id) AS last_document, \
     (SELECT MAX(m.at) FROM case_messages m WHERE m.case_id = c.id) AS last_message \
     FROM case_instances i CROSS JOIN cases c WHERE c.id = i.case_id AND c.instance = i.number";

/// A case and what retention needs to know about it.
struct Candidate {
    id: String,
    closed_on: String,
    facts: CaseFacts,
}

fn candidate(row: &AnyRow) -> Result<Candidate, sqlx::Error> {
    let status: String = row.try_get("status")?;
    let closed_on: Option<String> = row.try_get("closed_on")?;
    let outcome: Option<String> = row.try_get("outcome")?;
    let last_document: Option<i64> = row.try_get("last_document")?;
    let last_message: Option<i64> = row.try_get("last_message")?;
    // Documents are stamped in seconds, emails in milliseconds.
    let last_added_on = [
        last_document.and_then(|at| london_date(at, 1)),
        last_message.and_then(|at| london_date(at, 1000)),
    ]
    .into_iter()
    .flatten()
    .max();
    Ok(Candidate {
        id: row.try_get("id")?,
        closed_on: closed_on.clone().unwrap_or_default(),
        facts: CaseFacts {
            // An unknown status is kept (treated as open).
            status: CaseStatus::from_code(&status).unwrap_or(CaseStatus::Open),
            closed_on: closed_on.and_then(|day| day.parse::<NaiveDate>().ok()),
            outcome: outcome.as_deref().and_then(Outcome::from_code),
            last_added_on,
        },
    })
}

/// Deletes every case due on `today`, marked ones first.
pub(super) async fn delete_due(
    database: &Database,
    settings: &RetentionSettings,
    today: NaiveDate,
    batch: usize,
    counts: &mut Counts,
    lease: &Lease,
) -> anyhow::Result<()> {
    for pass in [Pass::Marked, Pass::Closed] {
        let until = match pass {
            Pass::Marked => marked_candidates_until(today, settings),
            Pass::Closed => retention_candidates_until(today, settings),
        };
        let mut after = (String::new(), String::new());
        loop {
            let page = candidates(database, pass, until, &after, batch).await?;
            let Some(last) = page.last() else { break };
            after = (last.closed_on.clone(), last.id.clone());
            let full = page.len() >= batch;
            let ids: Vec<String> = page
                .into_iter()
                .filter(|case| due(&case.facts, today, settings).is_some())
                .map(|case| case.id)
                .collect();
            if !ids.is_empty() {
                delete_batch(database, settings, today, &ids, counts).await?;
                lease.renew().await?;
            }
            if !full {
                break;
            }
        }
    }
    Ok(())
}

/// The next page of a pass's candidates after `after` (closing day, id).
async fn candidates(
    database: &Database,
    pass: Pass,
    until: NaiveDate,
    after: &(String, String),
    batch: usize,
) -> Result<Vec<Candidate>, sqlx::Error> {
    let marked: Vec<&str> = Outcome::all()
        .iter()
        .filter(|outcome| outcome.marked_for_deletion())
        .map(|outcome| outcome.code())
        .collect();
    let (outcomes, next) = match pass {
        Pass::Marked => (
            format!(" AND i.outcome IN ({})", placeholders(2, marked.len())),
            2 + marked.len(),
        ),
        Pass::Closed => (String::new(), 2),
    };
    let query = format!(
        "{FACTS} AND c.status = 'closed' AND i.closed_on IS NOT NULL AND i.closed_on <= $1{outcomes} \
         AND i.closed_on >= ${} AND (i.closed_on > ${} OR i.case_id > ${}) \
         ORDER BY i.closed_on, i.case_id LIMIT ${}",
        next,
        next + 1,
        next + 2,
        next + 3
    );
    let sql = database.sql(&query);
    let mut query = sqlx::query(&sql).bind(until.to_string());
    if pass == Pass::Marked {
        for code in &marked {
            query = query.bind(*code);
        }
    }
    let rows = query
        .bind(&after.0)
        .bind(&after.0)
        .bind(&after.1)
        .bind(i64::try_from(batch).unwrap_or(i64::MAX))
        .fetch_all(&database.pool)
        .await?;
    rows.iter().map(candidate).collect()
}

/// In one transaction: locks the cases, decides them again, and deletes the due ones with
/// everything that hangs off them.
async fn delete_batch(
    database: &Database,
    settings: &RetentionSettings,
    today: NaiveDate,
    ids: &[String],
    counts: &mut Counts,
) -> anyhow::Result<()> {
    let mut tx = database.writer.begin().await?;
    let list = placeholders(1, ids.len());
    if database.backend == Backend::Postgres {
        let lock = format!("SELECT id FROM cases WHERE id IN ({list}) FOR UPDATE");
        bind_all(sqlx::query(&lock), ids)
            .fetch_all(&mut *tx)
            .await?;
    }
    let sql = database.sql(&format!("{FACTS} AND i.case_id IN ({list})"));
    let rows = bind_all(sqlx::query(&sql), ids).fetch_all(&mut *tx).await?;
    let mut confirmed = Vec::with_capacity(rows.len());
    let (mut retention_ended, mut marked) = (0u64, 0u64);
    for row in &rows {
        let case = candidate(row)?;
        match due(&case.facts, today, settings) {
            Some(Deletion::RetentionEnded) => retention_ended += 1,
            Some(Deletion::MarkedForDeletion) => marked += 1,
            None => continue,
        }
        confirmed.push(case.id);
    }
    if confirmed.is_empty() {
        return Ok(());
    }
    delete_cases(database, &mut tx, &confirmed, counts).await?;
    tx.commit().await?;
    counts.cases += retention_ended;
    counts.marked_cases += marked;
    Ok(())
}

type Query<'q> = sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>>;

fn bind_all<'q>(mut query: Query<'q>, ids: &'q [String]) -> Query<'q> {
    for id in ids {
        query = query.bind(id.as_str());
    }
    query
}

/// Runs `statement` (with `{ids}` standing for the list of ids, bound once) in `tx`.
async fn run(
    database: &Database,
    tx: &mut Transaction<'static, Any>,
    statement: &str,
    ids: &[String],
) -> Result<u64, sqlx::Error> {
    let sql = database.sql(&statement.replace("{ids}", &placeholders(1, ids.len())));
    Ok(bind_all(sqlx::query(&sql), ids)
        .execute(&mut **tx)
        .await?
        .rows_affected())
}

/// The tables whose rows are counted as "other rows" (each has `case_id`).
const OTHER_TABLES: [&str; 8] = [
    "track_links",
    "track_sessions",
    "sift_flags",
    "case_instances",
    "case_staff",
    "case_audit",
    "callbacks",
    "priority_requests",
];

/// Every reference (table, column, table it points at) to a case, a party or an outbox message
/// that [`delete_cases`] deletes or clears; `server/tests/integration/retention.rs` checks the
/// schema has no other.
pub const HANDLED_REFERENCES: [(&str, &str, &str); 20] = [
    ("track_links", "case_id", "cases"),
    ("track_sessions", "case_id", "cases"),
    ("parties", "case_id", "cases"),
    ("search_tokens", "party_id", "parties"),
    ("parties", "main_party_id", "parties"),
    ("sift_flags", "case_id", "cases"),
    ("work_items", "case_id", "cases"),
    ("outbox", "case_id", "cases"),
    ("documents", "case_id", "cases"),
    ("case_events", "case_id", "cases"),
    ("case_instances", "case_id", "cases"),
    ("case_staff", "case_id", "cases"),
    ("case_audit", "case_id", "cases"),
    ("party_links", "party_id", "parties"),
    ("party_links", "case_id", "cases"),
    ("case_messages", "case_id", "cases"),
    ("case_messages", "party_id", "parties"),
    ("case_messages", "outbox_id", "outbox"),
    ("callbacks", "case_id", "cases"),
    ("priority_requests", "case_id", "cases"),
];

/// Deletes the cases `ids` and everything that hangs off them, inside `tx`.
async fn delete_cases(
    database: &Database,
    tx: &mut Transaction<'static, Any>,
    ids: &[String],
    counts: &mut Counts,
) -> anyhow::Result<()> {
    // Their files, to be removed once no other document or journey uses them.
    let sql = database.sql(&format!(
        "INSERT INTO retention_pending_files (storage_key, queued_at) \
         SELECT DISTINCT storage_key, $1 FROM documents WHERE case_id IN ({}) \
         ON CONFLICT (storage_key) DO NOTHING",
        placeholders(2, ids.len())
    ));
    bind_all(sqlx::query(&sql).bind(chrono::Utc::now().timestamp()), ids)
        .execute(&mut **tx)
        .await?;
    counts.parties_kept += keep_shared_parties(database, tx, ids).await?;
    let party_ids = "SELECT id FROM parties WHERE case_id IN ({ids})";
    counts.other_rows += run(
        database,
        tx,
        "DELETE FROM party_links WHERE case_id IN ({ids})",
        ids,
    )
    .await?;
    // An email's attachments go with it (their documents, and files, with the case's).
    counts.other_rows += run(
        database,
        tx,
        "DELETE FROM message_attachments WHERE message_id IN \
         (SELECT id FROM case_messages WHERE case_id IN ({ids}))",
        ids,
    )
    .await?;
    counts.messages += run(
        database,
        tx,
        "DELETE FROM case_messages WHERE case_id IN ({ids})",
        ids,
    )
    .await?;
    // Rows elsewhere that name a party about to go forget it; its name's search tokens go.
    run(
        database,
        tx,
        &format!("DELETE FROM search_tokens WHERE party_id IN ({party_ids})"),
        ids,
    )
    .await?;
    run(
        database,
        tx,
        &format!("UPDATE case_messages SET party_id = NULL WHERE party_id IN ({party_ids})"),
        ids,
    )
    .await?;
    run(
        database,
        tx,
        &format!("UPDATE parties SET main_party_id = NULL WHERE main_party_id IN ({party_ids})"),
        ids,
    )
    .await?;
    counts.outbox += run(
        database,
        tx,
        "DELETE FROM outbox WHERE case_id IN ({ids})",
        ids,
    )
    .await?;
    counts.documents += run(
        database,
        tx,
        "DELETE FROM documents WHERE case_id IN ({ids})",
        ids,
    )
    .await?;
    counts.events += run(
        database,
        tx,
        "DELETE FROM case_events WHERE case_id IN ({ids})",
        ids,
    )
    .await?;
    counts.work_items += run(
        database,
        tx,
        "DELETE FROM work_items WHERE case_id IN ({ids})",
        ids,
    )
    .await?;
    for table in OTHER_TABLES {
        counts.other_rows += run(
            database,
            tx,
            &format!("DELETE FROM {table} WHERE case_id IN ({{ids}})"),
            ids,
        )
        .await?;
    }
    counts.parties += run(
        database,
        tx,
        "DELETE FROM parties WHERE case_id IN ({ids})",
        ids,
    )
    .await?;
    // An organisation name no other case carries goes with them, by trigger (migration
    // 20261210000040 counts the cases carrying each name).
    let deleted = run(database, tx, "DELETE FROM cases WHERE id IN ({ids})", ids).await?;
    if deleted != u64::try_from(ids.len()).unwrap_or(u64::MAX) {
        anyhow::bail!("{deleted} of {} cases deleted", ids.len());
    }
    Ok(())
}

/// A party of a deleted case that is linked to another case (a main record that took over a
/// merged duplicate's cases) moves to the first such case, with its role there; returns how many.
async fn keep_shared_parties(
    database: &Database,
    tx: &mut Transaction<'static, Any>,
    ids: &[String],
) -> anyhow::Result<u64> {
    let sql = database.sql(&format!(
        "SELECT l.party_id, l.case_id, l.role FROM party_links l JOIN parties p ON p.id = l.party_id \
         WHERE p.case_id IN ({}) AND l.case_id NOT IN ({}) ORDER BY l.party_id, l.case_id",
        placeholders(1, ids.len()),
        placeholders(1 + ids.len(), ids.len())
    ));
    let rows = bind_all(bind_all(sqlx::query(&sql), ids), ids)
        .fetch_all(&mut **tx)
        .await?;
    let mut moved: HashSet<String> = HashSet::new();
    for row in &rows {
        let party: String = row.try_get("party_id")?;
        if moved.contains(&party) {
            continue;
        }
        let case_id: String = row.try_get("case_id")?;
        let role: String = row.try_get("role")?;
        sqlx::query(&database.sql("UPDATE parties SET case_id = $1, role = $2 WHERE id = $3"))
            .bind(&case_id)
            .bind(&role)
            .bind(&party)
            .execute(&mut **tx)
            .await?;
        sqlx::query(&database.sql("DELETE FROM party_links WHERE party_id = $1 AND case_id = $2"))
            .bind(&party)
            .bind(&case_id)
            .execute(&mut **tx)
            .await?;
        moved.insert(party);
    }
    Ok(u64::try_from(moved.len()).unwrap_or(u64::MAX))
}
