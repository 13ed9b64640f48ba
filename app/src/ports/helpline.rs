//! What the server provides for the helpline (`Services::helpline`): finding cases, the people
//! who could return a call, callbacks, prioritisation requests and 'no further contact'. Every
//! change is one transaction with its event on the case and its audit row.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::helpline::{CallbackPlan, Callee, SearchQuery};
use crate::domain::staff::StaffMember;
use crate::ports::StoreError;
use crate::server_fns::helpline::{CallbackRow, PriorityRequestRow, SearchHit};

/// What became of a change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum HelplineResult {
    Done,
    /// No such case (or request, or callback), or not one this member of staff may see.
    NotFound,
    /// Refused by the rules: each field and the i18n key of why.
    Refused(Vec<(String, String)>),
}

/// Who could return a call on a case: its officer (or, unassigned, its queue's lead), everyone's
/// availability and managers, and what is already arranged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallContext {
    /// The officer, else the work queue's lead.
    pub first: Option<Callee>,
    /// The first is the queue's lead (the case has no officer).
    pub lead: bool,
    /// The case is marked 'no further contact': no callback may be promised.
    pub nfc: bool,
    pub staff: HashMap<String, Callee>,
    pub callbacks: Vec<CallbackRow>,
    pub priority_requests: Vec<PriorityRequestRow>,
}

/// A callback to book.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallbackBooking {
    pub reference: String,
    pub staff: StaffMember,
    pub plan: CallbackPlan,
    pub caller_name: String,
    pub phone: String,
    pub note: String,
    pub caller_waits: bool,
}

/// The result of one attempt to return a call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallbackAttempt {
    pub callback_id: String,
    pub staff: StaffMember,
    /// `spoke`, `no_answer`, `voicemail`.
    pub result: String,
    pub note: String,
}

#[async_trait::async_trait]
pub trait HelplineWork: Send + Sync {
    /// Cases matching the query that `staff` may see, at most `limit`.
    async fn search(
        &self,
        query: &SearchQuery,
        staff: &StaffMember,
        limit: i64,
    ) -> Result<Vec<SearchHit>, StoreError>;

    /// Which of these references are cases `staff` may see.
    async fn existing(
        &self,
        references: &[String],
        staff: &StaffMember,
    ) -> Result<Vec<String>, StoreError>;

    /// Who could return a call on the case; None: no such case, or not visible.
    async fn call_context(
        &self,
        reference: &str,
        staff: &StaffMember,
    ) -> Result<Option<CallContext>, StoreError>;

    /// Books a planned callback (event `callback_booked` or `callback_escalated`), and emails
    /// the person who is to call.
    async fn book_callback(&self, booking: CallbackBooking) -> Result<HelplineResult, StoreError>;

    /// The open and recent callbacks of `staff` and of the people they manage, soonest first.
    async fn callbacks_for(&self, staff: &StaffMember) -> Result<Vec<CallbackRow>, StoreError>;

    /// Records an attempt (event `callback_attempted`); `spoke` completes the callback.
    async fn record_attempt(&self, attempt: CallbackAttempt) -> Result<HelplineResult, StoreError>;

    /// Records a caller's reasons for prioritisation and tells the relevant manager by email.
    async fn request_priority(
        &self,
        reference: &str,
        staff: &StaffMember,
        reasons: &str,
    ) -> Result<HelplineResult, StoreError>;

    /// The prioritisation requests addressed to `manager`, waiting ones first.
    async fn priority_requests_for(
        &self,
        manager: &StaffMember,
    ) -> Result<Vec<PriorityRequestRow>, StoreError>;

    /// Grants (priority high) or declines (with `reason`) a request addressed to `manager`.
    async fn decide_priority(
        &self,
        id: &str,
        manager: &StaffMember,
        grant: bool,
        reason: Option<String>,
    ) -> Result<HelplineResult, StoreError>;

    /// Records on a case handed in through the assisted digital journey that the adviser helped
    /// the caller by phone, with the consent they recorded (a note and an audit row).
    async fn record_assisted(
        &self,
        reference: &str,
        adviser_id: &str,
        consent_at: &str,
    ) -> Result<(), StoreError>;

    /// Marks a closed case 'no further contact' with the reason.
    async fn mark_nfc(
        &self,
        reference: &str,
        manager: &StaffMember,
        reason: &str,
        today: NaiveDate,
    ) -> Result<HelplineResult, StoreError>;
}
