//! `server create-admin`, the real binary against a scratch SQLite database.

use std::io::Write;
use std::process::{Command, Stdio};

use server::db::Database;

fn scratch_db() -> String {
    let mut bytes = [0u8; 6];
    getrandom::fill(&mut bytes).unwrap();
    let name: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    format!("sqlite://{}/admin-{name}.db?mode=rwc", dir.display())
}

fn create_admin(
    database_url: &str,
    email: &str,
    password: Option<&str>,
    stdin: &str,
) -> (bool, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    command
        .args(["create-admin", "--email", email, "--name", "Ada Admin"])
        .env("PORTAL_DATABASE_URL", database_url)
        .env("RUST_LOG", "error")
        .env_remove("PORTAL_ADMIN_PASSWORD")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(password) = password {
        command.env("PORTAL_ADMIN_PASSWORD", password);
    }
    let mut child = command.spawn().expect("the server binary starts");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (output.status.success(), text)
}

#[tokio::test]
async fn create_admin_makes_an_admin_refuses_weak_passwords_and_duplicates() {
    let url = scratch_db();
    let (ok, text) = create_admin(&url, "ada@example.gov.uk", Some("short"), "");
    assert!(!ok, "{text}");
    assert!(text.contains("shorter than 12 characters"), "{text}");
    let (ok, text) = create_admin(&url, "ada@example.gov.uk", Some("zzzzzzzzzzzzzzzz"), "");
    assert!(!ok && text.contains("one character repeated"), "{text}");

    let (ok, text) = create_admin(
        &url,
        "Ada@Example.gov.uk",
        Some("a strong admin password"),
        "",
    );
    assert!(ok, "{text}");
    assert!(
        !text.contains("strong admin password"),
        "the password is never printed: {text}"
    );
    let (ok, text) = create_admin(&url, "ada@example.gov.uk", Some("another strong one"), "");
    assert!(!ok && text.contains("already a staff account"), "{text}");

    // Without the variable and without a terminal, one line on standard input.
    let (ok, text) = create_admin(&url, "bea@example.gov.uk", None, "piped admin password\n");
    assert!(ok, "{text}");

    let database = Database::connect(&url).await.unwrap();
    let staff = database.list_staff().await.unwrap();
    let emails: Vec<&str> = staff.iter().map(|m| m.email.as_str()).collect();
    assert_eq!(emails, ["ada@example.gov.uk", "bea@example.gov.uk"]);
    assert!(staff
        .iter()
        .all(|m| m.roles == [app::domain::staff::Role::Admin] && m.active));
    let login = database
        .staff_login("bea@example.gov.uk")
        .await
        .unwrap()
        .unwrap();
    assert!(
        login.password_hash.starts_with("$argon2id$"),
        "{}",
        login.password_hash
    );
    assert!(password_auth::verify_password("piped admin password", &login.password_hash).is_ok());
    database.pool.close().await;
    crate::support::drop_database(&url).await;
}
