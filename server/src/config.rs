//! Configuration from the environment, with defaults that run the portal on SQLite.
//!
//! | variable | default | meaning |
//! |---|---|---|
//! | `PORTAL_DATABASE_URL` | `sqlite://data/portal.db?mode=rwc` | SQLite (default) or `postgres://…` |
//! | `PORTAL_POLICY_FILE` | none | TOML overriding the readiness settings (policy.md numbers) |
//! | `PORTAL_NUISANCE_POLICY_FILE` | none | TOML overriding the nuisance reporting settings |
//! | `PORTAL_BREACH_POLICY_FILE` | none | TOML overriding the breach reporting settings (72 hours, draft days, limits) |
//! | `PORTAL_SIGNPOSTS_FILE` | built in (`app/data/signposts.json`) | who can help instead |
//! | `PORTAL_QUEUE_NAMES_FILE` | the manual's names | TOML naming work queues by slug (`"13" = "Local government"`); queues left out keep the manual's name |
//! | `PORTAL_SECURITY_CONTACT` | `mailto:security@` the host of `PORTAL_PUBLIC_URL` | `security.txt`'s `Contact` |
//! | `PORTAL_SECURE_COOKIES` | `false` | behind HTTPS: cookies `Secure` with `__Host-` names, and HSTS |
//! | `PORTAL_HSTS_MAX_AGE_SECONDS` | `31536000` (a year) | HSTS `max-age` (with `includeSubDomains`) when secure cookies are on |
//! | `PORTAL_FIXED_TODAY` | none | stop the clock on a date (tests and training only) |
//! | `PORTAL_JOURNEY_DAYS` | `28` | how long an unfinished journey is kept (retention deletes it with its uploaded files) |
//! | `PORTAL_RETENTION_CLOSED_MONTHS` | `24` | a closed case is deleted this many months after its closure or last document (manual §11) |
//! | `PORTAL_RETENTION_MARKED_DAYS` | `30` | a case closed 'marked for deletion' (and a merged duplicate party) is purged after this many days |
//! | `PORTAL_RETENTION_INTERVAL_MINUTES` | `60` | how often each process tries a retention run (one runs at a time) |
//! | `PORTAL_RETENTION_BATCH` | `500` | cases (journeys, files) deleted per transaction |
//! | `PORTAL_SMTP_URL` | none: mail is written as `.eml` files into `PORTAL_MAIL_DIR` | e.g. `smtp://127.0.0.1:2525` |
//! | `PORTAL_MAIL_DIR` | `data/mail` | where `.eml` files go without SMTP |
//! | `PORTAL_MAIL_FROM` | `Information Commissioner's Office <casework@localhost>` | the sender |
//! | `PORTAL_API_KEYS` | none: required unless `PORTAL_DEVELOPMENT=true` | `name:scopes:secret`, comma separated, scopes `cases`, `nuisance`, `mail`, `feeds` joined by `+` ([`api_keys`]) |
//! | `PORTAL_DEVELOPMENT` | `false` | development mode: without `PORTAL_API_KEYS` the sandbox key works (a warning is logged) |
//! | `PORTAL_MAIL_AUTHSERV_ID` | none: no inbound email is verified | the receiving mail server's authserv-id in `Authentication-Results` |
//! | `PORTAL_MAIL_MAX_ATTACHMENTS` / `PORTAL_MAIL_MAX_ATTACHMENT_MB` | `10` / `10` | an inbound email's attachments kept (the rest are refused and listed) and the largest kept |
//! | `PORTAL_FILE_STORE` | `local` | `local` (folder `PORTAL_FILE_DIR`, default `data/files`) or `s3` (`PORTAL_S3_*`) |
//! | `PORTAL_MAX_FILE_MB` / `PORTAL_MAX_CASE_MB` | `10` / `30` | upload limits per file and per case |
//! | `PORTAL_STAFF_IDLE_MINUTES` / `PORTAL_STAFF_SESSION_HOURS` | `30` / `12` | staff sessions end when idle / absolutely |
//! | `PORTAL_STAFF_LOCKOUT_ATTEMPTS` / `PORTAL_STAFF_LOCKOUT_MINUTES` | `5` / `15` | failed sign-ins that lock an account, and for how long |
//! | `PORTAL_PASSWORD_HASHES` | twice the CPUs | password hashes (argon2id, about 19 MiB each) computed at once; more wait |
//! | `PORTAL_HEADER_READ_SECONDS` | `10` | a connection that has not sent a whole request head in this time is closed |
//! | `PORTAL_TRUSTED_PROXIES` | none | proxies (addresses or networks, comma separated) whose `X-Forwarded-For` names the client |
//! | `PORTAL_THROTTLE_SIGN_IN_PER_CLIENT` | `200/5m` | staff sign-in posts from one client (`COUNT/PERIOD`: COUNT at once, COUNT more over PERIOD) |
//! | `PORTAL_THROTTLE_SIGN_IN_GLOBAL` | `600/1m` | staff sign-in posts from everyone together |
//! | `PORTAL_THROTTLE_POSTS_PER_CLIENT` | `600/10m` | posts outside `/staff` and `/api/v1` from one client |
//! | `PORTAL_THROTTLE_LOOKUPS_PER_CLIENT` | `30/1h` | breach follow-ups (reference and email) and saved-report links tried by one client |
//! | `PORTAL_THROTTLE_LOOKUPS_PER_REFERENCE` | `20/1h` | breach follow-ups naming one reference, from everyone |
//! | `PORTAL_THROTTLE_SAVE_EMAILS_PER_ADDRESS` / `…_PER_CLIENT` | `10/1d` / `30/1d` | "save and come back later" emails to one address / asked for by one client |
//! | `PORTAL_THROTTLE_SWEEP_SECONDS` / `PORTAL_THROTTLE_MAX_KEYS` | `60` / `100000` | idle throttle buckets are dropped this often, and at once past this many keys |

use anyhow::{bail, Context};
use app::domain::breach::BreachSettings;
use app::domain::case::CaseSettings;
use app::domain::evidence::UploadLimits;
use app::domain::nuisance::NuisanceSettings;
use app::domain::readiness::ReadinessSettings;

use crate::files::FileStoreConfig;
use chrono::NaiveDate;

/// The portal's settings.
#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub settings: ReadinessSettings,
    pub signposts_json: String,
    pub secure_cookies: bool,
    /// `Strict-Transport-Security: max-age=…; includeSubDomains`, sent when `secure_cookies`.
    pub hsts_max_age_seconds: u64,
    pub fixed_today: Option<NaiveDate>,
    pub journey_days: u32,
    pub mail: crate::mail::MailConfig,
    pub mail_from: String,
    pub case_settings: CaseSettings,
    pub nuisance_settings: NuisanceSettings,
    pub breach_settings: BreachSettings,
    /// Where the portal is reached from outside, for links in emails (`PORTAL_PUBLIC_URL`).
    pub public_url: String,
    /// Who to tell about a security problem, for `security.txt` (`PORTAL_SECURITY_CONTACT`).
    pub security_contact: Option<String>,
    pub upload_limits: UploadLimits,
    pub api_keys: ApiKeys,
    /// The authserv-id of the receiving mail server, whose `Authentication-Results` header alone
    /// may verify an inbound email's sender (`PORTAL_MAIL_AUTHSERV_ID`).
    pub mail_authserv_id: Option<String>,
    /// Limits on an inbound email's attachments.
    pub mail_attachments: crate::case::AttachmentLimits,
    pub file_store: FileStoreConfig,
    /// Staff session lifetimes and the sign-in lockout.
    pub staff_sessions: app::domain::staff::SessionPolicy,
    /// Password hashes computed at once (`PORTAL_PASSWORD_HASHES`), shared by the sign-ins.
    pub password_hashes: crate::auth::HashPool,
    /// `PORTAL_HEADER_READ_SECONDS`, for `crate::http::serve`.
    pub header_read_timeout: std::time::Duration,
    /// The throttles' rates and trusted proxies (`crate::http::throttle`).
    pub throttles: crate::http::throttle::ThrottleSettings,
    /// What is deleted when, and how often retention runs.
    pub retention: crate::retention::RetentionConfig,
    /// The published data sets' suppression of small counts (`PORTAL_DATA_SETS_SUPPRESS_BELOW`,
    /// `PORTAL_DATA_SETS_SUPPRESSED_TEXT`).
    pub publish_settings: app::domain::data_sets::PublishSettings,
    /// Track my case (`PORTAL_TRACK_POLICY_FILE`).
    pub tracking_settings: app::domain::tracking::TrackingSettings,
}

mod api_keys;
pub use api_keys::{Access, ApiKey, ApiKeys, Scope, SANDBOX_API_KEY};

const BUILT_IN_SIGNPOSTS: &str = include_str!("../../app/data/signposts.json");

impl Default for Config {
    fn default() -> Self {
        Config {
            database_url: "sqlite://data/portal.db?mode=rwc".to_owned(),
            settings: ReadinessSettings::default(),
            signposts_json: BUILT_IN_SIGNPOSTS.to_owned(),
            secure_cookies: false,
            hsts_max_age_seconds: 31_536_000,
            fixed_today: None,
            journey_days: 28,
            mail: crate::mail::MailConfig::Files("data/mail".into()),
            mail_from: "Information Commissioner's Office <casework@localhost>".to_owned(),
            case_settings: CaseSettings::default(),
            nuisance_settings: NuisanceSettings::default(),
            breach_settings: BreachSettings::default(),
            public_url: "http://127.0.0.1:3000".to_owned(),
            security_contact: None,
            upload_limits: UploadLimits::default(),
            // Development and tests: `from_env` replaces it (keys are required in production).
            api_keys: ApiKeys::sandbox(),
            mail_authserv_id: None,
            mail_attachments: crate::case::AttachmentLimits::default(),
            file_store: FileStoreConfig::Local {
                root: "data/files".into(),
            },
            staff_sessions: app::domain::staff::SessionPolicy::default(),
            password_hashes: crate::auth::HashPool::default(),
            header_read_timeout: crate::http::DEFAULT_HEADER_READ_TIMEOUT,
            throttles: crate::http::throttle::ThrottleSettings::default(),
            retention: crate::retention::RetentionConfig::default(),
            publish_settings: app::domain::data_sets::PublishSettings::default(),
            tracking_settings: app::domain::tracking::TrackingSettings::default(),
        }
    }
}

impl Config {
    pub fn from_env() -> anyhow::Result<Config> {
        let mut config = Config::default();
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        if let Some(url) = var("PORTAL_DATABASE_URL") {
            config.database_url = url;
        }
        if let Some(path) = var("PORTAL_POLICY_FILE") {
            let text = std::fs::read_to_string(&path).with_context(|| format!("reading {path}"))?;
            config.settings = toml::from_str(&text).with_context(|| format!("parsing {path}"))?;
        }
        if let Some(path) = var("PORTAL_NUISANCE_POLICY_FILE") {
            let text = std::fs::read_to_string(&path).with_context(|| format!("reading {path}"))?;
            config.nuisance_settings =
                toml::from_str(&text).with_context(|| format!("parsing {path}"))?;
        }
        if let Some(path) = var("PORTAL_BREACH_POLICY_FILE") {
            let text = std::fs::read_to_string(&path).with_context(|| format!("reading {path}"))?;
            config.breach_settings =
                toml::from_str(&text).with_context(|| format!("parsing {path}"))?;
        }
        if let Some(path) = var("PORTAL_TRACK_POLICY_FILE") {
            let text = std::fs::read_to_string(&path).with_context(|| format!("reading {path}"))?;
            config.tracking_settings =
                toml::from_str(&text).with_context(|| format!("parsing {path}"))?;
        }
        if let Some(url) = var("PORTAL_PUBLIC_URL") {
            config.public_url = url.trim_end_matches('/').to_owned();
        }
        config.security_contact = var("PORTAL_SECURITY_CONTACT");
        if let Some(path) = var("PORTAL_QUEUE_NAMES_FILE") {
            let text = std::fs::read_to_string(&path).with_context(|| format!("reading {path}"))?;
            let overrides = toml::from_str(&text).with_context(|| format!("parsing {path}"))?;
            let names = app::domain::casework::QueueNames::with_overrides(overrides)
                .map_err(|problem| anyhow::anyhow!("{path}: {problem}"))?;
            if !app::domain::casework::set_queue_names(names) {
                tracing::warn!("queue names were already set: {path} ignored");
            }
        }
        if let Some(path) = var("PORTAL_SIGNPOSTS_FILE") {
            config.signposts_json =
                std::fs::read_to_string(&path).with_context(|| format!("reading {path}"))?;
        }
        if let Some(value) = var("PORTAL_SECURE_COOKIES") {
            config.secure_cookies = parse_bool(&value).context("PORTAL_SECURE_COOKIES")?;
        }
        if let Some(value) = var("PORTAL_HSTS_MAX_AGE_SECONDS") {
            config.hsts_max_age_seconds = value
                .parse()
                .context("PORTAL_HSTS_MAX_AGE_SECONDS must be a number of seconds")?;
        }
        if let Some(value) = var("PORTAL_FIXED_TODAY") {
            let date = NaiveDate::parse_from_str(&value, "%Y-%m-%d")
                .context("PORTAL_FIXED_TODAY must be YYYY-MM-DD")?;
            tracing::warn!("the clock is fixed on {date}: for tests and training only");
            config.fixed_today = Some(date);
        }
        if let Some(value) = var("PORTAL_JOURNEY_DAYS") {
            config.journey_days = value
                .parse()
                .context("PORTAL_JOURNEY_DAYS must be a number")?;
        }
        if let Some(folder) = var("PORTAL_MAIL_DIR") {
            config.mail = crate::mail::MailConfig::Files(folder.into());
        }
        if let Some(url) = var("PORTAL_SMTP_URL") {
            config.mail = crate::mail::MailConfig::Smtp(url);
        }
        if let Some(from) = var("PORTAL_MAIL_FROM") {
            config.mail_from = from;
        }
        if let Some(value) = var("PORTAL_DATA_SETS_SUPPRESS_BELOW") {
            config.publish_settings.suppress_below = value
                .parse()
                .context("PORTAL_DATA_SETS_SUPPRESS_BELOW must be a number")?;
        }
        if let Some(text) = var("PORTAL_DATA_SETS_SUPPRESSED_TEXT") {
            config.publish_settings.suppressed_text = text;
        }
        config.api_keys = ApiKeys::from_lookup(var)?;
        config.mail_authserv_id = var("PORTAL_MAIL_AUTHSERV_ID").map(|id| id.trim().to_owned());
        config.file_store = FileStoreConfig::from_lookup(var).map_err(anyhow::Error::msg)?;
        if let Some(mb) = var("PORTAL_MAX_FILE_MB") {
            config.upload_limits.max_file_bytes = mb
                .parse::<u64>()
                .context("PORTAL_MAX_FILE_MB must be a number")?
                * 1024
                * 1024;
        }
        if let Some(count) = var("PORTAL_MAIL_MAX_ATTACHMENTS") {
            config.mail_attachments.max_count = count
                .trim()
                .parse::<usize>()
                .context("PORTAL_MAIL_MAX_ATTACHMENTS must be a number")?;
        }
        if let Some(mb) = var("PORTAL_MAIL_MAX_ATTACHMENT_MB") {
            config.mail_attachments.max_bytes = mb
                .trim()
                .parse::<u64>()
                .context("PORTAL_MAIL_MAX_ATTACHMENT_MB must be a number")?
                * 1024
                * 1024;
        }
        if let Some(mb) = var("PORTAL_MAX_CASE_MB") {
            config.upload_limits.max_case_bytes = mb
                .parse::<u64>()
                .context("PORTAL_MAX_CASE_MB must be a number")?
                * 1024
                * 1024;
        }
        crate::auth::policy_from_env(&mut config.staff_sessions, var)?;
        if let Some(text) = var("PORTAL_PASSWORD_HASHES") {
            let size = crate::http::throttle::settings::positive(&text, "PORTAL_PASSWORD_HASHES")?;
            config.password_hashes =
                crate::auth::HashPool::new(usize::try_from(size).unwrap_or(usize::MAX));
        }
        if let Some(text) = var("PORTAL_HEADER_READ_SECONDS") {
            config.header_read_timeout = std::time::Duration::from_secs(
                crate::http::throttle::settings::positive(&text, "PORTAL_HEADER_READ_SECONDS")?,
            );
        }
        config.throttles.read(var)?;
        retention_from_env(&mut config.retention, var)?;
        Ok(config)
    }
}

/// The `PORTAL_RETENTION_*` settings (see the table above).
fn retention_from_env(
    retention: &mut crate::retention::RetentionConfig,
    var: impl Fn(&str) -> Option<String>,
) -> anyhow::Result<()> {
    let number = |name: &str| -> anyhow::Result<Option<u32>> {
        var(name)
            .map(|value| value.trim().parse::<u32>())
            .transpose()
            .with_context(|| format!("{name} must be a whole number"))
    };
    if let Some(months) = number("PORTAL_RETENTION_CLOSED_MONTHS")? {
        retention.settings.closed_case_months = months;
    }
    if let Some(days) = number("PORTAL_RETENTION_MARKED_DAYS")? {
        retention.settings.marked_for_deletion_days = days;
    }
    if let Some(minutes) = number("PORTAL_RETENTION_INTERVAL_MINUTES")? {
        if minutes == 0 {
            bail!("PORTAL_RETENTION_INTERVAL_MINUTES must be at least 1");
        }
        retention.interval = std::time::Duration::from_secs(u64::from(minutes) * 60);
    }
    if let Some(batch) = number("PORTAL_RETENTION_BATCH")? {
        if batch == 0 {
            bail!("PORTAL_RETENTION_BATCH must be at least 1");
        }
        retention.batch = usize::try_from(batch).unwrap_or(usize::MAX);
    }
    Ok(())
}

fn parse_bool(value: &str) -> anyhow::Result<bool> {
    match value.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        other => bail!("expected true or false, got {other}"),
    }
}
