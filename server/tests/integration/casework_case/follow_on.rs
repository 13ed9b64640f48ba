//! Follow-on cases and staff cases (manual §5, §11, §15): closing with "enforcement notice
//! pursued" opens an ENF case and "criminal investigation pursued" a PCB case; Enforcement can
//! open a PCB case as it completes 'provide advice'; each copies the parties and documents to
//! Enforcement's work queue and names the other case on both timelines. A team manager marks a
//! case as a staff case (ECS) and names who may see it; nobody else can open it.

use app::domain::staff::Role;
use sqlx::Row;

use super::{allocated_case, events, page, portal, post, posted, scalar, staff};
use crate::support::TestPortal;

/// Gives the case a document record (as an upload would), so its copying can be seen.
async fn add_document(portal: &TestPortal, reference: &str, key: &str) {
    let db = &portal.database;
    sqlx::query(&db.sql(
        "INSERT INTO documents (id, case_id, kind, file_name, file_type, size_bytes, storage_key, \
         created_at) SELECT $1, id, 'evidence', 'letter.pdf', 'pdf', 1234, $2, 1 FROM cases \
         WHERE reference = $3",
    ))
    .bind(format!("doc-{key}"))
    .bind(key)
    .bind(reference)
    .execute(&db.pool)
    .await
    .unwrap();
}

/// The follow-on cases of `reference`: (reference, type, queue, status), oldest first.
async fn follow_ons(portal: &TestPortal, reference: &str) -> Vec<(String, String, String, String)> {
    let db = &portal.database;
    let events = db.case_events(reference).await.unwrap();
    let mut out = Vec::new();
    for event in events.iter().filter(|e| e.kind == "follow_on_opened") {
        let follow_on = event.details["follow_on"].as_str().unwrap().to_owned();
        let row = sqlx::query(
            &db.sql("SELECT case_type, work_queue, status FROM cases WHERE reference = $1"),
        )
        .bind(&follow_on)
        .fetch_one(&db.pool)
        .await
        .unwrap();
        out.push((
            follow_on,
            row.try_get("case_type").unwrap(),
            row.try_get("work_queue").unwrap(),
            row.try_get("status").unwrap(),
        ));
    }
    out
}

/// (role, name, email) of the case's parties, sorted; and its documents' storage keys.
async fn parties_and_documents(
    portal: &TestPortal,
    reference: &str,
) -> (Vec<(String, String, Option<String>)>, Vec<String>) {
    let db = &portal.database;
    let mut parties: Vec<(String, String, Option<String>)> = sqlx::query(&db.sql(
        "SELECT p.role, p.name, p.email FROM parties p JOIN cases c ON c.id = p.case_id \
         WHERE c.reference = $1",
    ))
    .bind(reference)
    .fetch_all(&db.pool)
    .await
    .unwrap()
    .iter()
    .map(|row| {
        (
            row.try_get("role").unwrap(),
            row.try_get("name").unwrap(),
            row.try_get("email").unwrap(),
        )
    })
    .collect();
    parties.sort();
    let mut keys: Vec<String> = sqlx::query(&db.sql(
        "SELECT d.storage_key FROM documents d JOIN cases c ON c.id = d.case_id \
         WHERE c.reference = $1",
    ))
    .bind(reference)
    .fetch_all(&db.pool)
    .await
    .unwrap()
    .iter()
    .map(|row| row.try_get("storage_key").unwrap())
    .collect();
    keys.sort();
    (parties, keys)
}

async fn close_with(
    portal: &TestPortal,
    officer: &reqwest::Client,
    reference: &str,
    outcome: &str,
) -> String {
    posted(
        portal,
        officer,
        "/staff/api/cases/close",
        &[
            ("reference", reference),
            ("outcome", outcome),
            ("nature_1", "subject_access"),
            ("nature_2", "subject_access"),
            ("subject_access_delay", "yes"),
        ],
    )
    .await
}

#[tokio::test]
async fn enforcement_and_criminal_outcomes_open_their_follow_on_cases_with_parties_and_documents() {
    let (portal, _) = portal().await;
    let (officer, officer_id) =
        staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;

    // An outcome that hands nothing on opens nothing.
    let plain = allocated_case(&portal, &officer_id, "They never answered my request.").await;
    close_with(&portal, &officer, &plain, "dc_action_required").await;
    assert!(follow_ons(&portal, &plain).await.is_empty());

    for (outcome, case_type) in [
        ("enforcement_notice_pursued", "ENF"),
        ("civil_monetary_penalty_pursued", "ENF"),
        ("criminal_investigation_pursued", "PCB"),
    ] {
        let reference =
            allocated_case(&portal, &officer_id, "They never answered my request.").await;
        add_document(&portal, &reference, &format!("key-{outcome}")).await;
        let done = close_with(&portal, &officer, &reference, outcome).await;
        assert_eq!(
            done,
            format!("/staff/cases/{reference}?done=closed#summary")
        );

        let opened = follow_ons(&portal, &reference).await;
        assert_eq!(opened.len(), 1, "{outcome}");
        let (follow_on, kind, queue, status) = &opened[0];
        assert_ne!(follow_on, &reference);
        assert_eq!(kind, case_type, "{outcome}");
        assert_eq!(queue, "enforcement");
        assert_eq!(status, "open");
        // The same people and the same files, on a case of its own.
        let (parties, documents) = parties_and_documents(&portal, &reference).await;
        assert_eq!(
            parties_and_documents(&portal, follow_on).await,
            (parties.clone(), documents)
        );
        assert!(parties.iter().any(|(role, _, _)| role == "customer"));
        // Each timeline names the other.
        assert_eq!(events(&portal, follow_on).await, ["opened_from"]);
        let (status, html) = page(&portal, &officer, &format!("/staff/cases/{follow_on}")).await;
        assert_eq!(status, 200);
        assert!(html.contains("Opened as a follow-on case"), "{html}");
        assert!(html.contains(&reference));
        let (_, html) = page(&portal, &officer, &format!("/staff/cases/{reference}")).await;
        assert!(html.contains("Follow-on case opened") && html.contains(follow_on.as_str()));
        // The follow-on is on its way to being prepared like any new case.
        let prepare: i64 = scalar(
            &portal,
            "SELECT COUNT(*) FROM work_items w JOIN cases c ON c.id = w.case_id \
             WHERE c.reference = $1 AND w.kind = 'prepare' AND w.completed_at IS NULL",
            follow_on,
        )
        .await;
        assert_eq!(prepare, 1);
    }
}

#[tokio::test]
async fn enforcement_opens_a_pcb_case_as_it_completes_provide_advice_and_only_once() {
    let (portal, _) = portal().await;
    let (_, officer_id) = staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    // The sift flags a potential criminal breach, so Enforcement has 'provide advice' to do.
    let reference = allocated_case(
        &portal,
        &officer_id,
        "I think they sold my data to a marketing firm.",
    )
    .await;
    add_document(&portal, &reference, "key-advice").await;
    let (enforcement, _) = staff(&portal, "enforcement@example.gov.uk", &[Role::Enforcement]).await;
    let path = format!("/staff/cases/{reference}");
    let (_, html) = page(&portal, &enforcement, &path).await;
    assert!(html.contains("open a PCB case with this case"), "{html}");

    let fields = [
        ("reference", reference.as_str()),
        ("advice", "We will investigate the sale of data."),
        ("open_pcb", "yes"),
    ];
    posted(&portal, &enforcement, "/staff/api/cases/advice", &fields).await;
    // A second post (a double click) opens no second case.
    post(&portal, &enforcement, "/staff/api/cases/advice", &fields).await;
    let opened = follow_ons(&portal, &reference).await;
    assert_eq!(opened.len(), 1);
    let (follow_on, kind, queue, _) = &opened[0];
    assert_eq!((kind.as_str(), queue.as_str()), ("PCB", "enforcement"));
    let (_, documents) = parties_and_documents(&portal, follow_on).await;
    assert_eq!(documents, ["key-advice"]);
    // The case itself stays open with its officer.
    let status: String = scalar(
        &portal,
        "SELECT status FROM cases WHERE reference = $1",
        &reference,
    )
    .await;
    assert_eq!(status, "open");

    // Without the box ticked, completing advice opens nothing.
    let other = allocated_case(
        &portal,
        &officer_id,
        "I think they sold my data to a marketing firm.",
    )
    .await;
    posted(
        &portal,
        &enforcement,
        "/staff/api/cases/advice",
        &[
            ("reference", other.as_str()),
            ("advice", "Nothing criminal."),
        ],
    )
    .await;
    assert!(follow_ons(&portal, &other).await.is_empty());
}

#[tokio::test]
async fn a_manager_marks_a_staff_case_and_only_those_named_can_open_it() {
    let (portal, _) = portal().await;
    let (officer, officer_id) =
        staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let (named, named_id) = staff(&portal, "named@example.gov.uk", &[Role::CaseOfficer]).await;
    let (other, _) = staff(&portal, "other@example.gov.uk", &[Role::CaseOfficer]).await;
    let (manager, _) = staff(&portal, "manager@example.gov.uk", &[Role::TeamManager]).await;
    let reference = allocated_case(&portal, &officer_id, "They never answered my request.").await;
    let path = format!("/staff/staff-cases/{reference}");

    // Only a manager is offered it, and may do it.
    let (_, html) = page(&portal, &officer, &format!("/staff/cases/{reference}")).await;
    assert!(!html.contains("Mark as a staff case"));
    assert_eq!(page(&portal, &officer, &path).await.0, 403);
    let (status, html) = page(&portal, &manager, &format!("/staff/cases/{reference}")).await;
    assert_eq!(status, 200);
    assert!(html.contains(&format!("href=\"{path}\"")));
    let (status, html) = page(&portal, &manager, &path).await;
    assert_eq!(status, 200);
    assert!(html.contains("Only you, the allocated officer and the staff you name"));
    assert!(html.contains("Name of named@example.gov.uk"));

    // The reason is required; nothing changes without it.
    let back = posted(
        &portal,
        &manager,
        "/staff/api/staff-cases/mark",
        &[
            ("reference", reference.as_str()),
            ("may_see[0]", named_id.as_str()),
            ("reason", " "),
        ],
    )
    .await;
    assert_eq!(back, path);
    let (_, html) = page(&portal, &manager, &path).await;
    assert!(html.contains("Enter why this is a staff case"), "{html}");
    let kind: String = scalar(
        &portal,
        "SELECT case_type FROM cases WHERE reference = $1",
        &reference,
    )
    .await;
    assert_eq!(kind, "RFA");

    posted(
        &portal,
        &manager,
        "/staff/api/staff-cases/mark",
        &[
            ("reference", reference.as_str()),
            ("may_see[0]", named_id.as_str()),
            ("reason", "Sent in by a colleague in Enforcement."),
        ],
    )
    .await;
    let kind: String = scalar(
        &portal,
        "SELECT case_type FROM cases WHERE reference = $1",
        &reference,
    )
    .await;
    assert_eq!(kind, "ECS");
    let case = format!("/staff/cases/{reference}");
    for (who, client) in [
        ("officer", &officer),
        ("named", &named),
        ("manager", &manager),
    ] {
        assert_eq!(page(&portal, client, &case).await.0, 200, "{who}");
    }
    assert_eq!(page(&portal, &other, &case).await.0, 404);
    let (_, html) = page(&portal, &manager, &case).await;
    assert!(html.contains("Marked as a staff case"));
    assert!(html.contains("Sent in by a colleague in Enforcement."));
    assert!(html.contains("Name of named@example.gov.uk"));
    // Done once: the page says so and a second post changes nothing.
    let (_, html) = page(&portal, &manager, &path).await;
    assert!(html.contains("This case is a staff case (ECS)"));
    assert_eq!(
        events(&portal, &reference)
            .await
            .iter()
            .filter(|kind| *kind == "marked_staff_case")
            .count(),
        1
    );
}
