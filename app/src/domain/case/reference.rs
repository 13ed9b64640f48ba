//! Case references: `IC-<6 digits>-<4 characters>`, e.g. `IC-295703-CTRX`.
//!
//! The digits are the case sequence number, zero-padded. The first three characters are random,
//! from the look-alike-free alphabet of [`super::alphabet`], so references cannot be guessed from
//! one another; the fourth is a check character that catches every single mistyped character and
//! every swap of two neighbouring characters (the scheme is described there too).
//!
//! [`Reference::parse`] is forgiving about how a reference is written, not about what it says:
//! surrounding whitespace is trimmed, letters may be in either case, and dashes and spaces may be
//! missing, doubled or anywhere (`ic 295703 ctrx`, `IC295703CTRX`, `IC--295703-CTRX` all read as
//! `IC-295703-CTRX`; en and em dashes count as dashes). It does not guess look-alikes (`O` for
//! `0`): that is [`likely_intended`](super::likely_intended)'s job, for a person to confirm.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use thiserror::Error;

use super::alphabet::{self, BODY, DIGITS};

/// A well-formed case reference whose check character holds. Ordered by sequence number first.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Reference(String);

/// Why a text is not a case reference.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReferenceError {
    /// Nothing but whitespace and dashes.
    #[error("no reference was given")]
    Empty,
    /// It does not start with `IC`.
    #[error("a case reference starts with IC")]
    MissingPrefix,
    /// Too many or too few characters after `IC`.
    #[error("a case reference has 6 digits and 4 characters after IC, not {found} characters")]
    WrongLength {
        /// How many characters followed `IC` (dashes and spaces not counted).
        found: usize,
    },
    /// One of the six sequence characters is not a digit.
    #[error("character {position} of the number, {found:?}, is not a digit")]
    NotADigit {
        /// 1 to 6, from the left of the number.
        position: usize,
        /// The character found.
        found: char,
    },
    /// One of the last four characters is not in the reference alphabet.
    #[error("character {position} of the last group, {found:?}, is never used in references")]
    NotInAlphabet {
        /// 1 to 4, from the left of the last group.
        position: usize,
        /// The character found.
        found: char,
    },
    /// Well formed, but the check character does not match: a character is probably mistyped.
    #[error("the reference does not check out: a character is probably mistyped")]
    CheckFailed,
}

/// Whether `c` is ignored between the characters of a reference.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// The characters after `IC`, upper-cased, separators removed (any count).
pub(super) fn body_of(input: &str) -> Result<Vec<char>, ReferenceError> {
    let mut chars = input
        .chars()
        .filter(|&c| !is_separator(c))
        .map(|c| c.to_ascii_uppercase());
    match (chars.next(), chars.next()) {
        (None, _) => Err(ReferenceError::Empty),
        (Some('I'), Some('C')) => Ok(chars.collect()),
        _ => Err(ReferenceError::MissingPrefix),
    }
}

impl Reference {
    /// The reference for sequence number `sequence` with three random characters drawn from
    /// `random` (for example three bytes from the operating system's generator).
    ///
    /// `sequence` is meant to be 0 to 999 999; larger numbers wrap (only the last six digits
    /// are kept). The 24 random bits are reduced modulo 23³, a bias below 0.1 %.
    pub fn generate(sequence: u32, random: [u8; 3]) -> Reference {
        let [a, b, c] = random;
        let entropy = u32::from_be_bytes([0, a, b, c]) % (23 * 23 * 23);
        let mut body: Vec<char> = format!("{:06}", sequence % 1_000_000).chars().collect();
        body.extend([
            alphabet::alphabet_char(entropy / (23 * 23)),
            alphabet::alphabet_char(entropy / 23),
            alphabet::alphabet_char(entropy),
        ]);
        let check = alphabet::check_char(&body).unwrap_or('2');
        body.push(check);
        Reference::from_valid_body(&body)
    }

    /// Reads a reference, forgiving of case, whitespace and dashes (see the module docs).
    pub fn parse(input: &str) -> Result<Reference, ReferenceError> {
        let body = body_of(input)?;
        if body.len() != BODY {
            return Err(ReferenceError::WrongLength { found: body.len() });
        }
        for (position, &c) in body.iter().enumerate() {
            if alphabet::allowed_at(position, c) {
                continue;
            }
            return Err(if position < DIGITS {
                ReferenceError::NotADigit {
                    position: position + 1,
                    found: c,
                }
            } else {
                ReferenceError::NotInAlphabet {
                    position: position + 1 - DIGITS,
                    found: c,
                }
            });
        }
        if alphabet::is_valid(&body) {
            Ok(Reference::from_valid_body(&body))
        } else {
            Err(ReferenceError::CheckFailed)
        }
    }

    /// The reference for ten body characters already known to be valid.
    pub(super) fn from_valid_body(body: &[char]) -> Reference {
        let (digits, characters) = body.split_at(DIGITS.min(body.len()));
        let digits: String = digits.iter().collect();
        let characters: String = characters.iter().collect();
        Reference(format!("IC-{digits}-{characters}"))
    }

    /// The reference as written canonically: `IC-123456-ABCD`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The sequence number (the six digits).
    pub fn sequence(&self) -> u32 {
        self.0
            .chars()
            .filter_map(|c| c.to_digit(10))
            .take(DIGITS)
            .fold(0, |n, d| n * 10 + d)
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Reference {
    type Err = ReferenceError;

    fn from_str(s: &str) -> Result<Reference, ReferenceError> {
        Reference::parse(s)
    }
}

impl AsRef<str> for Reference {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Serialize for Reference {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Reference {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Reference, D::Error> {
        let text = String::deserialize(deserializer)?;
        Reference::parse(&text).map_err(serde::de::Error::custom)
    }
}
