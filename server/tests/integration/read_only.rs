//! Pages only read: every page of the journeys, fetched by GET (with refused forms waiting to be
//! shown on four of them), leaves the database as it was, but for one audited view per case page
//! fetched, which the staff access layer writes once per request.

use std::collections::BTreeMap;

use app::domain::staff::Role;
use sqlx::{Column, Row};

use crate::casework_case::{concern, posted, staff, submit};
use crate::support::{date, location, spawn_portal, TestPortal};

/// Every row of every table as text, by table, sorted; the columns in `skip` left out.
async fn snapshot(portal: &TestPortal, skip: &[(&str, &str)]) -> BTreeMap<String, Vec<String>> {
    let pool = &portal.database.pool;
    let list = if !is_postgres(portal).await {
        "SELECT name AS t FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    } else {
        "SELECT tablename::text AS t FROM pg_tables WHERE schemaname = current_schema()"
    };
    let tables: Vec<String> = sqlx::query(list)
        .fetch_all(pool)
        .await
        .unwrap()
        .iter()
        .map(|row| row.try_get::<String, _>("t").unwrap())
        .filter(|table| !table.starts_with("_sqlx"))
        .collect();
    let mut all = BTreeMap::new();
    for table in tables {
        let rows = sqlx::query(&format!("SELECT * FROM {table}"))
            .fetch_all(pool)
            .await
            .unwrap();
        let mut texts: Vec<String> = rows
            .iter()
            .map(|row| {
                row.columns()
                    .iter()
                    .filter(|column| !skip.contains(&(table.as_str(), column.name())))
                    .map(|column| format!("{}={}", column.name(), text(row, column.ordinal())))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        texts.sort();
        all.insert(table, texts);
    }
    all
}

async fn is_postgres(portal: &TestPortal) -> bool {
    sqlx::query("SELECT version() AS v")
        .fetch_one(&portal.database.pool)
        .await
        .is_ok()
}

fn text(row: &sqlx::any::AnyRow, at: usize) -> String {
    if let Ok(value) = row.try_get::<Option<i64>, _>(at) {
        return format!("{value:?}");
    }
    if let Ok(value) = row.try_get::<Option<f64>, _>(at) {
        return format!("{value:?}");
    }
    if let Ok(value) = row.try_get::<Option<String>, _>(at) {
        return format!("{value:?}");
    }
    if let Ok(value) = row.try_get::<Option<Vec<u8>>, _>(at) {
        return format!("{value:?}");
    }
    if let Ok(value) = row.try_get::<Option<bool>, _>(at) {
        return format!("{value:?}");
    }
    panic!("column {at}: a type the snapshot cannot read")
}

#[tokio::test]
async fn pages_fetched_by_get_leave_the_database_unchanged_but_for_case_view_audits() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    let mut pages = crate::stall::pages(&portal).await;

    // Refused forms waiting on their pages: a concern's answer, a nuisance report's answer, a
    // breach report's part and a sift decision.
    let back = portal
        .answer(&[
            ("step", "raised-on"),
            ("day", "3"),
            ("month", "3"),
            ("year", "2030"),
        ])
        .await;
    assert_eq!(back, "/concern/raised-on");
    // Another browser (one refusal is shown at a time: the latest a browser was sent).
    let reporter = crate::support::browser();
    let nuisance_answer = |fields: Vec<(&'static str, &'static str)>| {
        reporter
            .post(format!("{}/api/nuisance/answer", portal.url))
            .header("origin", &portal.url)
            .header("accept", "text/html")
            .form(&fields)
            .send()
    };
    nuisance_answer(vec![("page", "channel"), ("value", "live_call")])
        .await
        .unwrap();
    let back = location(
        &nuisance_answer(vec![
            ("page", "when"),
            ("day", "40"),
            ("month", "3"),
            ("year", "2026"),
        ])
        .await
        .unwrap(),
    );
    let nuisance_page = back.clone();
    assert!(back.starts_with("/report-nuisance/when"), "{back}");
    let (organisation, breach_page) = pages
        .iter()
        .find(|(_, path)| path == "/report-breach/report/organisation")
        .cloned()
        .unwrap();
    let refused = organisation
        .post(format!("{}/report-breach/api/part", portal.url))
        .header("origin", &portal.url)
        .form(&[("part", "organisation"), ("name", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&refused), breach_page);
    let waiting = submit(
        &portal,
        &concern("They sold my address.", "sam@example.org", "Example Ltd"),
    )
    .await;
    let (adviser, _) = staff(&portal, "adviser@example.gov.uk", &[Role::AdviceService]).await;
    let sift_page = format!("/staff/sift/{waiting}");
    let fields = [
        ("reference", waiting.as_str()),
        ("case_type", "RFA"),
        ("queue", ""),
    ];
    assert_eq!(
        posted(&portal, &adviser, "/staff/api/sift/route", &fields).await,
        sift_page
    );
    let refused_pages = [
        (portal.client.clone(), "/concern/raised-on".to_owned()),
        (reporter.clone(), nuisance_page),
        (organisation.clone(), breach_page.clone()),
        (adviser.clone(), sift_page.clone()),
    ];
    pages.extend(refused_pages.iter().cloned());

    // The session's last use is written by the access layer at most every 30 s: left out.
    let skip = [("staff_sessions", "last_seen_at")];
    let before = snapshot(&portal, &skip).await;
    let case_views = 3;
    for round in 0..2 {
        for (client, path) in &pages {
            let response = client
                .get(format!("{}{path}", portal.url))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status().as_u16(), 200, "{path}");
            let body = response.text().await.unwrap();
            if refused_pages.iter().any(|(_, refused)| refused == path) {
                assert!(
                    body.contains("There is a problem"),
                    "{round} {path}: {body}"
                );
            }
        }
    }
    let after = snapshot(&portal, &skip).await;
    for (table, rows) in &before {
        if table == "case_audit" {
            continue;
        }
        assert_eq!(Some(rows), after.get(table), "{table} changed");
    }
    let audits = |snapshot: &BTreeMap<String, Vec<String>>| snapshot["case_audit"].clone();
    let (was, now) = (audits(&before), audits(&after));
    let added: Vec<&String> = now.iter().filter(|row| !was.contains(row)).collect();
    assert_eq!(added.len(), 2 * case_views, "{added:#?}");
    assert!(
        added
            .iter()
            .all(|row| row.contains("action=Some(\"view\")")),
        "{added:#?}"
    );
    assert_eq!(was.len() + added.len(), now.len());
}
