//! Casework after intake: reading a case as the casework screens need it ([`CaseRecord`]), the
//! audit of every staff view and change, and who may see a staff case (ECS).
//!
//! Every change to a case is one transaction that also writes its event on the case's history
//! ([`Database::insert_event`]) and an audit row ([`Database::insert_audit`]).

mod changes;
mod lists;
mod my_work;
mod queue_list;
mod queue_sql;
mod record;
mod store;

pub use my_work::MyWorkStore;
pub use record::{CaseRow, SELECT_CASE_ROW};
pub use store::SiftAndQueuesStore;

use chrono::Utc;
use sqlx::{Any, Transaction};

use super::cases::new_id;
use super::{CaseStoreError, Database};

/// Who did what to a case, for the audit: a view of it or a change to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditAction {
    View,
    Change,
}

impl AuditAction {
    pub fn code(self) -> &'static str {
        match self {
            AuditAction::View => "view",
            AuditAction::Change => "change",
        }
    }
}

/// The SQL condition a case row `c` meets when staff member `$n` may see it: any case but a staff
/// case (ECS), which only the staff named on it may see (manual §15). `placeholder` is the
/// staff id's placeholder (`$3`).
pub fn visible_to(placeholder: &str) -> String {
    format!(
        "(c.case_type <> 'ECS' OR EXISTS (SELECT 1 FROM case_staff cs \
         WHERE cs.case_id = c.id AND cs.staff_id = {placeholder}))"
    )
}

impl Database {
    /// Records in the audit that `staff_id` viewed or changed the case (`what` says what, without
    /// personal data: "case page", "allocated", …), inside `tx`.
    pub async fn insert_audit(
        &self,
        tx: &mut Transaction<'static, Any>,
        case_id: &str,
        staff_id: &str,
        action: AuditAction,
        what: &str,
    ) -> Result<(), CaseStoreError> {
        sqlx::query(&self.sql(
            "INSERT INTO case_audit (id, case_id, staff_id, at, action, what) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        ))
        .bind(new_id()?)
        .bind(case_id)
        .bind(staff_id)
        .bind(Utc::now().timestamp_millis())
        .bind(action.code())
        .bind(what)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Records a view by `staff_id` of the case with this reference (none if there is no such
    /// case).
    pub async fn audit_view(
        &self,
        reference: &str,
        staff_id: &str,
        what: &str,
    ) -> Result<(), CaseStoreError> {
        sqlx::query(&self.sql(
            "INSERT INTO case_audit (id, case_id, staff_id, at, action, what) \
             SELECT $1, id, $2, $3, $4, $5 FROM cases WHERE reference = $6",
        ))
        .bind(new_id()?)
        .bind(staff_id)
        .bind(Utc::now().timestamp_millis())
        .bind(AuditAction::View.code())
        .bind(what)
        .bind(reference)
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    /// Whether `staff_id` may see the case: any case but a staff case, which only the staff named
    /// on it may see.
    pub async fn may_see_case(
        &self,
        case_id: &str,
        staff_id: &str,
    ) -> Result<bool, CaseStoreError> {
        let row = sqlx::query(&self.sql(&format!(
            "SELECT 1 AS ok FROM cases c WHERE c.id = $1 AND {}",
            visible_to("$2")
        )))
        .bind(case_id)
        .bind(staff_id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.is_some())
    }
}
