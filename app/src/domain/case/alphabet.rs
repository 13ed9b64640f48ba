//! The character set and check character of case references.
//!
//! # Alphabet
//!
//! The four characters after the digits come from these 23 characters:
//!
//! ```text
//! 2 3 4 5 6 7 8 9 A C E F H J K M N P R T W X Y
//! ```
//!
//! Left out, because they are easily mistaken for another character when read, written or spoken:
//! `0 O D Q` (round shapes), `1 I L` (strokes), `U V` (each other), `B` (8), `G` (6), `S` (5) and
//! `Z` (2). Lower case is read as upper case. The value of a character is its index in the
//! alphabet (`2` = 0 ... `Y` = 22); the value of a sequence digit is the digit itself.
//!
//! # Check character
//!
//! A pure ISO 7064 style weighted sum modulo the prime 23 (the size of the alphabet): number
//! the ten characters after `IC` from the right, the check character being position 0, give
//! position `k` the weight `2^k mod 23`, and choose the check character so that the weighted sum
//! of all values is 0 modulo 23. Because 23 is prime, every value is below 23 and 2 has order 11
//! modulo 23 (so the ten weights are distinct and non-zero):
//!
//! - any single substituted character changes the sum by `weight × difference`, never 0 mod 23;
//! - any transposition of two characters of the same kind changes it by
//!   `(weight difference) × (value difference)`, never 0 mod 23;
//! - a transposition across the dash only gives a well-formed reference when both characters are
//!   digits 2 to 9, whose alphabet values are the digit minus 2, so the change is again
//!   `(weight difference) × (digit difference)` and is detected.

/// The characters of the last group, in value order.
pub const ALPHABET: &str = "23456789ACEFHJKMNPRTWXY";

/// The alphabet as bytes (all ASCII).
const ALPHABET_BYTES: &[u8] = ALPHABET.as_bytes();

/// The modulus of the check: the size of the alphabet, a prime.
const MODULUS: u32 = 23;

/// The number of sequence digits.
pub const DIGITS: usize = 6;

/// The number of characters after the digits, the check character included.
pub const CHARACTERS: usize = 4;

/// The number of significant characters after `IC`.
pub const BODY: usize = DIGITS + CHARACTERS;

/// The value of an alphabet character (upper case only), if it is one.
pub fn alphabet_value(c: char) -> Option<u32> {
    ALPHABET
        .chars()
        .position(|a| a == c)
        .and_then(|index| u32::try_from(index).ok())
}

/// The alphabet character with value `value % 23`.
pub fn alphabet_char(value: u32) -> char {
    let index = usize::try_from(value % MODULUS).unwrap_or(0);
    ALPHABET_BYTES.get(index).map_or('2', |&b| char::from(b))
}

/// Whether `c` may stand at `position` (0-based) of the body: a digit in the first six places, an
/// alphabet character (upper case) in the last four.
pub fn allowed_at(position: usize, c: char) -> bool {
    if position < DIGITS {
        c.is_ascii_digit()
    } else {
        position < BODY && alphabet_value(c).is_some()
    }
}

/// The value of `c` at `position`, if allowed there.
fn value_at(position: usize, c: char) -> Option<u32> {
    if position < DIGITS {
        c.to_digit(10)
    } else if allowed_at(position, c) {
        alphabet_value(c)
    } else {
        None
    }
}

/// The weight of body position `position` (0-based from the left): `2^k mod 23` where `k` counts
/// from the right, the check character having `k = 0`.
fn weight(position: usize) -> u32 {
    let k = BODY.saturating_sub(position + 1);
    (0..k).fold(1, |w, _| w * 2 % MODULUS)
}

/// The weighted sum modulo 23 of the characters given, `None` if one is not allowed where it is.
fn weighted_sum(body: &[char]) -> Option<u32> {
    body.iter().enumerate().try_fold(0, |sum, (position, &c)| {
        value_at(position, c).map(|value| (sum + weight(position) * value) % MODULUS)
    })
}

/// The check character for the first nine body characters (six digits and three alphabet
/// characters), or `None` if one of them is not allowed where it is.
pub fn check_char(first_nine: &[char]) -> Option<char> {
    if first_nine.len() != BODY - 1 {
        return None;
    }
    weighted_sum(first_nine).map(|sum| alphabet_char((MODULUS - sum) % MODULUS))
}

/// Whether the ten body characters are all allowed where they are and the check holds.
pub fn is_valid(body: &[char]) -> bool {
    body.len() == BODY && weighted_sum(body) == Some(0)
}
