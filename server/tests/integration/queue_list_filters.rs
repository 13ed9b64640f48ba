//! A work queue's list filtered when many cases match (issue 17): on SQLite, from 1,000 matches
//! on, the page is read along the sort's index with the filter checked there (rather than every
//! match read through the filter's index and sorted); the pages are the same either way, on
//! SQLite and PostgreSQL.

use app::domain::staff::Role;

use crate::casework_case::{page, portal, staff};

/// The references in the page's table, in order.
fn listed(html: &str) -> Vec<String> {
    html.split('>')
        .filter_map(|part| part.split('<').next())
        .filter(|text| text.starts_with("ZZ-"))
        .map(str::to_owned)
        .collect()
}

/// `ZZ-` references of cases `from`, `from + step`, … (`count` of them).
fn references(from: i64, step: i64, count: i64) -> Vec<String> {
    (0..count)
        .map(|k| format!("ZZ-{}", 100_000 + from + k * step))
        .collect()
}

#[tokio::test]
async fn a_filter_many_cases_match_pages_along_the_sort() {
    let (portal, _) = portal().await;
    let (manager, _) = staff(&portal, "manager@example.gov.uk", &[Role::TeamManager]).await;
    let db = &portal.database;
    // 3,000 cases, every third an FS50 (1,000 of them), made in the order of their numbers.
    sqlx::query(&db.sql(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) \
         INSERT INTO cases (id, reference, case_type, work_queue, priority, channel, status, \
         created_on, assign_by, first_contact_due, contact_promised_by, close_by, \
         organisation_name, answers, created_at, sifted_on) \
         SELECT 'bulk-' || i, 'ZZ-' || (100000 + i), \
         CASE WHEN i % 3 = 0 THEN 'FS50' ELSE 'RFA' END, '{\"numbered\":14}', 'normal', 'web', \
         'open', '2026-02-02', '2026-02-05', '2026-03-20', '2026-04-30', '2026-08-02', \
         'Kent County Council', '{}', 1770000000 + i, '2026-02-03' FROM n",
    ))
    .execute(&db.pool)
    .await
    .unwrap();
    sqlx::query(&db.sql(
        "INSERT INTO case_instances (id, case_id, number, opened_on) \
         SELECT id || '-1', id, 1, created_on FROM cases WHERE id LIKE 'bulk-%'",
    ))
    .execute(&db.pool)
    .await
    .unwrap();

    let (status, html) = page(&portal, &manager, "/staff/queues/14?type=FS50").await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("of 1,000 cases"), "{html}");
    assert_eq!(listed(&html), references(3, 3, 50), "oldest first");
    let (_, html) = page(
        &portal,
        &manager,
        "/staff/queues/14?type=FS50&sort=reference&dir=desc",
    )
    .await;
    assert_eq!(
        listed(&html),
        references(3000, -3, 50),
        "by reference, down"
    );
    let (_, html) = page(&portal, &manager, "/staff/queues/14?type=FS50&page=last").await;
    assert_eq!(listed(&html), references(2853, 3, 50), "the last page");
    let (_, html) = page(
        &portal,
        &manager,
        "/staff/queues/14?type=FS50&after=ZZ-100150",
    )
    .await;
    assert_eq!(listed(&html), references(153, 3, 50), "the second page");
    let (_, html) = page(&portal, &manager, "/staff/queues/14?type=RFA&sort=type").await;
    assert!(html.contains("of 2,000 cases"), "{html}");
    let rfa: Vec<String> = (1..=3000)
        .filter(|i| i % 3 != 0)
        .take(50)
        .map(|i| format!("ZZ-{}", 100_000 + i))
        .collect();
    assert_eq!(listed(&html), rfa, "sorted by the filtered column");
}
