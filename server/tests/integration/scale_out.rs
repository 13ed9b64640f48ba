//! Scale-out: two portal processes (the real server binary) on one PostgreSQL behind a load
//! balancer that sends each new connection to the other process in turn. The client opens a new
//! connection for every request, so every request of a journey alternates between the two:
//! a concern handed in with its evidence, a breach report saved, resumed from its emailed link and
//! sent, and a member of staff signing in and working, with the sign-in lockout holding across
//! both. Nothing a request leaves behind may live only in the process that served it.
//!
//! PostgreSQL only (`PORTAL_TEST_DATABASE_URL`): SQLite is the one-process default.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use app::domain::staff::Role;
use tokio::net::{TcpListener, TcpStream};
use tokio::process::{Child, Command};

use crate::breach_journey::{self, PARTS};
use crate::staff::{add_staff, get, sign_in, PASSWORD};
use crate::submission::{hand_in_details, ready_subject_access};
use crate::support::{self, browser_without_pool, location, unique, TestPortal};

/// One portal process; killed when dropped.
struct Process {
    child: Child,
    address: SocketAddr,
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.start_kill();
    }
}

/// The processes' mail folder, removed at the end.
struct Folder(PathBuf);

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A free loopback port (the process binds it a moment later).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Starts the server binary on `database_url`, sharing `files` (the evidence store) and `mail`,
/// with links in emails pointing at the load balancer's `public_url`; waits until it is healthy.
async fn start_process(
    database_url: &str,
    files: &PathBuf,
    mail: &PathBuf,
    public_url: &str,
) -> Process {
    let port = free_port();
    let address: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    let site = concat!(env!("CARGO_MANIFEST_DIR"), "/../target/site");
    let child = Command::new(env!("CARGO_BIN_EXE_server"))
        .env("LEPTOS_SITE_ADDR", address.to_string())
        .env("LEPTOS_SITE_ROOT", site)
        .env("LEPTOS_OUTPUT_NAME", "portal")
        .env("PORTAL_DEVELOPMENT", "true")
        .env("PORTAL_DATABASE_URL", database_url)
        .env("PORTAL_FIXED_TODAY", "2026-03-02")
        .env("PORTAL_FILE_DIR", files)
        .env("PORTAL_MAIL_DIR", mail)
        .env("PORTAL_PUBLIC_URL", public_url)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("the server binary starts");
    let process = Process { child, address };
    let health = format!("http://{address}/health");
    for _ in 0..300 {
        if let Ok(response) = reqwest::get(&health).await {
            if response.status().is_success() {
                return process;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the portal process on {address} did not become healthy in 30 s");
}

/// A round-robin TCP load balancer: each new connection goes to the next backend.
struct Balancer {
    connections: Arc<[AtomicUsize; 2]>,
}

fn balancer(listener: TcpListener, backends: [SocketAddr; 2]) -> Balancer {
    let connections = Arc::new([AtomicUsize::new(0), AtomicUsize::new(0)]);
    let counted = connections.clone();
    tokio::spawn(async move {
        let mut next = 0;
        while let Ok((mut inbound, _)) = listener.accept().await {
            let backend = next % 2;
            next += 1;
            counted[backend].fetch_add(1, Ordering::SeqCst);
            let address = backends[backend];
            tokio::spawn(async move {
                if let Ok(mut outbound) = TcpStream::connect(address).await {
                    let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                }
            });
        }
    });
    Balancer { connections }
}

/// Two processes behind the balancer, and a test portal reached through it.
async fn two_processes() -> Option<(TestPortal, Balancer, [Process; 2], Folder)> {
    if std::env::var("PORTAL_TEST_DATABASE_URL").map_or(true, |url| url.is_empty()) {
        eprintln!("scale-out runs on PostgreSQL only (PORTAL_TEST_DATABASE_URL)");
        return None;
    }
    let database_url = support::database_url().await;
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let (files, mail) = (
        tmp.join(format!("files-{}", unique())),
        tmp.join(format!("mail-{}", unique())),
    );
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let public_url = format!("http://{}", listener.local_addr().unwrap());
    // Migrated once, before either process starts.
    let portal = support::reached_at(public_url.clone(), &database_url, files.clone()).await;
    let first = start_process(&database_url, &files, &mail, &public_url).await;
    let second = start_process(&database_url, &files, &mail, &public_url).await;
    let balancer = balancer(listener, [first.address, second.address]);
    Some((portal, balancer, [first, second], Folder(mail)))
}

/// Both processes served the requests, in turn.
fn assert_alternated(balancer: &Balancer, at_least: usize) {
    let [first, second] = [0, 1].map(|i| balancer.connections[i].load(Ordering::SeqCst));
    assert!(
        first >= at_least && second >= at_least && first.abs_diff(second) <= 1,
        "requests alternate between the processes: {first} and {second}"
    );
}

#[tokio::test]
async fn a_concern_a_breach_report_and_a_staff_day_alternate_between_two_processes() {
    let Some((portal, balancer, _processes, _mail)) = two_processes().await else {
        return;
    };

    // A concern, every answer and the upload served by the other process from the one before.
    ready_subject_access(&portal).await;
    hand_in_details(&portal, "Alex Example").await;
    let (status, check) = portal.page("/concern/submit").await;
    assert_eq!(status, 200);
    assert!(
        check.contains("my request.pdf"),
        "the upload is seen by both"
    );
    let submitted = portal.post_form("/api/concern/submit", &[]).await;
    assert_eq!(location(&submitted), "/concern/confirmation");
    let (_, confirmation) = portal.page("/concern/confirmation").await;
    assert!(confirmation.contains("data-testid=\"reference\""));
    assert_eq!(portal.database.intake_counts().await.unwrap().0, 1);
    assert_eq!(portal.database.document_count().await.unwrap(), 1);
    assert_alternated(&balancer, 13);

    // A breach report: started, saved, resumed from its link in another browser, sent.
    let first = browser_without_pool();
    breach_journey::start(&portal, &first).await;
    for (part, fields) in &PARTS[..4] {
        breach_journey::answer(&portal, &first, part, fields).await;
    }
    let saved = crate::staff::post(
        &portal,
        &first,
        "/report-breach/api/save",
        &[("email", "dpo@northshire.example.org")],
    )
    .await;
    assert_eq!(location(&saved), "/report-breach/report/saved");
    let links = breach_journey::outbox(&portal, "breach_resume").await;
    let link = links[0]["link"].as_str().unwrap().to_owned();
    assert!(link.starts_with(&portal.url), "the link names the balancer");
    let token = link.rsplit('/').next().unwrap().to_owned();
    let second = browser_without_pool();
    let resumed = crate::staff::post(
        &portal,
        &second,
        "/report-breach/api/resume",
        &[("token", &token)],
    )
    .await;
    assert_eq!(location(&resumed), "/report-breach/report");
    let page = breach_journey::text(&portal, &second, "/report-breach/report").await;
    assert!(page.contains("You have completed 4 of 9 parts."));
    for (part, fields) in &PARTS[4..] {
        breach_journey::answer(&portal, &second, part, fields).await;
    }
    for _ in 0..2 {
        let sent = crate::staff::post(&portal, &second, "/report-breach/api/send", &[]).await;
        assert_eq!(location(&sent), "/report-breach/report/sent");
    }
    let page = breach_journey::text(&portal, &second, "/report-breach/report/sent").await;
    assert!(page.contains("Northshire Primary School") || page.contains("COM"));
    assert_alternated(&balancer, 21);

    // Staff: a session made by one process is honoured by the other.
    add_staff(&portal, "ann@example.gov.uk", &[Role::CaseOfficer]).await;
    let staff = browser_without_pool();
    let signed = sign_in(&portal, &staff, "ann@example.gov.uk", PASSWORD).await;
    assert_eq!(location(&signed), "/staff");
    for _ in 0..4 {
        let home = get(&portal, &staff, "/staff").await;
        assert_eq!(home.status().as_u16(), 200, "signed in on both processes");
    }

    // The lockout counts failures on both processes: five wrong passwords, alternating, lock
    // the account on either.
    add_staff(&portal, "bo@example.gov.uk", &[Role::CaseOfficer]).await;
    let guesser = browser_without_pool();
    for _ in 0..5 {
        sign_in(&portal, &guesser, "bo@example.gov.uk", "wrong password!").await;
    }
    for _ in 0..2 {
        let right = sign_in(&portal, &guesser, "bo@example.gov.uk", PASSWORD).await;
        assert!(
            location(&right).contains("error=locked"),
            "{}",
            location(&right)
        );
    }
    assert_alternated(&balancer, 27);
}
