//! Signing in and out: the same refusal for an unknown email and a wrong password, the lockout,
//! the session cookie, idle and absolute expiry, sign-out, and `next`.

use app::domain::staff::Role;

use super::{add_staff, count, execute, get, portal, post, sign_in, PASSWORD};
use crate::support::{browser, location, spawn_portal_with};

#[tokio::test]
async fn a_wrong_password_and_an_unknown_email_get_the_same_answer() {
    let portal = portal().await;
    add_staff(&portal, "ann@example.gov.uk", &[Role::Helpline]).await;
    let client = browser();
    let wrong = sign_in(&portal, &client, "ann@example.gov.uk", "not the password").await;
    let unknown = sign_in(
        &portal,
        &client,
        "nobody@example.gov.uk",
        "not the password",
    )
    .await;
    assert_eq!(wrong.status().as_u16(), 302);
    assert_eq!(unknown.status().as_u16(), 302);
    assert_eq!(
        location(&wrong),
        "/staff/sign-in?error=credentials&next=/staff"
    );
    assert_eq!(location(&wrong), location(&unknown));
    assert!(wrong.headers().get("set-cookie").is_none());
    let page = get(&portal, &client, &location(&wrong))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Enter a correct email address and password"),
        "{page}"
    );
    assert!(page.contains("href=\"#email\""), "{page}");
    assert!(page.contains("<title>Error: Sign in"), "{page}");
    // Email addresses are matched in any case.
    let right = sign_in(&portal, &client, "  ANN@Example.gov.uk", PASSWORD).await;
    assert_eq!(location(&right), "/staff");
}

#[tokio::test]
async fn five_failures_lock_the_account_for_fifteen_minutes_even_for_the_right_password() {
    let portal = portal().await;
    add_staff(&portal, "bo@example.gov.uk", &[Role::CaseOfficer]).await;
    let client = browser();
    for attempt in 1..=4 {
        let response = sign_in(&portal, &client, "bo@example.gov.uk", "wrong password!").await;
        assert!(
            location(&response).contains("error=credentials"),
            "attempt {attempt}"
        );
    }
    let fifth = sign_in(&portal, &client, "bo@example.gov.uk", "wrong password!").await;
    assert!(
        location(&fifth).contains("error=locked"),
        "{}",
        location(&fifth)
    );
    let right = sign_in(&portal, &client, "bo@example.gov.uk", PASSWORD).await;
    assert!(
        location(&right).contains("error=locked"),
        "{}",
        location(&right)
    );
    assert_eq!(count(&portal, "staff_sessions").await, 0);
    let page = get(&portal, &client, &location(&right))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("too many attempts"), "{page}");
    // An unknown address locks the same way: the lockout does not tell who has an account.
    for _ in 0..5 {
        sign_in(&portal, &client, "ghost@example.gov.uk", "wrong password!").await;
    }
    let ghost = sign_in(&portal, &client, "ghost@example.gov.uk", "wrong password!").await;
    assert!(location(&ghost).contains("error=locked"));
    // Fifteen minutes later (the lock moved into the past) the right password works again.
    execute(
        &portal,
        "UPDATE staff_sign_in_failures SET locked_until = 1, last_failed_at = 1",
    )
    .await;
    let later = sign_in(&portal, &client, "bo@example.gov.uk", PASSWORD).await;
    assert_eq!(location(&later), "/staff");
}

#[tokio::test]
async fn the_session_cookie_is_http_only_strict_and_holds_only_a_random_token() {
    let portal = portal().await;
    add_staff(&portal, "cy@example.gov.uk", &[Role::Helpline]).await;
    let response = sign_in(&portal, &browser(), "cy@example.gov.uk", PASSWORD).await;
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    let (pair, attributes) = cookie.split_once(';').unwrap();
    let token = pair
        .strip_prefix("portal_staff=")
        .expect("the cookie's name");
    assert_eq!(token.len(), 43);
    assert!(attributes.contains("HttpOnly"), "{cookie}");
    assert!(attributes.contains("SameSite=Strict"), "{cookie}");
    assert!(attributes.contains("Path=/"), "{cookie}");
    assert!(attributes.contains("Max-Age=43200"), "{cookie}");
    assert!(!attributes.contains("Secure"), "{cookie}");
    // The store has a hash of the token, never the token.
    use sqlx::Row;
    let id: String = sqlx::query("SELECT id FROM staff_sessions")
        .fetch_one(&portal.database.pool)
        .await
        .unwrap()
        .try_get("id")
        .unwrap();
    assert_ne!(id, token);
    assert_eq!(id.len(), 64);
}

#[tokio::test]
async fn behind_https_the_session_cookie_is_secure() {
    let config = server::Config {
        database_url: crate::support::database_url().await,
        secure_cookies: true,
        ..server::Config::default()
    };
    let portal = spawn_portal_with(config).await;
    add_staff(&portal, "di@example.gov.uk", &[Role::Helpline]).await;
    let response = sign_in(&portal, &browser(), "di@example.gov.uk", PASSWORD).await;
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.contains("; Secure"), "{cookie}");
}

#[tokio::test]
async fn a_session_ends_after_30_idle_minutes_and_after_12_hours() {
    let portal = portal().await;
    add_staff(&portal, "ed@example.gov.uk", &[Role::Helpline]).await;
    let client = browser();
    sign_in(&portal, &client, "ed@example.gov.uk", PASSWORD).await;
    assert_eq!(get(&portal, &client, "/staff").await.status().as_u16(), 200);
    execute(
        &portal,
        "UPDATE staff_sessions SET last_seen_at = last_seen_at - 1801",
    )
    .await;
    let idle = get(&portal, &client, "/staff").await;
    assert_eq!(idle.status().as_u16(), 303);
    assert_eq!(
        count(&portal, "staff_sessions").await,
        0,
        "the ended session is deleted"
    );

    sign_in(&portal, &client, "ed@example.gov.uk", PASSWORD).await;
    assert_eq!(get(&portal, &client, "/staff").await.status().as_u16(), 200);
    // Busy all along, but signed in more than 12 hours ago.
    execute(
        &portal,
        "UPDATE staff_sessions SET created_at = created_at - 43201",
    )
    .await;
    assert_eq!(get(&portal, &client, "/staff").await.status().as_u16(), 303);
}

#[tokio::test]
async fn signing_out_deletes_the_session_so_its_cookie_no_longer_works() {
    let portal = portal().await;
    add_staff(&portal, "fay@example.gov.uk", &[Role::Helpline]).await;
    let client = browser();
    let response = sign_in(&portal, &client, "fay@example.gov.uk", PASSWORD).await;
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    let pair = cookie.split(';').next().unwrap().to_owned();
    let out = post(&portal, &client, "/staff/api/sign-out", &[]).await;
    assert_eq!(out.status().as_u16(), 302);
    assert_eq!(location(&out), "/staff/sign-in?signed-out=true");
    assert!(out.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    assert_eq!(count(&portal, "staff_sessions").await, 0);
    // The old cookie, replayed, is no longer a session.
    let replay = browser()
        .get(format!("{}/staff", portal.url))
        .header("cookie", pair)
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status().as_u16(), 303);
}

#[tokio::test]
async fn next_only_leads_to_staff_pages_on_this_site() {
    let portal = portal().await;
    add_staff(&portal, "gil@example.gov.uk", &[Role::Admin]).await;
    let cases = [
        ("/staff/users", "/staff/users"),
        ("//evil.example/staff", "/staff"),
        ("https://evil.example/staff", "/staff"),
        ("/\\evil.example", "/staff"),
        ("/concern/about", "/staff"),
    ];
    for (next, expected) in cases {
        let response = post(
            &portal,
            &browser(),
            "/staff/api/sign-in",
            &[
                ("email", "gil@example.gov.uk"),
                ("password", PASSWORD),
                ("next", next),
            ],
        )
        .await;
        assert_eq!(location(&response), expected, "next={next}");
    }
}

#[tokio::test]
async fn an_empty_form_says_what_is_missing() {
    let portal = portal().await;
    let client = browser();
    let response = post(
        &portal,
        &client,
        "/staff/api/sign-in",
        &[("email", ""), ("password", "")],
    )
    .await;
    assert_eq!(
        location(&response),
        "/staff/sign-in?error=missing-both&next=/staff"
    );
    let page = get(&portal, &client, &location(&response))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Enter your email address"), "{page}");
    assert!(page.contains("href=\"#password\""), "{page}");
}

#[tokio::test]
async fn signing_in_again_replaces_the_browsers_session() {
    let portal = portal().await;
    add_staff(&portal, "hugo@example.gov.uk", &[Role::Helpline]).await;
    let client = browser();
    sign_in(&portal, &client, "hugo@example.gov.uk", PASSWORD).await;
    sign_in(&portal, &client, "hugo@example.gov.uk", PASSWORD).await;
    assert_eq!(count(&portal, "staff_sessions").await, 1);
    assert_eq!(get(&portal, &client, "/staff").await.status().as_u16(), 200);
}
