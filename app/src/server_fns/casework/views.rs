//! What the sift, work queue and exception pages load.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::case::{CaseKind, CaseRecord, WorkQueue};
use crate::domain::casework::{CaseClocks, IncompleteClosure, PastServiceLevel, ReopenedSameDay};
use crate::domain::staff::StaffMember;
use crate::server_fns::case::CaseWorkspace;
use crate::server_fns::staff::FormFlash;

/// A case in a list: its record, its officer's name, when 'prepare' was completed, and how many
/// sift flags are still raised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueCase {
    pub record: CaseRecord,
    pub officer: Option<String>,
    pub prepared_on: Option<NaiveDate>,
    pub open_flags: u32,
    /// The customer's (data subject's, complainant's) name, when the case has one.
    pub customer: Option<String>,
}

/// A listed case with its service-level clocks on today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListedCase {
    pub case: QueueCase,
    pub clocks: CaseClocks,
}

/// A work queue's open cases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueCount {
    pub queue: WorkQueue,
    pub open: u32,
    /// Not yet allocated to an officer.
    pub waiting: u32,
    /// The lead's (id, name).
    pub lead: Option<(String, String)>,
}

/// A closed instance with its closure as stored (the closing form's fields as JSON).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosedInstance {
    pub reference: String,
    pub case_type: CaseKind,
    pub number: u32,
    pub closed_on: NaiveDate,
    pub outcome: Option<String>,
    pub attributes: String,
}

/// `/staff/sift`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiftListView {
    pub me: StaffMember,
    pub today: NaiveDate,
    pub cases: Vec<ListedCase>,
}

/// `/staff/sift/<reference>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiftCaseView {
    pub me: StaffMember,
    pub today: NaiveDate,
    pub case: CaseWorkspace,
    pub clocks: CaseClocks,
    /// What the routing table suggests for the case's type and sector.
    pub suggested: WorkQueue,
    pub flash: Option<FormFlash>,
}

/// `/staff/queues`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuesView {
    pub me: StaffMember,
    pub queues: Vec<QueueCount>,
}

/// `/staff/queues/<queue>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueView {
    pub me: StaffMember,
    pub today: NaiveDate,
    pub queue: WorkQueue,
    pub cases: Vec<ListedCase>,
    /// What the address asked for (filters, sort, page).
    pub query: crate::domain::casework::QueueListQuery,
    /// Whether pages come before and after this one; how many cases the filters match (up to
    /// the cap + 1).
    pub window: crate::domain::casework::QueueWindow,
    pub lead: Option<(String, String)>,
    /// Who may lead a queue: active case officers and team managers, (id, name) by name.
    pub leads: Vec<(String, String)>,
    pub flash: Option<FormFlash>,
}

/// `/staff/queues/<queue>/<reference>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AllocationView {
    pub me: StaffMember,
    pub today: NaiveDate,
    /// The queue in the address.
    pub queue: WorkQueue,
    pub case: CaseWorkspace,
    pub clocks: CaseClocks,
    /// Active case officers, (id, name) by name.
    pub officers: Vec<(String, String)>,
    pub flash: Option<FormFlash>,
}

/// `/staff/exceptions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExceptionsView {
    pub me: StaffMember,
    pub today: NaiveDate,
    pub incomplete: Vec<IncompleteClosure>,
    pub reopened: Vec<ReopenedSameDay>,
    pub past: Vec<PastServiceLevel>,
    /// Concerns the assistant found outside our remit over the last twelve months.
    pub out_of_remit: Vec<crate::domain::assistant::RemitCount>,
}
