//! Closing rules (manual §11): outcomes per case type and the attributes a closure needs.

use crate::domain::case::{
    closure_problems, natures_for, outcomes_for, CaseKind, Closure, ClosureProblem, Nature, Outcome,
};

fn closure(outcome: Outcome, nature_1: Option<Nature>, nature_2: Option<Nature>) -> Closure {
    Closure {
        outcome: Some(outcome),
        nature_1,
        nature_2,
        subject_access_delay: false,
    }
}

#[test]
fn every_type_has_the_four_marked_for_deletion_outcomes_last() {
    for kind in CaseKind::all() {
        let outcomes = outcomes_for(*kind);
        let last: Vec<_> = outcomes.iter().rev().take(4).rev().copied().collect();
        assert_eq!(
            last,
            vec![
                Outcome::Duplicate,
                Outcome::DocumentsPastedIntoExistingCase,
                Outcome::NonCmeh,
                Outcome::ScannedInError
            ],
            "{kind}"
        );
        assert!(outcomes.len() > 4, "{kind} has an outcome of its own");
    }
}

#[test]
fn the_manual_s_lists_are_kept_per_type() {
    assert_eq!(outcomes_for(CaseKind::Rfa).len(), 15 + 4);
    assert_eq!(outcomes_for(CaseKind::Ele).len(), 5 + 4);
    assert_eq!(outcomes_for(CaseKind::Fs50).len(), 13 + 4);
    assert_eq!(outcomes_for(CaseKind::Fer), outcomes_for(CaseKind::Fs50));
    assert_eq!(outcomes_for(CaseKind::Com).len(), 11 + 4);
    assert_eq!(outcomes_for(CaseKind::Enf).len(), 13 + 4);
    assert!(outcomes_for(CaseKind::Fs50).contains(&Outcome::NotPa));
    assert!(!outcomes_for(CaseKind::Rfa).contains(&Outcome::NotPa));
    assert!(!outcomes_for(CaseKind::Com).contains(&Outcome::ConcernToBeRaisedWithDc));
}

#[test]
fn an_outcome_of_another_type_is_refused() {
    let problems = closure_problems(
        CaseKind::Rfa,
        &closure(Outcome::NotPa, Some(Nature::Disclosure), None),
    );
    assert_eq!(problems, vec![ClosureProblem::OutcomeNotForType]);
    assert_eq!(
        closure_problems(CaseKind::Rfa, &Closure::default()),
        vec![
            ClosureProblem::OutcomeMissing,
            ClosureProblem::NatureMissing
        ]
    );
}

#[test]
fn a_data_protection_closure_needs_nature_1_unless_marked_for_deletion() {
    assert_eq!(
        closure_problems(
            CaseKind::Rfa,
            &closure(Outcome::UndertakingServed, None, None)
        ),
        vec![ClosureProblem::NatureMissing]
    );
    assert!(closure_problems(
        CaseKind::Rfa,
        &closure(Outcome::UndertakingServed, Some(Nature::Security), None)
    )
    .is_empty());
    assert!(closure_problems(CaseKind::Rfa, &closure(Outcome::Duplicate, None, None)).is_empty());
    // Written advice records no nature.
    assert!(natures_for(CaseKind::Enq).is_empty());
    assert!(
        closure_problems(CaseKind::Enq, &closure(Outcome::AdviceProvided, None, None)).is_empty()
    );
}

#[test]
fn a_delayed_subject_access_case_needs_subject_access_as_both_natures() {
    let mut delayed = closure(Outcome::DcActionRequired, Some(Nature::SubjectAccess), None);
    delayed.subject_access_delay = true;
    assert_eq!(
        closure_problems(CaseKind::Rfa, &delayed),
        vec![ClosureProblem::SubjectAccessNatures]
    );
    delayed.nature_2 = Some(Nature::Accuracy);
    assert_eq!(
        closure_problems(CaseKind::Rfa, &delayed),
        vec![ClosureProblem::SubjectAccessNatures]
    );
    delayed.nature_2 = Some(Nature::SubjectAccess);
    assert!(closure_problems(CaseKind::Rfa, &delayed).is_empty());
    assert_eq!(ClosureProblem::SubjectAccessNatures.field(), "nature-1");
}

#[test]
fn a_nature_of_another_legislation_is_refused() {
    assert_eq!(
        closure_problems(
            CaseKind::Fs50,
            &closure(Outcome::NotS50, Some(Nature::Cctv), None)
        ),
        vec![ClosureProblem::NatureNotForType]
    );
}

#[test]
fn every_outcome_nature_and_problem_has_words_and_codes_round_trip() {
    for outcome in Outcome::all() {
        assert!(crate::i18n::has(&outcome.label_key()), "{outcome}");
        assert_eq!(Outcome::from_code(outcome.code()), Some(*outcome));
    }
    for nature in Nature::all() {
        assert!(crate::i18n::has(&nature.label_key()), "{nature}");
    }
    for problem in ClosureProblem::all() {
        assert!(crate::i18n::has(&problem.label_key()), "{problem}");
    }
}
