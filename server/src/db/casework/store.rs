//! The sift, the work queues and the exception reports over the database ([`SiftAndQueues`]).

use std::sync::Arc;

use app::domain::calendar::Calendar;
use app::domain::case::{service_levels, CaseSettings, WorkQueue};
use app::domain::casework::InstanceDates;
use app::domain::staff::{Role, StaffMember};
use app::ports::case::ChangeResult;
use app::ports::sift_and_queues::{CaseworkChange, CaseworkRequest};
use app::ports::{SiftAndQueues, StoreError};
use app::server_fns::casework::{ClosedInstance, QueueCase, QueueCount};

use crate::db::{CaseStoreError, Database};

/// The casework lists and changes over the database.
pub struct SiftAndQueuesStore {
    pub database: Database,
    pub calendar: Arc<Calendar>,
    pub settings: CaseSettings,
}

fn store_error(error: CaseStoreError) -> StoreError {
    StoreError(error.to_string())
}

fn forbidden(field: &str) -> ChangeResult {
    ChangeResult::Refused(vec![(
        field.to_owned(),
        "casework.error.not_allowed".to_owned(),
    )])
}

impl SiftAndQueuesStore {
    async fn make(&self, request: &CaseworkRequest) -> Result<ChangeResult, CaseStoreError> {
        let db = &self.database;
        let staff = &request.staff;
        let Some(row) = db.visible_case_row(&request.reference, &staff.id).await? else {
            return Ok(ChangeResult::NotFound);
        };
        let sifts = staff.has_any(&[Role::AdviceService]);
        let manages = staff.has_any(&[Role::TeamManager]);
        match &request.change {
            CaseworkChange::Sift { case_type, queue } => {
                if !sifts {
                    return Ok(forbidden("queue"));
                }
                let levels = service_levels(
                    *case_type,
                    row.record.opened_on,
                    &self.calendar,
                    &self.settings,
                )
                .map_err(|error| {
                    CaseStoreError::Database(sqlx::Error::Protocol(format!(
                        "service levels: {error}"
                    )))
                })?;
                db.sift_case(&row, staff, *case_type, *queue, &levels, request.today)
                    .await
            }
            CaseworkChange::ClearFlag { kind, reason } => {
                if !sifts {
                    return Ok(forbidden(&format!("reason-{}", kind.code())));
                }
                db.clear_sift_flag(&row, staff, *kind, reason).await
            }
            CaseworkChange::Allocate { officer_id } => {
                if !manages {
                    return Ok(forbidden("officer"));
                }
                db.allocate_case(&row, staff, officer_id, request.today)
                    .await
            }
            CaseworkChange::Move { to, reason } => {
                if !manages {
                    return Ok(forbidden("to"));
                }
                db.move_to_queue(&row, staff, *to, reason).await
            }
        }
    }
}

#[async_trait::async_trait]
impl SiftAndQueues for SiftAndQueuesStore {
    async fn sift_list(&self, staff: &StaffMember) -> Result<Vec<QueueCase>, StoreError> {
        self.database
            .sift_list(&staff.id)
            .await
            .map_err(store_error)
    }

    async fn queue_counts(&self, staff: &StaffMember) -> Result<Vec<QueueCount>, StoreError> {
        self.database
            .queue_counts(&staff.id)
            .await
            .map_err(store_error)
    }

    async fn queue_cases(
        &self,
        queue: WorkQueue,
        staff: &StaffMember,
    ) -> Result<Vec<QueueCase>, StoreError> {
        self.database
            .queue_cases(queue, &staff.id)
            .await
            .map_err(store_error)
    }

    async fn queue_page(
        &self,
        queue: WorkQueue,
        query: &app::domain::casework::QueueListQuery,
        today: chrono::NaiveDate,
        staff: &StaffMember,
    ) -> Result<(Vec<QueueCase>, app::domain::casework::QueueWindow), StoreError> {
        self.database
            .queue_page(queue, query, today, self.settings.due_soon_days, &staff.id)
            .await
            .map_err(store_error)
    }

    async fn open_cases(&self, staff: &StaffMember) -> Result<Vec<QueueCase>, StoreError> {
        self.database
            .open_cases(&staff.id)
            .await
            .map_err(store_error)
    }

    async fn closed_instances(
        &self,
        staff: &StaffMember,
    ) -> Result<Vec<ClosedInstance>, StoreError> {
        self.database
            .closed_instances(&staff.id)
            .await
            .map_err(store_error)
    }

    async fn reopened_instances(
        &self,
        staff: &StaffMember,
    ) -> Result<Vec<InstanceDates>, StoreError> {
        self.database
            .reopened_instances(&staff.id)
            .await
            .map_err(store_error)
    }

    async fn change(&self, request: CaseworkRequest) -> Result<ChangeResult, StoreError> {
        self.make(&request).await.map_err(store_error)
    }

    async fn set_lead(
        &self,
        queue: WorkQueue,
        lead: &str,
        staff: &StaffMember,
    ) -> Result<ChangeResult, StoreError> {
        if !staff.has_any(&[Role::TeamManager]) {
            return Ok(forbidden("lead"));
        }
        self.database
            .set_queue_lead(queue, lead)
            .await
            .map_err(store_error)
    }
}
