use crate::domain::nuisance::{
    compact_number, looks_like_phone_number, parse_phone_number, NumberKind,
};

fn parsed(text: &str) -> (String, NumberKind) {
    let number = parse_phone_number(text).unwrap_or_else(|e| panic!("{text}: {e}"));
    (number.canonical().to_owned(), number.kind())
}

#[test]
fn uk_national_and_international_formats_give_the_same_e164() {
    for written in [
        "07400 123456",
        "07400-123-456",
        "(07400) 123456",
        "+44 7400 123456",
        "+44 (0)7400 123456",
        "+44(0)7400123456",
        "0044 7400 123456",
        "00 44 7400 123 456",
        "447400123456",
        " 07400.123.456 ",
        "07400\u{a0}123456",
    ] {
        assert_eq!(
            parsed(written),
            ("+447400123456".into(), NumberKind::Mobile),
            "{written}"
        );
    }
}

#[test]
fn each_kind_of_uk_number_is_classified_from_the_metadata_examples() {
    // Example numbers of libphonenumber's GB metadata (shared/data/phone/gb-phone-metadata.json).
    let cases = [
        ("01212345678", NumberKind::Geographic),
        ("020 7946 0123", NumberKind::Geographic),
        ("07400123456", NumberKind::Mobile),
        ("08001234567", NumberKind::Freephone),
        ("0808 157 0192", NumberKind::Freephone),
        ("09012345678", NumberKind::PremiumRate),
        ("0909 879 0123", NumberKind::PremiumRate),
        ("0845 281 0075", NumberKind::Service),
        ("0871 918 0248", NumberKind::Service),
        ("07012345678", NumberKind::Personal),
        ("05612345678", NumberKind::Voip),
        ("07640123456", NumberKind::Pager),
        ("05512345678", NumberKind::Uan),
        ("0300 123 3333", NumberKind::Uan),
        ("03069 990123", NumberKind::Uan),
    ];
    for (written, kind) in cases {
        assert_eq!(parsed(written).1, kind, "{written}");
    }
}

#[test]
fn only_09_numbers_are_premium_rate() {
    assert!(parse_phone_number("09061701461").unwrap().is_premium_rate());
    assert!(!parse_phone_number("08719180248").unwrap().is_premium_rate());
    assert!(!parse_phone_number("08452810075").unwrap().is_premium_rate());
}

#[test]
fn short_codes_have_no_e164_form() {
    let code = parse_phone_number("87121").unwrap();
    assert_eq!(code.kind(), NumberKind::ShortCode);
    assert_eq!(code.canonical(), "87121");
    assert_eq!(code.e164(), None);
    assert!(code.is_uk());
    assert_eq!(parsed("7726").1, NumberKind::ShortCode);
}

#[test]
fn international_numbers_keep_their_country() {
    let (e164, kind) = parsed("+33 1 23 45 67 89");
    assert_eq!(e164, "+33123456789");
    assert_eq!(kind, NumberKind::Geographic);
    assert_eq!(
        parsed("0033 6 12 34 56 78"),
        ("+33612345678".into(), NumberKind::Mobile)
    );
    assert!(!parse_phone_number("+33123456789").unwrap().is_uk());
}

#[test]
fn drama_numbers_and_other_unallocated_numbers_parse_as_unknown() {
    // Ofcom's drama range: valid in form, invalid to libphonenumber, and it might be spoofed.
    assert_eq!(
        parsed("07700 900123"),
        ("+447700900123".into(), NumberKind::Unknown)
    );
}

#[test]
fn text_and_impossible_numbers_are_refused() {
    for junk in [
        "",
        "call me",
        "0800 FLOWERS",
        "123",
        "0",
        "+",
        "0740012345678901234",
        "07400 123456 ext 12",
        "<script>alert(1)</script>",
        "01",
        "++447400123456",
    ] {
        assert_eq!(
            parse_phone_number(junk),
            Err("nuisance.error.number.invalid"),
            "{junk}"
        );
    }
}

#[test]
fn the_browser_shape_check_and_compact_form() {
    assert_eq!(
        compact_number("+44 (0)20 7946 0123").as_deref(),
        Some("+442079460123")
    );
    assert_eq!(
        compact_number("0044 20 7946 0123").as_deref(),
        Some("+442079460123")
    );
    assert_eq!(compact_number("call 0800"), None);
    assert!(looks_like_phone_number("020 7946 0123"));
    assert!(looks_like_phone_number("87121"));
    assert!(!looks_like_phone_number("123"));
    assert!(!looks_like_phone_number("GreenDeal"));
}

#[test]
fn numbers_are_written_the_way_people_write_them() {
    use crate::domain::nuisance::written_number;
    for (typed, written) in [
        ("01614960733", "0161 496 0733"),
        ("07400123456", "07400 123456"),
        ("020 79460123", "020 7946 0123"),
        ("09061701461", "0906 170 1461"),
        ("+33123456789", "+33 1 23 45 67 89"),
        ("87121", "87121"),
    ] {
        let (canonical, _) = parsed(typed);
        assert_eq!(written_number(&canonical), written, "{typed}");
    }
}
