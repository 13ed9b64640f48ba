//! Notes, parties (added, contact arrangements changed) and merges follow the rule closing
//! follows: only the allocated case officer or a team manager. Anyone else in the cases area is
//! refused with a message on the case page, as a refused close is, and nothing changes.

use app::domain::staff::Role;

use crate::casework_case::{
    allocate, allocated_case, concern, events, page, portal, posted, scalar, staff, submit,
};

const CUSTOMER: &str = "SELECT p.id FROM parties p JOIN cases c ON c.id = p.case_id \
     WHERE c.reference = $1 AND p.role = 'customer'";
const ORGANISATION: &str = "SELECT p.id FROM parties p JOIN cases c ON c.id = p.case_id \
     WHERE c.reference = $1 AND p.role = 'organisation'";
const PARTIES: &str = "SELECT COUNT(*) FROM parties p JOIN cases c ON c.id = p.case_id \
     WHERE c.reference = $1";

#[tokio::test]
async fn only_the_allocated_officer_or_a_manager_changes_notes_parties_and_merges() {
    let (portal, _) = portal().await;
    let (_, owner_id) = staff(&portal, "owner@example.gov.uk", &[Role::CaseOfficer]).await;
    let first = allocated_case(&portal, &owner_id, "They lost my file.").await;
    let second = submit(
        &portal,
        &concern(
            "They lost my file too.",
            "Alex@Example.org",
            "EXAMPLE ORGANISATION LIMITED",
        ),
    )
    .await;
    allocate(&portal, &second, &owner_id).await;
    let path = format!("/staff/cases/{first}");
    let customer: String = scalar(&portal, CUSTOMER, &first).await;
    let main: String = scalar(&portal, ORGANISATION, &first).await;
    let duplicate: String = scalar(&portal, ORGANISATION, &second).await;
    let parties_before: i64 = scalar(&portal, PARTIES, &first).await;

    // Another case officer, an adviser and Enforcement all open the case, and all are refused.
    let others = [
        ("other@example.gov.uk", Role::CaseOfficer),
        ("adviser@example.gov.uk", Role::AdviceService),
        ("enforcement@example.gov.uk", Role::Enforcement),
    ];
    for (email, role) in others {
        let (client, _) = staff(&portal, email, &[role]).await;
        assert_eq!(
            page(&portal, &client, &path).await.0,
            200,
            "{email} opens it"
        );

        let back = posted(
            &portal,
            &client,
            "/staff/api/cases/note",
            &[("reference", &first), ("note", "Not my case.")],
        )
        .await;
        assert_eq!(back, path, "{email}: note");
        let (_, html) = page(&portal, &client, &path).await;
        assert!(html.contains("There is a problem"), "{email}: {html}");
        assert!(
            html.contains("Only the case officer or a team manager can add a note to the case"),
            "{email}"
        );

        let back = posted(
            &portal,
            &client,
            "/staff/api/cases/party-add",
            &[
                ("reference", &first),
                ("role", "representative"),
                ("name", "Sam Intruder"),
                ("email", "sam@example.org"),
            ],
        )
        .await;
        assert_eq!(back, path, "{email}: party-add");
        let (_, html) = page(&portal, &client, &path).await;
        assert!(
            html.contains("Only the case officer or a team manager can change the case")
                && html.contains("parties"),
            "{email}: {html}"
        );

        let back = posted(
            &portal,
            &client,
            "/staff/api/cases/party-change",
            &[
                ("reference", &first),
                ("party", &customer),
                ("restricted_contact", "Do not contact"),
                ("single_point_of_contact", "Me"),
                ("reason", "Because I can"),
            ],
        )
        .await;
        assert_eq!(back, path, "{email}: party-change");

        let back = posted(
            &portal,
            &client,
            "/staff/api/cases/party-merge",
            &[
                ("reference", &first),
                ("main", &main),
                ("duplicate", &duplicate),
                ("confirm", "yes"),
                ("reason", "Because I can"),
            ],
        )
        .await;
        // A merge is confirmed on its own page: refused there.
        assert!(
            back.starts_with(&format!("{path}/confirm?action=merge")),
            "{email}: party-merge {back}"
        );
        let (_, html) = page(&portal, &client, &back).await;
        assert!(
            html.contains("Only the case officer or a team manager can merge the case"),
            "{email}: {html}"
        );
    }

    // Nothing changed.
    assert_eq!(events(&portal, &first).await, ["submitted"]);
    assert_eq!(events(&portal, &second).await, ["submitted"]);
    let parties_after: i64 = scalar(&portal, PARTIES, &first).await;
    assert_eq!(parties_after, parties_before);
    let restricted: Option<String> = scalar(
        &portal,
        "SELECT restricted_contact FROM parties WHERE id = $1",
        &customer,
    )
    .await;
    assert_eq!(restricted, None);
    let status: String = scalar(
        &portal,
        "SELECT status FROM parties WHERE id = $1",
        &duplicate,
    )
    .await;
    assert_eq!(status, "current");

    // A team manager may (as they may close it).
    let (manager, _) = staff(&portal, "manager@example.gov.uk", &[Role::TeamManager]).await;
    let done = posted(
        &portal,
        &manager,
        "/staff/api/cases/note",
        &[("reference", &first), ("note", "Checked by the manager.")],
    )
    .await;
    assert_eq!(done, format!("{path}?done=note#notes"));
    let done = posted(
        &portal,
        &manager,
        "/staff/api/cases/party-change",
        &[
            ("reference", &first),
            ("party", &customer),
            ("restricted_contact", "Email only"),
            ("reason", "Asked for by the customer"),
        ],
    )
    .await;
    assert_eq!(done, format!("{path}?done=party_changed#parties"));
    assert_eq!(
        events(&portal, &first).await,
        ["submitted", "note", "party_changed"]
    );
}
