//! Configuration from the environment, with defaults that run the portal on SQLite.
//!
//! | variable | default | meaning |
//! |---|---|---|
//! | `PORTAL_DATABASE_URL` | `sqlite://data/portal.db?mode=rwc` | SQLite (default) or `postgres://…` |
//! | `PORTAL_POLICY_FILE` | none | TOML overriding the readiness settings (policy.md numbers) |
//! | `PORTAL_SIGNPOSTS_FILE` | built in (`app/data/signposts.json`) | who can help instead |
//! | `PORTAL_SECURE_COOKIES` | `false` | mark cookies `Secure` (set behind HTTPS) |
//! | `PORTAL_FIXED_TODAY` | none | stop the clock on a date (tests and training only) |
//! | `PORTAL_JOURNEY_DAYS` | `28` | how long an unfinished journey is kept |
//! | `PORTAL_SMTP_URL` | none: mail is written as `.eml` files into `PORTAL_MAIL_DIR` | e.g. `smtp://127.0.0.1:2525` |
//! | `PORTAL_MAIL_DIR` | `data/mail` | where `.eml` files go without SMTP |
//! | `PORTAL_MAIL_FROM` | `Information Commissioner's Office <casework@localhost>` | the sender |

use anyhow::{bail, Context};
use app::domain::readiness::ReadinessSettings;
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
