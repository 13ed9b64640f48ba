//! What the portal writes to disk only its own user can read: the SQLite database with its
//! `-wal` and `-shm` files (0600, in a 0700 folder), `.eml` mail files (0600, folder 0700) and
//! the local evidence store (files 0600, folders 0700).

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use server::db::Database;
use server::files::FileStoreConfig;
use server::mail::{deliver_due, MailConfig, Mailer};

use crate::support::{date, fresh_database, submission, unique};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// A folder that does not exist yet (nor its parent), under the test's scratch folder.
fn new_folder(name: &str) -> (PathBuf, PathBuf) {
    let top = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-{}", unique()));
    (top.join("inner"), top)
}

#[tokio::test]
async fn the_sqlite_database_and_its_journal_are_0600_in_a_0700_folder() {
    let (folder, top) = new_folder("private-db");
    let file = folder.join("portal.db");
    let url = format!("sqlite://{}?mode=rwc", file.display());
    let database = Database::connect(&url).await.unwrap();
    // A write, so the -wal and -shm files exist.
    sqlx::query("CREATE TABLE private_check (x INTEGER)")
        .execute(&database.writer)
        .await
        .unwrap();
    assert_eq!(mode(&top), 0o700);
    assert_eq!(mode(&folder), 0o700);
    for suffix in ["", "-wal", "-shm"] {
        let path = PathBuf::from(format!("{}{suffix}", file.display()));
        assert_eq!(mode(&path), 0o600, "{}", path.display());
    }
    database.pool.close().await;
    database.writer.close().await;
    let _ = std::fs::remove_dir_all(top);
}

#[tokio::test]
async fn an_older_world_readable_database_is_narrowed_when_opened() {
    let (folder, top) = new_folder("private-old-db");
    std::fs::create_dir_all(&folder).unwrap();
    let file = folder.join("portal.db");
    std::fs::write(&file, b"").unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let url = format!("sqlite://{}?mode=rwc", file.display());
    let database = Database::connect(&url).await.unwrap();
    assert_eq!(mode(&file), 0o600);
    database.pool.close().await;
    database.writer.close().await;
    let _ = std::fs::remove_dir_all(top);
}

async fn queue_mail(db: &Database) {
    let submission = submission(date(2026, 11, 23), None);
    db.submit_case(&submission).await.unwrap();
}

#[tokio::test]
async fn mail_files_are_0600_in_a_0700_folder() {
    let db = fresh_database().await;
    queue_mail(&db).await;
    let (folder, top) = new_folder("private-mail");
    let mailer = Mailer::new(
        &MailConfig::Files(folder.clone()),
        "casework@portal.example",
    )
    .unwrap();
    assert_eq!(deliver_due(&db, &mailer).await.unwrap(), 1);
    assert_eq!(mode(&top), 0o700);
    assert_eq!(mode(&folder), 0o700);
    let files: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].extension().and_then(|e| e.to_str()), Some("eml"));
    assert_eq!(mode(&files[0]), 0o600);
    assert!(std::fs::read_to_string(&files[0])
        .unwrap()
        .contains("alex@example.org"));
    let _ = std::fs::remove_dir_all(top);
}

#[tokio::test]
async fn evidence_files_are_0600_in_0700_folders() {
    let (root, top) = new_folder("private-files");
    let store = server::files::open(&FileStoreConfig::Local { root: root.clone() })
        .await
        .unwrap();
    store
        .put(
            "journeys/abc/evidence-1",
            b"%PDF-1.4 private",
            "application/pdf",
        )
        .await
        .unwrap();
    assert_eq!(mode(&top), 0o700);
    assert_eq!(mode(&root), 0o700);
    assert_eq!(mode(&root.join("journeys")), 0o700);
    assert_eq!(mode(&root.join("journeys/abc")), 0o700);
    assert_eq!(mode(&root.join("journeys/abc/evidence-1")), 0o600);
    let _ = std::fs::remove_dir_all(top);
}
