//! English's indefinite article, chosen by how the next word is spoken: "an RFA case" (said
//! "ar-eff-ay"), "a COM case" (said "see-oh-em"), "an FS50 case", "a PCB case", "an enquiry".

/// The letters whose names start with a vowel sound: "ay", "ee", "eff", "aitch", "eye", "el",
/// "em", "en", "oh", "ar", "ess", "ex".
const VOWEL_NAMED_LETTERS: &str = "AEFHILMNORSX";

/// "a" or "an" before `word`. A code in capitals (and digits) is spoken letter by letter, so
/// its first letter's name decides; any other word is taken as spoken as written (a vowel
/// letter: "an").
pub fn a_or_an(word: &str) -> &'static str {
    let Some(first) = word.trim_start().chars().next() else {
        return "a";
    };
    let initialism = word
        .trim()
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    let vowel_sound = if initialism && first.is_ascii_uppercase() {
        VOWEL_NAMED_LETTERS.contains(first)
    } else if first.is_ascii_digit() {
        // "an 8", "an 11", "an 18": the numbers spoken with a vowel sound first.
        word.starts_with('8') || word.starts_with("11") || word.starts_with("18")
    } else {
        "aeiouAEIOU".contains(first)
    };
    if vowel_sound {
        "an"
    } else {
        "a"
    }
}

#[cfg(test)]
mod tests {
    use super::a_or_an;
    use crate::domain::CaseType;

    #[test]
    fn codes_take_the_article_of_their_first_letter_s_name() {
        for (code, article) in [
            ("RFA", "an"),
            ("INF", "an"),
            ("ENQ", "an"),
            ("IRQ", "an"),
            ("ELE", "an"),
            ("FS50", "an"),
            ("FER", "an"),
            ("ENF", "an"),
            ("SEC", "an"),
            ("RCC", "an"),
            ("COM", "a"),
            ("PCB", "a"),
            ("ECS", "an"),
        ] {
            assert_eq!(a_or_an(code), article, "{code}");
        }
    }

    #[test]
    fn every_case_type_reads_right_in_the_case_page_s_sentence() {
        use crate::i18n::{fill, t};
        for case_type in CaseType::all() {
            let code = case_type.code();
            let sentence = fill(
                &t("case.type.current"),
                &[("a", a_or_an(code)), ("type", code), ("description", "")],
            );
            assert!(sentence.starts_with("This is a"), "{sentence}");
            assert!(!sentence.contains("This is a R"), "{sentence}");
            assert!(!sentence.contains("This is a F"), "{sentence}");
            assert!(!sentence.contains("This is a E"), "{sentence}");
            assert!(!sentence.contains("This is a I"), "{sentence}");
            assert!(!sentence.contains("This is a S"), "{sentence}");
            assert!(!sentence.contains('{'), "{sentence}");
        }
        let rfa = fill(
            &t("case.type.current"),
            &[("a", a_or_an("RFA")), ("type", "RFA"), ("description", "x")],
        );
        assert!(rfa.starts_with("This is an RFA case"), "{rfa}");
    }

    #[test]
    fn words_go_by_their_first_letter() {
        assert_eq!(a_or_an("enquiry"), "an");
        assert_eq!(a_or_an("complaint"), "a");
        assert_eq!(a_or_an("8-day wait"), "an");
        assert_eq!(a_or_an(""), "a");
    }
}
