//! Company names and SMS sender IDs made into grouping keys, so that the variants people type
//! (or spammers rotate) count against one offender.
//!
//! `Green Deal Energy Ltd`, `GREEN-DEAL ENERGY LIMITED` and `green deal energy (uk)` all become
//! `greendealenergy`: lower case, accents folded, `&`/`and` dropped, apostrophes and full stops
//! joined, other punctuation and spaces removed, and trailing legal or geographic suffixes (Ltd,
//! Limited, PLC, LLP, UK, Group, & Co…) removed. Words are joined without spaces so that
//! `GreenDeal` and `Green Deal` group too.
//!
//! The organisation directory has its own normaliser (for ranked search, where word boundaries
//! matter); this one makes stable keys and is kept separate so either can change alone.

/// Trailing words that do not tell companies apart.
const SUFFIXES: [&str; 14] = [
    "ltd",
    "limited",
    "plc",
    "llp",
    "lp",
    "llc",
    "inc",
    "uk",
    "gb",
    "group",
    "co",
    "cyf",
    "cyfyngedig",
    "ccc",
];

/// The grouping key of a company or brand name; empty if nothing significant is left (e.g.
/// `"Ltd"` alone keeps `ltd`, but `"&"` is empty). Idempotent.
pub fn normalise_company(name: &str) -> String {
    let mut words = words(name);
    words.retain(|word| word != "and");
    if words.first().is_some_and(|word| word == "the") && words.len() > 1 {
        words.remove(0);
    }
    while words.len() > 1 && words.last().is_some_and(|w| SUFFIXES.contains(&w.as_str())) {
        words.pop();
    }
    words.concat()
}

/// The grouping key of an SMS sender ID: lower case, accents folded, everything but letters and
/// digits removed (`GREEN-DEAL`, `Green Deal` and `greendeal` give `greendeal`). Sender IDs are
/// at most 11 characters, so no suffixes are removed. Idempotent.
pub fn normalise_sender_id(sender: &str) -> String {
    words(sender).concat()
}

/// The lower-cased, accent-folded words of `text`: letters and digits, with apostrophes and full
/// stops joining (`H.M.` is `hm`, `Bob's` is `bobs`) and `&` read as `and`.
fn words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    let end_word = |current: &mut String, words: &mut Vec<String>| {
        if !current.is_empty() {
            words.push(std::mem::take(current));
        }
    };
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{2bc}' | '.' => {}
            '&' | '+' => {
                end_word(&mut current, &mut words);
                words.push("and".to_owned());
            }
            // Combining accents (decomposed text) are dropped.
            '\u{300}'..='\u{36f}' => {}
            c if c.is_alphanumeric() => push_folded(&mut current, c),
            _ => end_word(&mut current, &mut words),
        }
    }
    end_word(&mut current, &mut words);
    words
}

/// Pushes `c` with its accent folded (Latin letters used in UK and European names).
fn push_folded(out: &mut String, c: char) {
    let folded = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ą' | 'ă' => "a",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => "i",
        'ł' | 'ľ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'ř' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ť' | 'ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        other => {
            out.push(other);
            return;
        }
    };
    out.push_str(folded);
}
