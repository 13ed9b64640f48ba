//! Killing the server during submissions loses no acknowledged case and leaves no half case:
//! the real binary is started, sent submissions at once, killed with SIGKILL mid-flight, and
//! started again on the same database.

use std::collections::BTreeMap;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use server::db::Database;

const SUBMISSIONS: usize = 120;

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start(database_url: &str, port: u16, scratch: &std::path::Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_server"))
        .env("PORTAL_DATABASE_URL", database_url)
        .env("PORTAL_FIXED_TODAY", "2026-03-02")
        .env("PORTAL_DEVELOPMENT", "true")
        .env("PORTAL_FILE_DIR", scratch.join("files"))
        .env("PORTAL_MAIL_DIR", scratch.join("mail"))
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("LEPTOS_SITE_ROOT", scratch.join("site"))
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server binary starts")
}

async fn wait_for_health(client: &reqwest::Client, url: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Ok(response) = client.get(format!("{url}/health")).send().await {
            if response.status().is_success() {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the server did not start at {url}");
}

fn body(n: usize) -> String {
    serde_json::json!({
        "route": "foi",
        "organisation": {"name": format!("Authority {n}"), "public_authority": true, "sector": "central_government"},
        "raised_on": "2025-12-01",
        "customer": {"name": format!("Person {n}"), "email": format!("person{n}@example.org")},
        "summary": "They never answered my request.",
    })
    .to_string()
}

async fn submit(client: &reqwest::Client, url: &str, n: usize) -> Option<String> {
    let response = client
        .post(format!("{url}/api/v1/cases"))
        .bearer_auth("local-development-key")
        .header("idempotency-key", format!("crash-{n}"))
        .header("content-type", "application/json")
        .body(body(n))
        .send()
        .await
        .ok()?;
    if !response.status().is_success() {
        return None;
    }
    let json: serde_json::Value = response.json().await.ok()?;
    json["reference"].as_str().map(str::to_owned)
}

#[tokio::test]
async fn killing_the_server_mid_submission_loses_no_acknowledged_case_and_leaves_no_half_case() {
    let scratch = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("crash-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).unwrap();
    let database_url = crate::support::database_url().await;
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    let mut server = start(&database_url, port, &scratch);
    wait_for_health(&client, &url).await;

    // Send every submission at once; kill the server once some are acknowledged.
    let acknowledged = Arc::new(AtomicUsize::new(0));
    let mut tasks = Vec::new();
    for n in 0..SUBMISSIONS {
        let (client, url, acknowledged) = (client.clone(), url.clone(), acknowledged.clone());
        tasks.push(tokio::spawn(async move {
            let reference = submit(&client, &url, n).await;
            if reference.is_some() {
                acknowledged.fetch_add(1, Ordering::SeqCst);
            }
            (n, reference)
        }));
    }
    let deadline = Instant::now() + Duration::from_secs(30);
    while acknowledged.load(Ordering::SeqCst) < 10 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    server.kill().expect("SIGKILL");
    server.wait().unwrap();
    let mut before: BTreeMap<usize, String> = BTreeMap::new();
    for task in tasks {
        if let (n, Some(reference)) = task.await.unwrap() {
            before.insert(n, reference);
        }
    }
    assert!(
        !before.is_empty(),
        "some submissions were acknowledged before the kill"
    );
    assert!(
        before.len() < SUBMISSIONS,
        "the kill came mid-flight ({} of {SUBMISSIONS} acknowledged)",
        before.len()
    );

    // Nothing half written.
    let database = Database::connect(&database_url).await.unwrap();
    assert_eq!(database.half_case_count().await.unwrap(), 0);
    let (cases_after_kill, _, outbox_after_kill) = database.intake_counts().await.unwrap();
    assert_eq!(
        cases_after_kill, outbox_after_kill,
        "one acknowledgement per case"
    );
    assert!(cases_after_kill >= i64::try_from(before.len()).unwrap());

    // Restart and retry everything with the same keys: acknowledged cases keep their
    // references, and each key makes exactly one case.
    let mut server = start(&database_url, port, &scratch);
    wait_for_health(&client, &url).await;
    for n in 0..SUBMISSIONS {
        let reference = submit(&client, &url, n).await.expect("retry succeeds");
        if let Some(first) = before.get(&n) {
            assert_eq!(&reference, first, "submission {n} kept its reference");
        }
    }
    let (cases, parties, outbox) = database.intake_counts().await.unwrap();
    assert_eq!(cases, i64::try_from(SUBMISSIONS).unwrap());
    assert_eq!(parties, cases * 2);
    assert_eq!(outbox, cases);
    assert_eq!(database.half_case_count().await.unwrap(), 0);
    server.kill().unwrap();
    server.wait().unwrap();
    crate::support::drop_database(&database_url).await;
    println!(
        "killed after {} of {SUBMISSIONS} acknowledged; {cases_after_kill} cases committed at the kill",
        before.len()
    );
}
