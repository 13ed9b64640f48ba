//! The rules that stop evaluation: the concern is for another body (not_for_us) or for the
//! nuisance reporting tool (report_instead).

use super::codes::{Channel, Reason, Route, Signpost};
use super::types::Concern;

/// The EEA: the 27 EU member states plus Iceland, Liechtenstein and Norway (ISO 3166-1 alpha-2).
pub const EEA_COUNTRIES: [&str; 30] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
];

/// Whether `country` (alpha-2, any case) is in the EEA.
pub fn is_eea_country(country: &str) -> bool {
    let country = country.trim().to_ascii_uppercase();
    EEA_COUNTRIES.contains(&country.as_str())
}

/// Whether `country` (alpha-2, any case) is the United Kingdom: `GB`, the reserved `UK`, or blank
/// (the default country is `GB`).
pub fn is_uk_country(country: &str) -> bool {
    matches!(
        country.trim().to_ascii_uppercase().as_str(),
        "GB" | "UK" | ""
    )
}

/// Whether `number` is a UK premium-rate (09) number, written nationally (`0909 879 0123`) or
/// internationally (`+44 909 879 0123`, `0044 909…`), with spaces, dashes, dots or brackets.
pub fn is_uk_premium_rate_number(number: &str) -> bool {
    let digits: String = number
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')' | '\u{a0}'))
        .collect();
    let national = match digits
        .strip_prefix("+44")
        .or_else(|| digits.strip_prefix("0044"))
    {
        // `+44 (0) 909…` keeps a trunk 0 after the country code.
        Some(rest) => format!("0{}", rest.strip_prefix('0').unwrap_or(rest)),
        None => digits,
    };
    national.starts_with("09")
        && (10..=11).contains(&national.len())
        && national.chars().all(|c| c.is_ascii_digit())
}

/// The not_for_us or report_instead rule that stops evaluation, with its signpost, if any fires.
pub fn stopping_rule(concern: &Concern) -> Option<(Reason, Option<Signpost>)> {
    let organisation = &concern.organisation;
    match concern.route {
        Route::DataProtection => {
            if is_eea_country(&organisation.country) && concern.data_processed_in_uk != Some(true) {
                Some((
                    Reason::OrganisationInEea,
                    Some(Signpost::EeaDataProtectionAuthority),
                ))
            } else if !is_uk_country(&organisation.country)
                && !is_eea_country(&organisation.country)
            {
                Some((Reason::OrganisationOutsideEea, None))
            } else {
                None
            }
        }
        Route::Foi | Route::Eir => {
            if organisation.scottish_public_authority {
                Some((
                    Reason::ScottishPublicAuthority,
                    Some(Signpost::ScottishInformationCommissioner),
                ))
            } else if organisation.public_authority == Some(false) {
                Some((Reason::NotPublicAuthority, None))
            } else {
                None
            }
        }
        Route::Marketing => Some(marketing_rule(concern)),
        Route::CctvHousehold
        | Route::CreditFile
        | Route::Breach
        | Route::Advice
        | Route::ServiceComplaint => None,
    }
}

/// Marketing always stops: premium rate and silent calls are signposted, the rest reported.
fn marketing_rule(concern: &Concern) -> (Reason, Option<Signpost>) {
    let premium_rate = concern
        .advertised_number
        .as_deref()
        .is_some_and(is_uk_premium_rate_number);
    match concern.channel {
        Some(Channel::AutomatedCall) if premium_rate => (
            Reason::PremiumRateSignpost,
            Some(Signpost::PremiumRateRegulator),
        ),
        Some(Channel::SilentCall) => (Reason::SilentCallSignpost, Some(Signpost::Ofcom)),
        _ => (Reason::ReportWithTool, None),
    }
}
