//! The access table at the door: anonymous, wrong role, right role.

use app::domain::staff::Role;

use super::{get, portal, post, signed_in};
use crate::support::{browser, location};

#[tokio::test]
async fn an_anonymous_page_request_is_sent_to_sign_in_with_where_it_was_going() {
    let portal = portal().await;
    let client = browser();
    let response = get(&portal, &client, "/staff/users?page=2").await;
    assert_eq!(response.status().as_u16(), 303);
    assert_eq!(
        location(&response),
        "/staff/sign-in?next=/staff/users%3Fpage%3D2"
    );
    let home = get(&portal, &client, "/staff").await;
    assert_eq!(home.status().as_u16(), 303);
    assert_eq!(location(&home), "/staff/sign-in?next=/staff");
    // An encoded staff path is refused outright (tests/integration/hardening/paths.rs).
    let sneaky = get(&portal, &client, "/staff/x/../%75sers").await;
    assert_eq!(sneaky.status().as_u16(), 400);
}

#[tokio::test]
async fn the_sign_in_page_is_open_to_everyone() {
    let portal = portal().await;
    let response = get(&portal, &browser(), "/staff/sign-in?next=/staff/users").await;
    assert_eq!(response.status().as_u16(), 200);
    let html = response.text().await.unwrap();
    assert!(html.contains("Sign in to the staff service"), "{html}");
    assert!(html.contains(r#"autocomplete="username""#), "{html}");
    assert!(
        html.contains(r#"autocomplete="current-password""#),
        "{html}"
    );
    assert!(html.contains(r#"value="/staff/users""#), "{html}");
}

#[tokio::test]
async fn an_anonymous_post_to_a_staff_function_gets_401() {
    let portal = portal().await;
    let client = browser();
    for path in [
        "/staff/api/users/list",
        "/staff/api/users/create",
        "/staff/api/me",
    ] {
        let response = post(&portal, &client, path, &[("name", "x")]).await;
        assert_eq!(response.status().as_u16(), 401, "{path}");
    }
}

#[tokio::test]
async fn a_case_officer_is_refused_the_admin_area_with_a_403_page() {
    let portal = portal().await;
    let officer = signed_in(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let response = get(&portal, &officer, "/staff/users").await;
    assert_eq!(response.status().as_u16(), 403);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let html = response.text().await.unwrap();
    assert!(
        html.contains(
            "<h1 class=\"govuk-heading-l\">You do not have permission to view this page</h1>"
        ),
        "{html}"
    );
    assert!(html.contains("Staff"), "{html}");
    assert!(html.contains("/staff/api/sign-out"), "{html}");
    // The frame's navigation, so the officer can go on to the areas their role opens.
    assert!(html.contains("aria-label=\"Casework areas\""), "{html}");
    assert!(html.contains("href=\"/staff/cases\""), "{html}");
    assert!(!html.contains("href=\"/staff/users\""), "{html}");
    let refused = post(&portal, &officer, "/staff/api/users/list", &[]).await;
    assert_eq!(refused.status().as_u16(), 403);
    let create = post(
        &portal,
        &officer,
        "/staff/api/users/create",
        &[
            ("name", "Eve"),
            ("email", "eve@example.gov.uk"),
            ("password", "another long one"),
            ("roles[0]", "admin"),
        ],
    )
    .await;
    assert_eq!(create.status().as_u16(), 403);
    assert_eq!(super::count(&portal, "staff").await, 1);
    // Their own home page opens, with their role and no link to the admin area.
    let home = get(&portal, &officer, "/staff").await;
    assert_eq!(home.status().as_u16(), 200);
    let html = home.text().await.unwrap();
    assert!(html.contains("Case officer"), "{html}");
    assert!(!html.contains("href=\"/staff/users\""), "{html}");
}

#[tokio::test]
async fn an_admin_opens_the_admin_area() {
    let portal = portal().await;
    let admin = signed_in(&portal, "admin@example.gov.uk", &[Role::Admin]).await;
    let home = get(&portal, &admin, "/staff").await;
    let status = home.status().as_u16();
    let html = home.text().await.unwrap();
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains("You are signed in as Name of admin@example.gov.uk"),
        "{html}"
    );
    assert!(html.contains("href=\"/staff/users\""), "{html}");
    let users = get(&portal, &admin, "/staff/users").await;
    assert_eq!(users.status().as_u16(), 200);
    let html = users.text().await.unwrap();
    assert!(html.contains("admin@example.gov.uk"), "{html}");
    assert!(html.contains("Sign out"), "{html}");
}

#[tokio::test]
async fn a_cross_site_sign_in_post_is_refused() {
    let portal = portal().await;
    let response = browser()
        .post(format!("{}/staff/api/sign-in", portal.url))
        .header("origin", "https://evil.example")
        .form(&[("email", "a@b.uk"), ("password", "whatever it is")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 403);
}

#[tokio::test]
async fn a_staff_server_function_gets_the_signed_in_member_from_the_middleware() {
    let portal = portal().await;
    let helpline = signed_in(
        &portal,
        "hana@example.gov.uk",
        &[Role::Helpline, Role::AdviceService],
    )
    .await;
    // As the enhanced (JavaScript) form would call it.
    let response = helpline
        .post(format!("{}/staff/api/me", portal.url))
        .header("origin", &portal.url)
        .header("accept", "application/json")
        .header("content-type", "application/x-www-form-urlencoded")
        .body("")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let me: serde_json::Value = response.json().await.unwrap();
    assert_eq!(me["email"], "hana@example.gov.uk");
    assert_eq!(
        me["roles"],
        serde_json::json!(["advice_service", "helpline"])
    );
    assert!(me.get("password_hash").is_none());
}
