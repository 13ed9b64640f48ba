//! The outcome letters (manual §14; the FOI complaint guidance): a service complaint's answer
//! tells the person about the Ombudsman through an MP, a decision notice about the Tribunal; each
//! is offered only on its own case type.

use app::domain::staff::Role;

use super::{allocated_case, page, portal, staff};

#[tokio::test]
async fn each_case_type_offers_its_own_outcome_letter() {
    let (portal, _) = portal().await;
    let (officer, officer_id) =
        staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let rfa = allocated_case(&portal, &officer_id, "They never answered my request.").await;
    let rcc = allocated_case(&portal, &officer_id, "Nobody answered my emails.").await;
    let fs50 = allocated_case(&portal, &officer_id, "The council refused my request.").await;
    for (reference, kind) in [(&rcc, "RCC"), (&fs50, "FS50")] {
        let db = &portal.database;
        sqlx::query(&db.sql("UPDATE cases SET case_type = $1 WHERE reference = $2"))
            .bind(kind)
            .bind(reference)
            .execute(&db.pool)
            .await
            .unwrap();
    }
    let email = |reference: &str, template: &str| {
        format!("/staff/cases/{reference}/email?template={template}")
    };

    let (status, html) = page(
        &portal,
        &officer,
        &email(&rcc, "service_complaint_response"),
    )
    .await;
    assert_eq!(status, 200);
    assert!(html.contains("Our answer to a complaint about our service"));
    assert!(!html.contains("Decision notice sent"));
    assert!(html.contains("Your complaint about our service"));
    assert!(html.contains("Parliamentary and Health Service Ombudsman"));

    let (_, html) = page(&portal, &officer, &email(&fs50, "decision_notice_issued")).await;
    assert!(html.contains("Decision notice sent, with the right of appeal to the Tribunal"));
    assert!(html.contains("within 28 calendar days"));
    assert!(!html.contains("Our answer to a complaint about our service"));

    // Another type is offered neither, and asking for one by address starts blank.
    let (_, html) = page(&portal, &officer, &email(&rfa, "decision_notice_issued")).await;
    assert!(!html.contains("Decision notice sent"));
    assert!(!html.contains("Our answer to a complaint about our service"));
    assert!(!html.contains("within 28 calendar days"));
}
