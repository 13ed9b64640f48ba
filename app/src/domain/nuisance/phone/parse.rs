//! Parsing a typed number with libphonenumber's metadata (server only).

use phonenumber::{country, Mode, Type};

use super::{compact_number, is_short_code, NumberKind, PhoneNumber};

/// Why a number did not parse: the i18n key of the message.
pub const NOT_A_NUMBER: &str = "nuisance.error.number.invalid";

/// Parses a number as people write it: UK national (`07400 123456`, `020-7946 0123`,
/// `(0121) 234 5678`), international (`+44 7400 123456`, `+44 (0)20 7946 0123`,
/// `0044 20 7946 0123`, `+33 1 23 45 67 89`) or a UK short code (`87121`).
///
/// A number libphonenumber finds well formed but outside every allocated range (a withdrawn or
/// spoofed number, or Ofcom's drama range 07700 900xxx) is kept as [`NumberKind::Unknown`] when it
/// has a possible length for its country; anything else is refused with [`NOT_A_NUMBER`].
pub fn parse_phone_number(text: &str) -> Result<PhoneNumber, &'static str> {
    let compact = compact_number(text).ok_or(NOT_A_NUMBER)?;
    if is_short_code(&compact) {
        return Ok(PhoneNumber::new(compact, NumberKind::ShortCode));
    }
    let digits = compact.trim_start_matches('+').len();
    if !(7..=15).contains(&digits) {
        return Err(NOT_A_NUMBER);
    }
    // `447400123456` typed without the `+`.
    let compact = if !compact.starts_with(['+', '0']) && compact.starts_with("44") && digits == 12 {
        format!("+{compact}")
    } else {
        compact
    };
    let parsed = phonenumber::parse(Some(country::Id::GB), &compact).map_err(|_| NOT_A_NUMBER)?;
    let e164 = parsed.format().mode(Mode::E164).to_string();
    let national = parsed.national().to_string();
    let kind = if parsed.is_valid() {
        let kind_type = parsed.number_type(&phonenumber::metadata::DATABASE);
        kind_of(kind_type, e164.starts_with("+44"), &national)
    } else if possible_length(e164.starts_with("+44"), &national) {
        NumberKind::Unknown
    } else {
        return Err(NOT_A_NUMBER);
    };
    Ok(PhoneNumber::new(e164, kind))
}

/// libphonenumber's type as our kind; UK 084/087 are service numbers, not premium rate.
fn kind_of(kind: Type, uk: bool, national: &str) -> NumberKind {
    match kind {
        Type::PremiumRate if uk && national.starts_with('8') => NumberKind::Service,
        Type::PremiumRate => NumberKind::PremiumRate,
        Type::SharedCost => NumberKind::Service,
        Type::FixedLine | Type::FixedLineOrMobile => NumberKind::Geographic,
        Type::Mobile => NumberKind::Mobile,
        Type::TollFree => NumberKind::Freephone,
        Type::PersonalNumber => NumberKind::Personal,
        Type::Voip => NumberKind::Voip,
        Type::Pager => NumberKind::Pager,
        Type::Uan => NumberKind::Uan,
        Type::ShortCode => NumberKind::ShortCode,
        _ => NumberKind::Unknown,
    }
}

/// A national significant number of a possible length: 9 or 10 digits in the UK, 4 to 14
/// abroad (E.164 allows 15 with the country code).
fn possible_length(uk: bool, national: &str) -> bool {
    if uk {
        (9..=10).contains(&national.len())
    } else {
        (4..=14).contains(&national.len())
    }
}

/// A canonical number (E.164, or a short code's digits) the way people write it: a UK number in
/// national form with the usual spaces (`0161 496 0733`, `07400 123456`, `020 7946 0123`), a
/// number abroad in international form (`+33 1 23 45 67 89`), a short code as it is.
pub fn written_number(canonical: &str) -> String {
    if !canonical.starts_with('+') {
        return canonical.to_owned();
    }
    let uk = canonical.starts_with("+44");
    match phonenumber::parse(None, canonical) {
        Ok(parsed) => {
            let mode = if uk {
                Mode::National
            } else {
                Mode::International
            };
            parsed.format().mode(mode).to_string()
        }
        Err(_) => match canonical.strip_prefix("+44") {
            Some(rest) => format!("0{rest}"),
            None => canonical.to_owned(),
        },
    }
}
