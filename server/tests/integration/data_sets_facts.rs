//! The published data sets' stored party facts (migration 20261209000020): closing a case through
//! the real close form stores whether it has an organisation party and whether a person on it has
//! the organisation's name; the month's file publishes by them exactly what it publishes when the
//! facts are worked out at download (an instance without them); and the migration's backfill
//! stores the same facts. On SQLite, and on PostgreSQL with `PORTAL_TEST_DATABASE_URL`.

use app::domain::staff::Role;
use server::db::Backend;
use server::Config;

use crate::casework_case::{allocate, concern, portal, posted, scalar, staff, submit};
use crate::support::{date, spawn_portal_with, TestPortal};

const FACTS: &str = "SELECT CAST(i.organisation_party AS TEXT) || ',' || \
     CAST(i.named_as_person AS TEXT) FROM case_instances i JOIN cases c ON c.id = i.case_id \
     WHERE c.reference = $1";

async fn close(portal: &TestPortal, officer: &reqwest::Client, reference: &str) {
    let done = posted(
        portal,
        officer,
        "/staff/api/cases/close",
        &[
            ("reference", reference),
            ("outcome", "dc_action_required"),
            ("nature_1", "subject_access"),
            ("nature_2", "subject_access"),
            ("subject_access_delay", "yes"),
        ],
    )
    .await;
    assert_eq!(
        done,
        format!("/staff/cases/{reference}?done=closed#summary")
    );
}

async fn download(portal: &TestPortal, path: &str) -> String {
    let response = portal
        .client
        .get(format!("{}{path}", portal.url))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200, "{path}");
    response.text().await.unwrap()
}

/// The backfill statement of this backend's migration (the file's `UPDATE`).
fn backfill(backend: Backend) -> String {
    let file = match backend {
        Backend::Sqlite => {
            include_str!("../../migrations/sqlite/20261209000020_data_set_facts.sql")
        }
        Backend::Postgres => {
            include_str!("../../migrations/postgres/20261209000020_data_set_facts.sql")
        }
    };
    let start = file.find("UPDATE case_instances").unwrap();
    let end = start + file[start..].find(';').unwrap();
    file[start..end].to_owned()
}

#[tokio::test]
async fn closing_stores_the_party_facts_the_published_file_reads() {
    let (portal, url) = portal().await;
    let (officer, officer_id) = staff(&portal, "facts@example.gov.uk", &[Role::CaseOfficer]).await;
    // An organisation that is not a person on the case.
    let named = submit(
        &portal,
        &concern("No answer.", "alex@example.org", "Example Organisation Ltd"),
    )
    .await;
    // A sole trader who is also the customer (the same name, other case and spaces).
    let mut body = concern("No answer.", "sam@example.org", "Sam Taylor Plumbing");
    body["customer"]["name"] = " sam taylor PLUMBING ".into();
    let withheld = submit(&portal, &body).await;
    for reference in [&named, &withheld] {
        allocate(&portal, reference, &officer_id).await;
        let before: Option<String> = scalar(&portal, FACTS, reference).await;
        assert_eq!(before, None, "an open instance has no facts yet");
        close(&portal, &officer, reference).await;
    }
    let stored: String = scalar(&portal, FACTS, &named).await;
    assert_eq!(stored, "1,0");
    let stored: String = scalar(&portal, FACTS, &withheld).await;
    assert_eq!(stored, "1,1");

    // March is complete in April.
    let april = spawn_portal_with(Config {
        database_url: url,
        fixed_today: Some(date(2026, 4, 7)),
        ..Config::default()
    })
    .await;
    let path = "/data-sets/data-protection-complaints/2026-03.csv";
    let file = download(&april, path).await;
    let lines: Vec<&str> = file.lines().collect();
    assert_eq!(lines.len(), 3, "{file}");
    assert!(
        lines
            .iter()
            .any(|line| line.starts_with("02/03/2026,02/03/2026,")
                && line.ends_with(",Example Organisation Ltd")),
        "{file}"
    );
    assert_eq!(
        lines.iter().filter(|line| line.ends_with(",")).count(),
        1,
        "the sole trader's name is withheld: {file}"
    );
    assert!(!file.to_lowercase().contains("sam taylor"), "{file}");

    // Without the stored facts, the download works them out: the same bytes.
    let db = &april.database;
    sqlx::query("UPDATE case_instances SET organisation_party = NULL, named_as_person = NULL")
        .execute(&db.writer)
        .await
        .unwrap();
    assert_eq!(download(&april, path).await, file);

    // The migration's backfill stores the same facts as closing did.
    sqlx::query(&backfill(db.backend))
        .execute(&db.writer)
        .await
        .unwrap();
    let stored: String = scalar(&april, FACTS, &named).await;
    assert_eq!(stored, "1,0");
    let stored: String = scalar(&april, FACTS, &withheld).await;
    assert_eq!(stored, "1,1");
    assert_eq!(download(&april, path).await, file);
}
