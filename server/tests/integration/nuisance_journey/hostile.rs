//! Hostile and mistaken answers: each gets its message on the page that asked, linked from the
//! error summary, never a 500, and nothing is stored.

use super::{answer, one_incident, page, shows_error, stored_reports};
use crate::support::{date, spawn_portal};

#[tokio::test]
async fn each_page_rejects_what_it_cannot_use_on_that_page() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    let base = "/report-nuisance";
    assert_eq!(
        answer(&portal, "channel", &[]).await,
        format!("{base}/channel")
    );
    shows_error(
        &portal,
        "/report-nuisance/channel",
        "channel",
        "Select how they contacted you",
    )
    .await;
    answer(&portal, "channel", &[("value", "text")]).await;
    let bad_date = [("day", "31"), ("month", "2"), ("year", "2026")];
    assert_eq!(
        answer(&portal, "when", &bad_date).await,
        format!("{base}/when")
    );
    shows_error(
        &portal,
        "/report-nuisance/when",
        "when-day",
        "The date must be a real date",
    )
    .await;
    let no_month = [("day", "1"), ("month", ""), ("year", "2026")];
    answer(&portal, "when", &no_month).await;
    shows_error(
        &portal,
        "/report-nuisance/when",
        "when-month",
        "The date must include a month",
    )
    .await;
    let future = [("day", "3"), ("month", "3"), ("year", "2026")];
    answer(&portal, "when", &future).await;
    shows_error(
        &portal,
        "/report-nuisance/when",
        "when-day",
        "The date and time must be in the past",
    )
    .await;
    let bad_time = [
        ("day", "1"),
        ("month", "3"),
        ("year", "2026"),
        ("hour", "25"),
        ("minute", "00"),
    ];
    answer(&portal, "when", &bad_time).await;
    shows_error(
        &portal,
        "/report-nuisance/when",
        "when-hour",
        "The time must be a real time",
    )
    .await;
    answer(
        &portal,
        "when",
        &[("day", "1"), ("month", "3"), ("year", "2026")],
    )
    .await;
    // A malformed number, and script as a sender name.
    answer(&portal, "sender", &[("value", "0906-CALL-NOW")]).await;
    shows_error(
        &portal,
        "/report-nuisance/sender",
        "sender",
        "A sender name can be at most 11 characters",
    )
    .await;
    answer(&portal, "sender", &[("value", "<script>")]).await;
    let body = page(&portal, "/report-nuisance/sender").await;
    assert!(!body.contains("<script>"), "{body}");
    answer(&portal, "sender", &[("value", "")]).await;
    shows_error(
        &portal,
        "/report-nuisance/sender",
        "sender",
        "Enter who contacted you, or tick",
    )
    .await;
    answer(&portal, "sender", &[("value", "PRIZES")]).await;
    answer(&portal, "contacted-on", &[("value", "12")]).await;
    let body = page(&portal, "/report-nuisance/contacted-on").await;
    assert!(body.contains("href=\"#contacted_on\""), "{body}");
    answer(&portal, "contacted-on", &[("value", "07912 345678")]).await;
    // 5,000 characters, and control characters.
    let long = "A".repeat(5_000);
    answer(&portal, "message-text", &[("value", &long)]).await;
    shows_error(
        &portal,
        "/report-nuisance/message-text",
        "message_text",
        "The message must be 1,600 characters or less",
    )
    .await;
    let next = answer(
        &portal,
        "message-text",
        &[(
            "value",
            "Win\u{0}\u{7}\u{1b}[31m now <script>alert(1)</script>",
        )],
    )
    .await;
    assert_eq!(next, format!("{base}/company"));
    answer(&portal, "company", &[("value", &"B".repeat(5_000))]).await;
    shows_error(
        &portal,
        "/report-nuisance/company",
        "company",
        "The company or brand name must be 200 characters or less",
    )
    .await;
    answer(
        &portal,
        "company",
        &[("value", "<script>alert(1)</script>")],
    )
    .await;
    answer(&portal, "categories", &[("values[0]", "nonsense")]).await;
    shows_error(
        &portal,
        "/report-nuisance/categories",
        "categories",
        "Choose what it was about from the list",
    )
    .await;
    answer(&portal, "categories", &[("values[0]", "other")]).await;
    shows_error(
        &portal,
        "/report-nuisance/categories",
        "category_other",
        "Describe what it was about",
    )
    .await;
    answer(
        &portal,
        "categories",
        &[("values[0]", "other"), ("category_other", "Crypto")],
    )
    .await;
    answer(&portal, "scam", &[("value", "maybe")]).await;
    shows_error(
        &portal,
        "/report-nuisance/scam",
        "scam",
        "Select whether it asked for money",
    )
    .await;
    answer(&portal, "scam", &[("value", "not_sure")]).await;
    answer(&portal, "relationship", &[("value", "none")]).await;
    answer(&portal, "description", &[("value", &long)]).await;
    shows_error(
        &portal,
        "/report-nuisance/description",
        "description",
        "Anything else must be 2,000 characters or less",
    )
    .await;
    answer(&portal, "description", &[]).await;
    let check = page(&portal, "/report-nuisance/check-incident").await;
    assert!(check.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!check.contains("<script>alert(1)"));
    answer(&portal, "check-incident", &[]).await;
    answer(&portal, "another", &[("value", "perhaps")]).await;
    shows_error(
        &portal,
        "/report-nuisance/another",
        "another",
        "Select yes if you want to report another",
    )
    .await;
    answer(&portal, "another", &[("value", "no")]).await;
    let details = [
        ("name", "Sam"),
        ("email", "not an email"),
        ("postcode", "NOWHERE"),
    ];
    answer(&portal, "your-details", &details).await;
    shows_error(
        &portal,
        "/report-nuisance/your-details",
        "email",
        "Enter an email address in the correct format",
    )
    .await;
    answer(&portal, "your-details", &details).await;
    shows_error(
        &portal,
        "/report-nuisance/your-details",
        "postcode",
        "Enter a full UK postcode",
    )
    .await;
    assert_eq!(stored_reports(&portal).await, 0);
}

#[tokio::test]
async fn posting_straight_to_a_page_cannot_skip_its_checks() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    one_incident(&portal, "live_call", "020 7946 0123").await;
    answer(&portal, "check-incident", &[]).await;
    answer(&portal, "another", &[("value", "no")]).await;
    answer(&portal, "your-details", &[]).await;
    // Posting straight to a page's endpoint cannot skip its checks.
    let target = answer(
        &portal,
        "relationship",
        &[("value", "bogus"), ("change", "true"), ("incident", "0")],
    )
    .await;
    assert_eq!(
        target,
        "/report-nuisance/relationship?change=true&incident=0"
    );
    assert_eq!(
        super::submit(&portal).await,
        "/report-nuisance/confirmation"
    );
    assert_eq!(stored_reports(&portal).await, 1);
}
