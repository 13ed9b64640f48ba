//! The one i18n layer every user-facing string goes through.
//!
//! Messages live in `app/locales/<lang>.json` (the assistant and common words) and
//! `app/locales/<lang>/<area>.json` (one per part of the service), each a flat map from key to text;
//! `{name}` marks a placeholder. A key must be unique across the files of a language. English is complete; Welsh falls back to English key by key until translated. A
//! missing key shows the key itself (and a unit test checks that every key the code uses exists).

use std::collections::HashMap;
use std::sync::OnceLock;

/// A language the portal speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Cy,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Cy => "cy",
        }
    }

    /// The language a code names (`en`, `cy`), if it is one the portal speaks.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "cy" => Some(Lang::Cy),
            _ => None,
        }
    }

    /// The other language: what the language switch offers.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Cy,
            Lang::Cy => Lang::En,
        }
    }
}

/// The cookie that remembers the language a person chose (its value a [`Lang::code`]).
pub const LANG_COOKIE: &str = "lang";

/// The language of the page being drawn: the one the app's root put in context for this
/// request ([`provide_request_lang`]), else the request's own choice, else English.
pub fn current_lang() -> Lang {
    if let Some(lang) = leptos::prelude::use_context::<Lang>() {
        return lang;
    }
    #[cfg(feature = "ssr")]
    if let Some(parts) = leptos::prelude::use_context::<http::request::Parts>() {
        return request_lang(&parts);
    }
    Lang::default()
}

/// The language a request asks for: staff screens are English (their words are for staff);
/// a public page is in the language of the person's `lang` cookie, if any.
#[cfg(feature = "ssr")]
pub fn request_lang(parts: &http::request::Parts) -> Lang {
    if parts.uri.path() == "/staff" || parts.uri.path().starts_with("/staff/") {
        return Lang::En;
    }
    headers_lang(
        &parts.headers,
        crate::server_fns::cookie::secure_in_context(),
    )
}

/// The language of a public request's `lang` cookie, for a handler outside the app (a download
/// drawn by axum alone, where there is no page context).
#[cfg(feature = "ssr")]
pub fn headers_lang(headers: &http::HeaderMap, secure: bool) -> Lang {
    crate::server_fns::cookie::cookie_value(headers, LANG_COOKIE, secure)
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default()
}

/// Writes something away from a page (an email, a download) in `lang`: every `t()` and date
/// inside reads it from the context.
pub fn in_language<T>(lang: Lang, write: impl FnOnce() -> T) -> T {
    leptos::prelude::Owner::new().with(|| {
        leptos::prelude::provide_context(lang);
        write()
    })
}

/// Puts this request's language in context at the app's root, so every `t()` below reads it
/// once rather than the request's cookies each time.
#[cfg(feature = "ssr")]
pub fn provide_request_lang() {
    let lang = current_lang();
    leptos::prelude::provide_context(lang);
}

type Catalogue = HashMap<String, String>;

/// One language's message files, in the order they are merged.
macro_rules! catalogue_files {
    ($lang:literal) => {
        [
            include_str!(concat!("../locales/", $lang, ".json")),
            include_str!(concat!("../locales/", $lang, "/staff.json")),
            include_str!(concat!("../locales/", $lang, "/nuisance.json")),
            include_str!(concat!("../locales/", $lang, "/breach.json")),
            include_str!(concat!("../locales/", $lang, "/casework.json")),
            include_str!(concat!("../locales/", $lang, "/helpline.json")),
            include_str!(concat!("../locales/", $lang, "/intelligence.json")),
            include_str!(concat!("../locales/", $lang, "/workflow.json")),
            include_str!(concat!("../locales/", $lang, "/case.json")),
            include_str!(concat!("../locales/", $lang, "/info.json")),
            include_str!(concat!("../locales/", $lang, "/track.json")),
        ]
    };
}

const ENGLISH_FILES: [&str; 11] = catalogue_files!("en");
const WELSH_FILES: [&str; 11] = catalogue_files!("cy");

fn parse(files: &[&str]) -> Catalogue {
    files
        .iter()
        .flat_map(|json| serde_json::from_str::<Catalogue>(json).unwrap_or_default())
        .collect()
}

fn english() -> &'static Catalogue {
    static EN: OnceLock<Catalogue> = OnceLock::new();
    EN.get_or_init(|| parse(&ENGLISH_FILES))
}

fn welsh() -> &'static Catalogue {
    static CY: OnceLock<Catalogue> = OnceLock::new();
    CY.get_or_init(|| parse(&WELSH_FILES))
}

/// The message for `key` in `lang`, falling back to English, then to the key.
pub fn t_in(lang: Lang, key: &str) -> String {
    let found = match lang {
        Lang::Cy => welsh().get(key).or_else(|| english().get(key)),
        Lang::En => english().get(key),
    };
    found.cloned().unwrap_or_else(|| key.to_owned())
}

/// The message for `key` in the language of the page being drawn ([`current_lang`]).
pub fn t(key: &str) -> String {
    t_in(current_lang(), key)
}

/// Whether a message exists for `key` (used to choose a route-specific wording).
pub fn has(key: &str) -> bool {
    english().contains_key(key)
}

/// The first of `keys` that has a message, e.g. a route-specific label before the general one.
pub fn t_first(keys: &[&str]) -> String {
    keys.iter()
        .find(|key| has(key))
        .map(|key| t(key))
        .unwrap_or_else(|| keys.last().map(|k| (*k).to_owned()).unwrap_or_default())
}

/// The message for `key` with each `{name}` replaced by its value.
pub fn tf(key: &str, args: &[(&str, &str)]) -> String {
    fill(&t(key), args)
}

mod article;
#[cfg(test)]
mod coverage;
mod switch;
pub use article::a_or_an;
pub use switch::{safe_back, switch_href, SWITCH_PATH};

/// Replaces each `{name}` in `text` by its value.
pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
    args.iter().fold(text.to_owned(), |text, (name, value)| {
        text.replace(&format!("{{{name}}}"), value)
    })
}

/// A date as people in the UK write it, in the page's language: "5 January 2026", "5 Ionawr 2026".
pub fn long_date(date: chrono::NaiveDate) -> String {
    long_date_in(current_lang(), date)
}

/// A date as [`long_date`] writes it, in `lang` (for emails and letters, written away from a page).
pub fn long_date_in(lang: Lang, date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let month = t_in(lang, &format!("month.{}", date.month()));
    format!("{} {} {}", date.day(), month, date.year())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used, clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_catalogues_parse() {
        assert!(english().len() > 100);
        let _ = welsh();
    }

    /// Every message file is valid JSON and no key is defined twice across a language's files.
    #[test]
    fn every_file_parses_and_no_key_is_defined_twice() {
        for files in [ENGLISH_FILES, WELSH_FILES] {
            let mut seen = std::collections::HashSet::new();
            for json in files {
                let catalogue: Catalogue = serde_json::from_str(json).expect("valid JSON");
                for key in catalogue.keys() {
                    assert!(seen.insert(key.clone()), "{key} is defined twice");
                }
            }
        }
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            fill("Due by {date}", &[("date", "1 May 2026")]),
            "Due by 1 May 2026"
        );
    }

    #[test]
    fn a_long_date_reads_naturally() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        assert_eq!(long_date(date), "5 January 2026");
        assert_eq!(long_date_in(Lang::Cy, date), "5 Ionawr 2026");
        let december = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        assert_eq!(long_date_in(Lang::Cy, december), "7 Rhagfyr 2026");
    }

    #[test]
    fn the_language_in_context_is_the_one_t_speaks() {
        let owner = leptos::prelude::Owner::new();
        owner.with(|| {
            assert_eq!(t("common.back"), "Back");
            leptos::prelude::provide_context(Lang::Cy);
            assert_eq!(t("common.back"), "Yn ôl");
            assert_eq!(current_lang().other(), Lang::En);
        });
        assert_eq!(Lang::from_code("cy"), Some(Lang::Cy));
        assert_eq!(Lang::from_code("fr"), None);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn a_request_speaks_its_cookies_language_except_on_staff_screens() {
        let parts = |path: &str, cookie: &str| {
            http::Request::builder()
                .uri(path)
                .header(http::header::COOKIE, cookie)
                .body(())
                .unwrap()
                .into_parts()
                .0
        };
        assert_eq!(request_lang(&parts("/concern/about", "lang=cy")), Lang::Cy);
        assert_eq!(request_lang(&parts("/concern/about", "lang=xx")), Lang::En);
        assert_eq!(request_lang(&parts("/concern/about", "other=1")), Lang::En);
        assert_eq!(request_lang(&parts("/staff/cases", "lang=cy")), Lang::En);
        assert_eq!(request_lang(&parts("/staff", "lang=cy")), Lang::En);
        assert_eq!(request_lang(&parts("/staffing", "lang=cy")), Lang::Cy);
    }

    /// Every literal key passed to `t("…")`/`tf("…"` in the source exists in English.
    #[test]
    fn every_key_used_in_the_code_exists() {
        let mut missing = Vec::new();
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut stack = vec![std::path::PathBuf::from(root)];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                if path.ends_with("i18n.rs") {
                    continue; // this file's own examples
                }
                let text = std::fs::read_to_string(&path).unwrap();
                for key in literal_keys(&text) {
                    if !english().contains_key(&key) {
                        missing.push(format!("{}: {key}", path.display()));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "missing keys: {missing:#?}");
    }

    /// The string literals passed straight to `t(` or `tf(` (not `expect(`, `format(`, …).
    fn literal_keys(text: &str) -> Vec<String> {
        let mut keys = Vec::new();
        for opener in ["t(\"", "tf(\""] {
            let mut from = 0;
            while let Some(found) = text[from..].find(opener) {
                let at = from + found;
                from = at + opener.len();
                let before = text[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
                    continue;
                }
                let key = text[from..].split('"').next().unwrap_or_default();
                if !key.contains('{') {
                    keys.push(key.to_owned());
                }
            }
        }
        keys
    }
}
