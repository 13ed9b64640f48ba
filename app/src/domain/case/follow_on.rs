//! Follow-on cases (manual §5 and §11): the outcomes that hand the work on to a new case, and the
//! plan of that case. "Enforcement notice pursued" and "civil monetary penalty pursued" (and for
//! PECR "enforcement pursued") are used when an ENF case has been created for the work; "criminal
//! investigation pursued" when a PCB case has. Enforcement's Criminal Investigation Team can also
//! open a PCB case when it completes 'provide advice' on a potential criminal breach. Either way
//! the new case copies the parties and documents, and waits on Enforcement's work queue.

use chrono::NaiveDate;

use super::intake::{IntakePlan, WorkItem, PREPARE};
use super::kind::CaseKind;
use super::outcome::Outcome;
use super::routing::WorkQueue;
use super::service_levels::{initial_priority, service_levels, CaseSettings};
use crate::domain::calendar::{Calendar, CalendarError};

/// The case type an outcome opens, if it opens one.
pub fn follow_on_for(outcome: Outcome) -> Option<CaseKind> {
    match outcome {
        Outcome::EnforcementNoticePursued
        | Outcome::CivilMonetaryPenaltyPursued
        | Outcome::EnforcementPursued => Some(CaseKind::Enf),
        Outcome::CriminalInvestigationPursued => Some(CaseKind::Pcb),
        _ => None,
    }
}

/// The plan of a follow-on case of `case_type` opened on `opened_on`: Enforcement's work queue,
/// the type's service levels and priority, a 'prepare' item and no sift flags (the case it
/// comes from was sifted).
pub fn plan_follow_on(
    case_type: CaseKind,
    opened_on: NaiveDate,
    calendar: &Calendar,
    settings: &CaseSettings,
) -> Result<IntakePlan, CalendarError> {
    let service_levels = service_levels(case_type, opened_on, calendar, settings)?;
    let work_queue = WorkQueue::Enforcement;
    Ok(IntakePlan {
        case_type,
        work_queue,
        priority: initial_priority(case_type),
        work_items: vec![WorkItem {
            kind: PREPARE.to_owned(),
            queue: work_queue,
            due_on: service_levels.first_contact_due,
        }],
        service_levels,
        flags: Vec::new(),
        title: String::new(),
    })
}
