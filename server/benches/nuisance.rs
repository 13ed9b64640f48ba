//! Nuisance reports at scale (a benchmark that prints figures, not a pass/fail test).
//!
//! Loads realistic reports through the real write path into a fresh SQLite database, growing it
//! to each scale in turn, and prints at each: the load rate, the repeat-offender query time
//! (median and worst of repeated runs, for 7, 30 and 365 days, every kind and numbers only) and
//! the bytes stored per report.
//!
//! The data is built from the UCI SMS Spam Collection (real UK spam texts and the numbers they
//! quote, `app/data/nuisance/`): its 398 numbers plus numbers in the same ranges make the
//! callers, the spam texts are the messages, and reports follow campaigns: each offender is
//! active for a while, and a few offenders send most of the spam (Zipf, s = 1.05).
//!
//! `cargo bench -p server --bench nuisance -- 100000 1000000 10000000`
//! (`PORTAL_BENCH_DIR` chooses the folder; the database is left there for inspection.)

use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate, Utc};
use server::db::nuisance::{NewIncident, NewNuisanceReport, OffenderQuery, OffenderRef};
use server::db::Database;

const SPAM: &str = include_str!("data/SMSSpamCollection.tsv");
const NUMBERS: &str = include_str!("../../app/data/nuisance/uk-numbers-in-sms-collection.csv");
const CALLERS: usize = 40_000;
const COMPANIES: usize = 3_000;
const DAYS: u64 = 365;
const BATCH: usize = 1_000;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// Draws ranks 0..n with probability proportional to 1 / (rank + 1)^s.
struct Zipf(Vec<f64>);

impl Zipf {
    fn new(n: usize, s: f64) -> Zipf {
        let mut total = 0.0;
        let cumulative = (1..=n)
            .map(|rank| {
                total += 1.0 / (rank as f64).powf(s);
                total
            })
            .collect::<Vec<_>>();
        Zipf(cumulative.into_iter().map(|c| c / total).collect())
    }
    fn draw(&self, rng: &mut Rng) -> usize {
        let u = (rng.next() >> 11) as f64 / (1u64 << 53) as f64;
        self.0.partition_point(|c| *c < u).min(self.0.len() - 1)
    }
}

/// An offender and the days it is active (its campaign).
struct Campaign {
    offender: OffenderRef,
    start: u64,
    length: u64,
}

struct Population {
    callers: Vec<Campaign>,
    companies: Vec<Campaign>,
    texts: Vec<String>,
    caller_rank: Zipf,
    company_rank: Zipf,
}

fn population(rng: &mut Rng) -> Population {
    let mut numbers: Vec<String> = NUMBERS
        .lines()
        .skip(1)
        .filter_map(|line| line.split(',').nth(1))
        .map(|n| n.trim().to_owned())
        .filter(|n| n.len() == 11 && n.starts_with('0'))
        .collect();
    numbers.sort();
    numbers.dedup();
    let seeds = numbers.clone();
    while numbers.len() < CALLERS {
        // Another number in the same range as a real one: same first 7 digits.
        let seed = &seeds[rng.below(seeds.len() as u64) as usize];
        numbers.push(format!("{}{:04}", &seed[..7], rng.below(10_000)));
    }
    let campaign = |rng: &mut Rng| (rng.below(DAYS), 30 + rng.below(DAYS));
    let callers = numbers
        .iter()
        .map(|n| {
            let (start, length) = campaign(rng);
            Campaign {
                offender: OffenderRef {
                    kind: "number".to_owned(),
                    key: format!("+44{}", &n[1..]),
                    display: n.clone(),
                },
                start,
                length,
            }
        })
        .collect();
    let words = [
        "Prize",
        "Claims",
        "Mobile",
        "Energy",
        "Loans",
        "Direct",
        "Solutions",
        "Rewards",
    ];
    let companies = (0..COMPANIES)
        .map(|n| {
            let name = format!(
                "{} {} {n}",
                words[n % words.len()],
                words[(n / words.len()) % words.len()]
            );
            let (start, length) = campaign(rng);
            Campaign {
                offender: OffenderRef {
                    kind: "company".to_owned(),
                    key: name.to_lowercase(),
                    display: format!("{name} Ltd"),
                },
                start,
                length,
            }
        })
        .collect();
    let texts = SPAM
        .lines()
        .filter_map(|line| line.strip_prefix("spam\t"))
        .map(str::to_owned)
        .collect();
    Population {
        callers,
        companies,
        texts,
        caller_rank: Zipf::new(CALLERS, 1.05),
        company_rank: Zipf::new(COMPANIES, 1.05),
    }
}

fn day_in(campaign: &Campaign, rng: &mut Rng) -> u64 {
    (campaign.start + rng.below(campaign.length)) % DAYS
}

fn a_report(p: &Population, rng: &mut Rng, first_day: NaiveDate) -> NewNuisanceReport {
    let caller = &p.callers[p.caller_rank.draw(rng)];
    let day = day_in(caller, rng);
    let on = first_day
        .checked_add_days(Days::new(day))
        .unwrap_or(first_day);
    let mut offenders = vec![caller.offender.clone()];
    if rng.below(10) < 7 {
        offenders.push(p.companies[p.company_rank.draw(rng)].offender.clone());
    }
    let text = &p.texts[rng.below(p.texts.len() as u64) as usize];
    let channel = ["text", "text", "text", "live_call", "automated_call"][rng.below(5) as usize];
    NewNuisanceReport {
        idempotency_key: None,
        received_at: Utc::now(),
        received_on: on,
        source: "public".to_owned(),
        added_by: None,
        reporter: None,
        incidents: vec![NewIncident {
            channel: channel.to_owned(),
            occurred_at: on
                .and_hms_opt(8 + rng.below(12) as u32, rng.below(60) as u32, 0)
                .unwrap_or_default(),
            categories: vec![[
                "lottery_prizes",
                "accident_claims",
                "loans_credit",
                "telecoms",
            ][rng.below(4) as usize]
                .to_owned()],
            details: serde_json::json!({ "message": text, "from": caller.offender.display }),
            offenders,
        }],
    }
}

fn median_and_worst(mut times: Vec<Duration>) -> (Duration, Duration) {
    times.sort();
    (times[times.len() / 2], times[times.len() - 1])
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let scales: Vec<u64> = std::env::args()
        .skip(1)
        .filter_map(|a| a.replace('_', "").parse().ok())
        .collect();
    let scales = if scales.is_empty() {
        vec![100_000, 1_000_000]
    } else {
        scales
    };
    let folder = std::env::var("PORTAL_BENCH_DIR").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../target/bench-nuisance").into()
    });
    std::fs::create_dir_all(&folder)?;
    let path = format!("{folder}/nuisance.db");
    // `PORTAL_BENCH_REUSE=1` measures the database a previous run left (no loading up to its size).
    let reuse = std::env::var("PORTAL_BENCH_REUSE").is_ok_and(|v| v == "1");
    if !reuse {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{path}{suffix}"));
        }
    }
    let database = Database::connect(&format!("sqlite://{path}?mode=rwc")).await?;
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let population = population(&mut rng);
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
    let first_day = today.checked_sub_days(Days::new(DAYS - 1)).unwrap_or(today);
    println!(
        "nuisance reports benchmark: {CALLERS} numbers, {COMPANIES} companies, {DAYS} days, \
         {} real spam texts; SQLite, synchronous=FULL",
        population.texts.len()
    );
    use sqlx::Row;
    let mut stored = u64::try_from(
        sqlx::query("SELECT COUNT(*) AS n FROM nuisance_reports")
            .fetch_one(&database.pool)
            .await?
            .try_get::<i64, _>("n")?,
    )?;
    let already = stored;
    for scale in scales.into_iter().filter(|scale| *scale >= already) {
        let started = Instant::now();
        let loading = scale - stored;
        while stored < scale {
            let size = BATCH.min(usize::try_from(scale - stored).unwrap_or(BATCH));
            let batch: Vec<_> = (0..size)
                .map(|_| a_report(&population, &mut rng, first_day))
                .collect();
            for answer in database.record_nuisance_reports(&batch, 30).await {
                answer?;
            }
            stored += size as u64;
        }
        let load_rate = loading as f64 / started.elapsed().as_secs_f64().max(1e-9);
        let pages: i64 = sqlx::query("PRAGMA page_count")
            .fetch_one(&database.pool)
            .await?
            .try_get(0)?;
        let page_size: i64 = sqlx::query("PRAGMA page_size")
            .fetch_one(&database.pool)
            .await?
            .try_get(0)?;
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&database.pool)
            .await?;
        println!(
            "\n{stored} reports: {} {:.0} bytes per stored report",
            if loading > 0 {
                format!("loaded at {load_rate:.0} reports/s (batches of {BATCH});")
            } else {
                "(reused);".to_owned()
            },
            (pages * page_size) as f64 / stored as f64
        );
        for (days, kind) in [(7, None), (30, None), (30, Some("number")), (365, None)] {
            let query = OffenderQuery {
                kind: kind.map(str::to_owned),
                from: today.checked_sub_days(Days::new(days - 1)).unwrap_or(today),
                to: today,
                limit: 50,
                min_reports: 2,
            };
            let mut times = Vec::new();
            let mut top = 0;
            for _ in 0..15 {
                let started = Instant::now();
                let ranked = database.repeat_offenders(&query).await?;
                times.push(started.elapsed());
                top = ranked.first().map(|r| r.reports).unwrap_or(0);
            }
            let (median, worst) = median_and_worst(times);
            println!(
                "  repeat offenders, last {days:>3} days, {:<7}: median {:>7.2} ms, worst {:>7.2} ms (top: {top} reports)",
                kind.unwrap_or("all"),
                median.as_secs_f64() * 1e3,
                worst.as_secs_f64() * 1e3
            );
        }
    }
    Ok(())
}
