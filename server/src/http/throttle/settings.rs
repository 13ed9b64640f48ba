//! The throttles' numbers (`PORTAL_THROTTLE_*`, `PORTAL_TRUSTED_PROXIES`), read by
//! `crate::config`. Each rate is written `COUNT/PERIOD`: up to COUNT at once, and COUNT again
//! spread evenly over PERIOD (`30s`, `10m`, `1h`, `1d`). The defaults are far above what a person
//! does and far below what a script does.

use std::num::NonZeroU32;
use std::time::Duration;

use anyhow::{bail, Context};
use governor::Quota;

use super::client::TrustedProxies;

/// A token bucket's size and how fast it fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    pub count: NonZeroU32,
    pub period: Duration,
}

impl Rate {
    /// `count` per `period` seconds (`count` at least 1).
    pub const fn per(count: u32, period_seconds: u64) -> Rate {
        Rate {
            count: match NonZeroU32::new(count) {
                Some(count) => count,
                None => NonZeroU32::MIN,
            },
            period: Duration::from_secs(period_seconds),
        }
    }

    /// Parses `COUNT/PERIOD`, e.g. `600/10m`.
    pub fn parse(text: &str) -> anyhow::Result<Rate> {
        let (count, period) = text
            .trim()
            .split_once('/')
            .context("a rate is COUNT/PERIOD, e.g. 600/10m")?;
        let count = count
            .trim()
            .parse::<u32>()
            .ok()
            .and_then(NonZeroU32::new)
            .context("a rate's COUNT is a whole number above 0")?;
        let period = parse_period(period.trim())?;
        Ok(Rate { count, period })
    }

    /// The governor quota: a burst of `count`, one more every `period / count`.
    pub fn quota(self) -> Quota {
        let every = self.period / self.count.get();
        Quota::with_period(every.max(Duration::from_nanos(1)))
            .unwrap_or_else(|| Quota::per_second(self.count))
            .allow_burst(self.count)
    }
}

fn parse_period(text: &str) -> anyhow::Result<Duration> {
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .context("a rate's PERIOD ends with s, m, h or d")?;
    let (number, unit) = text.split_at(split);
    let number = if number.is_empty() {
        1
    } else {
        number
            .parse::<u64>()
            .context("a rate's PERIOD starts with a number")?
    };
    let unit_seconds = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        other => bail!("a rate's PERIOD ends with s, m, h or d, not {other}"),
    };
    if number == 0 {
        bail!("a rate's PERIOD is above 0");
    }
    Ok(Duration::from_secs(number.saturating_mul(unit_seconds)))
}

/// Every throttle's rate, the proxies trusted to name the client, and how the buckets are kept.
#[derive(Debug, Clone)]
pub struct ThrottleSettings {
    /// `POST /staff/api/sign-in` from one client.
    pub sign_in_per_client: Rate,
    /// `POST /staff/api/sign-in` from everyone together.
    pub sign_in_global: Rate,
    /// Any anonymous post (outside `/staff` and `/api/v1`) from one client.
    pub posts_per_client: Rate,
    /// Lookups by reference or link (breach follow-up, opening a saved report) from one client.
    pub lookups_per_client: Rate,
    /// Lookups naming one reference, from everyone together.
    pub lookups_per_reference: Rate,
    /// "Save and come back later" emails to one address.
    pub save_emails_per_address: Rate,
    /// "Save and come back later" emails asked for by one client.
    pub save_emails_per_client: Rate,
    /// Proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: TrustedProxies,
    /// How often idle buckets are dropped.
    pub sweep_every: Duration,
    /// A bucket map holding more keys than this is swept at once.
    pub max_keys: usize,
}

impl Default for ThrottleSettings {
    fn default() -> Self {
        ThrottleSettings {
            sign_in_per_client: Rate::per(200, 5 * 60),
            sign_in_global: Rate::per(600, 60),
            posts_per_client: Rate::per(600, 10 * 60),
            lookups_per_client: Rate::per(30, 3600),
            lookups_per_reference: Rate::per(20, 3600),
            save_emails_per_address: Rate::per(10, 86_400),
            save_emails_per_client: Rate::per(30, 86_400),
            trusted_proxies: TrustedProxies::default(),
            sweep_every: Duration::from_secs(60),
            max_keys: 100_000,
        }
    }
}

impl ThrottleSettings {
    /// Reads the `PORTAL_THROTTLE_*` variables and `PORTAL_TRUSTED_PROXIES` over the defaults.
    pub fn read(&mut self, var: impl Fn(&str) -> Option<String>) -> anyhow::Result<()> {
        let rates: [(&str, &mut Rate); 7] = [
            (
                "PORTAL_THROTTLE_SIGN_IN_PER_CLIENT",
                &mut self.sign_in_per_client,
            ),
            ("PORTAL_THROTTLE_SIGN_IN_GLOBAL", &mut self.sign_in_global),
            (
                "PORTAL_THROTTLE_POSTS_PER_CLIENT",
                &mut self.posts_per_client,
            ),
            (
                "PORTAL_THROTTLE_LOOKUPS_PER_CLIENT",
                &mut self.lookups_per_client,
            ),
            (
                "PORTAL_THROTTLE_LOOKUPS_PER_REFERENCE",
                &mut self.lookups_per_reference,
            ),
            (
                "PORTAL_THROTTLE_SAVE_EMAILS_PER_ADDRESS",
                &mut self.save_emails_per_address,
            ),
            (
                "PORTAL_THROTTLE_SAVE_EMAILS_PER_CLIENT",
                &mut self.save_emails_per_client,
            ),
        ];
        for (name, rate) in rates {
            if let Some(text) = var(name) {
                *rate = Rate::parse(&text).with_context(|| format!("{name}: {text}"))?;
            }
        }
        if let Some(text) = var("PORTAL_TRUSTED_PROXIES") {
            self.trusted_proxies = TrustedProxies::parse(&text)
                .with_context(|| format!("PORTAL_TRUSTED_PROXIES: {text}"))?;
        }
        if let Some(text) = var("PORTAL_THROTTLE_SWEEP_SECONDS") {
            self.sweep_every =
                Duration::from_secs(positive(&text, "PORTAL_THROTTLE_SWEEP_SECONDS")?);
        }
        if let Some(text) = var("PORTAL_THROTTLE_MAX_KEYS") {
            self.max_keys = usize::try_from(positive(&text, "PORTAL_THROTTLE_MAX_KEYS")?)
                .context("PORTAL_THROTTLE_MAX_KEYS is too large")?;
        }
        Ok(())
    }
}

/// A whole number above 0.
pub fn positive(text: &str, name: &str) -> anyhow::Result<u64> {
    text.trim()
        .parse::<u64>()
        .ok()
        .filter(|n| *n > 0)
        .with_context(|| format!("{name} must be a whole number above 0"))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn rates_read_as_count_per_period() {
        assert_eq!(Rate::parse("600/10m").unwrap(), Rate::per(600, 600));
        assert_eq!(Rate::parse(" 5 / 1d ").unwrap(), Rate::per(5, 86_400));
        assert_eq!(Rate::parse("10/s").unwrap(), Rate::per(10, 1));
        for bad in ["", "10", "0/1m", "x/1m", "10/1w", "10/0s", "10/m1"] {
            assert!(Rate::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_quota_allows_the_count_at_once() {
        let quota = Rate::per(600, 600).quota();
        assert_eq!(quota.burst_size().get(), 600);
        assert_eq!(quota.replenish_interval(), Duration::from_secs(1));
    }

    #[test]
    fn the_environment_overrides_each_number() {
        let mut settings = ThrottleSettings::default();
        settings
            .read(|name| match name {
                "PORTAL_THROTTLE_POSTS_PER_CLIENT" => Some("3/1m".to_owned()),
                "PORTAL_TRUSTED_PROXIES" => Some("10.0.0.1, 192.168.0.0/16".to_owned()),
                "PORTAL_THROTTLE_MAX_KEYS" => Some("50".to_owned()),
                _ => None,
            })
            .unwrap();
        assert_eq!(settings.posts_per_client, Rate::per(3, 60));
        assert_eq!(settings.max_keys, 50);
        assert!(settings
            .trusted_proxies
            .trusts("192.168.4.5".parse().unwrap()));
        let refused = ThrottleSettings::default()
            .read(|name| (name == "PORTAL_THROTTLE_SIGN_IN_GLOBAL").then(|| "lots".to_owned()));
        assert!(refused.is_err());
    }
}
