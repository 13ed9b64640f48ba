//! Throttles and quotas through HTTP, on SQLite or PostgreSQL, with small quotas set for the
//! test: a client's anonymous posts beyond its quota get 429 with a plain page and
//! `Retry-After`, and what was saved stays; guesses of breach references are throttled per
//! client and per reference; "save and come back later" emails per client and per address;
//! sign-in per client and overall; `X-Forwarded-For` counts only from a trusted proxy; a client
//! that sends half a request line is disconnected after the header read timeout.

use std::time::{Duration, Instant};

use server::http::throttle::{Rate, ThrottleSettings, TrustedProxies};
use server::Config;
use sqlx::Row;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use app::domain::case::Reference;

use crate::breach_journey::{outbox, start, text};
use crate::support::{browser, database_url, date, location, spawn_portal_with, TestPortal};

async fn portal_with(throttles: ThrottleSettings) -> TestPortal {
    spawn_portal_with(Config {
        database_url: database_url().await,
        fixed_today: Some(date(2026, 3, 2)),
        throttles,
        ..Config::default()
    })
    .await
}

/// Posts a form as a browser would, as the client `forwarded_for` when that is given.
async fn post_as(
    portal: &TestPortal,
    client: &reqwest::Client,
    forwarded_for: Option<&str>,
    path: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let mut request = client
        .post(format!("{}{path}", portal.url))
        .header("origin", &portal.url)
        .header("accept", "text/html")
        .form(fields);
    if let Some(address) = forwarded_for {
        request = request.header("x-forwarded-for", address);
    }
    request.send().await.unwrap()
}

/// Checks a 429: the plain page, `Retry-After` in whole seconds, nothing cached.
async fn assert_too_many(response: reqwest::Response) -> u64 {
    assert_eq!(response.status().as_u16(), 429);
    let retry_after: u64 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry_after >= 1);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let page = response.text().await.unwrap();
    assert!(page.contains("<title>Too many requests"), "{page}");
    assert!(page.contains("You have sent too many requests"), "{page}");
    assert!(
        page.contains("Anything you had already saved is kept"),
        "{page}"
    );
    assert!(!page.contains("<script"), "{page}");
    assert!(
        !page.contains("throttle."),
        "every text is translated: {page}"
    );
    retry_after
}

async fn journey_data(portal: &TestPortal) -> Vec<String> {
    sqlx::query("SELECT data FROM journeys ORDER BY id")
        .fetch_all(&portal.database.pool)
        .await
        .unwrap()
        .iter()
        .map(|row| row.try_get::<String, _>("data").unwrap())
        .collect()
}

#[tokio::test]
async fn a_clients_anonymous_posts_beyond_the_quota_get_429_and_what_was_saved_stays() {
    let portal = portal_with(ThrottleSettings {
        posts_per_client: Rate::per(5, 3600),
        ..ThrottleSettings::default()
    })
    .await;
    let started = Instant::now();
    let answers = [
        ("about", "subject_access"),
        ("organisation", "Acme Energy"),
        ("organisation-country", "uk"),
        ("raised", "no"),
        ("organisation", "Acme Energy"),
    ];
    for (step, value) in answers {
        // A made-up X-Forwarded-For changes nothing: no proxy is trusted.
        let response = post_as(
            &portal,
            &portal.client,
            Some(&format!("198.51.100.{}", step.len())),
            "/api/concern/answer",
            &[("step", step), ("value", value)],
        )
        .await;
        assert_eq!(response.status().as_u16(), 302, "{step}");
    }
    let saved = journey_data(&portal).await;
    assert_eq!(saved.len(), 1);
    let refused = post_as(
        &portal,
        &portal.client,
        Some("203.0.113.77"),
        "/api/concern/answer",
        &[("step", "organisation"), ("value", "Other Company")],
    )
    .await;
    let retry_after = assert_too_many(refused).await;
    println!(
        "429 after 5 posts in {:?}, Retry-After {retry_after} s",
        started.elapsed()
    );
    assert!(
        (700..=720).contains(&retry_after),
        "one post every 12 minutes: {retry_after}"
    );
    // Nothing already saved changed, and the pages still show it.
    assert_eq!(journey_data(&portal).await, saved);
    let (status, page) = portal.page("/concern/check").await;
    assert_eq!(status, 200);
    assert!(page.contains("Acme Energy"), "{page}");
    // A second browser on the same address shares its quota.
    let other = browser();
    let response = post_as(
        &portal,
        &other,
        None,
        "/api/concern/answer",
        &[("step", "about"), ("value", "subject_access")],
    )
    .await;
    assert_eq!(
        response.status().as_u16(),
        429,
        "the same address shares its quota"
    );
    // Staff posts and the keyed API are not anonymous posts: no 429 from this throttle.
    let sign_in = post_as(
        &portal,
        &other,
        None,
        "/staff/api/sign-in",
        &[
            ("email", "x@example.gov.uk"),
            ("password", "wrong password!"),
        ],
    )
    .await;
    assert_eq!(sign_in.status().as_u16(), 302);
}

#[tokio::test]
async fn guesses_of_breach_references_are_throttled_per_client_and_per_reference() {
    let portal = portal_with(ThrottleSettings {
        lookups_per_client: Rate::per(5, 3600),
        lookups_per_reference: Rate::per(3, 3600),
        trusted_proxies: TrustedProxies::parse("127.0.0.1").unwrap(),
        ..ThrottleSettings::default()
    })
    .await;
    let client = browser();
    let started = Instant::now();
    let follow_up = "/report-breach/api/follow-up";
    for guess in 0..5 {
        let reference = Reference::generate(100 + guess, [1, 2, 3])
            .as_str()
            .to_owned();
        let response = post_as(
            &portal,
            &client,
            Some("198.51.100.1"),
            follow_up,
            &[
                ("reference", reference.as_str()),
                ("email", "dpo@example.org"),
                ("text", "More detail."),
            ],
        )
        .await;
        assert_eq!(response.status().as_u16(), 302, "guess {guess}");
        assert_eq!(location(&response), "/report-breach/follow-up");
    }
    let guessed = Reference::generate(999, [4, 5, 6]).as_str().to_owned();
    let fields = [
        ("reference", guessed.as_str()),
        ("email", "dpo@example.org"),
        ("text", "More detail."),
    ];
    let sixth = post_as(&portal, &client, Some("198.51.100.1"), follow_up, &fields).await;
    let retry_after = assert_too_many(sixth).await;
    println!(
        "reference guesses: 429 on the 6th in {:?}, Retry-After {retry_after} s",
        started.elapsed()
    );
    // Opening saved-report links draws on the same bucket.
    let resume = post_as(
        &portal,
        &client,
        Some("198.51.100.1"),
        "/report-breach/api/resume",
        &[("token", &"a".repeat(64))],
    )
    .await;
    assert_too_many(resume).await;
    // Behind the trusted proxy, another client has its own bucket...
    let other = post_as(&portal, &client, Some("198.51.100.2"), follow_up, &fields).await;
    assert_eq!(other.status().as_u16(), 302);
    // ...but one reference tried from many clients is throttled too (3 an hour here).
    for n in 3..5 {
        let client_address = format!("198.51.100.{n}");
        let response = post_as(&portal, &client, Some(&client_address), follow_up, &fields).await;
        assert_eq!(response.status().as_u16(), 302);
    }
    let spread = post_as(&portal, &client, Some("198.51.100.9"), follow_up, &fields).await;
    assert_too_many(spread).await;
    // The reference is compared as the form reads it: any case, dashes and spaces anywhere.
    let written = format!(" {} ", guessed.to_lowercase().replace('-', " "));
    let lower = [
        ("reference", written.as_str()),
        ("email", "a@b.org"),
        ("text", "x"),
    ];
    let response = post_as(&portal, &client, Some("198.51.100.10"), follow_up, &lower).await;
    assert_eq!(response.status().as_u16(), 429);
}

#[tokio::test]
async fn save_and_come_back_later_emails_are_limited_per_address_and_per_client() {
    let portal = portal_with(ThrottleSettings {
        save_emails_per_address: Rate::per(2, 86_400),
        save_emails_per_client: Rate::per(3, 86_400),
        trusted_proxies: TrustedProxies::parse("127.0.0.0/8").unwrap(),
        ..ThrottleSettings::default()
    })
    .await;
    let save = "/report-breach/api/save";
    let mut sent = 0;
    // One address, asked for from two clients: two emails, then 429.
    for client_address in ["198.51.100.1", "198.51.100.2"] {
        let browser = browser();
        start(&portal, &browser).await;
        let response = post_as(
            &portal,
            &browser,
            Some(client_address),
            save,
            &[("email", "Victim@Example.org")],
        )
        .await;
        assert_eq!(location(&response), "/report-breach/report/saved");
        sent += 1;
    }
    let browser = browser();
    start(&portal, &browser).await;
    let third = post_as(
        &portal,
        &browser,
        Some("198.51.100.3"),
        save,
        &[("email", " victim@example.org")],
    )
    .await;
    assert_too_many(third).await;
    assert_eq!(outbox(&portal, "breach_resume").await.len(), sent);
    // One client, many addresses: three asked for (the refused one above counts), then 429.
    for n in 0..2 {
        let response = post_as(
            &portal,
            &browser,
            Some("198.51.100.3"),
            save,
            &[("email", &format!("person{n}@example.org"))],
        )
        .await;
        assert_eq!(location(&response), "/report-breach/report/saved");
        sent += 1;
    }
    let response = post_as(
        &portal,
        &browser,
        Some("198.51.100.3"),
        save,
        &[("email", "person9@example.org")],
    )
    .await;
    assert_too_many(response).await;
    assert_eq!(outbox(&portal, "breach_resume").await.len(), sent);
    // The draft is still there.
    let page = text(&portal, &browser, "/report-breach/report").await;
    assert!(page.contains("of 9 parts"), "{page}");
}

#[tokio::test]
async fn sign_in_is_throttled_per_client_and_for_everyone() {
    let portal = portal_with(ThrottleSettings {
        sign_in_per_client: Rate::per(3, 3600),
        sign_in_global: Rate::per(5, 3600),
        trusted_proxies: TrustedProxies::parse("127.0.0.1, ::1").unwrap(),
        ..ThrottleSettings::default()
    })
    .await;
    let client = browser();
    let fields = [
        ("email", "nobody@example.gov.uk"),
        ("password", "wrong password!"),
        ("next", "/staff"),
    ];
    let path = "/staff/api/sign-in";
    for _ in 0..3 {
        let response = post_as(&portal, &client, Some("198.51.100.1"), path, &fields).await;
        assert_eq!(response.status().as_u16(), 302);
    }
    let fourth = post_as(&portal, &client, Some("198.51.100.1"), path, &fields).await;
    assert_too_many(fourth).await;
    // Other clients: two more in all, then everyone waits.
    for n in 2..4 {
        let response = post_as(
            &portal,
            &client,
            Some(&format!("198.51.100.{n}")),
            path,
            &fields,
        )
        .await;
        assert_eq!(response.status().as_u16(), 302);
    }
    let anyone = post_as(&portal, &client, Some("192.0.2.50"), path, &fields).await;
    assert_too_many(anyone).await;
}

#[tokio::test]
async fn a_client_that_sends_half_a_request_line_is_disconnected_after_the_header_timeout() {
    let portal = spawn_portal_with(Config {
        database_url: database_url().await,
        fixed_today: Some(date(2026, 3, 2)),
        header_read_timeout: Duration::from_secs(1),
        ..Config::default()
    })
    .await;
    let address = portal.url.trim_start_matches("http://").to_owned();
    // A whole request is answered as usual.
    let (status, _) = portal.page("/health").await;
    assert_eq!(status, 200);
    for half in ["GET /hea", ""] {
        let mut stream = tokio::net::TcpStream::connect(&address).await.unwrap();
        stream.write_all(half.as_bytes()).await.unwrap();
        let started = Instant::now();
        let mut buffer = [0u8; 1024];
        let read = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut buffer))
            .await
            .expect("disconnected before 10 s");
        let took = started.elapsed();
        println!("sent {half:?} and waited: disconnected after {took:?}");
        // Closed (perhaps after a 408 answer), within the timeout and a margin.
        let answer = String::from_utf8_lossy(&buffer[..read.unwrap_or(0)]).into_owned();
        assert!(
            answer.is_empty() || answer.starts_with("HTTP/1.1 408"),
            "{answer}"
        );
        assert!(took >= Duration::from_millis(900), "{took:?}");
        assert!(took < Duration::from_secs(3), "{took:?}");
    }
}
