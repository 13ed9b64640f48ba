//! The casework workspace's own rules (manual §3–§5, §11; policy.md §3, §4): the sift's decisions,
//! the work queues as staff name them, the service-level clocks of a case on a given day, and the
//! exception reports.
//!
//! Everything here is pure: `today`, the calendar and the settings are parameters.

mod clocks;
mod exceptions;
mod queues;

#[cfg(test)]
mod tests;

pub use clocks::{assignment_due, case_clocks, clock_state, CaseClocks, Clock, ClockKind};
pub use exceptions::{
    closure_from_attributes, incomplete_closure_csv, past_service_levels_csv, reopened_same_day,
    reopened_same_day_csv, IncompleteClosure, InstanceDates, PastServiceLevel, ReopenedSameDay,
};
pub use queues::{
    queue_choices, queue_from_slug, queue_slug, reason_problem, sift_types, MAX_REASON_CHARS,
};
