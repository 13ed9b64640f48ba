use proptest::prelude::*;

use crate::domain::nuisance::{normalise_company, normalise_sender_id, Company};

#[test]
fn company_name_variants_group_under_one_key() {
    let key = normalise_company("Green Deal Energy Ltd");
    assert_eq!(key, "greendealenergy");
    for variant in [
        "GREEN-DEAL ENERGY LIMITED",
        "green deal energy (uk)",
        "Green Deal Energy UK Ltd.",
        "The Green Deal Energy Group PLC",
        "GreenDeal Energy",
        "  green   deal\tenergy  ",
        "Green Deal Energy LLP",
    ] {
        assert_eq!(normalise_company(variant), key, "{variant}");
    }
}

#[test]
fn ampersand_and_and_are_the_same_and_co_is_a_suffix() {
    assert_eq!(
        normalise_company("Smith & Jones"),
        normalise_company("Smith and Jones")
    );
    assert_eq!(normalise_company("Smith & Co"), "smith");
    assert_eq!(normalise_company("Smith and Co Ltd"), "smith");
}

#[test]
fn accents_are_folded() {
    assert_eq!(
        normalise_company("Énergie Café Ltd"),
        normalise_company("ENERGIE CAFE")
    );
    assert_eq!(normalise_company("Telefónica UK"), "telefonica");
    // Decomposed: e + combining acute.
    assert_eq!(normalise_company("Cafe\u{301} Limited"), "cafe");
}

#[test]
fn a_name_made_only_of_suffixes_keeps_one_word_and_punctuation_alone_is_empty() {
    assert_eq!(normalise_company("UK Ltd"), "uk");
    assert_eq!(normalise_company("& - ."), "");
    assert_eq!(Company::new("&"), None);
}

#[test]
fn sender_ids_group_regardless_of_case_and_punctuation() {
    assert_eq!(normalise_sender_id("GREEN-DEAL"), "greendeal");
    assert_eq!(normalise_sender_id("Green Deal"), "greendeal");
    assert_eq!(normalise_sender_id("green.deal"), "greendeal");
}

proptest! {
    #[test]
    fn normalising_a_company_twice_changes_nothing(name in "\\PC{0,40}") {
        let once = normalise_company(&name);
        prop_assert_eq!(normalise_company(&once), once);
    }

    #[test]
    fn normalising_a_sender_id_twice_changes_nothing(id in "\\PC{0,20}") {
        let once = normalise_sender_id(&id);
        prop_assert_eq!(normalise_sender_id(&once), once);
    }

    #[test]
    fn case_and_suffixes_never_change_a_company_key(
        words in proptest::collection::vec("[a-zA-Z]{2,8}", 1..4),
        suffix in prop::sample::select(vec!["", " Ltd", " Limited", " PLC", " (UK)", " Group", " & Co", " LLP"]),
    ) {
        let name = words.join(" ");
        // A generated word could itself be a suffix ("co"): compare like with like.
        let base = normalise_company(&name);
        let varied = format!("{}{}", name.to_uppercase(), suffix);
        prop_assume!(!base.is_empty());
        prop_assert_eq!(normalise_company(&format!("{base}{suffix}")), normalise_company(&base));
        prop_assert_eq!(normalise_company(&varied), normalise_company(&format!("{name}{suffix}")));
    }
}
