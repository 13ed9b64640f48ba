//! Phone numbers: their kinds, the typed [`PhoneNumber`] an incident holds, and a cheap shape
//! check for the browser. Parsing and classifying (with the `phonenumber` crate, libphonenumber's
//! metadata) is server-only: the metadata is too big for the wasm build.
//!
//! ## Kinds and why 084/087 are not premium rate
//!
//! libphonenumber classes UK 084x and 087x numbers as premium rate, like 09. Ofcom's numbering
//! plan does not: 084/087 are *service* numbers (a capped service charge on top of the caller's
//! access charge, regulated by Ofcom's general conditions), while 09 numbers are premium-rate
//! services regulated as phone-paid services (PhonepayPlus, then the Phone-paid Services Authority,
//! Ofcom since 1 February 2025). The manual's premium-rate advice (§9) is about 09 numbers, so
//! [`NumberKind::PremiumRate`] is 09 only and 084/087 are [`NumberKind::Service`]: only a
//! premium-rate number triggers the premium-rate regulator signpost.

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
mod extract;
#[cfg(feature = "ssr")]
mod parse;
mod runs;

#[cfg(feature = "ssr")]
pub use extract::extract_numbers;
#[cfg(feature = "ssr")]
pub use parse::{parse_phone_number, written_number};
pub use runs::mentions_premium_rate_number;

code_enum! {
    /// What kind of number it is (Ofcom's National Telephone Numbering Plan for UK numbers).
    NumberKind {
        /// Mobile: 071–075, 077–079 (and 07624, Isle of Man).
        Mobile => "mobile",
        /// Geographic: 01 and 02 (abroad: fixed lines, or fixed-or-mobile where the plan does
        /// not tell them apart).
        Geographic => "geographic",
        /// Freephone: 080 (and 0500, withdrawn).
        Freephone => "freephone",
        /// Premium rate: 09 only (see the module notes on 084/087).
        PremiumRate => "premium_rate",
        /// Service numbers (084, 087) and, abroad, shared-cost numbers.
        Service => "service",
        /// Personal numbering: 070.
        Personal => "personal",
        /// Voice over IP: 056.
        Voip => "voip",
        /// Universal access / corporate numbers: 03 and 055.
        Uan => "uan",
        /// Radiopaging: 076 (except 07624).
        Pager => "pager",
        /// An SMS short code: 4 to 6 digits with no leading 0 (e.g. `87121`). It has no E.164 form.
        ShortCode => "short_code",
        /// A number that parses but fits no allocated range: unallocated, withdrawn or spoofed.
        /// Still recorded, since a spoofed caller ID is often reused.
        Unknown => "unknown",
    }
}

/// A phone number that parsed: its canonical form and kind. Only [`parse_phone_number`] (server)
/// makes one; stored values are read back with serde.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PhoneNumber {
    number: String,
    kind: NumberKind,
}

impl PhoneNumber {
    /// Only the parser builds one.
    #[cfg(feature = "ssr")]
    pub(crate) fn new(number: String, kind: NumberKind) -> Self {
        PhoneNumber { number, kind }
    }

    /// The canonical form: E.164 (`+447400123456`), or for a short code its digits (`87121`).
    /// This is the repeat-offender key.
    pub fn canonical(&self) -> &str {
        &self.number
    }

    /// The E.164 form, unless this is a short code (which has none).
    pub fn e164(&self) -> Option<&str> {
        (self.kind != NumberKind::ShortCode).then_some(self.number.as_str())
    }

    /// What kind of number it is.
    pub fn kind(&self) -> NumberKind {
        self.kind
    }

    /// Whether it is a UK number (+44), short codes included.
    pub fn is_uk(&self) -> bool {
        self.kind == NumberKind::ShortCode || self.number.starts_with("+44")
    }

    /// Whether it is a UK premium-rate (09) number: the premium-rate regulator's business.
    pub fn is_premium_rate(&self) -> bool {
        self.kind == NumberKind::PremiumRate && self.is_uk()
    }
}

impl std::fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.number)
    }
}

/// The characters people put between digits: spaces, dashes, dots, brackets, slashes.
pub(crate) fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '-' | '.' | '(' | ')' | '/' | '\u{a0}' | '\u{2010}'..='\u{2015}'
    )
}

/// The number with separators removed and the international forms `0044`, `00` and `+44 (0)`
/// made `+…`: `"+44 (0)20 7946 0123"` gives `"+442079460123"`, `"020-7946 0123"` gives
/// `"02079460123"`. `None` if anything but digits, separators and one leading `+` is present.
pub fn compact_number(text: &str) -> Option<String> {
    let text = text.trim();
    // `+44 (0) 20…`: the bracketed trunk 0 is not dialled from abroad.
    let text = text.replacen("(0)", "", 1);
    let mut compact = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        match c {
            '0'..='9' => compact.push(c),
            '+' if i == 0 => compact.push(c),
            c if is_separator(c) => {}
            _ => return None,
        }
    }
    if let Some(rest) = compact.strip_prefix("00") {
        compact = format!("+{rest}");
    }
    if let Some(rest) = compact.strip_prefix("+440") {
        compact = format!("+44{rest}");
    }
    Some(compact)
}

/// A cheap shape check for the browser: could this be a phone number or short code? Digits and
/// separators only, an optional leading `+`, and 4 to 15 digits. The server still parses it.
pub fn looks_like_phone_number(text: &str) -> bool {
    compact_number(text).is_some_and(|compact| {
        let digits = compact.trim_start_matches('+').len();
        (4..=15).contains(&digits)
    })
}

/// Whether `compact` (from [`compact_number`]) is a UK SMS short code: 4 to 6 digits, no
/// leading 0 or `+` (e.g. `7726`, `87121`, `118118`).
pub fn is_short_code(compact: &str) -> bool {
    (4..=6).contains(&compact.len())
        && !compact.starts_with('0')
        && compact.chars().all(|c| c.is_ascii_digit())
}
