//! Issue 19 part 3, FOI and EIR complaints in depth: a complaint about a refusal under s.40 and
//! s.43 walked through the assistant as a browser without JavaScript, handed in, and its answers
//! found on the staff case page; the review an authority refused or has no procedure for.
//! Against SQLite, or PostgreSQL with `PORTAL_TEST_DATABASE_URL`.

use app::domain::staff::Role;

use crate::casework_case::{allocate, page as staff_page, scalar, staff};
use crate::submission::{add_event, contact_details, upload};
use crate::support::{date, location, spawn_portal, TestPortal};

const REQUESTED: &str = "The contract between the council and its waste contractor, with prices.";
const WITHHELD: &str = "The prices, and the names of the staff who signed it.";

fn pdf(kind: &str) -> Vec<u8> {
    format!("%PDF-1.4\n% {kind}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n").into_bytes()
}

fn date_fields<'a>(step: &'a str, d: &'a str, m: &'a str, y: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![("step", step), ("day", d), ("month", m), ("year", y)]
}

/// An FOI request made on 5 January 2026, answered on 30 January; the review asked for on
/// 2 February and then `review` (its answer's fields), ready on 2 March.
async fn foi_up_to_review(portal: &TestPortal) {
    for fields in [
        vec![("step", "about"), ("value", "foi")],
        vec![("step", "organisation"), ("value", "Leeds City Council")],
        vec![("step", "scottish-authority"), ("value", "no")],
        vec![("step", "raised"), ("value", "yes")],
        date_fields("raised-on", "5", "1", "2026"),
        vec![("step", "responded"), ("value", "yes")],
        date_fields("response-on", "30", "1", "2026"),
    ] {
        portal.answer(&fields).await;
    }
}

async fn no_later_contact(portal: &TestPortal) -> String {
    portal
        .answer(&[
            ("step", "last-contact"),
            ("day", ""),
            ("month", ""),
            ("year", ""),
        ])
        .await
}

const REVIEWED_DOCUMENTS: [&str; 4] = [
    "information_request",
    "authority_response",
    "internal_review_request",
    "internal_review_outcome",
];

/// Says every document in `codes` is ready.
async fn have_documents(portal: &TestPortal, codes: &[&str]) {
    let names: Vec<String> = (0..codes.len()).map(|i| format!("values[{i}]")).collect();
    let mut fields = vec![("step", "documents")];
    for (name, code) in names.iter().zip(codes) {
        fields.push((name.as_str(), *code));
    }
    assert_eq!(portal.answer(&fields).await, "/concern/check");
}

/// The refusal was reviewed (result on 20 February) and every document is ready.
async fn ready_refusal(portal: &TestPortal) {
    foi_up_to_review(portal).await;
    portal.answer(&[("step", "review"), ("value", "yes")]).await;
    portal
        .answer(&date_fields("review-on", "2", "2", "2026"))
        .await;
    portal
        .answer(&[("step", "review-answered"), ("value", "yes")])
        .await;
    portal
        .answer(&date_fields("review-outcome-on", "20", "2", "2026"))
        .await;
    assert_eq!(no_later_contact(portal).await, "/concern/documents");
    have_documents(portal, &REVIEWED_DOCUMENTS).await;
    let confirmed = portal.post_form("/api/concern/confirm", &[]).await;
    assert_eq!(location(&confirmed), "/concern/result/ready");
}

/// What happens after an FOI complaint, in the words of the s50 guidance and its settings.
fn says_what_happens_next(html: &str) {
    for words in [
        "What happens after you complain",
        "we issue a decision notice",
        "within 35 calendar days",
        "First-tier Tribunal (General Regulatory Chamber) within 28 calendar days",
        "within 6 months of receiving them",
    ] {
        assert!(html.contains(words), "{words}: {html}");
    }
}

#[tokio::test]
async fn an_foi_refusal_under_s40_and_s43_reaches_the_case_page_with_its_answers() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    ready_refusal(&portal).await;
    let (_, verdict) = portal.page("/concern/result/ready").await;
    says_what_happens_next(&verdict);
    assert!(!verdict.contains("data-testid=\"review-waived\""));

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
        "/concern/information-requested"
    );
    let (status, question) = portal.page("/concern/information-requested").await;
    assert_eq!(status, 200);
    assert!(question.contains("What information did you ask Leeds City Council for?"));
    assert_eq!(
        portal
            .answer(&[("step", "information-requested"), ("value", REQUESTED)])
            .await,
        "/concern/authority-action"
    );
    let (_, action) = portal.page("/concern/authority-action").await;
    for option in [
        "Said it does not hold the information",
        "Said it would cost too much to deal with the request",
        "Said the request is vexatious or manifestly unreasonable",
        "Extended the time it needs to consider the public interest",
    ] {
        assert!(action.contains(option), "{option}");
    }
    assert_eq!(
        portal
            .answer(&[("step", "authority-action"), ("value", "refused")])
            .await,
        "/concern/exemptions"
    );
    // No exemption chosen: the page says so, without JavaScript.
    let refused = portal
        .post_form("/api/concern/answer", &[("step", "exemptions")])
        .await;
    assert_eq!(location(&refused), "/concern/exemptions");
    let (_, exemptions) = portal.page("/concern/exemptions").await;
    assert!(exemptions.contains("Which exemptions did Leeds City Council use?"));
    assert!(exemptions.contains("Select the exemptions or exceptions the authority used"));
    assert!(exemptions.contains("Section 40: personal information"));
    assert!(exemptions.contains("Section 43: commercial interests"));
    assert!(!exemptions.contains("Regulation 12(5)(e)"));
    assert_eq!(
        portal
            .answer(&[
                ("step", "exemptions"),
                ("values[0]", "s40"),
                ("values[1]", "s43"),
            ])
            .await,
        "/concern/withheld"
    );
    assert_eq!(
        portal
            .answer(&[("step", "withheld"), ("value", WITHHELD)])
            .await,
        "/concern/summary"
    );
    portal
        .answer(&[
            ("step", "summary"),
            ("value", "The council withheld most of the contract."),
        ])
        .await;
    add_event(&portal, "Made my request").await;
    // No harm question: what they would like to happen comes straight after the timeline.
    let finished = portal
        .post_form("/api/concern/finish", &[("step", "timeline")])
        .await;
    assert_eq!(location(&finished), "/concern/what-you-want");
    assert_eq!(
        portal
            .answer(&[
                ("step", "what-you-want"),
                ("value", "The contract, with the prices."),
            ])
            .await,
        "/concern/evidence"
    );
    for kind in REVIEWED_DOCUMENTS {
        let uploaded = upload(&portal, kind, &format!("{kind}.pdf"), pdf(kind)).await;
        assert_eq!(uploaded.status().as_u16(), 302, "{kind}");
    }
    let finished = portal
        .post_form("/api/concern/finish", &[("step", "evidence")])
        .await;
    assert_eq!(location(&finished), "/concern/your-name");
    contact_details(&portal, "Sam Example", "sam@example.org", "no").await;

    // Check your answers: the new answers, each with its change link; no harm.
    let (_, check) = portal.page("/concern/submit").await;
    for words in [
        "Information you asked for",
        REQUESTED,
        "What the authority did",
        "Refused to give some or all of the information, using exemptions or exceptions",
        "Exemptions used",
        "Section 40: personal information, Section 43: commercial interests",
        "Information withheld",
        WITHHELD,
        "/concern/information-requested?change=true",
        "/concern/authority-action?change=true",
        "/concern/exemptions?change=true",
        "/concern/withheld?change=true",
    ] {
        assert!(check.contains(words), "{words}: {check}");
    }
    assert!(!check.contains("How it has affected you"));

    let submitted = portal.post_form("/api/concern/submit", &[]).await;
    assert_eq!(location(&submitted), "/concern/confirmation");
    let (_, confirmation) = portal.page("/concern/confirmation").await;
    says_what_happens_next(&confirmation);
    let reference = confirmation
        .split("data-testid=\"reference\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .unwrap()
        .to_owned();

    // The case carries the answers in its details, and the staff case page shows them.
    let details: String = scalar(
        &portal,
        "SELECT answers FROM cases WHERE reference = $1",
        &reference,
    )
    .await;
    let details: serde_json::Value = serde_json::from_str(&details).unwrap();
    let request = &details["details"]["information_request"];
    assert_eq!(request["law"], "foi");
    assert_eq!(request["authority_action"], "refused");
    assert_eq!(request["grounds"], serde_json::json!(["s40", "s43"]));
    assert_eq!(request["review"], "answered");
    assert_eq!(details["details"]["harm"], "");

    let (officer, officer_id) =
        staff(&portal, "foi.officer@example.gov.uk", &[Role::CaseOfficer]).await;
    allocate(&portal, &reference, &officer_id).await;
    let (status, case) = staff_page(&portal, &officer, &format!("/staff/cases/{reference}")).await;
    assert_eq!(status, 200, "{case}");
    for words in [
        "The information request",
        "Freedom of Information Act 2000",
        REQUESTED,
        "Refused to give some or all of the information, using exemptions or exceptions",
        "Section 40: personal information",
        "Section 43: commercial interests",
        WITHHELD,
        "Asked for, and the authority gave its result",
        "The contract, with the prices.",
    ] {
        assert!(case.contains(words), "{words}: {case}");
    }
    assert!(!case.contains("How it has affected them"));
}

#[tokio::test]
async fn a_refused_review_or_no_review_procedure_lets_the_complaint_go_on() {
    // Refused: asked on 2 February, refused on 9 February.
    let portal = spawn_portal(date(2026, 3, 2)).await;
    foi_up_to_review(&portal).await;
    portal.answer(&[("step", "review"), ("value", "yes")]).await;
    portal
        .answer(&date_fields("review-on", "2", "2", "2026"))
        .await;
    let (_, answered) = portal.page("/concern/review-answered").await;
    assert!(answered.contains("The authority refused to carry out a review"));
    assert_eq!(
        portal
            .answer(&[("step", "review-answered"), ("value", "refused")])
            .await,
        "/concern/review-refused-on"
    );
    let early = portal
        .post_form(
            "/api/concern/answer",
            &date_fields("review-refused-on", "1", "2", "2026"),
        )
        .await;
    assert_eq!(location(&early), "/concern/review-refused-on");
    let (_, page) = portal.page("/concern/review-refused-on").await;
    assert!(page.contains("When did Leeds City Council refuse to carry out the review?"));
    assert!(page.contains("The date it refused must be the same as or after"));
    assert_eq!(
        portal
            .answer(&date_fields("review-refused-on", "9", "2", "2026"))
            .await,
        "/concern/last-contact"
    );
    no_later_contact(&portal).await;
    have_documents(&portal, &REVIEWED_DOCUMENTS).await;
    let (_, check) = portal.page("/concern/check").await;
    assert!(check.contains("Date it refused to review"));
    assert!(check.contains("/concern/review-refused-on?change=true"));
    let confirmed = portal.post_form("/api/concern/confirm", &[]).await;
    assert_eq!(location(&confirmed), "/concern/result/ready");
    let (_, verdict) = portal.page("/concern/result/ready").await;
    assert!(verdict.contains("refused to carry out an internal review, so you can complain"));
    says_what_happens_next(&verdict);

    // No procedure: no review to ask for, so no review letter.
    let portal = spawn_portal(date(2026, 3, 2)).await;
    foi_up_to_review(&portal).await;
    let (_, review) = portal.page("/concern/review").await;
    assert!(review.contains("No, the authority told me it has no review procedure"));
    assert_eq!(
        portal
            .answer(&[("step", "review"), ("value", "no_procedure")])
            .await,
        "/concern/last-contact"
    );
    assert_eq!(no_later_contact(&portal).await, "/concern/documents");
    have_documents(&portal, &["information_request", "authority_response"]).await;
    let confirmed = portal.post_form("/api/concern/confirm", &[]).await;
    assert_eq!(location(&confirmed), "/concern/result/ready");
    let (_, verdict) = portal.page("/concern/result/ready").await;
    assert!(verdict.contains("no internal review procedure, so you can complain to us"));

    // Plain "no" still needs the review first.
    portal
        .answer(&[("step", "review"), ("value", "no"), ("change", "true")])
        .await;
    let confirmed = portal.post_form("/api/concern/confirm", &[]).await;
    assert_eq!(location(&confirmed), "/concern/result/not-yet");
}
