//! Issue 18, part A: the pages around every public journey, each service's own name, and the
//! concerns journey's last fixes, through HTTP as a browser without JavaScript. Against SQLite,
//! or PostgreSQL with `PORTAL_TEST_DATABASE_URL`.

use app::domain::staff::Role;

use crate::casework_case::{allocate, page as staff_page, staff};
use crate::submission::{hand_in_details, ready_subject_access};
use crate::support::{date, location, spawn_portal, TestPortal};

fn title(html: &str) -> &str {
    html.split("<title>")
        .nth(1)
        .and_then(|rest| rest.split("</title>").next())
        .unwrap_or_default()
}

fn header_name(html: &str) -> &str {
    html.split("govuk-header__service-name\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .unwrap_or_default()
}

async fn answers(portal: &TestPortal, steps: &[&[(&str, &str)]]) -> String {
    let mut last = String::new();
    for fields in steps {
        last = portal.answer(fields).await;
    }
    last
}

#[tokio::test]
async fn the_footer_pages_exist_and_every_public_page_links_them() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    for (path, heading) in [
        ("/privacy", "Privacy notice"),
        ("/cookies", "Cookies"),
        ("/accessibility", "Accessibility statement"),
        ("/contact", "Contact us"),
    ] {
        let (status, html) = portal.page(path).await;
        assert_eq!(status, 200, "{path}");
        assert!(
            html.contains(&format!("<h1 class=\"govuk-heading-l\">{heading}</h1>")),
            "{path}"
        );
        assert!(!html.contains("info."), "{path}: an untranslated key");
    }
    for path in ["/", "/report-nuisance", "/report-breach", "/concern/about"] {
        let (_, html) = portal.page(path).await;
        for href in ["/privacy", "/cookies", "/accessibility", "/contact"] {
            assert!(
                html.contains(&format!("href=\"{href}\" class=\"govuk-footer__link\"")),
                "{path}: {href}"
            );
        }
        // The Beta banner's "feedback" is a link, to the contact page's feedback section.
        assert!(
            html.contains(
                "<a href=\"/contact#feedback\" class=\"govuk-link\">give your feedback</a>"
            ),
            "{path}"
        );
    }
    let (_, contact) = portal.page("/contact").await;
    for words in [
        "id=\"feedback\"",
        "0303 123 1113",
        "Wycliffe House",
        "another format",
        "Welsh",
    ] {
        assert!(contact.contains(words), "contact: {words}");
    }
    let (_, cookies) = portal.page("/cookies").await;
    for name in ["journey", "refused", "breach_draft", "portal_staff"] {
        assert!(
            cookies.contains(&format!("<code>{name}</code>")),
            "cookies: {name}"
        );
    }
    assert!(cookies.contains("strictly necessary"));
    let (_, statement) = portal.page("/accessibility").await;
    for words in [
        "Equality and Human Rights Commission",
        "Equality Commission for Northern Ireland",
        "Web Content Accessibility Guidelines version 2.2 AA",
        "axe",
        "320 pixels",
        "200% zoom",
        "keyboard",
        "This statement was prepared on",
    ] {
        assert!(statement.contains(words), "accessibility: {words}");
    }
}

#[tokio::test]
async fn each_service_has_its_own_name_in_the_header_and_title() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    for (path, name) in [
        ("/", "Raise a concern about your information rights"),
        (
            "/concern/about",
            "Raise a concern about your information rights",
        ),
        ("/report-nuisance", "Report a nuisance call or message"),
        (
            "/report-nuisance/channel",
            "Report a nuisance call or message",
        ),
        ("/report-breach", "Report a personal data breach"),
        ("/report-breach/assess", "Report a personal data breach"),
    ] {
        let (status, html) = portal.page(path).await;
        assert_eq!(status, 200, "{path}");
        assert_eq!(header_name(&html), name, "{path}");
        assert!(
            title(&html) == name || title(&html).ends_with(&format!(" - {name}")),
            "{path}: {}",
            title(&html)
        );
    }
}

#[tokio::test]
async fn the_hand_in_asks_what_they_would_like_to_happen_and_staff_see_it() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    ready_subject_access(&portal).await;
    let (_, verdict) = portal.page("/concern/result/ready").await;
    assert!(verdict.contains("what you would like to happen"));
    hand_in_details(&portal, "Alex Example").await;
    // The question has its own page, and the character count's limit reads "1,000".
    let (status, question) = portal.page("/concern/what-you-want").await;
    assert_eq!(status, 200);
    assert!(question.contains("What would you like to happen?"));
    assert!(question.contains("You can enter up to 1,000 characters"));
    let refused = portal
        .post_form(
            "/api/concern/answer",
            &[("step", "what-you-want"), ("value", "")],
        )
        .await;
    assert_eq!(location(&refused), "/concern/what-you-want");
    let (_, question) = portal.page("/concern/what-you-want").await;
    assert!(question.contains("Enter what you would like to happen"));
    portal
        .answer(&[("step", "what-you-want"), ("value", "A copy of my records")])
        .await;
    // Check your answers: the answer, and one distinct label per row.
    let (_, check) = portal.page("/concern/submit").await;
    assert!(check.contains("What you would like to happen"));
    assert!(check.contains("A copy of my records"));
    let keys: Vec<&str> = check
        .split("<dt class=\"govuk-summary-list__key\">")
        .skip(1)
        .filter_map(|rest| rest.split("</dt>").next())
        .collect();
    let mut distinct = keys.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct.len(), keys.len(), "{keys:?}");
    for label in [
        "What your concern is about",
        "Who the concern is about",
        "Organisation you named",
        "Organisation in our records",
    ] {
        assert!(keys.contains(&label), "{label}: {keys:?}");
    }
    let submitted = portal.post_form("/api/concern/submit", &[]).await;
    assert_eq!(location(&submitted), "/concern/confirmation");
    let (_, confirmation) = portal.page("/concern/confirmation").await;
    let reference = confirmation
        .split("data-testid=\"reference\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .unwrap()
        .to_owned();
    // The staff case page shows it.
    let (officer, officer_id) =
        staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    allocate(&portal, &reference, &officer_id).await;
    let (status, case) = staff_page(&portal, &officer, &format!("/staff/cases/{reference}")).await;
    assert_eq!(status, 200, "{case}");
    assert!(case.contains("What they would like to happen"), "{case}");
    assert!(case.contains("A copy of my records"));
}

#[tokio::test]
async fn a_serious_concern_not_raised_first_promises_no_list_that_is_not_there() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    answers(
        &portal,
        &[
            &[("step", "about"), ("value", "data_protection")],
            &[("step", "organisation"), ("value", "Example Telecoms Ltd")],
            &[("step", "organisation-country"), ("value", "uk")],
            &[("step", "raised"), ("value", "no")],
            &[("step", "exceptions"), ("value", "serious")],
        ],
    )
    .await;
    let confirmed = portal.post_form("/api/concern/confirm", &[]).await;
    assert_eq!(location(&confirmed), "/concern/result/ready");
    let (_, verdict) = portal.page("/concern/result/ready").await;
    assert!(!verdict.contains("documents below"), "{verdict}");
    assert!(!verdict.contains("documents listed below"));
    assert!(verdict.contains("copies of any letters, emails or other documents"));
}

#[tokio::test]
async fn waiting_for_an_internal_review_can_come_back_sooner_with_an_unhappy_result() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    answers(
        &portal,
        &[
            &[("step", "about"), ("value", "foi")],
            &[("step", "organisation"), ("value", "Leeds City Council")],
            &[("step", "scottish-authority"), ("value", "no")],
            &[("step", "raised"), ("value", "yes")],
            &[
                ("step", "raised-on"),
                ("day", "5"),
                ("month", "1"),
                ("year", "2026"),
            ],
            &[("step", "responded"), ("value", "yes")],
            &[
                ("step", "response-on"),
                ("day", "30"),
                ("month", "1"),
                ("year", "2026"),
            ],
            &[("step", "review"), ("value", "yes")],
            &[
                ("step", "review-on"),
                ("day", "20"),
                ("month", "2"),
                ("year", "2026"),
            ],
            &[("step", "review-answered"), ("value", "no")],
        ],
    )
    .await;
    let confirmed = portal.post_form("/api/concern/confirm", &[]).await;
    assert_eq!(location(&confirmed), "/concern/result/not-yet");
    let (_, verdict) = portal.page("/concern/result/not-yet").await;
    let come_back = verdict
        .split("data-testid=\"come-back\"")
        .nth(1)
        .and_then(|rest| rest.split("</div>").next())
        .unwrap_or_default();
    assert!(
        come_back
            .contains("or sooner if you get the result of the review and are not happy with it"),
        "{come_back}"
    );
}

#[tokio::test]
async fn a_body_the_directory_lists_as_a_public_authority_is_not_asked_about() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    portal.answer(&[("step", "about"), ("value", "foi")]).await;
    let next = portal
        .answer(&[("step", "organisation"), ("value", "Leeds City Council")])
        .await;
    assert_eq!(next, "/concern/scottish-authority");
    let (_, scottish) = portal.page("/concern/scottish-authority").await;
    assert!(
        scottish.contains("href=\"/concern/organisation\""),
        "back to the name"
    );
    // A name the directory does not list is asked about.
    let next = portal
        .answer(&[
            ("step", "organisation"),
            ("value", "Riverside Water Trust"),
            ("change", "true"),
        ])
        .await;
    assert_eq!(next, "/concern/public-authority?change=true");
}
