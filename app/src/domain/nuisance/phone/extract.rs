//! Finding the phone numbers quoted in a message's text (server only): "To claim call
//! 09061701461", "Call The Mobile Update Co FREE on 08002986030", "Text FA to 87121".

use super::runs::read_groups;
use super::{compact_number, is_short_code, parse_phone_number, PhoneNumber};

/// The words after which a bare 4–6 digit number is read as an SMS short code ("text STOP to
/// 87121"); elsewhere such a number is an amount, a year or a claim code.
const SHORT_CODE_CUES: [&str; 7] = ["to", "text", "txt", "send", "sms", "reply", "on"];

/// Every distinct phone number and short code quoted in `text`, in order of first appearance.
///
/// A number is a run of digits with the separators people use (spaces, dashes, dots, brackets)
/// and an optional leading `+`, of at least 10 digits, that [`parse_phone_number`] accepts; runs
/// holding two numbers side by side are split. A short code needs a cue word before it.
pub fn extract_numbers(text: &str) -> Vec<PhoneNumber> {
    let mut found: Vec<PhoneNumber> = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let starts_run = chars[i].is_ascii_digit()
            || (chars[i] == '+' && chars.get(i + 1).is_some_and(char::is_ascii_digit));
        if !starts_run {
            i += 1;
            continue;
        }
        let start = i;
        let groups = read_groups(&chars, &mut i);
        let preceded_by_cue = previous_word(&chars, start)
            .is_some_and(|word| SHORT_CODE_CUES.contains(&word.as_str()));
        for number in numbers_in_groups(&groups, preceded_by_cue) {
            if !found.contains(&number) {
                found.push(number);
            }
        }
    }
    found
}

/// Splits a run of digit groups into numbers: from each group, the longest span of groups (at
/// most 6) that parses as a number of 10 digits or more (or a cued short code).
fn numbers_in_groups(groups: &[String], cued: bool) -> Vec<PhoneNumber> {
    let mut numbers = Vec::new();
    let mut from = 0;
    while from < groups.len() {
        let mut taken = None;
        // A number is written in at most 6 groups (`+44 (0) 20 7946 0123` is 5).
        let last = groups.len().min(from + 6);
        for to in (from..last).rev() {
            let candidate: String = groups[from..=to].concat();
            if let Some(number) = number_in(&candidate, cued && from == 0 && to == 0) {
                taken = Some((to, number));
                break;
            }
        }
        match taken {
            Some((to, number)) => {
                numbers.push(number);
                from = to + 1;
            }
            None => from += 1,
        }
    }
    numbers
}

fn number_in(candidate: &str, cued: bool) -> Option<PhoneNumber> {
    let compact = compact_number(candidate)?;
    let digits = compact.trim_start_matches('+').len();
    if is_short_code(&compact) {
        return if cued {
            parse_phone_number(&compact).ok()
        } else {
            None
        };
    }
    if !(10..=15).contains(&digits) {
        return None;
    }
    parse_phone_number(&compact).ok()
}

/// The alphabetic word just before `at`, lower-cased.
fn previous_word(chars: &[char], at: usize) -> Option<String> {
    let before: String = chars[at.saturating_sub(40)..at].iter().collect();
    let word = before
        .trim_end_matches(|c: char| c.is_whitespace() || c == ':')
        .rsplit(|c: char| !c.is_alphabetic())
        .next()?;
    (!word.is_empty()).then(|| word.to_lowercase())
}
