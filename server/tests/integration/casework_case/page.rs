//! The case page: parties, answers, flags, timeline and the audit of each view; the 'prepare'
//! checklist refused while Enforcement's 'provide advice' is open; notes, parties (added,
//! arrangements changed, duplicates merged into a main record), the type change, documents; a
//! staff case only its named staff see.

use app::domain::staff::Role;
use base64::Engine;

use super::{
    allocate, allocated_case, audits, concern, events, page, party_id, portal, posted, scalar,
    staff, submit,
};

#[tokio::test]
async fn the_case_page_shows_the_case_and_prepare_waits_for_enforcement() {
    let (portal, _) = portal().await;
    let (officer, officer_id) =
        staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let reference = allocated_case(
        &portal,
        &officer_id,
        "I think they sold my data to a marketing firm.",
    )
    .await;
    let path = format!("/staff/cases/{reference}");

    let (status, html) = page(&portal, &officer, &path).await;
    assert_eq!(status, 200, "{html}");
    for expected in [
        "Alex Jones",
        "alex@example.org",
        "Large print, please",
        "Example Organisation Ltd",
        "I think they sold my data to a marketing firm.",
        "I asked for my records.",
        "Potential criminal breach",
        "Case received",
        "With a case officer",
        "Name of officer@example.gov.uk",
        "Check for potential criminal breaches",
        "Enforcement has not yet decided",
    ] {
        assert!(
            html.contains(expected),
            "{expected} missing from the case page"
        );
    }
    assert_eq!(audits(&portal, &reference, "view").await, 1);

    // Prepare is refused while 'provide advice' is open, with the manual's instruction.
    let back = posted(
        &portal,
        &officer,
        "/staff/api/cases/prepare",
        &[("reference", &reference)],
    )
    .await;
    assert_eq!(back, path);
    let (_, html) = page(&portal, &officer, &path).await;
    assert!(html.contains("There is a problem"), "{html}");
    assert!(html.contains("alert your manager to the delay"));
    let open: i64 = scalar(&portal, "SELECT COUNT(*) FROM work_items w JOIN cases c ON c.id = w.case_id WHERE c.reference = $1 AND w.kind = 'prepare' AND w.completed_at IS NULL", &reference).await;
    assert_eq!(open, 1);

    // Enforcement completes 'provide advice' from the case page; a case officer cannot.
    let refused = posted(
        &portal,
        &officer,
        "/staff/api/cases/advice",
        &[("reference", &reference), ("advice", "Not for us")],
    )
    .await;
    assert_eq!(refused, path);
    let (enforcement, _) = staff(&portal, "enforcement@example.gov.uk", &[Role::Enforcement]).await;
    let (_, html) = page(&portal, &enforcement, &path).await;
    assert!(
        html.contains("Complete &#x27;provide advice&#x27;")
            || html.contains("Complete 'provide advice'"),
        "{html}"
    );
    let done = posted(
        &portal,
        &enforcement,
        "/staff/api/cases/advice",
        &[
            ("reference", &reference),
            ("advice", "No criminal offence to pursue."),
        ],
    )
    .await;
    assert_eq!(done, format!("{path}?done=advised#work"));

    // Only the allocated officer prepares.
    let back = posted(
        &portal,
        &enforcement,
        "/staff/api/cases/prepare",
        &[("reference", &reference)],
    )
    .await;
    assert_eq!(back, path);
    let done = posted(
        &portal,
        &officer,
        "/staff/api/cases/prepare",
        &[("reference", &reference)],
    )
    .await;
    assert_eq!(done, format!("{path}?done=prepared#work"));
    let completed_by: String = scalar(&portal, "SELECT w.completed_by FROM work_items w JOIN cases c ON c.id = w.case_id WHERE c.reference = $1 AND w.kind = 'prepare'", &reference).await;
    assert_eq!(completed_by, officer_id);
    let progress: i64 = scalar(&portal, "SELECT COUNT(*) FROM work_items w JOIN cases c ON c.id = w.case_id WHERE c.reference = $1 AND w.kind = 'progress' AND w.completed_at IS NULL", &reference).await;
    assert_eq!(progress, 1);
    let kinds = events(&portal, &reference).await;
    assert_eq!(kinds, ["submitted", "work_item_completed", "prepared"]);
    assert_eq!(audits(&portal, &reference, "change").await, 2);

    // A note, on the timeline with who wrote it.
    posted(
        &portal,
        &officer,
        "/staff/api/cases/note",
        &[("reference", &reference), ("note", "Rang the customer.")],
    )
    .await;
    let (_, html) = page(&portal, &officer, &path).await;
    assert!(html.contains("Rang the customer."));
    assert!(html.contains("Note added"));
    assert!(html.contains("Prepared: first contact made"));
    assert!(html.contains("Name of enforcement@example.gov.uk"));
    let refused = posted(
        &portal,
        &officer,
        "/staff/api/cases/note",
        &[("reference", &reference), ("note", "  ")],
    )
    .await;
    assert_eq!(refused, path);
    assert!(page(&portal, &officer, &path)
        .await
        .1
        .contains("Enter the note"));
}

#[tokio::test]
async fn parties_are_added_their_arrangements_changed_and_duplicates_merged_into_a_main_record() {
    let (portal, _) = portal().await;
    let (officer, officer_id) =
        staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let first = allocated_case(&portal, &officer_id, "They lost my file.").await;
    // The same organisation named differently, and the same customer, on a second open case.
    let second = submit(
        &portal,
        &concern(
            "They lost my file too.",
            "Alex@Example.org",
            "EXAMPLE ORGANISATION LIMITED",
        ),
    )
    .await;
    allocate(&portal, &second, &officer_id).await;
    let path = format!("/staff/cases/{first}");
    let (_, html) = page(&portal, &officer, &path).await;
    assert!(html.contains("Possible duplicate records"), "{html}");
    // Ranked by evidence: the customer (same email) is suggested; the organisation alone is not.
    assert!(html.contains("same email address"));
    assert_eq!(
        html.matches("data-testid=\"duplicate\"").count(),
        1,
        "{html}"
    );
    // Similar, ongoing cases are shown and linked.
    assert!(
        html.contains(&format!("href=\"/staff/cases/{second}\"")),
        "{html}"
    );
    assert!(html.contains("about the same organisation"));

    // Contact arrangements need a reason.
    let customer: String = party_id(&portal, &first, "customer").await;
    let restricted = format!("restricted-{customer}");
    let refused = posted(
        &portal,
        &officer,
        "/staff/api/cases/party-change",
        &[
            ("reference", &first),
            ("party", &customer),
            ("restricted_contact", "Email only"),
        ],
    )
    .await;
    assert_eq!(refused, path);
    let (_, html) = page(&portal, &officer, &path).await;
    assert!(html.contains("Enter why the contact arrangements change"));
    assert!(html.contains(&format!("id=\"{restricted}\"")));
    posted(
        &portal,
        &officer,
        "/staff/api/cases/party-change",
        &[
            ("reference", &first),
            ("party", &customer),
            ("restricted_contact", "Email only"),
            ("single_point_of_contact", "Olu, team 6"),
            ("reason", "Asked for by the customer"),
        ],
    )
    .await;
    let kept: String = scalar(
        &portal,
        "SELECT restricted_contact FROM parties WHERE id = $1",
        &customer,
    )
    .await;
    assert_eq!(kept, "Email only");

    // A party added (an organisation the directory knows gets its entry).
    let refused = posted(
        &portal,
        &officer,
        "/staff/api/cases/party-add",
        &[
            ("reference", &first),
            ("role", "organisation"),
            ("name", ""),
            ("email", "not an email"),
        ],
    )
    .await;
    assert_eq!(refused, path);
    let (_, html) = page(&portal, &officer, &path).await;
    assert!(
        html.contains("Enter the party&#x27;s name") || html.contains("Enter the party's name")
    );
    assert!(html.contains("Enter an email address in the correct format"));
    posted(
        &portal,
        &officer,
        "/staff/api/cases/party-add",
        &[
            ("reference", &first),
            ("role", "representative"),
            ("name", "Sam Advocate"),
            ("email", "sam@example.org"),
            ("phone", "0161 496 0000"),
        ],
    )
    .await;
    assert!(page(&portal, &officer, &path)
        .await
        .1
        .contains("Sam Advocate"));

    // Merge the second case's customer record (same email) into this case's, confirmed with a
    // reason: it is marked for deletion, its case now links to the main record.
    let main: String = party_id(&portal, &first, "customer").await;
    let duplicate: String = party_id(&portal, &second, "customer").await;
    let merge = [
        ("reference", first.as_str()),
        ("main", main.as_str()),
        ("duplicate", duplicate.as_str()),
    ];
    let confirm = posted(&portal, &officer, "/staff/api/cases/party-merge", &merge).await;
    assert!(
        confirm.starts_with(&format!("{path}/confirm?action=merge")),
        "{confirm}"
    );
    let mut confirmed = merge.to_vec();
    confirmed.push(("reason", "The same person: same email"));
    let done = posted(
        &portal,
        &officer,
        "/staff/api/cases/party-merge",
        &confirmed,
    )
    .await;
    assert_eq!(done, format!("{path}?done=party_merged#parties"));
    let status: String = scalar(
        &portal,
        "SELECT status FROM parties WHERE id = $1",
        &duplicate,
    )
    .await;
    assert_eq!(status, "marked_for_deletion");
    let linked: String = scalar(&portal, "SELECT l.party_id FROM party_links l JOIN cases c ON c.id = l.case_id WHERE c.reference = $1", &second).await;
    assert_eq!(linked, main);
    assert!(events(&portal, &second)
        .await
        .contains(&"party_merged".to_owned()));
    assert!(events(&portal, &first)
        .await
        .contains(&"party_merged".to_owned()));
    let (_, html) = page(&portal, &officer, &format!("/staff/cases/{second}")).await;
    assert!(html.contains("Linked here when a duplicate record was merged into it"));
    assert!(
        html.contains("The same person: same email"),
        "the reason on the timeline"
    );
    // Merging it again is refused: it is no longer current.
    posted(
        &portal,
        &officer,
        "/staff/api/cases/party-merge",
        &[
            ("reference", &first),
            ("main", &main),
            ("duplicate", &duplicate),
            ("reason", "Again"),
        ],
    )
    .await;
    let merges: i64 = scalar(&portal, "SELECT COUNT(*) FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.reference = $1 AND e.kind = 'party_merged'", &first).await;
    assert_eq!(merges, 1);
    let changes = ["party_changed", "party_added", "party_merged"];
    for kind in changes {
        assert!(
            events(&portal, &first).await.contains(&kind.to_owned()),
            "{kind}"
        );
    }
}

#[tokio::test]
async fn the_type_changes_from_rfa_to_sec_once_allocated_and_documents_download_as_attachments() {
    let (portal, _) = portal().await;
    let (officer, officer_id) =
        staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let mut body = concern(
        "About my credit agreement.",
        "alex@example.org",
        "Example Lender",
    );
    body["evidence"] = serde_json::json!([{
        "kind": "other", "file_name": "notes \"1\".txt",
        "content_base64": base64::engine::general_purpose::STANDARD.encode(b"My notes.\n"),
    }]);
    let reference = submit(&portal, &body).await;
    allocate(&portal, &reference, &officer_id).await;
    let path = format!("/staff/cases/{reference}");
    let (_, html) = page(&portal, &officer, &path).await;
    assert!(html.contains("Change RFA to SEC"), "{html}");
    // One click only proposes the change: the confirmation page asks for the reason.
    let confirm = posted(
        &portal,
        &officer,
        "/staff/api/cases/type",
        &[("reference", &reference), ("to", "SEC")],
    )
    .await;
    assert_eq!(confirm, format!("{path}/confirm?action=type&to=SEC"));
    let done = posted(
        &portal,
        &officer,
        "/staff/api/cases/type",
        &[
            ("reference", &reference),
            ("to", "SEC"),
            ("reason", "A complaint about a credit file"),
        ],
    )
    .await;
    assert_eq!(done, format!("{path}?done=type_changed#case-type"));
    let case_type: String = scalar(
        &portal,
        "SELECT case_type FROM cases WHERE reference = $1",
        &reference,
    )
    .await;
    assert_eq!(case_type, "SEC");
    assert_eq!(
        events(&portal, &reference).await.last().map(String::as_str),
        Some("type_changed")
    );
    // To a staff case: refused, on the confirmation page.
    assert_eq!(
        posted(
            &portal,
            &officer,
            "/staff/api/cases/type",
            &[
                ("reference", &reference),
                ("to", "ECS"),
                ("reason", "Staff case")
            ]
        )
        .await,
        format!("{path}/confirm?action=type&to=ECS")
    );

    let document: String = scalar(
        &portal,
        "SELECT d.id FROM documents d JOIN cases c ON c.id = d.case_id WHERE c.reference = $1",
        &reference,
    )
    .await;
    let response =
        crate::staff::get(&portal, &officer, &format!("{path}/documents/{document}")).await;
    assert_eq!(response.status().as_u16(), 200);
    let disposition = response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        disposition.starts_with("attachment; filename=\"notes _1_.txt\""),
        "{disposition}"
    );
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/plain"));
    assert_eq!(response.bytes().await.unwrap().as_ref(), b"My notes.\n");
    assert_eq!(audits(&portal, &reference, "view").await, 2);
    let missing = crate::staff::get(&portal, &officer, &format!("{path}/documents/nope")).await;
    assert_eq!(missing.status().as_u16(), 404);
}

#[tokio::test]
async fn a_staff_case_is_seen_only_by_the_staff_named_on_it() {
    let (portal, _) = portal().await;
    let (officer, officer_id) =
        staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let (named, named_id) = staff(&portal, "named@example.gov.uk", &[Role::CaseOfficer]).await;
    let open = allocated_case(&portal, &officer_id, "First concern.").await;
    let ecs = allocated_case(&portal, &named_id, "Second concern.").await;
    crate::staff::execute(
        &portal,
        &format!("UPDATE cases SET case_type = 'ECS' WHERE reference = '{ecs}'"),
    )
    .await;
    let case_id: String = scalar(&portal, "SELECT id FROM cases WHERE reference = $1", &ecs).await;
    crate::staff::execute(
        &portal,
        &format!("INSERT INTO case_staff (case_id, staff_id) VALUES ('{case_id}', '{named_id}')"),
    )
    .await;

    let path = format!("/staff/cases/{ecs}");
    assert_eq!(page(&portal, &officer, &path).await.0, 404);
    assert_eq!(
        page(&portal, &officer, &format!("{path}/close")).await.0,
        404
    );
    assert_eq!(audits(&portal, &ecs, "view").await, 0);
    // Nor does it leak as a similar case or a duplicate party on the other case.
    let (_, html) = page(&portal, &officer, &format!("/staff/cases/{open}")).await;
    assert!(
        !html.contains(&ecs),
        "the staff case leaked into another case's page"
    );
    // Nor can a change reach it.
    let response = super::post(
        &portal,
        &officer,
        "/staff/api/cases/note",
        &[("reference", &ecs), ("note", "x")],
    )
    .await;
    // The server function's 'not found' sends a plain post back where it came from, never on
    // to the case.
    assert!(!crate::support::location(&response).contains(&ecs));
    assert_eq!(events(&portal, &ecs).await, ["submitted"]);
    // The find box says there is no such case.
    posted(
        &portal,
        &officer,
        "/staff/api/cases/find",
        &[("reference", &ecs)],
    )
    .await;
    assert!(page(&portal, &officer, "/staff/cases?from=find")
        .await
        .1
        .contains("There is no case with that reference you can open"));

    let (status, html) = page(&portal, &named, &path).await;
    assert_eq!(status, 200);
    assert!(
        !html.contains("Second concern."),
        "a staff case shows no content"
    );
}

#[tokio::test]
async fn the_find_box_opens_a_case_and_catches_a_mistyped_reference() {
    let (portal, _) = portal().await;
    let (officer, officer_id) =
        staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let reference = allocated_case(&portal, &officer_id, "A concern.").await;
    let (_, home) = page(&portal, &officer, "/staff").await;
    assert!(home.contains("Find a case"));
    assert_eq!(
        posted(
            &portal,
            &officer,
            "/staff/api/cases/find",
            &[("reference", &reference.to_lowercase())]
        )
        .await,
        format!("/staff/cases/{reference}")
    );
    let mut mistyped: Vec<char> = reference.chars().collect();
    mistyped[13] = if mistyped[13] == 'A' { 'C' } else { 'A' };
    let mistyped: String = mistyped.into_iter().collect();
    posted(
        &portal,
        &officer,
        "/staff/api/cases/find",
        &[("reference", &mistyped)],
    )
    .await;
    let (_, html) = page(&portal, &officer, "/staff/cases?from=find").await;
    assert!(html.contains("a character is probably mistyped"), "{html}");
    assert!(
        html.contains(&format!("href=\"/staff/cases/{reference}\"")),
        "the intended reference is suggested"
    );
}
