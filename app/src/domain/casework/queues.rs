//! The work queues as the sift and the queue pages name them (`6`, `service-complaints`), the
//! case types the sift may choose, and the reasons staff must give.

use crate::domain::case::{CaseKind, WorkQueue, LAST_NUMBERED_QUEUE};

/// The longest reason kept (clearing a flag, moving a case).
pub const MAX_REASON_CHARS: usize = 2_000;

/// A queue's name in addresses and forms: its number (`6`), else its kind (`service-complaints`).
pub fn queue_slug(queue: WorkQueue) -> String {
    match queue {
        WorkQueue::Numbered(number) => number.to_string(),
        WorkQueue::ServiceComplaints => "service-complaints".to_owned(),
        WorkQueue::InformationAccess => "information-access".to_owned(),
        WorkQueue::Investigations => "investigations".to_owned(),
        WorkQueue::Sift => "sift".to_owned(),
        WorkQueue::Enforcement => "enforcement".to_owned(),
    }
}

/// The queue a slug names (`6`, `service-complaints`), if any; surrounding white space ignored.
pub fn queue_from_slug(slug: &str) -> Option<WorkQueue> {
    let slug = slug.trim();
    if let Ok(number) = slug.parse::<u8>() {
        return WorkQueue::numbered(number);
    }
    queue_choices()
        .into_iter()
        .find(|queue| queue.number().is_none() && queue_slug(*queue) == slug)
}

/// Every queue a case can be routed or moved to: 1 to 18, then the named queues, the sift list
/// last.
pub fn queue_choices() -> Vec<WorkQueue> {
    (1..=LAST_NUMBERED_QUEUE)
        .map(WorkQueue::Numbered)
        .chain([
            WorkQueue::ServiceComplaints,
            WorkQueue::InformationAccess,
            WorkQueue::Investigations,
            WorkQueue::Enforcement,
            WorkQueue::Sift,
        ])
        .collect()
}

/// The case types the sift may confirm or choose: every type but a staff case (ECS), which a
/// team manager sets up (manual §15).
pub fn sift_types() -> Vec<CaseKind> {
    CaseKind::all()
        .iter()
        .copied()
        .filter(|kind| *kind != CaseKind::Ecs)
        .collect()
}

/// The problem with a reason staff must give: `missing` (blank) or `too_long`.
pub fn reason_problem(reason: &str) -> Option<&'static str> {
    let reason = reason.trim();
    if reason.is_empty() {
        Some("missing")
    } else if reason.chars().count() > MAX_REASON_CHARS {
        Some("too_long")
    } else {
        None
    }
}
