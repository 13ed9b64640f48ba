use crate::domain::nuisance::{extract_numbers, NumberKind};

fn extracted(text: &str) -> Vec<String> {
    extract_numbers(text)
        .iter()
        .map(|n| n.canonical().to_owned())
        .collect()
}

#[test]
fn numbers_in_any_format_are_found_in_message_text() {
    assert_eq!(
        extracted("To claim call 09061701461. Claim code KL341. Valid 12 hours only."),
        ["+449061701461"]
    );
    assert_eq!(
        extracted("Call 0906 170 1461 or +44 (0)20 7946 0123, or 0800-298-6030!"),
        ["+449061701461", "+442079460123", "+448002986030"]
    );
}

#[test]
fn numbers_run_into_words_are_found() {
    assert_eq!(
        extracted("T&C's apply 08452810075over18's"),
        ["+448452810075"]
    );
    assert_eq!(extracted("CALL08000930705 NOW"), ["+448000930705"]);
}

#[test]
fn two_numbers_side_by_side_are_split() {
    assert_eq!(
        extracted("07732584351 08000930705"),
        ["+447732584351", "+448000930705"]
    );
}

#[test]
fn amounts_years_dates_and_codes_are_not_numbers() {
    assert!(extracted("Win £1500! Offer ends 5/9/03, code 45239, 150ppm, 2004 account").is_empty());
}

#[test]
fn short_codes_need_a_cue_word() {
    let numbers = extract_numbers("Text FA to 87121 to receive entry. Ref 83600");
    assert_eq!(numbers.len(), 1);
    assert_eq!(numbers[0].canonical(), "87121");
    assert_eq!(numbers[0].kind(), NumberKind::ShortCode);
    assert_eq!(extracted("Send GO to 83600 now"), ["83600"]);
}

#[test]
fn each_number_is_listed_once() {
    assert_eq!(
        extracted("Call 09061701461 now! 09061701461. Or 0906 170 1461"),
        ["+449061701461"]
    );
}
