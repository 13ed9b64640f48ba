//! Whole-word, case-insensitive phrase matching for the sift.
//!
//! A text is split into words: runs of letters and digits, with apostrophes inside a word kept
//! (`children's`, `i'r`; a typographic apostrophe counts as `'`). Everything else (spaces,
//! punctuation, hyphens) only separates words, so `re-identified` is the two words `re identified`.
//!
//! A phrase is a list of word patterns separated by single spaces. A word pattern is one or more
//! alternatives separated by `|`; an alternative ending in `*` matches any word starting with it.
//! So `sold|selling my data|details` matches "Sold my data" and "selling my details", and
//! `snoop*` matches "snooping" but not "playsnoop".

/// A word of a text: its lower-case form and where it is in the text (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Word {
    /// Lower case, typographic apostrophes made plain.
    pub text: String,
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
}

/// Whether `c` is an apostrophe.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}')
}

/// The words of `text`, in order.
pub(super) fn words(text: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut current: Option<Word> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        let inner_apostrophe = is_apostrophe(c)
            && current.is_some()
            && chars
                .peek()
                .is_some_and(|&(_, next)| next.is_alphanumeric());
        if c.is_alphanumeric() || inner_apostrophe {
            let word = current.get_or_insert_with(|| Word {
                text: String::new(),
                start: offset,
                end: offset,
            });
            if inner_apostrophe {
                word.text.push('\'');
            } else {
                word.text.extend(c.to_lowercase());
            }
            word.end = offset + c.len_utf8();
        } else if let Some(word) = current.take() {
            words.push(word);
        }
    }
    words.extend(current);
    words
}

/// Whether `word` matches the word pattern `pattern` (alternatives separated by `|`).
fn word_matches(pattern: &str, word: &str) -> bool {
    pattern
        .split('|')
        .any(|alternative| match alternative.strip_suffix('*') {
            Some(prefix) => word.starts_with(prefix),
            None => word == alternative,
        })
}

/// Whether `phrase` matches the words starting at `words[0]`; the number of words if so.
fn phrase_at(phrase: &str, words: &[Word]) -> Option<usize> {
    let mut count = 0;
    for pattern in phrase.split(' ') {
        let word = words.get(count)?;
        if !word_matches(pattern, &word.text) {
            return None;
        }
        count += 1;
    }
    (count > 0).then_some(count)
}

/// The first place in `text` where one of `phrases` matches (earliest in the text; at the same
/// place, earliest in the list), as written in the text with its whitespace collapsed.
pub(super) fn first_match(text: &str, phrases: &[&str]) -> Option<String> {
    let words = words(text);
    (0..words.len()).find_map(|start| {
        let rest = words.get(start..)?;
        phrases.iter().find_map(|phrase| {
            let count = phrase_at(phrase, rest)?;
            let first = rest.first()?;
            let last = rest.get(count - 1)?;
            let written = text.get(first.start..last.end)?;
            Some(written.split_whitespace().collect::<Vec<_>>().join(" "))
        })
    })
}
