//! How names and queries are compared: lower case, accents folded, punctuation ignored,
//! "the", "and"/"&" and "of" dropped, "Her/His Majesty's" read as "HM", "Saint" as "St".
//!
//! `HM Revenue & Customs`, `H.M. Revenue and Customs` and `Her Majesty's Revenue and Customs`
//! all become `hm revenue customs`.

/// Words that carry no meaning for matching.
const STOPWORDS: [&str; 3] = ["the", "and", "of"];

/// Words a person may leave out or add when naming a council or company ("Leeds" for "Leeds City
/// Council", "Experian" for "Experian Ltd"). A query made only of these matches exact names and
/// prefixes, never "all words contained".
const GENERIC: [&str; 11] = [
    "council",
    "city",
    "borough",
    "boro",
    "district",
    "county",
    "metropolitan",
    "ltd",
    "limited",
    "plc",
    "cyngor",
];

/// Whether a (normalised) word is one people often leave out of a name.
pub(crate) fn is_generic(token: &str) -> bool {
    GENERIC.contains(&token)
}

/// The normalised words of `text`.
pub(crate) fn tokens(text: &str) -> Vec<String> {
    let mut raw: Vec<String> = Vec::new();
    let mut current = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            // Apostrophes and full stops join: "Attorney General's" -> "generals", "H.M." -> "hm".
            '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{2bc}' | '.' => {}
            // Combining accents (decomposed text) are dropped.
            '\u{300}'..='\u{36f}' => {}
            c if c.is_alphanumeric() => current.push(fold(c)),
            _ => {
                if !current.is_empty() {
                    raw.push(std::mem::take(&mut current));
                }
            }
        }
    }
    if !current.is_empty() {
        raw.push(current);
    }
    let mut out: Vec<String> = Vec::with_capacity(raw.len());
    let mut words = raw.into_iter().peekable();
    while let Some(word) = words.next() {
        if (word == "her" || word == "his") && words.peek().is_some_and(|next| next == "majestys") {
            words.next();
            out.push("hm".to_owned());
        } else if word == "saint" {
            out.push("st".to_owned());
        } else if !STOPWORDS.contains(&word.as_str()) {
            out.push(word);
        }
    }
    out
}

/// The words of a name that are not generic, sorted and without repeats (word order and "City
/// Council" do not matter when comparing these).
pub(crate) fn core(tokens: &[String]) -> Vec<String> {
    let mut core: Vec<String> = tokens.iter().filter(|t| !is_generic(t)).cloned().collect();
    core.sort();
    core.dedup();
    core
}

/// Folds the accented Latin letters used in UK names (Welsh ŵ, ŷ; Ynys Môn; Telefónica).
fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        other => other,
    }
}

/// The characters after the first.
fn skip_one(mut chars: std::str::Chars<'_>) -> std::str::Chars<'_> {
    chars.next();
    chars
}

/// Whether `a` can be turned into `b` by at most one insertion, deletion or substitution of a
/// character. Linear time, no allocation.
pub(crate) fn within_one_edit(a: &str, b: &str) -> bool {
    if a.len().abs_diff(b.len()) > 4 {
        // A character is at most 4 bytes, so one edit changes the length by at most 4.
        return false;
    }
    let (len_a, len_b) = (a.chars().count(), b.chars().count());
    if len_a.abs_diff(len_b) > 1 {
        return false;
    }
    let mut rest_a = a.chars();
    let mut rest_b = b.chars();
    loop {
        let (before_a, before_b) = (rest_a.clone(), rest_b.clone());
        match (rest_a.next(), rest_b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y => {}
            _ => {
                return match len_a.cmp(&len_b) {
                    std::cmp::Ordering::Equal => skip_one(before_a).eq(skip_one(before_b)),
                    std::cmp::Ordering::Greater => skip_one(before_a).eq(before_b),
                    std::cmp::Ordering::Less => before_a.eq(skip_one(before_b)),
                };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_case_ampersands_and_the_are_ignored() {
        assert_eq!(tokens("HM Revenue & Customs"), ["hm", "revenue", "customs"]);
        assert_eq!(
            tokens("H.M. Revenue and Customs"),
            ["hm", "revenue", "customs"]
        );
        assert_eq!(
            tokens("Her Majesty's Revenue and Customs"),
            ["hm", "revenue", "customs"]
        );
        assert_eq!(
            tokens("The Attorney General's Office"),
            ["attorney", "generals", "office"]
        );
        assert_eq!(
            tokens("Kingston-upon-Thames"),
            ["kingston", "upon", "thames"]
        );
        assert_eq!(tokens("Saint Helens"), tokens("St. Helens"));
        assert_eq!(tokens("Ynys Môn"), ["ynys", "mon"]);
        assert!(tokens(" &&& ... ").is_empty());
    }

    #[test]
    fn the_core_of_a_council_name_leaves_out_city_and_council() {
        assert_eq!(core(&tokens("Leeds City Council")), ["leeds"]);
        assert_eq!(core(&tokens("Council of Leeds")), ["leeds"]);
    }

    #[test]
    fn one_edit_is_one_insertion_deletion_or_substitution() {
        assert!(within_one_edit("birmingam", "birmingham"));
        assert!(within_one_edit("birmingham", "birmingam"));
        assert!(within_one_edit("leedz", "leeds"));
        assert!(within_one_edit("same", "same"));
        assert!(within_one_edit("môn", "mon"));
        assert!(!within_one_edit("leeds", "lee"));
        assert!(!within_one_edit("camden", "cmadne"));
    }
}
