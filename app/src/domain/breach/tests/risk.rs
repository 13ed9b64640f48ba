use super::support::{report, Incident};
use crate::domain::breach::*;

fn score(incident: Incident, late: bool) -> RiskAssessment {
    risk_score(&report(incident), late, &RiskSettings::default())
}

#[test]
fn a_small_contained_mistake_scores_low_with_its_one_reason() {
    let assessment = score(Incident::default(), false);
    assert_eq!(assessment.score, 1);
    assert_eq!(assessment.band, RiskBand::Low);
    assert_eq!(
        assessment.reasons,
        vec![RiskReason {
            factor: RiskFactor::ManyPeople,
            points: 1
        }]
    );
}

#[test]
fn every_factor_adds_its_documented_points() {
    let assessment = score(
        Incident {
            categories: vec![DataCategory::Health, DataCategory::CriminalOffences],
            groups: vec![SubjectGroup::Children],
            people: Some(250_000),
            likelihood: Likelihood::VeryLikely,
            cyber: YesNoUnknown::Yes,
            contained: YesNoUnknown::No,
        },
        true,
    );
    let factors: Vec<(RiskFactor, u32)> = assessment
        .reasons
        .iter()
        .map(|reason| (reason.factor, reason.points))
        .collect();
    assert_eq!(
        factors,
        vec![
            (RiskFactor::SpecialCategory, 3),
            (RiskFactor::CriminalOffence, 3),
            (RiskFactor::ChildrenOrVulnerable, 3),
            (RiskFactor::ManyPeople, 4),
            (RiskFactor::ConsequencesVeryLikely, 4),
            (RiskFactor::Cyber, 2),
            (RiskFactor::NotContained, 3),
            (RiskFactor::ReportedLate, 2),
        ]
    );
    assert_eq!(assessment.score, 24);
    assert_eq!(assessment.band, RiskBand::High);
}

#[test]
fn people_bands_and_unknowns() {
    let people = |people| {
        score(
            Incident {
                people,
                ..Incident::default()
            },
            false,
        )
        .score
    };
    assert_eq!(
        [
            people(Some(99)),
            people(Some(100)),
            people(Some(1_000)),
            people(Some(100_000)),
            people(None)
        ],
        [1, 2, 3, 4, 2]
    );
    let unknowns = score(
        Incident {
            cyber: YesNoUnknown::DontKnow,
            contained: YesNoUnknown::DontKnow,
            likelihood: Likelihood::Neutral,
            ..Incident::default()
        },
        false,
    );
    assert_eq!(unknowns.score, 1 + 1 + 2 + 1);
}

/// A day's realistic incidents, in the order the documented score puts them.
#[test]
fn a_days_incidents_order_as_documented() {
    let day = [
        ("email to the wrong customer", Incident::default(), false),
        (
            "ransomware at a GP surgery",
            Incident {
                categories: vec![DataCategory::Health, DataCategory::BasicIdentifiers],
                groups: vec![SubjectGroup::Patients],
                people: Some(12_000),
                likelihood: Likelihood::Likely,
                cyber: YesNoUnknown::Yes,
                contained: YesNoUnknown::No,
            },
            false,
        ),
        (
            "school safeguarding notes left on a train",
            Incident {
                categories: vec![DataCategory::Health],
                groups: vec![SubjectGroup::Children],
                people: Some(150),
                likelihood: Likelihood::Likely,
                cyber: YesNoUnknown::No,
                contained: YesNoUnknown::DontKnow,
            },
            true,
        ),
        (
            "retailer credential stuffing",
            Incident {
                categories: vec![
                    DataCategory::IdentificationData,
                    DataCategory::EconomicOrFinancial,
                ],
                groups: vec![SubjectGroup::Customers],
                people: Some(150_000),
                likelihood: Likelihood::Neutral,
                cyber: YesNoUnknown::Yes,
                contained: YesNoUnknown::Yes,
            },
            false,
        ),
        (
            "probation records sent to the wrong address",
            Incident {
                categories: vec![DataCategory::CriminalOffences],
                groups: vec![SubjectGroup::VulnerableAdults],
                people: Some(1),
                likelihood: Likelihood::VeryLikely,
                cyber: YesNoUnknown::No,
                contained: YesNoUnknown::Yes,
            },
            false,
        ),
    ];
    let mut list: Vec<(&str, RiskAssessment)> = day
        .into_iter()
        .map(|(name, incident, late)| (name, score(incident, late)))
        .collect();
    // The triage list's own order.
    triage_order(&mut list, |(name, risk)| (risk, None, name));
    let scored: Vec<(&str, u32, RiskBand)> = list
        .into_iter()
        .map(|(name, risk)| (name, risk.score, risk.band))
        .collect();
    assert_eq!(
        scored,
        vec![
            (
                "school safeguarding notes left on a train",
                15,
                RiskBand::High
            ),
            ("ransomware at a GP surgery", 14, RiskBand::High),
            (
                "probation records sent to the wrong address",
                11,
                RiskBand::Medium
            ),
            ("retailer credential stuffing", 7, RiskBand::Medium),
            ("email to the wrong customer", 1, RiskBand::Low),
        ]
    );
}

/// Equal scores: the earlier awareness first (an unknown one last), then the reference.
#[test]
fn ties_go_to_the_earlier_awareness_then_the_reference() {
    let same = score(Incident::default(), false);
    let aware = |day| Some(super::support::at(2026, 3, day, 9, 0));
    let mut list = vec![
        ("IC-000004-AAAA", aware(2)),
        ("IC-000003-AAAA", None),
        ("IC-000002-AAAA", aware(1)),
        ("IC-000001-AAAA", aware(2)),
    ];
    triage_order(&mut list, |(reference, at)| (&same, *at, reference));
    let order: Vec<&str> = list.iter().map(|(reference, _)| *reference).collect();
    assert_eq!(
        order,
        [
            "IC-000002-AAAA",
            "IC-000001-AAAA",
            "IC-000004-AAAA",
            "IC-000003-AAAA"
        ]
    );
}
