//! Behind HTTPS (`secure_cookies`): HSTS on every response and every cookie named `__Host-…`
//! (Secure, `Path=/`, no `Domain`), read back only under that name; neither without it.
//! `Cache-Control: no-store` on pages and answers that show personal data.

use app::domain::staff::Role;
use server::Config;

use crate::staff::{add_staff, post, sign_in, PASSWORD};
use crate::support::{browser, database_url, location, spawn_portal_with, TestPortal};

async fn portal(secure_cookies: bool) -> TestPortal {
    spawn_portal_with(Config {
        database_url: database_url().await,
        secure_cookies,
        ..Config::default()
    })
    .await
}

fn set_cookies(response: &reqwest::Response) -> Vec<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|value| value.to_str().unwrap().to_owned())
        .collect()
}

fn header<'a>(response: &'a reqwest::Response, name: &str) -> Option<&'a str> {
    response
        .headers()
        .get(name)
        .map(|value| value.to_str().unwrap())
}

/// Every cookie a short visit sets: the staff session, the journey, a breach draft, and the
/// `refused` cookie of a refused form.
async fn cookies_set(portal: &TestPortal) -> Vec<String> {
    let mut all = Vec::new();
    add_staff(portal, "di@example.gov.uk", &[Role::Helpline]).await;
    all.extend(set_cookies(
        &sign_in(portal, &browser(), "di@example.gov.uk", PASSWORD).await,
    ));
    let client = browser();
    let journey = post(
        portal,
        &client,
        "/api/concern/answer",
        &[("step", "about"), ("value", "subject_access")],
    )
    .await;
    assert_eq!(journey.status().as_u16(), 302);
    all.extend(set_cookies(&journey));
    let draft = post(
        portal,
        &client,
        "/report-breach/api/start",
        &[
            ("personal_data", "yes"),
            ("security_breach", "yes"),
            ("risk", "likely"),
        ],
    )
    .await;
    all.extend(set_cookies(&draft));
    let refused = post(
        portal,
        &client,
        "/report-breach/api/follow-up",
        &[("reference", "nothing"), ("email", "x"), ("text", "")],
    )
    .await;
    all.extend(set_cookies(&refused));
    all
}

#[tokio::test]
async fn behind_https_hsts_is_sent_and_every_cookie_is_a_host_cookie() {
    let portal = portal(true).await;
    for path in [
        "/",
        "/staff/sign-in",
        "/report-breach/follow-up",
        "/robots.txt",
    ] {
        let response = portal.get(path).await;
        assert_eq!(
            header(&response, "strict-transport-security"),
            Some("max-age=31536000; includeSubDomains"),
            "{path}"
        );
    }
    let cookies = cookies_set(&portal).await;
    for name in ["portal_staff", "journey", "breach_draft", "refused"] {
        let cookie = cookies
            .iter()
            .find(|cookie| cookie.starts_with(&format!("__Host-{name}=")))
            .unwrap_or_else(|| panic!("no __Host-{name} in {cookies:?}"));
        assert!(cookie.contains("; Secure"), "{cookie}");
        assert!(cookie.contains("; Path=/;"), "{cookie}");
        assert!(!cookie.to_ascii_lowercase().contains("domain="), "{cookie}");
    }
    assert!(
        cookies.iter().all(|cookie| cookie.starts_with("__Host-")),
        "{cookies:?}"
    );

    // The session works under its prefixed name, and a cookie under the bare name is ignored
    // (a plain-HTTP response or a sibling host could have planted it).
    let response = sign_in(&portal, &browser(), "di@example.gov.uk", PASSWORD).await;
    let pair = set_cookies(&response)[0]
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let token = pair.strip_prefix("__Host-portal_staff=").unwrap();
    let plain = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let with = |cookie: String| {
        plain
            .get(format!("{}/staff", portal.url))
            .header("cookie", cookie)
            .send()
    };
    assert_eq!(with(pair.clone()).await.unwrap().status().as_u16(), 200);
    let bare = with(format!("portal_staff={token}")).await.unwrap();
    assert_eq!(bare.status().as_u16(), 303);
}

#[tokio::test]
async fn over_plain_http_there_is_no_hsts_and_no_prefix() {
    let portal = portal(false).await;
    let response = portal.get("/").await;
    assert_eq!(header(&response, "strict-transport-security"), None);
    let cookies = cookies_set(&portal).await;
    assert!(cookies.len() >= 4, "{cookies:?}");
    for cookie in &cookies {
        assert!(!cookie.starts_with("__Host-"), "{cookie}");
        assert!(!cookie.contains("Secure"), "{cookie}");
    }
    // The breach draft keeps its narrower path when it can.
    assert!(
        cookies
            .iter()
            .any(|cookie| cookie.starts_with("breach_draft=")
                && cookie.contains("Path=/report-breach;")),
        "{cookies:?}"
    );
}

#[tokio::test]
async fn pages_with_personal_data_are_not_stored() {
    let portal = portal(false).await;
    let client = browser();
    // The follow-up page shows the email typed back with the problem.
    let response = post(
        &portal,
        &client,
        "/report-breach/api/follow-up",
        &[
            ("reference", "ICO-NOPE"),
            ("email", "reporter@example.org"),
            ("text", "More details."),
        ],
    )
    .await;
    assert_eq!(location(&response), "/report-breach/follow-up");
    let page = crate::staff::get(&portal, &client, "/report-breach/follow-up").await;
    assert_eq!(header(&page, "cache-control"), Some("no-store"));
    assert!(page.text().await.unwrap().contains("reporter@example.org"));

    // Every page and answer that does not choose its own caching: the journeys' pages, check
    // your answers, downloads, server function answers, the API, not found.
    for path in [
        "/",
        "/concern/about",
        "/concern/check",
        "/concern/confirmation",
        "/concern/letter.txt",
        "/concern/reminder.ics",
        "/report-breach/report",
        "/report-breach/report/saved",
        "/report-nuisance",
        "/no-such-page",
    ] {
        let response = crate::staff::get(&portal, &client, path).await;
        assert_eq!(
            header(&response, "cache-control"),
            Some("no-store"),
            "{path}"
        );
    }

    // A staff page.
    add_staff(&portal, "ed@example.gov.uk", &[Role::Helpline]).await;
    let staff = browser();
    sign_in(&portal, &staff, "ed@example.gov.uk", PASSWORD).await;
    let home = crate::staff::get(&portal, &staff, "/staff").await;
    assert_eq!(home.status().as_u16(), 200);
    assert_eq!(header(&home, "cache-control"), Some("no-store"));

    // The public files may be kept.
    let robots = portal.get("/robots.txt").await;
    assert_eq!(
        header(&robots, "cache-control"),
        Some("public, max-age=86400")
    );
}
