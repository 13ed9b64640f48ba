//! The Enforcement triage (manual §3 "Triaging self-reported incidents"; policy.md §2): each day's
//! self-reported incidents in order of risk, and the two moves staff make. Enforcement takes on a
//! high-risk incident in its own queue; any other goes to its sector's queue at priority medium.
//! Either way the case is now on a queue that allocates to an officer, so its assignment clock
//! starts again from the move: 3 working days (`CaseSettings::assign_working_days`). The first
//! contact and closure dates still run from the day the report arrived.

use chrono::NaiveDate;

use crate::domain::calendar::{Calendar, CalendarError};
use crate::domain::case::{route, CaseKind, CaseSettings, Priority, Sector, WorkQueue};

use super::risk::RiskAssessment;

code_enum! {
    /// Where triage sends an incident.
    TriageMove {
        /// Enforcement takes it on (high risk).
        Enforcement => "enforcement",
        /// Priority medium, to the organisation's sector queue.
        SectorQueue => "sector_queue",
    }
}

/// What a move changes on the case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TriagePlan {
    pub work_queue: WorkQueue,
    pub priority: Priority,
    pub assign_by: NaiveDate,
}

/// The queue, priority and assignment date after `to`, decided on `today`. The sector queue is
/// the sector's data protection (RFA) queue; an unknown sector goes to the staging queue (5).
pub fn triage_plan(
    to: TriageMove,
    sector: Option<Sector>,
    today: NaiveDate,
    calendar: &Calendar,
    settings: &CaseSettings,
) -> Result<TriagePlan, CalendarError> {
    let (work_queue, priority) = match to {
        TriageMove::Enforcement => (WorkQueue::Enforcement, Priority::High),
        TriageMove::SectorQueue => (route(CaseKind::Rfa, sector), Priority::Medium),
    };
    Ok(TriagePlan {
        work_queue,
        priority,
        assign_by: calendar.add_working_days(
            today,
            settings.assign_working_days,
            settings.division,
        )?,
    })
}

/// Sorts incidents for the triage list: highest score first; ties by the earlier awareness
/// (unknown last), then the reference, so the order is the same every time.
pub fn triage_order<T>(
    items: &mut [T],
    key: impl Fn(&T) -> (&RiskAssessment, Option<chrono::NaiveDateTime>, &str),
) {
    items.sort_by(|a, b| {
        let (risk_a, aware_a, reference_a) = key(a);
        let (risk_b, aware_b, reference_b) = key(b);
        risk_b
            .score
            .cmp(&risk_a.score)
            .then_with(|| match (aware_a, aware_b) {
                (Some(a), Some(b)) => a.cmp(&b),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            })
            .then_with(|| reference_a.cmp(reference_b))
    });
}
