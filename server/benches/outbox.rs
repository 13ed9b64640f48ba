//! The outbox at scale (a benchmark that prints figures, not a pass/fail test), on a fresh SQLite
//! database:
//!
//! 1. **Drain**: N acknowledgements (default 10,000) queued at once are sent by the real worker
//!    (`deliver_due`) through lettre's SMTP transport to a local SMTP server (a minimal sink in
//!    this file that answers every command as a real server would and reads each message to its
//!    end). Prints messages per second.
//! 2. **Idempotent retry**: M cases (default 1,000,000), each with its acknowledgement in the
//!    outbox, then the lookup a repeated hand-in makes (the case by its idempotency key, joined
//!    to its acknowledgement by case): median and worst of 1,000 lookups.
//!
//! `cargo bench -p server --bench outbox -- 10000 1000000`
//! (`PORTAL_BENCH_DIR` chooses the folder; the database is left there for inspection.)

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::time::{Duration, Instant};

use server::db::Database;
use server::mail::{deliver_due, MailConfig, Mailer};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

const ROWS_PER_INSERT: usize = 200;

#[tokio::main]
async fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|arg| arg.parse().ok())
        .collect();
    let messages = args.first().copied().unwrap_or(10_000);
    let cases = args.get(1).copied().unwrap_or(1_000_000);
    let folder = std::env::var("PORTAL_BENCH_DIR").unwrap_or_else(|_| {
        std::env::temp_dir()
            .join(format!("portal-outbox-bench-{}", std::process::id()))
            .display()
            .to_string()
    });
    std::fs::create_dir_all(&folder).unwrap();
    let database = Database::connect(&format!("sqlite://{folder}/bench.db?mode=rwc"))
        .await
        .unwrap();

    drain(&database, messages).await;
    retry_lookup(&database, cases).await;
}

async fn drain(database: &Database, messages: usize) {
    let port = smtp_sink().await;
    let mailer = Mailer::new(
        &MailConfig::Smtp(format!("smtp://127.0.0.1:{port}")),
        "Information Commissioner's Office <noreply@example.gov.uk>",
    )
    .unwrap();
    let payload = serde_json::json!({
        "to": "person@example.org",
        "name": "Sam Example",
        "reference": "IC-000001-ABCD",
        "contact_promised_by": "2026-04-13",
    })
    .to_string();
    let mut queued = 0;
    while queued < messages {
        let rows = ROWS_PER_INSERT.min(messages - queued);
        let values: Vec<String> = (0..rows)
            .map(|i| format!("('m{}', 'acknowledgement', $1, 0, 0, 0)", queued + i))
            .collect();
        sqlx::query(&format!(
            "INSERT INTO outbox (id, kind, payload, created_at, attempts, next_attempt_at) VALUES {}",
            values.join(", ")
        ))
        .bind(&payload)
        .execute(&database.pool)
        .await
        .unwrap();
        queued += rows;
    }
    let started = Instant::now();
    let sent = deliver_due(database, &mailer).await.unwrap();
    let took = started.elapsed();
    assert_eq!(sent, messages, "every message sent");
    println!(
        "drain: {sent} acknowledgements sent to a local SMTP server in {:.2} s: {:.0} emails/s",
        took.as_secs_f64(),
        sent as f64 / took.as_secs_f64()
    );
}

/// A local SMTP server that accepts every message; returns its port.
async fn smtp_sink() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 sink ESMTP\r\n").await.ok()?;
                let mut in_data = false;
                while let Ok(Some(line)) = lines.next_line().await {
                    if in_data {
                        if line == "." {
                            in_data = false;
                            write.write_all(b"250 2.0.0 queued\r\n").await.ok()?;
                        }
                        continue;
                    }
                    let command = line.get(..4).unwrap_or("").to_ascii_uppercase();
                    let answer: &[u8] = match command.as_str() {
                        "EHLO" => b"250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n",
                        "DATA" => {
                            in_data = true;
                            b"354 go ahead\r\n"
                        }
                        "QUIT" => {
                            write.write_all(b"221 bye\r\n").await.ok()?;
                            return Some(());
                        }
                        _ => b"250 OK\r\n",
                    };
                    write.write_all(answer).await.ok()?;
                }
                Some(())
            });
        }
    });
    port
}

async fn retry_lookup(database: &Database, cases: usize) {
    let started = Instant::now();
    let mut made = 0;
    while made < cases {
        let mut tx = database.pool.begin().await.unwrap();
        let end = (made + 50_000).min(cases);
        while made < end {
            let rows = ROWS_PER_INSERT.min(end - made);
            let case_values: Vec<String> = (made..made + rows)
                .map(|i| {
                    format!(
                        "('c{i}', 'IC-{i:07}-BNCH', 'key-{i}', 'RFA', 'intake', 'normal', 'web', \
                         'open', '2026-03-02', '2026-03-09', '2026-03-16', '2026-04-13', \
                         '2026-09-02', '{{}}', 0)"
                    )
                })
                .collect();
            sqlx::query(&format!(
                "INSERT INTO cases (id, reference, idempotency_key, case_type, work_queue, priority, \
                 channel, status, created_on, assign_by, first_contact_due, contact_promised_by, \
                 close_by, answers, created_at) VALUES {}",
                case_values.join(", ")
            ))
            .execute(&mut *tx)
            .await
            .unwrap();
            let outbox_values: Vec<String> = (made..made + rows)
                .map(|i| format!("('a{i}', 'c{i}', 'acknowledgement', '{{}}', 0, 1, 0, 0)"))
                .collect();
            sqlx::query(&format!(
                "INSERT INTO outbox (id, case_id, kind, payload, created_at, attempts, \
                 next_attempt_at, sent_at) VALUES {}",
                outbox_values.join(", ")
            ))
            .execute(&mut *tx)
            .await
            .unwrap();
            made += rows;
        }
        tx.commit().await.unwrap();
    }
    println!(
        "retry: {cases} cases with their acknowledgements made in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let mut times: Vec<Duration> = Vec::new();
    for n in 0..1000 {
        let key = format!("key-{}", (n * 7919) % cases);
        let asked = Instant::now();
        let found = sqlx::query(
            "SELECT c.id, c.reference, o.payload FROM cases c LEFT JOIN outbox o \
             ON o.case_id = c.id AND o.kind IN ('acknowledgement', 'breach_copy') \
             WHERE c.idempotency_key = $1",
        )
        .bind(&key)
        .fetch_optional(&database.pool)
        .await
        .unwrap();
        times.push(asked.elapsed());
        assert!(found.is_some(), "{key}");
    }
    times.sort();
    println!(
        "retry: the case for an idempotency key, with its acknowledgement, among {cases}: \
         median {:.3} ms, worst {:.3} ms (1,000 lookups)",
        times[times.len() / 2].as_secs_f64() * 1000.0,
        times[times.len() - 1].as_secs_f64() * 1000.0
    );
}
