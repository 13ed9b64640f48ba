//! What counts as English on a Welsh page: the catalogue's English where its Welsh differs, the
//! signpost directory's English where it gives Welsh, common words of a form, and times written
//! the English way.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::html::squash;

/// Words of a form that are English wherever they appear whole.
pub const ENGLISH_WORDS: &[&str] = &[
    "Continue",
    "Back",
    "Change",
    "Submit",
    "Send",
    "Yes",
    "No",
    "Start now",
    "Start again",
    "There is a problem",
    "Check your answers",
    "Save and continue",
    "Save and come back later",
    "Cancel",
    "Remove",
    "Add another",
    "Search",
    "Next",
    "Previous",
    "Day",
    "Month",
    "Year",
    "Hour",
    "Minute",
    "Error:",
    "(optional)",
    "Optional",
    "Skip to main content",
    "Print this page",
    "Download",
    "Menu",
    "Home",
    "Cookies",
    "Privacy",
    "Contact us",
    "Accessibility statement",
    "I'm not sure",
    "I do not know",
    "Email address",
    "Phone number",
    "Full name",
];

/// The English texts no Welsh page may show: each English message whose Welsh differs (and is
/// not Welsh text elsewhere), less the keys `cy-same.txt` allows.
pub fn english_only() -> BTreeMap<String, String> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../app/locales");
    let read = |lang: &str| -> HashMap<String, String> {
        let mut all = HashMap::new();
        let mut files = vec![format!("{root}/{lang}.json")];
        for entry in std::fs::read_dir(format!("{root}/{lang}")).unwrap() {
            files.push(entry.unwrap().path().display().to_string());
        }
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            let map: HashMap<String, String> = serde_json::from_str(&text).unwrap();
            all.extend(map);
        }
        all
    };
    let english = read("en");
    let welsh = read("cy");
    let same: BTreeSet<String> = std::fs::read_to_string(format!("{root}/cy-same.txt"))
        .unwrap()
        .lines()
        .map(|line| line.split('#').next().unwrap_or_default().trim().to_owned())
        .filter(|key| !key.is_empty())
        .collect();
    let welsh_texts: BTreeSet<String> = welsh.values().map(|text| squash(text)).collect();
    let mut out = BTreeMap::new();
    for (key, text) in &english {
        let text = squash(text);
        let welsh_text = welsh.get(key).map(|w| squash(w));
        let differs = welsh_text.as_deref() != Some(text.as_str());
        let has_letters = text.chars().filter(|c| c.is_alphabetic()).count() > 1;
        if differs
            && has_letters
            && !same.contains(key)
            && !text.contains('{')
            && !welsh_texts.contains(&text)
        {
            out.insert(text, key.clone());
        }
    }
    // The signpost directory's words, where it gives them in Welsh.
    let directory: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{root}/../data/signposts.json")).unwrap(),
    )
    .unwrap();
    for contact in directory["contacts"].as_array().unwrap() {
        for field in ["name", "helps_with", "how"] {
            let english = contact[field].as_str().map(squash);
            let welsh = contact[format!("{field}_cy")].as_str().map(squash);
            if let (Some(english), Some(welsh)) = (english, welsh) {
                if english != welsh {
                    out.insert(english, format!("signposts.json {field}"));
                }
            }
        }
    }
    for word in ENGLISH_WORDS {
        if !welsh_texts.contains(*word) {
            out.entry((*word).to_owned())
                .or_insert_with(|| "a common English word".to_owned());
        }
    }
    out
}

/// Whether `text` has a time written the English way: "9:30am", "12:00pm".
pub fn english_time(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(4).enumerate().any(|(at, w)| {
        w[0].is_ascii_digit()
            && (w[1] == 'a' || w[1] == 'p')
            && w[2] == 'm'
            && !w[3].is_alphabetic()
            && at >= 2
    }) || text.ends_with("am") && chars.len() > 3 && chars[chars.len() - 3].is_ascii_digit()
        || text.ends_with("pm") && chars.len() > 3 && chars[chars.len() - 3].is_ascii_digit()
}
