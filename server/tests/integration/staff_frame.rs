//! The staff frame through HTTP, on SQLite (default) or PostgreSQL (`PORTAL_TEST_DATABASE_URL`):
//! every staff page carries the staff service's own name (header and `<title>`) and navigation
//! for the areas the person's roles open, the current area marked; a callback on a case nobody
//! can take is not offered; the add-staff form speaks of "their" email; "an RFA case".

use app::domain::staff::Role;

use crate::casework_case::{allocated_case, page, portal, post, staff, submit};
use crate::support::location;

const PUBLIC_NAME: &str = "Raise a concern about your information rights";

/// The `<title>` text of a page.
fn title(html: &str) -> &str {
    let start = html.find("<title>").map_or(0, |at| at + "<title>".len());
    let end = html[start..]
        .find("</title>")
        .map_or(start, |at| start + at);
    &html[start..end]
}

/// The staff navigation's markup.
fn nav(html: &str) -> &str {
    let start = html
        .find("<nav aria-label=\"Casework areas\" class=\"app-staff-nav\"")
        .unwrap_or_else(|| panic!("no staff navigation: {html}"));
    let end = html[start..]
        .find("</nav>")
        .map_or(html.len(), |at| start + at);
    &html[start..end]
}

#[tokio::test]
async fn staff_pages_carry_the_staff_name_and_the_areas_the_roles_open() {
    let (portal, _) = portal().await;
    let (officer, officer_id) =
        staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let (admin, _) = staff(&portal, "admin@example.gov.uk", &[Role::Admin]).await;
    let (manager, _) = staff(&portal, "manager@example.gov.uk", &[Role::TeamManager]).await;
    let reference = allocated_case(&portal, &officer_id, "My records.").await;

    // A case officer: their home, cases and callbacks; not users, not the queues.
    for path in ["/staff", "/staff/cases", "/staff/callbacks"] {
        let (status, html) = page(&portal, &officer, path).await;
        assert_eq!(status, 200, "{path}: {html}");
        assert!(
            title(&html).ends_with("Casework"),
            "{path}: {}",
            title(&html)
        );
        assert!(
            !html.contains(PUBLIC_NAME),
            "{path} carries the public name"
        );
        assert!(
            html.contains(
                "class=\"govuk-header__service-name app-staff-header__service\">Casework</a>"
            ),
            "{path}: {html}"
        );
        let nav = nav(&html);
        for area in ["/staff/cases", "/staff/callbacks", "/staff/nuisance"] {
            assert!(
                nav.contains(&format!("href=\"{area}\"")),
                "{path}: {area} missing: {nav}"
            );
        }
        for area in [
            "/staff/users",
            "/staff/queues",
            "/staff/sift",
            "/staff/helpline",
        ] {
            assert!(
                !nav.contains(&format!("href=\"{area}\"")),
                "{path}: {area} shown: {nav}"
            );
        }
        assert!(
            html.contains("Name of officer@example.gov.uk"),
            "{path}: the name"
        );
        assert!(html.contains("Sign out"), "{path}");
        // The current area, and only it, is marked.
        assert_eq!(nav.matches("aria-current").count(), 1, "{path}: {nav}");
        assert!(
            nav.contains(&format!("href=\"{path}\" aria-current=\"page\"")),
            "{path}: {nav}"
        );
    }
    // A page within an area marks the area.
    let (status, html) = page(&portal, &officer, &format!("/staff/cases/{reference}")).await;
    assert_eq!(status, 200, "{html}");
    assert!(
        nav(&html).contains("href=\"/staff/cases\" aria-current=\"true\""),
        "{}",
        nav(&html)
    );
    assert!(title(&html).ends_with(" - Casework"), "{}", title(&html));

    // An admin: users, not cases.
    let (status, html) = page(&portal, &admin, "/staff/users").await;
    assert_eq!(status, 200, "{html}");
    let admin_nav = nav(&html);
    assert!(
        admin_nav.contains("href=\"/staff/users\" aria-current=\"page\""),
        "{admin_nav}"
    );
    assert!(!admin_nav.contains("href=\"/staff/cases\""), "{admin_nav}");
    assert!(title(&html).ends_with(" - Casework"), "{}", title(&html));

    // A team manager: the work queues.
    let (status, html) = page(&portal, &manager, "/staff/queues").await;
    assert_eq!(status, 200, "{html}");
    assert!(
        nav(&html).contains("href=\"/staff/queues\" aria-current=\"page\""),
        "{}",
        nav(&html)
    );
    assert!(!nav(&html).contains("href=\"/staff/users\""));

    // The page refused to a role carries the staff name too.
    let (status, html) = page(&portal, &officer, "/staff/users").await;
    assert_eq!(status, 403, "{html}");
    assert!(title(&html).ends_with(" - Casework"), "{}", title(&html));
    assert!(!html.contains(PUBLIC_NAME));

    // The sign-in page: the staff name, no navigation (nobody is signed in).
    let anonymous = crate::support::browser();
    let (status, html) = page(&portal, &anonymous, "/staff/sign-in").await;
    assert_eq!(status, 200, "{html}");
    assert!(title(&html).ends_with("Casework"), "{}", title(&html));
    assert!(!html.contains("app-staff-nav"), "{html}");
}

#[tokio::test]
async fn a_case_nobody_can_take_a_call_for_offers_no_callback() {
    let (portal, _) = portal().await;
    let (adviser, _) = staff(&portal, "adviser@example.gov.uk", &[Role::Helpline]).await;
    // Handed in, not yet allocated: no officer, and its queue has no lead.
    let body = crate::casework_case::concern(
        "They will not give me my records.",
        "alex@example.org",
        "Example Organisation Ltd",
    );
    let reference = submit(&portal, &body).await;
    let (status, html) = page(&portal, &adviser, &format!("/staff/helpline/{reference}")).await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains("No callback can be booked on this case."),
        "{html}"
    );
    assert!(html.contains("its work queue has no lead"), "{html}");
    assert!(!html.contains("Book callback"), "{html}");
    assert!(!html.contains("Will the caller wait?"), "{html}");
    assert!(
        !html.contains("goes to the lead of its work queue"),
        "{html}"
    );
    // Booking anyway is refused, with the same reason.
    let response = post(
        &portal,
        &adviser,
        "/staff/api/helpline/callback",
        &[
            ("reference", &reference),
            ("caller", "Alex Jones"),
            ("phone", "07700 900123"),
            ("waits", "yes"),
            ("note", ""),
        ],
    )
    .await;
    assert_eq!(location(&response), format!("/staff/helpline/{reference}"));
}

#[tokio::test]
async fn an_officer_in_is_booked_without_asking_whether_the_caller_waits() {
    let (portal, _) = portal().await;
    let (adviser, _) = staff(&portal, "adviser@example.gov.uk", &[Role::Helpline]).await;
    let (_, officer_id) = staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let reference = allocated_case(&portal, &officer_id, "My records.").await;
    let (status, html) = page(&portal, &adviser, &format!("/staff/helpline/{reference}")).await;
    assert_eq!(status, 200, "{html}");
    // Monday 2 March 2026: the officer is in and calls by Wednesday 4 March, either way.
    assert!(
        html.contains("Name of officer@example.gov.uk will call back by 4 March 2026."),
        "{html}"
    );
    assert!(!html.contains("Will the caller wait?"), "{html}");
    assert!(html.contains("name=\"waits\" value=\"no\""), "{html}");
    assert!(html.contains("Book callback"), "{html}");
}

#[tokio::test]
async fn the_add_staff_form_asks_for_their_email_not_yours() {
    let (portal, _) = portal().await;
    let (admin, _) = staff(&portal, "admin@example.gov.uk", &[Role::Admin]).await;
    let response = post(
        &portal,
        &admin,
        "/staff/api/users/create",
        &[("name", "Pat Person"), ("email", ""), ("password", "")],
    )
    .await;
    assert_eq!(location(&response), "/staff/users/new");
    let (_, html) = page(&portal, &admin, "/staff/users/new").await;
    assert!(html.contains("Enter their email address"), "{html}");
    assert!(
        html.contains("Enter a password for their account"),
        "{html}"
    );
    assert!(!html.contains("Enter your email address"), "{html}");
    assert!(!html.contains("Enter your password"), "{html}");
}

#[tokio::test]
async fn the_case_page_says_an_rfa_case() {
    let (portal, _) = portal().await;
    let (officer, officer_id) =
        staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let reference = allocated_case(&portal, &officer_id, "My records.").await;
    let (status, html) = page(&portal, &officer, &format!("/staff/cases/{reference}")).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("This is an RFA case"), "{html}");
    assert!(!html.contains("This is a RFA case"), "{html}");
}
