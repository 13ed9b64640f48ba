//! The API's door, through HTTP on SQLite and PostgreSQL: keys carry scopes (403 without the
//! endpoint's, 401 without a known key), a case needs an `Idempotency-Key`, inbound mail is from
//! a party only on the receiving server's `Authentication-Results` and is answered the same
//! whether or not its reference exists; and a server function's garbage arguments get a plain 400.

use app::domain::case::Reference;
use serde_json::{json, Value};
use server::config::ApiKeys;
use server::Config;

use crate::casework_case::{concern, submit, MX};
use crate::support::{database_url, date, spawn_portal_with, TestPortal};

const CASES: &str = "cases-secret-00000001";
const NUISANCE: &str = "nuisance-secret-000001";
const MAIL: &str = "mail-secret-0000000001";

/// A portal with three keys of one scope each (no sandbox key), trusting [`MX`]'s results.
async fn scoped_portal() -> TestPortal {
    let keys = format!("desk:cases:{CASES},feed:nuisance:{NUISANCE},mta:mail:{MAIL}");
    spawn_portal_with(Config {
        database_url: database_url().await,
        fixed_today: Some(date(2026, 3, 2)),
        api_keys: ApiKeys::parse(&keys).unwrap(),
        mail_authserv_id: Some(MX.to_owned()),
        ..Config::default()
    })
    .await
}

async fn send(request: reqwest::RequestBuilder) -> (u16, Value) {
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

async fn post_case(
    portal: &TestPortal,
    key: Option<&str>,
    idempotency: Option<&str>,
) -> (u16, Value) {
    let body = concern("They never answered.", "alex@example.org", "Example Ltd");
    let mut request = portal
        .client
        .post(format!("{}/api/v1/cases", portal.url))
        .json(&body);
    if let Some(key) = key {
        request = request.bearer_auth(key);
    }
    if let Some(idempotency) = idempotency {
        request = request.header("idempotency-key", idempotency);
    }
    send(request).await
}

async fn post_report(portal: &TestPortal, key: &str) -> (u16, Value) {
    let request = portal
        .client
        .post(format!("{}/api/v1/nuisance-reports", portal.url))
        .bearer_auth(key)
        .json(&json!({"incidents": []}));
    send(request).await
}

async fn post_mail(portal: &TestPortal, key: &str, raw: &str) -> (u16, Value, String) {
    let response = portal
        .client
        .post(format!("{}/api/v1/inbound-email", portal.url))
        .bearer_auth(key)
        .header("content-type", "message/rfc822")
        .body(raw.to_owned())
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let headers = format!(
        "{:?} {:?}",
        response.headers().get("content-type"),
        response.headers().get("content-length")
    );
    let text = response.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
        headers,
    )
}

fn message(authentication_results: &[&str], from: &str, subject: &str) -> String {
    let mut raw = String::new();
    for header in authentication_results {
        raw.push_str(&format!("Authentication-Results: {header}\r\n"));
    }
    raw.push_str(&format!(
        "From: {from}\r\nTo: casework@localhost\r\nSubject: {subject}\r\n\r\nAbout my case.\r\n"
    ));
    raw
}

async fn case_count(portal: &TestPortal) -> i64 {
    use sqlx::Row;
    sqlx::query("SELECT COUNT(*) AS n FROM cases")
        .fetch_one(&portal.database.pool)
        .await
        .unwrap()
        .get::<i64, _>("n")
}

#[tokio::test]
async fn each_key_may_call_only_the_endpoints_of_its_scopes() {
    let portal = scoped_portal().await;
    let (status, answer) = post_case(&portal, Some(NUISANCE), Some("one")).await;
    assert_eq!(status, 403, "{answer}");
    assert_eq!(answer["error"], "forbidden");
    assert_eq!(answer["scope"], "cases");
    assert_eq!(post_case(&portal, Some(MAIL), Some("one")).await.0, 403);
    assert_eq!(case_count(&portal).await, 0, "nothing was stored");
    // No key, an unknown one, and the sandbox key (not configured here).
    assert_eq!(post_case(&portal, None, Some("one")).await.0, 401);
    assert_eq!(
        post_case(&portal, Some("not-a-key-at-all-00"), Some("one"))
            .await
            .0,
        401
    );
    assert_eq!(
        post_case(&portal, Some(server::config::SANDBOX_API_KEY), Some("one"))
            .await
            .0,
        401
    );
    let (status, answer) = post_case(&portal, Some(CASES), Some("one")).await;
    assert_eq!(status, 201, "{answer}");

    let (status, answer) = post_report(&portal, CASES).await;
    assert_eq!((status, answer["scope"].as_str()), (403, Some("nuisance")));
    assert_eq!(post_report(&portal, MAIL).await.0, 403);
    assert_eq!(
        post_report(&portal, NUISANCE).await.0,
        422,
        "allowed, then validated"
    );

    let raw = message(&[], "alex@example.org", "Hello");
    let (status, answer, _) = post_mail(&portal, NUISANCE, &raw).await;
    assert_eq!((status, answer["scope"].as_str()), (403, Some("mail")));
    assert_eq!(post_mail(&portal, CASES, &raw).await.0, 403);
    assert_eq!(post_mail(&portal, MAIL, &raw).await.0, 202);
}

#[tokio::test]
async fn a_case_without_an_idempotency_key_is_refused() {
    let portal = scoped_portal().await;
    let (status, answer) = post_case(&portal, Some(CASES), None).await;
    assert_eq!(status, 400, "{answer}");
    assert_eq!(answer["error"], "idempotency_key_required");
    assert!(answer["message"]
        .as_str()
        .unwrap()
        .contains("Idempotency-Key"));
    let (status, _) = post_case(&portal, Some(CASES), Some("   ")).await;
    assert_eq!(status, 400, "a blank key is no key");
    assert_eq!(case_count(&portal).await, 0);
}

/// The actor of the case's last event, and the status of its last message in.
async fn last_mail(portal: &TestPortal, reference: &str) -> (String, String) {
    let events = portal.database.case_events(reference).await.unwrap();
    let last = events.last().unwrap();
    assert_eq!(last.kind, "email_received");
    let status: String = crate::casework_case::scalar(
        portal,
        "SELECT m.status FROM case_messages m JOIN cases c ON c.id = m.case_id \
         WHERE c.reference = $1 AND m.direction = 'in' ORDER BY m.at DESC, m.id DESC LIMIT 1",
        reference,
    )
    .await;
    (last.actor.clone(), status)
}

#[tokio::test]
async fn a_forged_from_is_never_taken_for_the_party() {
    let portal = scoped_portal().await;
    let reference = {
        let body = concern("They never answered.", "alex@example.org", "Example Ltd");
        let response = portal
            .client
            .post(format!("{}/api/v1/cases", portal.url))
            .bearer_auth(CASES)
            .header("idempotency-key", "forged-from")
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 201);
        let answer: Value = response.json().await.unwrap();
        answer["reference"].as_str().unwrap().to_owned()
    };
    let subject = format!("Re: your concern [Ref. {reference}]");
    let from = "Alex Jones <alex@example.org>";
    let pass = format!("{MX}; dmarc=pass header.from=example.org");
    let refused = [
        // Only the From line.
        vec![],
        // Another server's pass, and a result that is not a pass.
        vec!["mx.attacker.example; dmarc=pass header.from=example.org".to_owned()],
        vec![format!(
            "{MX}; dmarc=fail header.from=example.org; dkim=none"
        )],
        // Our server's pass for another domain; a DKIM pass not aligned with the From domain.
        vec![format!("{MX}; dmarc=pass header.from=attacker.example")],
        vec![format!("{MX}; dkim=pass header.d=attacker.example")],
        // A pass below our server's own (later) header: only the topmost counts.
        vec![
            format!("{MX}; dmarc=fail header.from=example.org"),
            pass.clone(),
        ],
    ];
    for headers in refused {
        let headers: Vec<&str> = headers.iter().map(String::as_str).collect();
        let raw = message(&headers, from, &subject);
        let (status, answer, _) = post_mail(&portal, MAIL, &raw).await;
        assert_eq!((status, answer), (202, json!({"status": "received"})));
        assert_eq!(
            last_mail(&portal, &reference).await,
            ("unverified".to_owned(), "unverified".to_owned()),
            "{headers:?}"
        );
    }
    let raw = message(&[&pass], from, &subject);
    assert_eq!(post_mail(&portal, MAIL, &raw).await.0, 202);
    assert_eq!(
        last_mail(&portal, &reference).await,
        ("customer".to_owned(), "attached".to_owned())
    );
}

#[tokio::test]
async fn without_a_trusted_mail_server_no_sender_is_verified() {
    let portal = spawn_portal_with(Config {
        database_url: database_url().await,
        fixed_today: Some(date(2026, 3, 2)),
        ..Config::default()
    })
    .await;
    let key = server::config::SANDBOX_API_KEY;
    let reference = submit(
        &portal,
        &concern("They never answered.", "alex@example.org", "Example Ltd"),
    )
    .await;
    let pass = format!("{MX}; dmarc=pass header.from=example.org");
    let raw = message(&[&pass], "alex@example.org", &format!("[Ref. {reference}]"));
    assert_eq!(post_mail(&portal, key, &raw).await.0, 202);
    assert_eq!(last_mail(&portal, &reference).await.0, "unverified");
}

#[tokio::test]
async fn the_inbound_answer_does_not_say_whether_the_reference_exists() {
    let portal = scoped_portal().await;
    let (_, answer) = post_case(&portal, Some(CASES), Some("exists")).await;
    let existing = answer["reference"].as_str().unwrap().to_owned();
    let absent = Reference::generate(999_999, [7, 7, 7]).as_str().to_owned();
    assert_ne!(existing, absent);
    let mut answers = Vec::new();
    for reference in [&existing, &absent] {
        for results in [
            vec![],
            vec![format!("{MX}; dmarc=pass header.from=example.org")],
        ] {
            let results: Vec<&str> = results.iter().map(String::as_str).collect();
            let raw = message(
                &results,
                "alex@example.org",
                &format!("Re: [Ref. {reference}]"),
            );
            answers.push(post_mail(&portal, MAIL, &raw).await);
        }
    }
    for answer in &answers {
        assert_eq!(answer, &answers[0]);
    }
    assert_eq!(answers[0].0, 202);
    assert_eq!(answers[0].1, json!({"status": "received"}));
    // It went where it belongs all the same.
    assert_eq!(
        crate::casework_case::events(&portal, &existing).await,
        ["submitted", "email_received", "email_received"]
    );
}

#[tokio::test]
async fn garbage_server_function_arguments_get_a_plain_400() {
    let portal = scoped_portal().await;
    let internal = [
        "Args|",
        "MissingArg",
        "Deserialization",
        "deserializ",
        "missing field",
        "serde",
    ];
    for (accept, body) in [
        ("text/html", "%%%\u{1}garbage&&=="),
        ("text/html", "change=true"),
        ("application/json", "values[=x&step[]=1"),
        ("*/*", ""),
    ] {
        let response = portal
            .client
            .post(format!("{}/api/concern/answer", portal.url))
            .header("origin", &portal.url)
            .header("accept", accept)
            .header("referer", format!("{}/concern/about", portal.url))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body.to_owned())
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        let location = format!("{:?}", response.headers().get("location"));
        let text = response.text().await.unwrap();
        assert_eq!(status, 400, "{body:?} ({accept}): {location} {text}");
        assert!(
            internal
                .iter()
                .all(|word| !text.contains(word) && !location.contains(word)),
            "{text}"
        );
        assert!(text.contains("could not be read"), "{text}");
    }
    // A well-formed answer still goes through.
    assert_eq!(
        portal
            .post_form(
                "/api/concern/answer",
                &[("step", "about"), ("value", "subject_access")]
            )
            .await
            .status()
            .as_u16(),
        302
    );
}
