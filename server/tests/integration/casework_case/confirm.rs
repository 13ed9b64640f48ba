//! Issue 17: a case page to scan (a summary at the top with the warnings, a contents list, a
//! timeline filtered by kind of event with plain links), and safe actions: a type change, a
//! merge and 'no further contact' go through a confirmation page and need a reason, which goes
//! on the timeline; a direct post without the reason changes nothing.

use app::domain::staff::Role;

use super::{allocated_case, events, page, party_id, portal, posted, scalar, staff};

#[tokio::test]
async fn the_case_page_has_a_summary_a_contents_list_and_a_filterable_timeline() {
    let (portal, _) = portal().await;
    let (officer, officer_id) =
        staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let reference = allocated_case(&portal, &officer_id, "They lost my file.").await;
    let path = format!("/staff/cases/{reference}");
    let customer: String = party_id(&portal, &reference, "customer").await;
    posted(
        &portal,
        &officer,
        "/staff/api/cases/party-change",
        &[
            ("reference", &reference),
            ("party", &customer),
            ("restricted_contact", "Email only"),
            ("reason", "Asked for by the customer"),
        ],
    )
    .await;
    posted(
        &portal,
        &officer,
        "/staff/api/cases/note",
        &[("reference", &reference), ("note", "Rang the customer.")],
    )
    .await;
    let (status, html) = page(&portal, &officer, &path).await;
    assert_eq!(status, 200);
    // The summary comes first: where it stands, what is due next, who has it, the warnings.
    let glance = html
        .find("data-testid=\"case-glance\"")
        .expect("the summary");
    assert!(glance < html.find("id=\"parties\"").unwrap());
    for words in ["At a glance", "Where it stands", "Due next", "Who has it"] {
        assert!(html.contains(words), "{words}");
    }
    assert!(
        html.contains("Restricted contact with Alex Jones: Email only"),
        "{html}"
    );
    // The contents list links to every section's heading.
    assert!(html.contains("data-testid=\"case-contents\""));
    for id in [
        "summary",
        "work",
        "type",
        "parties",
        "notes",
        "timeline",
        "instances",
    ] {
        assert!(html.contains(&format!("href=\"#{id}\"")), "link to {id}");
        assert!(html.contains(&format!("id=\"{id}\"")), "heading {id}");
    }
    // The timeline, all of it, then only the notes (a plain link, no JavaScript).
    assert!(html.contains("data-kind=\"submitted\""));
    assert!(
        html.contains(&format!("href=\"{path}?timeline=note#timeline\"")),
        "{html}"
    );
    let (_, notes) = page(&portal, &officer, &format!("{path}?timeline=note")).await;
    assert_eq!(notes.matches("data-kind=\"note\"").count(), 1);
    assert!(!notes.contains("data-kind=\"submitted\""));
    assert!(!notes.contains("data-kind=\"party_changed\""));
    // An unknown filter shows everything.
    let (_, all) = page(&portal, &officer, &format!("{path}?timeline=nonsense")).await;
    assert!(all.contains("data-kind=\"submitted\""));
}

#[tokio::test]
async fn a_type_change_is_refused_without_a_reason_and_confirmed_with_one() {
    let (portal, _) = portal().await;
    let (officer, officer_id) =
        staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let reference = allocated_case(&portal, &officer_id, "About my credit file.").await;
    let path = format!("/staff/cases/{reference}");
    let confirm = format!("{path}/confirm?action=type&to=SEC");
    let case_type = || {
        scalar::<String>(
            &portal,
            "SELECT case_type FROM cases WHERE reference = $1",
            &reference,
        )
    };
    // The old one-click post only proposes the change.
    let to_sec = [("reference", reference.as_str()), ("to", "SEC")];
    assert_eq!(
        posted(&portal, &officer, "/staff/api/cases/type", &to_sec).await,
        confirm
    );
    assert_eq!(case_type().await, "RFA");
    let (status, html) = page(&portal, &officer, &confirm).await;
    assert_eq!(status, 200);
    assert!(html.contains("You are about to change case"), "{html}");
    assert!(html.contains("This will change what the case is"));
    assert!(html.contains("name=\"reason\""));
    assert!(html.contains(">Confirm<") && html.contains(">Cancel<"));
    // A direct post with a blank reason: refused, back to the confirmation with the problem.
    let blank = [
        ("reference", reference.as_str()),
        ("to", "SEC"),
        ("reason", "   "),
    ];
    assert_eq!(
        posted(&portal, &officer, "/staff/api/cases/type", &blank).await,
        confirm
    );
    assert_eq!(case_type().await, "RFA");
    assert!(!events(&portal, &reference)
        .await
        .contains(&"type_changed".to_owned()));
    let (_, html) = page(&portal, &officer, &confirm).await;
    assert!(
        html.contains("Enter why you are making this change"),
        "{html}"
    );
    // The confirmation's post with the reason left empty (a browser sends no field): refused.
    let empty = [
        ("reference", reference.as_str()),
        ("to", "SEC"),
        ("confirm", "yes"),
    ];
    assert_eq!(
        posted(&portal, &officer, "/staff/api/cases/type", &empty).await,
        confirm
    );
    assert_eq!(case_type().await, "RFA");
    let (_, html) = page(&portal, &officer, &confirm).await;
    assert!(
        html.contains("Enter why you are making this change"),
        "{html}"
    );
    // Confirmed with the reason: changed, the reason on the timeline.
    let reason = "Really about the security of the credit file";
    let confirmed = [
        ("reference", reference.as_str()),
        ("to", "SEC"),
        ("reason", reason),
    ];
    assert_eq!(
        posted(&portal, &officer, "/staff/api/cases/type", &confirmed).await,
        format!("{path}?done=type_changed#case-type")
    );
    assert_eq!(case_type().await, "SEC");
    let (_, html) = page(&portal, &officer, &format!("{path}?timeline=type_changed")).await;
    assert_eq!(html.matches("data-kind=\"type_changed\"").count(), 1);
    assert!(html.contains(reason), "{html}");
}

#[tokio::test]
async fn a_merge_needs_a_reason_and_an_organisation_alone_is_no_duplicate() {
    let (portal, _) = portal().await;
    let (officer, officer_id) =
        staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let first = allocated_case(&portal, &officer_id, "One.").await;
    // The same organisation, someone else: no duplicate suggested, no merge offered.
    let other = super::submit(
        &portal,
        &super::concern("Two.", "someone@example.net", "Example Organisation Ltd"),
    )
    .await;
    super::allocate(&portal, &other, &officer_id).await;
    let path = format!("/staff/cases/{first}");
    let (_, html) = page(&portal, &officer, &path).await;
    assert!(!html.contains("data-testid=\"duplicate\""), "{html}");
    // Even posted directly, an organisation-only match is not merged.
    let main = party_id(&portal, &first, "organisation").await;
    let duplicate = party_id(&portal, &other, "organisation").await;
    let merge = [
        ("reference", first.as_str()),
        ("main", main.as_str()),
        ("duplicate", duplicate.as_str()),
        ("reason", "Same council"),
    ];
    posted(&portal, &officer, "/staff/api/cases/party-merge", &merge).await;
    let status: String = scalar(
        &portal,
        "SELECT status FROM parties WHERE id = $1",
        &duplicate,
    )
    .await;
    assert_eq!(status, "current");
    // A blank reason: refused.
    let third = allocated_case(&portal, &officer_id, "Three.").await;
    let main = party_id(&portal, &first, "customer").await;
    let duplicate = party_id(&portal, &third, "customer").await;
    let blank = [
        ("reference", first.as_str()),
        ("main", main.as_str()),
        ("duplicate", duplicate.as_str()),
        ("confirm", "yes"),
        ("reason", ""),
    ];
    let back = posted(&portal, &officer, "/staff/api/cases/party-merge", &blank).await;
    assert!(
        back.starts_with(&format!("{path}/confirm?action=merge")),
        "{back}"
    );
    let status: String = scalar(
        &portal,
        "SELECT status FROM parties WHERE id = $1",
        &duplicate,
    )
    .await;
    assert_eq!(status, "current");
    let (_, html) = page(&portal, &officer, &back).await;
    assert!(
        html.contains("You are about to merge the record of Alex Jones"),
        "{html}"
    );
    assert!(
        html.contains("Enter why you are making this change"),
        "{html}"
    );
}

#[tokio::test]
async fn no_further_contact_says_what_will_happen_and_needs_a_reason() {
    let (portal, _) = portal().await;
    let (manager, manager_id) =
        staff(&portal, "manager@example.gov.uk", &[Role::TeamManager]).await;
    let reference = allocated_case(&portal, &manager_id, "One.").await;
    let db = &portal.database;
    sqlx::query(&db.sql("UPDATE cases SET status = 'closed' WHERE reference = $1"))
        .bind(&reference)
        .execute(&db.pool)
        .await
        .unwrap();
    let nfc = format!("/staff/nfc/{reference}");
    let (_, html) = page(&portal, &manager, &nfc).await;
    assert!(html.contains("You are about to mark case"), "{html}");
    assert!(html.contains("This will put"));
    assert!(html.contains(">Cancel<"));
    let blank = [("reference", reference.as_str()), ("reason", " ")];
    assert_eq!(
        posted(&portal, &manager, "/staff/api/nfc/mark", &blank).await,
        nfc
    );
    assert!(!events(&portal, &reference)
        .await
        .contains(&"no_further_contact".to_owned()));
    let reason = [
        ("reference", reference.as_str()),
        ("reason", "Every point answered"),
    ];
    posted(&portal, &manager, "/staff/api/nfc/mark", &reason).await;
    let (_, html) = page(&portal, &manager, &format!("/staff/cases/{reference}")).await;
    assert!(
        html.contains("No further contact: Every point answered"),
        "{html}"
    );
}
