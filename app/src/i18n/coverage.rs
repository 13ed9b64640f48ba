//! Nothing English slips through (issue 20): each Welsh file carries exactly the keys of its
//! English file, with the same placeholders, and a Welsh text is the same as the English only
//! where it is a name, a code or a reference (the allow-list `app/locales/cy-same.txt`).

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::collections::{BTreeSet, HashMap};

use super::{Catalogue, ENGLISH_FILES, WELSH_FILES};

const FILE_NAMES: [&str; 11] = [
    "cy.json",
    "cy/staff.json",
    "cy/nuisance.json",
    "cy/breach.json",
    "cy/casework.json",
    "cy/helpline.json",
    "cy/intelligence.json",
    "cy/workflow.json",
    "cy/case.json",
    "cy/info.json",
    "cy/track.json",
];

/// Keys whose Welsh is rightly the same as the English (one per line; `#` starts a comment).
const SAME_IN_BOTH: &str = include_str!("../../locales/cy-same.txt");

fn parse(json: &str) -> Catalogue {
    serde_json::from_str(json).expect("valid JSON")
}

/// The `{names}` in a text. `{a}` (English's "a" or "an" before a code, see
/// [`super::a_or_an`]) is not counted: Welsh has no indefinite article.
fn placeholders(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        if &after[..close] != "a" {
            found.insert(after[..close].to_owned());
        }
        rest = &after[close + 1..];
    }
    found
}

/// Whether a text has letters outside its placeholders.
fn has_words(text: &str) -> bool {
    let mut inside = false;
    text.chars().any(|c| {
        match c {
            '{' => inside = true,
            '}' => inside = false,
            _ => {}
        }
        !inside && c.is_alphabetic()
    })
}

#[test]
fn every_key_is_in_both_languages_file_by_file() {
    assert_eq!(FILE_NAMES.len(), WELSH_FILES.len());
    let mut problems = Vec::new();
    for ((english, welsh), name) in ENGLISH_FILES.iter().zip(WELSH_FILES).zip(FILE_NAMES) {
        let (english, welsh) = (parse(english), parse(welsh));
        let mut missing: Vec<&String> =
            english.keys().filter(|k| !welsh.contains_key(*k)).collect();
        missing.sort();
        let mut extra: Vec<&String> = welsh.keys().filter(|k| !english.contains_key(*k)).collect();
        extra.sort();
        if !missing.is_empty() {
            problems.push(format!(
                "{name}: {} keys have no Welsh: {missing:?}",
                missing.len()
            ));
        }
        if !extra.is_empty() {
            problems.push(format!(
                "{name}: {} keys have no English: {extra:?}",
                extra.len()
            ));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn each_welsh_text_keeps_the_english_placeholders() {
    let english: HashMap<String, String> = ENGLISH_FILES.iter().flat_map(|f| parse(f)).collect();
    let mut problems = Vec::new();
    for file in WELSH_FILES {
        for (key, welsh) in parse(file) {
            if let Some(english) = english.get(&key) {
                if placeholders(english) != placeholders(&welsh) {
                    problems.push(format!("{key}: {english:?} / {welsh:?}"));
                }
            }
        }
    }
    problems.sort();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn a_welsh_text_is_the_english_only_where_allowed() {
    let allowed: BTreeSet<&str> = SAME_IN_BOTH
        .lines()
        .map(|line| line.split('#').next().unwrap_or_default().trim())
        .filter(|line| !line.is_empty())
        .collect();
    let english: HashMap<String, String> = ENGLISH_FILES.iter().flat_map(|f| parse(f)).collect();
    let mut problems = Vec::new();
    for file in WELSH_FILES {
        for (key, welsh) in parse(file) {
            // A text of placeholders and punctuation only ("{who}, {when}") has nothing to translate.
            let same =
                english.get(&key).is_some_and(|english| *english == welsh) && has_words(&welsh);
            if same && !allowed.contains(key.as_str()) {
                problems.push(format!("{key}: {welsh:?}"));
            }
        }
    }
    problems.sort();
    assert!(
        problems.is_empty(),
        "English left in the Welsh: {problems:#?}"
    );
    for key in &allowed {
        assert!(
            english.contains_key(*key),
            "cy-same.txt names {key}, which no longer exists"
        );
    }
}

#[test]
fn placeholders_are_read_from_braces() {
    assert_eq!(
        placeholders("{x} and {b}, {x}"),
        BTreeSet::from(["b".to_owned(), "x".to_owned()])
    );
    assert!(placeholders("none {").is_empty());
    assert!(placeholders("This is {a} {type} case").contains("type"));
    assert!(!placeholders("This is {a} {type} case").contains("a"));
    assert!(!has_words("{who}, {when}"));
    assert!(has_words("{n} times"));
}
