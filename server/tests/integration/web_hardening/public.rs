//! The `public/` folder's files answer, and every page links the favicon.

use server::Config;

use crate::support::{database_url, spawn_portal_with};

#[tokio::test]
async fn the_favicon_robots_txt_and_security_txt_answer() {
    let portal = spawn_portal_with(Config {
        database_url: database_url().await,
        public_url: "https://portal.example".to_owned(),
        ..Config::default()
    })
    .await;
    for (path, content_type) in [
        ("/favicon.svg", "image/svg+xml"),
        ("/favicon.ico", "image/x-icon"),
        ("/robots.txt", "text/plain; charset=utf-8"),
        ("/.well-known/security.txt", "text/plain; charset=utf-8"),
    ] {
        let response = portal.get(path).await;
        assert_eq!(response.status().as_u16(), 200, "{path}");
        assert_eq!(response.headers()["content-type"], content_type, "{path}");
    }
    let svg = portal.get("/favicon.svg").await.text().await.unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("#1d70b8"), "{svg}");
    let ico = portal.get("/favicon.ico").await.bytes().await.unwrap();
    assert_eq!(&ico[..4], &[0, 0, 1, 0], "an icon file");

    let robots = portal.get("/robots.txt").await.text().await.unwrap();
    let lines: Vec<&str> = robots.lines().collect();
    assert!(lines.contains(&"User-agent: *"), "{robots}");
    assert!(lines.contains(&"Disallow: /staff"), "{robots}");
    assert!(lines.contains(&"Disallow: /api"), "{robots}");

    let security = portal
        .get("/.well-known/security.txt")
        .await
        .text()
        .await
        .unwrap();
    let field = |name: &str| {
        security
            .lines()
            .find_map(|line| line.strip_prefix(&format!("{name}: ")))
            .unwrap_or_else(|| panic!("no {name} in {security}"))
            .to_owned()
    };
    assert!(field("Contact").starts_with("https://") || field("Contact").starts_with("mailto:"));
    assert_eq!(field("Preferred-Languages"), "en, cy");
    assert_eq!(
        field("Canonical"),
        "https://portal.example/.well-known/security.txt"
    );
    // RFC 9116: less than a year ahead (from 6 December 2026, when it was written), not past.
    let expires = chrono::DateTime::parse_from_rfc3339(&field("Expires")).unwrap();
    let written = chrono::DateTime::parse_from_rfc3339("2026-12-06T00:00:00Z").unwrap();
    assert!(expires > written);
    assert!(expires - written <= chrono::Duration::days(365));

    let (status, home) = portal.page("/").await;
    assert_eq!(status, 200);
    assert!(
        home.contains(r#"<link rel="icon" href="/favicon.svg" type="image/svg+xml""#),
        "{home}"
    );
}
