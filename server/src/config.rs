//! Configuration from the environment, with defaults that run the portal on SQLite.
//!
//! | variable | default | meaning |
//! |---|---|---|
//! | `PORTAL_DATABASE_URL` | `sqlite://data/portal.db?mode=rwc` | SQLite (default) or `postgres://…` |
//! | `PORTAL_POLICY_FILE` | none | TOML overriding the readiness settings (policy.md numbers) |
//! | `PORTAL_NUISANCE_POLICY_FILE` | none | TOML overriding the nuisance reporting settings |
//! | `PORTAL_BREACH_POLICY_FILE` | none | TOML overriding the breach reporting settings (72 hours, draft days, limits) |
//! | `PORTAL_SIGNPOSTS_FILE` | built in (`app/data/signposts.json`) | who can help instead |
//! | `PORTAL_SECURE_COOKIES` | `false` | mark cookies `Secure` (set behind HTTPS) |
//! | `PORTAL_FIXED_TODAY` | none | stop the clock on a date (tests and training only) |
//! | `PORTAL_JOURNEY_DAYS` | `28` | how long an unfinished journey is kept |
//! | `PORTAL_SMTP_URL` | none: mail is written as `.eml` files into `PORTAL_MAIL_DIR` | e.g. `smtp://127.0.0.1:2525` |
//! | `PORTAL_MAIL_DIR` | `data/mail` | where `.eml` files go without SMTP |
//! | `PORTAL_MAIL_FROM` | `Information Commissioner's Office <casework@localhost>` | the sender |
//! | `PORTAL_API_KEYS` | `sandbox:local-development-key` (a warning is logged) | `name:secret` pairs, comma separated, for `POST /api/v1/cases` |
//! | `PORTAL_FILE_STORE` | `local` | `local` (folder `PORTAL_FILE_DIR`, default `data/files`) or `s3` (`PORTAL_S3_*`) |
//! | `PORTAL_MAX_FILE_MB` / `PORTAL_MAX_CASE_MB` | `10` / `30` | upload limits per file and per case |
//! | `PORTAL_STAFF_IDLE_MINUTES` / `PORTAL_STAFF_SESSION_HOURS` | `30` / `12` | staff sessions end when idle / absolutely |
//! | `PORTAL_STAFF_LOCKOUT_ATTEMPTS` / `PORTAL_STAFF_LOCKOUT_MINUTES` | `5` / `15` | failed sign-ins that lock an account, and for how long |

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
    pub fixed_today: Option<NaiveDate>,
    pub journey_days: u32,
    pub mail: crate::mail::MailConfig,
    pub mail_from: String,
    pub case_settings: CaseSettings,
    pub nuisance_settings: NuisanceSettings,
    pub breach_settings: BreachSettings,
    /// Where the portal is reached from outside, for links in emails (`PORTAL_PUBLIC_URL`).
    pub public_url: String,
    pub upload_limits: UploadLimits,
    pub api_keys: ApiKeys,
    pub file_store: FileStoreConfig,
    /// Staff session lifetimes and the sign-in lockout.
    pub staff_sessions: app::domain::staff::SessionPolicy,
}

/// The API keys partner services and the helpline use: name → secret.
#[derive(Debug, Clone, Default)]
pub struct ApiKeys(pub Vec<(String, String)>);

/// The key used when none is configured (documented; a warning is logged at start).
pub const SANDBOX_API_KEY: &str = "local-development-key";

impl ApiKeys {
    /// Parses `name:secret,name:secret`.
    pub fn parse(text: &str) -> anyhow::Result<ApiKeys> {
        let mut keys = Vec::new();
        for pair in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((name, secret)) = pair.split_once(':') else {
                bail!("PORTAL_API_KEYS: each entry is name:secret");
            };
            if secret.len() < 16 {
                bail!("PORTAL_API_KEYS: the secret for {name} is shorter than 16 characters");
            }
            keys.push((name.trim().to_owned(), secret.trim().to_owned()));
        }
        Ok(ApiKeys(keys))
    }

    /// The name of the key `secret` is, comparing in constant time.
    pub fn name_of(&self, secret: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(_, known)| constant_time_eq(known.as_bytes(), secret.as_bytes()))
            .map(|(name, _)| name.as_str())
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

const BUILT_IN_SIGNPOSTS: &str = include_str!("../../app/data/signposts.json");

impl Default for Config {
    fn default() -> Self {
        Config {
            database_url: "sqlite://data/portal.db?mode=rwc".to_owned(),
            settings: ReadinessSettings::default(),
            signposts_json: BUILT_IN_SIGNPOSTS.to_owned(),
            secure_cookies: false,
            fixed_today: None,
            journey_days: 28,
            mail: crate::mail::MailConfig::Files("data/mail".into()),
            mail_from: "Information Commissioner's Office <casework@localhost>".to_owned(),
            case_settings: CaseSettings::default(),
            nuisance_settings: NuisanceSettings::default(),
            breach_settings: BreachSettings::default(),
            public_url: "http://127.0.0.1:3000".to_owned(),
            upload_limits: UploadLimits::default(),
            api_keys: ApiKeys(vec![("sandbox".to_owned(), SANDBOX_API_KEY.to_owned())]),
            file_store: FileStoreConfig::Local {
                root: "data/files".into(),
            },
            staff_sessions: app::domain::staff::SessionPolicy::default(),
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
        if let Some(url) = var("PORTAL_PUBLIC_URL") {
            config.public_url = url.trim_end_matches('/').to_owned();
        }
        if let Some(path) = var("PORTAL_SIGNPOSTS_FILE") {
            config.signposts_json =
                std::fs::read_to_string(&path).with_context(|| format!("reading {path}"))?;
        }
        if let Some(value) = var("PORTAL_SECURE_COOKIES") {
            config.secure_cookies = parse_bool(&value).context("PORTAL_SECURE_COOKIES")?;
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
        match var("PORTAL_API_KEYS") {
            Some(keys) => config.api_keys = ApiKeys::parse(&keys)?,
            None => tracing::warn!(
                "PORTAL_API_KEYS is not set: the API accepts the sandbox key only (not for production)"
            ),
        }
        config.file_store = FileStoreConfig::from_lookup(var).map_err(anyhow::Error::msg)?;
        if let Some(mb) = var("PORTAL_MAX_FILE_MB") {
            config.upload_limits.max_file_bytes = mb
                .parse::<u64>()
                .context("PORTAL_MAX_FILE_MB must be a number")?
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
        Ok(config)
    }
}

fn parse_bool(value: &str) -> anyhow::Result<bool> {
    match value.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        other => bail!("expected true or false, got {other}"),
    }
}
