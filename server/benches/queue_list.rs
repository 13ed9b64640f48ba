//! A work queue's list at scale (a benchmark that prints figures, not a pass/fail test): fills a
//! fresh SQLite database (and a fresh PostgreSQL database when `PORTAL_BENCH_DATABASE_URL` names
//! a server) with N open, sifted cases (default 1,000,000), 60% of them in work queue 13 and the
//! rest spread over queues 6 to 18, each with its current instance and customer party (the
//! queue-list columns kept by migration 60's triggers, as in production), then times pages of
//! queue 13 through the real store: the first page, deep pages (read by key: after and before a
//! case 250,000 down, the last page), each sort (both directions) and each filter, each with its
//! capped count, and the count alone. p50 and p95 of repeated runs.
//!
//! `cargo bench -p server --bench queue_list -- 1000000`
//! (`PORTAL_BENCH_DIR` chooses the SQLite folder; `PORTAL_BENCH_RUNS` the runs, default 15.)

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::{Duration, Instant};

use app::domain::case::{Reference, WorkQueue};
use app::domain::casework::{QueueListParams, QueueListQuery};
use chrono::NaiveDate;
use server::db::{Backend, Database};

const LAST: &[&str] = &[
    "Jones", "Smith", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas",
    "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel",
];
const ORGS: &[&str] = &[
    "Leeds City Council",
    "Bristol City Council",
    "Cardiff Council",
    "Kent County Council",
    "Manchester City Council",
    "Norfolk County Council",
    "Swansea Council",
    "Birmingham City Council",
];
const TYPES: &[&str] = &["RFA", "RFA", "RFA", "FS50", "FER", "ELE"];
const BATCH_ROWS: usize = 200;
const TRANSACTION_CASES: usize = 50_000;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn day(n: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(n)
}

async fn load(database: &Database, cases: usize) {
    let sqlite = database.backend == Backend::Sqlite;
    let p = |n: usize| {
        if sqlite {
            format!("?{n}")
        } else {
            format!("${n}")
        }
    };
    sqlx::query(
        "INSERT INTO staff (id, email, name, password_hash, created_at) \
         VALUES ('bench-officer', 'officer@example.gov.uk', 'Bench Officer', 'x', 0)",
    )
    .execute(&database.writer)
    .await
    .unwrap();
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let started = Instant::now();
    let mut n = 1;
    while n <= cases {
        let mut tx = database.writer.begin().await.unwrap();
        let end = (n + TRANSACTION_CASES).min(cases + 1);
        while n < end {
            let batch: Vec<usize> = (n..(n + BATCH_ROWS).min(end)).collect();
            n += batch.len();
            let mut values = Vec::new();
            let mut binds: Vec<Option<String>> = Vec::new();
            for (i, number) in batch.iter().enumerate() {
                let random = rng.next().to_le_bytes();
                let reference =
                    Reference::generate(*number as u32, [random[0], random[1], random[2]]);
                let queue = if rng.below(10) < 6 {
                    13
                } else {
                    6 + rng.below(13)
                };
                let created = rng.below(340);
                let case_type = TYPES[rng.below(TYPES.len() as u64) as usize];
                let organisation = format!(
                    "{} {}",
                    ORGS[rng.below(ORGS.len() as u64) as usize],
                    number % 500
                );
                let assigned = (rng.below(2) == 0).then(|| "bench-officer".to_owned());
                let b = i * 13;
                values.push(format!(
                    "({})",
                    (1..=13).map(|k| p(b + k)).collect::<Vec<_>>().join(", ")
                ));
                binds.extend([
                    Some(format!("case-{number}")),
                    Some(reference.as_str().to_owned()),
                    Some(case_type.to_owned()),
                    Some(format!("{{\"numbered\":{queue}}}")),
                    Some(day(created).to_string()),
                    Some(day(created + 3).to_string()),
                    Some(day(created + 14).to_string()),
                    Some(day(created + 30).to_string()),
                    Some(day(created + 182).to_string()),
                    Some(organisation),
                    Some(day(created + 1).to_string()),
                    assigned,
                    Some((created * 86_400 + *number as u64 % 86_400).to_string()),
                ]);
            }
            let sql = format!(
                "INSERT INTO cases (id, reference, case_type, work_queue, created_on, assign_by, \
                 first_contact_due, contact_promised_by, close_by, organisation_name, sifted_on, \
                 assigned_to, created_at, priority, channel, status, answers) \
                 SELECT v.*, 'normal', 'web', 'open', '{{}}' FROM (VALUES {}) AS v",
                values.join(", ")
            );
            let sql = if sqlite {
                sql
            } else {
                // PostgreSQL: the created_at text as a number.
                sql.replace(
                    "SELECT v.*,",
                    "SELECT v.column1, v.column2, v.column3, v.column4, \
                    v.column5, v.column6, v.column7, v.column8, v.column9, v.column10, v.column11, \
                    v.column12, CAST(v.column13 AS BIGINT),",
                )
            };
            let mut query = sqlx::query(&sql);
            for bind in &binds {
                query = query.bind(bind.clone());
            }
            query.execute(&mut *tx).await.unwrap();

            let instances = format!(
                "INSERT INTO case_instances (id, case_id, number, opened_on) \
                 SELECT id || '-1', id, 1, created_on FROM cases WHERE id IN ({})",
                (1..=batch.len()).map(p).collect::<Vec<_>>().join(", ")
            );
            let mut query = sqlx::query(&instances);
            for number in &batch {
                query = query.bind(format!("case-{number}"));
            }
            query.execute(&mut *tx).await.unwrap();

            let parties = format!(
                "INSERT INTO parties (id, case_id, role, name, details) VALUES {}",
                (0..batch.len())
                    .map(|i| format!(
                        "({}, {}, 'customer', {}, '{{}}')",
                        p(i * 3 + 1),
                        p(i * 3 + 2),
                        p(i * 3 + 3)
                    ))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            let mut query = sqlx::query(&parties);
            for number in &batch {
                let name = format!("{} {number}", LAST[rng.below(LAST.len() as u64) as usize]);
                query = query
                    .bind(format!("case-{number}-c"))
                    .bind(format!("case-{number}"))
                    .bind(name);
            }
            query.execute(&mut *tx).await.unwrap();
        }
        tx.commit().await.unwrap();
        eprintln!("  {} cases loaded ({:.0?})", n - 1, started.elapsed());
    }
    let elapsed = started.elapsed();
    println!(
        "loaded {cases} cases (an instance and a customer each) in {elapsed:.1?}: {:.0} cases/s",
        cases as f64 / elapsed.as_secs_f64()
    );
}

fn query(pairs: &[(&str, &str)]) -> QueueListQuery {
    let get = |name: &str| {
        pairs
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, value)| (*value).to_owned())
    };
    QueueListQuery::from_params(&QueueListParams {
        sort: get("sort"),
        dir: get("dir"),
        case_type: get("type"),
        level: get("level"),
        allocated: get("allocated"),
        organisation: get("organisation"),
        after: get("after"),
        before: get("before"),
        page: get("page"),
    })
}

async fn time(database: &Database, runs: usize, label: &str, pairs: &[(&str, &str)]) {
    let today = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
    let query = query(pairs);
    let mut times: Vec<Duration> = Vec::new();
    let mut shown = (0, 0);
    for _ in 0..runs {
        let started = Instant::now();
        let (cases, window) = database
            .queue_page(WorkQueue::Numbered(13), &query, today, 3, "bench-manager")
            .await
            .unwrap();
        times.push(started.elapsed());
        shown = (cases.len(), window.matching);
    }
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "{label:<40} p50 {:>9.2?}  p95 {:>9.2?}  ({} shown of {})",
        at(0.5),
        at(0.95),
        shown.0,
        shown.1
    );
}

/// The reference of queue 13's case at `offset` (0-based) in `order`: a cursor far down.
async fn reference_at(database: &Database, order: &str, offset: u64) -> String {
    use sqlx::Row;
    let sql = format!(
        "SELECT c.reference FROM cases c WHERE c.work_queue = '{{\"numbered\":13}}' \
         AND c.status = 'open' ORDER BY {order} LIMIT 1 OFFSET {offset}"
    );
    sqlx::query(&sql)
        .fetch_one(&database.pool)
        .await
        .unwrap()
        .get::<String, _>("reference")
}

/// The count alone (capped), as the page runs it.
async fn time_count(database: &Database, runs: usize) {
    let mut times: Vec<Duration> = Vec::new();
    let mut matching = 0;
    for _ in 0..runs {
        let started = Instant::now();
        matching = database
            .queue_count(
                WorkQueue::Numbered(13),
                &QueueListQuery::default(),
                NaiveDate::from_ymd_opt(2026, 12, 6).unwrap(),
                3,
                "bench-manager",
            )
            .await
            .unwrap();
        times.push(started.elapsed());
    }
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "{:<40} p50 {:>9.2?}  p95 {:>9.2?}  (counted {matching}, capped)",
        "count alone (capped at 10,000)",
        at(0.5),
        at(0.95),
    );
}

async fn measure(database: &Database, runs: usize, cases: usize) {
    // A quarter of the way through the cases (queue 13 holds 60% of them): 249,950 at a million.
    let far = (cases as u64 / 4).saturating_sub(50);
    time(database, runs, "first page (oldest first)", &[]).await;
    let second = reference_at(database, "c.created_at, c.reference", 49).await;
    time(
        database,
        runs,
        "page 2 (after case 50)",
        &[("after", &second)],
    )
    .await;
    let deep = reference_at(database, "c.created_at, c.reference", far).await;
    time(
        database,
        runs,
        &format!("deep page (after case {far})"),
        &[("after", &deep)],
    )
    .await;
    time(
        database,
        runs,
        &format!("deep page (before case {})", far + 1),
        &[("before", &deep)],
    )
    .await;
    time(database, runs, "last page", &[("page", "last")]).await;
    let deep_due = reference_at(database, "c.next_due, c.reference", far).await;
    time(
        database,
        runs,
        "deep page by due, descending",
        &[("sort", "due"), ("dir", "desc"), ("after", &deep_due)],
    )
    .await;
    let deep_customer = reference_at(database, "c.customer_name, c.reference", far).await;
    time(
        database,
        runs,
        "deep page by customer",
        &[("sort", "customer"), ("after", &deep_customer)],
    )
    .await;
    time_count(database, runs).await;
    for sort in [
        "reference",
        "organisation",
        "customer",
        "type",
        "age",
        "due",
        "level",
    ] {
        time(database, runs, &format!("sort {sort}"), &[("sort", sort)]).await;
        time(
            database,
            runs,
            &format!("sort {sort} descending"),
            &[("sort", sort), ("dir", "desc")],
        )
        .await;
    }
    time(database, runs, "filter type FS50", &[("type", "FS50")]).await;
    // A service-level filter with no sort lists the soonest deadline first.
    time(database, runs, "filter overdue", &[("level", "overdue")]).await;
    time(database, runs, "filter due soon", &[("level", "due_soon")]).await;
    time(database, runs, "filter on time", &[("level", "on_time")]).await;
    for level in ["overdue", "due_soon", "on_time"] {
        time(
            database,
            runs,
            &format!("filter {level}, oldest first"),
            &[("level", level), ("sort", "age")],
        )
        .await;
    }
    time(
        database,
        runs,
        "filter not allocated",
        &[("allocated", "no")],
    )
    .await;
    time(
        database,
        runs,
        "filter organisation 'leeds'",
        &[("organisation", "leeds")],
    )
    .await;
    time(
        database,
        runs,
        "filter organisation 'leeds city council 42' (few)",
        &[("organisation", "leeds city council 42")],
    )
    .await;
    time(
        database,
        runs,
        "filter organisation 'zzqx' (none)",
        &[("organisation", "zzqx")],
    )
    .await;
    time(
        database,
        runs,
        "overdue + not allocated, by customer, last",
        &[
            ("level", "overdue"),
            ("allocated", "no"),
            ("sort", "customer"),
            ("page", "last"),
        ],
    )
    .await;
}

/// The case page's duplicate lookup for one person (issue 17): before, each of the party's
/// lookups (lower-cased email, phone, lower-cased name) had no index and each candidate's
/// organisations were one query more; after, the indexes of migration 20261207000020 and one
/// query with the organisations joined. 30 records on other cases share the person's name and
/// phone, each case with an organisation.
async fn measure_duplicates(database: &Database, runs: usize) {
    let sqlite = database.backend == Backend::Sqlite;
    let p = |n: usize| {
        if sqlite {
            format!("?{n}")
        } else {
            format!("${n}")
        }
    };
    for n in 0..30 {
        for (suffix, role, name) in [
            ("d", "customer", "Sam Duplicate"),
            ("o", "organisation", "Leeds City Council"),
        ] {
            sqlx::query(&format!(
                "INSERT INTO parties (id, case_id, role, name, phone, details) \
                 VALUES ({}, {}, {}, {}, '07700900123', '{{}}')",
                p(1),
                p(2),
                p(3),
                p(4)
            ))
            .bind(format!("dup-{n}-{suffix}"))
            .bind(format!("case-{}", 1_000 + n * 7))
            .bind(role)
            .bind(name)
            .execute(&database.writer)
            .await
            .unwrap();
        }
    }
    let visible = "(c.case_type <> 'ECS' OR EXISTS (SELECT 1 FROM case_staff cs \
         WHERE cs.case_id = c.id AND cs.staff_id = {6}))";
    let found = format!(
        "SELECT p.id, p.case_id, p.role, p.name, p.email, p.phone, p.details, \
         c.reference, c.created_on FROM parties p JOIN cases c ON c.id = p.case_id \
         WHERE p.status = {} AND p.case_id <> {} AND p.role <> 'organisation' \
         AND (lower(p.email) = {} OR p.phone = {} OR lower(p.name) = {}) AND {} \
         ORDER BY c.reference LIMIT 200",
        p(1),
        p(2),
        p(3),
        p(4),
        p(5),
        visible.replace("{6}", &p(6))
    );
    let by_key = found.replace(
        "(lower(p.email) = ?3 OR p.phone = ?4 OR lower(p.name) = ?5)"
            .replace('?', if sqlite { "?" } else { "$" })
            .as_str(),
        &format!(
            "p.id IN (SELECT q.id FROM parties q WHERE q.phone = {} UNION ALL \
             SELECT q.id FROM parties q WHERE lower(q.name) = {}) AND {} <> ''",
            p(4),
            p(5),
            p(3)
        ),
    );
    let joined = format!(
        "WITH found AS ({by_key}) SELECT found.*, o.name AS organisation FROM found \
         LEFT JOIN parties o ON o.case_id = found.case_id AND o.status = {} \
         AND o.role = 'organisation' ORDER BY found.reference, found.id, o.id",
        p(7)
    );
    let organisations = format!(
        "SELECT p.name FROM parties p WHERE p.case_id = {} AND p.status = {} \
         AND p.role = 'organisation'",
        p(1),
        p(2)
    );
    let organisations = &organisations;
    let lookup = |sql: String, joined: bool| async move {
        use sqlx::Row;
        let mut query = sqlx::query(&sql)
            .bind("current")
            .bind("case-999999")
            .bind("-")
            .bind("07700900123")
            .bind("sam duplicate")
            .bind("bench-manager");
        if joined {
            query = query.bind("current");
        }
        let rows = query.fetch_all(&database.pool).await.unwrap();
        if !joined {
            for row in &rows {
                let case_id: String = row.get("case_id");
                sqlx::query(organisations)
                    .bind(case_id)
                    .bind("current")
                    .fetch_all(&database.pool)
                    .await
                    .unwrap();
            }
        }
        rows.len()
    };
    let indexes = [
        ("parties_lower_email", "lower(email)"),
        ("parties_phone", "phone"),
        ("parties_lower_name", "lower(name)"),
    ];
    for (name, _) in indexes {
        sqlx::query(&format!("DROP INDEX {name}"))
            .execute(&database.writer)
            .await
            .unwrap();
    }
    for (label, sql, joined) in [
        (
            "duplicates: no index, query per case (before)",
            found.clone(),
            false,
        ),
        (
            "duplicates: indexes, one query (after)",
            joined.clone(),
            true,
        ),
    ] {
        if joined {
            for (name, expression) in indexes {
                sqlx::query(&format!("CREATE INDEX {name} ON parties ({expression})"))
                    .execute(&database.writer)
                    .await
                    .unwrap();
            }
            sqlx::query("ANALYZE")
                .execute(&database.writer)
                .await
                .unwrap();
        }
        let mut times: Vec<Duration> = Vec::new();
        let mut found_rows = 0;
        for _ in 0..runs.min(7) {
            let started = Instant::now();
            found_rows = lookup(sql.clone(), joined).await;
            times.push(started.elapsed());
        }
        times.sort();
        let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
        println!(
            "{label:<46} p50 {:>9.2?}  p95 {:>9.2?}  ({found_rows} rows)",
            at(0.5),
            at(0.95)
        );
    }
}

#[tokio::main]
async fn main() {
    let cases: usize = std::env::args()
        .skip(1)
        .find_map(|arg| arg.parse().ok())
        .unwrap_or(1_000_000);
    let runs: usize = std::env::var("PORTAL_BENCH_RUNS")
        .ok()
        .and_then(|runs| runs.parse().ok())
        .unwrap_or(15);
    let dir = std::env::var("PORTAL_BENCH_DIR").unwrap_or_else(|_| "target/bench".to_owned());
    std::fs::create_dir_all(&dir).unwrap();
    let path = format!("{dir}/queue-list-{cases}.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{path}{suffix}"));
    }
    let database = Database::connect(&format!("sqlite://{path}?mode=rwc"))
        .await
        .unwrap();
    load(&database, cases).await;
    sqlx::query("ANALYZE")
        .execute(&database.pool)
        .await
        .unwrap();
    println!("SQLite, queue 13 of {cases} cases, {runs} runs each:");
    measure(&database, runs, cases).await;
    measure_duplicates(&database, runs).await;

    if let Ok(base) = std::env::var("PORTAL_BENCH_DATABASE_URL") {
        use sqlx::Executor;
        let name = format!("portal_bench_queue_{}", std::process::id());
        let admin = sqlx::AnyPool::connect(&base).await.unwrap();
        admin
            .execute(format!("CREATE DATABASE {name}").as_str())
            .await
            .unwrap();
        let (prefix, rest) = base.rsplit_once('/').unwrap();
        let query = rest.find('?').map(|at| &rest[at..]).unwrap_or("");
        let url = format!("{prefix}/{name}{query}");
        let database = Database::connect(&url).await.unwrap();
        load(&database, cases).await;
        sqlx::query("ANALYZE")
            .execute(&database.pool)
            .await
            .unwrap();
        println!("PostgreSQL, queue 13 of {cases} cases, {runs} runs each:");
        measure(&database, runs, cases).await;
        measure_duplicates(&database, runs).await;
        database.pool.close().await;
        admin
            .execute(format!("DROP DATABASE {name}").as_str())
            .await
            .unwrap();
    }
}
