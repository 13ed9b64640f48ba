//! The email page: an uploaded `.eml` file read by its content (never its name), or its headers
//! pasted; garbage gets a clear message on the field, never a 500.

use super::{answer, email_page, finish_report, page, shows_error, stored_reports, EML};
use crate::support::{date, spawn_portal};

#[tokio::test]
async fn the_email_page_reads_files_by_content_and_refuses_garbage() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    answer(&portal, "channel", &[("value", "email")]).await;
    answer(
        &portal,
        "when",
        &[("day", "1"), ("month", "3"), ("year", "2026")],
    )
    .await;
    answer(&portal, "sender", &[("sender_unknown", "yes")]).await;
    answer(&portal, "contacted-on", &[]).await;
    let path = "/report-nuisance/email-evidence";
    let binary = vec![0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe, 0x00, 0x01];
    assert_eq!(email_page(&portal, Some(binary), "").await, path);
    shows_error(
        &portal,
        path,
        "email_file",
        "The selected file must be an email",
    )
    .await;
    assert_eq!(
        email_page(&portal, Some(b"just some words\n".to_vec()), "").await,
        path
    );
    shows_error(
        &portal,
        path,
        "email_file",
        "We could not find any email headers",
    )
    .await;
    assert_eq!(email_page(&portal, Some(Vec::new()), "").await, path);
    shows_error(&portal, path, "email_file", "The selected file is empty").await;
    assert_eq!(email_page(&portal, None, "").await, path);
    shows_error(
        &portal,
        path,
        "email_file",
        "Select the email file, or paste",
    )
    .await;
    assert_eq!(email_page(&portal, None, "Subject: hello\r\n").await, path);
    shows_error(
        &portal,
        path,
        "email_source",
        "We could not find who sent the email",
    )
    .await;
    let too_big = format!("{EML}{}", "x".repeat(1024 * 1024));
    assert_eq!(
        email_page(&portal, Some(too_big.into_bytes()), "").await,
        path
    );
    shows_error(
        &portal,
        path,
        "email_file",
        "The email must be smaller than 1 MB",
    )
    .await;
    // Pasted headers work as well as a file.
    let headers = EML.split("\r\n\r\n").next().unwrap();
    assert_eq!(
        email_page(&portal, None, headers).await,
        "/report-nuisance/company"
    );
    answer(&portal, "company", &[]).await;
    answer(&portal, "categories", &[("values[0]", "energy")]).await;
    answer(&portal, "scam", &[("value", "no")]).await;
    answer(&portal, "relationship", &[("value", "none")]).await;
    answer(&portal, "description", &[]).await;
    let check = page(&portal, "/report-nuisance/check-incident").await;
    assert!(check.contains("offers@greendeal.example.com"), "{check}");
    let confirmation = finish_report(&portal).await;
    assert!(confirmation.contains("This email address has been reported once"));
    assert_eq!(stored_reports(&portal).await, 1);
}
