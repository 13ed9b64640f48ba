//! Retention (manual §11, policy.md §5) against SQLite (default) or PostgreSQL
//! (`PORTAL_TEST_DATABASE_URL`): closed cases deleted two years on with their files, parties no
//! other case uses and their mail; 'marked for deletion' outcomes purged on their schedule;
//! expired journeys' uploads removed from the file store; each run recorded; one runner at a
//! time; and every table that points at a case handled.

mod cases;
mod journeys;
mod runs;
mod schema;

use std::path::PathBuf;
use std::sync::Arc;

use app::domain::evidence::FileType;
use app::domain::submission::{EvidenceFile, EvidenceKind};
use chrono::NaiveDate;
use server::db::{Database, NewParty, Submission};
use server::files::{content_key, FileStore, LocalFileStore};
use server::retention::{Counts, Retention, RetentionConfig, RunOutcome};
use sqlx::Row;

use crate::support::{date, submission, unique};

/// The day the runs in these tests happen.
fn today() -> NaiveDate {
    date(2026, 12, 6)
}

/// A file store in a folder of its own, removed with it.
pub struct Files {
    pub store: Arc<dyn FileStore>,
    root: PathBuf,
}

impl Drop for Files {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

pub async fn files() -> Files {
    let root = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("retention-files-{}", unique()));
    Files {
        store: Arc::new(LocalFileStore::open(root.clone()).await.unwrap()),
        root,
    }
}

impl Files {
    /// Keeps `bytes` as evidence; the file's description for a case or a journey.
    pub async fn keep(&self, bytes: &[u8]) -> EvidenceFile {
        let key = content_key(bytes);
        self.store
            .put(&key, bytes, "application/pdf")
            .await
            .unwrap();
        EvidenceFile {
            kind: EvidenceKind::OTHER,
            file_name: "letter.pdf".to_owned(),
            file_type: FileType::Pdf,
            size: bytes.len() as u64,
            key,
        }
    }

    pub async fn has(&self, file: &EvidenceFile) -> bool {
        self.store.get(&file.key).await.unwrap().is_some()
    }
}

pub fn retention(database: &Database, files: &Files) -> Retention {
    Retention::new(
        database.clone(),
        files.store.clone(),
        RetentionConfig::default(),
        28,
    )
}

/// Runs retention on [`today`] at the real time; the counts.
pub async fn run(retention: &Retention) -> Counts {
    match retention
        .run(today(), chrono::Utc::now().timestamp())
        .await
        .unwrap()
    {
        RunOutcome::Done(counts) => counts,
        RunOutcome::Busy => panic!("the lease was held"),
    }
}

fn party(role: &str, name: &str, email: Option<&str>) -> NewParty {
    NewParty {
        role: role.to_owned(),
        name: name.to_owned(),
        email: email.map(str::to_owned),
        phone: None,
        details: serde_json::json!({}),
    }
}

/// Hands a case in with a customer and an organisation (and `documents`); its id.
pub async fn new_case(database: &Database, customer: &str, documents: Vec<EvidenceFile>) -> String {
    let submission = Submission {
        organisation_name: Some("Acme Ltd".to_owned()),
        answers: serde_json::json!({"summary": "what happened"}),
        parties: vec![
            party(
                "customer",
                customer,
                Some(&format!("{customer}@example.org")),
            ),
            party("organisation", "Acme Ltd", None),
        ],
        documents,
        acknowledgement: serde_json::json!({"to": format!("{customer}@example.org")}),
        ..submission(date(2024, 1, 10), None)
    };
    let stored = database.submit_case(&submission).await.unwrap();
    let row = sqlx::query(&database.sql("SELECT id FROM cases WHERE reference = $1"))
        .bind(&stored.reference)
        .fetch_one(&database.pool)
        .await
        .unwrap();
    row.get("id")
}

/// Noon UTC on `day`, in Unix seconds.
pub fn noon(day: NaiveDate) -> i64 {
    day.and_hms_opt(12, 0, 0).unwrap().and_utc().timestamp()
}

/// Closes the case on `day` with `outcome`; its documents, history and mail are dated that day
/// too (everything was added before it closed).
pub async fn close(database: &Database, case_id: &str, day: NaiveDate, outcome: &str) {
    let statements = [
        "UPDATE cases SET status = 'closed' WHERE id = $1",
        "UPDATE documents SET created_at = $1 WHERE case_id = $2",
        "UPDATE case_messages SET at = $1 WHERE case_id = $2",
    ];
    sqlx::query(&database.sql(statements[0]))
        .bind(case_id)
        .execute(&database.writer)
        .await
        .unwrap();
    sqlx::query(&database.sql(statements[1]))
        .bind(noon(day))
        .bind(case_id)
        .execute(&database.writer)
        .await
        .unwrap();
    sqlx::query(&database.sql(statements[2]))
        .bind(noon(day) * 1000)
        .bind(case_id)
        .execute(&database.writer)
        .await
        .unwrap();
    sqlx::query(&database.sql(
        "UPDATE case_instances SET closed_on = $1, closed_at = $2, outcome = $3 \
         WHERE case_id = $4 AND number = 1",
    ))
    .bind(day.to_string())
    .bind(noon(day))
    .bind(outcome)
    .bind(case_id)
    .execute(&database.writer)
    .await
    .unwrap();
}

/// An email on the case at `at` (Unix milliseconds), from its customer's party record.
pub async fn add_mail(database: &Database, case_id: &str, at: i64) {
    let party: String = sqlx::query(
        &database.sql("SELECT id FROM parties WHERE case_id = $1 AND role = 'customer'"),
    )
    .bind(case_id)
    .fetch_one(&database.pool)
    .await
    .unwrap()
    .get("id");
    sqlx::query(&database.sql(
        "INSERT INTO case_messages (id, case_id, direction, party_id, from_address, to_address, \
         subject, body, at, status) VALUES ($1, $2, 'in', $3, 'a@example.org', \
         'casework@localhost', 'About my case', 'More details.', $4, 'attached')",
    ))
    .bind(unique())
    .bind(case_id)
    .bind(party)
    .bind(at)
    .execute(&database.writer)
    .await
    .unwrap();
}

/// How many rows of `table` have `column` = `value`.
pub async fn count(database: &Database, table: &str, column: &str, value: &str) -> i64 {
    sqlx::query(&database.sql(&format!(
        "SELECT COUNT(*) AS n FROM {table} WHERE {column} = $1"
    )))
    .bind(value)
    .fetch_one(&database.pool)
    .await
    .unwrap()
    .get("n")
}
