//! Where a case stands, derived from what is stored.

use crate::domain::case::{stage, CaseEventKind, CaseStatus, Stage, WorkQueue};

const QUEUE_8: WorkQueue = WorkQueue::Numbered(8);

#[test]
fn a_new_case_is_on_the_sift_list_until_sifted() {
    assert_eq!(stage(CaseStatus::Open, false, QUEUE_8, false), Stage::Sift);
    assert_eq!(stage(CaseStatus::Open, true, QUEUE_8, false), Stage::Queue);
}

#[test]
fn a_case_routed_to_the_sift_list_stays_there_even_once_looked_at() {
    assert_eq!(
        stage(CaseStatus::Open, true, WorkQueue::Sift, false),
        Stage::Sift
    );
}

#[test]
fn a_sifted_case_with_an_officer_is_allocated_and_closing_ends_every_stage() {
    assert_eq!(
        stage(CaseStatus::Open, true, QUEUE_8, true),
        Stage::Allocated
    );
    for (sifted, assigned) in [(false, false), (true, false), (true, true)] {
        assert_eq!(
            stage(CaseStatus::Closed, sifted, QUEUE_8, assigned),
            Stage::Closed
        );
    }
}

#[test]
fn statuses_stages_and_event_kinds_round_trip_their_codes() {
    for status in CaseStatus::all() {
        assert_eq!(CaseStatus::from_code(status.code()), Some(*status));
    }
    for stage in Stage::all() {
        assert_eq!(Stage::from_code(stage.code()), Some(*stage));
        assert!(stage.label_key().starts_with("workflow.stage."));
    }
    for kind in CaseEventKind::all() {
        assert_eq!(CaseEventKind::from_code(kind.code()), Some(*kind));
    }
    assert!(CaseEventKind::EmailReceived.is_contact());
    assert!(!CaseEventKind::Note.is_contact());
}

#[test]
fn every_stage_and_event_kind_has_words() {
    for stage in Stage::all() {
        assert!(crate::i18n::has(&stage.label_key()), "{stage}");
    }
    for kind in CaseEventKind::all() {
        assert!(crate::i18n::has(&kind.label_key()), "{kind}");
    }
}
