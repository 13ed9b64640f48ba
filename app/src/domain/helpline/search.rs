//! Finding a case while the caller waits: what was typed read as a reference, an email address,
//! a phone number, or a name (of a person or an organisation), and each normalised as the
//! database keeps it (`parties.search_*`, migration 70; the words of names in `search_tokens`,
//! migration 80, see [`words`]) so index lookups answer.

#[cfg(test)]
mod tests;
mod words;

pub use words::{
    driving_word, edit_distance, exact_token, name_match, name_tokens, name_words, rank_order,
    typo_tokens, Match,
};

use serde::{Deserialize, Serialize};

/// The longest search kept.
pub const MAX_QUERY_CHARS: usize = 200;

code_enum! {
    /// What a search looks for.
    SearchKind {
        /// A case reference (`IC-123456-ABCD`), mistyped or not.
        Reference => "reference",
        /// An email address, exactly (case forgiven).
        Email => "email",
        /// A phone number, exactly (spaces, dashes, brackets and +44 forgiven).
        Phone => "phone",
        /// Any word of a person's name (or one mistake from one), or its start.
        Name => "name",
        /// Any word of an organisation's name (or one mistake from one), or its start.
        Organisation => "organisation",
        /// Any word of anybody's name, a person's or an organisation's: what the console reads
        /// a search as when no kind was chosen and it looks like neither a reference, an email
        /// address nor a phone number (not offered as a choice).
        Words => "words",
    }
}

/// A search as the store runs it: the kind and the normalised text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchQuery {
    pub kind: SearchKind,
    pub text: String,
}

/// Names as kept for search: lower case, single spaces, no surrounding space.
pub fn normalise_name(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Email addresses as kept for search: trimmed, lower case.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

/// Phone numbers as kept for search: digits only, a leading `+44` or `0044` read as `0`. Must
/// agree with the migration's SQL expression.
pub fn normalise_phone(phone: &str) -> String {
    let kept: String = phone
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '(' | ')' | '.'))
        .collect();
    if let Some(rest) = kept.strip_prefix("+44") {
        format!("0{rest}")
    } else if let Some(rest) = kept.strip_prefix("0044") {
        format!("0{rest}")
    } else {
        kept
    }
}

/// The smallest text greater than every text starting with `prefix` (for an index range
/// `>= prefix AND < prefix_end`), or `None` when there is none.
pub fn prefix_end(prefix: &str) -> Option<String> {
    let mut chars: Vec<char> = prefix.chars().collect();
    while let Some(last) = chars.pop() {
        let next = (u32::from(last) + 1..=u32::from(char::MAX)).find_map(char::from_u32);
        if let Some(next) = next {
            chars.push(next);
            return Some(chars.into_iter().collect());
        }
    }
    None
}

/// How the console reads what was typed; `None` when there is nothing to look for. `asked` is
/// the kind the adviser chose (`organisation`, or a kind to insist on), else it is guessed.
pub fn classify(typed: &str, asked: Option<SearchKind>) -> Option<SearchQuery> {
    let trimmed = typed.trim();
    if trimmed.is_empty() {
        return None;
    }
    let kind = asked.unwrap_or_else(|| guess(trimmed));
    let text = match kind {
        SearchKind::Reference => trimmed.to_owned(),
        SearchKind::Email => normalise_email(trimmed),
        SearchKind::Phone => normalise_phone(trimmed),
        SearchKind::Name | SearchKind::Organisation | SearchKind::Words => normalise_name(trimmed),
    };
    (!text.is_empty()).then_some(SearchQuery { kind, text })
}

fn guess(trimmed: &str) -> SearchKind {
    let upper = trimmed.to_uppercase();
    let digits = trimmed.chars().filter(char::is_ascii_digit).count();
    if upper.starts_with("IC") && digits >= 3 {
        SearchKind::Reference
    } else if trimmed.contains('@') {
        SearchKind::Email
    } else if digits >= 6
        && trimmed
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '+' | '.'))
    {
        SearchKind::Phone
    } else {
        SearchKind::Words
    }
}
