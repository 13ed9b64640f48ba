//! The published data sets' export at scale (a benchmark that prints figures, not a pass/fail
//! test): for each size N, a fresh database gets N closed FOI/EIR cases (FS50 and FER), every one
//! completed in October 2026, each with its instance, organisation and customer parties, loaded
//! in batches with multi-row inserts (each instance with the party facts closing stores,
//! `server/src/case/closing.rs`); then the month's file
//! `/data-sets/foi-eir-complaints/2026-10.csv` is downloaded through the real router over HTTP
//! and read chunk by chunk (never held whole). It prints rows per second, the time to the first
//! byte, the bytes, and the process's resident memory before and its peak during the download
//! (`VmHWM` of `/proc/self/status`, reset before through `/proc/self/clear_refs`).
//!
//! `cargo bench -p server --bench data_sets -- 10000 100000 1000000`
//! (default 10000 100000; SQLite in `PORTAL_BENCH_DIR` or the system's temporary folder, or
//! PostgreSQL when `PORTAL_BENCH_DATABASE_URL` names a database server.)
//! `PORTAL_BENCH_REUSE=1` keeps each size's database (`portal-bench-data-sets-N.db`, or
//! `portal_bench_data_sets_n`) after the run and times the one a previous run left, without
//! loading again: to time a change of the export alone.

#![allow(clippy::expect_used, clippy::unwrap_used)]

#[path = "support/memory.rs"]
mod memory;

use std::time::Instant;

use leptos::config::LeptosOptions;
use server::db::{Backend, Database};
use server::{build_router, Config};
use sqlx::Executor;

use memory::{current_kib, peak_kib, reset_peak};

const BATCH: usize = 250;
const ORGS: &[&str] = &[
    "Leeds City Council",
    "Bristol City Council",
    "Cardiff Council",
    "Kent County Council",
    "Home Office",
    "NHS England",
];
const OUTCOMES: &[&str] = &[
    "decision_notice_upheld",
    "decision_notice_not_upheld",
    "withdrawn_informally_resolved",
    "not_pa",
];

/// The portal's own allocator (`server/src/main.rs`), so the figures are the server's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|arg| arg.replace('_', "").parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![10_000, 100_000]
    } else {
        sizes
    };
    for size in sizes {
        run(size).await;
    }
}

fn reuse() -> bool {
    std::env::var("PORTAL_BENCH_REUSE").is_ok_and(|value| value == "1")
}

/// The database's URL, the SQLite file to remove afterwards, and whether it is already loaded.
async fn database_url(size: usize) -> (String, Option<std::path::PathBuf>, bool) {
    let tag = if reuse() {
        size.to_string()
    } else {
        format!("{}-{size}", std::process::id())
    };
    if let Ok(base) = std::env::var("PORTAL_BENCH_DATABASE_URL") {
        sqlx::any::install_default_drivers();
        let name = format!("portal_bench_data_sets_{}", tag.replace('-', "_"));
        let admin = sqlx::AnyPool::connect(&base).await.unwrap();
        let loaded = admin
            .execute(format!("CREATE DATABASE {name}").as_str())
            .await
            .is_err();
        let (prefix, rest) = base.rsplit_once('/').unwrap();
        let query = rest.find('?').map(|at| &rest[at..]).unwrap_or_default();
        return (format!("{prefix}/{name}{query}"), None, loaded && reuse());
    }
    let dir = std::env::var("PORTAL_BENCH_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| std::env::temp_dir());
    let file = dir.join(format!("portal-bench-data-sets-{tag}.db"));
    let loaded = reuse() && file.exists();
    let url = format!("sqlite://{}?mode=rwc", file.display());
    (url, (!reuse()).then_some(file), loaded)
}

async fn run(size: usize) {
    let (url, file, loaded) = database_url(size).await;
    let database = Database::connect(&url).await.unwrap();
    if loaded {
        println!(
            "{size} cases: loaded by an earlier run ({:?})",
            database.backend
        );
    } else {
        let started = Instant::now();
        load(&database, size).await;
        println!(
            "{size} cases: loaded in {:.1} s ({:?})",
            started.elapsed().as_secs_f64(),
            database.backend
        );
    }
    let config = Config {
        database_url: url.clone(),
        fixed_today: chrono::NaiveDate::from_ymd_opt(2026, 12, 7),
        ..Config::default()
    };
    let leptos = LeptosOptions::builder()
        .output_name("portal")
        .site_root("target/site")
        .site_pkg_dir("pkg")
        .build();
    let files_dir = std::env::temp_dir().join(format!("bench-files-{}", std::process::id()));
    let files = server::files::open(&server::files::FileStoreConfig::Local {
        root: files_dir.clone(),
    })
    .await
    .unwrap();
    let router = build_router(&config, leptos, database.clone(), files).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let timeout = config.header_read_timeout;
    tokio::spawn(async move {
        server::http::serve(listener, router, timeout, std::future::pending())
            .await
            .unwrap();
    });
    let client = reqwest::Client::new();
    let path = format!("http://{address}/data-sets/foi-eir-complaints/2026-10.csv");
    for attempt in 1..=2 {
        reset_peak("the load");
        let before = current_kib();
        let started = Instant::now();
        let mut response = client.get(&path).send().await.unwrap();
        assert_eq!(response.status().as_u16(), 200);
        let first_byte = started.elapsed();
        let (mut bytes, mut lines, mut chunks) = (0usize, 0usize, 0usize);
        while let Some(chunk) = response.chunk().await.unwrap() {
            bytes += chunk.len();
            lines += chunk.iter().filter(|b| **b == b'\n').count();
            chunks += 1;
        }
        let took = started.elapsed().as_secs_f64();
        let rows = lines.saturating_sub(1);
        assert_eq!(rows, size, "every case is a row");
        println!(
            "{size} rows, run {attempt}: {:.2} s, {:.0} rows/s, first byte {:.1} ms, {:.1} MB in \
             {chunks} chunks; RSS before {} KiB, peak {} KiB",
            took,
            rows as f64 / took,
            first_byte.as_secs_f64() * 1000.0,
            bytes as f64 / 1_000_000.0,
            before,
            peak_kib()
        );
    }
    database.pool.close().await;
    database.writer.close().await;
    if let Some(file) = file {
        for suffix in ["", "-wal", "-shm"] {
            let mut name = file.as_os_str().to_owned();
            name.push(suffix);
            let _ = std::fs::remove_file(name);
        }
    }
    let _ = std::fs::remove_dir_all(files_dir);
}

/// N closed FS50/FER cases, each with its closed instance and two parties, a transaction per
/// batch as cases are handed in one by one. (In one transaction, PostgreSQL's trigger that counts
/// each organisation name's cases (migration 20261210000040) updated the same six rows a million
/// times, each update walking the versions the transaction had left behind: over 12 minutes
/// without finishing.)
async fn load(database: &Database, size: usize) {
    let sqlite = database.backend == Backend::Sqlite;
    let mut n = 0;
    while n < size {
        let mut tx = database.writer.begin().await.unwrap();
        let end = (n + BATCH).min(size);
        let (mut cases, mut instances, mut parties) = (Vec::new(), Vec::new(), Vec::new());
        for i in n..end {
            let org = ORGS[i % ORGS.len()];
            let kind = if i % 5 == 0 { "FER" } else { "FS50" };
            let created = format!("2026-{:02}-{:02}", 1 + i % 9, 1 + i % 28);
            let closed = format!("2026-10-{:02}", 1 + i % 31);
            cases.push(format!(
                "('case-{i}', 'IC-{i:06}-BNCH', '{kind}', '18', 'normal', 'web', 'closed', \
                 '{created}', '{created}', '{created}', '{created}', '{created}', \
                 '{org}', 'local_government', '{{}}', 0)"
            ));
            let outcome = OUTCOMES[i % OUTCOMES.len()];
            instances.push(format!(
                "('case-{i}-1', 'case-{i}', 1, '{created}', '{closed}', '{outcome}', \
                 '{{\"outcome\":\"{outcome}\",\"nature_1\":\"refusal\"}}', 1, 0)"
            ));
            parties.push(format!(
                "('party-{i}-o', 'case-{i}', 'organisation', '{org}', NULL, '{{}}'), \
                 ('party-{i}-c', 'case-{i}', 'customer', 'Customer {i}', 'c{i}@example.org', '{{}}')"
            ));
        }
        let statements = [
            format!(
                "INSERT INTO cases (id, reference, case_type, work_queue, priority, channel, \
                 status, created_on, assign_by, first_contact_due, contact_promised_by, close_by, \
                 organisation_name, sector, answers, created_at) VALUES {}",
                cases.join(", ")
            ),
            format!(
                "INSERT INTO case_instances (id, case_id, number, opened_on, closed_on, outcome, \
                 attributes, organisation_party, named_as_person) VALUES {}",
                instances.join(", ")
            ),
            format!(
                "INSERT INTO parties (id, case_id, role, name, email, details) VALUES {}",
                parties.join(", ")
            ),
        ];
        for statement in statements {
            sqlx::query(&statement).execute(&mut *tx).await.unwrap();
        }
        tx.commit().await.unwrap();
        n = end;
    }
    if !sqlite {
        sqlx::query("ANALYZE")
            .execute(&database.writer)
            .await
            .unwrap();
    }
}
