//! The case officer's workspace over the database ([`CaseWorkspaces`]): reading a case as its officer
//! works it, each change in one transaction with its event on the timeline and its audit row,
//! the correspondence (emails out through the outbox, emails in by the reference in their
//! subject), closing one case or several, re-opening and outcome corrections.
//!
//! The SQL lives beside the rules it serves (one file per part of the page); every query is
//! written once with `$n` placeholders through [`Database::sql`].

mod answers;
mod changes;
mod closing;
mod correspondence;
mod duplicates;
mod follow_on;
mod parties;
mod party_changes;
mod read;
mod staff_case;

use std::collections::HashMap;
use std::sync::Arc;

use app::domain::calendar::Calendar;
use app::domain::case::{CaseEventKind, CaseSettings};
use app::domain::organisations::OrganisationDirectory;
use app::domain::staff::{Role, StaffMember};
use app::ports::case::{CaseChange, CaseChangeRequest, ChangeResult, CloseSeveral};
use app::ports::{CaseWorkspaces, StoreError};
use app::server_fns::case::{CaseWorkspace, InboxMessage};
use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Europe::London;
use sqlx::{Any, AnyConnection, Row, Transaction};

use crate::db::casework::{AuditAction, CaseRow};
use crate::db::{CaseStoreError, Database, NewEvent};

pub use correspondence::{
    attachments, receive_email, AttachmentLimits, InboundAttachment, InboundEmail, MailIntake,
    ReceiveError, Received,
};

/// The workspace over the database.
pub struct CaseStore {
    pub database: Database,
    pub calendar: Arc<Calendar>,
    pub settings: CaseSettings,
    pub organisations: Arc<OrganisationDirectory>,
    /// The address emails are sent from (kept on each message sent).
    pub mail_from: String,
}

pub(crate) fn store_error(error: CaseStoreError) -> StoreError {
    StoreError(error.to_string())
}

/// A new random id (128 bits, hex).
pub(crate) fn new_id() -> Result<String, CaseStoreError> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|error| CaseStoreError::Random(error.to_string()))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

pub(crate) fn now_ms() -> i64 {
    Utc::now().timestamp_millis()
}

/// Unix milliseconds as Europe/London wall-clock time.
pub(crate) fn london_ms(ms: i64) -> NaiveDateTime {
    DateTime::from_timestamp_millis(ms)
        .unwrap_or_default()
        .with_timezone(&London)
        .naive_local()
}

/// Unix seconds as Europe/London wall-clock time.
pub(crate) fn london_s(seconds: i64) -> NaiveDateTime {
    london_ms(seconds.saturating_mul(1000))
}

/// Refused with one problem.
pub(crate) fn refused(field: &str, key: &str) -> ChangeResult {
    ChangeResult::Refused(vec![(field.to_owned(), key.to_owned())])
}

/// May `staff` work the case as its officer would: the allocated officer, or a team manager.
/// Every change to the case itself goes through this (closing, re-opening, the type, emails,
/// notes, parties and merges); preparing is the allocated officer's alone.
pub(crate) fn works_case(row: &CaseRow, staff: &StaffMember) -> bool {
    row.record.assigned_to.as_deref() == Some(staff.id.as_str())
        || staff.has_any(&[Role::TeamManager])
}

impl CaseStore {
    fn sql(&self, query: &str) -> String {
        self.database.sql(query)
    }

    /// The case, if `staff` may see it.
    pub(crate) async fn visible_case(
        &self,
        reference: &str,
        staff: &StaffMember,
    ) -> Result<Option<CaseRow>, CaseStoreError> {
        self.database.visible_case_row(reference, &staff.id).await
    }

    /// Writes the change's event (actor: the staff member) and its audit row, inside `tx`.
    pub(crate) async fn record(
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
            .insert_event(tx, case_id, &event, now_ms())
            .await?;
        self.database
            .insert_audit(tx, case_id, staff_id, AuditAction::Change, kind.code())
            .await
    }

    /// Staff names by id and by email address (the breach triage records an email).
    pub(crate) async fn staff_names(
        &self,
        conn: &mut AnyConnection,
    ) -> Result<HashMap<String, String>, CaseStoreError> {
        let rows = sqlx::query("SELECT id, email, name FROM staff")
            .fetch_all(&mut *conn)
            .await?;
        let mut names = HashMap::new();
        for row in rows {
            let name: String = row.try_get("name")?;
            names.insert(row.try_get::<String, _>("id")?, name.clone());
            names.insert(row.try_get::<String, _>("email")?, name);
        }
        Ok(names)
    }
}

#[async_trait::async_trait]
impl CaseWorkspaces for CaseStore {
    async fn workspace(
        &self,
        reference: &str,
        staff: &StaffMember,
    ) -> Result<Option<CaseWorkspace>, StoreError> {
        let Some(row) = self
            .visible_case(reference, staff)
            .await
            .map_err(store_error)?
        else {
            return Ok(None);
        };
        let workspace = self.read(&row, staff).await.map_err(store_error)?;
        Ok(Some(workspace))
    }

    async fn summary(
        &self,
        reference: &str,
        staff: &StaffMember,
    ) -> Result<Option<CaseWorkspace>, StoreError> {
        let Some(row) = self
            .visible_case(reference, staff)
            .await
            .map_err(store_error)?
        else {
            return Ok(None);
        };
        let summary = self.read_summary(&row).await.map_err(store_error)?;
        Ok(Some(summary))
    }

    async fn change(&self, request: CaseChangeRequest) -> Result<ChangeResult, StoreError> {
        let Some(row) = self
            .visible_case(&request.reference, &request.staff)
            .await
            .map_err(store_error)?
        else {
            return Ok(ChangeResult::NotFound);
        };
        let staff = &request.staff;
        let today = request.today;
        let result = match request.change {
            CaseChange::Note { text } => self.note(&row, staff, &text).await,
            CaseChange::AddParty {
                role,
                name,
                email,
                phone,
            } => {
                self.add_party(&row, staff, &role, &name, email, phone)
                    .await
            }
            CaseChange::ChangeParty {
                party_id,
                restricted_contact,
                single_point_of_contact,
                reason,
            } => {
                self.change_party(
                    &row,
                    staff,
                    &party_id,
                    restricted_contact,
                    single_point_of_contact,
                    &reason,
                )
                .await
            }
            CaseChange::MergeParty {
                main,
                duplicate,
                reason,
            } => {
                self.merge_party(&row, staff, &main, &duplicate, &reason)
                    .await
            }
            CaseChange::Prepare => self.prepare(&row, staff).await,
            CaseChange::CompleteAdvice { note, open_pcb } => {
                self.complete_advice(&row, staff, &note, open_pcb, today)
                    .await
            }
            CaseChange::MarkStaffCase { may_see, reason } => {
                self.mark_staff_case(&row, staff, &may_see, &reason).await
            }
            CaseChange::ChangeType { to, reason } => {
                self.change_type(&row, staff, to, &reason).await
            }
            CaseChange::SendEmail(email) => self.send_email(&row, staff, &email).await,
            CaseChange::Close(closure) => self.close(&row, staff, &closure, today).await,
            CaseChange::Reopen { reason } => self.reopen(&row, staff, &reason, today).await,
            CaseChange::CorrectOutcome {
                instance,
                outcome,
                reason,
            } => {
                self.correct_outcome(&row, staff, instance, outcome, &reason)
                    .await
            }
        };
        result.map_err(store_error)
    }

    async fn close_several(
        &self,
        request: CloseSeveral,
    ) -> Result<Result<Vec<String>, Vec<(String, String)>>, StoreError> {
        self.close_many(&request).await.map_err(store_error)
    }

    async fn sign_off(&self, staff_id: &str) -> Result<(String, String), StoreError> {
        let row = sqlx::query(
            &self.sql("SELECT job_title, direct_dial FROM staff_sign_offs WHERE staff_id = $1"),
        )
        .bind(staff_id)
        .fetch_optional(&self.database.pool)
        .await
        .map_err(|error| StoreError(error.to_string()))?;
        Ok(match row {
            Some(row) => (
                row.try_get("job_title").unwrap_or_default(),
                row.try_get("direct_dial").unwrap_or_default(),
            ),
            None => (String::new(), String::new()),
        })
    }

    async fn visible(&self, reference: &str, staff: &StaffMember) -> Result<bool, StoreError> {
        Ok(self
            .visible_case(reference, staff)
            .await
            .map_err(store_error)?
            .is_some())
    }

    async fn unattached(&self) -> Result<Vec<InboxMessage>, StoreError> {
        self.waiting_messages().await.map_err(store_error)
    }

    async fn attach(
        &self,
        message_id: &str,
        reference: &str,
        staff: &StaffMember,
    ) -> Result<bool, StoreError> {
        self.attach_message(message_id, reference, staff)
            .await
            .map_err(store_error)
    }
}
