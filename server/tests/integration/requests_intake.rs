//! Issue 19: a complaint about our service (RCC), a request for written advice (ENQ) and a
//! request for information we hold (IRQ), handed in through the assistant on the web and by a
//! helpline adviser for a caller, as a browser without JavaScript does. Each lands on its queue
//! with its clock, and its acknowledgement in the outbox carries the reference. On SQLite, or
//! PostgreSQL with `PORTAL_TEST_DATABASE_URL`.

use app::domain::case::{CaseKind, WorkQueue};
use app::domain::staff::Role;
use chrono::NaiveDate;
use sqlx::Row;

use crate::casework_case::{allocate, concern, page, portal, staff, submit};
use crate::submission::contact_details;
use crate::support::{date, location, TestPortal};

/// One request about us and what it should become.
struct Request {
    topic: &'static str,
    /// The questions before the verdict, after "what is it about".
    before: Vec<Vec<(&'static str, &'static str)>>,
    /// The questions after the verdict, before the contact details.
    after: Vec<Vec<(&'static str, &'static str)>>,
    kind: CaseKind,
    queue: WorkQueue,
    assign_by: NaiveDate,
    close_by: NaiveDate,
    /// The acknowledgement's own words for the type, up to its clock.
    clock: &'static str,
}

/// Created on Monday 2 March 2026. RCC: acknowledged within 5 working days (9 March), decided
/// within 30 calendar days (1 April). ENQ: all within 30 (1 April). IRQ: 20 working days
/// UK-wide, St Patrick's Day skipped: 31 March (30 March in England and Wales).
fn service_complaint(original: &'static str) -> Request {
    Request {
        topic: "service_complaint",
        before: vec![vec![
            ("step", "incident-on"),
            ("day", "10"),
            ("month", "2"),
            ("year", "2026"),
        ]],
        after: vec![
            vec![("step", "original-reference"), ("value", original)],
            vec![
                ("step", "summary"),
                (
                    "value",
                    "My case was closed without anyone reading my evidence.",
                ),
            ],
            vec![
                ("step", "what-you-want"),
                ("value", "Look at my case again"),
            ],
        ],
        kind: CaseKind::Rcc,
        queue: WorkQueue::ServiceComplaints,
        assign_by: date(2026, 3, 9),
        close_by: date(2026, 4, 1),
        clock: "Thank you for your complaint about the service we gave you. Your reference \
                number is {reference}. Please use it whenever you contact us about this \
                complaint. What happens next Someone from our service complaints team will \
                write to you by 9 March 2026 and send you our decision by 1 April 2026.",
    }
}

fn written_advice() -> Request {
    Request {
        topic: "written_advice",
        before: vec![vec![("step", "advice-for"), ("value", "organisation")]],
        after: vec![vec![
            ("step", "summary"),
            (
                "value",
                "May our club share members' phone numbers with the coach?",
            ),
        ]],
        kind: CaseKind::Enq,
        queue: WorkQueue::Numbered(1),
        assign_by: date(2026, 3, 5),
        close_by: date(2026, 4, 1),
        clock: "Thank you for asking us for written advice. Your reference number is \
                {reference}. Please use it whenever you contact us about this request. What \
                happens next We will send you our advice by 1 April 2026.",
    }
}

fn our_information() -> Request {
    Request {
        topic: "our_information",
        before: vec![vec![
            ("step", "information-kind"),
            ("value", "subject_access"),
        ]],
        after: vec![vec![
            ("step", "summary"),
            ("value", "Everything you hold about me since 2024."),
        ]],
        kind: CaseKind::Irq,
        queue: WorkQueue::InformationAccess,
        assign_by: date(2026, 3, 5),
        close_by: date(2026, 3, 31),
        clock: "Thank you for your request for information we hold. Your reference number is \
                {reference}. Please use it whenever you contact us about this request. What \
                happens next We will answer your request by 31 March 2026.",
    }
}

/// A helpline adviser signs in in the portal's browser and starts the assistant for a caller.
async fn start_for_a_caller(portal: &TestPortal) {
    use crate::staff::{add_staff, post, sign_in, PASSWORD};
    add_staff(portal, "adviser@example.gov.uk", &[Role::Helpline]).await;
    let signed = sign_in(portal, &portal.client, "adviser@example.gov.uk", PASSWORD).await;
    assert_eq!(location(&signed), "/staff");
    let started = post(
        portal,
        &portal.client,
        "/staff/api/helpline/assist",
        &[("consent", "yes")],
    )
    .await;
    assert_eq!(location(&started), "/concern/about");
}

/// A mistyped case reference is refused, with the message next to the field.
async fn refused_reference(portal: &TestPortal, mistyped: &str) {
    let refused = portal
        .answer(&[("step", "original-reference"), ("value", mistyped)])
        .await;
    assert_eq!(refused, "/concern/original-reference");
    let (_, html) = portal.page("/concern/original-reference").await;
    assert!(html.contains("There is a problem"), "{html}");
    assert!(html.contains("does not check out"), "{html}");
    assert!(html.contains("href=\"#original-reference\""), "{html}");
    assert!(html.contains("id=\"original-reference-error\""), "{html}");
}

/// Answers every question of `request` and hands it in; returns the reference shown.
async fn hand_in(portal: &TestPortal, request: &Request) -> String {
    hand_in_refusing(portal, request, None).await
}

/// As [`hand_in`], first giving the case reference `refuse` (mistyped), if any.
async fn hand_in_refusing(portal: &TestPortal, request: &Request, refuse: Option<&str>) -> String {
    let first = portal
        .answer(&[("step", "about"), ("value", request.topic)])
        .await;
    let mut next = first.clone();
    for fields in &request.before {
        assert_eq!(next, format!("/concern/{}", fields[0].1), "{fields:?}");
        next = portal.answer(fields).await;
    }
    assert_eq!(next, "/concern/check");
    let confirmed = portal.post_form("/api/concern/confirm", &[]).await;
    assert_eq!(location(&confirmed), "/concern/result/ready");
    let (status, verdict) = portal.page("/concern/result/ready").await;
    assert_eq!(status, 200);
    let start = format!("href=\"/concern/{}\"", request.after[0][0].1);
    assert!(verdict.contains(&start), "{verdict}");
    assert!(verdict.contains("request-clock"), "{verdict}");
    // No data protection questions: the organisation is never asked.
    assert!(!verdict.contains("/concern/acting-for"), "{verdict}");
    for fields in &request.after {
        if let Some(mistyped) = refuse {
            if fields[0].1 == "original-reference" {
                refused_reference(portal, mistyped).await;
            }
        }
        let next = portal.answer(fields).await;
        assert_ne!(next, format!("/concern/{}", fields[0].1), "{fields:?}");
    }
    contact_details(portal, "Alex Jones", "alex@example.org", "no").await;
    let (_, check) = portal.page("/concern/submit").await;
    assert!(!check.contains("/concern/organisation-match"), "{check}");
    assert!(!check.contains("/concern/harm"), "{check}");
    let submitted = portal.post_form("/api/concern/submit", &[]).await;
    assert_eq!(location(&submitted), "/concern/confirmation");
    let (_, html) = portal.page("/concern/confirmation").await;
    assert!(html.contains("request-clock"), "{html}");
    html.split("data-testid=\"reference\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .expect("the confirmation shows the reference")
        .to_owned()
}

/// The case's type, queue, clocks and channel; its acknowledgement's payload and words.
async fn check_case(portal: &TestPortal, reference: &str, request: &Request, channel: &str) {
    let row = portal
        .database
        .case_row(reference)
        .await
        .unwrap()
        .expect("the case is stored");
    let record = row.record;
    assert_eq!(record.case_type, request.kind);
    assert_eq!(record.work_queue, request.queue);
    assert_eq!(record.assign_by, request.assign_by);
    assert_eq!(record.close_by, request.close_by);
    assert_eq!(record.channel.code(), channel);
    // No organisation party for a request about us.
    let db = &portal.database;
    let organisations: i64 = sqlx::query(&db.sql(
        "SELECT COUNT(*) FROM parties p JOIN cases c ON c.id = p.case_id \
         WHERE c.reference = $1 AND p.role = 'organisation'",
    ))
    .bind(reference)
    .fetch_one(&db.pool)
    .await
    .unwrap()
    .get(0);
    assert_eq!(organisations, 0);
    let payload: String = sqlx::query(&db.sql(
        "SELECT o.payload FROM outbox o JOIN cases c ON c.id = o.case_id \
         WHERE c.reference = $1 AND o.kind = 'acknowledgement'",
    ))
    .bind(reference)
    .fetch_one(&db.pool)
    .await
    .unwrap()
    .get(0);
    let payload: server::mail::AcknowledgementPayload = serde_json::from_str(&payload).unwrap();
    assert_eq!(payload.reference, reference);
    assert_eq!(payload.to, "alex@example.org");
    let from: lettre::message::Mailbox = "ICO <casework@example.org>".parse().unwrap();
    let message = server::mail::acknowledgement(&from, &payload).unwrap();
    let text = String::from_utf8(message.formatted()).unwrap();
    let unfolded = text.replace("=\r\n", "").replace("\r\n", " ");
    assert!(unfolded.contains(reference), "{text}");
    let clock: String = request
        .clock
        .replace("{reference}", reference)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        unfolded
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .contains(&clock),
        "{text}"
    );
}

async fn web(request: Request) {
    let (portal, _) = portal().await;
    let reference = hand_in(&portal, &request).await;
    check_case(&portal, &reference, &request, "web").await;
}

async fn by_the_helpline(request: Request) {
    let (portal, _) = portal().await;
    start_for_a_caller(&portal).await;
    let reference = hand_in(&portal, &request).await;
    check_case(&portal, &reference, &request, "phone").await;
}

#[tokio::test]
async fn a_service_complaint_about_a_case_is_handed_in_on_the_web_and_linked_to_it() {
    let (portal, _) = portal().await;
    let original = submit(
        &portal,
        &concern("No records.", "alex@example.org", "Example Ltd"),
    )
    .await;
    // One character mistyped: the check character catches it, next to the field.
    let mut chars: Vec<char> = original.chars().collect();
    chars[3] = if chars[3] == '9' { '8' } else { '9' };
    let mistyped: String = chars.into_iter().collect();
    let typed: &'static str = Box::leak(original.to_lowercase().into_boxed_str());
    let request = service_complaint(typed);
    let reference = hand_in_refusing(&portal, &request, Some(&mistyped)).await;
    check_case(&portal, &reference, &request, "web").await;
    let (_, confirmation) = portal.page("/concern/confirmation").await;
    assert!(
        confirmation.contains("Parliamentary and Health Service Ombudsman"),
        "{confirmation}"
    );
    assert!(
        confirmation.contains("First-tier Tribunal"),
        "{confirmation}"
    );
    // The complaint is linked to the case it is about (kept canonical, found).
    let db = &portal.database;
    let link: String = sqlx::query(&db.sql(
        "SELECT e.details FROM case_events e JOIN cases c ON c.id = e.case_id \
         WHERE c.reference = $1 AND e.kind = 'relates_to'",
    ))
    .bind(&reference)
    .fetch_one(&db.pool)
    .await
    .unwrap()
    .get(0);
    let link: serde_json::Value = serde_json::from_str(&link).unwrap();
    assert_eq!(link["reference"], original.as_str());
    assert_eq!(link["found"], true);
    assert_eq!(link["case_type"], "RFA");
    // And the case it is about says so on its timeline, for its officer.
    let (officer, officer_id) =
        staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    allocate(&portal, &original, &officer_id).await;
    let (status, html) = page(&portal, &officer, &format!("/staff/cases/{original}")).await;
    assert_eq!(status, 200, "{html}");
    let event = html
        .split(r#"data-kind="service_complaint""#)
        .nth(1)
        .and_then(|rest| rest.split("</tr>").next())
        .unwrap_or_else(|| panic!("no service complaint event: {html}"));
    assert!(
        event.contains("A complaint about our service names this case"),
        "{event}"
    );
    assert!(
        event.contains(&format!("Complaint about our service: {reference}")),
        "{event}"
    );
}

#[tokio::test]
async fn a_service_complaint_with_no_earlier_case_is_handed_in_on_the_web() {
    web(service_complaint("")).await;
}

#[tokio::test]
async fn a_request_for_written_advice_is_handed_in_on_the_web() {
    web(written_advice()).await;
}

#[tokio::test]
async fn a_request_for_our_information_is_handed_in_on_the_web() {
    web(our_information()).await;
}

#[tokio::test]
async fn a_service_complaint_is_handed_in_by_the_helpline_for_a_caller() {
    by_the_helpline(service_complaint("")).await;
}

#[tokio::test]
async fn a_request_for_written_advice_is_handed_in_by_the_helpline_for_a_caller() {
    by_the_helpline(written_advice()).await;
}

#[tokio::test]
async fn a_request_for_our_information_is_handed_in_by_the_helpline_for_a_caller() {
    by_the_helpline(our_information()).await;
}
