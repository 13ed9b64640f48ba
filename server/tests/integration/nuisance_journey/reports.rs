//! Reports of several calls and messages, changes and removals from the check page, the details
//! kept for the next report, and a double submit.

use super::{answer, one_incident, page, stored_reports, submit};
use crate::support::{date, location, spawn_portal};

#[tokio::test]
async fn several_calls_and_messages_go_in_one_report_and_the_details_are_kept() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    one_incident(&portal, "text", "PRIZES").await;
    answer(&portal, "check-incident", &[]).await;
    assert_eq!(
        answer(&portal, "another", &[("value", "yes")]).await,
        "/report-nuisance/channel"
    );
    one_incident(&portal, "live_call", "020 7946 0123").await;
    answer(&portal, "check-incident", &[]).await;
    answer(&portal, "another", &[("value", "yes")]).await;
    one_incident(&portal, "fax", "020 7946 0123").await;
    answer(&portal, "check-incident", &[]).await;
    answer(&portal, "another", &[("value", "no")]).await;
    answer(
        &portal,
        "your-details",
        &[
            ("name", "Sam Smith"),
            ("postcode", "SW1A 1AA"),
            ("remember", "yes"),
        ],
    )
    .await;
    let check = page(&portal, "/report-nuisance/check").await;
    assert!(check.contains("Call or message 3: A fax"));
    assert!(check.contains("/report-nuisance/when?change=true&amp;incident=1"));
    // Remove the fax; change the live call's company from the check page.
    let removed = portal
        .post_form("/api/nuisance/remove", &[("index", "2")])
        .await;
    assert_eq!(location(&removed), "/report-nuisance/check");
    let changed = [
        ("value", "Acme Windows"),
        ("change", "true"),
        ("incident", "1"),
    ];
    assert_eq!(
        answer(&portal, "company", &changed).await,
        "/report-nuisance/check"
    );
    let check = page(&portal, "/report-nuisance/check").await;
    assert!(!check.contains("Call or message 3"));
    assert!(check.contains("Acme Windows"));
    assert_eq!(submit(&portal).await, "/report-nuisance/confirmation");
    let confirmation = page(&portal, "/report-nuisance/confirmation").await;
    assert!(confirmation.contains("This sender has been reported once"));
    assert_eq!(stored_reports(&portal).await, 1);
    // The next report starts empty but reuses the details (the person asked to be remembered).
    one_incident(&portal, "text", "PRIZES").await;
    answer(&portal, "check-incident", &[]).await;
    answer(&portal, "another", &[("value", "no")]).await;
    let details = page(&portal, "/report-nuisance/your-details").await;
    assert!(details.contains("value=\"Sam Smith\""), "{details}");
    assert!(details.contains("autocomplete=\"postal-code\""));
}

#[tokio::test]
async fn a_double_submit_stores_one_report() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    one_incident(&portal, "text", "09061701461").await;
    answer(&portal, "check-incident", &[]).await;
    answer(&portal, "another", &[("value", "no")]).await;
    answer(&portal, "your-details", &[]).await;
    let (first, second) = tokio::join!(submit(&portal), submit(&portal));
    assert_eq!(first, "/report-nuisance/confirmation");
    assert_eq!(second, "/report-nuisance/confirmation");
    assert_eq!(submit(&portal).await, "/report-nuisance/confirmation");
    assert_eq!(stored_reports(&portal).await, 1);
    let confirmation = page(&portal, "/report-nuisance/confirmation").await;
    assert!(confirmation.contains("This number has been reported once"));
}
