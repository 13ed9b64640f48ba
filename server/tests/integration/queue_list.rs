//! Work queues by name, a queue's list tools (filters, sorting, paging that keep each other) and
//! one reading of each service level on the case page and the queue pages, through HTTP on SQLite
//! (default) or PostgreSQL (`PORTAL_TEST_DATABASE_URL`). The clock is fixed on Monday 2 March 2026.

use app::domain::case::Reference;
use app::domain::staff::Role;

use crate::casework_case::{concern, page, portal, posted, scalar, staff, submit};
use crate::support::TestPortal;

const QUEUE_13: &str = "RFA DPA local government (work queue 13)";

/// One case put straight into queue 13: `n` orders the references and the received times.
struct Seed {
    n: u32,
    case_type: &'static str,
    organisation: &'static str,
    customer: String,
    first_contact_due: &'static str,
    assigned_to: Option<String>,
}

async fn seed(portal: &TestPortal, case: &Seed) -> String {
    let db = &portal.database;
    let reference = Reference::generate(900_000 + case.n, [1, 2, 3]);
    let id = format!("seeded-{}", case.n);
    sqlx::query(&db.sql(
        "INSERT INTO cases (id, reference, case_type, work_queue, priority, channel, status, \
         created_on, assign_by, first_contact_due, contact_promised_by, close_by, \
         organisation_name, answers, created_at, sifted_on, assigned_to) \
         VALUES ($1, $2, $3, '{\"numbered\":13}', 'normal', 'web', 'open', '2026-02-02', \
         '2026-02-05', $4, '2026-04-30', '2026-08-02', $5, '{}', $6, '2026-02-03', $7)",
    ))
    .bind(&id)
    .bind(reference.as_str())
    .bind(case.case_type)
    .bind(case.first_contact_due)
    .bind(case.organisation)
    .bind(1_770_000_000_i64 + i64::from(case.n))
    .bind(case.assigned_to.clone())
    .execute(&db.pool)
    .await
    .unwrap();
    sqlx::query(&db.sql(
        "INSERT INTO case_instances (id, case_id, number, opened_on) VALUES ($1, $2, 1, '2026-02-02')",
    ))
    .bind(format!("{id}-1"))
    .bind(&id)
    .execute(&db.pool)
    .await
    .unwrap();
    sqlx::query(&db.sql(
        "INSERT INTO parties (id, case_id, role, name, details) VALUES ($1, $2, 'customer', $3, '{}')",
    ))
    .bind(format!("{id}-c"))
    .bind(&id)
    .bind(&case.customer)
    .execute(&db.pool)
    .await
    .unwrap();
    reference.as_str().to_owned()
}

/// 120 cases in queue 13: every 4th overdue (first contact due 20 February), every 4th + 1 due
/// soon (4 March), the rest on time (20 March); every 3rd a FS50; every other one allocated;
/// every 5th about Leeds City Council; customers named so their order is the reverse of age.
async fn seed_queue(portal: &TestPortal, officer: &str) -> Vec<String> {
    let mut references = Vec::new();
    for n in 0..120_u32 {
        let case = Seed {
            n,
            case_type: if n % 3 == 0 { "FS50" } else { "RFA" },
            organisation: if n % 5 == 0 {
                "Leeds City Council"
            } else {
                "Kent County Council"
            },
            customer: format!("Customer {:03}", 999 - n),
            first_contact_due: match n % 4 {
                0 => "2026-02-20",
                1 => "2026-03-04",
                _ => "2026-03-20",
            },
            assigned_to: (n % 2 == 0).then(|| officer.to_owned()),
        };
        references.push(seed(portal, &case).await);
    }
    references
}

async fn next_due(portal: &TestPortal, reference: &str) -> Option<String> {
    scalar(
        portal,
        "SELECT next_due FROM cases WHERE reference = $1",
        reference,
    )
    .await
}

fn rows(html: &str) -> usize {
    html.matches("data-testid=\"queue-case\"").count()
}

fn position(html: &str, text: &str) -> usize {
    html.find(text)
        .unwrap_or_else(|| panic!("{text} missing: {html}"))
}

/// A team manager, an Advice Service member and a concern about Leeds City Council on the sift.
async fn manager_advice_and_a_concern(
    portal: &TestPortal,
) -> (reqwest::Client, reqwest::Client, String) {
    let (manager, _) = staff(portal, "manager@example.gov.uk", &[Role::TeamManager]).await;
    let (advice, _) = staff(portal, "advice@example.gov.uk", &[Role::AdviceService]).await;
    let concern = concern(
        "They ignored my request.",
        "alex@example.org",
        "Leeds City Council",
    );
    let reference = submit(portal, &concern).await;
    (manager, advice, reference)
}

#[tokio::test]
async fn queues_carry_the_manuals_names_on_every_page() {
    let (portal, _) = portal().await;
    let (manager, advice, reference) = manager_advice_and_a_concern(&portal).await;

    let (status, html) = page(&portal, &manager, "/staff/queues").await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains(QUEUE_13), "{html}");
    assert!(html.contains("FS50 FOIA local government concerns (work queue 18)"));
    assert!(!html.contains(">Work queue 13<"), "{html}");

    // The sift offers the queues by name; the case goes to 13.
    let (_, html) = page(&portal, &advice, &format!("/staff/sift/{reference}")).await;
    assert!(html.contains(QUEUE_13), "{html}");
    let fields = [
        ("reference", reference.as_str()),
        ("case_type", "RFA"),
        ("queue", "13"),
    ];
    posted(&portal, &advice, "/staff/api/sift/route", &fields).await;

    let (status, html) = page(&portal, &manager, "/staff/queues/13").await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains(&format!("<h1 class=\"govuk-heading-l\">{QUEUE_13}</h1>")),
        "{html}"
    );
    let (_, html) = page(&portal, &manager, &format!("/staff/queues/13/{reference}")).await;
    assert!(html.contains(QUEUE_13), "{html}");
    let (_, html) = page(&portal, &manager, &format!("/staff/cases/{reference}")).await;
    assert!(html.contains(QUEUE_13), "the case page: {html}");
}

#[tokio::test]
async fn the_case_page_and_the_queue_pages_read_a_service_level_alike() {
    let (portal, _) = portal().await;
    let (manager, advice, reference) = manager_advice_and_a_concern(&portal).await;
    let fields = [
        ("reference", reference.as_str()),
        ("case_type", "RFA"),
        ("queue", "13"),
    ];
    posted(&portal, &advice, "/staff/api/sift/route", &fields).await;

    // Sifted on 2 March, due by 5 March: met, on the case page and on the allocation page (was
    // "Due soon" on the case page and "On time, done on …" on the queue's).
    let met = "data-level=\"met\" class=\"govuk-tag govuk-tag--green\">Met on 2 March 2026<";
    let (status, case_page) = page(&portal, &manager, &format!("/staff/cases/{reference}")).await;
    assert_eq!(status, 200, "{case_page}");
    assert!(case_page.contains(met), "{case_page}");
    assert!(!case_page.contains("Due soon"), "{case_page}");
    let (_, allocation) = page(&portal, &manager, &format!("/staff/queues/13/{reference}")).await;
    assert!(allocation.contains(met), "{allocation}");

    // The queue list's next deadline (first contact, 16 March) reads as the case page's does.
    let on_time = "data-level=\"on_time\" class=\"govuk-tag govuk-tag--green\">On time<";
    let (_, queue) = page(&portal, &manager, "/staff/queues/13").await;
    let row = &queue[position(&queue, &reference)..];
    assert!(row.contains("16 March 2026"), "{queue}");
    assert!(row.contains(on_time), "{queue}");
    let first_contact = &case_page[position(&case_page, "First contact due (internal target)")..];
    assert!(first_contact.contains("16 March 2026"));
    assert!(
        first_contact[..first_contact.find("</div>").unwrap()].contains(on_time),
        "{case_page}"
    );
}

#[tokio::test]
async fn a_queue_list_filters_sorts_and_pages_keeping_each_choice() {
    let (portal, _) = portal().await;
    let (manager, _) = staff(&portal, "manager@example.gov.uk", &[Role::TeamManager]).await;
    let (_, officer) = staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let references = seed_queue(&portal, &officer).await;
    let customer: String = scalar(
        &portal,
        "SELECT customer_name FROM cases WHERE reference = $1",
        &references[7],
    )
    .await;
    assert_eq!(customer, "Customer 992", "kept by the parties trigger");

    // Page 1 of 3, oldest first; columns, the age's unit, sort links.
    let (status, html) = page(&portal, &manager, "/staff/queues/13").await;
    assert_eq!(status, 200, "{html}");
    assert_eq!(rows(&html), 50);
    assert!(html.contains("Showing 1 to 50 of 120 cases"), "{html}");
    for expected in [
        "Organisation",
        "Customer",
        "Age (calendar days)",
        "Next deadline",
        "Service level",
        "Leeds City Council",
        "Customer 999",
        ">28<",
        "href=\"/staff/queues/13?sort=customer\"",
        "aria-sort=\"ascending\"",
    ] {
        assert!(html.contains(expected), "{expected} missing: {html}");
    }
    assert!(!html.contains("rel=\"prev\""));
    assert!(position(&html, &references[0]) < position(&html, &references[1]));
    // Pages by key: next is after the last case shown; the last page is a link of its own.
    let next = format!("/staff/queues/13?after={}", references[49]);
    assert_eq!(link(&html, "next"), next);
    assert_eq!(link(&html, "last"), "/staff/queues/13?page=last");
    let (_, html) = page(&portal, &manager, &next).await;
    assert_eq!(listed_references(&html), references[50..100]);
    assert!(html.contains("Showing 50 of 120 cases"), "{html}");
    assert_eq!(link(&html, "first"), "/staff/queues/13");
    assert_eq!(
        link(&html, "previous"),
        format!("/staff/queues/13?before={}", references[50])
    );
    let (_, html) = page(&portal, &manager, &link(&html, "next")).await;
    assert_eq!(rows(&html), 20);
    assert!(html.contains("Showing 101 to 120 of 120 cases"), "{html}");
    assert!(!html.contains("rel=\"next\""));
    let (_, html) = page(&portal, &manager, "/staff/queues/13?page=last").await;
    assert_eq!(listed_references(&html), references[70..120]);
    assert!(html.contains("Showing 71 to 120 of 120 cases"), "{html}");
    let (_, html) = page(&portal, &manager, &link(&html, "previous")).await;
    assert_eq!(listed_references(&html), references[20..70]);
    let (_, html) = page(&portal, &manager, &link(&html, "previous")).await;
    assert_eq!(
        listed_references(&html),
        references[0..50],
        "back at the start"
    );
    assert!(html.contains("Showing 1 to 50 of 120 cases"), "{html}");
    // An old page number is the first page, not a scan past 250,000 rows.
    let (_, html) = page(&portal, &manager, "/staff/queues/13?page=5000").await;
    assert_eq!(listed_references(&html), references[0..50]);

    // Each filter.
    let (_, html) = page(&portal, &manager, "/staff/queues/13?level=overdue").await;
    assert!(html.contains("Showing 1 to 30 of 30 cases"), "{html}");
    assert_eq!(html.matches("data-level=\"overdue\"").count(), 30);
    assert!(html.contains("value=\"overdue\" selected"), "{html}");
    let (_, html) = page(&portal, &manager, "/staff/queues/13?level=due_soon").await;
    assert!(html.contains("of 30 cases"), "{html}");
    assert_eq!(html.matches("data-level=\"due_soon\"").count(), 30);
    let (_, html) = page(&portal, &manager, "/staff/queues/13?level=on_time").await;
    assert!(html.contains("Showing 1 to 50 of 60 cases"), "{html}");
    let (_, html) = page(&portal, &manager, "/staff/queues/13?type=FS50").await;
    assert!(html.contains("of 40 cases"), "{html}");
    let (_, html) = page(&portal, &manager, "/staff/queues/13?allocated=no").await;
    assert!(html.contains("of 60 cases"), "{html}");
    let (_, html) = page(&portal, &manager, "/staff/queues/13?allocated=yes").await;
    assert!(html.contains("of 60 cases"), "{html}");
    let (_, html) = page(
        &portal,
        &manager,
        "/staff/queues/13?organisation=leeds+city",
    )
    .await;
    assert!(html.contains("of 24 cases"), "{html}");
    assert!(!html.contains("Kent County Council"));
    assert!(html.contains("value=\"leeds city\""), "{html}");
    let (_, html) = page(&portal, &manager, "/staff/queues/13?organisation=%25").await;
    assert!(
        html.contains("There are no open cases"),
        "a % is only a %: {html}"
    );
    let path = "/staff/queues/13?level=overdue&type=FS50&allocated=yes&organisation=LEEDS";
    let (_, html) = page(&portal, &manager, path).await;
    // n % 4 == 0, n % 3 == 0, n % 2 == 0, n % 5 == 0: n = 0 and 60.
    assert!(html.contains("Showing 1 to 2 of 2 cases"), "{html}");

    // Sorting by each column, both ways; the filters kept; aria-sort on the sorted column.
    let (_, html) = page(&portal, &manager, "/staff/queues/13?sort=customer").await;
    assert!(
        position(&html, "Customer 880") < position(&html, "Customer 881"),
        "by customer, A to Z"
    );
    assert!(html.contains("aria-sort=\"ascending\""));
    assert!(
        html.contains("href=\"/staff/queues/13?sort=customer&amp;dir=desc\""),
        "{html}"
    );
    let (_, html) = page(&portal, &manager, "/staff/queues/13?sort=customer&dir=desc").await;
    assert!(position(&html, "Customer 999") < position(&html, "Customer 998"));
    assert!(html.contains("aria-sort=\"descending\""), "{html}");
    let (_, html) = page(&portal, &manager, "/staff/queues/13?sort=age&dir=desc").await;
    assert!(position(&html, &references[119]) < position(&html, &references[118]));
    let (_, html) = page(
        &portal,
        &manager,
        "/staff/queues/13?sort=reference&dir=desc",
    )
    .await;
    assert!(position(&html, &references[119]) < position(&html, &references[118]));
    let (_, html) = page(&portal, &manager, "/staff/queues/13?sort=due").await;
    assert_eq!(html.matches("data-level=\"overdue\"").count(), 30);
    assert_eq!(html.matches("data-level=\"due_soon\"").count(), 20);
    let (_, html) = page(&portal, &manager, "/staff/queues/13?sort=level&dir=desc").await;
    assert_eq!(html.matches("data-level=\"on_time\"").count(), 50);
    let (_, html) = page(&portal, &manager, "/staff/queues/13?sort=type").await;
    // 40 rows and the type filter's option.
    assert_eq!(html.matches(">FS50<").count(), 41, "FS50 sorts before RFA");
    let (_, html) = page(
        &portal,
        &manager,
        "/staff/queues/13?sort=organisation&dir=desc",
    )
    .await;
    // Z to A: the 24 Leeds cases, then Kent.
    assert_eq!(html.matches(">Leeds City Council<").count(), 24, "{html}");
    assert!(position(&html, ">Leeds City Council<") < position(&html, ">Kent County Council<"));

    // Paging keeps every choice; the filter form keeps the sort.
    let path = "/staff/queues/13?sort=customer&level=on_time";
    let (_, html) = page(&portal, &manager, path).await;
    assert!(html.contains("Showing 1 to 50 of 60 cases"), "{html}");
    // By customer A to Z is youngest first; on time is n % 4 of 2 or 3.
    let on_time: Vec<&String> = (0..120)
        .rev()
        .filter(|n| n % 4 >= 2)
        .map(|n| &references[n])
        .collect();
    let next = format!("{path}&after={}", on_time[49]);
    assert_eq!(link(&html, "next"), next, "{html}");
    assert!(
        html.contains("<input type=\"hidden\" name=\"sort\" value=\"customer\""),
        "{html}"
    );
    assert!(
        html.contains("href=\"/staff/queues/13?sort=type&amp;level=on_time\""),
        "a new sort keeps the filter, page 1: {html}"
    );
    let (_, html) = page(&portal, &manager, &next).await;
    assert!(html.contains("Showing 51 to 60 of 60 cases"), "{html}");
    assert_eq!(
        link(&html, "previous"),
        format!("{path}&before={}", on_time[50]),
        "previous keeps the rest"
    );
    assert_eq!(link(&html, "first"), path, "first keeps the rest");
}

/// The address of the paging link `name` (first, previous, next, last).
fn link(html: &str, name: &str) -> String {
    let at = position(html, &format!("data-page=\"{name}\""));
    let start = html[..at].rfind("href=\"").unwrap() + 6;
    let end = start + html[start..].find('"').unwrap();
    html[start..end].replace("&amp;", "&")
}

/// The references listed, in order.
fn listed_references(html: &str) -> Vec<String> {
    html.split("data-testid=\"queue-case\"")
        .skip(1)
        .map(|row| {
            let start = row.find("href=\"/staff/queues/13/").unwrap() + 23;
            let end = start + row[start..].find('"').unwrap();
            row[start..end].to_owned()
        })
        .collect()
}

/// Every page of `path`, following "Next" from the first and "Previous" from the last.
async fn walk(portal: &TestPortal, client: &reqwest::Client, path: &str) -> Vec<String> {
    let mut forwards = Vec::new();
    let mut at = path.to_owned();
    for _ in 0..10 {
        let (status, html) = page(portal, client, &at).await;
        assert_eq!(status, 200, "{html}");
        forwards.extend(listed_references(&html));
        if !html.contains("data-page=\"next\"") {
            break;
        }
        at = link(&html, "next");
    }
    let mut backwards = Vec::new();
    let separator = if path.contains('?') { '&' } else { '?' };
    let mut at = format!("{path}{separator}page=last");
    for _ in 0..10 {
        let (_, html) = page(portal, client, &at).await;
        // The page before a short start is the first page, full: it may repeat a few.
        let mut shown = listed_references(&html);
        shown.retain(|reference| !backwards.contains(reference));
        shown.extend(backwards);
        backwards = shown;
        if !html.contains("data-page=\"previous\"") {
            break;
        }
        at = link(&html, "previous");
    }
    assert_eq!(forwards, backwards, "{path}: forwards and backwards agree");
    forwards
}

#[tokio::test]
async fn every_page_by_key_lists_each_case_once_blanks_last_going_up() {
    let (portal, _) = portal().await;
    let (manager, _) = staff(&portal, "manager@example.gov.uk", &[Role::TeamManager]).await;
    let (_, officer) = staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let references = seed_queue(&portal, &officer).await;
    // Every 7th case has no organisation and no customer; a few share one next deadline.
    let db = &portal.database;
    sqlx::query(&db.sql(
        "UPDATE cases SET organisation_name = NULL WHERE id IN \
         (SELECT id FROM cases WHERE id LIKE 'seeded-%' AND (CAST(SUBSTR(id, 8) AS INTEGER) % 7) = 0)",
    ))
    .execute(&db.pool)
    .await
    .unwrap();
    sqlx::query(&db.sql(
        "DELETE FROM parties WHERE id LIKE 'seeded-%-c' \
         AND (CAST(SUBSTR(id, 8, LENGTH(id) - 9) AS INTEGER) % 7) = 0",
    ))
    .execute(&db.pool)
    .await
    .unwrap();
    sqlx::query(&db.sql(
        "UPDATE cases SET customer_name = NULL WHERE id LIKE 'seeded-%' \
         AND (CAST(SUBSTR(id, 8) AS INTEGER) % 7) = 0",
    ))
    .execute(&db.pool)
    .await
    .unwrap();
    let blank: Vec<&String> = (0..120)
        .filter(|n| n % 7 == 0)
        .map(|n| &references[n])
        .collect();
    let mut all = references.clone();
    all.sort();
    for path in [
        "/staff/queues/13?sort=organisation",
        "/staff/queues/13?sort=organisation&dir=desc",
        "/staff/queues/13?sort=customer",
        "/staff/queues/13?sort=customer&dir=desc",
        "/staff/queues/13?sort=due",
        "/staff/queues/13?sort=due&dir=desc",
        "/staff/queues/13?sort=reference&dir=desc",
        "/staff/queues/13?sort=type",
        "/staff/queues/13?sort=age&dir=desc",
        "/staff/queues/13?sort=level&allocated=no",
    ] {
        let listed = walk(&portal, &manager, path).await;
        let mut sorted = listed.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), listed.len(), "{path}: no case twice");
        if !path.contains("allocated") {
            assert_eq!(sorted, all, "{path}: every case");
        }
        if path.contains("organisation") || path.contains("customer") {
            let (head, tail) = if path.contains("desc") {
                (&listed[..blank.len()], &listed[blank.len()..])
            } else {
                let (before, after) = listed.split_at(listed.len() - blank.len());
                (after, before)
            };
            assert!(
                head.iter().all(|r| blank.contains(&r)),
                "{path}: blanks together at the end going up"
            );
            assert!(tail.iter().all(|r| !blank.contains(&r)), "{path}");
        }
    }
    // Reference order is the references' order.
    let listed = walk(&portal, &manager, "/staff/queues/13?sort=reference").await;
    assert_eq!(listed, all);
    // A cursor naming no case is the first page; a cursor past the end is the last page.
    let (status, html) = page(&portal, &manager, "/staff/queues/13?after=ZZ-0000").await;
    assert_eq!(status, 200);
    assert_eq!(listed_references(&html), references[0..50]);
    let path = format!("/staff/queues/13?after={}", references[119]);
    let (_, html) = page(&portal, &manager, &path).await;
    assert_eq!(listed_references(&html), references[70..120]);
}

#[tokio::test]
async fn the_count_stops_at_ten_thousand() {
    let (portal, _) = portal().await;
    let (manager, _) = staff(&portal, "manager@example.gov.uk", &[Role::TeamManager]).await;
    let db = &portal.database;
    sqlx::query(&db.sql(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10050) \
         INSERT INTO cases (id, reference, case_type, work_queue, priority, channel, status, \
         created_on, assign_by, first_contact_due, contact_promised_by, close_by, \
         organisation_name, answers, created_at, sifted_on) \
         SELECT 'bulk-' || i, 'ZZ-' || (100000 + i), 'RFA', '{\"numbered\":14}', 'normal', 'web', \
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
    let (status, html) = page(&portal, &manager, "/staff/queues/14").await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains("Showing 1 to 50 of more than 10,000 cases"),
        "{html}"
    );
    let (_, html) = page(&portal, &manager, "/staff/queues/14?page=last").await;
    assert!(
        html.contains("Showing 50 of more than 10,000 cases"),
        "{html}"
    );
    assert!(html.contains(">ZZ-110050<"), "the last case: {html}");
    assert!(!html.contains("data-page=\"next\""));
    let (_, html) = page(&portal, &manager, "/staff/queues/14?type=FS50").await;
    assert!(html.contains("There are no open cases"), "{html}");
}

#[tokio::test]
async fn the_next_deadline_follows_the_prepare_work_item_and_the_closure() {
    let (portal, _) = portal().await;
    let (_, officer) = staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let reference = seed(
        &portal,
        &Seed {
            n: 1,
            case_type: "RFA",
            organisation: "Leeds City Council",
            customer: "Sam Walker".to_owned(),
            first_contact_due: "2026-02-20",
            assigned_to: Some(officer),
        },
    )
    .await;
    assert_eq!(
        next_due(&portal, &reference).await.as_deref(),
        Some("2026-02-20")
    );
    let db = &portal.database;
    sqlx::query(&db.sql(
        "INSERT INTO work_items (id, case_id, kind, queue, due_on, completed_at) \
         VALUES ('w1', 'seeded-1', 'prepare', 'x', '2026-02-20', NULL)",
    ))
    .execute(&db.pool)
    .await
    .unwrap();
    assert_eq!(
        next_due(&portal, &reference).await.as_deref(),
        Some("2026-02-20")
    );
    sqlx::query(&db.sql("UPDATE work_items SET completed_at = 1772000000 WHERE id = 'w1'"))
        .execute(&db.pool)
        .await
        .unwrap();
    assert_eq!(
        next_due(&portal, &reference).await.as_deref(),
        Some("2026-08-02"),
        "closure next"
    );
    sqlx::query(&db.sql("UPDATE cases SET status = 'closed' WHERE id = 'seeded-1'"))
        .execute(&db.pool)
        .await
        .unwrap();
    assert_eq!(next_due(&portal, &reference).await, None);
    sqlx::query(&db.sql("UPDATE parties SET name = 'Samuel Walker' WHERE id = 'seeded-1-c'"))
        .execute(&db.pool)
        .await
        .unwrap();
    let customer: String = scalar(
        &portal,
        "SELECT customer_name FROM cases WHERE reference = $1",
        &reference,
    )
    .await;
    assert_eq!(customer, "Samuel Walker");
}
