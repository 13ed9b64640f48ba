//! Every message key the rules can produce has English text in `app/locales/en/nuisance.json`,
//! and every label a page needs for the rules' codes is there too.

use std::collections::HashMap;

use crate::domain::nuisance::{
    Advice, Category, Channel, EmlError, Question, Relationship, YesNoUnsure,
};

fn english() -> HashMap<String, String> {
    serde_json::from_str(include_str!("../../../../locales/en/nuisance.json")).unwrap()
}

#[test]
fn every_code_has_a_label_and_every_advice_its_text() {
    let english = english();
    let mut missing = Vec::new();
    let mut check = |key: String| {
        if !english.contains_key(&key) {
            missing.push(key);
        }
    };
    Channel::codes()
        .iter()
        .for_each(|c| check(format!("nuisance.channel.{c}")));
    Category::codes()
        .iter()
        .for_each(|c| check(format!("nuisance.category.{c}")));
    Question::codes()
        .iter()
        .for_each(|c| check(format!("nuisance.question.{c}")));
    YesNoUnsure::codes()
        .iter()
        .for_each(|c| check(format!("nuisance.answer.{c}")));
    Relationship::codes()
        .iter()
        .for_each(|c| check(format!("nuisance.relationship.{c}")));
    Advice::all().iter().for_each(|a| check(a.message_key()));
    EmlError::all()
        .iter()
        .for_each(|e| check(e.message_key().to_owned()));
    assert!(missing.is_empty(), "{missing:#?}");
}

/// Every `"nuisance.…"` literal in the rules' source, and every key built from a field name and
/// a text problem, exists (the i18n test only sees keys passed straight to the translation function).
#[test]
fn every_error_key_in_the_source_exists() {
    let english = english();
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src/domain/nuisance");
    let mut missing = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(root)];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                if !path.ends_with("tests") {
                    stack.push(path);
                }
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for piece in text.split("\"nuisance.").skip(1) {
                let key = format!("nuisance.{}", piece.split('"').next().unwrap());
                if key.ends_with('.') || key.contains('{') {
                    continue; // built with format!: checked below
                }
                if !english.contains_key(&key) {
                    missing.push(format!("{}: {key}", path.display()));
                }
            }
        }
    }
    for field in ["message_text", "category_other"] {
        for problem in ["required", "too_long"] {
            let key = format!("nuisance.error.{field}.{problem}");
            if !english.contains_key(&key) {
                missing.push(key);
            }
        }
    }
    for field in ["company", "description", "name"] {
        let key = format!("nuisance.error.{field}.too_long");
        if !english.contains_key(&key) {
            missing.push(key);
        }
    }
    for part in ["day", "month", "year"] {
        let key = format!("nuisance.error.when.missing.{part}");
        if !english.contains_key(&key) {
            missing.push(key);
        }
    }
    for name in ["scam", "preference_service"] {
        let key = format!("nuisance.error.{name}.required");
        if !english.contains_key(&key) {
            missing.push(key);
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}
