//! An admin adds and changes staff accounts with the pages' forms (plain posts, as without
//! JavaScript).

use app::domain::staff::Role;
use chrono::NaiveDate;

use super::{get, portal, post, sign_in, signed_in, PASSWORD};
use crate::support::{browser, location};

#[tokio::test]
async fn an_admin_adds_a_case_officer_who_can_then_sign_in() {
    let portal = portal().await;
    let admin = signed_in(&portal, "admin@example.gov.uk", &[Role::Admin]).await;
    let form = get(&portal, &admin, "/staff/users/new").await;
    assert_eq!(form.status().as_u16(), 200);
    let response = post(
        &portal,
        &admin,
        "/staff/api/users/create",
        &[
            ("name", "Olu Officer"),
            ("email", "Olu.Officer@Example.gov.uk"),
            ("roles[1]", "case_officer"),
            ("password", "a long first password"),
        ],
    )
    .await;
    assert_eq!(response.status().as_u16(), 302);
    let added = location(&response);
    assert!(added.starts_with("/staff/users?added="), "{added}");
    let list = get(&portal, &admin, &added).await.text().await.unwrap();
    assert!(list.contains("Olu Officer has been added"), "{list}");
    assert!(list.contains("olu.officer@example.gov.uk"), "{list}");

    let officer = browser();
    let signed = sign_in(
        &portal,
        &officer,
        "olu.officer@example.gov.uk",
        "a long first password",
    )
    .await;
    assert_eq!(location(&signed), "/staff");
    let home = get(&portal, &officer, "/staff").await.text().await.unwrap();
    assert!(home.contains("Case officer"), "{home}");
    assert_eq!(
        get(&portal, &officer, "/staff/users")
            .await
            .status()
            .as_u16(),
        403
    );
}

#[tokio::test]
async fn a_refused_add_shows_each_problem_and_keeps_what_was_typed_but_the_password() {
    let portal = portal().await;
    let admin = signed_in(&portal, "admin@example.gov.uk", &[Role::Admin]).await;
    let response = post(
        &portal,
        &admin,
        "/staff/api/users/create",
        &[
            ("name", "Pat Person"),
            ("email", "admin@example.gov.uk"),
            ("password", "aaaaaaaaaaaa"),
        ],
    )
    .await;
    assert_eq!(location(&response), "/staff/users/new");
    let page = get(&portal, &admin, "/staff/users/new")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("There is a problem"), "{page}");
    assert!(page.contains("Select at least one role"), "{page}");
    assert!(
        page.contains("The password must not be one character repeated"),
        "{page}"
    );
    assert!(page.contains("href=\"#roles\""), "{page}");
    assert!(page.contains("value=\"Pat Person\""), "{page}");
    assert!(!page.contains("aaaaaaaaaaaa"), "{page}");
    // Reading the page takes nothing: a reload shows the same problems.
    let again = get(&portal, &admin, "/staff/users/new")
        .await
        .text()
        .await
        .unwrap();
    assert!(again.contains("href=\"#roles\""), "{again}");
    assert!(again.contains("value=\"Pat Person\""), "{again}");
    // The same email as an existing account.
    let taken = post(
        &portal,
        &admin,
        "/staff/api/users/create",
        &[
            ("name", "Pat"),
            ("email", "ADMIN@example.gov.uk"),
            ("password", "a long first password"),
            ("roles[0]", "helpline"),
        ],
    )
    .await;
    assert_eq!(location(&taken), "/staff/users/new");
    let page = get(&portal, &admin, "/staff/users/new")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("There is already a staff account with this email address"),
        "{page}"
    );
}

#[tokio::test]
async fn an_admin_changes_roles_manager_and_away_date_and_deactivating_ends_sessions() {
    let portal = portal().await;
    let admin = signed_in(&portal, "admin@example.gov.uk", &[Role::Admin]).await;
    let helper = signed_in(&portal, "hal@example.gov.uk", &[Role::Helpline]).await;
    let staff = portal.database.list_staff().await.unwrap();
    let admin_id = staff
        .iter()
        .find(|m| m.email.starts_with("admin"))
        .unwrap()
        .id
        .clone();
    let hal = staff
        .iter()
        .find(|m| m.email.starts_with("hal"))
        .unwrap()
        .id
        .clone();
    let page = get(&portal, &admin, &format!("/staff/users/{hal}")).await;
    assert_eq!(page.status().as_u16(), 200);
    let response = post(
        &portal,
        &admin,
        "/staff/api/users/update",
        &[
            ("id", &hal),
            ("roles[4]", "helpline"),
            ("roles[2]", "team_manager"),
            ("manager", &admin_id),
            ("day", "24"),
            ("month", "12"),
            ("year", "2026"),
            ("status", "active"),
        ],
    )
    .await;
    assert_eq!(location(&response), format!("/staff/users?updated={hal}"));
    let changed = portal.database.list_staff().await.unwrap();
    let hal_now = changed.iter().find(|m| m.id == hal).unwrap();
    assert_eq!(hal_now.roles, [Role::TeamManager, Role::Helpline]);
    assert_eq!(hal_now.manager_id.as_deref(), Some(admin_id.as_str()));
    assert_eq!(hal_now.away_until, NaiveDate::from_ymd_opt(2026, 12, 24));
    assert_eq!(get(&portal, &helper, "/staff").await.status().as_u16(), 200);

    let deactivate = post(
        &portal,
        &admin,
        "/staff/api/users/update",
        &[
            ("id", &hal),
            ("roles[4]", "helpline"),
            ("status", "deactivated"),
        ],
    )
    .await;
    assert_eq!(location(&deactivate), format!("/staff/users?updated={hal}"));
    assert_eq!(get(&portal, &helper, "/staff").await.status().as_u16(), 303);
    let again = sign_in(&portal, &browser(), "hal@example.gov.uk", PASSWORD).await;
    assert!(location(&again).contains("error=credentials"));
}

#[tokio::test]
async fn an_admin_cannot_remove_their_own_admin_role_or_set_an_impossible_date() {
    let portal = portal().await;
    let admin = signed_in(&portal, "admin@example.gov.uk", &[Role::Admin]).await;
    let id = portal.database.list_staff().await.unwrap()[0].id.clone();
    let response = post(
        &portal,
        &admin,
        "/staff/api/users/update",
        &[
            ("id", &id),
            ("roles[4]", "helpline"),
            ("day", "31"),
            ("month", "2"),
            ("year", "2026"),
            ("status", "active"),
        ],
    )
    .await;
    assert_eq!(location(&response), format!("/staff/users/{id}"));
    let page = get(&portal, &admin, &format!("/staff/users/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("You cannot remove the admin role from your own account"),
        "{page}"
    );
    assert!(page.contains("The date must be a real date"), "{page}");
    assert!(page.contains("href=\"#away-until-day\""), "{page}");
    let me = &portal.database.list_staff().await.unwrap()[0];
    assert_eq!(me.roles, [Role::Admin]);
}
