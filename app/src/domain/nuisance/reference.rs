//! A nuisance report's reference, for a person to quote: `NR-` and the report's number (at least
//! six digits) then a check character, `NR-000005-K`. The check character comes from the case
//! references' alphabet ([`ALPHABET`]) and is chosen, as theirs is, so that
//! the digits weighted `2^k mod 23` (`k` counted from the right, the check character at 0) and
//! the check character's value sum to 0 modulo 23: a mistyped digit or two swapped digits (up to
//! eleven of them) never give another report's reference.

use crate::domain::case::ALPHABET;

const PREFIX: &str = "NR";
const MODULUS: u32 = 23;

fn alphabet_char(value: u32) -> char {
    let index = usize::try_from(value % MODULUS).unwrap_or(0);
    ALPHABET.chars().nth(index).unwrap_or('2')
}

fn alphabet_value(c: char) -> Option<u32> {
    ALPHABET
        .chars()
        .position(|a| a == c)
        .and_then(|index| u32::try_from(index).ok())
}

/// The weighted sum modulo 23 of the digits, the rightmost having weight 2 (the check character
/// takes weight 1).
fn weighted(digits: &str) -> Option<u32> {
    let mut weight = 2;
    let mut sum = 0;
    for c in digits.chars().rev() {
        sum = (sum + weight * c.to_digit(10)?) % MODULUS;
        weight = weight * 2 % MODULUS;
    }
    Some(sum)
}

/// The reference of report `id` (`NR-000005-K`).
pub fn report_reference(id: i64) -> String {
    let digits = format!("{:06}", id.max(0));
    let check = weighted(&digits).map_or('2', |sum| alphabet_char((MODULUS - sum) % MODULUS));
    format!("{PREFIX}-{digits}-{check}")
}

/// The report a reference names, if it is well formed and its check character holds: upper or
/// lower case, with or without the dashes, spaces around ignored.
pub fn parse_report_reference(text: &str) -> Option<i64> {
    let compact: String = text
        .trim()
        .chars()
        .filter(|c| *c != '-' && *c != ' ')
        .collect::<String>()
        .to_ascii_uppercase();
    let rest = compact.strip_prefix(PREFIX)?;
    let check = rest.chars().last()?;
    let digits = &rest[..rest.len() - check.len_utf8()];
    if digits.len() < 6 || digits.len() > 18 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let total = (weighted(digits)? + alphabet_value(check)?) % MODULUS;
    (total == 0).then(|| digits.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_reads_back_as_its_report() {
        for id in [1, 5, 42, 999_999, 1_000_000, 123_456_789] {
            let reference = report_reference(id);
            assert!(reference.starts_with("NR-"), "{reference}");
            assert_eq!(parse_report_reference(&reference), Some(id), "{reference}");
            let typed = reference.to_lowercase().replace('-', " ");
            assert_eq!(parse_report_reference(&typed), Some(id), "{typed}");
        }
        assert_eq!(report_reference(5).len(), "NR-000005-X".len());
    }

    #[test]
    fn a_mistyped_digit_or_swapped_digits_are_caught() {
        let reference = report_reference(123_456);
        let body: Vec<char> = reference.chars().collect();
        for i in 3..9 {
            for d in '0'..='9' {
                if body[i] == d {
                    continue;
                }
                let mut typo = body.clone();
                typo[i] = d;
                let typo: String = typo.into_iter().collect();
                assert_eq!(parse_report_reference(&typo), None, "{typo}");
            }
        }
        for i in 3..8 {
            let mut swapped = body.clone();
            swapped.swap(i, i + 1);
            if swapped != body {
                let swapped: String = swapped.into_iter().collect();
                assert_eq!(parse_report_reference(&swapped), None, "{swapped}");
            }
        }
        assert_eq!(parse_report_reference("5"), None);
        assert_eq!(parse_report_reference("IC-000005-X"), None);
    }
}
