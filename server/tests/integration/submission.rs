//! Handing a concern in through the web journey, as a browser without JavaScript does: plain
//! form posts and a multipart upload. Against SQLite, or PostgreSQL with
//! `PORTAL_TEST_DATABASE_URL`.

use crate::support::{date, location, spawn_portal, TestPortal};

pub(crate) const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";

/// A subject access request made on 5 January 2026 and never answered: ready on 2 March.
pub(crate) async fn ready_subject_access(portal: &TestPortal) {
    for fields in [
        vec![("step", "about"), ("value", "subject_access")],
        vec![("step", "organisation"), ("value", "Leeds City Council")],
        vec![("step", "organisation-country"), ("value", "uk")],
        vec![("step", "raised"), ("value", "yes")],
        vec![
            ("step", "raised-on"),
            ("day", "5"),
            ("month", "1"),
            ("year", "2026"),
        ],
        vec![("step", "responded"), ("value", "no")],
        vec![
            ("step", "last-contact"),
            ("day", ""),
            ("month", ""),
            ("year", ""),
        ],
        vec![
            ("step", "documents"),
            ("values[0]", "subject_access_request"),
        ],
    ] {
        portal.answer(&fields).await;
    }
    let confirmed = portal.post_form("/api/concern/confirm", &[]).await;
    assert_eq!(location(&confirmed), "/concern/result/ready");
}

pub(crate) async fn upload(
    portal: &TestPortal,
    kind: &str,
    name: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let form = reqwest::multipart::Form::new()
        .text("kind", kind.to_owned())
        .part(
            "file",
            reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
        );
    portal
        .client
        .post(format!("{}/api/concern/evidence", portal.url))
        .header("origin", &portal.url)
        .multipart(form)
        .send()
        .await
        .unwrap()
}

/// Answers the questions after the verdict up to the evidence page.
pub(crate) async fn up_to_evidence(portal: &TestPortal) {
    assert_eq!(
        portal
            .answer(&[("step", "acting-for"), ("value", "myself")])
            .await,
        "/concern/organisation-match"
    );
    assert_eq!(
        portal
            .answer(&[("step", "organisation-match"), ("value", "la:LDS")])
            .await,
        "/concern/summary"
    );
    portal
        .answer(&[
            ("step", "summary"),
            ("value", "I asked for my records.\r\n\r\nNo reply."),
        ])
        .await;
    add_event(portal, "Sent my request").await;
    let finished = portal
        .post_form("/api/concern/finish", &[("step", "timeline")])
        .await;
    assert_eq!(location(&finished), "/concern/harm");
    portal.answer(&[("step", "harm"), ("value", "Worry")]).await;
    portal
        .answer(&[("step", "what-you-want"), ("value", "A copy of my records")])
        .await;
}

/// On the timeline: adds an event on 5 January 2026 and is back on the timeline.
pub(crate) async fn add_event(portal: &TestPortal, what: &str) {
    let added = portal
        .post_form(
            "/api/concern/add-event",
            &[
                ("day", "5"),
                ("month", "1"),
                ("year", "2026"),
                ("what", what),
            ],
        )
        .await;
    assert_eq!(location(&added), "/concern/timeline");
}

/// The contact questions, by email, then "reply in Welsh" (`yes` or `no`): the check page next.
pub(crate) async fn contact_details(
    portal: &TestPortal,
    name: &str,
    email: &str,
    reply_in_welsh: &str,
) {
    for fields in [
        [("step", "your-name"), ("value", name)],
        [("step", "email"), ("value", email)],
        [("step", "phone"), ("value", "")],
        [("step", "address"), ("value", "")],
        [("step", "contact-by"), ("value", "email")],
        [("step", "adjustments"), ("value", "")],
    ] {
        portal.answer(&fields).await;
    }
    assert_eq!(
        portal
            .answer(&[("step", "reply-in-welsh"), ("value", reply_in_welsh)])
            .await,
        "/concern/submit"
    );
}

/// Answers every question after the verdict, uploading the request.
pub(crate) async fn hand_in_details(portal: &TestPortal, name: &str) {
    up_to_evidence(portal).await;
    let uploaded = upload(
        portal,
        "subject_access_request",
        "my request.pdf",
        PDF.to_vec(),
    )
    .await;
    assert_eq!(uploaded.status().as_u16(), 302);
    let finished = portal
        .post_form("/api/concern/finish", &[("step", "evidence")])
        .await;
    assert_eq!(location(&finished), "/concern/your-name");
    contact_details(portal, name, "alex@example.org", "yes").await;
}

#[tokio::test]
async fn a_ready_concern_is_handed_in_with_its_evidence_and_acknowledged() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    ready_subject_access(&portal).await;
    hand_in_details(&portal, "Alex Example").await;
    let (status, check) = portal.page("/concern/submit").await;
    assert_eq!(status, 200);
    assert!(
        check.contains("Leeds City Council"),
        "the picked organisation is named"
    );
    assert!(check.contains("my request.pdf"));
    let submitted = portal.post_form("/api/concern/submit", &[]).await;
    assert_eq!(location(&submitted), "/concern/confirmation");
    let (_, confirmation) = portal.page("/concern/confirmation").await;
    let reference = confirmation
        .split("data-testid=\"reference\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .unwrap()
        .to_owned();
    assert!(
        app::domain::case::Reference::parse(&reference).is_ok(),
        "{reference}"
    );
    assert!(confirmation.contains("alex@example.org"));
    assert_eq!(portal.database.intake_counts().await.unwrap(), (1, 2, 1));
    assert_eq!(portal.database.document_count().await.unwrap(), 1);
}

#[tokio::test]
async fn submitting_again_at_once_or_later_yields_the_same_case() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    ready_subject_access(&portal).await;
    hand_in_details(&portal, "Alex Example").await;
    let posts = (0..6).map(|_| portal.post_form("/api/concern/submit", &[]));
    for response in futures::future::join_all(posts).await {
        assert_eq!(location(&response), "/concern/confirmation");
    }
    let again = portal.post_form("/api/concern/submit", &[]).await;
    assert_eq!(location(&again), "/concern/confirmation");
    assert_eq!(portal.database.intake_counts().await.unwrap().0, 1);
}

#[tokio::test]
async fn refused_uploads_explain_themselves_and_store_nothing() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    ready_subject_access(&portal).await;
    up_to_evidence(&portal).await;
    let mut elf = b"\x7fELF\x02\x01\x01\x00".to_vec();
    elf.extend([0u8; 64]);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("letter.pdf", elf, "must be a PDF, image, Word, Excel"),
        ("empty.pdf", Vec::new(), "The selected file is empty"),
        (
            "big.pdf",
            vec![b'a'; 10 * 1024 * 1024 + 1],
            "smaller than 10MB",
        ),
        (
            "page.html",
            b"<html><script>alert(1)</script></html>".to_vec(),
            "must be a PDF",
        ),
    ];
    for (name, bytes, message) in cases {
        let response = upload(&portal, "subject_access_request", name, bytes).await;
        assert_eq!(response.status().as_u16(), 302, "{name}");
        let (status, page) = portal.page("/concern/evidence").await;
        assert_eq!(status, 200);
        assert!(page.contains("There is a problem"), "{name}");
        assert!(page.contains(message), "{name}: {message}");
    }
    // A large file within the limit is taken (axum's own 2 MB default must not apply).
    let mut large = PDF.to_vec();
    large.extend(std::iter::repeat_n(b' ', 6 * 1024 * 1024));
    large.extend(b"\n%%EOF\n");
    upload(&portal, "other", "scan.pdf", large).await;
    let (_, page) = portal.page("/concern/evidence").await;
    assert!(page.contains("scan.pdf"), "a 6 MB PDF is accepted");
    let remove = portal
        .post_form("/api/concern/remove-evidence", &[("index", "0")])
        .await;
    assert_eq!(location(&remove), "/concern/evidence");
    let wrong_kind = upload(&portal, "passport", "a.pdf", PDF.to_vec()).await;
    assert_eq!(wrong_kind.status().as_u16(), 302);
    let (_, page) = portal.page("/concern/evidence").await;
    assert!(page.contains("Select what the document is"));
    assert!(!page.contains("app-file__name"), "nothing was added");
}

#[tokio::test]
async fn script_and_bad_dates_in_answers_are_shown_as_text_or_refused_never_a_500() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    ready_subject_access(&portal).await;
    portal
        .answer(&[("step", "acting-for"), ("value", "myself")])
        .await;
    portal
        .answer(&[("step", "organisation-match"), ("value", "none")])
        .await;
    portal
        .answer(&[("step", "sector"), ("value", "not_sure")])
        .await;
    let script = "<script>alert(1)</script>";
    portal
        .answer(&[("step", "summary"), ("value", script)])
        .await;
    for (day, month, year) in [("31", "2", "2026"), ("1", "1", "2027"), ("x", "1", "2026")] {
        let response = portal
            .post_form(
                "/api/concern/add-event",
                &[
                    ("day", day),
                    ("month", month),
                    ("year", year),
                    ("what", script),
                ],
            )
            .await;
        assert_eq!(location(&response), "/concern/timeline");
        let (status, page) = portal.page("/concern/timeline").await;
        assert_eq!(status, 200);
        assert!(page.contains("There is a problem"));
        let raw = page
            .find(script)
            .map(|at| &page[at.saturating_sub(120)..at + 40]);
        assert_eq!(raw, None, "typed text is escaped");
        assert!(page.contains("&lt;script&gt;"));
    }
    let long = "a".repeat(2001);
    let response = portal
        .post_form(
            "/api/concern/answer",
            &[("step", "summary"), ("value", &long)],
        )
        .await;
    assert_eq!(location(&response), "/concern/summary");
    let (_, page) = portal.page("/concern/summary").await;
    assert!(page.contains("What happened must be 2,000 characters or fewer"));
    assert!(page.contains(&long), "what was typed is kept");
    let odd = portal
        .post_form("/api/concern/remove-event", &[("index", "99")])
        .await;
    assert!(odd.status().as_u16() < 500);
    let junk = portal
        .post_form("/api/concern/finish", &[("step", "nonsense")])
        .await;
    assert!(junk.status().as_u16() < 500);
}

#[tokio::test]
async fn handing_in_is_refused_until_the_verdict_allows_it() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    portal
        .answer(&[("step", "about"), ("value", "subject_access")])
        .await;
    let early = portal.post_form("/api/concern/submit", &[]).await;
    assert_eq!(location(&early), "/concern/check");
    let (status, _) = portal.page("/concern/acting-for").await;
    assert!(status < 500);
    let upload = upload(&portal, "other", "a.pdf", PDF.to_vec()).await;
    assert_eq!(location(&upload), "/concern/check");
    assert_eq!(portal.database.intake_counts().await.unwrap().0, 0);
}

#[tokio::test]
async fn typed_text_cannot_close_the_title_or_a_textarea() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    portal
        .answer(&[("step", "about"), ("value", "subject_access")])
        .await;
    let attack = "</title></textarea><script>alert(1)</script>";
    portal
        .answer(&[("step", "organisation"), ("value", attack)])
        .await;
    let (status, page) = portal.page("/concern/organisation-country").await;
    assert_eq!(status, 200);
    assert!(!page.contains("<script>alert(1)"), "the title escapes it");
    assert!(page.contains("&lt;/title&gt;"));
    ready_subject_access(&portal).await;
    portal
        .answer(&[("step", "acting-for"), ("value", "myself")])
        .await;
    portal
        .answer(&[("step", "organisation-match"), ("value", "none")])
        .await;
    portal
        .answer(&[("step", "sector"), ("value", "not_sure")])
        .await;
    let response = portal
        .post_form(
            "/api/concern/answer",
            &[("step", "summary"), ("value", attack)],
        )
        .await;
    assert_eq!(location(&response), "/concern/timeline");
    let (_, page) = portal.page("/concern/summary").await;
    assert!(
        !page.contains("<script>alert(1)"),
        "the textarea escapes it"
    );
    assert!(page.contains("&lt;/textarea&gt;"));
}

#[tokio::test]
async fn after_handing_in_the_first_question_starts_a_new_concern() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    ready_subject_access(&portal).await;
    hand_in_details(&portal, "Alex Example").await;
    portal.post_form("/api/concern/submit", &[]).await;
    let (status, _) = portal.page("/concern/about").await;
    assert_eq!(
        status, 200,
        "the first question is shown, not the old confirmation"
    );
    let (_, page) = portal.page("/concern/acting-for").await;
    assert!(!page.contains("Who is this concern about?"));
    ready_subject_access(&portal).await;
    hand_in_details(&portal, "Alex Example").await;
    let second = portal.post_form("/api/concern/submit", &[]).await;
    assert_eq!(location(&second), "/concern/confirmation");
    assert_eq!(
        portal.database.intake_counts().await.unwrap().0,
        2,
        "a second concern is a second case"
    );
}
