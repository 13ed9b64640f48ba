//! Journeys never handed in: deleted when they expire, with the files uploaded on them.

use app::domain::assistant::{Answer, Answers, Step};
use app::ports::{Journey, JourneyStore};

use super::*;
use crate::support::fresh_database;

/// Saves a journey with `uploads` answered on the evidence step, last touched `days_ago`.
async fn journey(database: &Database, uploads: Vec<EvidenceFile>, days_ago: i64) -> String {
    let id = unique();
    let mut answers = Answers::default();
    answers.set(Step::Evidence, Answer::Files(uploads));
    let journey = Journey {
        answers,
        ..Journey::default()
    };
    database.save(&id, &journey).await.unwrap();
    sqlx::query(&database.sql("UPDATE journeys SET updated_at = $1 WHERE id = $2"))
        .bind(chrono::Utc::now().timestamp() - days_ago * 86_400)
        .bind(&id)
        .execute(&database.writer)
        .await
        .unwrap();
    id
}

#[tokio::test]
async fn an_expired_journeys_uploads_are_removed_from_the_file_store() {
    let database = fresh_database().await;
    let files = files().await;
    let abandoned = files
        .keep(format!("abandoned {}", unique()).as_bytes())
        .await;
    let live = files.keep(format!("live {}", unique()).as_bytes()).await;
    // The same bytes on an expired journey and a case, or a live journey: they stay.
    let handed_in = files
        .keep(format!("handed in {}", unique()).as_bytes())
        .await;
    let also_live = files
        .keep(format!("also live {}", unique()).as_bytes())
        .await;
    new_case(&database, "cara", vec![handed_in.clone()]).await;

    let expired = journey(
        &database,
        vec![abandoned.clone(), handed_in.clone(), also_live.clone()],
        29,
    )
    .await;
    let expired_without_files = journey(&database, Vec::new(), 40).await;
    let kept = journey(&database, vec![live.clone(), also_live.clone()], 27).await;

    let counts = run(&retention(&database, &files)).await;

    assert!(database.load(&expired).await.unwrap().is_none());
    assert!(database
        .load(&expired_without_files)
        .await
        .unwrap()
        .is_none());
    assert!(database.load(&kept).await.unwrap().is_some());
    assert!(
        !files.has(&abandoned).await,
        "the abandoned upload is removed"
    );
    assert!(files.has(&live).await);
    assert!(files.has(&handed_in).await);
    assert!(files.has(&also_live).await);
    assert_eq!((counts.journeys, counts.files), (2, 1), "{counts:?}");
    let pending: i64 = sqlx::query("SELECT COUNT(*) AS n FROM retention_pending_files")
        .fetch_one(&database.pool)
        .await
        .unwrap()
        .get("n");
    assert_eq!(pending, 0);
}

/// A store that refuses to remove anything (an S3 outage).
struct Refusing(Arc<dyn FileStore>);

#[async_trait::async_trait]
impl FileStore for Refusing {
    async fn put(
        &self,
        key: &str,
        bytes: &[u8],
        content_type: &str,
    ) -> Result<(), server::files::FileStoreError> {
        self.0.put(key, bytes, content_type).await
    }
    async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, server::files::FileStoreError> {
        self.0.get(key).await
    }
    async fn delete(&self, _key: &str) -> Result<(), server::files::FileStoreError> {
        Err(server::files::FileStoreError::Remote(
            "unavailable".to_owned(),
        ))
    }
    fn describe(&self) -> String {
        "refusing".to_owned()
    }
}

#[tokio::test]
async fn a_file_the_store_fails_to_remove_is_removed_by_the_next_run() {
    let database = fresh_database().await;
    let files = files().await;
    let upload = files.keep(format!("upload {}", unique()).as_bytes()).await;
    journey(&database, vec![upload.clone()], 30).await;
    let failing = Retention::new(
        database.clone(),
        Arc::new(Refusing(files.store.clone())),
        RetentionConfig::default(),
        28,
    );
    let first = run(&failing).await;
    assert_eq!((first.journeys, first.files), (1, 0));
    assert!(files.has(&upload).await);
    let second = run(&retention(&database, &files)).await;
    assert_eq!((second.journeys, second.files), (0, 1));
    assert!(!files.has(&upload).await);
}
