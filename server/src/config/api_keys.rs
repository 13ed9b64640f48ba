//! The API keys partner services, the helpline and the mail server use, each with the scopes
//! (endpoints) it may call.
//!
//! `PORTAL_API_KEYS` is a comma-separated list of `name:scopes:secret`, the scopes joined by `+`:
//! `helpline:cases+nuisance:SECRET,mta:mail:SECRET`. Secrets have 16 characters or more (they may
//! contain `:`). Without `PORTAL_API_KEYS` the portal refuses to start, unless development mode is
//! asked for (`PORTAL_DEVELOPMENT=true`): then the documented sandbox key works, with every scope,
//! and a warning is logged. The sandbox key is refused as a configured secret outside development.
//!
//! Before scopes the format was `name:secret` (every key could call every endpoint): such an entry
//! is refused with a message saying what to write instead.

use std::fmt;

use anyhow::bail;

/// What a key may call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// `POST /api/v1/cases`.
    Cases,
    /// `POST /api/v1/nuisance-reports`.
    Nuisance,
    /// `POST /api/v1/inbound-email` (the receiving mail server's pipe).
    Mail,
    /// Read-only data feeds for partners: `GET /api/v1/nuisance-numbers`.
    Feeds,
}

impl Scope {
    pub const ALL: [Scope; 4] = [Scope::Cases, Scope::Nuisance, Scope::Mail, Scope::Feeds];

    /// The name used in `PORTAL_API_KEYS` and in 403 answers.
    pub fn code(self) -> &'static str {
        match self {
            Scope::Cases => "cases",
            Scope::Nuisance => "nuisance",
            Scope::Mail => "mail",
            Scope::Feeds => "feeds",
        }
    }

    pub fn from_code(code: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|scope| scope.code() == code)
    }
}

/// One key: its name (kept with what it hands in), secret and scopes.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey {
    pub name: String,
    pub secret: String,
    pub scopes: Vec<Scope>,
}

/// Never prints the secret (the configuration is logged with `{:?}` in places).
impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiKey")
            .field("name", &self.name)
            .field("secret", &"…")
            .field("scopes", &self.scopes)
            .finish()
    }
}

/// The configured keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ApiKeys(pub Vec<ApiKey>);

/// The documented key that works in development mode only.
pub const SANDBOX_API_KEY: &str = "local-development-key";

/// The shortest secret accepted.
const MIN_SECRET_CHARS: usize = 16;

/// What a request's key amounts to for one scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access<'k> {
    /// No key, or not one of ours: 401.
    Unknown,
    /// A known key without the scope: 403.
    Forbidden(&'k str),
    /// A known key with the scope; its name.
    Allowed(&'k str),
}

impl ApiKeys {
    /// The sandbox key with every scope (development mode, and tests).
    pub fn sandbox() -> ApiKeys {
        ApiKeys(vec![ApiKey {
            name: "sandbox".to_owned(),
            secret: SANDBOX_API_KEY.to_owned(),
            scopes: Scope::ALL.to_vec(),
        }])
    }

    /// Parses `name:scopes:secret,…` (scopes joined by `+`).
    pub fn parse(text: &str) -> anyhow::Result<ApiKeys> {
        let mut keys: Vec<ApiKey> = Vec::new();
        for entry in text.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            let mut parts = entry.splitn(3, ':').map(str::trim);
            let (Some(name), Some(scopes), Some(secret)) =
                (parts.next(), parts.next(), parts.next())
            else {
                bail!(
                    "PORTAL_API_KEYS: each entry is name:scopes:secret, the scopes joined by + \
                     (cases, nuisance, mail, feeds), e.g. helpline:cases+nuisance:SECRET; \
                     the old name:secret form is no longer accepted"
                );
            };
            if name.is_empty() {
                bail!("PORTAL_API_KEYS: an entry has no name");
            }
            let scopes = scopes
                .split('+')
                .map(str::trim)
                .map(|code| {
                    Scope::from_code(code).ok_or_else(|| {
                        anyhow::anyhow!(
                            "PORTAL_API_KEYS: the key {name} has the unknown scope {code:?} \
                             (use cases, nuisance, mail or feeds, joined by +)"
                        )
                    })
                })
                .collect::<anyhow::Result<Vec<Scope>>>()?;
            if secret.chars().count() < MIN_SECRET_CHARS {
                bail!("PORTAL_API_KEYS: the secret for {name} is shorter than 16 characters");
            }
            if keys.iter().any(|key| key.name == name) {
                bail!("PORTAL_API_KEYS: the name {name} is used twice");
            }
            if keys.iter().any(|key| key.secret == secret) {
                bail!("PORTAL_API_KEYS: the secret for {name} is used by another key");
            }
            keys.push(ApiKey {
                name: name.to_owned(),
                secret: secret.to_owned(),
                scopes,
            });
        }
        if keys.is_empty() {
            bail!("PORTAL_API_KEYS is set but names no key");
        }
        Ok(ApiKeys(keys))
    }

    /// The keys from `PORTAL_API_KEYS`, or the sandbox key in development mode
    /// (`PORTAL_DEVELOPMENT=true`); an error (the portal does not start) otherwise. `var` looks a
    /// variable up (empty values count as unset).
    pub fn from_lookup(var: impl Fn(&str) -> Option<String>) -> anyhow::Result<ApiKeys> {
        let var = |name: &str| var(name).filter(|v| !v.trim().is_empty());
        let development = match var("PORTAL_DEVELOPMENT") {
            Some(value) => super::parse_bool(&value)
                .map_err(|error| anyhow::anyhow!("PORTAL_DEVELOPMENT: {error}"))?,
            None => false,
        };
        match var("PORTAL_API_KEYS") {
            Some(text) => {
                let keys = ApiKeys::parse(&text)?;
                if !development && keys.0.iter().any(|key| key.secret == SANDBOX_API_KEY) {
                    bail!(
                        "PORTAL_API_KEYS: the documented sandbox key is for development only \
                         (PORTAL_DEVELOPMENT=true)"
                    );
                }
                Ok(keys)
            }
            None if development => {
                tracing::warn!(
                    "development mode: PORTAL_API_KEYS is not set, so the API accepts the \
                     documented sandbox key with every scope (never in production)"
                );
                Ok(ApiKeys::sandbox())
            }
            None => bail!(
                "PORTAL_API_KEYS is not set: configure the API keys (name:scopes:secret, e.g. \
                 helpline:cases+nuisance:SECRET,mta:mail:SECRET), or set PORTAL_DEVELOPMENT=true \
                 to run with the documented sandbox key"
            ),
        }
    }

    /// What `secret` may do for `scope`, comparing secrets in constant time.
    pub fn access(&self, secret: Option<&str>, scope: Scope) -> Access<'_> {
        let Some(secret) = secret else {
            return Access::Unknown;
        };
        // Every key is compared, so the time does not say which one matched.
        let mut found = None;
        for key in &self.0 {
            if constant_time_eq(key.secret.as_bytes(), secret.as_bytes()) && found.is_none() {
                found = Some(key);
            }
        }
        match found {
            None => Access::Unknown,
            Some(key) if key.scopes.contains(&scope) => Access::Allowed(&key.name),
            Some(key) => Access::Forbidden(&key.name),
        }
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn lookup(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        move |name| map.get(name).cloned()
    }

    const TWO: &str = "helpline:cases+nuisance:helpline-secret-0001,mta:mail:mta-secret-00000001";

    #[test]
    fn without_keys_or_development_mode_the_portal_does_not_start() {
        let error = ApiKeys::from_lookup(lookup(&[])).unwrap_err().to_string();
        assert!(error.contains("PORTAL_API_KEYS is not set"), "{error}");
        assert!(error.contains("PORTAL_DEVELOPMENT=true"), "{error}");
        let error = ApiKeys::from_lookup(lookup(&[("PORTAL_DEVELOPMENT", "false")]));
        assert!(error.is_err());
        assert!(ApiKeys::from_lookup(lookup(&[("PORTAL_API_KEYS", "  ")])).is_err());
    }

    #[test]
    fn development_mode_asked_for_gives_the_sandbox_key_with_every_scope() {
        let keys = ApiKeys::from_lookup(lookup(&[("PORTAL_DEVELOPMENT", "true")])).unwrap();
        assert_eq!(keys, ApiKeys::sandbox());
        for scope in Scope::ALL {
            assert_eq!(
                keys.access(Some(SANDBOX_API_KEY), scope),
                Access::Allowed("sandbox")
            );
        }
        assert!(ApiKeys::from_lookup(lookup(&[("PORTAL_DEVELOPMENT", "maybe")])).is_err());
    }

    #[test]
    fn configured_keys_win_and_the_sandbox_secret_is_refused_outside_development() {
        let keys = ApiKeys::from_lookup(lookup(&[
            ("PORTAL_API_KEYS", TWO),
            ("PORTAL_DEVELOPMENT", "true"),
        ]))
        .unwrap();
        assert_eq!(
            keys.access(Some(SANDBOX_API_KEY), Scope::Cases),
            Access::Unknown
        );
        let sandbox = "dev:cases:local-development-key";
        assert!(ApiKeys::from_lookup(lookup(&[("PORTAL_API_KEYS", sandbox)])).is_err());
        assert!(ApiKeys::from_lookup(lookup(&[
            ("PORTAL_API_KEYS", sandbox),
            ("PORTAL_DEVELOPMENT", "yes")
        ]))
        .is_ok());
    }

    #[test]
    fn scopes_decide_what_a_key_may_call() {
        let keys = ApiKeys::parse(TWO).unwrap();
        assert_eq!(
            keys.access(Some("helpline-secret-0001"), Scope::Cases),
            Access::Allowed("helpline")
        );
        assert_eq!(
            keys.access(Some("helpline-secret-0001"), Scope::Mail),
            Access::Forbidden("helpline")
        );
        assert_eq!(
            keys.access(Some("mta-secret-00000001"), Scope::Mail),
            Access::Allowed("mta")
        );
        assert_eq!(
            keys.access(Some("mta-secret-00000001"), Scope::Nuisance),
            Access::Forbidden("mta")
        );
        assert_eq!(keys.access(Some("nope"), Scope::Cases), Access::Unknown);
        assert_eq!(keys.access(None, Scope::Cases), Access::Unknown);
    }

    #[test]
    fn bad_entries_are_refused_with_what_to_write() {
        for (text, says) in [
            ("helpline:helpline-secret-0001", "name:scopes:secret"),
            ("helpline:cases+calls:helpline-secret-0001", "unknown scope"),
            ("helpline:cases:short", "shorter than 16"),
            (":cases:helpline-secret-0001", "no name"),
            (
                "a:cases:helpline-secret-0001,a:mail:other-secret-000001",
                "used twice",
            ),
            (
                "a:cases:helpline-secret-0001,b:mail:helpline-secret-0001",
                "another key",
            ),
            (",", "names no key"),
        ] {
            let error = ApiKeys::parse(text).unwrap_err().to_string();
            assert!(error.contains(says), "{text}: {error}");
        }
        // A secret may contain colons.
        let keys = ApiKeys::parse("a:feeds:with:colons:0123456789").unwrap();
        assert_eq!(keys.0[0].secret, "with:colons:0123456789");
        assert_eq!(keys.0[0].scopes, [Scope::Feeds]);
    }

    #[test]
    fn the_debug_form_hides_secrets() {
        let shown = format!("{:?}", ApiKeys::parse(TWO).unwrap());
        assert!(!shown.contains("secret-0001"), "{shown}");
        assert!(shown.contains("helpline"));
    }
}
