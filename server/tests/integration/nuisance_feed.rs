//! `GET /api/v1/nuisance-numbers`, the partner feed, through HTTP on SQLite and PostgreSQL: keys
//! and scopes, the thresholds (too few reports, personal numbers held back), the window counts,
//! paging, bad parameters, and `If-Modified-Since`.

use std::collections::HashMap;

use chrono::{NaiveDate, TimeZone, Utc};
use serde_json::{json, Value};
use server::config::{ApiKeys, Config};
use server::db::nuisance::{NewIncident, NewNuisanceReport, OffenderRef};

use crate::support::{database_url, date, spawn_portal_with, TestPortal};

mod settings;

const FEEDS: &str = "feeds-secret-000001";
const NUISANCE: &str = "nuisance-secret-0001";
const PREMIUM: &str = "+449061701461";
const MOBILE_HELD: &str = "+447912345678";
const MOBILE_LISTED: &str = "+447911123456";
const GEOGRAPHIC_FEW: &str = "+441614960733";
const ONE_REPORTER: &str = "+441614960734";

fn today() -> NaiveDate {
    date(2026, 3, 10)
}

async fn portal() -> TestPortal {
    let keys = format!("partner:nuisance:{NUISANCE},blocker:feeds:{FEEDS}");
    spawn_portal_with(Config {
        database_url: database_url().await,
        fixed_today: Some(today()),
        api_keys: ApiKeys::parse(&keys).unwrap(),
        ..Config::default()
    })
    .await
}

fn number(key: &str) -> OffenderRef {
    OffenderRef {
        kind: "number".to_owned(),
        key: key.to_owned(),
        display: key.to_owned(),
    }
}

fn offender(kind: &str, key: &str) -> OffenderRef {
    OffenderRef {
        kind: kind.to_owned(),
        key: key.to_owned(),
        display: key.to_owned(),
    }
}

/// One report received on `on` (at 09:00 UTC), one incident per list of offenders.
fn report(on: NaiveDate, incidents: Vec<Vec<OffenderRef>>) -> NewNuisanceReport {
    NewNuisanceReport {
        idempotency_key: None,
        received_at: Utc.from_utc_datetime(&on.and_hms_opt(9, 0, 0).unwrap()),
        received_on: on,
        source: "api".to_owned(),
        added_by: None,
        reporter: None,
        incidents: incidents
            .into_iter()
            .map(|offenders| NewIncident {
                channel: "text".to_owned(),
                occurred_at: on.and_hms_opt(8, 0, 0).unwrap(),
                categories: vec!["lottery_prizes".to_owned()],
                details: json!({}),
                offenders,
            })
            .collect(),
    }
}

fn paging(n: usize) -> String {
    format!("+4412149600{n:02}")
}

/// The fixture: what each offender was reported as, today being 10 March 2026.
async fn store_reports(portal: &TestPortal) {
    let mut reports = vec![
        // The premium-rate number: 4 reports, 5 incidents. 1 February is outside the 30 days
        // (which start on 9 February), 20 February inside, 5 March inside the 7 days (which
        // start on 4 March), and today a report of two texts.
        report(date(2026, 2, 1), vec![vec![number(PREMIUM)]]),
        report(date(2026, 2, 20), vec![vec![number(PREMIUM)]]),
        report(date(2026, 3, 5), vec![vec![number(PREMIUM)]]),
        report(today(), vec![vec![number(PREMIUM)], vec![number(PREMIUM)]]),
        // Two reports: below the threshold of 3.
        report(date(2026, 3, 1), vec![vec![number(GEOGRAPHIC_FEW)]]),
        report(date(2026, 3, 2), vec![vec![number(GEOGRAPHIC_FEW)]]),
        // Three incidents but from two reports: still below the threshold.
        report(
            date(2026, 3, 3),
            vec![vec![number(ONE_REPORTER)], vec![number(ONE_REPORTER)]],
        ),
        report(date(2026, 3, 4), vec![vec![number(ONE_REPORTER)]]),
    ];
    // A mobile reported 5 times: held back (under 10). Another 10 times: listed.
    for n in 0..10 {
        let on = date(2026, 3, 1 + n);
        if n < 5 {
            reports.push(report(on, vec![vec![number(MOBILE_HELD)]]));
        }
        reports.push(report(on, vec![vec![number(MOBILE_LISTED)]]));
    }
    // A sender name, an email domain and 7 geographic numbers, each in 3 reports, with an email
    // address and a company (never listed: not the feed's kinds).
    for on in [date(2026, 3, 6), date(2026, 3, 7), date(2026, 3, 8)] {
        let mut named = vec![
            offender("sender_id", "prizedraw"),
            offender("email_domain", "prize-draw.example"),
            offender("email_sender", "winner@prize-draw.example"),
            offender("company", "prizedrawltd"),
        ];
        named.extend((0..7).map(|n| number(&paging(n))));
        reports.push(report(on, vec![named]));
    }
    for recorded in portal.database.record_nuisance_reports(&reports, 30).await {
        recorded.unwrap();
    }
}

async fn feed(portal: &TestPortal, query: &str, key: Option<&str>) -> reqwest::Response {
    let mut request = portal
        .client
        .get(format!("{}/api/v1/nuisance-numbers{query}", portal.url));
    if let Some(key) = key {
        request = request.header("authorization", format!("Bearer {key}"));
    }
    request.send().await.unwrap()
}

async fn page(portal: &TestPortal, query: &str) -> Value {
    let response = feed(portal, query, Some(FEEDS)).await;
    assert_eq!(response.status().as_u16(), 200, "{query}");
    response.json().await.unwrap()
}

fn by_key(body: &Value) -> HashMap<String, Value> {
    body["offenders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["offender"].as_str().unwrap().to_owned(), o.clone()))
        .collect()
}

#[tokio::test]
async fn only_a_key_with_the_feeds_scope_reads_the_feed() {
    let portal = portal().await;
    let response = feed(&portal, "", None).await;
    assert_eq!(response.status().as_u16(), 401);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"], "unauthorized");
    assert_eq!(
        feed(&portal, "", Some("not-a-key-at-all-000"))
            .await
            .status()
            .as_u16(),
        401
    );
    let response = feed(&portal, "", Some(NUISANCE)).await;
    assert_eq!(response.status().as_u16(), 403);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"], "forbidden");
    assert_eq!(body["scope"], "feeds");
    let response = feed(&portal, "", Some(FEEDS)).await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["cache-control"], "private, no-cache");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["offenders"], json!([]));
    assert_eq!(body["next"], Value::Null);
}

#[tokio::test]
async fn the_feed_lists_offenders_reported_often_enough_with_their_counts() {
    let portal = portal().await;
    store_reports(&portal).await;
    let body = page(&portal, "").await;
    assert_eq!(body["as_of"], "2026-03-10");
    assert_eq!(body["short_window_days"], 7);
    assert_eq!(body["long_window_days"], 30);
    assert_eq!(body["next"], Value::Null);
    let listed = by_key(&body);
    let premium = &listed[PREMIUM];
    assert_eq!(premium["kind"], "number");
    assert_eq!(premium["class"], "premium_rate");
    // Incidents: 5 March and today's two in the 7 days; 20 February as well in the 30.
    assert_eq!(premium["reports_short_window"], 3);
    assert_eq!(premium["reports_long_window"], 4);
    assert_eq!(premium["first_seen"], "2026-02-01");
    assert_eq!(premium["last_seen"], "2026-03-10");
    for absent in [GEOGRAPHIC_FEW, ONE_REPORTER, MOBILE_HELD] {
        assert!(!listed.contains_key(absent), "{absent} is listed");
    }
    let mobile = &listed[MOBILE_LISTED];
    assert_eq!(mobile["class"], "mobile");
    assert_eq!(mobile["reports_short_window"], 7);
    assert_eq!(mobile["reports_long_window"], 10);
    assert_eq!(listed["prizedraw"]["class"], "sender_name");
    assert_eq!(listed["prize-draw.example"]["class"], "email_domain");
    assert_eq!(listed[&paging(0)]["class"], "geographic");
    assert!(!listed.contains_key("winner@prize-draw.example"));
    assert!(!listed.contains_key("prizedrawltd"));
    // The premium-rate number, the listed mobile, the sender name, the domain, 7 numbers.
    assert_eq!(listed.len(), 11, "{body}");
}

#[tokio::test]
async fn paging_gives_each_offender_exactly_once() {
    let portal = portal().await;
    store_reports(&portal).await;
    let everything: Vec<String> = by_key(&page(&portal, "?limit=500").await)
        .into_keys()
        .collect();
    assert_eq!(everything.len(), 11);
    let mut seen: Vec<String> = Vec::new();
    let mut query = "?limit=2".to_owned();
    let mut pages = 0;
    loop {
        let body = page(&portal, &query).await;
        pages += 1;
        assert!(body["offenders"].as_array().unwrap().len() <= 2);
        seen.extend(
            body["offenders"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o["offender"].as_str().unwrap().to_owned()),
        );
        let Some(next) = body["next"].as_str() else {
            break;
        };
        let cursor = body["next_cursor"].as_str().unwrap();
        assert_eq!(
            next,
            format!("/api/v1/nuisance-numbers?limit=2&cursor={cursor}")
        );
        query = next
            .trim_start_matches("/api/v1/nuisance-numbers")
            .to_owned();
        assert!(pages < 20, "paging does not end");
    }
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), seen.len(), "an offender twice: {seen:?}");
    let mut expected = everything;
    expected.sort();
    assert_eq!(sorted, expected);
    assert!(pages >= 6, "{pages} pages");
}

#[tokio::test]
async fn bad_parameters_get_a_400_naming_them() {
    let portal = portal().await;
    for (query, field) in [
        ("?limit=0", "limit"),
        ("?limit=501", "limit"),
        ("?limit=lots", "limit"),
        ("?cursor=abc", "cursor"),
        ("?cursor=-4", "cursor"),
        ("?cursor=%00%ff", "cursor"),
        ("?since=2026-01-01", "since"),
        ("?limit=1&limit=2", "limit"),
    ] {
        let response = feed(&portal, query, Some(FEEDS)).await;
        assert_eq!(response.status().as_u16(), 400, "{query}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"], "invalid_query", "{query}");
        assert!(body["fields"][field].is_string(), "{query}: {body}");
    }
}

#[tokio::test]
async fn if_modified_since_answers_304_until_a_new_report() {
    let portal = portal().await;
    store_reports(&portal).await;
    let response = feed(&portal, "", Some(FEEDS)).await;
    assert_eq!(response.status().as_u16(), 200);
    let modified = response.headers()["last-modified"]
        .to_str()
        .unwrap()
        .to_owned();
    // The latest report arrived today at 09:00.
    assert_eq!(modified, "Tue, 10 Mar 2026 09:00:01 GMT");
    let conditional = |since: String| {
        portal
            .client
            .get(format!("{}/api/v1/nuisance-numbers", portal.url))
            .header("authorization", format!("Bearer {FEEDS}"))
            .header("if-modified-since", since)
            .send()
    };
    let response = conditional(modified.clone()).await.unwrap();
    assert_eq!(response.status().as_u16(), 304);
    assert_eq!(response.headers()["last-modified"], modified.as_str());
    assert_eq!(response.headers()["cache-control"], "private, no-cache");
    // Before the last change: the page.
    let earlier = "Tue, 10 Mar 2026 08:59:59 GMT".to_owned();
    assert_eq!(conditional(earlier).await.unwrap().status().as_u16(), 200);
    // A date that is not one is ignored.
    assert_eq!(
        conditional("yesterday".to_owned())
            .await
            .unwrap()
            .status()
            .as_u16(),
        200
    );

    let body = json!({"incidents": [{
        "channel": "text",
        "day": "9", "month": "3", "year": "2026", "hour": "14", "minute": "05",
        "sender": "09061701461",
        "contacted_on": "07912 345678",
        "message_text": "WINNER!! call 09061701461 now",
        "categories": ["lottery_prizes"],
        "scam": "no",
        "relationship": "none",
    }]});
    let response = portal
        .client
        .post(format!("{}/api/v1/nuisance-reports", portal.url))
        .header("authorization", format!("Bearer {NUISANCE}"))
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 201);
    let response = conditional(modified).await.unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let body: Value = response.json().await.unwrap();
    assert_eq!(by_key(&body)[PREMIUM]["reports_short_window"], 4);
}
