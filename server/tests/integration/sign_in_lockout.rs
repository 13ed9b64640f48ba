//! The sign-in lockout under parallel guesses, through HTTP on SQLite or PostgreSQL: each attempt
//! is counted in the database before its password is checked, so 30 guesses sent at once for one
//! address run at most 5 password checks (all 30 ran before); a right password checked while a
//! parallel guess locks the account is refused; the lock holds across portals on one database.

use std::time::Instant;

use app::domain::staff::Role;
use server::auth::HashPool;
use server::http::throttle::{Rate, ThrottleSettings};
use server::Config;

use crate::staff::{add_staff, count, sign_in, PASSWORD};
use crate::support::{browser, database_url, date, location, spawn_portal_with, TestPortal};

/// Throttles far apart from the lockout, so only the lockout is measured.
fn loose_throttles() -> ThrottleSettings {
    ThrottleSettings {
        sign_in_per_client: Rate::per(10_000, 60),
        sign_in_global: Rate::per(10_000, 60),
        ..ThrottleSettings::default()
    }
}

async fn portal_on(database_url: String, hashes: &HashPool) -> TestPortal {
    spawn_portal_with(Config {
        database_url,
        fixed_today: Some(date(2026, 3, 2)),
        password_hashes: hashes.clone(),
        throttles: loose_throttles(),
        ..Config::default()
    })
    .await
}

/// Sends `passwords` for `email` all at once, each from a browser of its own; the redirects.
async fn at_once(portal: &TestPortal, email: &str, passwords: &[&str]) -> Vec<String> {
    let guesses = passwords.iter().map(|password| async move {
        location(&sign_in(portal, &browser(), email, password).await)
    });
    futures::future::join_all(guesses).await
}

#[tokio::test]
async fn thirty_parallel_wrong_passwords_for_one_address_run_at_most_five_hash_checks() {
    let hashes = HashPool::new(4);
    let portal = portal_on(database_url().await, &hashes).await;
    add_staff(&portal, "dee@example.gov.uk", &[Role::CaseOfficer]).await;
    let started = Instant::now();
    let answers = at_once(&portal, "dee@example.gov.uk", &["wrong password!"; 30]).await;
    let took = started.elapsed();
    let checks = hashes.checks();
    println!("30 parallel wrong passwords: {checks} hash checks, {took:?}");
    assert!(
        checks <= 5,
        "{checks} password checks for 30 parallel guesses"
    );
    assert!(answers
        .iter()
        .all(|answer| answer.contains("error=credentials") || answer.contains("error=locked")));
    let locked = answers
        .iter()
        .filter(|answer| answer.contains("error=locked"))
        .count();
    assert!(locked >= 25, "{answers:?}");
    // Locked now, even for the right password, which is not checked either.
    let right = sign_in(&portal, &browser(), "dee@example.gov.uk", PASSWORD).await;
    assert!(
        location(&right).contains("error=locked"),
        "{}",
        location(&right)
    );
    assert_eq!(hashes.checks(), checks);
    assert_eq!(count(&portal, "staff_sessions").await, 0);
}

#[tokio::test]
async fn a_right_password_checked_while_a_parallel_guess_locks_is_refused() {
    let hashes = HashPool::new(4);
    let portal = portal_on(database_url().await, &hashes).await;
    add_staff(&portal, "eve@example.gov.uk", &[Role::CaseOfficer]).await;
    for _ in 0..4 {
        let answer = sign_in(&portal, &browser(), "eve@example.gov.uk", "wrong password!").await;
        assert!(location(&answer).contains("error=credentials"));
    }
    // The fifth and last allowed attempt is the right password; two guesses arrive while it is
    // being checked and lock the account: the right password does not get in.
    let answers = at_once(
        &portal,
        "eve@example.gov.uk",
        &[PASSWORD, "wrong password!", "wrong password!"],
    )
    .await;
    assert!(answers.iter().all(|a| a.contains("error=")), "{answers:?}");
    assert_eq!(count(&portal, "staff_sessions").await, 0);
    // A success clears the count: after the lock, the right password and then four wrong ones
    // leave the account open.
    sqlx::query("UPDATE staff_sign_in_failures SET locked_until = 1, last_failed_at = 1")
        .execute(&portal.database.pool)
        .await
        .unwrap();
    let right = sign_in(&portal, &browser(), "eve@example.gov.uk", PASSWORD).await;
    assert_eq!(location(&right), "/staff");
    for _ in 0..4 {
        sign_in(&portal, &browser(), "eve@example.gov.uk", "wrong password!").await;
    }
    let right = sign_in(&portal, &browser(), "eve@example.gov.uk", PASSWORD).await;
    assert_eq!(location(&right), "/staff");
}

#[tokio::test]
async fn the_lockout_holds_across_portals_on_one_database() {
    let url = database_url().await;
    let (first_hashes, second_hashes) = (HashPool::new(2), HashPool::new(2));
    let first = portal_on(url.clone(), &first_hashes).await;
    let second = portal_on(url, &second_hashes).await;
    add_staff(&first, "fay@example.gov.uk", &[Role::CaseOfficer]).await;
    // Guesses spread over both, in parallel: still five checks between them.
    let (a, b) = futures::join!(
        at_once(&first, "fay@example.gov.uk", &["wrong password!"; 10]),
        at_once(&second, "fay@example.gov.uk", &["wrong password!"; 10]),
    );
    let checks = first_hashes.checks() + second_hashes.checks();
    assert!(checks <= 5, "{checks} checks over two portals");
    assert!(a
        .iter()
        .chain(&b)
        .any(|answer| answer.contains("error=locked")));
    for portal in [&first, &second] {
        let right = sign_in(portal, &browser(), "fay@example.gov.uk", PASSWORD).await;
        assert!(location(&right).contains("error=locked"));
    }
}
