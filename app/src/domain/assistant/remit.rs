//! Demand outside the regulator's remit (issue 19, part 2): when the assistant finds a concern is
//! for another body, what is kept so that demand can be counted. Only the route, the reason and
//! where the person was sent: nothing about them or the organisation.

use serde::{Deserialize, Serialize};

use super::plan::Outcome;
use crate::domain::readiness::Verdict;

/// One concern found to be outside our remit, as counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutOfRemit {
    /// The concern's route code (`data_protection`, `foi`, …).
    pub route: String,
    /// The first reason the rules gave (`organisation_in_eea`, `not_public_authority`, …).
    pub reason: String,
    /// Where the person was sent, if to one body (`eea_data_protection_authority`, …).
    pub signpost: Option<String>,
}

/// How many concerns outside our remit one month saw, for one route and reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemitCount {
    /// `YYYY-MM`.
    pub month: String,
    pub route: String,
    pub reason: String,
    pub count: i64,
}

/// What to count of `outcome`: something only for a not-for-us verdict.
pub fn out_of_remit(outcome: &Outcome) -> Option<OutOfRemit> {
    if outcome.verdict() != Verdict::NotForUs {
        return None;
    }
    let assessment = &outcome.assessment;
    Some(OutOfRemit {
        route: outcome.concern.route.code().to_owned(),
        reason: assessment
            .reasons
            .first()
            .map_or("not_for_us", |reason| reason.code())
            .to_owned(),
        signpost: assessment
            .signpost
            .map(|signpost| signpost.code().to_owned()),
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::domain::assistant::{plan, Answer, Answers, Step};
    use crate::domain::calendar::Calendar;
    use crate::domain::readiness::ReadinessSettings;
    use chrono::{FixedOffset, NaiveDate, TimeZone};

    fn outcome(answers: &[(Step, &str)]) -> Outcome {
        let mut given = Answers::default();
        for (step, value) in answers {
            let answer = if *step == Step::Organisation {
                Answer::Text((*value).to_owned())
            } else {
                Answer::Choice((*value).to_owned())
            };
            given.set(*step, answer);
        }
        let today = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let now = FixedOffset::east_opt(0)
            .unwrap()
            .with_ymd_and_hms(2026, 3, 2, 10, 0, 0)
            .unwrap();
        let calendar =
            Calendar::from_govuk_json(include_str!("../../../data/bank-holidays.json")).unwrap();
        plan(&given, today, now, &calendar, &ReadinessSettings::default())
            .unwrap()
            .unwrap()
    }

    #[test]
    fn a_concern_for_another_authority_is_counted_by_route_reason_and_signpost() {
        let abroad = outcome(&[
            (Step::About, "data_protection"),
            (Step::Organisation, "Exemple SA"),
            (Step::OrganisationCountry, "eea"),
            (Step::EeaCountry, "FR"),
            (Step::ProcessedInUk, "no"),
        ]);
        assert_eq!(
            out_of_remit(&abroad),
            Some(OutOfRemit {
                route: "data_protection".to_owned(),
                reason: "organisation_in_eea".to_owned(),
                signpost: Some("eea_data_protection_authority".to_owned()),
            })
        );
    }

    #[test]
    fn a_concern_we_can_take_is_not_counted() {
        let ours = outcome(&[
            (Step::About, "data_protection"),
            (Step::Organisation, "Example Ltd"),
            (Step::OrganisationCountry, "uk"),
        ]);
        assert_ne!(ours.verdict(), Verdict::NotForUs);
        assert_eq!(out_of_remit(&ours), None);
    }
}
