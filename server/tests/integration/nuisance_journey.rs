//! The public nuisance reporting journey through HTTP, as a browser without JavaScript uses it:
//! form posts answered by redirects, a multipart upload for the email, the report stored once,
//! and the feedback count on the confirmation page. Against SQLite, or PostgreSQL with
//! `PORTAL_TEST_DATABASE_URL`.

mod email;
mod hostile;
mod reports;

use crate::support::{date, location, spawn_portal, TestPortal};

pub const EML: &str = "Return-Path: <bounce@mailer.example.net>\r\n\
Received: from mailer.example.net by mx.example.org; Sun, 1 Mar 2026 09:15:00 +0000\r\n\
From: \"Green Deal Energy\" <offers@greendeal.example.com>\r\n\
Reply-To: claims@greendeal.example.com\r\n\
To: me@example.org\r\n\
Subject: =?UTF-8?B?RnJlZSBzb2xhciBwYW5lbHM=?=\r\n\
Date: Sun, 1 Mar 2026 09:15:00 +0000\r\n\
\r\n\
Claim your free solar panels today!\r\n";

/// Posts one page's answer; returns where the portal sends the person next.
pub async fn answer(portal: &TestPortal, page: &str, fields: &[(&str, &str)]) -> String {
    let mut all = vec![("page", page)];
    all.extend_from_slice(fields);
    let response = portal.post_form("/api/nuisance/answer", &all).await;
    assert_eq!(response.status().as_u16(), 302, "{page} {fields:?}");
    location(&response)
}

/// Posts the email page (a multipart form): a file, or pasted headers.
pub async fn email_page(portal: &TestPortal, file: Option<Vec<u8>>, pasted: &str) -> String {
    let part = reqwest::multipart::Part::bytes(file.clone().unwrap_or_default())
        .file_name(if file.is_some() { "message.eml" } else { "" });
    let form = reqwest::multipart::Form::new()
        .part("email_file", part)
        .text("email_source", pasted.to_owned());
    let response = portal
        .client
        .post(format!("{}/api/nuisance/email", portal.url))
        .header("origin", &portal.url)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 302);
    location(&response)
}

pub async fn submit(portal: &TestPortal) -> String {
    let response = portal.post_form("/api/nuisance/submit", &[]).await;
    assert_eq!(response.status().as_u16(), 302);
    location(&response)
}

pub async fn stored_reports(portal: &TestPortal) -> i64 {
    use sqlx::Row;
    sqlx::query("SELECT COUNT(*) AS n FROM nuisance_reports")
        .fetch_one(&portal.database.pool)
        .await
        .unwrap()
        .get::<i64, _>("n")
}

/// A page that must render (never a 500).
pub async fn page(portal: &TestPortal, path: &str) -> String {
    let (status, body) = portal.page(path).await;
    assert_eq!(status, 200, "{path}");
    body
}

const WHEN: &[(&str, &str)] = &[
    ("day", "1"),
    ("month", "3"),
    ("year", "2026"),
    ("hour", "9"),
    ("minute", "15"),
];

/// Answers one call or message of `channel` up to "Check this call or message", checking each
/// redirect; `sender` is who contacted the person.
pub async fn one_incident(portal: &TestPortal, channel: &str, sender: &str) {
    let base = "/report-nuisance";
    let first = answer(portal, "channel", &[("value", channel)]).await;
    let mut next = first;
    if channel == "live_call" {
        assert_eq!(next, format!("{base}/silent-or-abandoned"));
        next = answer(portal, "silent-or-abandoned", &[("value", "no")]).await;
    }
    assert_eq!(next, format!("{base}/when"));
    assert_eq!(answer(portal, "when", WHEN).await, format!("{base}/sender"));
    let contacted_on = if channel == "email" {
        "me@example.org"
    } else {
        "07912 345678"
    };
    assert_eq!(
        answer(portal, "sender", &[("value", sender)]).await,
        format!("{base}/contacted-on")
    );
    next = answer(portal, "contacted-on", &[("value", contacted_on)]).await;
    match channel {
        "text" => {
            assert_eq!(next, format!("{base}/message-text"));
            let text = "WINNER! You have won a prize, call 09061701461 to claim";
            next = answer(portal, "message-text", &[("value", text)]).await;
        }
        "automated_call" => {
            assert_eq!(next, format!("{base}/advertised-number"));
            next = answer(portal, "advertised-number", &[("value", "09061701461")]).await;
        }
        "email" => {
            assert_eq!(next, format!("{base}/email-evidence"));
            next = email_page(portal, Some(EML.as_bytes().to_vec()), "").await;
        }
        _ => {}
    }
    assert_eq!(next, format!("{base}/company"));
    let categories = answer(portal, "company", &[("value", "Green Deal Energy Ltd")]).await;
    assert_eq!(categories, format!("{base}/categories"));
    next = answer(
        portal,
        "categories",
        &[("values[0]", "energy"), ("values[1]", "home_improvements")],
    )
    .await;
    if channel != "fax" {
        assert_eq!(next, format!("{base}/scam"));
        next = answer(portal, "scam", &[("value", "no")]).await;
    }
    assert_eq!(next, format!("{base}/relationship"));
    next = answer(portal, "relationship", &[("value", "none")]).await;
    if matches!(channel, "live_call" | "automated_call" | "fax") {
        assert_eq!(next, format!("{base}/preference-service"));
        next = answer(portal, "preference-service", &[("value", "yes")]).await;
    }
    assert_eq!(next, format!("{base}/description"));
    let check = answer(portal, "description", &[("value", "They call every day.")]).await;
    assert_eq!(check, format!("{base}/check-incident"));
    let body = page(portal, &check).await;
    assert!(body.contains("Check this call or message"), "{body}");
}

/// Saves the call or message, says no to another, gives details and sends; returns the
/// confirmation page.
pub async fn finish_report(portal: &TestPortal) -> String {
    assert_eq!(
        answer(portal, "check-incident", &[]).await,
        "/report-nuisance/another"
    );
    assert_eq!(
        answer(portal, "another", &[("value", "no")]).await,
        "/report-nuisance/your-details"
    );
    let details = [
        ("name", "Sam Smith"),
        ("email", "sam@example.org"),
        ("postcode", "sw1a 1aa"),
    ];
    assert_eq!(
        answer(portal, "your-details", &details).await,
        "/report-nuisance/check"
    );
    let check = page(portal, "/report-nuisance/check").await;
    assert!(check.contains("Check your answers before sending your report"));
    assert_eq!(submit(portal).await, "/report-nuisance/confirmation");
    page(portal, "/report-nuisance/confirmation").await
}

#[tokio::test]
async fn each_channel_is_reported_end_to_end_and_stored_once() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    let cases = [
        (
            "text",
            "09061701461",
            "This number has been reported once in the last 30 days",
        ),
        ("live_call", "020 7946 0123", "Forward the text"),
        (
            "automated_call",
            "08002986030",
            "This number has been reported once",
        ),
        (
            "email",
            "offers@greendeal.example.com",
            "This email address has been reported once",
        ),
        (
            "fax",
            "020 7946 0123",
            "This number has been reported twice in the last 30 days",
        ),
    ];
    for (index, (channel, sender, expected)) in cases.iter().enumerate() {
        one_incident(&portal, channel, sender).await;
        let confirmation = finish_report(&portal).await;
        assert!(confirmation.contains("Report sent"), "{channel}");
        assert_eq!(stored_reports(&portal).await, index as i64 + 1, "{channel}");
        if *channel == "live_call" {
            // Calls get the TPS advice, not the texts' 7726.
            assert!(!confirmation.contains(expected), "{channel}");
            assert!(confirmation.contains("Telephone Preference Service"));
        } else {
            assert!(confirmation.contains(expected), "{channel}: {confirmation}");
        }
    }
}

#[tokio::test]
async fn signposts_show_on_the_next_page_and_the_report_goes_on() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    answer(&portal, "channel", &[("value", "automated_call")]).await;
    answer(&portal, "when", WHEN).await;
    answer(&portal, "sender", &[("value", "08002986030")]).await;
    answer(&portal, "contacted-on", &[("value", "07912 345678")]).await;
    let before = page(&portal, "/report-nuisance/advertised-number").await;
    assert!(!before.contains("phone-paid services"));
    let next = answer(&portal, "advertised-number", &[("value", "09061701461")]).await;
    let inset = page(&portal, &next).await;
    assert!(inset.contains("Ofcom (phone-paid services)"), "{inset}");
    answer(&portal, "company", &[]).await;
    answer(&portal, "categories", &[("values[0]", "lottery_prizes")]).await;
    let next = answer(&portal, "scam", &[("value", "yes")]).await;
    let inset = page(&portal, &next).await;
    assert!(inset.contains("Action Fraud"));
    answer(&portal, "relationship", &[("value", "none")]).await;
    answer(&portal, "preference-service", &[("value", "no")]).await;
    answer(&portal, "description", &[]).await;
    let confirmation = finish_report(&portal).await;
    assert!(confirmation.contains("Report sent"));
    assert!(confirmation.contains("report it to Action Fraud"));
    assert_eq!(stored_reports(&portal).await, 1);
}

#[tokio::test]
async fn a_silent_call_is_sent_to_ofcom_and_nothing_is_stored() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    answer(&portal, "channel", &[("value", "live_call")]).await;
    let target = answer(&portal, "silent-or-abandoned", &[("value", "yes")]).await;
    assert_eq!(target, "/report-nuisance/silent-call");
    let body = page(&portal, &target).await;
    assert!(body.contains("Report silent or abandoned calls to Ofcom"));
    assert!(body.contains("0300 123 3333"));
    // Nothing of the call is kept: its questions lead back to the start of a report.
    assert_eq!(
        answer(&portal, "when", WHEN).await,
        "/report-nuisance/channel"
    );
    assert_eq!(submit(&portal).await, "/report-nuisance/channel");
    assert_eq!(stored_reports(&portal).await, 0);
}

/// The page shows `message` next to the field and in the summary, linking to `#id`.
pub async fn shows_error(portal: &TestPortal, path: &str, id: &str, message: &str) {
    let body = page(portal, path).await;
    assert!(body.contains("There is a problem"), "{path}: {body}");
    assert!(
        body.contains(&format!("href=\"#{id}\"")),
        "{path} links to #{id}: {body}"
    );
    assert!(body.contains(&format!("id=\"{id}\"")), "{path} has #{id}");
    assert!(body.matches(message).count() >= 2, "{path}: {message}");
    assert!(body.contains("<title>Error:"), "{path}");
    // Reading the page takes nothing: a reload shows the same problem.
    assert!(page(portal, path)
        .await
        .contains(&format!("href=\"#{id}\"")));
}
