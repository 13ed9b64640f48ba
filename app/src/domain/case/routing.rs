//! Work queues and the routing table of policy.md §3 (manual §3 "Sending cases to the sector
//! groups").

use std::fmt;

use serde::{Deserialize, Serialize};

use super::kind::CaseKind;
use super::sector::Sector;

/// The number of the RFA staging queue, for data protection concerns of unknown sector.
pub const RFA_STAGING_QUEUE: u8 = 5;
/// The PECR (ELE) queue.
pub const ELE_QUEUE: u8 = 6;
/// The self-reported incidents (COM) queue.
pub const COM_QUEUE: u8 = 3;
/// The written advice (ENQ) queue; 2 and 4 are overflow the Advice Service uses by hand.
pub const ENQ_QUEUE: u8 = 1;
/// The highest numbered work queue.
pub const LAST_NUMBERED_QUEUE: u8 = 18;

/// A work queue a case can wait in.
///
/// Serialized as `{"numbered": 6}`, `"service_complaints"`, `"information_access"`,
/// `"investigations"`, `"sift"` or `"enforcement"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkQueue {
    /// Work queue 1 to 18 (policy.md §3). Build it with [`WorkQueue::numbered`] to check the
    /// range.
    Numbered(u8),
    /// The service complaints manager's queue (RCC).
    ServiceComplaints,
    /// The information access team's queue (IRQ).
    InformationAccess,
    /// "DP - RAD Investigations (Any)": potential criminal breaches to check.
    Investigations,
    /// The sift list: the Advice Service routes it by hand within 3 working days.
    Sift,
    /// Enforcement's own queue: high-risk self-reported incidents it takes on at triage.
    Enforcement,
}

impl WorkQueue {
    /// Work queue `number`, if it is one of 1 to 18.
    pub fn numbered(number: u8) -> Option<WorkQueue> {
        (1..=LAST_NUMBERED_QUEUE)
            .contains(&number)
            .then_some(WorkQueue::Numbered(number))
    }

    /// The queue's number, for the numbered queues.
    pub fn number(self) -> Option<u8> {
        match self {
            WorkQueue::Numbered(number) => Some(number),
            _ => None,
        }
    }

    /// The name staff know the queue by: the queue names setting's, by default the manual's
    /// ([`crate::domain::casework::QueueNames`]).
    pub fn name(self) -> String {
        crate::domain::casework::queue_name(self)
    }
}

impl fmt::Display for WorkQueue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

/// The work queue a new case of `case_type` goes to, given its organisation's sector if known.
///
/// - RFA: the sector's RFA queue (6 to 13); unknown sector: 5, the staging queue for 6 to 8.
/// - FS50 and FER: the sector's FS50 queue (14 to 18); a sector with no FS50 queue (a business,
///   probably "Not PA") or an unknown sector stays on the sift list.
/// - ELE: 6. COM: 3. ENQ: 1. RCC: the service complaints queue. IRQ: the information access queue.
/// - Every other case type stays on the sift list.
pub fn route(case_type: CaseKind, sector: Option<Sector>) -> WorkQueue {
    match case_type {
        CaseKind::Rfa => WorkQueue::Numbered(sector.map_or(RFA_STAGING_QUEUE, Sector::rfa_queue)),
        CaseKind::Fs50 | CaseKind::Fer => sector
            .and_then(Sector::fs50_queue)
            .map_or(WorkQueue::Sift, WorkQueue::Numbered),
        CaseKind::Ele => WorkQueue::Numbered(ELE_QUEUE),
        CaseKind::Com => WorkQueue::Numbered(COM_QUEUE),
        CaseKind::Enq => WorkQueue::Numbered(ENQ_QUEUE),
        CaseKind::Rcc => WorkQueue::ServiceComplaints,
        CaseKind::Irq => WorkQueue::InformationAccess,
        CaseKind::Inf | CaseKind::Enf | CaseKind::Sec | CaseKind::Pcb | CaseKind::Ecs => {
            WorkQueue::Sift
        }
    }
}
