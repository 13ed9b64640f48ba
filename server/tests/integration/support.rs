//! Test support: a portal on a free port with a fresh database (SQLite file, or a new PostgreSQL
//! database when `PORTAL_TEST_DATABASE_URL` names a server), and a browser-like client.
//!
//! A database made for a test is dropped when the last portal or [`TestDatabase`] using it is
//! dropped, at the end of the test (a test that uses only its URL drops it itself, with
//! [`drop_database`]): the PostgreSQL database, or the SQLite file with its journal, and the
//! portal's file store. Nothing is left behind, however many portals a run starts (the stall
//! harness starts thousands).
#![allow(dead_code)]

use std::collections::HashMap;
use std::ops::Deref;
use std::sync::{Mutex, PoisonError};

use app::domain::calendar::Calendar;
use app::domain::case::{plan_intake, CaseKind, CaseSettings, IntakeChannel, NewCase, SiftInput};
use chrono::NaiveDate;
use leptos::config::LeptosOptions;
use server::db::{Database, Submission};
use server::{build_router, Config};
use sqlx::{Connection, Executor};

pub struct TestPortal {
    pub url: String,
    pub client: reqwest::Client,
    /// The portal's database, to check what was stored.
    pub database: Database,
    /// The portal's evidence file store, removed with the portal.
    _files: FilesDir,
    /// Holds the test database while the portal runs (last, so dropped after the pool).
    _holder: Holder,
}

/// A test portal's file store folder, removed when the portal is dropped.
struct FilesDir(std::path::PathBuf);

impl Drop for FilesDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A fresh, migrated database for a test of the stores; dropped with it on PostgreSQL.
pub struct TestDatabase {
    database: Database,
    _holder: Holder,
}

impl Deref for TestDatabase {
    type Target = Database;

    fn deref(&self) -> &Database {
        &self.database
    }
}

/// The PostgreSQL test databases this process made (by URL), with how many holders each has.
static MADE: Mutex<Option<HashMap<String, usize>>> = Mutex::new(None);

/// One user of a test database: the database is dropped when its last holder goes.
struct Holder {
    url: Option<String>,
}

impl Holder {
    fn of(url: &str) -> Holder {
        let mut made = MADE.lock().unwrap_or_else(PoisonError::into_inner);
        match made.get_or_insert_with(HashMap::new).get_mut(url) {
            Some(holders) => {
                *holders += 1;
                Holder {
                    url: Some(url.to_owned()),
                }
            }
            None => Holder { url: None },
        }
    }
}

impl Drop for Holder {
    fn drop(&mut self) {
        let Some(url) = self.url.take() else { return };
        let last = {
            let mut made = MADE.lock().unwrap_or_else(PoisonError::into_inner);
            let made = made.get_or_insert_with(HashMap::new);
            match made.get_mut(&url) {
                Some(holders) if *holders > 1 => {
                    *holders -= 1;
                    false
                }
                _ => made.remove(&url).is_some(),
            }
        };
        if last {
            // Drop runs inside the test's runtime, which cannot be blocked on: a thread of its own.
            let _ = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap();
                runtime.block_on(drop_database(&url));
            })
            .join();
        }
    }
}

/// The file of a SQLite test database URL made by [`database_url`].
fn sqlite_file(url: &str) -> Option<std::path::PathBuf> {
    let path = url.strip_prefix("sqlite://")?.split('?').next()?;
    let path = std::path::PathBuf::from(path);
    path.starts_with(env!("CARGO_TARGET_TMPDIR"))
        .then_some(path)
}

/// Drops the test database at `url`: the PostgreSQL database (its connections closed first), or
/// the SQLite file and its journal (an open connection keeps reading its unlinked file).
pub async fn drop_database(url: &str) {
    if let Some(path) = sqlite_file(url) {
        if let Some(made) = MADE.lock().unwrap_or_else(PoisonError::into_inner).as_mut() {
            made.remove(url);
        }
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut file = path.clone().into_os_string();
            file.push(suffix);
            let _ = std::fs::remove_file(file);
        }
        return;
    }
    let (Ok(base), Some((_, name, _))) = (
        std::env::var("PORTAL_TEST_DATABASE_URL"),
        split_database_url(url),
    ) else {
        return;
    };
    if !name.starts_with("portal_test_") || url.starts_with("sqlite:") {
        return;
    }
    if let Some(made) = MADE.lock().unwrap_or_else(PoisonError::into_inner).as_mut() {
        made.remove(url);
    }
    let mut admin = sqlx::postgres::PgConnection::connect(&base)
        .await
        .expect("PostgreSQL for tests");
    admin
        .execute(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)").as_str())
        .await
        .unwrap();
    admin.close().await.unwrap();
}

/// A PostgreSQL URL's parts: everything before the database name, the name, and the query
/// (`?sslmode=require`, kept for each test database).
fn split_database_url(url: &str) -> Option<(&str, &str, &str)> {
    let (address, query) = match url.find('?') {
        Some(at) => url.split_at(at),
        None => (url, ""),
    };
    let (prefix, name) = address.rsplit_once('/')?;
    Some((prefix, name, query))
}

pub fn unique() -> String {
    let mut bytes = [0u8; 6];
    getrandom::fill(&mut bytes).unwrap();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub async fn database_url() -> String {
    match std::env::var("PORTAL_TEST_DATABASE_URL") {
        Ok(base) if !base.is_empty() => {
            sqlx::any::install_default_drivers();
            let name = format!("portal_test_{}", unique());
            let admin = sqlx::AnyPool::connect(&base)
                .await
                .expect("PostgreSQL for tests");
            admin
                .execute(format!("CREATE DATABASE {name}").as_str())
                .await
                .unwrap();
            admin.close().await;
            let (prefix, _, query) = split_database_url(&base).expect("a PostgreSQL URL");
            let url = format!("{prefix}/{name}{query}");
            MADE.lock()
                .unwrap_or_else(PoisonError::into_inner)
                .get_or_insert_with(HashMap::new)
                .insert(url.clone(), 0);
            url
        }
        _ => {
            let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
            let url = format!("sqlite://{}/portal-{}.db?mode=rwc", dir.display(), unique());
            MADE.lock()
                .unwrap_or_else(PoisonError::into_inner)
                .get_or_insert_with(HashMap::new)
                .insert(url.clone(), 0);
            url
        }
    }
}

/// Starts a portal whose clock is fixed on `today`.
pub async fn spawn_portal(today: NaiveDate) -> TestPortal {
    let config = Config {
        database_url: database_url().await,
        fixed_today: Some(today),
        ..Config::default()
    };
    spawn_portal_with(config).await
}

/// Starts a portal with this configuration (its database must be new).
pub async fn spawn_portal_with(config: Config) -> TestPortal {
    let database = Database::connect(&config.database_url)
        .await
        .expect("database");
    let leptos = LeptosOptions::builder()
        .output_name("portal")
        .site_root("target/site")
        .site_pkg_dir("pkg")
        .build();
    let files_dir =
        std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("files-{}", unique()));
    let files = server::files::open(&server::files::FileStoreConfig::Local {
        root: files_dir.clone(),
    })
    .await
    .expect("file store");
    let router = build_router(&config, leptos, database.clone(), files).expect("router");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let header_read_timeout = config.header_read_timeout;
    tokio::spawn(async move {
        server::http::serve(
            listener,
            router,
            header_read_timeout,
            std::future::pending(),
        )
        .await
        .unwrap();
    });
    TestPortal {
        url,
        client: browser(),
        database,
        _files: FilesDir(files_dir),
        _holder: Holder::of(&config.database_url),
    }
}

/// A portal served by processes started elsewhere (the scale-out test's), reached at `url`, with
/// its database at `database_url` (already made by [`database_url`]) and its shared file store.
/// Its client opens a new connection for every request, so a load balancer in front of several
/// processes spreads the requests of one journey over them.
pub async fn reached_at(url: String, database_url: &str, files: std::path::PathBuf) -> TestPortal {
    TestPortal {
        url,
        client: browser_without_pool(),
        database: Database::connect(database_url).await.expect("database"),
        _files: FilesDir(files),
        _holder: Holder::of(database_url),
    }
}

/// A browser-like client that keeps no connection open between requests.
pub fn browser_without_pool() -> reqwest::Client {
    browser_builder().pool_max_idle_per_host(0).build().unwrap()
}

/// A browser-like client of its own (its own cookies), following no redirects.
pub fn browser() -> reqwest::Client {
    browser_builder().build().unwrap()
}

fn browser_builder() -> reqwest::ClientBuilder {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        "accept",
        reqwest::header::HeaderValue::from_static("text/html,application/xhtml+xml,*/*;q=0.8"),
    );
    reqwest::Client::builder()
        .default_headers(headers)
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
}

impl TestPortal {
    pub async fn readiness(&self, body: &str) -> (u16, serde_json::Value) {
        let response = self
            .client
            .post(format!("{}/api/v1/readiness", self.url))
            .header("content-type", "application/json")
            .body(body.to_owned())
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        let text = response.text().await.unwrap();
        (
            status,
            serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text)),
        )
    }

    /// Posts a form as a browser without JavaScript would (same-origin, accepting HTML).
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.url))
            .header("origin", &self.url)
            .header("accept", "text/html")
            .header("referer", format!("{}/concern/about", self.url))
            .form(fields)
            .send()
            .await
            .unwrap()
    }

    /// Answers one question; returns where the portal sends the person next.
    pub async fn answer(&self, fields: &[(&str, &str)]) -> String {
        let response = self.post_form("/api/concern/answer", fields).await;
        assert_eq!(response.status().as_u16(), 302, "answer {fields:?}");
        location(&response)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.url))
            .send()
            .await
            .unwrap()
    }

    pub async fn page(&self, path: &str) -> (u16, String) {
        let response = self.get(path).await;
        (response.status().as_u16(), response.text().await.unwrap())
    }
}

pub fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A data protection concern (RFA) handed in on the web on `created_on`, planned as intake
/// plans it for `new` (or a plain RFA), with no parties, documents or events, acknowledged to
/// alex@example.org: what a test stores straight through `Database::submit_case`, changing the
/// fields it is about.
pub fn submission(created_on: NaiveDate, new: Option<NewCase>) -> Submission {
    let calendar =
        Calendar::from_govuk_json(include_str!("../../../app/data/bank-holidays.json")).unwrap();
    let new = new.unwrap_or(NewCase {
        case_type: CaseKind::Rfa,
        channel: IntakeChannel::Web,
        sector: None,
        sift: SiftInput::default(),
    });
    Submission {
        idempotency_key: None,
        channel: "web",
        created_on,
        organisation_name: None,
        sector: None,
        answers: serde_json::json!({}),
        parties: Vec::new(),
        documents: Vec::new(),
        plan: plan_intake(&new, created_on, &calendar, &CaseSettings::default()).unwrap(),
        acknowledgement: serde_json::json!({"to": "alex@example.org", "name": "Alex Example"}),
        message_kind: "acknowledgement",
        events: Vec::new(),
        complaint_about: None,
    }
}

/// A fresh, migrated database (SQLite, or PostgreSQL with `PORTAL_TEST_DATABASE_URL`).
pub async fn fresh_database() -> TestDatabase {
    let url = database_url().await;
    TestDatabase {
        database: Database::connect(&url).await.expect("database"),
        _holder: Holder::of(&url),
    }
}

/// Starts a portal whose clock is fixed on `today`, and hands back its database too (to count
/// what was stored).
pub async fn spawn_portal_with_db(today: NaiveDate) -> (TestPortal, Database) {
    let portal = spawn_portal(today).await;
    let database = portal.database.clone();
    (portal, database)
}
