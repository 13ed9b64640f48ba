//! The portal reaches PostgreSQL over TLS when the URL asks for it (`sslmode=require`, as CI's
//! `PORTAL_TEST_DATABASE_URL` does): sqlx is built with rustls. On SQLite there is nothing to do.

use sqlx::Row;

use crate::support::fresh_database;

#[tokio::test]
async fn the_portal_talks_to_postgresql_over_tls_when_the_url_requires_it() {
    let url = std::env::var("PORTAL_TEST_DATABASE_URL").unwrap_or_default();
    if !url.contains("sslmode=require") {
        eprintln!("needs PORTAL_TEST_DATABASE_URL with sslmode=require");
        return;
    }
    let database = fresh_database().await;
    let row = sqlx::query("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        .fetch_one(&database.pool)
        .await
        .unwrap();
    assert!(
        row.try_get::<bool, _>("ssl").unwrap(),
        "the connection is encrypted"
    );
    let version: String = row.try_get("version").unwrap();
    assert!(version.starts_with("TLSv1."), "{version}");
}
