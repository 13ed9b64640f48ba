//! Case references: generating, reading, and the errors a person sees.

use crate::domain::case::{likely_intended, Reference, ReferenceError, ALPHABET};

fn parse(text: &str) -> Result<Reference, ReferenceError> {
    Reference::parse(text)
}

#[test]
fn generated_references_match_the_documented_scheme() {
    assert_eq!(
        Reference::generate(295_703, [0, 0, 0]).as_str(),
        "IC-295703-222X"
    );
    assert_eq!(
        Reference::generate(295_703, [1, 2, 3]).as_str(),
        "IC-295703-CTRX"
    );
    assert_eq!(
        Reference::generate(42, [255, 255, 255]).as_str(),
        "IC-000042-WY52"
    );
    assert_eq!(
        Reference::generate(999_999, [0, 47, 11]).as_str(),
        "IC-999999-YPKP"
    );
}

#[test]
fn sequence_numbers_are_zero_padded_to_six_digits_and_read_back() {
    let reference = Reference::generate(42, [9, 9, 9]);
    assert!(reference.as_str().starts_with("IC-000042-"));
    assert_eq!(reference.sequence(), 42);
    assert_eq!(Reference::generate(295_703, [1, 2, 3]).sequence(), 295_703);
}

#[test]
fn sequence_numbers_beyond_six_digits_keep_their_last_six_digits() {
    assert_eq!(
        Reference::generate(1_000_042, [0, 0, 0]).as_str(),
        "IC-000042-2223"
    );
}

#[test]
fn the_alphabet_has_23_distinct_characters_and_no_look_alikes() {
    assert_eq!(ALPHABET.len(), 23);
    let mut chars: Vec<char> = ALPHABET.chars().collect();
    chars.dedup();
    assert_eq!(chars.len(), 23);
    for look_alike in "0O1ILDQUVBGSZ".chars() {
        assert!(
            !ALPHABET.contains(look_alike),
            "{look_alike} is in the alphabet"
        );
    }
}

#[test]
fn references_are_read_whatever_the_case_spacing_and_dashes() {
    let expected = parse("IC-295703-CTRX").unwrap();
    for written in [
        "ic-295703-ctrx",
        "  IC-295703-CTRX\n",
        "IC295703CTRX",
        "IC 295703 CTRX",
        "IC--295703--CTRX",
        "IC-295703CTRX",
        "IC\u{2013}295703\u{2014}CTRX",
        "Ic-295703-cTrX",
    ] {
        assert_eq!(parse(written), Ok(expected.clone()), "{written:?}");
    }
}

#[test]
fn each_way_of_being_wrong_has_its_own_error() {
    assert_eq!(parse("   "), Err(ReferenceError::Empty));
    assert_eq!(parse("--"), Err(ReferenceError::Empty));
    assert_eq!(parse("FS50470507"), Err(ReferenceError::MissingPrefix));
    assert_eq!(
        parse("IC-29570-CTRX"),
        Err(ReferenceError::WrongLength { found: 9 })
    );
    assert_eq!(
        parse("IC-2957033-CTRX"),
        Err(ReferenceError::WrongLength { found: 11 })
    );
    assert_eq!(
        parse("IC-2957O3-CTRX"),
        Err(ReferenceError::NotADigit {
            position: 5,
            found: 'O'
        })
    );
    assert_eq!(
        parse("IC-295703-CTRV"),
        Err(ReferenceError::NotInAlphabet {
            position: 4,
            found: 'V'
        })
    );
    assert_eq!(parse("IC-295703-CTRY"), Err(ReferenceError::CheckFailed));
}

#[test]
fn errors_explain_themselves_in_plain_words() {
    assert_eq!(
        ReferenceError::CheckFailed.to_string(),
        "the reference does not check out: a character is probably mistyped"
    );
    assert_eq!(
        ReferenceError::WrongLength { found: 9 }.to_string(),
        "a case reference has 6 digits and 4 characters after IC, not 9 characters"
    );
}

#[test]
fn older_regulator_references_do_not_pass_for_new_ones() {
    assert_eq!(
        parse("IC-295703-W9L0"),
        Err(ReferenceError::NotInAlphabet {
            position: 3,
            found: 'L'
        })
    );
    assert_eq!(
        parse("IC-84867-H4V1"),
        Err(ReferenceError::WrongLength { found: 9 })
    );
}

#[test]
fn references_display_and_serialize_as_their_canonical_text() {
    let reference = parse("ic295703ctrx").unwrap();
    assert_eq!(reference.to_string(), "IC-295703-CTRX");
    assert_eq!(reference.as_ref(), "IC-295703-CTRX");
    assert_eq!(
        serde_json::to_string(&reference).unwrap(),
        "\"IC-295703-CTRX\""
    );
    let read: Reference = serde_json::from_str("\"ic 295703 ctrx\"").unwrap();
    assert_eq!(read, reference);
    assert!(serde_json::from_str::<Reference>("\"IC-295703-CTRY\"").is_err());
    assert_eq!("IC-295703-CTRX".parse::<Reference>(), Ok(reference));
}

#[test]
fn a_reference_that_checks_out_is_its_own_only_suggestion() {
    let reference = parse("IC-295703-CTRX").unwrap();
    assert_eq!(likely_intended("ic 295703 ctrx"), vec![reference]);
}

#[test]
fn look_alike_letters_in_the_digits_are_read_as_the_digit_they_resemble() {
    let reference = parse("IC-000042-WY52").unwrap();
    assert_eq!(likely_intended("IC-OOOO42-WY52"), vec![reference.clone()]);
    assert!(likely_intended("IC-0000L2-WY52").contains(&reference));
    assert_eq!(likely_intended("IC-000042-WYS2"), vec![reference]);
}

#[test]
fn a_swap_across_the_dash_is_suggested_back() {
    let reference = parse("IC-999999-YPKP").unwrap();
    let suggestions = likely_intended("IC-99999Y-9PKP");
    assert!(suggestions.contains(&reference), "{suggestions:?}");
}

#[test]
fn suggestions_are_sorted_without_repeats_and_all_check_out() {
    let suggestions = likely_intended("IC-295703-CTRY");
    assert!(!suggestions.is_empty());
    assert!(suggestions.windows(2).all(|pair| pair[0] < pair[1]));
    for suggestion in &suggestions {
        assert_eq!(parse(suggestion.as_str()).as_ref(), Ok(suggestion));
    }
    assert!(suggestions.contains(&parse("IC-295703-CTRX").unwrap()));
}

#[test]
fn text_that_is_not_shaped_like_a_reference_gets_no_suggestions() {
    assert!(likely_intended("").is_empty());
    assert!(likely_intended("FS50470507").is_empty());
    assert!(likely_intended("IC-29570-CTRX").is_empty());
}
