//! Re-opening a case and changing its type (manual §3, §11).
//!
//! A re-open is for a second, related concern: a new instance under the same reference, never a
//! way to change an outcome (that is a correction, done behind the scenes). A case must not be
//! closed and re-opened on the same day: the officer waits until the following day. The case
//! type may change only while the case has never been closed; after that, Operations Service
//! Delivery changes it.

use chrono::NaiveDate;

use super::kind::CaseKind;
use super::record::CaseRecord;
use super::state::CaseStatus;

code_enum! {
    /// Why a case cannot be re-opened now; words in `case.reopen.problem.<code>`.
    ReopenProblem {
        /// The current instance is still open.
        NotClosed => "not_closed",
        /// Closed today: re-open it tomorrow.
        ClosedToday => "closed_today",
        /// No reason given.
        ReasonMissing => "reason_missing",
    }
}

/// What stops re-opening `record` on `today` for `reason` (empty: it may be re-opened).
pub fn reopen_problems(record: &CaseRecord, today: NaiveDate, reason: &str) -> Vec<ReopenProblem> {
    let mut problems = Vec::new();
    if record.status != CaseStatus::Closed {
        problems.push(ReopenProblem::NotClosed);
    } else if record.closed_on.is_some_and(|closed| closed >= today) {
        problems.push(ReopenProblem::ClosedToday);
    }
    if reason.trim().is_empty() {
        problems.push(ReopenProblem::ReasonMissing);
    }
    problems
}

code_enum! {
    /// Why the case type cannot change to the one chosen; words in `case.type.problem.<code>`.
    TypeChangeProblem {
        /// The case has been closed at least once: Operations Service Delivery changes it.
        EverClosed => "ever_closed",
        /// It already is that type.
        SameType => "same_type",
        /// Staff cases (ECS) are set up by a team manager, never by a type change.
        StaffCase => "staff_case",
    }
}

/// What stops changing `record`'s type to `to`, if anything.
pub fn type_change_problem(record: &CaseRecord, to: CaseKind) -> Option<TypeChangeProblem> {
    if record.ever_closed() {
        Some(TypeChangeProblem::EverClosed)
    } else if record.case_type == CaseKind::Ecs || to == CaseKind::Ecs {
        Some(TypeChangeProblem::StaffCase)
    } else if record.case_type == to {
        Some(TypeChangeProblem::SameType)
    } else {
        None
    }
}

/// The change the manual expects once a case is allocated: an FS50 found to be about the EIR
/// becomes FER; an RFA that is a Consumer Credit Act s159 request becomes SEC.
pub fn expected_type_change(record: &CaseRecord) -> Option<CaseKind> {
    if record.assigned_to.is_none() || record.ever_closed() {
        return None;
    }
    match record.case_type {
        CaseKind::Fs50 => Some(CaseKind::Fer),
        CaseKind::Rfa => Some(CaseKind::Sec),
        _ => None,
    }
}

/// The types a case may be changed to (every type but its own and ECS), empty once ever closed.
pub fn type_change_options(record: &CaseRecord) -> Vec<CaseKind> {
    CaseKind::all()
        .iter()
        .copied()
        .filter(|to| type_change_problem(record, *to).is_none())
        .collect()
}
