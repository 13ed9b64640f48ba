//! The work queues as the sift and the queue pages name them (`6`, `service-complaints`), the
//! case types the sift may choose, and the reasons staff must give.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

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

/// The names staff know the queues by, keyed by slug (`13`, `service-complaints`): a setting
/// (`PORTAL_QUEUE_NAMES_FILE`, TOML `"13" = "…"`), each entry it leaves out keeping the manual's
/// name ([`QueueNames::default`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct QueueNames(pub BTreeMap<String, String>);

/// The manual's names (§3 "Sending cases to the sector groups"), numbered as the queues are.
const MANUAL_NAMES: [(&str, &str); 23] = [
    ("1", "Written advice that can’t be dealt with immediately"),
    ("2", "Written advice that can’t be dealt with immediately"),
    ("3", "Self-reported incidents"),
    ("4", "Written advice that can’t be dealt with immediately"),
    ("5", "All cases for work queues 6, 7 and 8"),
    ("6", "PECR, RFA DPA telecoms, direct marketing concerns"),
    ("7", "RFA DPA lenders and CRA concerns"),
    (
        "8",
        "RFA DPA general business (including motor industry) concerns",
    ),
    (
        "9",
        "RFA DPA central government and finance (excluding lenders) concerns",
    ),
    (
        "10",
        "RFA DPA police and criminal justice, MoJ, Home Office",
    ),
    (
        "11",
        "RFA DPA London boroughs, education, leisure, environment, charities concerns",
    ),
    ("12", "RFA DPA regulators, BBC, transport, health concerns"),
    ("13", "RFA DPA local government"),
    ("14", "FS50 FOIA central government concerns"),
    (
        "15",
        "FS50 FOIA police and criminal justice, MoJ, Home Office concerns",
    ),
    (
        "16",
        "FS50 FOIA London boroughs, education, leisure, environment charities concerns",
    ),
    (
        "17",
        "FS50 FOIA regulators, BBC, transport, health concerns",
    ),
    ("18", "FS50 FOIA local government concerns"),
    ("service-complaints", "Service complaints"),
    ("information-access", "Information access"),
    ("investigations", "DP - RAD Investigations (Any)"),
    ("sift", "Sift list"),
    ("enforcement", "Enforcement"),
];

impl Default for QueueNames {
    fn default() -> Self {
        QueueNames(
            MANUAL_NAMES
                .iter()
                .map(|(slug, name)| ((*slug).to_owned(), (*name).to_owned()))
                .collect(),
        )
    }
}

impl QueueNames {
    /// The manual's names with `overrides` (a setting file's entries) on top; an entry naming no
    /// queue, or a blank name, is refused with the slug.
    pub fn with_overrides(overrides: BTreeMap<String, String>) -> Result<QueueNames, String> {
        let mut names = QueueNames::default();
        for (slug, name) in overrides {
            let Some(queue) = queue_from_slug(&slug) else {
                return Err(format!("{slug:?} names no work queue"));
            };
            if name.trim().is_empty() {
                return Err(format!("the name of queue {slug:?} is blank"));
            }
            names.0.insert(queue_slug(queue), name.trim().to_owned());
        }
        Ok(names)
    }

    /// The name of `queue`: the setting's, else the manual's; a numbered queue keeps its number
    /// after the name, as staff know it ("RFA DPA local government (work queue 13)").
    pub fn name(&self, queue: WorkQueue) -> String {
        let name = self
            .0
            .get(&queue_slug(queue))
            .cloned()
            .unwrap_or_else(|| fallback_name(queue));
        match queue.number() {
            Some(number) => format!("{name} (work queue {number})"),
            None => name,
        }
    }
}

fn fallback_name(queue: WorkQueue) -> String {
    match queue.number() {
        Some(number) => format!("Work queue {number}"),
        None => queue_slug(queue),
    }
}

static QUEUE_NAMES: OnceLock<QueueNames> = OnceLock::new();

/// Sets the queue names for the process, once, at start (the server's configuration); later calls
/// are ignored and say so.
pub fn set_queue_names(names: QueueNames) -> bool {
    QUEUE_NAMES.set(names).is_ok()
}

/// The name of `queue` under the process's setting (the manual's names until one is set).
pub fn queue_name(queue: WorkQueue) -> String {
    match QUEUE_NAMES.get() {
        Some(names) => names.name(queue),
        None => QueueNames::default().name(queue),
    }
}
