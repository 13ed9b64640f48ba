//! Each run recorded for audit; one runner at a time, however many processes.

use super::*;
use crate::support::{database_url, drop_database, fresh_database};

#[tokio::test]
async fn each_run_is_recorded_with_its_counts_and_process() {
    let database = fresh_database().await;
    let files = files().await;
    let case = new_case(&database, "rob", Vec::new()).await;
    close(&database, &case, date(2024, 1, 1), "not_dpa").await;
    let counts = run(&retention(&database, &files)).await;
    assert_eq!(counts.cases, 1);
    let rows = sqlx::query(
        "SELECT process, outcome, cases_deleted, parties_deleted, outbox_deleted, files_deleted, \
         started_at, finished_at FROM retention_runs",
    )
    .fetch_all(&database.pool)
    .await
    .unwrap();
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    let process: String = row.get("process");
    assert!(
        process.ends_with(&format!(":{}", std::process::id())),
        "{process}"
    );
    assert_eq!(row.get::<String, _>("outcome"), "done");
    assert_eq!(row.get::<i64, _>("cases_deleted"), 1);
    assert_eq!(row.get::<i64, _>("parties_deleted"), 2);
    assert_eq!(row.get::<i64, _>("outbox_deleted"), 1);
    assert_eq!(row.get::<i64, _>("files_deleted"), 0);
    assert!(row.get::<i64, _>("finished_at") >= row.get::<i64, _>("started_at"));
}

#[tokio::test]
async fn two_processes_at_once_one_does_the_work() {
    // Two pools on one database, as two processes have.
    let url = database_url().await;
    let first = Database::connect(&url).await.unwrap();
    let second = Database::connect(&url).await.unwrap();
    let files = files().await;
    for n in 0..20 {
        let case = new_case(&first, &format!("p{n}"), Vec::new()).await;
        close(&first, &case, date(2024, 1, 1), "not_dpa").await;
    }
    let config = RetentionConfig {
        batch: 1,
        ..RetentionConfig::default()
    };
    let a = Retention::new(first.clone(), files.store.clone(), config.clone(), 28);
    let b = Retention::new(second.clone(), files.store.clone(), config, 28);
    let now = chrono::Utc::now().timestamp();
    let (ra, rb) = tokio::join!(a.run(today(), now), b.run(today(), now));
    let outcomes = [ra.unwrap(), rb.unwrap()];
    let done: Vec<Counts> = outcomes
        .iter()
        .filter_map(|outcome| match outcome {
            RunOutcome::Done(counts) => Some(*counts),
            RunOutcome::Busy => None,
        })
        .collect();
    assert_eq!(done.len(), 1, "{outcomes:?}");
    assert_eq!(done[0].cases, 20);
    let runs: i64 = sqlx::query("SELECT COUNT(*) AS n FROM retention_runs")
        .fetch_one(&first.pool)
        .await
        .unwrap()
        .get("n");
    assert_eq!(runs, 1);
    // The lease is free again: the other runs now (and finds nothing).
    assert_eq!(
        b.run(today(), now).await.unwrap(),
        RunOutcome::Done(Counts::default())
    );
    first.pool.close().await;
    second.pool.close().await;
    first.writer.close().await;
    second.writer.close().await;
    drop_database(&url).await;
}

#[tokio::test]
async fn a_lease_held_elsewhere_stops_a_run_until_it_expires() {
    let database = fresh_database().await;
    let files = files().await;
    let case = new_case(&database, "lee", Vec::new()).await;
    close(&database, &case, date(2024, 1, 1), "not_dpa").await;
    let hold = |expires_at: i64| {
        let database = database.clone();
        async move {
            sqlx::query(
                &database
                    .sql("UPDATE retention_lease SET holder = 'elsewhere:1/x', expires_at = $1"),
            )
            .bind(expires_at)
            .execute(&database.writer)
            .await
            .unwrap();
        }
    };
    let now = chrono::Utc::now().timestamp();
    hold(now + 60).await;
    let retention = retention(&database, &files);
    assert_eq!(retention.run(today(), now).await.unwrap(), RunOutcome::Busy);
    assert_eq!(count(&database, "cases", "id", &case).await, 1);
    // The holder died: its lease expired.
    hold(now - 1).await;
    assert_eq!(run(&retention).await.cases, 1);
}

#[tokio::test]
async fn expired_track_sessions_and_links_are_deleted_and_counted() {
    let database = fresh_database().await;
    let files = files().await;
    let case = new_case(&database, "tess", Vec::new()).await;
    let now = chrono::Utc::now().timestamp();
    for (table, token, expires_at) in [
        ("track_sessions", "expired session", now - 60),
        ("track_sessions", "live session", now + 1_800),
        ("track_links", "expired link", now - 1),
        ("track_links", "another expired link", now - 86_400),
        ("track_links", "live link", now + 86_400),
    ] {
        sqlx::query(&database.sql(&format!(
            "INSERT INTO {table} (token_hash, case_id, expires_at) VALUES ($1, $2, $3)"
        )))
        .bind(token)
        .bind(&case)
        .bind(expires_at)
        .execute(&database.writer)
        .await
        .unwrap();
    }
    let counts = run(&retention(&database, &files)).await;
    assert_eq!(counts.track_rows, 3, "{counts:?}");
    let mut left = Vec::new();
    for table in ["track_sessions", "track_links"] {
        let rows = sqlx::query(&format!("SELECT token_hash FROM {table}"))
            .fetch_all(&database.pool)
            .await
            .unwrap();
        left.extend(rows.iter().map(|row| row.get::<String, _>(0)));
    }
    assert_eq!(left, ["live session", "live link"]);
    let recorded: i64 = sqlx::query("SELECT track_rows_deleted FROM retention_runs")
        .fetch_one(&database.pool)
        .await
        .unwrap()
        .get(0);
    assert_eq!(recorded, 3);
}
