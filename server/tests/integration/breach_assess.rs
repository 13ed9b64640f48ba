//! The breach self-assessment through HTTP: the pages render each question and result from the
//! address, and the record download is given only for a "no need to report" result.

use crate::support::{date, spawn_portal};

#[tokio::test]
async fn each_question_then_the_result_renders_from_the_address() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    let (status, page) = portal.page("/report-breach/assess").await;
    assert_eq!(status, 200);
    assert!(page.contains("Did the incident involve personal data?"));
    // No answer chosen: the same question with its error.
    let (_, page) = portal
        .page("/report-breach/assess?asked=personal-data")
        .await;
    assert!(page.contains("Select whether the incident involved personal data"));
    assert!(page.contains("href=\"#value\""));
    // A forged answer is treated as no answer.
    let (_, page) = portal
        .page("/report-breach/assess?asked=personal-data&value=%3Cscript%3E")
        .await;
    assert!(page.contains("Select whether the incident involved personal data"));
    assert!(!page.contains("<script>"));
    let (_, page) = portal
        .page("/report-breach/assess?personal_data=yes&asked=security-breach&value=no")
        .await;
    assert!(page.contains("You do not need to report this to us"));
    assert!(page.contains("not a personal data breach"));
    let (_, page) = portal
        .page("/report-breach/assess?personal_data=yes&security_breach=yes&asked=risk&value=likely")
        .await;
    assert!(page.contains("You need to report this breach"));
    assert!(page.contains("within 72 hours"));
}

#[tokio::test]
async fn the_record_is_a_dated_text_file_only_for_a_breach_that_need_not_be_reported() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    let response = portal
        .get("/report-breach/assess/record?personal_data=yes&security_breach=yes&risk=unlikely")
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-disposition"],
        "attachment; filename=\"breach-assessment-2026-03-02.txt\""
    );
    let text = response.text().await.unwrap();
    assert!(text.contains("Assessed on 2 March 2026"));
    assert!(text.contains("Is the breach likely to result in a risk"));
    assert!(text.contains("No, it is unlikely"));
    assert!(text.contains("Add to your breach log"));
    // A reportable breach, or unfinished answers: back to the questions, no record.
    for query in [
        "personal_data=yes&security_breach=yes&risk=likely",
        "personal_data=yes",
        "risk=unlikely",
    ] {
        let response = portal
            .get(&format!("/report-breach/assess/record?{query}"))
            .await;
        assert_eq!(response.status(), 303, "{query}");
    }
}
