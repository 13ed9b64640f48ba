//! The staff home's other lists through HTTP, on SQLite (default) or PostgreSQL
//! (`PORTAL_TEST_DATABASE_URL`): open work items, callbacks due and cases with new
//! correspondence each sort by their columns both ways (plain links, `aria-sort`), page 25 at a
//! time, and keep the cases' and the other lists' sorts and pages in every link; a team manager
//! sees the same for their team.

use app::domain::staff::Role;

use crate::casework_case::{allocate, page, portal, staff};
use crate::my_work::{case_from, run, table};
use crate::support::TestPortal;

/// The case references in the rows marked `data-testid="<row>"` of the table `id`, in order.
fn rows(html: &str, id: &str, row: &str) -> Vec<String> {
    let marker = format!("data-testid=\"{row}\"");
    table(html, id)
        .split(marker.as_str())
        .skip(1)
        // The mail table and its rows share a mark: its head has no case links.
        .filter_map(|row| {
            let start = row.find("href=\"/staff/cases/")? + 19;
            let end = start + row[start..].find('"')?;
            Some(row[start..end].to_owned())
        })
        .collect()
}

fn items(html: &str) -> Vec<String> {
    rows(html, "work-items", "work-item")
}

fn callbacks(html: &str) -> Vec<String> {
    rows(html, "work-callbacks", "work-callback")
}

fn mail(html: &str) -> Vec<String> {
    rows(html, "work-mail", "work-mail")
}

/// The header of `section` whose link sorts by `code`: its `aria-sort` (none when not sorted by
/// it) and its link.
fn header(section: &str, code: &str) -> (Option<String>, String) {
    let marker = format!("data-sort=\"{code}\"");
    let at = section
        .find(&marker)
        .unwrap_or_else(|| panic!("no header {code}: {section}"));
    let start = section[..at].rfind("<th").unwrap();
    let end = at + section[at..].find("</th>").unwrap();
    let th = &section[start..end];
    let attribute = |name: &str| {
        let key = format!("{name}=\"");
        th.find(&key).map(|i| {
            let from = i + key.len();
            th[from..from + th[from..].find('"').unwrap()].to_owned()
        })
    };
    (attribute("aria-sort"), attribute("href").unwrap())
}

fn reversed(list: &[String]) -> Vec<String> {
    list.iter().rev().cloned().collect()
}

/// 30 cases for the officer and 5 for another officer, all in queue 6 (which the manager leads):
/// case `n` has its open work item due on day `n` of April, a callback for its officer due then
/// from "Caller <34 - n>" with `n % 4` attempts, and `1 + n % 3` emails in, the latest at minute
/// `n`. The references in that order.
async fn thirty_five_cases(portal: &TestPortal, officer: &str, other: &str) -> Vec<String> {
    let mut references = Vec::new();
    for n in 0..35 {
        let reference = case_from(portal, &format!("Customer {n:02}"), "Example Ltd").await;
        let whose = if n < 30 { officer } else { other };
        allocate(portal, &reference, whose).await;
        let due = format!("2026-{:02}-{:02}", 4 + n / 28, n % 28 + 1);
        run(
            portal,
            "UPDATE work_items SET due_on = $1 WHERE completed_at IS NULL \
             AND case_id = (SELECT id FROM cases WHERE reference = $2)",
            &[&due, &reference],
        )
        .await;
        run(
            portal,
            "INSERT INTO callbacks (id, case_id, staff_id, booked_by, booked_at, due_on, \
             caller_name, phone, note, caller_waits, passed_over, status, attempts) \
             SELECT $1, c.id, c.assigned_to, c.assigned_to, 1772409600, $2, $3, '07700 900123', \
             'Call back', 0, '', 'open', CAST($4 AS BIGINT) FROM cases c WHERE c.reference = $5",
            &[
                &format!("callback-{n}"),
                &due,
                &format!("Caller {:02}", 34 - n),
                &(n % 4).to_string(),
                &reference,
            ],
        )
        .await;
        for email in 0..=(n % 3) {
            let at = 1_772_409_600_000_i64 + i64::from(n) * 60_000 - i64::from(email) * 1_000;
            run(
                portal,
                "INSERT INTO case_messages (id, case_id, direction, from_address, to_address, \
                 subject, body, at, status) SELECT $1, c.id, 'in', 'alex@example.org', \
                 'casework@localhost', 'Re: Your concern', 'More letters.', CAST($2 AS BIGINT), \
                 'received' FROM cases c WHERE c.reference = $3",
                &[&format!("message-{n}-{email}"), &at.to_string(), &reference],
            )
            .await;
        }
        references.push(reference);
    }
    references
}

#[tokio::test]
async fn work_items_callbacks_and_new_correspondence_sort_both_ways_and_page() {
    let (portal, _) = portal().await;
    let (officer, officer_id) =
        staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let (_, other_id) = staff(&portal, "other@example.gov.uk", &[Role::CaseOfficer]).await;
    let (manager, manager_id) =
        staff(&portal, "manager@example.gov.uk", &[Role::TeamManager]).await;
    let all = thirty_five_cases(&portal, &officer_id, &other_id).await;
    let mine = &all[..30];

    // Work items: due soonest first, 25 then 5, the next page's link keeping everything else.
    let (status, html) = page(&portal, &officer, "/staff").await;
    assert_eq!(status, 200, "{html}");
    assert_eq!(items(&html), mine[..25]);
    assert!(
        html.contains("Showing 1 to 25 of 30 open work items"),
        "{html}"
    );
    let section = table(&html, "work-items");
    assert_eq!(
        header(section, "due"),
        (
            Some("ascending".to_owned()),
            "/staff?items_dir=desc#work-items".to_owned()
        ),
        "the sorted column's link sorts it the other way: {section}"
    );
    assert_eq!(
        header(section, "reference"),
        (None, "/staff?items_sort=reference#work-items".to_owned())
    );
    assert_eq!(section.matches("aria-sort").count(), 1, "{section}");
    assert!(
        html.contains("href=\"/staff?items_page=2#work-items\" rel=\"next\""),
        "{html}"
    );
    let (_, html) = page(&portal, &officer, "/staff?items_page=2").await;
    assert_eq!(items(&html), mine[25..]);
    assert!(html.contains("Showing 26 to 30 of 30 open work items"));
    assert!(
        html.contains("href=\"/staff#work-items\" rel=\"prev\""),
        "{html}"
    );
    // Past the end: the last page.
    let (_, html) = page(&portal, &officer, "/staff?items_page=9").await;
    assert_eq!(items(&html), mine[25..]);
    // Latest due first: the same list backwards.
    let (_, html) = page(&portal, &officer, "/staff?items_dir=desc").await;
    assert_eq!(items(&html), reversed(mine)[..25]);
    assert_eq!(
        header(table(&html, "work-items"), "due").0.as_deref(),
        Some("descending")
    );
    // By case reference, both ways.
    let mut by_reference = mine.to_vec();
    by_reference.sort();
    let (_, html) = page(&portal, &officer, "/staff?items_sort=reference").await;
    assert_eq!(items(&html), by_reference[..25]);
    let (_, html) = page(
        &portal,
        &officer,
        "/staff?items_sort=reference&items_dir=desc",
    )
    .await;
    assert_eq!(items(&html), reversed(&by_reference)[..25]);

    // Callbacks: due soonest first, and by caller (Caller 34 on the first case … Caller 05).
    let (_, html) = page(&portal, &officer, "/staff").await;
    assert_eq!(callbacks(&html), mine[..25]);
    assert!(
        html.contains("Showing 1 to 25 of 30 callbacks due"),
        "{html}"
    );
    let (_, html) = page(&portal, &officer, "/staff?callbacks_sort=caller").await;
    assert_eq!(callbacks(&html), reversed(mine)[..25]);
    let section = table(&html, "work-callbacks");
    assert_eq!(
        header(section, "caller"),
        (
            Some("ascending".to_owned()),
            "/staff?callbacks_sort=caller&amp;callbacks_dir=desc#callbacks-due".to_owned()
        ),
        "{section}"
    );
    assert_eq!(section.matches("aria-sort").count(), 1, "{section}");
    let (_, html) = page(
        &portal,
        &officer,
        "/staff?callbacks_sort=caller&callbacks_dir=desc&callbacks_page=2",
    )
    .await;
    assert_eq!(callbacks(&html), mine[25..]);
    assert!(
        html.contains("Showing 26 to 30 of 30 callbacks due"),
        "{html}"
    );
    // By attempts: none first (cases 0, 4, 8, …), each count in due order.
    let mut by_attempts: Vec<(usize, String)> = mine
        .iter()
        .enumerate()
        .map(|(n, reference)| (n % 4, reference.clone()))
        .collect();
    by_attempts.sort_by_key(|(attempts, _)| *attempts);
    let by_attempts: Vec<String> = by_attempts.into_iter().map(|(_, r)| r).collect();
    let (_, html) = page(&portal, &officer, "/staff?callbacks_sort=attempts").await;
    assert_eq!(callbacks(&html), by_attempts[..25]);
    let (_, html) = page(
        &portal,
        &officer,
        "/staff?callbacks_sort=attempts&callbacks_dir=desc",
    )
    .await;
    assert_eq!(callbacks(&html), reversed(&by_attempts)[..25]);

    // New correspondence: newest first (the default), oldest first on request.
    let (_, html) = page(&portal, &officer, "/staff").await;
    assert_eq!(mail(&html), reversed(mine)[..25]);
    assert!(
        html.contains("Showing 1 to 25 of 30 cases with new emails"),
        "{html}"
    );
    assert_eq!(
        header(table(&html, "work-mail"), "latest"),
        (
            Some("descending".to_owned()),
            "/staff?mail_dir=asc#new-correspondence".to_owned()
        ),
        "newest first: {html}"
    );
    assert_eq!(
        header(table(&html, "work-mail"), "emails"),
        (
            None,
            "/staff?mail_sort=emails#new-correspondence".to_owned()
        ),
        "most first"
    );
    let (_, html) = page(&portal, &officer, "/staff?mail_dir=asc").await;
    assert_eq!(mail(&html), mine[..25]);
    let (_, html) = page(&portal, &officer, "/staff?mail_dir=asc&mail_page=2").await;
    assert_eq!(mail(&html), mine[25..]);
    // By new emails, most first: three (cases 2, 5, …), then two, then one; ties by reference.
    let mut by_emails: Vec<(usize, String)> = mine
        .iter()
        .enumerate()
        .map(|(n, reference)| (n % 3 + 1, reference.clone()))
        .collect();
    by_emails.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| b.1.cmp(&a.1)));
    let by_emails: Vec<String> = by_emails.into_iter().map(|(_, r)| r).collect();
    let (_, html) = page(&portal, &officer, "/staff?mail_sort=emails").await;
    assert_eq!(mail(&html), by_emails[..25]);
    let (_, html) = page(&portal, &officer, "/staff?mail_sort=emails&mail_dir=asc").await;
    assert_eq!(mail(&html), reversed(&by_emails)[..25]);

    // Every link keeps the cases' and the other lists' sorts and pages.
    let (_, html) = page(
        &portal,
        &officer,
        "/staff?sort=customer&items_page=2&callbacks_sort=caller&mail_dir=asc",
    )
    .await;
    for expected in [
        // The work items' headers: their page back to 1, everything else kept.
        "href=\"/staff?sort=customer&amp;items_sort=reference&amp;callbacks_sort=caller&amp;mail_dir=asc#work-items\"",
        // The callbacks' pages.
        "href=\"/staff?sort=customer&amp;items_page=2&amp;callbacks_sort=caller&amp;callbacks_page=2&amp;mail_dir=asc#callbacks-due\"",
        // The correspondence's headers.
        "href=\"/staff?sort=customer&amp;items_page=2&amp;callbacks_sort=caller&amp;mail_sort=reference#new-correspondence\"",
        // The cases' pages and headers.
        "href=\"/staff?sort=customer&amp;page=2&amp;items_page=2&amp;callbacks_sort=caller&amp;mail_dir=asc\"",
        "href=\"/staff?sort=customer&amp;dir=desc&amp;items_page=2&amp;callbacks_sort=caller&amp;mail_dir=asc\"",
    ] {
        assert!(html.contains(expected), "{expected} missing: {html}");
    }
    assert_eq!(items(&html), mine[25..]);
    assert_eq!(callbacks(&html), reversed(mine)[..25]);
    assert_eq!(mail(&html), mine[..25]);

    // The team: 35 of each, by officer (officer@ before other@) both ways.
    run(
        &portal,
        "INSERT INTO work_queue_leads (work_queue, staff_id) VALUES ($1, $2)",
        &[r#"{"numbered":6}"#, &manager_id],
    )
    .await;
    let (status, html) = page(&portal, &manager, "/staff?scope=team").await;
    assert_eq!(status, 200, "{html}");
    assert_eq!(items(&html), all[..25]);
    assert!(
        html.contains("Showing 1 to 25 of 35 open work items"),
        "{html}"
    );
    assert!(
        html.contains("Showing 1 to 25 of 35 callbacks due"),
        "{html}"
    );
    assert!(
        html.contains("Showing 1 to 25 of 35 cases with new emails"),
        "{html}"
    );
    assert!(
        html.contains("href=\"/staff?scope=team&amp;items_sort=officer#work-items\""),
        "{html}"
    );
    let (_, html) = page(
        &portal,
        &manager,
        "/staff?scope=team&items_sort=officer&items_dir=desc",
    )
    .await;
    assert_eq!(
        items(&html)[..5],
        all[30..].iter().rev().cloned().collect::<Vec<_>>()
    );
    assert_eq!(
        header(table(&html, "work-items"), "officer"),
        (
            Some("descending".to_owned()),
            "/staff?scope=team&amp;items_sort=officer#work-items".to_owned()
        )
    );
    let (_, html) = page(
        &portal,
        &manager,
        "/staff?scope=team&items_sort=officer&items_page=2",
    )
    .await;
    assert_eq!(items(&html), all[25..]);
    let (_, html) = page(
        &portal,
        &manager,
        "/staff?scope=team&callbacks_sort=calls&callbacks_dir=desc",
    )
    .await;
    assert_eq!(
        callbacks(&html)[..5],
        all[30..].iter().rev().cloned().collect::<Vec<_>>()
    );
    let (_, html) = page(
        &portal,
        &manager,
        "/staff?scope=team&mail_sort=officer&mail_page=2",
    )
    .await;
    let mut others = all[30..].to_vec();
    others.sort();
    assert_eq!(mail(&html)[5..], others);
    // Switching to their own work keeps each list's sort, from the first page.
    assert!(
        html.contains("href=\"/staff?mail_sort=officer\" class=\"govuk-link\">My work"),
        "{html}"
    );
}
