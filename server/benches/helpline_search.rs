//! The helpline console's search at scale (a benchmark that prints figures, not a pass/fail
//! test): builds N cases (default 1,000,000) in a fresh SQLite database, each with its customer
//! and organisation parties and current instance, inserted in bulk in transactions (the search
//! columns kept by migration 70's triggers, as in production), then times the console's searches
//! through the real store: a reference, a reference with one wrong character (check character and
//! the likely intended references that exist), a name's start, an email address, a phone number
//! and an organisation's start. Median and worst of repeated runs of each.
//!
//! `cargo bench -p server --bench helpline_search -- 1000000`
//! (`PORTAL_BENCH_DIR` chooses the folder; the database is left there for inspection.)

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::{Duration, Instant};

use app::domain::case::{likely_intended, Reference};
use app::domain::helpline::{classify, SearchKind};
use app::domain::staff::{Role, StaffMember};
use app::ports::HelplineWork;
use server::db::helpline::HelplineStore;
use server::db::Database;

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
const BATCH_ROWS: usize = 400;
const TRANSACTION_CASES: usize = 50_000;

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
    id: String,
    reference: String,
    name: String,
    email: String,
    phone: String,
    organisation: String,
}

fn row(n: usize, rng: &mut Rng) -> Row {
    let random = rng.next().to_le_bytes();
    let reference = Reference::generate(n as u32, [random[0], random[1], random[2]]);
    let (first, last) = (rng.pick(FIRST), rng.pick(LAST));
    let town = rng.pick(LAST);
    Row {
        id: format!("case-{n}"),
        reference: reference.as_str().to_owned(),
        name: format!("{first} {last}"),
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

async fn load(database: &Database, cases: usize) -> Vec<Row> {
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let mut samples = Vec::new();
    let started = Instant::now();
    let mut n = 1;
    while n <= cases {
        let mut tx = database.pool.begin().await.unwrap();
        let end = (n + TRANSACTION_CASES).min(cases + 1);
        while n < end {
            let rows: Vec<Row> = (n..(n + BATCH_ROWS).min(end))
                .map(|i| row(i, &mut rng))
                .collect();
            n += rows.len();
            let values = (0..rows.len())
                .map(|i| {
                    format!(
                        "(${a}, ${b}, 'RFA', '{{\"numbered\":8}}', 'normal', 'web', 'open', \
                         '2026-03-02', '2026-03-05', '2026-03-16', '2026-04-01', '2026-09-02', \
                         ${c}, '{{}}', 0, '2026-03-02')",
                        a = i * 3 + 1,
                        b = i * 3 + 2,
                        c = i * 3 + 3
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            let sql = format!(
                "INSERT INTO cases (id, reference, case_type, work_queue, priority, channel, status, \
                 created_on, assign_by, first_contact_due, contact_promised_by, close_by, \
                 organisation_name, answers, created_at, sifted_on) VALUES {values}"
            );
            let mut query = sqlx::query(&sql);
            for r in &rows {
                query = query.bind(&r.id).bind(&r.reference).bind(&r.organisation);
            }
            query.execute(&mut *tx).await.unwrap();

            let sql = format!(
                "INSERT INTO case_instances (id, case_id, number, opened_on) VALUES {}",
                (0..rows.len())
                    .map(|i| format!("(?{a} || '-1', ?{a}, 1, '2026-03-02')", a = i + 1))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            let mut query = sqlx::query(&sql);
            for r in &rows {
                query = query.bind(&r.id);
            }
            query.execute(&mut *tx).await.unwrap();

            let values = (0..rows.len() * 2)
                .map(|i| {
                    let b = i * 6;
                    format!(
                        "(?{}, ?{}, ?{}, ?{}, ?{}, ?{}, '{{}}')",
                        b + 1,
                        b + 2,
                        b + 3,
                        b + 4,
                        b + 5,
                        b + 6
                    )
                })
                .collect::<Vec<_>>()
                .join(", ");
            let sql = format!(
                "INSERT INTO parties (id, case_id, role, name, email, phone, details) VALUES {values}"
            );
            let mut query = sqlx::query(&sql);
            for r in &rows {
                query = query
                    .bind(format!("{}-c", r.id))
                    .bind(&r.id)
                    .bind("customer")
                    .bind(&r.name)
                    .bind(Some(r.email.clone()))
                    .bind(Some(r.phone.clone()));
                query = query
                    .bind(format!("{}-o", r.id))
                    .bind(&r.id)
                    .bind("organisation")
                    .bind(&r.organisation)
                    .bind(None::<String>)
                    .bind(None::<String>);
            }
            query.execute(&mut *tx).await.unwrap();
            let every = (cases / 50).max(1);
            samples.extend(rows.into_iter().filter(|r| {
                r.id[5..]
                    .parse::<usize>()
                    .is_ok_and(|n| n % every == 7 % every)
            }));
        }
        tx.commit().await.unwrap();
        eprintln!("  {} cases loaded ({:.0?})", n - 1, started.elapsed());
    }
    let elapsed = started.elapsed();
    println!(
        "loaded {cases} cases (with 2 parties and an instance each) in {:.1?}: {:.0} cases/s",
        elapsed,
        cases as f64 / elapsed.as_secs_f64()
    );
    samples
}

fn mistype(reference: &str) -> String {
    let mut chars: Vec<char> = reference.chars().collect();
    chars[5] = if chars[5] == '3' { '4' } else { '3' };
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
    println!(
        "{label:<36} median {:>8.2?}  worst {:>8.2?}  ({} searches, {found} results)",
        times[times.len() / 2],
        times[times.len() - 1],
        times.len()
    );
}

#[tokio::main]
async fn main() {
    let cases: usize = std::env::args()
        .skip(1)
        .find_map(|arg| arg.parse().ok())
        .unwrap_or(1_000_000);
    let dir = std::env::var("PORTAL_BENCH_DIR").unwrap_or_else(|_| "target/bench".to_owned());
    std::fs::create_dir_all(&dir).unwrap();
    let path = format!("{dir}/helpline-{cases}.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{path}{suffix}"));
    }
    let database = Database::connect(&format!("sqlite://{path}?mode=rwc"))
        .await
        .unwrap();
    let samples = load(&database, cases).await;
    sqlx::query("ANALYZE")
        .execute(&database.pool)
        .await
        .unwrap();
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
        "searches over {cases} cases ({} samples each):",
        samples.len()
    );
    time(
        "reference",
        &pick(|r| r.reference.clone()),
        run(Some(SearchKind::Reference)),
    )
    .await;
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
        "name (start: first name, surname's 1st letters)",
        &pick(|r| r.name[..r.name.len() - 2].to_owned()),
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
        "organisation (start)",
        &pick(|r| {
            r.organisation
                .split(' ')
                .take(2)
                .collect::<Vec<_>>()
                .join(" ")
        }),
        run(Some(SearchKind::Organisation)),
    )
    .await;
}
