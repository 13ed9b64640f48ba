//! Issue 18, part B, through HTTP as a browser without JavaScript: the copy of a concern and of a
//! breach report a person can keep (on the confirmation, a print view, a PDF only their own cookie
//! opens, and in the email), the breach copy's dates, and the nuisance tool's last mile (numbers
//! written with spaces, "twice", a reference with a check character that staff can look up,
//! the advice for automated calls, and details remembered only when asked). Against SQLite, or
//! PostgreSQL with `PORTAL_TEST_DATABASE_URL`.

use app::domain::nuisance::{parse_report_reference, report_reference};
use app::domain::staff::Role;
use mail_parser::MessageParser;

use crate::breach_journey::{answer as breach_answer, outbox, start, text, PARTS};
use crate::nuisance_journey::{answer, finish_report, one_incident, page, submit};
use crate::staff::{get, post, signed_in};
use crate::submission::{hand_in_details, ready_subject_access};
use crate::support::{browser, date, location, spawn_portal, TestPortal};

/// The text a PDF shows, as a PDF reader would extract it.
fn pdf_text(bytes: &[u8]) -> String {
    assert!(bytes.starts_with(b"%PDF"), "not a PDF");
    // The title in the document's metadata names the reference as plain text (what the browser
    // test can see without a PDF reader).
    let raw = String::from_utf8_lossy(bytes);
    assert!(raw.contains("/Title (Your "), "a plain-text title");
    pdf_extract::extract_text_from_mem(bytes).expect("the PDF's text")
}

/// The text of an email built from an outbox payload.
fn mail_text(message: &lettre::Message) -> String {
    let raw = message.formatted();
    let parsed = MessageParser::default().parse(&raw).expect("a message");
    parsed.body_text(0).expect("a text body").into_owned()
}

fn from() -> lettre::message::Mailbox {
    "Information Commissioner's Office <noreply@example.org>"
        .parse()
        .unwrap()
}

fn between<'a>(html: &'a str, start: &str) -> &'a str {
    html.split(start)
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .unwrap_or_default()
}

async fn pdf_response(portal: &TestPortal, client: &reqwest::Client, path: &str) -> Vec<u8> {
    let response = get(portal, client, path).await;
    assert_eq!(response.status().as_u16(), 200, "{path}");
    assert_eq!(response.headers()["content-type"], "application/pdf");
    let disposition = response.headers()["content-disposition"].to_str().unwrap();
    assert!(disposition.starts_with("attachment;"), "{disposition}");
    assert_eq!(response.headers()["cache-control"], "no-store");
    response.bytes().await.unwrap().to_vec()
}

#[tokio::test]
async fn a_concern_handed_in_comes_with_a_copy_to_print_download_and_keep() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    ready_subject_access(&portal).await;
    hand_in_details(&portal, "Alex Example").await;
    let submitted = portal.post_form("/api/concern/submit", &[]).await;
    assert_eq!(location(&submitted), "/concern/confirmation");
    let (status, confirmation) = portal.page("/concern/confirmation").await;
    assert_eq!(status, 200);
    let reference = between(&confirmation, "data-testid=\"reference\">").to_owned();
    assert!(reference.starts_with("IC-"), "{reference}");

    // The copy on the page: every answer, the reference, and more than "Start again".
    assert!(confirmation.contains("data-testid=\"sent-copy\""));
    assert!(confirmation.contains("Your answers as sent"));
    assert_eq!(
        between(&confirmation, "data-testid=\"copy-reference\">"),
        reference
    );
    for answer in [
        "Leeds City Council",
        "I asked for my records.",
        "Alex Example",
    ] {
        assert!(confirmation.contains(answer), "{answer}");
    }
    for link in [
        "href=\"/concern/confirmation/print\"",
        "href=\"/concern/confirmation/copy.pdf\"",
        "data-testid=\"copy-start\"",
    ] {
        assert!(confirmation.contains(link), "{link}");
    }
    assert!(confirmation.contains("Start again"));

    // The print view: the copy alone, with a way back.
    let (status, print) = portal.page("/concern/confirmation/print").await;
    assert_eq!(status, 200);
    assert!(print.contains("<h1 class=\"govuk-heading-l\">Your concern as sent</h1>"));
    assert!(print.contains(&reference) && print.contains("I asked for my records."));
    assert!(print.contains("href=\"/concern/confirmation\""));

    // The PDF: the reference and every answer as text.
    let pdf = pdf_response(&portal, &portal.client, "/concern/confirmation/copy.pdf").await;
    assert!(String::from_utf8_lossy(&pdf).contains(&reference));
    let words = pdf_text(&pdf);
    for expected in [
        reference.as_str(),
        "Your concern as sent",
        "Leeds City Council",
        "I asked for my records.",
        "Alex Example",
        "alex@example.org",
    ] {
        assert!(words.contains(expected), "{expected} in {words}");
    }

    // Another browser (no journey cookie) gets no one's copy.
    let stranger = browser();
    let response = get(&portal, &stranger, "/concern/confirmation/copy.pdf").await;
    assert_eq!(response.status().as_u16(), 303);
    assert_eq!(location(&response), "/concern/confirmation");

    // The acknowledgement email carries the answers. The person asked for replies in Welsh
    // (`hand_in_details` answers "yes"), so its own words are Welsh; the copy keeps the words of
    // the pages they used.
    let payloads = outbox(&portal, "acknowledgement").await;
    assert_eq!(payloads.len(), 1);
    let payload: server::mail::AcknowledgementPayload =
        serde_json::from_value(payloads[0].clone()).unwrap();
    let message = server::mail::acknowledgement(&from(), &payload).unwrap();
    let body = mail_text(&message);
    for expected in [
        reference.as_str(),
        "Dyma gopi o'r hyn a anfonoch atom.",
        "Leeds City Council",
        "I asked for my records.",
    ] {
        assert!(body.contains(expected), "{expected} in {body}");
    }
}

#[tokio::test]
async fn a_breach_report_sent_can_be_printed_downloaded_and_its_copy_writes_dates_as_given() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    let client = browser();
    start(&portal, &client).await;
    for (part, fields) in PARTS {
        breach_answer(&portal, &client, part, fields).await;
    }
    let response = post(&portal, &client, "/report-breach/api/send", &[]).await;
    assert_eq!(location(&response), "/report-breach/report/sent");
    let sent = text(&portal, &client, "/report-breach/report/sent").await;
    let reference = between(&sent, "data-testid=\"reference\">").to_owned();
    assert!(reference.starts_with("IC-"), "{reference}");
    assert!(sent.contains("data-testid=\"sent-copy\""));
    assert!(sent.contains("href=\"/report-breach/report/sent/print\""));
    assert!(sent.contains("href=\"/report-breach/report/sent/copy.pdf\""));
    assert!(sent.contains("href=\"/report-breach\""));
    // Only the date was given for when it happened: no invented time, the pages' date style.
    assert!(sent.contains("28 February 2026"), "{sent}");
    assert!(sent.contains("9:30am on 1 March 2026"));
    assert!(!sent.contains("28/02/2026") && !sent.contains("00:00"));

    let print = text(&portal, &client, "/report-breach/report/sent/print").await;
    assert!(print.contains("Your personal data breach report as sent"));
    assert!(print.contains("Northshire Primary School"));

    let pdf = pdf_response(&portal, &client, "/report-breach/report/sent/copy.pdf").await;
    let words = pdf_text(&pdf);
    for expected in [
        reference.as_str(),
        "Northshire Primary School",
        "A spreadsheet of pupils",
        "Dana Protector",
        "28 February 2026",
        "Letters to every family.",
    ] {
        assert!(words.contains(expected), "{expected} in {words}");
    }
    let stranger = browser();
    let response = get(&portal, &stranger, "/report-breach/report/sent/copy.pdf").await;
    assert_eq!(response.status().as_u16(), 303);

    // The emailed copy: the same dates, no invented midnight.
    let payloads = outbox(&portal, "breach_copy").await;
    let payload: server::mail::BreachCopyPayload =
        serde_json::from_value(payloads[0].clone()).unwrap();
    let body = mail_text(&server::mail::breach_copy(&from(), &payload).unwrap());
    assert!(body.contains("28 February 2026"), "{body}");
    assert!(body.contains("9:30am on 1 March 2026"), "{body}");
    assert!(!body.contains("00:00") && !body.contains("/2026"), "{body}");
}

#[tokio::test]
async fn a_nuisance_report_gets_a_reference_staff_can_look_up_and_numbers_read_as_written() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    one_incident(&portal, "text", "01614960733").await;
    let first = finish_report(&portal).await;
    let reference = between(&first, "data-testid=\"report-number\">").to_owned();
    let id = parse_report_reference(&reference).expect("a reference with a check character");
    assert_eq!(report_reference(id), reference);
    assert!(first.contains("0161 496 0733"), "{first}");
    assert!(!first.contains("01614960733"));
    // The same number again: "twice", not "2 times".
    one_incident(&portal, "text", "0161 496 0733").await;
    let second = finish_report(&portal).await;
    assert!(
        second.contains("reported twice in the last 30 days"),
        "{second}"
    );
    assert!(!second.contains("2 times"));

    let staff = signed_in(&portal, "enforcement@example.gov.uk", &[Role::Enforcement]).await;
    let typed = reference.to_lowercase().replace('-', " ");
    let path = format!(
        "/staff/nuisance/report?reference={}",
        typed.replace(' ', "%20")
    );
    let found = get(&portal, &staff, &path).await;
    assert_eq!(found.status().as_u16(), 200);
    let found = found.text().await.unwrap();
    assert!(found.contains(&format!("Report {reference}")), "{found}");
    assert!(found.contains("data-testid=\"report-incidents\""));
    assert!(found.contains("WINNER! You have won a prize"));
    // A mistyped reference (its check character fails) finds nothing.
    let mut wrong: Vec<char> = reference.chars().collect();
    let last = wrong.len() - 1;
    wrong[last] = if wrong[last] == '2' { '3' } else { '2' };
    let wrong: String = wrong.into_iter().collect();
    let missing = get(
        &portal,
        &staff,
        &format!("/staff/nuisance/report?reference={wrong}"),
    )
    .await;
    let missing = missing.text().await.unwrap();
    assert!(
        missing.contains("data-testid=\"report-not-found\""),
        "{missing}"
    );
    // The public cannot look reports up.
    let response = get(&portal, &browser(), &path).await;
    let body = response.text().await.unwrap();
    assert!(!body.contains("WINNER!") && !body.contains("report-incidents"));
}

#[tokio::test]
async fn an_automated_call_gets_the_consent_advice_not_the_tps() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    one_incident(&portal, "automated_call", "08002986030").await;
    let confirmation = finish_report(&portal).await;
    assert!(
        confirmation.contains(
            "must not make recorded marketing calls to you unless you have specifically agreed"
        ),
        "{confirmation}"
    );
    assert!(!confirmation.contains("must not make live sales calls"));
    assert!(!confirmation.contains("Register your number with the Telephone Preference Service"));
}

#[tokio::test]
async fn details_are_remembered_only_when_asked_and_can_be_forgotten() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    // Not asked: the next report starts with empty details.
    one_incident(&portal, "text", "PRIZES").await;
    let confirmation = finish_report(&portal).await;
    assert!(!confirmation.contains("data-testid=\"details-remembered\""));
    one_incident(&portal, "text", "PRIZES").await;
    answer(&portal, "check-incident", &[]).await;
    answer(&portal, "another", &[("value", "no")]).await;
    let details = page(&portal, "/report-nuisance/your-details").await;
    assert!(!details.contains("Sam Smith"), "{details}");
    assert!(details.contains("name=\"remember\""));
    assert!(details.contains("Remember my details on this device"));

    // Asked: remembered for the next report, until forgotten.
    let given = [
        ("name", "Sam Smith"),
        ("email", "sam@example.org"),
        ("postcode", "SW1A 1AA"),
        ("remember", "yes"),
    ];
    assert_eq!(
        answer(&portal, "your-details", &given).await,
        "/report-nuisance/check"
    );
    assert_eq!(submit(&portal).await, "/report-nuisance/confirmation");
    let confirmation = page(&portal, "/report-nuisance/confirmation").await;
    assert!(confirmation.contains("data-testid=\"details-remembered\""));
    assert!(confirmation.contains("action=\"/api/nuisance/forget-details\""));
    one_incident(&portal, "text", "PRIZES").await;
    answer(&portal, "check-incident", &[]).await;
    answer(&portal, "another", &[("value", "no")]).await;
    let details = page(&portal, "/report-nuisance/your-details").await;
    assert!(details.contains("value=\"Sam Smith\""), "{details}");
    let forgotten = portal
        .post_form("/api/nuisance/forget-details", &[("back", "details")])
        .await;
    assert_eq!(location(&forgotten), "/report-nuisance/your-details");
    let details = page(&portal, "/report-nuisance/your-details").await;
    assert!(!details.contains("Sam Smith"), "{details}");
}

#[tokio::test]
async fn the_remove_and_add_another_controls_have_a_24_pixel_target() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    one_incident(&portal, "text", "PRIZES").await;
    answer(&portal, "check-incident", &[]).await;
    answer(&portal, "another", &[("value", "no")]).await;
    answer(&portal, "your-details", &[]).await;
    let check = page(&portal, "/report-nuisance/check").await;
    assert!(
        check.contains("class=\"app-link-button app-target\""),
        "{check}"
    );
    let add = check
        .split("Add another call or message")
        .next()
        .unwrap_or_default();
    let add = &add[add.rfind("<a").unwrap_or(0)..];
    assert!(add.contains("app-target"), "{add}");
    let css = include_str!("../../../style/main.css");
    let rule = css
        .lines()
        .find(|line| line.starts_with(".app-target {"))
        .expect("the target rule");
    assert!(rule.contains("min-height: 24px") && rule.contains("display: inline-block"));
    // The time's minute box no longer wraps on a 390 px screen: no gap after the last box, and
    // smaller gaps on small screens.
    assert!(css.contains(".govuk-date-input__item:last-child { margin-right: 0; }"));
}
