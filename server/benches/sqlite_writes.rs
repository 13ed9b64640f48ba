//! How long a write waits on SQLite under a steady mix of reads and writes (a benchmark that
//! prints figures, not a pass/fail test): journey saves (the most frequent write of the public
//! journeys) from W tasks and journey loads from R tasks, on the portal's own pool, for S
//! seconds. Prints the writes' latency percentiles and longest, and how many took over 1 s.
//!
//! SQLite lets one connection write at a time; the others wait in its busy handler, which polls
//! with sleeps of up to 100 ms, so a write can lose the race again and again. `serial` is the
//! portal as it runs: one writing connection (`Database::writer`), for which writers queue in
//! order. `free` gives the writers 8 connections to race on, as the portal had before.
//!
//! `cargo bench --profile dev -p server --bench sqlite_writes -- <serial|free> [S] [W] [R]`

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::{Duration, Instant};

use app::ports::{Journey, JourneyStore};
use server::db::Database;

const JOURNEYS: usize = 10_000;

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let serial = args.iter().any(|arg| arg == "serial");
    let numbers: Vec<u64> = args.iter().filter_map(|arg| arg.parse().ok()).collect();
    let seconds = numbers.first().copied().unwrap_or(30);
    let writers = numbers.get(1).copied().unwrap_or(16);
    let readers = numbers.get(2).copied().unwrap_or(48);
    let folder = std::env::temp_dir().join(format!("portal-writes-bench-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let url = format!("sqlite://{}/bench.db?mode=rwc", folder.display());
    let writing = if serial { 1 } else { 8 };
    let database = Database::connect_with_writers(&url, writing).await.unwrap();
    let journey = Journey::default();
    for n in 0..JOURNEYS {
        database.save(&id(n), &journey).await.unwrap();
    }

    let end = Instant::now() + Duration::from_secs(seconds);
    let mut tasks = Vec::new();
    for task in 0..writers + readers {
        let database = database.clone();
        let writes = task < writers;
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut n = task as usize * 7_919 % JOURNEYS;
            let journey = Journey::default();
            while Instant::now() < end {
                n = (n * 31 + 17) % JOURNEYS;
                let started = Instant::now();
                if writes {
                    database.save(&id(n), &journey).await.unwrap();
                    latencies.push(started.elapsed());
                } else {
                    database.load(&id(n)).await.unwrap();
                }
            }
            latencies
        }));
    }
    let mut latencies = Vec::new();
    for task in tasks {
        latencies.extend(task.await.unwrap());
    }
    latencies.sort();
    let at = |fraction: f64| {
        let index = ((latencies.len() as f64 * fraction) as usize).min(latencies.len() - 1);
        latencies[index].as_secs_f64() * 1000.0
    };
    let over_a_second = latencies
        .iter()
        .filter(|latency| **latency > Duration::from_secs(1))
        .count();
    println!(
        "{} writers ({}), {readers} readers, {seconds} s: {} writes ({:.0}/s); \
         p50 {:.1} ms, p99 {:.1} ms, p99.9 {:.1} ms, longest {:.1} ms; {over_a_second} over 1 s",
        writers,
        if serial { "serial" } else { "free" },
        latencies.len(),
        latencies.len() as f64 / seconds as f64,
        at(0.5),
        at(0.99),
        at(0.999),
        latencies.last().map_or(0.0, |l| l.as_secs_f64() * 1000.0),
    );
    let _ = std::fs::remove_dir_all(&folder);
}

fn id(n: usize) -> String {
    format!("{n:032x}")
}
