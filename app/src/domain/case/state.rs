//! Where a case stands (manual §3–§5, §11): on the sift list, waiting in a work queue, with a case
//! officer, or closed. Derived from what is stored, never stored itself, so it cannot disagree.

use serde::{Deserialize, Serialize};

use super::routing::WorkQueue;

code_enum! {
    /// Whether the current instance of a case is open or closed, stored as its code.
    CaseStatus {
        /// Being worked (or waiting to be).
        Open => "open",
        /// Closed with an outcome; a re-open starts a new instance.
        Closed => "closed",
    }
}

code_enum! {
    /// The step a case is at, as staff and callers are told it.
    Stage {
        /// Waiting for the Advice Service to sift it (confirm its type and route it).
        Sift => "sift",
        /// Routed to a work queue, waiting for a team manager to allocate it.
        Queue => "queue",
        /// With a case officer.
        Allocated => "allocated",
        /// Closed.
        Closed => "closed",
    }
}

/// The stage of a case: closed; else on the sift list until sifted (or while routed to the sift
/// list itself); else allocated once it has an officer; else waiting in its work queue.
pub fn stage(status: CaseStatus, sifted: bool, work_queue: WorkQueue, assigned: bool) -> Stage {
    match status {
        CaseStatus::Closed => Stage::Closed,
        CaseStatus::Open if !sifted || work_queue == WorkQueue::Sift => Stage::Sift,
        CaseStatus::Open if assigned => Stage::Allocated,
        CaseStatus::Open => Stage::Queue,
    }
}

impl Stage {
    /// The i18n key of the stage in plain words (`workflow.stage.queue`, …).
    pub fn label_key(self) -> String {
        format!("workflow.stage.{}", self.code())
    }
}

/// 'No further contact' (manual §12): a manager decided we have told the customer all we
/// reasonably can about this closed case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoFurtherContact {
    pub reason: String,
    pub on: chrono::NaiveDate,
    /// The manager's staff id.
    pub by: String,
}
