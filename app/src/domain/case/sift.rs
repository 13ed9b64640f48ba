//! The sift (manual §3): flags raised for the Advice Service to act on. A flag is never a
//! decision: staff read the case and decide.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::matcher::{first_match, words};
use super::routing::WorkQueue;
use super::sift_phrases::{
    CHILD_ABUSE_INQUIRY_PHRASES, CRIMINAL_BREACH_PHRASES, WELSH_FUNCTION_WORDS,
    WELSH_MIN_DISTINCT_WORDS, WELSH_MIN_SHARE_PERCENT,
};
use crate::i18n::{fill, t_in, Lang};

code_enum! {
    lenient
    /// What a sift flag is about.
    SiftFlagKind {
        /// A Welsh language case: add "Welsh language" to the case title and reply in Welsh.
        WelshLanguage => "welsh_language",
        /// Possibly relevant to the Independent Inquiry into Child Sexual Abuse: send the
        /// reference to Information Governance.
        ChildAbuseInquiry => "child_abuse_inquiry",
        /// A potential criminal breach: a 'provide advice' work item goes to the
        /// "DP - RAD Investigations (Any)" queue, checked within 3 working days.
        PotentialCriminalBreach => "potential_criminal_breach",
        /// The customer is a member of staff: an ECS shell case with no content and restricted
        /// access.
        StaffCase => "staff_case",
    }
}

impl SiftFlagKind {
    /// What the case title gets for this flag, if anything ("Welsh language").
    pub fn case_title_note(self) -> Option<&'static str> {
        match self {
            SiftFlagKind::WelshLanguage => Some("Welsh language"),
            _ => None,
        }
    }
}

/// A flag for staff: what it is about and, in plain words, which answer or phrase raised it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SiftFlag {
    /// What the flag is about.
    pub kind: SiftFlagKind,
    /// Which answer or phrase raised it, quoting no more than the matched phrase.
    pub reason: String,
}

impl SiftFlag {
    /// Whether the flag also needs a 'provide advice' work item for the investigations queue.
    pub fn creates_advice_work_item(&self) -> bool {
        self.kind == SiftFlagKind::PotentialCriminalBreach
    }

    /// The queue of the 'provide advice' work item, if the flag needs one.
    pub fn advice_work_item_queue(&self) -> Option<WorkQueue> {
        self.creates_advice_work_item()
            .then_some(WorkQueue::Investigations)
    }
}

/// One free text the customer wrote, and what to call it in a reason ("the summary").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiftText {
    pub label: String,
    pub text: String,
}

impl SiftText {
    pub fn new(label: impl Into<String>, text: impl Into<String>) -> Self {
        SiftText {
            label: label.into(),
            text: text.into(),
        }
    }

    /// A text named from the catalogue (`sift.text.<name>`, e.g. "the summary"), with its
    /// placeholders filled.
    pub fn named(name: &str, args: &[(&str, &str)], text: impl Into<String>) -> Self {
        SiftText::new(staff_words(&format!("sift.text.{name}"), args), text)
    }
}

/// Sift reasons are stored with the case for staff, whose screens are in English: they are
/// written from the catalogue in English whatever language the customer used.
fn staff_words(key: &str, args: &[(&str, &str)]) -> String {
    fill(&t_in(Lang::En, key), args)
}

/// What the sift looks at.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SiftInput {
    /// The customer asked for replies in Welsh.
    pub reply_in_welsh: bool,
    /// The customer's free texts (summary, timeline, etc.), in the order of the form, each
    /// with the words reasons name it by ("the summary").
    pub texts: Vec<SiftText>,
    /// The organisation's name as given.
    pub organisation_name: Option<String>,
    /// The customer is a member of the regulator's staff.
    pub customer_is_staff: bool,
}

/// The flags for a new case, at most one of each kind, in [`SiftFlagKind`] order.
///
/// - Welsh language: the customer asked for replies in Welsh, or a text reads as Welsh (see
///   [`WELSH_FUNCTION_WORDS`]).
/// - Child abuse inquiry: a text or the organisation name contains one of
///   [`CHILD_ABUSE_INQUIRY_PHRASES`].
/// - Potential criminal breach: a text contains one of [`CRIMINAL_BREACH_PHRASES`].
/// - Staff case: the customer is a member of staff. Other flags are still raised: they are as
///   restricted as the case itself.
///
/// A reason quotes the first match, texts in order.
pub fn sift(input: &SiftInput) -> Vec<SiftFlag> {
    let flag = |kind, reason: String| SiftFlag { kind, reason };
    let mut flags = Vec::new();
    if let Some(reason) = welsh_reason(input) {
        flags.push(flag(SiftFlagKind::WelshLanguage, reason));
    }
    let organisation = input
        .organisation_name
        .as_deref()
        .and_then(|name| first_match(name, CHILD_ABUSE_INQUIRY_PHRASES))
        .map(|phrase| staff_words("sift.reason.organisation_mentions", &[("phrase", &phrase)]));
    if let Some(reason) = phrase_reason(&input.texts, CHILD_ABUSE_INQUIRY_PHRASES).or(organisation)
    {
        flags.push(flag(SiftFlagKind::ChildAbuseInquiry, reason));
    }
    if let Some(reason) = phrase_reason(&input.texts, CRIMINAL_BREACH_PHRASES) {
        flags.push(flag(SiftFlagKind::PotentialCriminalBreach, reason));
    }
    if input.customer_is_staff {
        let reason = staff_words("sift.reason.staff", &[]);
        flags.push(flag(SiftFlagKind::StaffCase, reason));
    }
    flags
}

/// `text N mentions "phrase"` for the first text containing one of `phrases`.
fn phrase_reason(texts: &[SiftText], phrases: &[&str]) -> Option<String> {
    texts.iter().find_map(|text| {
        first_match(&text.text, phrases).map(|phrase| {
            staff_words(
                "sift.reason.mentions",
                &[("text", &text.label), ("phrase", &phrase)],
            )
        })
    })
}

/// Why the case is a Welsh language case, if it is.
fn welsh_reason(input: &SiftInput) -> Option<String> {
    if input.reply_in_welsh {
        return Some(staff_words("sift.reason.asked_welsh", &[]));
    }
    input.texts.iter().find_map(|text| {
        let used = welsh_words_used(&text.text)?;
        let quoted: Vec<String> = used.iter().take(3).map(|w| format!("\"{w}\"")).collect();
        Some(staff_words(
            "sift.reason.reads_welsh",
            &[("text", &text.label), ("words", &quoted.join(", "))],
        ))
    })
}

/// The distinct Welsh function words `text` uses, in first-use order, if it reads as Welsh.
fn welsh_words_used(text: &str) -> Option<Vec<&'static str>> {
    let words = words(text);
    let mut seen = BTreeSet::new();
    let mut used = Vec::new();
    let mut hits = 0;
    for word in &words {
        let shortened = || {
            let text = word.text.as_str();
            text.strip_suffix("'r").or_else(|| text.strip_suffix("'n"))
        };
        if let Some(known) = welsh_word(&word.text).or_else(|| shortened().and_then(welsh_word)) {
            hits += 1;
            if seen.insert(known) {
                used.push(known);
            }
        }
    }
    let enough_words = used.len() >= WELSH_MIN_DISTINCT_WORDS;
    let enough_share = hits * 100 >= words.len() * WELSH_MIN_SHARE_PERCENT;
    (enough_words && enough_share).then_some(used)
}

/// The Welsh function word `word` is, if it is one.
fn welsh_word(word: &str) -> Option<&'static str> {
    WELSH_FUNCTION_WORDS.iter().copied().find(|&w| w == word)
}
