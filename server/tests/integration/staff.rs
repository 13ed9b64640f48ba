//! Staff sign-in through HTTP, on SQLite (default) or PostgreSQL (`PORTAL_TEST_DATABASE_URL`):
//! the access table at the door, sessions and their cookie, the lockout, the admin's pages, and
//! the `create-admin` command.

mod access;
mod accounts;
mod command;
mod sessions;

use app::domain::staff::{Role, SessionPolicy, StaffMember};
use app::ports::staff::NewStaff;
use server::auth::StaffAuth;

use crate::support::{browser, date, spawn_portal, TestPortal};

pub const PASSWORD: &str = "correct horse battery";

pub async fn portal() -> TestPortal {
    spawn_portal(date(2026, 3, 2)).await
}

/// Adds an account straight into the store.
pub async fn add_staff(portal: &TestPortal, email: &str, roles: &[Role]) -> StaffMember {
    StaffAuth::new(portal.database.clone(), SessionPolicy::default())
        .add(NewStaff {
            email: email.to_owned(),
            name: format!("Name of {email}"),
            roles: roles.to_vec(),
            password: PASSWORD.to_owned(),
        })
        .await
        .expect("account added")
}

/// Posts a form from this site, as a browser without JavaScript would.
pub async fn post(
    portal: &TestPortal,
    client: &reqwest::Client,
    path: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    client
        .post(format!("{}{path}", portal.url))
        .header("origin", &portal.url)
        .header("accept", "text/html")
        .form(fields)
        .send()
        .await
        .unwrap()
}

pub async fn get(portal: &TestPortal, client: &reqwest::Client, path: &str) -> reqwest::Response {
    client
        .get(format!("{}{path}", portal.url))
        .send()
        .await
        .unwrap()
}

/// Signs in with the sign-in form; returns the response (a redirect).
pub async fn sign_in(
    portal: &TestPortal,
    client: &reqwest::Client,
    email: &str,
    password: &str,
) -> reqwest::Response {
    post(
        portal,
        client,
        "/staff/api/sign-in",
        &[("email", email), ("password", password), ("next", "/staff")],
    )
    .await
}

/// A browser signed in as a new member of staff with these roles.
pub async fn signed_in(portal: &TestPortal, email: &str, roles: &[Role]) -> reqwest::Client {
    add_staff(portal, email, roles).await;
    let client = browser();
    let response = sign_in(portal, &client, email, PASSWORD).await;
    assert_eq!(
        crate::support::location(&response),
        "/staff",
        "signing in {email}"
    );
    client
}

/// How many rows a table has.
pub async fn count(portal: &TestPortal, table: &str) -> i64 {
    use sqlx::Row;
    sqlx::query(&format!("SELECT COUNT(*) AS n FROM {table}"))
        .fetch_one(&portal.database.pool)
        .await
        .unwrap()
        .try_get("n")
        .unwrap()
}

/// Runs an UPDATE or DELETE on the portal's database (to move a session back in time).
pub async fn execute(portal: &TestPortal, sql: &str) {
    sqlx::query(sql)
        .execute(&portal.database.pool)
        .await
        .unwrap();
}
