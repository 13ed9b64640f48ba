//! The case officer's workspace through HTTP, on SQLite (default) or PostgreSQL
//! (`PORTAL_TEST_DATABASE_URL`): a case handed in through the real intake (`POST /api/v1/cases`),
//! sifted and allocated in the database (the sift and work queue pages are another slice), then
//! worked through the case pages' plain posts, as without JavaScript.

mod closing;
mod confirm;
mod correspondence;
mod follow_on;
mod out_of_remit;
mod outcome_letters;
mod page;
mod scan;

use app::domain::staff::Role;
use serde_json::{json, Value};
use server::Config;
use sqlx::Row;

use crate::staff::{add_staff, sign_in, PASSWORD};
use crate::support::{browser, database_url, date, location, spawn_portal_with, TestPortal};

pub const KEY: &str = "local-development-key";
/// The receiving mail server whose `Authentication-Results` the portal trusts.
pub const MX: &str = "mx.ico.example";

/// A portal on its own new database, its clock on 2 March 2026; and that database's URL (for a
/// second portal "the next day").
pub async fn portal() -> (TestPortal, String) {
    let url = database_url().await;
    let portal = spawn_portal_with(Config {
        database_url: url.clone(),
        fixed_today: Some(date(2026, 3, 2)),
        mail_authserv_id: Some(MX.to_owned()),
        ..Config::default()
    })
    .await;
    (portal, url)
}

/// A data protection concern about a subject access request with no answer in 40 days.
pub fn concern(summary: &str, email: &str, organisation: &str) -> Value {
    json!({
        "route": "data_protection",
        "today": "2026-03-02",
        "subject_access": true,
        "raised_on": "2026-01-20",
        "organisation": {"name": organisation, "sector": "telecoms"},
        "customer": {"name": "Alex Jones", "email": email, "adjustments": "Large print, please"},
        "summary": summary,
        "harm": "I am worried about who has my details.",
        "timeline": [{"on": "2026-01-20", "what": "I asked for my records."}],
    })
}

/// Hands a concern in through the partner API; its reference.
pub async fn submit(portal: &TestPortal, body: &Value) -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let response = portal
        .client
        .post(format!("{}/api/v1/cases", portal.url))
        .bearer_auth(KEY)
        .header(
            "idempotency-key",
            format!("case-{}", NEXT.fetch_add(1, Ordering::Relaxed)),
        )
        .json(body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 201);
    let answer: Value = response.json().await.unwrap();
    answer["reference"].as_str().unwrap().to_owned()
}

/// A member of staff signed in (a browser of their own), and their id.
pub async fn staff(portal: &TestPortal, email: &str, roles: &[Role]) -> (reqwest::Client, String) {
    let member = add_staff(portal, email, roles).await;
    let client = browser();
    let response = sign_in(portal, &client, email, PASSWORD).await;
    assert_eq!(location(&response), "/staff", "signing in {email}");
    (client, member.id)
}

/// Sifts the case to work queue 6 and allocates it to `officer` (slice A's pages do this).
pub async fn allocate(portal: &TestPortal, reference: &str, officer: &str) {
    let db = &portal.database;
    sqlx::query(&db.sql(
        "UPDATE cases SET sifted_on = $1, work_queue = $2, assigned_to = $3, allocated_on = $4 \
         WHERE reference = $5",
    ))
    .bind("2026-03-02")
    .bind(r#"{"numbered":6}"#)
    .bind(officer)
    .bind("2026-03-02")
    .bind(reference)
    .execute(&db.pool)
    .await
    .unwrap();
}

/// A case handed in and allocated to `officer`.
pub async fn allocated_case(portal: &TestPortal, officer: &str, summary: &str) -> String {
    let reference = submit(
        portal,
        &concern(summary, "alex@example.org", "Example Organisation Ltd"),
    )
    .await;
    allocate(portal, &reference, officer).await;
    reference
}

/// Posts a form from this site, as a browser without JavaScript would.
pub async fn post(
    portal: &TestPortal,
    client: &reqwest::Client,
    path: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    crate::staff::post(portal, client, path, fields).await
}

/// Posts and expects a redirect; where to.
pub async fn posted(
    portal: &TestPortal,
    client: &reqwest::Client,
    path: &str,
    fields: &[(&str, &str)],
) -> String {
    let response = post(portal, client, path, fields).await;
    assert_eq!(response.status().as_u16(), 302, "{path} {fields:?}");
    location(&response)
}

/// A page's status and text.
pub async fn page(portal: &TestPortal, client: &reqwest::Client, path: &str) -> (u16, String) {
    let response = crate::staff::get(portal, client, path).await;
    (response.status().as_u16(), response.text().await.unwrap())
}

/// One value of a one-row, one-column query (`$1` is `reference`).
pub async fn scalar<T>(portal: &TestPortal, sql: &str, reference: &str) -> T
where
    T: for<'r> sqlx::Decode<'r, sqlx::Any> + sqlx::Type<sqlx::Any>,
{
    let db = &portal.database;
    sqlx::query(&db.sql(sql))
        .bind(reference)
        .fetch_one(&db.pool)
        .await
        .unwrap()
        .try_get(0)
        .unwrap()
}

/// The id of the case's party in `role` (`customer`, `organisation`).
pub async fn party_id(portal: &TestPortal, reference: &str, role: &str) -> String {
    let db = &portal.database;
    sqlx::query(&db.sql(
        "SELECT p.id FROM parties p JOIN cases c ON c.id = p.case_id \
         WHERE c.reference = $1 AND p.role = $2",
    ))
    .bind(reference)
    .bind(role)
    .fetch_one(&db.pool)
    .await
    .unwrap()
    .try_get(0)
    .unwrap()
}

/// The kinds of the case's events, oldest first.
pub async fn events(portal: &TestPortal, reference: &str) -> Vec<String> {
    portal
        .database
        .case_events(reference)
        .await
        .unwrap()
        .into_iter()
        .map(|event| event.kind)
        .collect()
}

/// How many audit rows of `action` the case has.
pub async fn audits(portal: &TestPortal, reference: &str, action: &str) -> i64 {
    let db = &portal.database;
    sqlx::query(&db.sql(
        "SELECT COUNT(*) AS n FROM case_audit a JOIN cases c ON c.id = a.case_id \
         WHERE c.reference = $1 AND a.action = $2",
    ))
    .bind(reference)
    .bind(action)
    .fetch_one(&db.pool)
    .await
    .unwrap()
    .try_get("n")
    .unwrap()
}
