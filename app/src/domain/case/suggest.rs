//! Suggestions for a mistyped case reference.

use std::collections::BTreeSet;

use super::alphabet::{self, ALPHABET, BODY, DIGITS};
use super::reference::{body_of, Reference};

/// Characters never used in the sequence digits, read as the digit they resemble.
const DIGIT_LOOK_ALIKES: &[(char, char)] = &[
    ('O', '0'),
    ('Q', '0'),
    ('D', '0'),
    ('I', '1'),
    ('L', '1'),
    ('Z', '2'),
    ('S', '5'),
    ('G', '6'),
    ('B', '8'),
];

/// Characters never used in the last group, read as the alphabet character they resemble.
const ALPHABET_LOOK_ALIKES: &[(char, char)] = &[('Z', '2'), ('S', '5'), ('G', '6'), ('B', '8')];

/// The character `c` probably stands for at `position`, when `c` is not allowed there.
fn look_alike(position: usize, c: char) -> Option<char> {
    let table = if position < DIGITS {
        DIGIT_LOOK_ALIKES
    } else {
        ALPHABET_LOOK_ALIKES
    };
    table
        .iter()
        .find(|(seen, _)| *seen == c)
        .map(|&(_, meant)| meant)
}

/// The characters allowed at `position`.
fn allowed(position: usize) -> impl Iterator<Item = char> {
    let candidates = if position < DIGITS {
        "0123456789"
    } else {
        ALPHABET
    };
    candidates.chars()
}

/// Every body one substitution or one swap of neighbours away from `body`.
fn one_edit_away(body: &[char]) -> Vec<Vec<char>> {
    let mut edits = Vec::new();
    for (position, &current) in body.iter().enumerate() {
        for replacement in allowed(position).filter(|&c| c != current) {
            let mut edit = body.to_vec();
            edit[position] = replacement;
            edits.push(edit);
        }
    }
    for position in 1..body.len() {
        if body[position - 1] != body[position] {
            let mut edit = body.to_vec();
            edit.swap(position - 1, position);
            edits.push(edit);
        }
    }
    edits
}

/// The references a person probably meant by `input`, sorted and without repeats.
///
/// `input` is read as [`Reference::parse`] reads it (case, whitespace and dashes forgiven). Then:
///
/// - a reference that checks out is returned alone;
/// - characters never used where they stand are read as their look-alike (`O`, `Q`, `D` as `0`,
///   `I` and `L` as `1`, `Z` as `2`, `S` as `5`, `G` as `6`, `B` as `8`); if that makes the
///   reference check out, it is returned alone;
/// - otherwise every valid reference one substituted character or one swap of neighbouring
///   characters away (from what was typed or from its look-alike reading) is returned.
///
/// Input that does not start with `IC` or does not have ten characters after it gives no
/// suggestions. Suggestions are for a person to confirm, never to be applied silently.
pub fn likely_intended(input: &str) -> Vec<Reference> {
    let Ok(typed) = body_of(input) else {
        return Vec::new();
    };
    if typed.len() != BODY {
        return Vec::new();
    }
    let read: Vec<char> = typed
        .iter()
        .enumerate()
        .map(|(position, &c)| {
            if alphabet::allowed_at(position, c) {
                c
            } else {
                look_alike(position, c).unwrap_or(c)
            }
        })
        .collect();
    if alphabet::is_valid(&read) {
        return vec![Reference::from_valid_body(&read)];
    }
    let found: BTreeSet<Reference> = one_edit_away(&typed)
        .into_iter()
        .chain(one_edit_away(&read))
        .filter(|body| alphabet::is_valid(body))
        .map(|body| Reference::from_valid_body(&body))
        .collect();
    found.into_iter().collect()
}
