//! The words of names: tokens, typo probes, the distance check and the ranking.

use proptest::prelude::*;

use super::*;

/// Whether the stored name's tokens meet the typed word's probes (exact or typo).
fn probes_meet(typed: &str, name: &str) -> bool {
    let stored = name_tokens(name);
    name_words(typed).iter().all(|word| {
        std::iter::once(exact_token(word))
            .chain(typo_tokens(word))
            .any(|probe| stored.contains(&probe))
    })
}

#[test]
fn names_are_split_into_words_each_with_its_deletions() {
    assert_eq!(
        name_words("  Leeds City-Council "),
        ["leeds", "city", "council"]
    );
    assert_eq!(name_words("Siobhan O'Brien"), ["siobhan", "obrien"]);
    let tokens = name_tokens("Alex Walker");
    assert!(tokens.contains(&"w:alex".to_owned()));
    assert!(tokens.contains(&"w:walker".to_owned()));
    assert!(tokens.contains(&"d:waker".to_owned()));
    assert!(tokens.contains(&"d:alx".to_owned()));
    // Short words and numbers are kept whole only.
    assert_eq!(name_tokens("Jo Lee 1234"), ["w:jo", "w:lee", "w:1234"]);
}

#[test]
fn one_mistake_is_forgiven_and_two_are_not() {
    for typed in ["wlaker", "walkr", "walkar", "walkers", "alker", "waalker"] {
        assert_eq!(edit_distance(typed, "walker"), 1, "{typed}");
        assert!(probes_meet(typed, "Alex Walker"), "{typed}");
        assert_eq!(
            name_match(typed, "Alex Walker"),
            Some(Match::Typo),
            "{typed}"
        );
    }
    assert_eq!(edit_distance("wlkar", "walker"), 2);
    assert_eq!(name_match("wlkar", "Alex Walker"), None);
    assert_eq!(
        name_match("lea", "Jo Lee"),
        None,
        "a short word is exact only"
    );
    assert_eq!(name_match("lee", "Jo Lee"), Some(Match::Words));
}

#[test]
fn matches_rank_exact_before_words_before_typos_then_recent_first() {
    assert_eq!(
        name_match("Alex Walker", "alex  walker"),
        Some(Match::WholeName)
    );
    assert_eq!(name_match("walker", "Alex Walker"), Some(Match::Words));
    assert_eq!(
        name_match("leeds city", "Leeds City Council"),
        Some(Match::Words)
    );
    assert_eq!(name_match("alex wal", "Alex Walker"), Some(Match::Start));
    assert_eq!(name_match("smith", "Alex Walker"), None);
    let mut found = vec![
        (Match::Typo, 5),
        (Match::Words, 1),
        (Match::Words, 3),
        (Match::Contact, 0),
        (Match::WholeName, 2),
    ];
    found.sort_by(|a, b| rank_order(*a, *b));
    assert_eq!(
        found,
        [
            (Match::Contact, 0),
            (Match::WholeName, 2),
            (Match::Words, 3),
            (Match::Words, 1),
            (Match::Typo, 5)
        ]
    );
    let words = name_words("leeds city council");
    assert_eq!(driving_word(&words, &[40, 90, 900]), Some(0), "the rarest");
    assert_eq!(
        driving_word(&words, &[7, 7, 900]),
        Some(0),
        "then the longest"
    );
    assert_eq!(
        driving_word(&words, &[900, 0, 7]),
        Some(1),
        "a typo is rarest"
    );
    assert_eq!(driving_word(&[], &[]), None);
}

fn word() -> impl Strategy<Value = String> {
    "[a-z]{4,12}"
}

proptest! {
    #[test]
    fn a_name_always_finds_itself(first in "[A-Za-z]{1,10}", last in "[A-Za-z'-]{1,14}") {
        let name = format!("{first} {last}");
        prop_assume!(!name_words(&name).is_empty());
        prop_assert!(probes_meet(&name, &name));
        prop_assert!(matches!(name_match(&name, &name), Some(Match::WholeName)));
        for each in name_words(&name) {
            prop_assert!(probes_meet(&each, &name));
            prop_assert!(name_match(&each, &name) <= Some(Match::Words));
        }
    }

    #[test]
    fn any_single_edit_of_a_long_word_finds_it(
        stored in word(),
        at in 0usize..13,
        with in "[a-z]",
        edit in 0u8..4,
    ) {
        let mut chars: Vec<char> = stored.chars().collect();
        let at = at % chars.len();
        let with = with.chars().next().unwrap_or('x');
        match edit {
            0 => { chars.remove(at); }
            1 => chars.insert(at, with),
            2 => chars[at] = with,
            _ => {
                let next = (at + 1).min(chars.len() - 1);
                chars.swap(at, next);
            }
        }
        let typed: String = chars.into_iter().collect();
        let name = format!("Sam {stored}");
        prop_assert!(probes_meet(&typed, &name), "{typed} / {stored}");
        prop_assert!(edit_distance(&typed, &stored) <= 1);
        prop_assert!(name_match(&typed, &name).is_some(), "{typed} / {stored}");
    }
}
