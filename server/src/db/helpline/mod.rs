//! The helpline's store ([`HelplineWork`]) over the database: searching parties by their
//! normalised columns (migration 70), who could return a call, callbacks, prioritisation
//! requests and 'no further contact'. Every change is one transaction with its event on the
//! case's timeline and its audit row; every query is written once with `$n` placeholders.

mod assisted;
mod callbacks;
mod nfc;
mod priority;
mod search;

use std::collections::HashMap;

use app::domain::case::CaseEventKind;
use app::domain::helpline::{Callee, SearchQuery};
use app::domain::staff::StaffMember;
use app::ports::helpline::{CallContext, CallbackAttempt, CallbackBooking, HelplineResult};
use app::ports::{HelplineWork, StoreError};
use app::server_fns::helpline::{CallbackRow, PriorityRequestRow, SearchHit};
use chrono::NaiveDate;
use sqlx::{Any, Transaction};

use super::casework::{AuditAction, CaseRow};
use super::{CaseStoreError, Database, NewEvent};

/// The helpline's store.
pub struct HelplineStore {
    pub database: Database,
}

fn store_error(error: CaseStoreError) -> StoreError {
    StoreError(error.to_string())
}

fn refused(field: &str, key: &str) -> HelplineResult {
    HelplineResult::Refused(vec![(field.to_owned(), key.to_owned())])
}

impl HelplineStore {
    fn sql(&self, query: &str) -> String {
        self.database.sql(query)
    }

    /// The case, if `staff` may see it.
    async fn visible_case(
        &self,
        reference: &str,
        staff: &StaffMember,
    ) -> Result<Option<CaseRow>, CaseStoreError> {
        self.database.visible_case_row(reference, &staff.id).await
    }

    /// Everyone, as people who could return a call.
    async fn callees(&self) -> Result<HashMap<String, (Callee, String)>, CaseStoreError> {
        let staff = self.database.list_staff().await?;
        Ok(staff
            .into_iter()
            .map(|member| {
                let callee = Callee {
                    id: member.id.clone(),
                    name: member.name.clone(),
                    away_until: member.away_until,
                    manager_id: member.manager_id.clone(),
                    active: member.active,
                };
                (member.id, (callee, member.email))
            })
            .collect())
    }

    /// The work queue's lead, if one is named.
    async fn queue_lead(&self, row: &CaseRow) -> Result<Option<String>, CaseStoreError> {
        use sqlx::Row;
        let queue = super::code_of(&row.record.work_queue)?;
        let lead =
            sqlx::query(&self.sql("SELECT staff_id FROM work_queue_leads WHERE work_queue = $1"))
                .bind(queue)
                .fetch_optional(&self.database.pool)
                .await?;
        Ok(lead.map(|row| row.try_get("staff_id")).transpose()?)
    }

    /// Writes the change's event and its audit row, inside `tx`.
    async fn record(
        &self,
        tx: &mut Transaction<'static, Any>,
        case_id: &str,
        staff_id: &str,
        kind: CaseEventKind,
        details: serde_json::Value,
    ) -> Result<(), CaseStoreError> {
        let event = NewEvent {
            actor: staff_id.to_owned(),
            kind: kind.code().to_owned(),
            details,
        };
        self.database
            .insert_event(tx, case_id, &event, crate::case::now_ms())
            .await?;
        self.database
            .insert_audit(tx, case_id, staff_id, AuditAction::Change, kind.code())
            .await
    }

    /// Queues an email to a member of staff about a case, inside `tx`.
    async fn email_staff(
        &self,
        tx: &mut Transaction<'static, Any>,
        row: &CaseRow,
        to: (&str, &str),
        subject: &str,
        body: &str,
    ) -> Result<(), CaseStoreError> {
        let now = chrono::Utc::now().timestamp();
        let payload = serde_json::json!({
            "to": to.0,
            "name": to.1,
            "subject": subject,
            "body": body,
            "reference": row.record.reference,
        });
        sqlx::query(&self.sql(
            "INSERT INTO outbox (id, case_id, kind, payload, created_at, attempts, next_attempt_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        ))
        .bind(crate::case::new_id()?)
        .bind(&row.id)
        .bind("case_email")
        .bind(payload.to_string())
        .bind(now)
        .bind(0_i64)
        .bind(now)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }
}

#[async_trait::async_trait]
impl HelplineWork for HelplineStore {
    async fn search(
        &self,
        query: &SearchQuery,
        staff: &StaffMember,
        limit: i64,
    ) -> Result<Vec<SearchHit>, StoreError> {
        self.find(query, staff, limit).await.map_err(store_error)
    }

    async fn existing(
        &self,
        references: &[String],
        staff: &StaffMember,
    ) -> Result<Vec<String>, StoreError> {
        let mut found = Vec::new();
        for reference in references {
            if self
                .visible_case(reference, staff)
                .await
                .map_err(store_error)?
                .is_some()
            {
                found.push(reference.clone());
            }
        }
        Ok(found)
    }

    async fn call_context(
        &self,
        reference: &str,
        staff: &StaffMember,
    ) -> Result<Option<CallContext>, StoreError> {
        self.context(reference, staff).await.map_err(store_error)
    }

    async fn book_callback(&self, booking: CallbackBooking) -> Result<HelplineResult, StoreError> {
        self.book(&booking).await.map_err(store_error)
    }

    async fn callbacks_for(&self, staff: &StaffMember) -> Result<Vec<CallbackRow>, StoreError> {
        self.callback_list(staff).await.map_err(store_error)
    }

    async fn record_attempt(&self, attempt: CallbackAttempt) -> Result<HelplineResult, StoreError> {
        self.attempt(&attempt).await.map_err(store_error)
    }

    async fn request_priority(
        &self,
        reference: &str,
        staff: &StaffMember,
        reasons: &str,
    ) -> Result<HelplineResult, StoreError> {
        self.ask_priority(reference, staff, reasons)
            .await
            .map_err(store_error)
    }

    async fn priority_requests_for(
        &self,
        manager: &StaffMember,
    ) -> Result<Vec<PriorityRequestRow>, StoreError> {
        self.requests_where("r.manager_id = $1", &manager.id)
            .await
            .map_err(store_error)
    }

    async fn decide_priority(
        &self,
        id: &str,
        manager: &StaffMember,
        grant: bool,
        reason: Option<String>,
    ) -> Result<HelplineResult, StoreError> {
        self.decide(id, manager, grant, reason)
            .await
            .map_err(store_error)
    }

    async fn record_assisted(
        &self,
        reference: &str,
        adviser_id: &str,
        consent_at: &str,
    ) -> Result<(), StoreError> {
        self.assisted(reference, adviser_id, consent_at)
            .await
            .map_err(store_error)
    }

    async fn mark_nfc(
        &self,
        reference: &str,
        manager: &StaffMember,
        reason: &str,
        today: NaiveDate,
    ) -> Result<HelplineResult, StoreError> {
        self.nfc(reference, manager, reason, today)
            .await
            .map_err(store_error)
    }
}
