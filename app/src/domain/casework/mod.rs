//! The casework workspace's own rules (manual §3–§5, §11; policy.md §3, §4): the sift's decisions,
//! the work queues as staff name them, the service-level clocks of a case on a given day, and the
//! exception reports.
//!
//! Everything here is pure: `today`, the calendar and the settings are parameters.

mod clocks;
mod exceptions;
pub mod list_sorts;
mod my_work;
mod queue_list;
mod queues;
pub mod work_rows;

#[cfg(test)]
mod queue_tests;
#[cfg(test)]
mod tests;

pub use clocks::{
    assignment_due, case_clocks, clock_state, service_level, CaseClocks, Clock, ClockKind,
    ServiceLevel,
};
pub use exceptions::{
    closure_from_attributes, incomplete_closure_csv, past_service_levels_csv, reopened_same_day,
    reopened_same_day_csv, IncompleteClosure, InstanceDates, PastServiceLevel, ReopenedSameDay,
};
pub use my_work::{
    deadline_level, next_deadline, sort_cases, sort_cases_by, work_href, work_page, work_pages,
    CaseSort, WorkCase, WorkListing, WorkScope, WORK_PAGE_SIZE,
};
pub use queue_list::{
    due_bounds, level_code, matching_figure, page_span, with_thousands, QueueListParams,
    QueueListQuery, QueuePosition, QueueSort, QueueWindow, MAX_ORGANISATION_FILTER_CHARS,
    QUEUE_COUNT_CAP, QUEUE_PAGE_SIZE,
};
pub use queues::{
    queue_choices, queue_from_slug, queue_name, queue_slug, reason_problem, set_queue_names,
    sift_types, QueueNames, MAX_REASON_CHARS,
};
