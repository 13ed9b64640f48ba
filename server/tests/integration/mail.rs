//! The acknowledgement email, sent from the outbox to a real SMTP server on loopback (aiosmtpd),
//! retried when the server is down, and written as an `.eml` file by default.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::support::{date, fresh_database, submission};
use server::db::Database;
use server::mail::{deliver_due, MailConfig, Mailer};
use sqlx::Row;

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn scratch_folder(name: &str) -> PathBuf {
    let mut bytes = [0u8; 6];
    getrandom::fill(&mut bytes).unwrap();
    let suffix: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let folder = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-{suffix}"));
    std::fs::create_dir_all(&folder).unwrap();
    folder
}

/// A real SMTP server on loopback that stores what it receives in a Maildir.
pub(crate) struct SmtpSink {
    pub(crate) port: u16,
    pub(crate) maildir: PathBuf,
    _process: tokio::process::Child,
}

pub(crate) async fn smtp_sink() -> SmtpSink {
    let port = free_port();
    let maildir = scratch_folder("maildir");
    for part in ["tmp", "new", "cur"] {
        std::fs::create_dir_all(maildir.join(part)).unwrap();
    }
    let process = tokio::process::Command::new("/usr/bin/python3")
        .args([
            "-m",
            "aiosmtpd",
            "-n",
            "-l",
            &format!("127.0.0.1:{port}"),
            "-c",
            "aiosmtpd.handlers.Mailbox",
        ])
        .arg(&maildir)
        .kill_on_drop(true)
        .spawn()
        .expect("python3-aiosmtpd (apt-get install python3-aiosmtpd)");
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            return SmtpSink {
                port,
                maildir,
                _process: process,
            };
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the SMTP sink did not start");
}

pub(crate) fn received(maildir: &Path) -> Vec<String> {
    std::fs::read_dir(maildir.join("new"))
        .map(|entries| {
            entries
                .map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap())
                .collect()
        })
        .unwrap_or_default()
}

async fn queue_case(db: &Database) -> String {
    let submission = submission(date(2026, 11, 23), None);
    db.submit_case(&submission).await.unwrap().reference
}

async fn outbox_row(db: &Database) -> (i64, Option<i64>) {
    let row = sqlx::query("SELECT attempts, sent_at FROM outbox")
        .fetch_one(&db.pool)
        .await
        .unwrap();
    (
        row.try_get("attempts").unwrap(),
        row.try_get("sent_at").unwrap(),
    )
}

#[tokio::test]
async fn the_acknowledgement_reaches_a_real_smtp_server_with_the_reference_in_the_subject() {
    let sink = smtp_sink().await;
    let db = fresh_database().await;
    let reference = queue_case(&db).await;
    let mailer = Mailer::new(
        &MailConfig::Smtp(format!("smtp://127.0.0.1:{}", sink.port)),
        "Information Commissioner's Office <casework@portal.example>",
    )
    .unwrap();
    let sent = deliver_due(&db, &mailer).await.unwrap();
    let error: Option<String> = sqlx::query("SELECT last_error FROM outbox")
        .fetch_one(&db.pool)
        .await
        .unwrap()
        .try_get("last_error")
        .unwrap();
    assert_eq!(sent, 1, "{error:?}");
    let messages = received(&sink.maildir);
    assert_eq!(messages.len(), 1);
    let message = &messages[0];
    assert!(
        message.contains(&format!(
            "Subject: [Ref. {reference}] We have received your concern"
        )),
        "{message}"
    );
    assert!(
        message.contains("To: \"Alex Example\" <alex@example.org>")
            || message.contains("To: Alex Example <alex@example.org>"),
        "{message}"
    );
    let body = message.replace("=\r\n", "").replace("=\n", "");
    assert!(message.contains("Content-Transfer-Encoding: quoted-printable"));
    assert!(
        body.contains("contact you by 23 December 2026"),
        "promised within 30 days"
    );
    assert!(body.contains(&format!(
        "keep the reference [Ref. {reference}] in the subject"
    )));
    assert_eq!(outbox_row(&db).await.0, 1);
    assert!(outbox_row(&db).await.1.is_some());
    // Sent once: nothing is due any more.
    assert_eq!(deliver_due(&db, &mailer).await.unwrap(), 0);
    assert_eq!(received(&sink.maildir).len(), 1);
}

#[tokio::test]
async fn a_message_is_kept_and_retried_later_when_the_smtp_server_is_down() {
    let db = fresh_database().await;
    queue_case(&db).await;
    let nobody_listening = Mailer::new(
        &MailConfig::Smtp(format!("smtp://127.0.0.1:{}", free_port())),
        "casework@portal.example",
    )
    .unwrap();
    assert_eq!(deliver_due(&db, &nobody_listening).await.unwrap(), 0);
    assert_eq!(outbox_row(&db).await, (1, None));
    // Backed off: not retried at once.
    assert_eq!(deliver_due(&db, &nobody_listening).await.unwrap(), 0);
    assert_eq!(outbox_row(&db).await, (1, None));
}

#[tokio::test]
async fn by_default_mail_is_written_as_eml_files() {
    let db = fresh_database().await;
    let reference = queue_case(&db).await;
    let folder = scratch_folder("mail");
    let mailer = Mailer::new(
        &MailConfig::Files(folder.clone()),
        "casework@portal.example",
    )
    .unwrap();
    assert_eq!(deliver_due(&db, &mailer).await.unwrap(), 1);
    let files: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].extension().and_then(|e| e.to_str()), Some("eml"));
    assert!(std::fs::read_to_string(&files[0])
        .unwrap()
        .contains(&reference));
}
