//! Properties of `assess` over generated concerns: it never panics, and its answer is consistent.

use super::*;
use proptest::option;
use proptest::prelude::*;

fn route() -> impl Strategy<Value = Route> {
    proptest::sample::select(Route::all())
}

fn day_in_2026() -> impl Strategy<Value = NaiveDate> {
    (0u64..365).prop_map(|offset| date("2026-01-01") + chrono::Days::new(offset))
}

fn documents() -> impl Strategy<Value = Option<Vec<DocumentKind>>> {
    option::of(proptest::sample::subsequence(
        DocumentKind::all().to_vec(),
        0..=DocumentKind::all().len(),
    ))
}

prop_compose! {
    fn any_concern()(
        route in route(),
        dates in proptest::array::uniform6(option::of(day_in_2026())),
        flags in proptest::array::uniform4(any::<bool>()),
        public_authority in option::of(any::<bool>()),
        country in proptest::sample::select(vec!["GB", "FR", "US", "NO", ""]),
        channel in option::of(proptest::sample::select(Channel::all())),
        documents in documents(),
    ) -> Concern {
        let mut concern = Concern::new(route);
        concern.raised_on = dates[0];
        concern.response_on = dates[1];
        concern.internal_review_requested_on = dates[2];
        concern.internal_review_outcome_on = dates[3];
        concern.last_contact_on = dates[4];
        concern.incident_on = dates[5];
        concern.subject_access = flags[0];
        concern.whistleblower = flags[1];
        concern.serious_or_many_affected = flags[2];
        concern.organisation.scottish_public_authority = flags[3];
        concern.organisation.public_authority = public_authority;
        concern.organisation.country = country.to_owned();
        concern.channel = channel;
        concern.documents = documents;
        concern
    }
}

proptest! {
    #[test]
    fn an_assessment_is_consistent_with_its_reasons(
        concern in any_concern(), today in day_in_2026()
    ) {
        let assessment = assess(
            &concern, today, noon("2026-06-01"), &calendar(), &ReadinessSettings::default(),
        ).expect("2026 clocks stay within the data");
        prop_assert!(assessment.reasons.windows(2).all(|pair| pair[0] < pair[1]));
        let verdict = assessment.reasons.iter().map(Reason::verdict).max();
        prop_assert_eq!(assessment.verdict, verdict.unwrap_or(Verdict::Ready));
        if matches!(assessment.verdict, Verdict::NotForUs | Verdict::ReportInstead) {
            prop_assert_eq!(assessment.reasons.len(), 1);
            prop_assert_eq!(assessment.case_type, None);
        } else {
            prop_assert_eq!(assessment.case_type, concern.route.case_type());
        }
        if let Some(from) = assessment.can_complain_from {
            prop_assert_eq!(assessment.response_due.and_then(|due| due.succ_opt()), Some(from));
            prop_assert!(today < from);
        }
        for missing in &assessment.missing_documents {
            prop_assert!(assessment.required_documents.contains(missing));
        }
        prop_assert_eq!(
            assessment.reasons.contains(&Reason::MissingDocuments),
            !assessment.missing_documents.is_empty()
        );
    }
}
