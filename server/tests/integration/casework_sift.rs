//! The sift, the work queues and the exception reports through HTTP, on SQLite (default) or
//! PostgreSQL (`PORTAL_TEST_DATABASE_URL`): a case handed in through the real intake is sifted
//! (a flag cleared with a reason, its type confirmed, routed to work queue 6), allocated to a case
//! officer, moved to another queue with a reason; the queue's lead set; each refusal shown on the
//! page it came from; the areas refused without their roles; and the exception reports with their
//! CSV downloads.

use app::domain::staff::Role;

use crate::casework_case::{
    audits, concern, events, page, portal, post, posted, scalar, staff, submit,
};
use crate::support::{browser, location, TestPortal};

async fn new_case(portal: &TestPortal, summary: &str) -> String {
    submit(
        portal,
        &concern(summary, "alex@example.org", "Example Telecoms Ltd"),
    )
    .await
}

async fn run(portal: &TestPortal, sql: &str, reference: &str) {
    let db = &portal.database;
    sqlx::query(&db.sql(sql))
        .bind(reference)
        .execute(&db.pool)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_case_is_sifted_routed_allocated_and_moved() {
    let (portal, _) = portal().await;
    let (advice, _) = staff(&portal, "advice@example.gov.uk", &[Role::AdviceService]).await;
    let (manager, _) = staff(&portal, "manager@example.gov.uk", &[Role::TeamManager]).await;
    let (officer, officer_id) =
        staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let reference = new_case(&portal, "I think they sold my data to a marketing firm.").await;
    let sift_page = format!("/staff/sift/{reference}");

    // The sift list: the new case, assign by Thursday 5 March (3 working days), due soon.
    let (status, html) = page(&portal, &advice, "/staff/sift").await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains(&reference), "{html}");
    assert!(html.contains("5 March 2026"), "{html}");
    assert!(html.contains("Due soon"));
    assert!(html.contains("/staff/sift/correspondence"));

    // The case's sift page: summary, the flag, the suggestion from the routing table.
    let (status, html) = page(&portal, &advice, &sift_page).await;
    assert_eq!(status, 200, "{html}");
    for expected in [
        "data-testid=\"sift-form\"",
        "Sift and route",
        "Potential criminal breach",
        "Example Telecoms Ltd",
        "The routing table suggests PECR, RFA DPA telecoms, direct marketing concerns (work queue 6)",
        "name=\"case_type\"",
        "id=\"queue\"",
    ] {
        assert!(html.contains(expected), "{expected} missing: {html}");
    }

    // Clearing a flag needs a reason.
    let field = "reason-potential_criminal_breach";
    let fields = [
        ("reference", reference.as_str()),
        ("flag", "potential_criminal_breach"),
        ("reason", "  "),
    ];
    let back = posted(&portal, &advice, "/staff/api/sift/clear-flag", &fields).await;
    assert_eq!(back, sift_page);
    let (_, html) = page(&portal, &advice, &sift_page).await;
    assert!(html.contains("There is a problem"), "{html}");
    assert!(html.contains(&format!("href=\"#{field}\"")), "{html}");
    assert!(html.contains("Enter a reason"));
    let fields = [
        ("reference", reference.as_str()),
        ("flag", "potential_criminal_breach"),
        ("reason", "They mean a list broker, not a crime."),
    ];
    let back = posted(&portal, &advice, "/staff/api/sift/clear-flag", &fields).await;
    assert_eq!(back, format!("{sift_page}?done=flag_cleared#flags"));
    let cleared: String = scalar(
        &portal,
        "SELECT f.cleared_reason FROM sift_flags f JOIN cases c ON c.id = f.case_id \
         WHERE c.reference = $1 AND f.kind = 'potential_criminal_breach'",
        &reference,
    )
    .await;
    assert_eq!(cleared, "They mean a list broker, not a crime.");

    // Sifting needs a queue; then it is routed to 6.
    let fields = [
        ("reference", reference.as_str()),
        ("case_type", "RFA"),
        ("queue", ""),
    ];
    assert_eq!(
        posted(&portal, &advice, "/staff/api/sift/route", &fields).await,
        sift_page
    );
    let (_, html) = page(&portal, &advice, &sift_page).await;
    assert!(html.contains("Choose a work queue"), "{html}");
    assert!(html.contains("href=\"#queue\""), "{html}");
    let fields = [
        ("reference", reference.as_str()),
        ("case_type", "RFA"),
        ("queue", "6"),
    ];
    let done = posted(&portal, &advice, "/staff/api/sift/route", &fields).await;
    assert_eq!(
        done,
        format!("/staff/sift?done=sifted&reference={reference}")
    );
    let sifted_on: String = scalar(
        &portal,
        "SELECT sifted_on FROM cases WHERE reference = $1",
        &reference,
    )
    .await;
    assert_eq!(sifted_on, "2026-03-02");
    let queue: String = scalar(
        &portal,
        "SELECT work_queue FROM cases WHERE reference = $1",
        &reference,
    )
    .await;
    assert_eq!(queue, r#"{"numbered":6}"#);
    let (_, html) = page(&portal, &advice, "/staff/sift").await;
    assert!(!html.contains(&reference), "sifted cases leave the list");

    // Without the Advice Service role: refused.
    let response = crate::staff::get(&portal, &officer, "/staff/sift").await;
    assert_eq!(response.status().as_u16(), 403);
    let response = post(&portal, &officer, "/staff/api/sift/route", &fields).await;
    assert_eq!(response.status().as_u16(), 403);
    let response = crate::staff::get(&portal, &advice, "/staff/queues").await;
    assert_eq!(response.status().as_u16(), 403);
    let response = crate::staff::get(&portal, &browser(), "/staff/queues/6").await;
    assert!(
        location(&response).starts_with("/staff/sign-in"),
        "signed out"
    );

    // The queues, queue 6, and the allocation page.
    let (status, html) = page(&portal, &manager, "/staff/queues").await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("href=\"/staff/queues/6\""), "{html}");
    let (status, html) = page(&portal, &manager, "/staff/queues/6").await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains(&reference), "{html}");
    assert!(html.contains("Next deadline"), "{html}");
    assert!(html.contains("16 March 2026"), "14 days on: {html}");
    let allocation = format!("/staff/queues/6/{reference}");
    let (status, html) = page(&portal, &manager, &allocation).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("id=\"officer\""));
    assert!(html.contains(&format!("value=\"{officer_id}\"")), "{html}");
    assert!(html.contains("Name of officer@example.gov.uk"));

    // An unknown officer is refused with a clear message; then allocated.
    let fields = [
        ("reference", reference.as_str()),
        ("queue", "6"),
        ("officer", "no-such-officer"),
    ];
    assert_eq!(
        posted(&portal, &manager, "/staff/api/queues/allocate", &fields).await,
        allocation
    );
    let (_, html) = page(&portal, &manager, &allocation).await;
    assert!(html.contains("not an active case officer"), "{html}");
    assert!(html.contains("href=\"#officer\""));
    let fields = [
        ("reference", reference.as_str()),
        ("queue", "6"),
        ("officer", officer_id.as_str()),
    ];
    let done = posted(&portal, &manager, "/staff/api/queues/allocate", &fields).await;
    assert_eq!(
        done,
        format!("/staff/queues/6?done=allocated&reference={reference}")
    );
    let assigned: String = scalar(
        &portal,
        "SELECT assigned_to FROM cases WHERE reference = $1",
        &reference,
    )
    .await;
    assert_eq!(assigned, officer_id);
    let allocated_on: String = scalar(
        &portal,
        "SELECT allocated_on FROM cases WHERE reference = $1",
        &reference,
    )
    .await;
    assert_eq!(allocated_on, "2026-03-02");
    let (_, html) = page(&portal, &officer, &format!("/staff/cases/{reference}")).await;
    assert!(html.contains("With a case officer"), "{html}");

    // Moving needs a reason; then the case goes to queue 8, waiting for its team.
    let fields = [
        ("reference", reference.as_str()),
        ("queue", "6"),
        ("to", "8"),
        ("reason", ""),
    ];
    assert_eq!(
        posted(&portal, &manager, "/staff/api/queues/move", &fields).await,
        allocation
    );
    let (_, html) = page(&portal, &manager, &allocation).await;
    assert!(html.contains("Enter a reason"), "{html}");
    assert!(html.contains("href=\"#move-reason\""));
    let fields = [
        ("reference", reference.as_str()),
        ("queue", "6"),
        ("to", "8"),
        ("reason", "A general business, not telecoms."),
    ];
    let done = posted(&portal, &manager, "/staff/api/queues/move", &fields).await;
    assert_eq!(
        done,
        format!("/staff/queues/6?done=moved&reference={reference}")
    );
    let queue: String = scalar(
        &portal,
        "SELECT work_queue FROM cases WHERE reference = $1",
        &reference,
    )
    .await;
    assert_eq!(queue, r#"{"numbered":8}"#);
    let unassigned: Option<String> = scalar(
        &portal,
        "SELECT assigned_to FROM cases WHERE reference = $1",
        &reference,
    )
    .await;
    assert_eq!(unassigned, None);
    let (_, html) = page(&portal, &manager, "/staff/queues/8").await;
    assert!(html.contains(&reference), "{html}");

    // Every change is on the timeline and in the audit.
    let kinds = events(&portal, &reference).await;
    for kind in ["flag_cleared", "sifted", "allocated", "moved_queue"] {
        assert!(kinds.contains(&kind.to_owned()), "{kind} in {kinds:?}");
    }
    for what in ["flag_cleared", "sifted", "allocated", "moved_queue"] {
        let n: i64 = scalar(
            &portal,
            &format!(
                "SELECT COUNT(*) FROM case_audit a JOIN cases c ON c.id = a.case_id \
                 WHERE c.reference = $1 AND a.action = 'change' AND a.what = '{what}'"
            ),
            &reference,
        )
        .await;
        assert_eq!(n, 1, "{what}");
    }
    assert!(audits(&portal, &reference, "view").await >= 3);

    // The queue's lead.
    let fields = [("queue", "8"), ("lead", "nobody")];
    assert_eq!(
        posted(&portal, &manager, "/staff/api/queues/lead", &fields).await,
        "/staff/queues/8"
    );
    let (_, html) = page(&portal, &manager, "/staff/queues/8").await;
    assert!(
        html.contains("an active case officer or team manager"),
        "{html}"
    );
    let fields = [("queue", "8"), ("lead", officer_id.as_str())];
    assert_eq!(
        posted(&portal, &manager, "/staff/api/queues/lead", &fields).await,
        "/staff/queues/8?done=lead"
    );
    let (_, html) = page(&portal, &manager, "/staff/queues/8").await;
    assert!(
        html.contains("The lead is Name of officer@example.gov.uk."),
        "{html}"
    );
    let (_, html) = page(&portal, &manager, "/staff/queues").await;
    assert!(html.contains("Name of officer@example.gov.uk"), "{html}");
}

/// A refused form's page is read once however the renderer walks it: ten times over, each view
/// after a refusal shows the problems in the error summary and records exactly one audited view.
#[tokio::test]
async fn a_refused_forms_page_shows_its_problems_and_is_audited_once_per_view() {
    let (portal, _) = portal().await;
    let (advice, _) = staff(&portal, "advice@example.gov.uk", &[Role::AdviceService]).await;
    let reference = new_case(
        &portal,
        "They keep my data after I asked them to delete it.",
    )
    .await;
    let sift_page = format!("/staff/sift/{reference}");
    let fields = [
        ("reference", reference.as_str()),
        ("case_type", "RFA"),
        ("queue", ""),
    ];
    for attempt in 0..10 {
        assert_eq!(
            posted(&portal, &advice, "/staff/api/sift/route", &fields).await,
            sift_page
        );
        let before = audits(&portal, &reference, "view").await;
        let (status, html) = page(&portal, &advice, &sift_page).await;
        assert_eq!(status, 200, "{html}");
        assert!(
            html.contains("<a href=\"#queue\">Choose a work queue</a>"),
            "attempt {attempt}: {html}"
        );
        assert_eq!(
            audits(&portal, &reference, "view").await,
            before + 1,
            "attempt {attempt}"
        );
        // Reading the page takes nothing: a reload shows the problems again, audited again.
        let (_, html) = page(&portal, &advice, &sift_page).await;
        assert!(
            html.contains("<a href=\"#queue\">Choose a work queue</a>"),
            "attempt {attempt}: {html}"
        );
        assert_eq!(
            audits(&portal, &reference, "view").await,
            before + 2,
            "attempt {attempt}"
        );
    }
}

#[tokio::test]
async fn the_exception_reports_list_and_download_what_needs_attention() {
    let (portal, _) = portal().await;
    let (manager, _) = staff(&portal, "manager@example.gov.uk", &[Role::TeamManager]).await;
    let (advice, _) = staff(&portal, "advice@example.gov.uk", &[Role::AdviceService]).await;
    let incomplete = new_case(&portal, "They never answered my request.").await;
    let reopened = new_case(&portal, "They sent me someone else's records.").await;
    let late = new_case(&portal, "They ignored my request for months.").await;
    let on_time = new_case(&portal, "They will not delete my account.").await;

    // Closed with no outcome recorded.
    run(
        &portal,
        "UPDATE cases SET status = 'closed' WHERE reference = $1",
        &incomplete,
    )
    .await;
    run(
        &portal,
        "UPDATE case_instances SET closed_on = '2026-02-20', attributes = '{}' \
         WHERE case_id = (SELECT id FROM cases WHERE reference = $1)",
        &incomplete,
    )
    .await;
    // Closed and re-opened on 20 February.
    run(
        &portal,
        "UPDATE case_instances SET closed_on = '2026-02-20', outcome = 'no_action_for_dc', \
         attributes = '{\"outcome\":\"no_action_for_dc\",\"nature_1\":\"accuracy\",\
         \"subject_access_delay\":false}' \
         WHERE case_id = (SELECT id FROM cases WHERE reference = $1)",
        &reopened,
    )
    .await;
    run(
        &portal,
        "INSERT INTO case_instances (id, case_id, number, opened_on) \
         SELECT id || '-2', id, 2, '2026-02-20' FROM cases WHERE reference = $1",
        &reopened,
    )
    .await;
    run(
        &portal,
        "UPDATE cases SET instance = 2 WHERE reference = $1",
        &reopened,
    )
    .await;
    // Handed in a month ago and never sifted: assignment and first contact are overdue.
    run(
        &portal,
        "UPDATE case_instances SET opened_on = '2026-02-02' \
         WHERE case_id = (SELECT id FROM cases WHERE reference = $1)",
        &late,
    )
    .await;
    run(
        &portal,
        "UPDATE cases SET created_on = '2026-02-02', first_contact_due = '2026-02-16' \
         WHERE reference = $1",
        &late,
    )
    .await;

    let (status, html) = page(&portal, &manager, "/staff/exceptions").await;
    assert_eq!(status, 200, "{html}");
    let section = |id: &str| {
        let start = html.find(&format!("id=\"{id}\"")).unwrap();
        html[start..].to_owned()
    };
    let first = section("incomplete-closures");
    let first = &first[..first.find("id=\"reopened-same-day\"").unwrap()];
    assert!(first.contains(&incomplete), "{first}");
    assert!(
        !first.contains(&reopened),
        "a complete closure is not listed"
    );
    let second = section("reopened-same-day");
    let second = &second[..second.find("id=\"past-service-levels\"").unwrap()];
    assert!(second.contains(&reopened), "{second}");
    assert!(second.contains("20 February 2026"));
    let third = section("past-service-levels");
    assert!(third.contains(&late), "{third}");
    assert!(
        !third.contains(&on_time),
        "a new case is not past its levels"
    );

    let response = crate::staff::get(
        &portal,
        &manager,
        "/staff/exceptions/incomplete-closures.csv",
    )
    .await;
    assert_eq!(response.status().as_u16(), 200);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let csv = response.text().await.unwrap();
    assert!(
        csv.starts_with("Reference,Case type,Instance,Closed on,Outcome,Problems\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains(&format!("{incomplete},RFA,1,2026-02-20,,outcome_missing")),
        "{csv}"
    );
    let response =
        crate::staff::get(&portal, &manager, "/staff/exceptions/reopened-same-day.csv").await;
    let csv = response.text().await.unwrap();
    assert!(csv.contains(&format!("{reopened},1,2026-02-20")), "{csv}");
    let response = crate::staff::get(
        &portal,
        &manager,
        "/staff/exceptions/past-service-levels.csv",
    )
    .await;
    let csv = response.text().await.unwrap();
    assert!(
        csv.contains(&format!(
            "{late},RFA,\"PECR, RFA DPA telecoms, direct marketing concerns (work queue 6)\",,assignment,2026-02-05"
        )),
        "{csv}"
    );
    assert!(
        csv.contains(&format!(
            "{late},RFA,\"PECR, RFA DPA telecoms, direct marketing concerns (work queue 6)\",,first_contact,2026-02-16"
        )),
        "{csv}"
    );
    assert!(!csv.contains(&on_time));

    // Team managers only.
    let response = crate::staff::get(&portal, &advice, "/staff/exceptions").await;
    assert_eq!(response.status().as_u16(), 403);
    let response = crate::staff::get(
        &portal,
        &advice,
        "/staff/exceptions/past-service-levels.csv",
    )
    .await;
    assert_eq!(response.status().as_u16(), 403);
    let response = post(&portal, &advice, "/staff/api/exceptions/list", &[]).await;
    assert_eq!(response.status().as_u16(), 403);
}
