//! What the server provides for the staff home's lists of work (`Services::my_work`): an
//! officer's cases, open work items, callbacks due and cases with new correspondence, or their
//! team's (the queues they lead). One query per list.

pub use crate::domain::casework::work_rows::{
    CallbackDueRow, NewCorrespondenceRow, WorkCaseRow, WorkItemRow, WorkLists,
};
use crate::domain::casework::WorkScope;
use crate::domain::staff::StaffMember;
use crate::ports::StoreError;

#[async_trait::async_trait]
pub trait MyWork: Send + Sync {
    /// The lists of `scope` for `staff`: their own work, or the work on the queues they lead.
    async fn work_lists(
        &self,
        staff: &StaffMember,
        scope: WorkScope,
    ) -> Result<WorkLists, StoreError>;
}
