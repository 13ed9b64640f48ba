//! A case's service-level clocks on a given day (policy.md §4): assignment to a sector work queue
//! (3 working days of creation, COM 5, RCC 5), first contact (14 calendar days internal, 30
//! promised) and closure (6 months; ENQ and RCC 30 days). A clock stopped by what it waits for
//! (routed, prepared, closed) is on time if it stopped by its due day, else overdue.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::calendar::Calendar;
use crate::domain::case::{
    service_levels, sla_state, CaseKind, CaseRecord, CaseSettings, SlaState, WorkQueue,
};

code_enum! {
    /// Which service level a clock measures; words in `casework.clock.<code>`.
    ClockKind {
        /// Assigned to a sector work queue (the sift done).
        Assignment => "assignment",
        /// First contact with the customer: the internal target.
        FirstContact => "first_contact",
        /// First contact with the customer: what we promise.
        ContactPromised => "contact_promised",
        /// Closed.
        Closure => "closure",
    }
}

/// One service level of a case: its due day and how it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    pub kind: ClockKind,
    pub due: NaiveDate,
    /// When what it waits for happened, if it has.
    pub done_on: Option<NaiveDate>,
    pub state: SlaState,
}

code_enum! {
    /// How a service level reads, the one reading every page shows (words in
    /// `casework.level.<code>`): met (by its due day, or late), or still running on time, due
    /// soon or overdue.
    ServiceLevel {
        /// What it waited for happened by the due day.
        Met => "met",
        /// What it waited for happened, after the due day.
        MetLate => "met_late",
        /// Running, not yet due soon.
        OnTime => "on_time",
        /// Running, due within the due-soon window.
        DueSoon => "due_soon",
        /// Running, past its due day.
        Overdue => "overdue",
    }
}

impl ServiceLevel {
    /// The state the lists count and filter by: met is on time, met late is overdue.
    pub fn state(self) -> SlaState {
        match self {
            ServiceLevel::Met | ServiceLevel::OnTime => SlaState::OnTime,
            ServiceLevel::DueSoon => SlaState::DueSoon,
            ServiceLevel::MetLate | ServiceLevel::Overdue => SlaState::Overdue,
        }
    }
}

/// The reading of a service level due on `due` on `today`: stopped on `done_on` (met if by the
/// due day, else met late), or still running ([`sla_state`] with the due-soon window). Every page
/// reads a service level through this.
pub fn service_level(
    due: NaiveDate,
    done_on: Option<NaiveDate>,
    today: NaiveDate,
    due_soon_days: u32,
) -> ServiceLevel {
    match done_on {
        Some(done) if done <= due => ServiceLevel::Met,
        Some(_) => ServiceLevel::MetLate,
        None => match sla_state(due, today, due_soon_days) {
            SlaState::OnTime => ServiceLevel::OnTime,
            SlaState::DueSoon => ServiceLevel::DueSoon,
            SlaState::Overdue => ServiceLevel::Overdue,
        },
    }
}

impl Clock {
    /// How the clock reads ([`service_level`]).
    pub fn level(&self) -> ServiceLevel {
        match self.done_on {
            Some(done) if done <= self.due => ServiceLevel::Met,
            Some(_) => ServiceLevel::MetLate,
            None => match self.state {
                SlaState::OnTime => ServiceLevel::OnTime,
                SlaState::DueSoon => ServiceLevel::DueSoon,
                SlaState::Overdue => ServiceLevel::Overdue,
            },
        }
    }
}

/// Every clock of a case, in [`ClockKind`] order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseClocks {
    pub assignment: Clock,
    pub first_contact: Clock,
    pub contact_promised: Clock,
    pub closure: Clock,
}

impl CaseClocks {
    /// The clocks as a list.
    pub fn all(&self) -> [Clock; 4] {
        [
            self.assignment,
            self.first_contact,
            self.contact_promised,
            self.closure,
        ]
    }

    /// The next running deadline: the earliest due of the clocks not yet stopped (none once all
    /// have). A queue's list shows it, and filters and sorts by it (kept as `cases.next_due`).
    pub fn next_running(&self) -> Option<Clock> {
        self.all()
            .into_iter()
            .filter(|clock| clock.done_on.is_none())
            .min_by_key(|clock| clock.due)
    }

    /// The clocks that are overdue.
    pub fn overdue(&self) -> Vec<Clock> {
        self.all()
            .into_iter()
            .filter(|clock| clock.state == SlaState::Overdue)
            .collect()
    }
}

/// How a clock due on `due` stands on `today` ([`service_level`]'s state): stopped on `done_on`
/// (on time if by the due day, else overdue), or still running.
pub fn clock_state(
    due: NaiveDate,
    done_on: Option<NaiveDate>,
    today: NaiveDate,
    due_soon_days: u32,
) -> SlaState {
    service_level(due, done_on, today, due_soon_days).state()
}

/// The day a case of `case_type` opened on `opened_on` should be in a sector work queue by: the
/// assignment working days (COM and RCC their own) after it, skipping weekends and the bank
/// holidays of the settings' division. `None` past the calendar's data.
pub fn assignment_due(
    case_type: CaseKind,
    opened_on: NaiveDate,
    calendar: &Calendar,
    settings: &CaseSettings,
) -> Option<NaiveDate> {
    service_levels(case_type, opened_on, calendar, settings)
        .ok()
        .map(|levels| levels.assign_by)
}

/// The clocks of `case` on `today`. Assignment is counted from the current instance's opening
/// with the calendar (the stored date when the calendar has no data that far) and stops when the
/// case is sifted to a work queue other than the sift list; first contact stops on `prepared_on`
/// (the 'prepare' work item completed); closure stops when the case closes. The other due days
/// are the case's own (a re-open restarts them).
pub fn case_clocks(
    case: &CaseRecord,
    prepared_on: Option<NaiveDate>,
    calendar: &Calendar,
    settings: &CaseSettings,
    today: NaiveDate,
) -> CaseClocks {
    let soon = settings.due_soon_days;
    let clock = |kind, due, done_on| Clock {
        kind,
        due,
        done_on,
        state: clock_state(due, done_on, today, soon),
    };
    let assign_by = assignment_due(case.case_type, case.opened_on, calendar, settings)
        .unwrap_or(case.assign_by);
    let routed = case
        .sifted_on
        .filter(|_| case.work_queue != WorkQueue::Sift);
    // A case closed before it was routed stopped its assignment clock when it closed.
    let assigned_on = routed.or(case.closed_on);
    let prepared_on = prepared_on.or(case.closed_on);
    CaseClocks {
        assignment: clock(ClockKind::Assignment, assign_by, assigned_on),
        first_contact: clock(ClockKind::FirstContact, case.first_contact_due, prepared_on),
        contact_promised: clock(
            ClockKind::ContactPromised,
            case.contact_promised_by,
            prepared_on,
        ),
        closure: clock(ClockKind::Closure, case.close_by, case.closed_on),
    }
}
