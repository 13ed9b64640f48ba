//! The helpline's search at scale (a benchmark that prints figures, not a pass/fail test):
//! builds N cases (default 1,000,000) with 2 parties each (a customer and an organisation, so
//! 2,000,000 parties) and a current instance, with each party's search tokens (migration 80,
//! made by the same `party_token_rows` the writers use), in a fresh SQLite database, or in the
//! PostgreSQL database named by `PORTAL_BENCH_DATABASE_URL` (its tables are emptied first). Then
//! times the console's "Anything" search through the real store: a reference, a reference with
//! one wrong character (the likely intended references that exist), a surname, a surname with
//! two letters swapped, a first name and surname (exact, and with one typo), organisation words,
//! two words never on the same party (one rare, and both common), an email address, a phone
//! number. p50 / p95 / max of each.
//!
//! Built with the workspace's test build (`cargo test -p server --benches --no-run`) and run as
//! `target/debug/deps/helpline_search-* 1000000`, or `cargo bench -p server --bench
//! helpline_search -- 1000000` (`PORTAL_BENCH_DIR` chooses the SQLite folder).
//! `PORTAL_BENCH_REUSE=1` times the data a previous run of the same N left (no load; the
//! samples are the same, from the same seed), to time a change of the search alone.
//!
//! As in production: on PostgreSQL `VACUUM ANALYZE` runs after the load (autovacuum does both
//! after such a load: its insert threshold starts a vacuum, which sets the visibility map the
//! index-only scans need, and an analyze); SQLite gets no `ANALYZE` (the portal never runs it).

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::{Duration, Instant};

use app::domain::case::{likely_intended, Reference};
use app::domain::helpline::{classify, name_tokens, SearchKind};
use app::domain::staff::{Role, StaffMember};
use app::ports::HelplineWork;
use server::db::helpline::HelplineStore;
use server::db::{Backend, Database};

const FIRST: &[&str] = &[
    "Alex", "Sam", "Jo", "Chris", "Priya", "Mohammed", "Olivia", "Amelia", "Noah", "Leo", "Isla",
    "Ava", "Oliver", "George", "Harry", "Jack", "Sophie", "Emily", "Grace", "Ruby", "Aled", "Siân",
    "Ffion", "Dylan", "Callum", "Aisha", "Yusuf", "Zara", "Ben", "Tom",
];
const LAST: &[&str] = &[
    "Jones", "Smith", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas",
    "Johnson", "Roberts", "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes",
    "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin",
    "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King", "Baker", "Harrison",
];
const ORGS: &[&str] = &[
    "Council",
    "Bank",
    "Telecom",
    "Energy",
    "Insurance",
    "Hospital Trust",
    "Academy",
    "Police",
    "Housing Association",
    "Retail",
    "Motors",
    "Credit Agency",
    "Water",
    "University",
];
const BATCH_ROWS: usize = 500;
const TRANSACTION_CASES: usize = 20_000;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[(self.next() % from.len() as u64) as usize]
    }
}

struct Row {
    n: usize,
    id: String,
    reference: String,
    first: String,
    last: String,
    email: String,
    phone: String,
    organisation: String,
}

impl Row {
    fn name(&self) -> String {
        format!("{} {}", self.first, self.last)
    }
}

fn row(n: usize, rng: &mut Rng) -> Row {
    let random = rng.next().to_le_bytes();
    let reference = Reference::generate(n as u32, [random[0], random[1], random[2]]);
    let (first, last) = (rng.pick(FIRST), rng.pick(LAST));
    let town = rng.pick(LAST);
    Row {
        n,
        id: format!("case-{n}"),
        reference: reference.as_str().to_owned(),
        first: first.to_owned(),
        last: last.to_owned(),
        email: format!(
            "{}.{}{}@example.org",
            first.to_lowercase(),
            last.to_lowercase(),
            n
        ),
        phone: format!("07700 {:06}", n % 1_000_000),
        organisation: format!("{town} {} {}", rng.pick(ORGS), n % 5_000),
    }
}

/// Generated text only (no quotes in the lists above): written into the SQL as literals.
fn party_token_rows(party: &str, name: &str, at: i64) -> Vec<(String, String, i64)> {
    name_tokens(name)
        .into_iter()
        .map(|token| (token, party.to_owned(), at))
        .collect()
}

fn lit(text: &str) -> String {
    assert!(!text.contains('\''));
    format!("'{text}'")
}

async fn exec(database: &Database, tx: &mut sqlx::Transaction<'static, sqlx::Any>, sql: &str) {
    let _ = database;
    sqlx::query(sql).execute(&mut **tx).await.unwrap();
}

/// The rows a load of `cases` makes that are timed (without loading them).
fn samples_only(cases: usize) -> Vec<Row> {
    let mut rng = Rng(SEED);
    let every = (cases / 50).max(1);
    (1..=cases)
        .map(|n| row(n, &mut rng))
        .filter(|r| r.n % every == 7 % every)
        .collect()
}

const SEED: u64 = 0x5eed_1234_abcd_ef01;

async fn load(database: &Database, cases: usize) -> Vec<Row> {
    let mut rng = Rng(SEED);
    let mut samples = Vec::new();
    let started = Instant::now();
    let every = (cases / 50).max(1);
    let mut tokens_total = 0usize;
    for index in ["search_tokens_token", "search_tokens_party"] {
        sqlx::query(&format!("DROP INDEX {index}"))
            .execute(&database.writer)
            .await
            .unwrap();
    }
    let mut n = 1;
    while n <= cases {
        let mut tx = database.writer.begin().await.unwrap();
        let end = (n + TRANSACTION_CASES).min(cases + 1);
        while n < end {
            let rows: Vec<Row> = (n..(n + BATCH_ROWS).min(end))
                .map(|i| row(i, &mut rng))
                .collect();
            n += rows.len();
            let values = rows
                .iter()
                .map(|r| {
                    format!(
                        "({}, {}, 'RFA', '{{\"numbered\":8}}', 'normal', 'web', 'open', \
                         '2026-03-02', '2026-03-05', '2026-03-16', '2026-04-01', '2026-09-02', \
                         {}, '{{}}', {}, '2026-03-02')",
                        lit(&r.id),
                        lit(&r.reference),
                        lit(&r.organisation),
                        r.n
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            exec(database, &mut tx, &format!(
                "INSERT INTO cases (id, reference, case_type, work_queue, priority, channel, status, \
                 created_on, assign_by, first_contact_due, contact_promised_by, close_by, \
                 organisation_name, answers, created_at, sifted_on) VALUES {values}"
            ))
            .await;
            let values = rows
                .iter()
                .map(|r| {
                    format!(
                        "({}, {}, 1, '2026-03-02')",
                        lit(&format!("{}-1", r.id)),
                        lit(&r.id)
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            exec(
                database,
                &mut tx,
                &format!(
                    "INSERT INTO case_instances (id, case_id, number, opened_on) VALUES {values}"
                ),
            )
            .await;
            let values = rows
                .iter()
                .flat_map(|r| {
                    [
                        format!(
                            "({}, {}, 'customer', {}, {}, {}, '{{}}')",
                            lit(&format!("{}-c", r.id)),
                            lit(&r.id),
                            lit(&r.name()),
                            lit(&r.email),
                            lit(&r.phone)
                        ),
                        format!(
                            "({}, {}, 'organisation', {}, NULL, NULL, '{{}}')",
                            lit(&format!("{}-o", r.id)),
                            lit(&r.id),
                            lit(&r.organisation)
                        ),
                    ]
                })
                .collect::<Vec<_>>()
                .join(", ");
            exec(database, &mut tx, &format!(
                "INSERT INTO parties (id, case_id, role, name, email, phone, details) VALUES {values}"
            ))
            .await;
            let tokens: Vec<String> = rows
                .iter()
                .flat_map(|r| {
                    let mut all = party_token_rows(&format!("{}-c", r.id), &r.name(), r.n as i64);
                    all.extend(party_token_rows(
                        &format!("{}-o", r.id),
                        &r.organisation,
                        r.n as i64,
                    ));
                    all
                })
                .map(|(token, party, at)| format!("({}, {}, {at})", lit(&token), lit(&party)))
                .collect();
            tokens_total += tokens.len();
            for chunk in tokens.chunks(5_000) {
                exec(
                    database,
                    &mut tx,
                    &format!(
                        "INSERT INTO search_tokens (token, party_id, created_at) VALUES {}",
                        chunk.join(", ")
                    ),
                )
                .await;
            }
            samples.extend(rows.into_iter().filter(|r| r.n % every == 7 % every));
        }
        tx.commit().await.unwrap();
        if (n - 1) % 100_000 < TRANSACTION_CASES || n > cases {
            eprintln!("  {} cases loaded ({:.0?})", n - 1, started.elapsed());
        }
    }
    let indexed = Instant::now();
    for sql in [
        "CREATE INDEX search_tokens_token ON search_tokens (token, created_at, party_id)",
        "CREATE INDEX search_tokens_party ON search_tokens (party_id, token)",
    ] {
        sqlx::query(sql).execute(&database.writer).await.unwrap();
    }
    println!(
        "loaded {cases} cases, {} parties, {tokens_total} search tokens in {:.1?} \
         (token indexes built after, in {:.1?})",
        cases * 2,
        started.elapsed(),
        indexed.elapsed()
    );
    samples
}

fn mistype(reference: &str) -> String {
    let mut chars: Vec<char> = reference.chars().collect();
    chars[5] = if chars[5] == '3' { '4' } else { '3' };
    chars.into_iter().collect()
}

/// The word with its 2nd and 3rd letters swapped ("walker" → "wlaker").
fn swapped(word: &str) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    chars.swap(1, 2);
    chars.into_iter().collect()
}

async fn time<F, Fut>(label: &str, runs: &[String], mut search: F)
where
    F: FnMut(String) -> Fut,
    Fut: std::future::Future<Output = usize>,
{
    let mut times: Vec<Duration> = Vec::new();
    let mut found = 0;
    for q in runs {
        let started = Instant::now();
        found += search(q.clone()).await;
        times.push(started.elapsed());
    }
    times.sort();
    let at = |p: usize| times[(times.len() * p / 100).min(times.len() - 1)];
    println!(
        "{label:<44} p50 {:>8.2?}  p95 {:>8.2?}  max {:>8.2?}  ({} searches, {found} results)",
        at(50),
        at(95),
        times[times.len() - 1],
        times.len()
    );
}

async fn open(cases: usize, reuse: bool) -> Database {
    if let Ok(url) = std::env::var("PORTAL_BENCH_DATABASE_URL") {
        let database = Database::connect(&url).await.unwrap();
        if reuse {
            return database;
        }
        sqlx::query(
            "TRUNCATE search_tokens, parties, case_instances, cases RESTART IDENTITY CASCADE",
        )
        .execute(&database.pool)
        .await
        .unwrap();
        return database;
    }
    let dir = std::env::var("PORTAL_BENCH_DIR").unwrap_or_else(|_| "target/bench".to_owned());
    std::fs::create_dir_all(&dir).unwrap();
    let path = format!("{dir}/helpline-{cases}.db");
    if reuse {
        return Database::connect(&format!("sqlite://{path}"))
            .await
            .unwrap();
    }
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{path}{suffix}"));
    }
    Database::connect(&format!("sqlite://{path}?mode=rwc"))
        .await
        .unwrap()
}

#[tokio::main]
async fn main() {
    let cases: usize = std::env::args()
        .skip(1)
        .find_map(|arg| arg.parse().ok())
        .unwrap_or(1_000_000);
    let reuse = std::env::var("PORTAL_BENCH_REUSE").is_ok_and(|v| v == "1");
    let database = open(cases, reuse).await;
    let samples = if reuse {
        samples_only(cases)
    } else {
        let samples = load(&database, cases).await;
        if database.backend == Backend::Postgres {
            let started = Instant::now();
            sqlx::query("VACUUM ANALYZE")
                .execute(&database.writer)
                .await
                .unwrap();
            println!("VACUUM ANALYZE in {:.1?}", started.elapsed());
        }
        samples
    };
    let store = HelplineStore {
        database: database.clone(),
    };
    let staff = StaffMember {
        id: "bench".to_owned(),
        email: "bench@example.gov.uk".to_owned(),
        name: "Bench".to_owned(),
        roles: vec![Role::Helpline],
        active: true,
        manager_id: None,
        away_until: None,
    };
    let run = |kind: Option<SearchKind>| {
        let store = &store;
        let staff = &staff;
        move |q: String| async move {
            let query = classify(&q, kind).unwrap();
            store.search(&query, staff, 25).await.unwrap().len()
        }
    };
    let pick = |f: fn(&Row) -> String| samples.iter().map(f).collect::<Vec<_>>();
    println!(
        "searches over {cases} cases, {} parties ({} samples each, 25 results at most, \
         \"Anything\" unless said):",
        cases * 2,
        samples.len()
    );
    time("reference", &pick(|r| r.reference.clone()), run(None)).await;
    time(
        "reference, one wrong character",
        &pick(|r| mistype(&r.reference)),
        |q: String| {
            let store = &store;
            let staff = &staff;
            async move {
                let likely: Vec<String> = likely_intended(&q)
                    .iter()
                    .map(|r| r.as_str().to_owned())
                    .collect();
                store.existing(&likely, staff).await.unwrap().len()
            }
        },
    )
    .await;
    time(
        "surname (\"walker\")",
        &pick(|r| r.last.to_lowercase()),
        run(None),
    )
    .await;
    time(
        "surname, two letters swapped (\"wlaker\")",
        &pick(|r| swapped(&r.last)),
        run(None),
    )
    .await;
    time(
        "surname, a letter missing (\"walkr\")",
        &pick(|r| r.last[..r.last.len() - 2].to_owned() + &r.last[r.last.len() - 1..]),
        run(None),
    )
    .await;
    time("first name and surname", &pick(Row::name), run(None)).await;
    time(
        "first name and surname, one typo (\"alex wlaker\")",
        &pick(|r| format!("{} {}", r.first, swapped(&r.last))),
        run(None),
    )
    .await;
    time(
        "organisation words (\"Walker Council\")",
        &pick(|r| {
            r.organisation
                .split(' ')
                .take(2)
                .collect::<Vec<_>>()
                .join(" ")
        }),
        run(None),
    )
    .await;
    time(
        "two words never on one party",
        &pick(|r| format!("{} Zebedee", r.last)),
        run(None),
    )
    .await;
    time(
        "two common words never on one party",
        &pick(|r| format!("{} Council", r.first)),
        run(None),
    )
    .await;
    time("email", &pick(|r| r.email.to_uppercase()), run(None)).await;
    time(
        "phone",
        &pick(|r| format!("+44 {}", &r.phone[1..])),
        run(None),
    )
    .await;
    time(
        "name's start (\"Alex Wal\", person mode)",
        &pick(|r| format!("{} {}", r.first, &r.last[..3])),
        run(Some(SearchKind::Name)),
    )
    .await;
}
