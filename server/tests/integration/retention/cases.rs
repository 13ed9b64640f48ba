//! Closed cases two years on, and the 'marked for deletion' outcomes.

use super::*;
use crate::support::fresh_database;

/// Every table that hangs off a case, and the rows `case_id` has in each.
async fn rows_of(database: &Database, case_id: &str) -> Vec<(&'static str, i64)> {
    let mut rows = Vec::new();
    for table in [
        "parties",
        "sift_flags",
        "work_items",
        "outbox",
        "documents",
        "case_events",
        "case_instances",
        "case_staff",
        "case_audit",
        "party_links",
        "case_messages",
        "callbacks",
        "priority_requests",
    ] {
        rows.push((table, count(database, table, "case_id", case_id).await));
    }
    rows.push(("cases", count(database, "cases", "id", case_id).await));
    rows
}

async fn gone(database: &Database, case_id: &str) -> bool {
    rows_of(database, case_id)
        .await
        .iter()
        .all(|(_, n)| *n == 0)
}

#[tokio::test]
async fn a_case_closed_two_years_ago_goes_with_its_files_parties_and_mail_and_the_rest_stay() {
    let database = fresh_database().await;
    let files = files().await;
    let old_file = files.keep(format!("old {}", unique()).as_bytes()).await;
    let recent_file = files.keep(format!("recent {}", unique()).as_bytes()).await;
    let open_file = files.keep(format!("open {}", unique()).as_bytes()).await;
    // The same bytes on an old case and a recent one: one file, which the recent case keeps.
    let shared_bytes = format!("shared {}", unique());
    let shared_file = files.keep(shared_bytes.as_bytes()).await;

    let old = new_case(&database, "olive", vec![old_file.clone()]).await;
    add_mail(&database, &old, 0).await;
    close(&database, &old, date(2024, 11, 1), "not_dpa").await;
    let old_sharing = new_case(&database, "oscar", vec![shared_file.clone()]).await;
    close(&database, &old_sharing, date(2024, 12, 6), "not_dpa").await;
    let recent = new_case(
        &database,
        "rita",
        vec![recent_file.clone(), shared_file.clone()],
    )
    .await;
    close(&database, &recent, date(2024, 12, 7), "not_dpa").await;
    let open = new_case(&database, "owen", vec![open_file.clone()]).await;
    // Closed long ago, but an email came in since: two years from the email.
    let late_mail = new_case(&database, "lena", Vec::new()).await;
    close(&database, &late_mail, date(2024, 1, 5), "not_dpa").await;
    add_mail(&database, &late_mail, noon(date(2025, 3, 1)) * 1000).await;
    // A party of an old case that a merge linked to the open case too: it stays, on that case.
    let shared = new_case(&database, "sam", Vec::new()).await;
    close(&database, &shared, date(2023, 5, 5), "not_dpa").await;
    let sam: String = sqlx::query(
        &database.sql("SELECT id FROM parties WHERE case_id = $1 AND role = 'customer'"),
    )
    .bind(&shared)
    .fetch_one(&database.pool)
    .await
    .unwrap()
    .get("id");
    sqlx::query(&database.sql(
        "INSERT INTO party_links (party_id, case_id, role) VALUES ($1, $2, 'representative')",
    ))
    .bind(&sam)
    .bind(&open)
    .execute(&database.writer)
    .await
    .unwrap();
    let before = rows_of(&database, &old).await;
    for table in [
        "parties",
        "work_items",
        "outbox",
        "documents",
        "case_instances",
        "case_messages",
    ] {
        assert!(
            before.contains(&(table, if table == "parties" { 2 } else { 1 })),
            "{table}: {before:?}"
        );
    }

    let counts = run(&retention(&database, &files)).await;

    assert!(
        gone(&database, &old).await,
        "{:?}",
        rows_of(&database, &old).await
    );
    assert!(gone(&database, &old_sharing).await);
    assert!(gone(&database, &shared).await);
    for kept in [&recent, &open, &late_mail] {
        assert_eq!(count(&database, "cases", "id", kept).await, 1);
        assert!(count(&database, "parties", "case_id", kept).await >= 2);
    }
    assert_eq!(count(&database, "documents", "case_id", &recent).await, 2);
    assert_eq!(
        count(&database, "case_messages", "case_id", &late_mail).await,
        1
    );
    assert!(
        !files.has(&old_file).await,
        "the old case's file is removed"
    );
    assert!(files.has(&recent_file).await);
    assert!(files.has(&open_file).await);
    assert!(
        files.has(&shared_file).await,
        "a file another case uses stays"
    );
    // The shared party moved to the open case, with its role there; no other party is left over.
    let row = sqlx::query(&database.sql("SELECT case_id, role FROM parties WHERE id = $1"))
        .bind(&sam)
        .fetch_one(&database.pool)
        .await
        .unwrap();
    assert_eq!(row.get::<String, _>("case_id"), open);
    assert_eq!(row.get::<String, _>("role"), "representative");
    assert_eq!(count(&database, "party_links", "party_id", &sam).await, 0);
    for name in ["olive", "oscar"] {
        assert_eq!(count(&database, "parties", "name", name).await, 0, "{name}");
    }
    assert_eq!(
        (
            counts.cases,
            counts.marked_cases,
            counts.parties,
            counts.parties_kept
        ),
        (3, 0, 5, 1),
        "{counts:?}"
    );
    assert_eq!(
        (counts.documents, counts.messages, counts.files),
        (2, 1, 1),
        "{counts:?}"
    );
    assert_eq!(counts.outbox, 3, "{counts:?}");

    // A second run finds nothing more.
    let again = run(&retention(&database, &files)).await;
    assert_eq!(again, Counts::default());
}

#[tokio::test]
async fn marked_for_deletion_outcomes_are_purged_after_their_period_and_no_other_is() {
    let database = fresh_database().await;
    let files = files().await;
    let mut due = Vec::new();
    for outcome in [
        "duplicate",
        "documents_pasted_into_existing_case",
        "non_cmeh",
        "scanned_in_error",
    ] {
        let file = files
            .keep(format!("{outcome} {}", unique()).as_bytes())
            .await;
        let case = new_case(&database, outcome, vec![file.clone()]).await;
        // 31 days before the run: past the 30 days.
        close(&database, &case, date(2026, 11, 5), outcome).await;
        due.push((case, file));
    }
    let recent_duplicate = new_case(&database, "recent", Vec::new()).await;
    close(&database, &recent_duplicate, date(2026, 11, 7), "duplicate").await;
    let other_outcome = new_case(&database, "other", Vec::new()).await;
    close(&database, &other_outcome, date(2026, 10, 1), "not_dpa").await;
    // Closed as a duplicate and re-opened: open, kept.
    let reopened = new_case(&database, "reopened", Vec::new()).await;
    close(&database, &reopened, date(2026, 10, 1), "duplicate").await;
    sqlx::query(&database.sql("UPDATE cases SET status = 'open' WHERE id = $1"))
        .bind(&reopened)
        .execute(&database.writer)
        .await
        .unwrap();

    let counts = run(&retention(&database, &files)).await;

    for (case, file) in &due {
        assert!(gone(&database, case).await, "{case}");
        assert!(!files.has(file).await);
    }
    for kept in [&recent_duplicate, &other_outcome, &reopened] {
        assert_eq!(count(&database, "cases", "id", kept).await, 1);
    }
    assert_eq!((counts.cases, counts.marked_cases, counts.files), (0, 4, 4));
}

#[tokio::test]
async fn merged_duplicate_party_records_are_purged_after_the_period() {
    let database = fresh_database().await;
    let files = files().await;
    let case = new_case(&database, "mia", Vec::new()).await;
    let now_ms = chrono::Utc::now().timestamp_millis();
    let mut ids = Vec::new();
    for (name, days_ago) in [("merged_long_ago", 40), ("merged_lately", 5)] {
        let id = unique();
        sqlx::query(&database.sql(
            "INSERT INTO parties (id, case_id, role, name, details, status, merged_at) \
             VALUES ($1, $2, 'customer', $3, '{}', 'marked_for_deletion', $4)",
        ))
        .bind(&id)
        .bind(&case)
        .bind(name)
        .bind(now_ms - days_ago * 86_400_000)
        .execute(&database.writer)
        .await
        .unwrap();
        ids.push(id);
    }
    let retention = retention(&database, &files);
    let counts = match retention
        .run(
            chrono::Utc::now().date_naive(),
            chrono::Utc::now().timestamp(),
        )
        .await
        .unwrap()
    {
        RunOutcome::Done(counts) => counts,
        RunOutcome::Busy => panic!("busy"),
    };
    assert_eq!(counts.merged_parties, 1);
    assert_eq!(count(&database, "parties", "id", &ids[0]).await, 0);
    assert_eq!(count(&database, "parties", "id", &ids[1]).await, 1);
    assert_eq!(count(&database, "parties", "case_id", &case).await, 3);
}
