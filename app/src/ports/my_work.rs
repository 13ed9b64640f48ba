//! What the server provides for the staff home's lists of work (`Services::my_work`): an
//! officer's cases, open work items, callbacks due and cases with new correspondence, or their
//! team's (the queues they lead). One query per list.

use crate::domain::casework::list_sorts::ListOrders;
pub use crate::domain::casework::work_rows::{
    CallbackDueRow, NewCorrespondenceRow, WorkCaseRow, WorkItemRow, WorkLists,
};
use crate::domain::casework::WorkScope;
use crate::domain::staff::StaffMember;
use crate::ports::StoreError;

#[async_trait::async_trait]
pub trait MyWork: Send + Sync {
    /// The lists of `scope` for `staff`: their own work, or the work on the queues they lead;
    /// the work items, callbacks and new correspondence sorted and paged as `orders` says.
    async fn work_lists(
        &self,
        staff: &StaffMember,
        scope: WorkScope,
        orders: &ListOrders,
    ) -> Result<WorkLists, StoreError>;
}
