//! Names as words for search: each word of a name kept as a token, with its one-character
//! deletions (a SymSpell deletion neighbourhood) so that a word typed with one mistake (a letter
//! missed, added, changed, or two swapped) meets the stored word through an index lookup; the
//! candidates are then checked with a real (restricted) Damerau–Levenshtein distance, and ranked.
//!
//! Tokens: `w:<word>` for every word; `d:<word less one character>` for every word of
//! [`TYPO_MIN_CHARS`] characters or more that is not all digits. A query word `q` probes `w:q`
//! exactly, and for typos `d:q` (q is the stored word less one), `w:x` (the stored word is q less
//! one) and `d:x` (one changed or swapped: both less one meet), x ranging over q's deletions.

use std::cmp::Ordering;

/// Words shorter than this are matched exactly only (a typo in "lee" is another name).
pub const TYPO_MIN_CHARS: usize = 4;
/// Words longer than this are kept whole, without deletions (nobody's surname; an address).
const TYPO_MAX_CHARS: usize = 24;

/// The words of a name as search keeps them: lower case, apostrophes dropped ("O'Brien" is
/// "obrien"), split at anything that is not a letter or a digit, each once, in order.
pub fn name_words(name: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let cleaned: String = name
        .chars()
        .filter(|c| !matches!(c, '\'' | '’' | '`'))
        .collect::<String>()
        .to_lowercase();
    for word in cleaned.split(|c: char| !c.is_alphanumeric()) {
        if !word.is_empty() && !words.iter().any(|kept| kept == word) {
            words.push(word.to_owned());
        }
    }
    words
}

fn typo_tolerant(word: &str) -> bool {
    let length = word.chars().count();
    (TYPO_MIN_CHARS..=TYPO_MAX_CHARS).contains(&length) && !word.chars().all(|c| c.is_ascii_digit())
}

/// The word less each one of its characters, each once.
pub fn deletions(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut out: Vec<String> = Vec::with_capacity(chars.len());
    for skip in 0..chars.len() {
        let shorter: String = chars
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != skip)
            .map(|(_, c)| *c)
            .collect();
        if !out.contains(&shorter) {
            out.push(shorter);
        }
    }
    out
}

/// The exact token of a word.
pub fn exact_token(word: &str) -> String {
    format!("w:{word}")
}

/// Every token stored for a name (see the module's note), each once.
pub fn name_tokens(name: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    for word in name_words(name) {
        tokens.push(exact_token(&word));
        if typo_tolerant(&word) {
            tokens.extend(deletions(&word).into_iter().map(|d| format!("d:{d}")));
        }
    }
    let mut seen = std::collections::HashSet::new();
    tokens.retain(|token| seen.insert(token.clone()));
    tokens
}

/// The tokens that find a stored word one edit away from `word` (not `word` itself).
pub fn typo_tokens(word: &str) -> Vec<String> {
    let length = word.chars().count();
    if length + 1 < TYPO_MIN_CHARS || word.chars().all(|c| c.is_ascii_digit()) {
        return Vec::new();
    }
    let mut tokens = vec![format!("d:{word}")];
    if length >= TYPO_MIN_CHARS {
        for shorter in deletions(word) {
            tokens.push(exact_token(&shorter));
            tokens.push(format!("d:{shorter}"));
        }
    }
    let mut seen = std::collections::HashSet::new();
    tokens.retain(|token| seen.insert(token.clone()));
    tokens
}

/// The restricted Damerau–Levenshtein (optimal string alignment) distance, in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut rows = vec![0usize; (a.len() + 1) * width];
    for (j, cell) in rows.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        rows[i * width] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[(i - 1) * width + j] + 1)
                .min(rows[i * width + j - 1] + 1)
                .min(rows[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[(i - 2) * width + j - 2] + 1);
            }
            rows[i * width + j] = best;
        }
    }
    rows[a.len() * width + b.len()]
}

/// Whether a typed word may stand for a stored one with one mistake.
pub fn one_typo(typed: &str, stored: &str) -> bool {
    let longest = typed.chars().count().max(stored.chars().count());
    longest >= TYPO_MIN_CHARS
        && !stored.chars().all(|c| c.is_ascii_digit())
        && edit_distance(typed, stored) == 1
}

/// How well a found record answers the search, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Match {
    /// The case's reference.
    Reference,
    /// The email address or phone number, exactly.
    Contact,
    /// The whole name, word for word.
    WholeName,
    /// Every word typed is a word of the name.
    Words,
    /// Every word typed is a word of the name, or one mistake away from one.
    Typo,
    /// The name starts with what was typed.
    Start,
}

/// How a name answers the typed words (normalised as [`name_words`]), if it does at all.
pub fn name_match(typed: &str, name: &str) -> Option<Match> {
    let wanted = name_words(typed);
    let have = name_words(name);
    if wanted.is_empty() {
        return None;
    }
    if wanted == have {
        return Some(Match::WholeName);
    }
    if wanted.iter().all(|w| have.contains(w)) {
        return Some(Match::Words);
    }
    if wanted
        .iter()
        .all(|w| have.iter().any(|h| h == w || one_typo(w, h)))
    {
        return Some(Match::Typo);
    }
    let typed_name = super::normalise_name(typed);
    super::normalise_name(name)
        .starts_with(&typed_name)
        .then_some(Match::Start)
}

/// The order of results: the better match first, then the more recent case (`created_at`).
pub fn rank_order(a: (Match, i64), b: (Match, i64)) -> Ordering {
    a.0.cmp(&b.0).then(b.1.cmp(&a.1))
}

/// Which query word to look up first: the one on fewest parties (`counts`, as many as the
/// store counted, in the words' order), the longest among those; the others are checked
/// against the same party.
pub fn driving_word(words: &[String], counts: &[u64]) -> Option<usize> {
    words
        .iter()
        .enumerate()
        .min_by(|(i, a), (j, b)| {
            let count = |k: &usize| counts.get(*k).copied().unwrap_or(u64::MAX);
            count(i)
                .cmp(&count(j))
                .then(b.chars().count().cmp(&a.chars().count()))
                .then(i.cmp(j))
        })
        .map(|(i, _)| i)
}
