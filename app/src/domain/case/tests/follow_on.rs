//! Follow-on cases: which outcomes open one, and where it waits.

use chrono::NaiveDate;

use crate::domain::calendar::Calendar;
use crate::domain::case::{
    follow_on_for, outcomes_for, plan_follow_on, service_levels, CaseKind, CaseSettings, Outcome,
    Priority, WorkQueue, PREPARE,
};

const BANK_HOLIDAYS_JSON: &str = include_str!("../../../../data/bank-holidays.json");

#[test]
fn enforcement_and_penalties_open_enf_and_a_criminal_investigation_opens_pcb() {
    assert_eq!(
        follow_on_for(Outcome::EnforcementNoticePursued),
        Some(CaseKind::Enf)
    );
    assert_eq!(
        follow_on_for(Outcome::CivilMonetaryPenaltyPursued),
        Some(CaseKind::Enf)
    );
    assert_eq!(
        follow_on_for(Outcome::EnforcementPursued),
        Some(CaseKind::Enf)
    );
    assert_eq!(
        follow_on_for(Outcome::CriminalInvestigationPursued),
        Some(CaseKind::Pcb)
    );
    // Every other outcome of every type opens nothing: an ENF case's own "served" outcomes end
    // the work rather than hand it on.
    let opening = [
        Outcome::EnforcementNoticePursued,
        Outcome::CivilMonetaryPenaltyPursued,
        Outcome::EnforcementPursued,
        Outcome::CriminalInvestigationPursued,
    ];
    for kind in CaseKind::all() {
        for outcome in outcomes_for(*kind) {
            if !opening.contains(&outcome) {
                assert_eq!(follow_on_for(outcome), None, "{kind:?} {outcome:?}");
            }
        }
    }
}

#[test]
fn a_follow_on_waits_on_enforcements_queue_with_its_types_service_levels() {
    let calendar = Calendar::from_govuk_json(BANK_HOLIDAYS_JSON).unwrap();
    let settings = CaseSettings::default();
    let opened = NaiveDate::from_ymd_opt(2026, 12, 24).unwrap();
    for kind in [CaseKind::Enf, CaseKind::Pcb] {
        let plan = plan_follow_on(kind, opened, &calendar, &settings).unwrap();
        assert_eq!(plan.case_type, kind);
        assert_eq!(plan.work_queue, WorkQueue::Enforcement);
        assert_eq!(plan.priority, Priority::Normal);
        assert!(plan.flags.is_empty());
        assert_eq!(
            plan.service_levels,
            service_levels(kind, opened, &calendar, &settings).unwrap()
        );
        assert_eq!(plan.work_items.len(), 1);
        assert_eq!(plan.work_items[0].kind, PREPARE);
        assert_eq!(plan.work_items[0].queue, WorkQueue::Enforcement);
        assert_eq!(
            plan.work_items[0].due_on,
            plan.service_levels.first_contact_due
        );
    }
}
