//! Properties of the check character: every single mistyped character and every swap of
//! neighbouring characters is caught, and suggestions find the reference meant.

use proptest::prelude::*;

use crate::domain::case::{likely_intended, Reference, ReferenceError, ALPHABET};

/// The ten characters after `IC` of a reference.
fn body(reference: &Reference) -> Vec<char> {
    reference
        .as_str()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .skip(2)
        .collect()
}

/// A reference written canonically from ten body characters.
fn written(body: &[char]) -> String {
    let digits: String = body[..6].iter().collect();
    let characters: String = body[6..].iter().collect();
    format!("IC-{digits}-{characters}")
}

/// The characters that may stand at `position` of the body.
fn allowed(position: usize) -> Vec<char> {
    if position < 6 {
        "0123456789".chars().collect()
    } else {
        ALPHABET.chars().collect()
    }
}

fn any_reference() -> impl Strategy<Value = Reference> {
    (0..=999_999u32, any::<[u8; 3]>())
        .prop_map(|(sequence, random)| Reference::generate(sequence, random))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_references_always_read_back(
        sequence in 0..=999_999u32,
        random in any::<[u8; 3]>(),
    ) {
        let reference = Reference::generate(sequence, random);
        prop_assert_eq!(Reference::parse(reference.as_str()), Ok(reference.clone()));
        let lower = reference.as_str().to_lowercase();
        prop_assert_eq!(Reference::parse(&lower), Ok(reference.clone()));
        prop_assert_eq!(reference.sequence(), sequence);
        prop_assert_eq!(reference.as_str().len(), 14);
    }

    #[test]
    fn every_single_substitution_is_caught_by_the_check_character(
        reference in any_reference(),
    ) {
        let original = body(&reference);
        for position in 0..10 {
            for replacement in allowed(position) {
                if replacement == original[position] {
                    continue;
                }
                let mut typo = original.clone();
                typo[position] = replacement;
                let read = Reference::parse(&written(&typo));
                prop_assert_eq!(read, Err(ReferenceError::CheckFailed));
            }
        }
    }

    #[test]
    fn every_swap_of_neighbouring_characters_is_caught(reference in any_reference()) {
        let original = body(&reference);
        for position in 1..10 {
            if original[position - 1] == original[position] {
                continue;
            }
            let mut typo = original.clone();
            typo.swap(position - 1, position);
            prop_assert!(Reference::parse(&written(&typo)).is_err(), "{}", written(&typo));
        }
    }

    #[test]
    fn suggestions_for_a_one_character_typo_include_the_reference_meant(
        reference in any_reference(),
        position in 0..10usize,
        pick in any::<prop::sample::Index>(),
        swap in any::<bool>(),
    ) {
        let original = body(&reference);
        let mut typo = original.clone();
        if swap && position > 0 {
            typo.swap(position - 1, position);
        } else {
            typo[position] = *pick.get(&allowed(position));
        }
        let suggestions = likely_intended(&written(&typo));
        prop_assert!(suggestions.contains(&reference), "{:?} for {}", suggestions, written(&typo));
        prop_assert!(suggestions.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn a_mistyped_reference_is_never_suggested_as_itself(
        reference in any_reference(),
        position in 0..10usize,
        pick in any::<prop::sample::Index>(),
    ) {
        let mut typo = body(&reference);
        typo[position] = *pick.get(&allowed(position));
        let typed = written(&typo);
        let suggestions = likely_intended(&typed);
        if Reference::parse(&typed).is_err() {
            prop_assert!(suggestions.iter().all(|s| s.as_str() != typed));
        } else {
            prop_assert_eq!(suggestions, vec![reference]);
        }
    }
}

/// The valid reference whose first nine body characters are `first_nine`, found by trying every
/// check character through the public API.
fn completed(first_nine: &[char]) -> Vec<char> {
    let mut body = first_nine.to_vec();
    body.push('2');
    for check in ALPHABET.chars() {
        body[9] = check;
        if Reference::parse(&written(&body)).is_ok() {
            return body;
        }
    }
    panic!("no check character completes {first_nine:?}");
}

/// The check is linear, so whether a typo is caught depends only on where it is and which
/// characters are involved: trying every position and every pair of characters on one base
/// reference covers every reference.
#[test]
fn every_possible_substitution_and_neighbour_swap_is_caught_exhaustively() {
    let base: Vec<char> = "123456ACE".chars().collect();
    let mut checked = 0;
    for position in 0..10 {
        let varied = position.min(8);
        for original in allowed(varied) {
            let mut prefix = base.clone();
            prefix[varied] = original;
            let valid = completed(&prefix);
            for replacement in allowed(position) {
                if replacement != valid[position] {
                    let mut typo = valid.clone();
                    typo[position] = replacement;
                    assert_eq!(
                        Reference::parse(&written(&typo)),
                        Err(ReferenceError::CheckFailed)
                    );
                    checked += 1;
                }
            }
            if position > 0 {
                for left in allowed(position - 1) {
                    let mut prefix = prefix.clone();
                    prefix[position - 1] = left;
                    let valid = completed(&prefix[..9]);
                    if valid[position - 1] != valid[position] {
                        let mut typo = valid.clone();
                        typo.swap(position - 1, position);
                        assert!(
                            Reference::parse(&written(&typo)).is_err(),
                            "{}",
                            written(&typo)
                        );
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked > 4_500, "{checked}");
}
