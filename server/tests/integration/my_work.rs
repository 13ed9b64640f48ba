//! The staff home's lists of work through HTTP, on SQLite (default) or PostgreSQL
//! (`PORTAL_TEST_DATABASE_URL`): an officer with two allocated cases, one open work item and one
//! callback sees them on `/staff`, the cases by next deadline and by another column on request
//! (plain links, `aria-sort`); another officer's cases are not shown; a team manager sees the
//! team's (the queues they lead); an email in shows under new correspondence until the officer
//! opens the case.

use app::domain::staff::Role;
use serde_json::json;

use crate::casework_case::{allocate, concern, page, portal, posted, staff, submit, KEY, MX};
use crate::support::TestPortal;

/// A concern from `customer` about `organisation`.
pub async fn case_from(portal: &TestPortal, customer: &str, organisation: &str) -> String {
    let mut body = concern("They did not answer.", "alex@example.org", organisation);
    body["customer"]["name"] = json!(customer);
    submit(portal, &body).await
}

pub async fn run(portal: &TestPortal, sql: &str, binds: &[&str]) {
    let db = &portal.database;
    let sql = db.sql(sql);
    let mut query = sqlx::query(&sql);
    for bind in binds {
        query = query.bind(*bind);
    }
    query.execute(&db.pool).await.unwrap();
}

/// The part of `html` from the element marked `data-testid="<id>"` to the end of its table.
pub fn table<'a>(html: &'a str, id: &str) -> &'a str {
    let marker = format!("data-testid=\"{id}\"");
    let Some(start) = html.find(&marker) else {
        return "";
    };
    let rest = &html[start..];
    &rest[..rest.find("</table>").unwrap_or(rest.len())]
}

/// Where each reference is in `text` (it must be there).
fn order(text: &str, references: &[&str]) -> Vec<usize> {
    references
        .iter()
        .map(|reference| {
            text.find(*reference)
                .unwrap_or_else(|| panic!("{reference} missing: {text}"))
        })
        .collect()
}

/// An email from the customer, as the receiving mail server hands it over (DMARC passed).
async fn email_in(portal: &TestPortal, reference: &str) {
    let raw = format!(
        "Authentication-Results: {MX}; dmarc=pass (p=none) header.from=example.org\r\n\
         From: Alex Jones <alex@example.org>\r\nTo: casework@localhost\r\n\
         Subject: Re: Your concern [Ref. {reference}]\r\n\
         Content-Type: text/plain; charset=utf-8\r\n\r\nHere are the letters they sent me.\r\n"
    );
    let response = portal
        .client
        .post(format!("{}/api/v1/inbound-email", portal.url))
        .header("content-type", "message/rfc822")
        .bearer_auth(KEY)
        .body(raw)
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success(), "{}", response.status());
}

#[tokio::test]
async fn an_officer_sees_their_cases_work_items_callbacks_and_new_correspondence() {
    let (portal, _) = portal().await;
    let (officer, officer_id) =
        staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let (other, other_id) = staff(&portal, "other@example.gov.uk", &[Role::CaseOfficer]).await;
    let (manager, manager_id) =
        staff(&portal, "manager@example.gov.uk", &[Role::TeamManager]).await;
    let (adviser, _) = staff(&portal, "adviser@example.gov.uk", &[Role::Helpline]).await;

    // Two cases for the officer: the first prepared (its next deadline is closure), the second
    // due for first contact tomorrow; a third for another officer.
    let first = case_from(&portal, "Alex Jones", "Example Organisation Ltd").await;
    let second = case_from(&portal, "Zoe Walker", "Leeds City Council").await;
    let theirs = case_from(&portal, "Sam Smith", "Another Body").await;
    allocate(&portal, &first, &officer_id).await;
    allocate(&portal, &second, &officer_id).await;
    allocate(&portal, &theirs, &other_id).await;
    run(
        &portal,
        "UPDATE work_items SET completed_at = 1772409600 WHERE kind = 'prepare' \
         AND case_id = (SELECT id FROM cases WHERE reference = $1)",
        &[&first],
    )
    .await;
    run(
        &portal,
        "UPDATE cases SET first_contact_due = '2026-03-03' WHERE reference = $1",
        &[&second],
    )
    .await;
    // A callback for the officer, booked by the helpline.
    let back = posted(
        &portal,
        &adviser,
        "/staff/api/helpline/callback",
        &[
            ("reference", &first),
            ("caller", "Alex Jones"),
            ("phone", "07700 900123"),
            ("waits", "yes"),
            ("note", "Wants to know when the case will be looked at."),
        ],
    )
    .await;
    assert_eq!(back, format!("/staff/helpline/{first}?done=callback"));

    // By next deadline (the default): the second (first contact tomorrow) before the first.
    let (status, html) = page(&portal, &officer, "/staff").await;
    assert_eq!(status, 200, "{html}");
    let cases = table(&html, "work-cases");
    let at = order(cases, &[&second, &first]);
    assert!(at[0] < at[1], "by next deadline: {cases}");
    assert!(!html.contains(&theirs), "another officer's case: {html}");
    for expected in [
        format!("href=\"/staff/cases/{first}\""),
        "Zoe Walker".to_owned(),
        "Leeds City Council".to_owned(),
        "First contact (internal target) by 3 March 2026".to_owned(),
        "Due soon".to_owned(),
        // The sorted column's link sorts it the other way.
        "aria-sort=\"ascending\" class=\"govuk-table__header\"><a href=\"/staff?dir=desc\""
            .to_owned(),
        "href=\"/staff?sort=customer\"".to_owned(),
    ] {
        assert!(cases.contains(&expected), "{expected} missing: {cases}");
    }
    assert_eq!(cases.matches("aria-sort").count(), 1, "{cases}");
    // One open work item (the second case's 'prepare'), one callback.
    let items = table(&html, "work-items");
    assert_eq!(
        items.matches("data-testid=\"work-item\"").count(),
        1,
        "{items}"
    );
    assert!(
        items.contains(&second) && items.contains("Prepare case"),
        "{items}"
    );
    let callbacks = table(&html, "work-callbacks");
    assert!(callbacks.contains(&first), "{html}");
    assert!(callbacks.contains("Alex Jones"), "{callbacks}");
    assert!(html.contains("No new emails."), "{html}");
    // The reference box is still there.
    assert!(html.contains("Find a case"), "{html}");

    // By customer, on request: Alex Jones's case first.
    let (status, html) = page(&portal, &officer, "/staff?sort=customer").await;
    assert_eq!(status, 200, "{html}");
    let cases = table(&html, "work-cases");
    let at = order(cases, &[&first, &second]);
    assert!(at[0] < at[1], "by customer: {cases}");
    assert!(
        cases.contains(
            "aria-sort=\"ascending\" class=\"govuk-table__header\"><a href=\"/staff?sort=customer&amp;dir=desc\" data-sort=\"customer\" class=\"govuk-link\">Customer"
        ),
        "{cases}"
    );
    // Only a team manager may see a team: the officer's own list still.
    let (_, html) = page(&portal, &officer, "/staff?scope=team").await;
    assert!(!html.contains(&theirs), "{html}");
    assert!(!html.contains("My team&#x27;s work") && !html.contains("My team's work"));

    // The other officer sees only theirs.
    let (_, html) = page(&portal, &other, "/staff").await;
    let cases = table(&html, "work-cases");
    assert!(cases.contains(&theirs), "{html}");
    assert!(
        !cases.contains(&first) && !cases.contains(&second),
        "{cases}"
    );

    // The manager leads queue 6: their team's cases, each with its officer.
    run(
        &portal,
        "INSERT INTO work_queue_leads (work_queue, staff_id) VALUES ($1, $2)",
        &[r#"{"numbered":6}"#, &manager_id],
    )
    .await;
    let (status, html) = page(&portal, &manager, "/staff").await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains("No open cases are allocated to you."),
        "{html}"
    );
    assert!(html.contains("href=\"/staff?scope=team\""), "{html}");
    let (status, html) = page(&portal, &manager, "/staff?scope=team&sort=officer").await;
    assert_eq!(status, 200, "{html}");
    let cases = table(&html, "work-cases");
    order(cases, &[&first, &second, &theirs]);
    assert!(cases.contains("Name of officer@example.gov.uk"), "{cases}");
    assert!(cases.contains("Name of other@example.gov.uk"), "{cases}");
    let at = order(
        cases,
        &[
            "Name of officer@example.gov.uk",
            "Name of other@example.gov.uk",
        ],
    );
    assert!(at[0] < at[1], "by officer: {cases}");
    assert!(
        cases.contains("href=\"/staff?scope=team&amp;sort=deadline\"")
            || cases.contains("href=\"/staff?scope=team\""),
        "{cases}"
    );
    assert!(html.contains("aria-current=\"page\""), "{html}");

    // An email in on the first case: new correspondence, until the officer opens the case.
    email_in(&portal, &first).await;
    let (_, html) = page(&portal, &officer, "/staff").await;
    let mail = table(&html, "work-mail");
    assert!(mail.contains(&first), "{html}");
    assert!(!mail.contains(&second), "{mail}");
    let (_, html) = page(&portal, &manager, "/staff?scope=team").await;
    assert!(table(&html, "work-mail").contains(&first), "{html}");
    let (status, _) = page(&portal, &officer, &format!("/staff/cases/{first}")).await;
    assert_eq!(status, 200);
    let mut seen = false;
    for _ in 0..50 {
        let (_, html) = page(&portal, &officer, "/staff").await;
        if html.contains("No new emails.") {
            seen = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(seen, "read once the officer opened the case");
}

#[tokio::test]
async fn two_hundred_cases_render_quickly_with_one_query_per_list() {
    let (portal, _) = portal().await;
    let (officer, officer_id) =
        staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let first = case_from(&portal, "Alex Jones", "Example Organisation Ltd").await;
    allocate(&portal, &first, &officer_id).await;
    // 199 more copies of the case (and its instance, parties and work items) in the database.
    let db = &portal.database;
    for n in 0..199 {
        let suffix = format!("-copy{n}");
        for sql in [
            "INSERT INTO cases (id, reference, idempotency_key, case_type, work_queue, priority, \
             channel, status, created_on, assign_by, first_contact_due, contact_promised_by, \
             close_by, organisation_name, sector, answers, created_at, title, sifted_on, \
             assigned_to, allocated_on, instance) \
             SELECT id || $1, reference || $2, NULL, case_type, work_queue, priority, channel, \
             status, created_on, assign_by, first_contact_due, contact_promised_by, close_by, \
             organisation_name, sector, answers, created_at, title, sifted_on, assigned_to, \
             allocated_on, instance FROM cases WHERE reference = $3",
            "INSERT INTO case_instances (id, case_id, number, opened_on) \
             SELECT i.id || $1, i.case_id || $2, i.number, i.opened_on FROM case_instances i \
             JOIN cases c ON c.id = i.case_id WHERE c.reference = $3",
            "INSERT INTO parties (id, case_id, role, name, email, phone, details) \
             SELECT p.id || $1, p.case_id || $2, p.role, p.name, p.email, p.phone, p.details \
             FROM parties p JOIN cases c ON c.id = p.case_id WHERE c.reference = $3",
            "INSERT INTO work_items (id, case_id, kind, queue, due_on, created_at) \
             SELECT w.id || $1, w.case_id || $2, w.kind, w.queue, w.due_on, w.created_at \
             FROM work_items w JOIN cases c ON c.id = w.case_id WHERE c.reference = $3",
        ] {
            sqlx::query(&db.sql(sql))
                .bind(&suffix)
                .bind(&suffix)
                .bind(&first)
                .execute(&db.pool)
                .await
                .unwrap();
        }
    }
    // Warm, then timed.
    let (status, html) = page(&portal, &officer, "/staff").await;
    assert_eq!(status, 200, "{html}");
    let started = std::time::Instant::now();
    let (_, html) = page(&portal, &officer, "/staff").await;
    let took = started.elapsed();
    assert_eq!(
        html.matches("data-testid=\"work-case\"").count(),
        25,
        "a page of 25"
    );
    assert!(html.contains("Showing 1 to 25 of 200 cases"), "{html}");
    assert!(html.contains("200 open cases, sorted by"), "{html}");
    // The work items page 25 at a time too, from one query.
    assert_eq!(html.matches("data-testid=\"work-item\"").count(), 25);
    assert!(
        html.contains("Showing 1 to 25 of 200 open work items"),
        "{html}"
    );
    eprintln!("/staff with 200 cases: {took:?}");
    assert!(took < std::time::Duration::from_secs(2), "{took:?}");
}

/// The references in the cases table, in order.
fn case_references(html: &str) -> Vec<String> {
    html.split("data-testid=\"work-case\"")
        .skip(1)
        .map(|row| {
            let start = row.find("href=\"/staff/cases/").unwrap() + 19;
            let end = start + row[start..].find('"').unwrap();
            row[start..end].to_owned()
        })
        .collect()
}

#[tokio::test]
async fn the_case_list_sorts_both_ways_and_pages_for_the_officer_and_the_team() {
    let (portal, _) = portal().await;
    let (officer, officer_id) =
        staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let (manager, manager_id) =
        staff(&portal, "manager@example.gov.uk", &[Role::TeamManager]).await;
    for n in 0..30 {
        let reference = case_from(&portal, &format!("Customer {n:02}"), "Example Ltd").await;
        allocate(&portal, &reference, &officer_id).await;
    }
    // A to Z by customer: 25, then 5 on page 2, links keeping the sort.
    let (status, html) = page(&portal, &officer, "/staff?sort=customer").await;
    assert_eq!(status, 200, "{html}");
    let first = case_references(&html);
    assert_eq!(first.len(), 25);
    assert!(html.contains("Customer 00"), "{html}");
    assert!(html.contains("aria-sort=\"ascending\""), "{html}");
    assert!(
        html.contains("href=\"/staff?sort=customer&amp;dir=desc\" data-sort=\"customer\""),
        "the sorted column's link sorts the other way: {html}"
    );
    assert!(html.contains("Showing 1 to 25 of 30 cases"), "{html}");
    assert!(
        html.contains("href=\"/staff?sort=customer&amp;page=2\""),
        "{html}"
    );
    let (_, html) = page(&portal, &officer, "/staff?sort=customer&page=2").await;
    let second = case_references(&html);
    assert_eq!(second.len(), 5);
    assert!(html.contains("Showing 26 to 30 of 30 cases"), "{html}");
    assert!(
        html.contains("href=\"/staff?sort=customer\" rel=\"prev\""),
        "{html}"
    );
    // Z to A is the same list backwards.
    let (_, html) = page(&portal, &officer, "/staff?sort=customer&dir=desc").await;
    assert!(html.contains("aria-sort=\"descending\""), "{html}");
    let mut all: Vec<String> = first.iter().chain(&second).cloned().collect();
    all.reverse();
    assert_eq!(case_references(&html), all[..25]);
    assert!(html.contains("href=\"/staff?sort=customer\" data-sort=\"customer\""));
    // The team's list for the manager leading queue 6: the same tools, the scope kept.
    run(
        &portal,
        "INSERT INTO work_queue_leads (work_queue, staff_id) VALUES ($1, $2)",
        &[r#"{"numbered":6}"#, &manager_id],
    )
    .await;
    let (_, html) = page(&portal, &manager, "/staff?scope=team&sort=officer&dir=desc").await;
    assert_eq!(case_references(&html).len(), 25, "{html}");
    assert!(html.contains("aria-sort=\"descending\""), "{html}");
    assert!(
        html.contains("href=\"/staff?scope=team&amp;sort=officer&amp;dir=desc&amp;page=2\""),
        "{html}"
    );
    assert!(
        html.contains("href=\"/staff?sort=officer&amp;dir=desc\" class=\"govuk-link\">My work"),
        "the switch to their own keeps the sort: {html}"
    );
    let (_, html) = page(&portal, &manager, "/staff?scope=team&page=2").await;
    assert_eq!(case_references(&html).len(), 5, "{html}");
}
