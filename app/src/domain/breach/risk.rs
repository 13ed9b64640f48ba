//! The Enforcement triage's risk score (manual §3 "Triaging self-reported incidents"): every
//! self-reported incident is scored the day it arrives, so the riskiest are looked at first.
//!
//! The score is the sum of documented points, and every point is explained (the staff page
//! shows the reasons on each row). Every number is a setting ([`RiskSettings`]); the defaults:
//!
//! | factor | points |
//! |---|---|
//! | special category data (Art. 9: health, ethnicity, beliefs, …) | 3 |
//! | criminal offence data (Art. 10) | 3 |
//! | children or vulnerable adults affected | 3 |
//! | people affected: 100,000 or more / 1,000 or more / 100 or more / fewer / not yet known | 4 / 3 / 2 / 1 / 2 |
//! | significant consequences very likely / likely / neutral | 4 / 3 / 1 |
//! | a cyber incident / the organisation does not know | 2 / 1 |
//! | not yet contained / the organisation does not know | 3 / 2 |
//! | reported more than 72 hours after becoming aware | 2 |
//!
//! Band: high at 12 or more, medium at 6 or more, otherwise low. Ties are broken by the earlier
//! awareness, then the reference, so the order is the same every time.

use serde::{Deserialize, Serialize};

use super::model::{BreachReport, Likelihood, YesNoUnknown};

/// The points and thresholds of the score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RiskSettings {
    pub special_category: u32,
    pub criminal_offence: u32,
    pub children_or_vulnerable: u32,
    /// People thresholds (at least this many) and their points, largest first.
    pub people_bands: Vec<(u64, u32)>,
    pub people_unknown: u32,
    pub very_likely: u32,
    pub likely: u32,
    pub neutral: u32,
    pub cyber: u32,
    pub cyber_unknown: u32,
    pub not_contained: u32,
    pub containment_unknown: u32,
    pub reported_late: u32,
    /// A score at or above this is high risk.
    pub high_from: u32,
    /// A score at or above this (and below `high_from`) is medium risk.
    pub medium_from: u32,
}

impl Default for RiskSettings {
    fn default() -> Self {
        RiskSettings {
            special_category: 3,
            criminal_offence: 3,
            children_or_vulnerable: 3,
            people_bands: vec![(100_000, 4), (1_000, 3), (100, 2), (1, 1)],
            people_unknown: 2,
            very_likely: 4,
            likely: 3,
            neutral: 1,
            cyber: 2,
            cyber_unknown: 1,
            not_contained: 3,
            containment_unknown: 2,
            reported_late: 2,
            high_from: 12,
            medium_from: 6,
        }
    }
}

code_enum! {
    /// One reason an incident scored points.
    RiskFactor {
        SpecialCategory => "special_category",
        CriminalOffence => "criminal_offence",
        ChildrenOrVulnerable => "children_or_vulnerable",
        ManyPeople => "people",
        PeopleUnknown => "people_unknown",
        ConsequencesVeryLikely => "consequences_very_likely",
        ConsequencesLikely => "consequences_likely",
        ConsequencesNeutral => "consequences_neutral",
        Cyber => "cyber",
        CyberUnknown => "cyber_unknown",
        NotContained => "not_contained",
        ContainmentUnknown => "containment_unknown",
        ReportedLate => "reported_late",
    }
}

code_enum! {
    /// How risky an incident looks.
    RiskBand {
        High => "high",
        Medium => "medium",
        Low => "low",
    }
}

/// A reason and its points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskReason {
    pub factor: RiskFactor,
    pub points: u32,
}

/// An incident's score, band and the reasons for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskAssessment {
    pub score: u32,
    pub band: RiskBand,
    pub reasons: Vec<RiskReason>,
}

/// Scores a report (as sent; `reported_late` as the clock said when it was sent).
pub fn risk_score(
    report: &BreachReport,
    reported_late: bool,
    settings: &RiskSettings,
) -> RiskAssessment {
    let mut reasons = Vec::new();
    let mut add = |factor, points: u32| {
        if points > 0 {
            reasons.push(RiskReason { factor, points });
        }
    };
    if let Some(data) = &report.data {
        if data.has_special_category() {
            add(RiskFactor::SpecialCategory, settings.special_category);
        }
        if data.has_criminal_offence() {
            add(RiskFactor::CriminalOffence, settings.criminal_offence);
        }
    }
    if let Some(scale) = &report.scale {
        if scale.groups.iter().any(|group| group.is_vulnerable()) {
            add(
                RiskFactor::ChildrenOrVulnerable,
                settings.children_or_vulnerable,
            );
        }
        match scale.people {
            Some(people) => {
                let points = settings
                    .people_bands
                    .iter()
                    .find(|(at_least, _)| people >= *at_least)
                    .map_or(0, |(_, points)| *points);
                add(RiskFactor::ManyPeople, points);
            }
            None => add(RiskFactor::PeopleUnknown, settings.people_unknown),
        }
    }
    match report.consequences.as_ref().and_then(|c| c.likelihood) {
        Some(Likelihood::VeryLikely) => {
            add(RiskFactor::ConsequencesVeryLikely, settings.very_likely)
        }
        Some(Likelihood::Likely) => add(RiskFactor::ConsequencesLikely, settings.likely),
        Some(Likelihood::Neutral) => add(RiskFactor::ConsequencesNeutral, settings.neutral),
        _ => {}
    }
    match report.what_happened.as_ref().and_then(|w| w.cyber_incident) {
        Some(YesNoUnknown::Yes) => add(RiskFactor::Cyber, settings.cyber),
        Some(YesNoUnknown::DontKnow) => add(RiskFactor::CyberUnknown, settings.cyber_unknown),
        _ => {}
    }
    match report.containment.as_ref().and_then(|c| c.contained) {
        Some(YesNoUnknown::No) => add(RiskFactor::NotContained, settings.not_contained),
        Some(YesNoUnknown::DontKnow) => {
            add(RiskFactor::ContainmentUnknown, settings.containment_unknown)
        }
        _ => {}
    }
    if reported_late {
        add(RiskFactor::ReportedLate, settings.reported_late);
    }
    let score = reasons.iter().map(|reason| reason.points).sum();
    let band = if score >= settings.high_from {
        RiskBand::High
    } else if score >= settings.medium_from {
        RiskBand::Medium
    } else {
        RiskBand::Low
    };
    RiskAssessment {
        score,
        band,
        reasons,
    }
}
