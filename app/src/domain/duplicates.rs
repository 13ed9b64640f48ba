//! Which party records on other cases look like the same person, ranked by evidence (manual §5
//! "Adding parties"). Two cases about the same council are not a duplicate: a suggestion needs
//! evidence about the person — the same email address, the same phone number, the same name at
//! the same postcode, or the same address — and the same organisation on both cases only adds to
//! that evidence when the two cases were open at the same time. A match on the organisation alone
//! is never suggested, and so never offered for a merge.
//!
//! Pure: the caller passes the dates; nothing here reads the clock.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::organisations::comparable_name;

/// A suggestion is shown only at or above this score.
pub const SUGGEST_AT: u32 = 40;

code_enum! {
    /// One piece of evidence that two records are the same person; words in
    /// `case.evidence.<code>`.
    Evidence {
        /// The same email address.
        SameEmail => "same_email",
        /// The same phone number.
        SamePhone => "same_phone",
        /// The same name at the same postcode.
        SameNameAndPostcode => "same_name_postcode",
        /// The same address.
        SameAddress => "same_address",
        /// The same name (on its own, weak).
        SameName => "same_name",
        /// Both cases are about the same organisation and were open at the same time.
        SameOrganisationAndDates => "same_organisation_dates",
    }
}

impl Evidence {
    /// How much this evidence counts.
    pub fn weight(self) -> u32 {
        match self {
            Evidence::SameEmail => 60,
            Evidence::SamePhone => 45,
            Evidence::SameNameAndPostcode => 45,
            Evidence::SameAddress => 30,
            Evidence::SameName => 10,
            Evidence::SameOrganisationAndDates => 15,
        }
    }
}

/// A party record as the ranking reads it, with the dates of its case.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartyFacts {
    /// `customer`, `representative`, `organisation`, `reporter`.
    pub role: String,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    /// The organisations its case is about (directory ids or names, as compared by
    /// [`comparable_name`]).
    pub organisations: Vec<String>,
    /// When its case opened, and closed (`None`: still open).
    pub opened_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
}

impl PartyFacts {
    fn is_organisation(&self) -> bool {
        self.role == "organisation"
    }
}

/// A ranked suggestion: its score, the evidence (strongest first) and whether staff may merge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    pub score: u32,
    pub evidence: Vec<Evidence>,
    /// A merge is offered only on evidence about the person (never on the organisation alone).
    pub mergeable: bool,
}

fn email(text: Option<&str>) -> Option<String> {
    text.map(|text| text.trim().to_lowercase())
        .filter(|text| text.contains('@'))
}

/// A phone number as compared: its digits, `+44`/`44` read as a leading 0; at least 9 digits.
fn phone(text: Option<&str>) -> Option<String> {
    let digits: String = text?.chars().filter(char::is_ascii_digit).collect();
    let digits = match digits.strip_prefix("44") {
        Some(rest) if digits.len() > 10 => format!("0{rest}"),
        _ => digits,
    };
    (digits.len() >= 9).then_some(digits)
}

/// The UK postcode in an address ("LS1 1UR"), upper case without spaces.
pub fn postcode(address: &str) -> Option<String> {
    let words: Vec<String> = address
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|word| !word.is_empty())
        .map(str::to_uppercase)
        .collect();
    let inward = |word: &str| {
        let chars: Vec<char> = word.chars().collect();
        chars.len() == 3
            && chars[0].is_ascii_digit()
            && chars[1].is_ascii_alphabetic()
            && chars[2].is_ascii_alphabetic()
    };
    let outward = |word: &str| {
        (2..=4).contains(&word.len())
            && word.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && word.chars().any(|c| c.is_ascii_digit())
            && word.chars().all(|c| c.is_ascii_alphanumeric())
    };
    words
        .windows(2)
        .rev()
        .find(|pair| outward(&pair[0]) && inward(&pair[1]))
        .map(|pair| format!("{}{}", pair[0], pair[1]))
}

fn address(text: Option<&str>) -> Option<String> {
    let words: Vec<String> = text?
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect();
    (words.len() >= 3).then(|| words.join(" "))
}

fn name(text: &str) -> Option<String> {
    let name = comparable_name(text);
    (!name.is_empty()).then_some(name)
}

/// Whether two cases were open at the same time (an open case runs on).
fn overlapping(a: &PartyFacts, b: &PartyFacts) -> bool {
    let (Some(a_open), Some(b_open)) = (a.opened_on, b.opened_on) else {
        return false;
    };
    a.closed_on.is_none_or(|closed| b_open <= closed)
        && b.closed_on.is_none_or(|closed| a_open <= closed)
}

fn same(a: Option<String>, b: Option<String>) -> bool {
    a.is_some() && a == b
}

/// How strongly `theirs` looks like the same person as `ours`; `None` below [`SUGGEST_AT`].
pub fn suggestion(ours: &PartyFacts, theirs: &PartyFacts) -> Option<Suggestion> {
    if ours.is_organisation() || theirs.is_organisation() {
        // Organisation records: the same council is not evidence of the same matter.
        return None;
    }
    let mut evidence = Vec::new();
    if same(email(ours.email.as_deref()), email(theirs.email.as_deref())) {
        evidence.push(Evidence::SameEmail);
    }
    if same(phone(ours.phone.as_deref()), phone(theirs.phone.as_deref())) {
        evidence.push(Evidence::SamePhone);
    }
    let same_name = same(name(&ours.name), name(&theirs.name));
    let postcodes = (
        ours.address.as_deref().and_then(postcode),
        theirs.address.as_deref().and_then(postcode),
    );
    let same_postcode = same(postcodes.0, postcodes.1);
    if same(
        address(ours.address.as_deref()),
        address(theirs.address.as_deref()),
    ) {
        evidence.push(Evidence::SameAddress);
    }
    if same_name && same_postcode {
        evidence.push(Evidence::SameNameAndPostcode);
    } else if same_name {
        evidence.push(Evidence::SameName);
    }
    let person = evidence.iter().any(|e| *e != Evidence::SameName);
    let organisation = ours.organisations.iter().any(|org| {
        !org.is_empty()
            && theirs
                .organisations
                .iter()
                .any(|other| comparable_name(other) == comparable_name(org))
    });
    if organisation && overlapping(ours, theirs) {
        evidence.push(Evidence::SameOrganisationAndDates);
    }
    evidence.sort_by_key(|e| std::cmp::Reverse(e.weight()));
    let score = evidence.iter().map(|e| e.weight()).sum();
    (person && score >= SUGGEST_AT).then_some(Suggestion {
        score,
        evidence,
        mergeable: person,
    })
}

/// Whether staff may merge `theirs` into `ours` (or the other way): only on evidence about the
/// person, never on a name or the organisation alone.
pub fn may_merge(ours: &PartyFacts, theirs: &PartyFacts) -> bool {
    let bare = |facts: &PartyFacts| PartyFacts {
        organisations: Vec::new(),
        opened_on: None,
        closed_on: None,
        ..facts.clone()
    };
    let (ours, theirs) = (bare(ours), bare(theirs));
    let strong =
        |e: &Evidence| !matches!(e, Evidence::SameName | Evidence::SameOrganisationAndDates);
    let mut evidence = Vec::new();
    if !ours.is_organisation() && !theirs.is_organisation() {
        if same(email(ours.email.as_deref()), email(theirs.email.as_deref())) {
            evidence.push(Evidence::SameEmail);
        }
        if same(phone(ours.phone.as_deref()), phone(theirs.phone.as_deref())) {
            evidence.push(Evidence::SamePhone);
        }
        if same(
            address(ours.address.as_deref()),
            address(theirs.address.as_deref()),
        ) {
            evidence.push(Evidence::SameAddress);
        }
        let postcodes = (
            ours.address.as_deref().and_then(postcode),
            theirs.address.as_deref().and_then(postcode),
        );
        if same(name(&ours.name), name(&theirs.name)) && same(postcodes.0, postcodes.1) {
            evidence.push(Evidence::SameNameAndPostcode);
        }
    }
    evidence.iter().any(strong)
}

/// The candidates worth suggesting, strongest first (ties keep their order).
pub fn ranked<T>(ours: &PartyFacts, candidates: Vec<(T, PartyFacts)>) -> Vec<(T, Suggestion)> {
    let mut found: Vec<(T, Suggestion)> = candidates
        .into_iter()
        .filter_map(|(item, facts)| suggestion(ours, &facts).map(|s| (item, s)))
        .collect();
    found.sort_by_key(|(_, s)| std::cmp::Reverse(s.score));
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2026, 11, d)
    }

    fn person(name: &str) -> PartyFacts {
        PartyFacts {
            role: "customer".to_owned(),
            name: name.to_owned(),
            organisations: vec!["la:LDS".to_owned()],
            opened_on: day(2),
            ..PartyFacts::default()
        }
    }

    #[test]
    fn an_organisation_only_match_is_not_suggested() {
        let ours = person("Alex Walker");
        let theirs = person("Sam Jones");
        assert_eq!(suggestion(&ours, &theirs), None, "same council, same dates");
        let council = PartyFacts {
            role: "organisation".to_owned(),
            name: "Leeds City Council".to_owned(),
            ..person("")
        };
        assert_eq!(suggestion(&council, &council.clone()), None);
        assert!(
            !may_merge(&council, &council.clone()),
            "never a merge on the organisation"
        );
        assert!(!may_merge(&ours, &person("Alex Walker")), "nor on a name");
    }

    #[test]
    fn the_same_email_is_suggested_first_and_mergeable() {
        let ours = PartyFacts {
            email: Some("alex@example.org".to_owned()),
            phone: Some("0113 496 0000".to_owned()),
            ..person("Alex Walker")
        };
        let by_email = PartyFacts {
            email: Some(" ALEX@example.org".to_owned()),
            ..person("A Walker")
        };
        let by_phone = PartyFacts {
            phone: Some("+44 113 496 0000".to_owned()),
            ..person("Someone Else")
        };
        let council_only = person("Sam Jones");
        let ranked = ranked(
            &ours,
            vec![
                ("phone", by_phone),
                ("council", council_only),
                ("email", by_email),
            ],
        );
        let order: Vec<&str> = ranked.iter().map(|(id, _)| *id).collect();
        assert_eq!(order, ["email", "phone"]);
        let (_, best) = &ranked[0];
        assert_eq!(best.evidence[0], Evidence::SameEmail);
        assert!(best.evidence.contains(&Evidence::SameOrganisationAndDates));
        assert!(best.mergeable);
    }

    #[test]
    fn the_same_name_needs_the_same_postcode() {
        let ours = PartyFacts {
            address: Some("1 Park Row, Leeds LS1 5AB".to_owned()),
            ..person("Alex Walker")
        };
        let elsewhere = PartyFacts {
            address: Some("9 High St, York YO1 7HH".to_owned()),
            ..person("alex walker")
        };
        assert_eq!(suggestion(&ours, &elsewhere), None);
        let same_postcode = PartyFacts {
            address: Some("Flat 2, Park Row, Leeds, ls1 5ab".to_owned()),
            ..person("Alex Walker")
        };
        let found = suggestion(&ours, &same_postcode).map(|s| s.evidence);
        assert_eq!(
            found.as_ref().map(|e| e[0]),
            Some(Evidence::SameNameAndPostcode)
        );
    }

    #[test]
    fn the_organisation_counts_only_when_the_cases_overlap() {
        let ours = PartyFacts {
            phone: Some("07700 900123".to_owned()),
            closed_on: day(5),
            ..person("Alex Walker")
        };
        let later = PartyFacts {
            phone: Some("07700900123".to_owned()),
            opened_on: day(20),
            ..person("Alex Walker")
        };
        let found = suggestion(&ours, &later).map(|s| s.evidence);
        assert_eq!(found, Some(vec![Evidence::SamePhone, Evidence::SameName]));
        assert_eq!(postcode("Leeds LS1 5AB"), Some("LS15AB".to_owned()));
        assert_eq!(postcode("no postcode here"), None);
    }
}
