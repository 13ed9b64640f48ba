//! The word and phrase lists the sift looks for (manual §3 "The sift", "Recording correspondence
//! in Welsh", "Potential criminal breaches"). Each list is a setting-like constant: change it here,
//! not in the rules. Phrase syntax: see [`super::matcher`] (`|` separates alternatives, a trailing
//! `*` matches any ending, matching is whole-word and case-insensitive).

/// Very common Welsh function words. A text reads as Welsh when it uses at least
/// [`WELSH_MIN_DISTINCT_WORDS`] of them and they make up at least [`WELSH_MIN_SHARE_PERCENT`]
/// percent of its words. Words that are also common English (`a`, `i`, `am`, `o`, `eu` as in
/// "EU") are left out. `'r` and `'n` endings are read as the word they shorten (`mae'r` counts
/// as `mae`).
pub const WELSH_FUNCTION_WORDS: &[&str] = &[
    "yw", "ydy", "ydw", "ydych", "ac", "mae", "maen", "roedd", "oedd", "yn", "y", "yr", "i'r",
    "a'r", "o'r", "gyda", "efo", "ddim", "nid", "nad", "rwy", "rydw", "rwyf", "fy", "eich", "chi",
    "ni", "ei", "wedi", "ond", "hefyd", "bod", "sydd", "gan", "hyn", "hwn", "dros", "rhwng", "â",
];

/// The fewest distinct Welsh function words a Welsh text uses.
pub const WELSH_MIN_DISTINCT_WORDS: usize = 3;

/// The smallest share (percent) of a Welsh text's words that are Welsh function words.
pub const WELSH_MIN_SHARE_PERCENT: usize = 20;

/// Phrases suggesting possible relevance to the Independent Inquiry into Child Sexual Abuse:
/// content pertinent directly or indirectly to the sexual abuse of children or to child
/// protection and care.
pub const CHILD_ABUSE_INQUIRY_PHRASES: &[&str] = &[
    "child|children sexual abuse",
    "child|children abuse",
    "sexual abuse of children|a|child",
    "sexually abused",
    "abused as a child|boy|girl|teenager",
    "abused when i was a child|boy|girl|young",
    "iicsa",
    "independent inquiry into child sexual abuse",
    "goddard inquiry",
    "historic|historical abuse",
    "historic|historical sexual abuse",
    "non recent abuse",
    "children's|childrens home|homes",
    "child protection",
    "children's|childrens social care|services",
    "looked after child|children",
    "care leaver|leavers",
    "in care as a child",
    "foster care|carer|carers|placement",
    "grooming gang|gangs",
    "child grooming",
    "paedophil*",
    "pedophil*",
    "indecent images of children",
    "child sex offender|offenders",
];

/// Phrases suggesting a potential criminal offence under the Data Protection Act 2018: unlawfully
/// obtaining, disclosing or selling personal data (s170), re-identifying de-identified data
/// (s171), or altering, erasing or concealing records to prevent disclosure to a person who asked
/// for them (s173).
pub const CRIMINAL_BREACH_PHRASES: &[&str] = &[
    "sold|selling my data|details|information|records",
    "sold|selling my personal data|details|information",
    "sold|selling personal data|details|information",
    "accessed my records|file|account|data|information|details without",
    "accessed my medical|health|patient|police records|file|notes",
    "looked at|through|into my records|file|notes|account|details",
    "looked at|through|into my medical|health|patient|police records|file|notes",
    "snoop*",
    "unlawfully|illegally obtain*",
    "obtained my data|details|information|records without",
    "blag*",
    "passed my details|data|information|records to",
    "passed on my details|data|information|records",
    "disclosed|shared|leaked my details|data|information|records without",
    "re identif*",
    "reidentif*",
    "de anonymi*",
    "deanonymi*",
    concat!(
        "alter*|delet*|destroy*|eras*|shred*|conceal* ",
        "records|files|data|information to avoid|prevent|hide|stop"
    ),
    concat!(
        "alter*|delet*|destroy*|eras*|shred*|conceal* my|the ",
        "records|files|data|information to avoid|prevent|hide|stop"
    ),
];
