//! Demand outside our remit (issue 19, part 2): a concern the assistant sends to another body is
//! counted once per journey, by route and reason only, and a team manager sees the counts with
//! the exception reports. The person's own country's authority is named on the verdict.

use app::domain::staff::Role;
use sqlx::Row;

use super::{page, portal, staff};
use crate::support::location;

#[tokio::test]
async fn a_concern_for_another_authority_is_counted_once_without_personal_data() {
    let (portal, _) = portal().await;
    for (step, value) in [
        ("about", "data_protection"),
        ("organisation", "Exemple SA"),
        ("organisation-country", "eea"),
        ("eea-country", "IE"),
        ("processed-in-uk", "no"),
    ] {
        portal.answer(&[("step", step), ("value", value)]).await;
    }
    // Confirmed twice (a reload, a second click): counted once.
    for _ in 0..2 {
        let confirmed = portal.post_form("/api/concern/confirm", &[]).await;
        assert_eq!(location(&confirmed), "/concern/result/not-for-us");
    }
    let db = &portal.database;
    let rows = sqlx::query(
        &db.sql("SELECT journey_key, found_on, route, reason, signpost FROM out_of_remit"),
    )
    .fetch_all(&db.pool)
    .await
    .unwrap();
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(row.try_get::<String, _>("found_on").unwrap(), "2026-03-02");
    assert_eq!(
        row.try_get::<String, _>("route").unwrap(),
        "data_protection"
    );
    assert_eq!(
        row.try_get::<String, _>("reason").unwrap(),
        "organisation_in_eea"
    );
    assert_eq!(
        row.try_get::<Option<String>, _>("signpost")
            .unwrap()
            .as_deref(),
        Some("eea_data_protection_authority")
    );
    // The key is a hash, not the cookie's value.
    assert_eq!(row.try_get::<String, _>("journey_key").unwrap().len(), 64);

    // The verdict names Ireland's own authority, with its complaint form and the data's source.
    let (_, verdict) = portal.page("/concern/result/not-for-us").await;
    assert!(
        verdict.contains("Irish Data Protection Commission"),
        "{verdict}"
    );
    assert!(verdict.contains("https://forms.dataprotection.ie/contact"));
    assert!(verdict.contains("supervisory-authorities/iedpc.json"));

    // A concern we take is not counted, though confirmed from the same browser.
    portal.post_form("/api/concern/restart", &[]).await;
    crate::submission::ready_subject_access(&portal).await;
    let count: i64 = sqlx::query(&db.sql("SELECT COUNT(*) AS n FROM out_of_remit"))
        .fetch_one(&db.pool)
        .await
        .unwrap()
        .try_get("n")
        .unwrap();
    assert_eq!(count, 1);

    // A team manager sees it counted with the exception reports.
    let (manager, _) = staff(&portal, "manager@example.gov.uk", &[Role::TeamManager]).await;
    let (status, html) = page(&portal, &manager, "/staff/exceptions").await;
    assert_eq!(status, 200);
    let section = html
        .split("<h2 id=\"out-of-remit\"")
        .nth(1)
        .unwrap_or_else(|| panic!("the out-of-remit section: {html}"));
    assert!(section.contains("March 2026"), "{section}");
    assert!(section.contains("Data protection"));
    assert!(section.contains("Organisation in the EEA, information not used in the UK"));
    assert_eq!(section.matches("data-testid=\"out-of-remit\"").count(), 1);
    assert!(
        section.contains("govuk-table__cell--numeric\">1<"),
        "{section}"
    );
}
