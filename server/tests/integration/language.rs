//! The language switch through HTTP, on SQLite (default) or PostgreSQL
//! (`PORTAL_TEST_DATABASE_URL`): every public page offers the other language with a plain link
//! that keeps the person's place; the choice is remembered in a cookie; the page is then drawn in
//! Welsh with `<html lang="cy">`, its error messages too, the answers already given kept; staff
//! screens stay English; the link sends nobody off the site.

use crate::support::{date, location, spawn_portal};

fn html_lang(page: &str) -> &str {
    let start = page
        .find("<html lang=\"")
        .map_or(0, |at| at + "<html lang=\"".len());
    let end = page[start..].find('"').map_or(start, |at| start + at);
    &page[start..end]
}

#[tokio::test]
async fn a_person_switches_to_welsh_mid_journey_and_keeps_their_answers() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    portal
        .answer(&[("step", "about"), ("value", "subject_access")])
        .await;
    portal
        .answer(&[("step", "organisation"), ("value", "Acme Energy")])
        .await;

    // English first, with a link to Welsh that carries this page.
    let (status, page) = portal.page("/concern/organisation").await;
    assert_eq!(status, 200);
    assert_eq!(html_lang(&page), "en");
    assert!(
        page.contains("Which organisation is your concern about?"),
        "{page}"
    );
    let link = "/language/cy?back=%2Fconcern%2Forganisation";
    assert!(page.contains(&format!("href=\"{link}\"")), "{page}");
    assert!(
        page.contains("Newid yr iaith i&#x27;r Gymraeg")
            || page.contains("Newid yr iaith i'r Gymraeg"),
        "{page}"
    );

    // The switch remembers the choice and sends the person back to the same page.
    let switched = portal.get(link).await;
    assert_eq!(switched.status().as_u16(), 303);
    assert_eq!(location(&switched), "/concern/organisation");
    let cookie = switched.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("lang=cy;"), "{cookie}");
    assert!(cookie.contains("Max-Age=31536000"), "{cookie}");

    // The same page in Welsh, the answer still there, and a link back to English.
    let (_, page) = portal.page("/concern/organisation").await;
    assert_eq!(html_lang(&page), "cy");
    assert!(page.contains("Am ba sefydliad mae eich pryder?"), "{page}");
    assert!(
        !page.contains("Which organisation is your concern about?"),
        "{page}"
    );
    assert!(page.contains("value=\"Acme Energy\""), "{page}");
    assert!(
        page.contains("href=\"/language/en?back=%2Fconcern%2Forganisation\""),
        "{page}"
    );
    assert!(
        page.contains("<span aria-current=\"true\" lang=\"cy\" class=\"app-language-select__current\">Cymraeg</span>"),
        "{page}"
    );

    // A refused answer is explained in Welsh.
    let back = portal
        .answer(&[("step", "organisation"), ("value", "")])
        .await;
    assert_eq!(back, "/concern/organisation");
    let (_, page) = portal.page("/concern/organisation").await;
    assert!(page.contains("Mae problem wedi codi"), "{page}");
    assert!(
        page.contains("Rhowch enw&#x27;r sefydliad") || page.contains("Rhowch enw'r sefydliad"),
        "{page}"
    );

    // Staff screens stay English whatever the cookie says.
    let (_, sign_in) = portal.page("/staff/sign-in").await;
    assert_eq!(html_lang(&sign_in), "en");
    assert!(sign_in.contains("Sign in"), "{sign_in}");

    // And back to English.
    let switched = portal
        .get("/language/en?back=%2Fconcern%2Forganisation")
        .await;
    assert_eq!(location(&switched), "/concern/organisation");
    let (_, page) = portal.page("/concern/organisation").await;
    assert_eq!(html_lang(&page), "en");
}

#[tokio::test]
async fn the_switch_sends_nobody_off_the_site_and_ignores_unknown_languages() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    for back in [
        "https%3A%2F%2Fevil.example%2F",
        "%2F%2Fevil.example",
        "%2Fstaff%2Fcases",
    ] {
        let response = portal.get(&format!("/language/en?back={back}")).await;
        assert_eq!(response.status().as_u16(), 303);
        assert_eq!(location(&response), "/", "{back}");
    }
    let unknown = portal.get("/language/fr?back=%2F").await;
    assert_eq!(unknown.status().as_u16(), 303);
    assert!(
        !unknown
            .headers()
            .get_all("set-cookie")
            .iter()
            .any(|cookie| cookie.to_str().unwrap_or_default().starts_with("lang=")),
        "{:?}",
        unknown.headers()
    );
    let (_, page) = portal.page("/").await;
    assert_eq!(html_lang(&page), "en");
}
