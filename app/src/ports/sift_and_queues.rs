//! What the server provides for the sift, the work queues and the exception reports
//! (`Services::casework`): the lists, each change (one transaction with its event and audit row)
//! and what the reports are computed from.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::case::{CaseKind, SiftFlagKind, WorkQueue};
use crate::domain::casework::InstanceDates;
use crate::domain::staff::StaffMember;
pub use crate::ports::case::ChangeResult;
use crate::ports::StoreError;
use crate::server_fns::casework::{ClosedInstance, QueueCase, QueueCount};

/// One change the sift or a team manager makes to a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CaseworkChange {
    /// Confirms or changes the case type and routes the case to a work queue.
    Sift {
        case_type: CaseKind,
        queue: WorkQueue,
    },
    /// Clears a raised sift flag, with the reason.
    ClearFlag { kind: SiftFlagKind, reason: String },
    /// Allocates the case to a case officer.
    Allocate { officer_id: String },
    /// Moves the case to another team's work queue, with the reason (its allocation ends).
    Move { to: WorkQueue, reason: String },
}

/// A change and who makes it, when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseworkRequest {
    pub reference: String,
    pub staff: StaffMember,
    pub today: NaiveDate,
    pub change: CaseworkChange,
}

#[async_trait::async_trait]
pub trait SiftAndQueues: Send + Sync {
    /// Open cases not yet sifted, and those routed to the sift list, oldest first, as `staff`
    /// may see them.
    async fn sift_list(&self, staff: &StaffMember) -> Result<Vec<QueueCase>, StoreError>;

    /// Sifted open cases by work queue: how many, how many waiting for an officer, and the lead.
    async fn queue_counts(&self, staff: &StaffMember) -> Result<Vec<QueueCount>, StoreError>;

    /// The sifted open cases in `queue`, oldest first.
    async fn queue_cases(
        &self,
        queue: WorkQueue,
        staff: &StaffMember,
    ) -> Result<Vec<QueueCase>, StoreError>;

    /// One page of the sifted open cases in `queue` as `query` filters, sorts and places them,
    /// whether pages come before and after it, and how many the filters match (counted up to a
    /// cap); `today` and `due_soon_days` read the service-level filter.
    async fn queue_page(
        &self,
        queue: WorkQueue,
        query: &crate::domain::casework::QueueListQuery,
        today: NaiveDate,
        staff: &StaffMember,
    ) -> Result<(Vec<QueueCase>, crate::domain::casework::QueueWindow), StoreError>;

    /// Every open case (the report of cases past their service levels).
    async fn open_cases(&self, staff: &StaffMember) -> Result<Vec<QueueCase>, StoreError>;

    /// Every closed instance with its closure as stored, latest first.
    async fn closed_instances(
        &self,
        staff: &StaffMember,
    ) -> Result<Vec<ClosedInstance>, StoreError>;

    /// The instances of every re-opened case.
    async fn reopened_instances(
        &self,
        staff: &StaffMember,
    ) -> Result<Vec<InstanceDates>, StoreError>;

    /// Makes one change, in one transaction with its event and audit row.
    async fn change(&self, request: CaseworkRequest) -> Result<ChangeResult, StoreError>;

    /// Makes `lead` the lead of `queue` (an active case officer or team manager).
    async fn set_lead(
        &self,
        queue: WorkQueue,
        lead: &str,
        staff: &StaffMember,
    ) -> Result<ChangeResult, StoreError>;
}
