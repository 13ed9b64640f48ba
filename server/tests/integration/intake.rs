//! Casework intake against SQLite (default) or PostgreSQL (`PORTAL_TEST_DATABASE_URL`): one
//! transaction per case, idempotent by key, distinct references under concurrency.

use crate::support::{self, date, fresh_database};
use app::domain::case::{CaseKind, IntakeChannel, NewCase, Reference, Sector, SiftInput, SiftText};
use server::db::{NewParty, Submission};

fn submission(key: Option<&str>, summary: &str) -> Submission {
    let new = NewCase {
        case_type: CaseKind::Rfa,
        channel: IntakeChannel::Web,
        sector: Some(Sector::Telecoms),
        sift: SiftInput {
            texts: vec![SiftText::new("the summary", summary)],
            ..SiftInput::default()
        },
    };
    Submission {
        idempotency_key: key.map(str::to_owned),
        organisation_name: Some("Acme Mobile".to_owned()),
        sector: Some("telecoms".to_owned()),
        answers: serde_json::json!({"summary": summary}),
        parties: vec![
            NewParty {
                role: "customer".to_owned(),
                name: "Alex Example".to_owned(),
                email: Some("alex@example.org".to_owned()),
                phone: None,
                details: serde_json::json!({}),
            },
            NewParty {
                role: "organisation".to_owned(),
                name: "Acme Mobile".to_owned(),
                email: None,
                phone: None,
                details: serde_json::json!({"sector": "telecoms"}),
            },
        ],
        acknowledgement: serde_json::json!({"to": "alex@example.org"}),
        ..support::submission(date(2026, 11, 23), Some(new))
    }
}

#[tokio::test]
async fn a_submission_becomes_a_case_with_its_parties_and_an_acknowledgement_to_send() {
    let db = fresh_database().await;
    let stored = db
        .submit_case(&submission(Some("k1"), "They keep texting me."))
        .await
        .unwrap();
    assert!(
        Reference::parse(&stored.reference).is_ok(),
        "{}",
        stored.reference
    );
    assert_eq!(stored.case_type, "RFA");
    assert_eq!(stored.work_queue, Some(6));
    assert_eq!(stored.priority, "normal");
    // Monday 23 November 2026 + 3 working days = Thursday 26 November.
    assert_eq!(stored.assign_by, date(2026, 11, 26));
    assert_eq!(stored.first_contact_due, date(2026, 12, 7));
    assert_eq!(stored.contact_promised_by, date(2026, 12, 23));
    assert_eq!(stored.close_by, date(2027, 5, 23));
    assert_eq!(db.intake_counts().await.unwrap(), (1, 2, 1));
}

#[tokio::test]
async fn the_same_idempotency_key_yields_the_same_case_even_when_sent_at_once() {
    let db = fresh_database().await;
    let first = db
        .submit_case(&submission(Some("double-click"), "They sold my data."))
        .await
        .unwrap();
    let again = db
        .submit_case(&submission(Some("double-click"), "They sold my data."))
        .await
        .unwrap();
    assert_eq!(again.reference, first.reference);
    assert_eq!(again.flags, vec!["potential_criminal_breach".to_owned()]);
    let racing = submit_at_once(&db, vec!["race".to_owned(); 8], "Racing.").await;
    assert!(
        racing.windows(2).all(|pair| pair[0] == pair[1]),
        "{racing:?}"
    );
    assert_eq!(db.intake_counts().await.unwrap().0, 2);
}

/// Submits one case per key, all at once; returns the references in key order.
async fn submit_at_once(
    db: &server::db::Database,
    keys: Vec<String>,
    summary: &'static str,
) -> Vec<String> {
    let handles: Vec<_> = keys
        .into_iter()
        .map(|key| {
            let db = db.clone();
            tokio::spawn(async move {
                db.submit_case(&submission(Some(&key), summary))
                    .await
                    .unwrap()
                    .reference
            })
        })
        .collect();
    let mut references = Vec::new();
    for handle in handles {
        references.push(handle.await.unwrap());
    }
    references
}

#[tokio::test]
async fn concurrent_different_submissions_get_distinct_references() {
    let db = fresh_database().await;
    let keys = (0..12).map(|n| format!("k{n}")).collect();
    let mut references = submit_at_once(&db, keys, "Different.").await;
    references.sort();
    references.dedup();
    assert_eq!(references.len(), 12);
    assert_eq!(db.intake_counts().await.unwrap(), (12, 24, 12));
}

#[tokio::test]
async fn a_new_case_reads_back_for_casework_on_the_sift_list_with_its_first_instance_and_prepare_item(
) {
    use app::domain::case::{CaseStatus, Stage, WorkQueue};
    use sqlx::Row;
    let db = fresh_database().await;
    let stored = db
        .submit_case(&submission(Some("k-record"), "They keep texting me."))
        .await
        .unwrap();
    let row = db.case_row(&stored.reference).await.unwrap().unwrap();
    let case = &row.record;
    assert_eq!(case.reference, stored.reference);
    assert_eq!(case.case_type, CaseKind::Rfa);
    assert_eq!(case.work_queue, WorkQueue::Numbered(6));
    assert_eq!(case.status, CaseStatus::Open);
    assert_eq!(case.stage(), Stage::Sift);
    assert_eq!(case.instance, 1);
    assert_eq!(case.opened_on, date(2026, 11, 23));
    assert_eq!(case.first_contact_due, date(2026, 12, 7));
    assert_eq!(case.sector, Some(Sector::Telecoms));
    assert_eq!(case.assigned_to, None);
    assert!(!case.ever_closed());
    let items =
        sqlx::query(&db.sql(
            "SELECT kind, due_on, completed_at FROM work_items WHERE case_id = $1 ORDER BY kind",
        ))
        .bind(&row.id)
        .fetch_all(&db.pool)
        .await
        .unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].get::<String, _>("kind"), "prepare");
    assert_eq!(items[0].get::<String, _>("due_on"), "2026-12-07");
    assert_eq!(items[0].get::<Option<i64>, _>("completed_at"), None);
    assert!(db.case_row("IC-000000-0000").await.unwrap().is_none());
}
