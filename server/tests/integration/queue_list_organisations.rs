//! A work queue's list filtered by organisation text (issue 17), through the distinct names the
//! cases carry (`case_organisations`, kept by triggers): any part of a name finds its cases; a
//! renamed organisation is found by its new name only; a text that matches nothing lists no case;
//! a name whose cases retention deleted is gone from the names. On SQLite and PostgreSQL.

use app::domain::staff::Role;
use chrono::NaiveDate;
use server::db::Database;
use sqlx::Row;

use crate::casework_case::{page, portal, staff};
use crate::retention::{close, files, new_case, retention, run};
use crate::support::{date, fresh_database, unique};

/// The `QL-` references in the page's table, in order.
fn listed(html: &str) -> Vec<String> {
    html.split('>')
        .filter_map(|part| part.split('<').next())
        .filter(|text| text.starts_with("QL-"))
        .map(str::to_owned)
        .collect()
}

/// The "Showing …" line of the page, if it has one.
fn showing(html: &str) -> Option<String> {
    let start = html.find("data-testid=\"queue-showing\"")?;
    let text = html[start..].split('>').nth(1)?.split('<').next()?;
    Some(text.to_owned())
}

/// A sifted open case in queue 15, received `n` seconds into the seeded day.
async fn seed(database: &Database, n: i64, organisation: &str) {
    sqlx::query(&database.sql(
        "INSERT INTO cases (id, reference, case_type, work_queue, priority, channel, status, \
         created_on, assign_by, first_contact_due, contact_promised_by, close_by, \
         organisation_name, answers, created_at, sifted_on) \
         VALUES ($1, $2, 'RFA', '{\"numbered\":15}', 'normal', 'web', 'open', '2026-02-02', \
         '2026-02-05', '2026-03-20', '2026-04-30', '2026-08-02', $3, '{}', $4, '2026-02-03')",
    ))
    .bind(format!("org-{n}"))
    .bind(format!("QL-{}", 100 + n))
    .bind(organisation)
    .bind(1_770_000_000 + n)
    .execute(&database.pool)
    .await
    .unwrap();
    sqlx::query(&database.sql(
        "INSERT INTO case_instances (id, case_id, number, opened_on) \
         VALUES ($1, $2, 1, '2026-02-02')",
    ))
    .bind(format!("org-{n}-1"))
    .bind(format!("org-{n}"))
    .execute(&database.pool)
    .await
    .unwrap();
}

/// Whether `name` is among the organisation names the filter reads.
async fn known(database: &Database, name: &str) -> bool {
    let row =
        sqlx::query(&database.sql(
            "SELECT COUNT(*) AS n FROM case_organisations WHERE name = $1 AND name_lower = $2",
        ))
        .bind(name)
        .bind(name.to_lowercase())
        .fetch_one(&database.pool)
        .await
        .unwrap();
    row.get::<i64, _>("n") == 1
}

#[tokio::test]
async fn an_organisation_is_found_by_any_part_of_its_name_and_a_rename_by_its_new_one() {
    let (portal, _) = portal().await;
    let (manager, _) = staff(&portal, "manager@example.gov.uk", &[Role::TeamManager]).await;
    let db = &portal.database;
    seed(db, 1, "Leeds City Council").await;
    seed(db, 2, "Bradford Metropolitan District Council").await;
    seed(db, 3, "West Yorkshire Police").await;
    seed(db, 4, "Leeds City Council").await;
    seed(db, 5, "Cityscape 100% Homes_Ltd").await;

    let found = |text: &'static str| {
        let path = format!("/staff/queues/15?organisation={text}");
        let manager = manager.clone();
        let portal = &portal;
        async move {
            let (status, html) = page(portal, &manager, &path).await;
            assert_eq!(status, 200, "{html}");
            html
        }
    };
    for (text, expected) in [
        ("leeds", vec!["QL-101", "QL-104"]),
        ("CITY", vec!["QL-101", "QL-104", "QL-105"]),
        ("ty+coun", vec!["QL-101", "QL-104"]),
        ("council", vec!["QL-101", "QL-102", "QL-104"]),
        ("olic", vec!["QL-103"]),
        ("100%25", vec!["QL-105"]),
        ("s_l", vec!["QL-105"]),
    ] {
        let html = found(text).await;
        assert_eq!(listed(&html), expected, "{text}: {html}");
        let count = format!("of {} cases", expected.len());
        assert!(
            showing(&html).is_some_and(|line| line.contains(&count)),
            "{text}: {html}"
        );
    }
    // A `_` is only a `_` ("Leeds City" has an "s", a character and a "c"), as a `%` is a `%`.
    assert!(listed(&found("s_c").await).is_empty());
    let sorted = found("council&sort=organisation&dir=desc").await;
    assert_eq!(listed(&sorted), ["QL-104", "QL-101", "QL-102"], "{sorted}");
    let last = found("council&page=last").await;
    assert_eq!(listed(&last), ["QL-101", "QL-102", "QL-104"], "{last}");

    // Leeds City Council is renamed on one case: both names are found, each on its case.
    sqlx::query(
        &db.sql("UPDATE cases SET organisation_name = 'Wakefield Council' WHERE id = 'org-4'"),
    )
    .execute(&db.pool)
    .await
    .unwrap();
    assert_eq!(listed(&found("wakefield").await), ["QL-104"]);
    assert_eq!(listed(&found("leeds").await), ["QL-101"]);
    // And on the other: the old name is found no more, and no longer kept.
    sqlx::query(
        &db.sql("UPDATE cases SET organisation_name = 'Wakefield Council' WHERE id = 'org-1'"),
    )
    .execute(&db.pool)
    .await
    .unwrap();
    assert_eq!(listed(&found("wakefield").await), ["QL-101", "QL-104"]);
    let html = found("leeds").await;
    assert!(listed(&html).is_empty(), "{html}");
    assert!(!known(db, "Leeds City Council").await);
    assert!(known(db, "Wakefield Council").await);
    // A case that loses its organisation keeps no name either.
    sqlx::query(&db.sql("UPDATE cases SET organisation_name = NULL WHERE id = 'org-3'"))
        .execute(&db.pool)
        .await
        .unwrap();
    assert!(listed(&found("police").await).is_empty());
    assert!(!known(db, "West Yorkshire Police").await);
}

#[tokio::test]
async fn a_text_that_matches_no_organisation_lists_no_case_and_counts_none() {
    let (portal, _) = portal().await;
    let (manager, _) = staff(&portal, "manager@example.gov.uk", &[Role::TeamManager]).await;
    let db = &portal.database;
    seed(db, 1, "Leeds City Council").await;
    seed(db, 2, "Kent County Council").await;

    for path in [
        "/staff/queues/15?organisation=zzqx",
        "/staff/queues/15?organisation=zzqx&sort=customer&dir=desc",
        "/staff/queues/15?organisation=zzqx&page=last",
        "/staff/queues/15?organisation=zzqx&after=QL-101",
    ] {
        let (status, html) = page(&portal, &manager, path).await;
        assert_eq!(status, 200, "{html}");
        assert!(listed(&html).is_empty(), "{path}: {html}");
        assert!(
            html.contains("There are no open cases in this queue."),
            "{path}: {html}"
        );
        assert!(
            showing(&html).is_some_and(|line| line.contains("of 0 cases")),
            "{path}: {html}"
        );
    }
    // The same queue without the text lists both.
    let (_, html) = page(&portal, &manager, "/staff/queues/15").await;
    assert_eq!(listed(&html), ["QL-101", "QL-102"], "{html}");
}

/// A case handed in for `customer`, its organisation then renamed `name`; its id.
async fn named(database: &Database, customer: &str, name: &str) -> String {
    let case_id = new_case(database, customer, Vec::new()).await;
    sqlx::query(&database.sql("UPDATE cases SET organisation_name = $1 WHERE id = $2"))
        .bind(name)
        .bind(&case_id)
        .execute(&database.writer)
        .await
        .unwrap();
    case_id
}

#[tokio::test]
async fn a_name_whose_cases_retention_deleted_is_gone_from_the_names() {
    let database = fresh_database().await;
    let files = files().await;
    let gone_name = format!("Olive Gone {}", unique());
    let kept_name = format!("Kept Trading {}", unique());
    let shared_name = format!("Shared Services {}", unique());
    let old_day: NaiveDate = date(2024, 11, 1);
    // Two old cases under one name, an old case sharing a name with a recent one, a recent one.
    let old_a = named(&database, "olive", &gone_name).await;
    let old_b = named(&database, "oscar", &gone_name).await;
    let old_shared = named(&database, "otto", &shared_name).await;
    let recent_shared = named(&database, "rita", &shared_name).await;
    let recent = named(&database, "rosa", &kept_name).await;
    for case_id in [&old_a, &old_b, &old_shared] {
        close(&database, case_id, old_day, "not_dpa").await;
    }
    close(&database, &recent_shared, date(2025, 12, 1), "not_dpa").await;
    close(&database, &recent, date(2025, 12, 1), "not_dpa").await;
    assert!(known(&database, &gone_name).await);

    let counts = run(&retention(&database, &files)).await;
    assert!(counts.cases >= 3, "{counts:?}");
    assert!(!known(&database, &gone_name).await, "no case carries it");
    assert!(
        known(&database, &shared_name).await,
        "a recent case carries it"
    );
    assert!(known(&database, &kept_name).await);
}
