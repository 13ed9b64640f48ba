//! Retention at scale (a benchmark that prints figures, not a pass/fail test), on a fresh SQLite
//! database: N closed cases (default 100,000), each with two parties, a work item, an event,
//! an email and its acknowledgement in the outbox, and every `F`th (default 5) with a document
//! whose file is in a local file store. On the run's day (6 December 2026):
//!
//! - 40% closed in 2022–2024, more than two years ago: due;
//! - 40% closed in 2025–2026: kept;
//! - 10% closed 'Duplicate' on 1 October 2026: due (30 days);
//! - 10% closed 'Duplicate' on 20 November 2026: kept.
//!
//! One retention run (the server's, `server::retention`) deletes them; the bench checks that
//! exactly the due cases (and their files) went and prints the time and the peak resident memory
//! of the run (`VmHWM` of `/proc/self/status`, reset before the run through
//! `/proc/self/clear_refs`) next to the process's peak while filling.
//!
//! `cargo bench -p server --bench retention -- 100000 5`
//! (`PORTAL_BENCH_DIR` chooses the folder, and the database is then left there for inspection;
//! without it a temporary folder is removed at the end.)

#![allow(clippy::expect_used, clippy::unwrap_used)]

#[path = "support/memory.rs"]
mod memory;

use std::sync::Arc;
use std::time::Instant;

use chrono::NaiveDate;
use server::db::Database;
use server::files::{content_key, LocalFileStore};
use server::retention::{Retention, RetentionConfig, RunOutcome};
use sqlx::Row;

use memory::{current_kib, peak_kib, reset_peak};

const CHUNK: usize = 500;

#[tokio::main]
async fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|arg| arg.parse().ok())
        .collect();
    let cases = args.first().copied().unwrap_or(100_000);
    let file_every = args.get(1).copied().unwrap_or(5).max(1);
    let keep = std::env::var("PORTAL_BENCH_DIR").is_ok();
    let folder = std::env::var("PORTAL_BENCH_DIR").unwrap_or_else(|_| {
        std::env::temp_dir()
            .join(format!("portal-retention-bench-{}", std::process::id()))
            .display()
            .to_string()
    });
    let folder = std::path::PathBuf::from(folder);
    std::fs::create_dir_all(&folder).unwrap();
    let files_root = folder.join("files");
    let database = Database::connect(&format!("sqlite://{}/bench.db?mode=rwc", folder.display()))
        .await
        .unwrap();

    let started = Instant::now();
    let expected = fill(&database, &files_root, cases, file_every).await;
    println!(
        "filled {cases} closed cases ({} due: {} past two years, {} marked for deletion; {} files, {} of them due) in {:.1} s",
        expected.cases + expected.marked,
        expected.cases,
        expected.marked,
        expected.files,
        expected.due_files,
        started.elapsed().as_secs_f64()
    );
    let fill_peak = peak_kib();

    let store = Arc::new(LocalFileStore::open(files_root.clone()).await.unwrap());
    let retention = Retention::new(database.clone(), store, RetentionConfig::default(), 28);
    reset_peak("the fill");
    let base = current_kib();
    let started = Instant::now();
    let today = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
    let outcome = retention
        .run(today, chrono::Utc::now().timestamp())
        .await
        .unwrap();
    let elapsed = started.elapsed();
    let run_peak = peak_kib();
    let RunOutcome::Done(counts) = outcome else {
        panic!("the lease was held");
    };

    let left: i64 = sqlx::query("SELECT COUNT(*) AS n FROM cases")
        .fetch_one(&database.pool)
        .await
        .unwrap()
        .get("n");
    let files_left = count_files(&files_root);
    let deleted = counts.cases + counts.marked_cases;
    println!(
        "deleted {deleted} cases ({} past retention, {} marked for deletion), {} parties, {} documents, {} emails, {} outbox rows, {} events, {} work items, {} other rows, {} files in {:.2} s ({:.0} cases/s)",
        counts.cases,
        counts.marked_cases,
        counts.parties,
        counts.documents,
        counts.messages,
        counts.outbox,
        counts.events,
        counts.work_items,
        counts.other_rows,
        counts.files,
        elapsed.as_secs_f64(),
        deleted as f64 / elapsed.as_secs_f64()
    );
    println!(
        "peak RSS: {run_peak} KiB during the run (resident before it: {base} KiB); {fill_peak} KiB while filling"
    );
    let exact = counts.cases == expected.cases
        && counts.marked_cases == expected.marked
        && u64::try_from(left).unwrap() == (cases as u64) - expected.cases - expected.marked
        && counts.files == expected.due_files
        && files_left == expected.files - expected.due_files;
    println!(
        "exactly the due cases and files: {} ({left} cases and {files_left} files left)",
        if exact { "yes" } else { "NO" }
    );
    drop(database);
    if !keep {
        let _ = std::fs::remove_dir_all(&folder);
    }
    assert!(exact, "retention deleted other than the due cases");
}

#[derive(Default)]
struct Expected {
    cases: u64,
    marked: u64,
    files: u64,
    due_files: u64,
}

/// Case `i`'s closing day and outcome, and whether it is due.
fn closure(i: usize) -> (NaiveDate, &'static str, Option<bool>) {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let offset = chrono::Days::new((i % 700) as u64);
    match i % 10 {
        // 2022-01-01 … 2023-12-01: more than two years before the run.
        0..=3 => (day(2022, 1, 1) + offset, "not_dpa", Some(false)),
        // 2025-01-01 … 2026-12-01: less.
        4..=7 => (day(2025, 1, 1) + offset, "not_dpa", None),
        8 => (day(2026, 10, 1), "duplicate", Some(true)),
        _ => (day(2026, 11, 20), "duplicate", None),
    }
}

async fn fill(
    database: &Database,
    files_root: &std::path::Path,
    cases: usize,
    file_every: usize,
) -> Expected {
    let mut expected = Expected::default();
    let mut start = 0;
    while start < cases {
        let end = (start + CHUNK).min(cases);
        let mut rows: [Vec<String>; 8] = Default::default();
        for i in start..end {
            let (closed_on, outcome, due) = closure(i);
            match due {
                Some(false) => expected.cases += 1,
                Some(true) => expected.marked += 1,
                None => {}
            }
            let at = closed_on
                .and_hms_opt(12, 0, 0)
                .unwrap()
                .and_utc()
                .timestamp();
            let id = format!("case{i:08}");
            rows[0].push(format!(
                "('{id}', 'IC-{i:08}', 'RFA', '8', 'normal', 'web', 'closed', '2021-06-01', \
                 '2021-06-04', '2021-06-15', '2021-07-01', '2021-12-01', '{{}}', {at}, 1)"
            ));
            rows[1].push(format!(
                "('{id}-1', '{id}', 1, '2021-06-01', '{closed_on}', {at}, '{outcome}')"
            ));
            rows[2].push(format!(
                "('{id}-c', '{id}', 'customer', 'Customer {i}', 'c{i}@example.org', '{{}}'), \
                 ('{id}-o', '{id}', 'organisation', 'Organisation {i}', NULL, '{{}}')"
            ));
            rows[3].push(format!(
                "('{id}-w', '{id}', 'prepare', '8', '2021-06-15', {at})"
            ));
            rows[4].push(format!(
                "('{id}-m', '{id}', 'acknowledgement', '{{}}', {at}, {at}, {at})"
            ));
            rows[5].push(format!(
                "('{id}-e', '{id}', {at}, 'system', 'closed', '{{}}')"
            ));
            rows[6].push(format!(
                "('{id}-x', '{id}', 'out', '{id}-c', 'casework@localhost', 'c{i}@example.org', \
                 'Your case', 'Closed.', {}, 'sent', '{id}-m')",
                at * 1000
            ));
            if i % file_every == 0 {
                let bytes = format!("%PDF-1.4 evidence of case {i}");
                let key = content_key(bytes.as_bytes());
                let path = files_root.join(&key);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, &bytes).unwrap();
                expected.files += 1;
                if due.is_some() {
                    expected.due_files += 1;
                }
                rows[7].push(format!(
                    "('{id}-d', '{id}', 'other', 'letter.pdf', 'pdf', {}, '{key}', {at})",
                    bytes.len()
                ));
            }
        }
        let tables = [
            "cases (id, reference, case_type, work_queue, priority, channel, status, created_on, \
             assign_by, first_contact_due, contact_promised_by, close_by, answers, created_at, instance)",
            "case_instances (id, case_id, number, opened_on, closed_on, closed_at, outcome)",
            "parties (id, case_id, role, name, email, details)",
            "work_items (id, case_id, kind, queue, due_on, created_at)",
            "outbox (id, case_id, kind, payload, created_at, next_attempt_at, sent_at)",
            "case_events (id, case_id, at, actor, kind, details)",
            "case_messages (id, case_id, direction, party_id, from_address, to_address, subject, \
             body, at, status, outbox_id)",
            "documents (id, case_id, kind, file_name, file_type, size_bytes, storage_key, created_at)",
        ];
        let mut tx = database.writer.begin().await.unwrap();
        for (table, values) in tables.iter().zip(rows.iter()) {
            if values.is_empty() {
                continue;
            }
            let sql = format!("INSERT INTO {table} VALUES {}", values.join(", "));
            sqlx::query(&sql).execute(&mut *tx).await.unwrap();
        }
        tx.commit().await.unwrap();
        start = end;
    }
    expected
}

fn count_files(root: &std::path::Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(root) else {
        return 0;
    };
    entries
        .flatten()
        .map(|entry| {
            let path = entry.path();
            if path.is_dir() {
                count_files(&path)
            } else {
                1
            }
        })
        .sum()
}
