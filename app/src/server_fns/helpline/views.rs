//! What the helpline pages load.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::domain::case::{CaseKind, CaseStatus, Priority, Stage};
use crate::domain::helpline::{CallbackPlan, SearchKind};
use crate::domain::staff::StaffMember;
use crate::server_fns::staff::FormFlash;

/// A case found by a search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHit {
    pub reference: String,
    pub case_type: CaseKind,
    pub stage: Stage,
    /// The party whose name, email or phone matched (none for a reference).
    pub party: Option<String>,
    pub organisation: Option<String>,
    pub created_on: NaiveDate,
}

/// `/staff/helpline`: the search and what it found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsoleView {
    pub me: StaffMember,
    pub typed: String,
    /// The kind chosen (empty: any).
    pub asked: String,
    /// The kind searched for, once a search ran.
    pub kind: Option<SearchKind>,
    pub hits: Vec<SearchHit>,
    /// The i18n key of the problem with what was typed.
    pub error: Option<String>,
    /// A mistyped reference: the references probably meant that exist.
    pub suggestions: Vec<String>,
}

/// Something the adviser must know before saying anything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// `nfc`, `restricted`, `single_point`, `adjustments`, `welsh`.
    pub code: String,
    /// The party it is about, if any.
    pub party: Option<String>,
    /// The reason or arrangement, in the recorder's words.
    pub detail: Option<String>,
}

/// A party to the case, as the adviser checks who is calling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallerView {
    pub role: String,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// A callback arranged on a case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallbackRow {
    pub id: String,
    pub reference: String,
    pub staff_id: String,
    pub staff_name: String,
    pub due_on: NaiveDate,
    pub caller_name: String,
    pub phone: String,
    pub note: String,
    pub caller_waits: bool,
    pub passed_over: Vec<String>,
    /// `open` or `done`.
    pub status: String,
    pub attempts: i64,
    pub last_result: Option<String>,
    pub booked_at: NaiveDateTime,
}

/// A prioritisation request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriorityRequestRow {
    pub id: String,
    pub reference: String,
    pub priority: Priority,
    pub manager_name: String,
    pub requested_by: String,
    pub requested_at: NaiveDateTime,
    pub reasons: String,
    /// `pending`, `granted`, `declined`.
    pub status: String,
    pub decline_reason: Option<String>,
}

/// `/staff/helpline/<reference>`: the case as a caller is told about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryView {
    pub me: StaffMember,
    pub today: NaiveDate,
    pub reference: String,
    pub case_type: CaseKind,
    pub status: CaseStatus,
    pub stage: Stage,
    pub priority: Priority,
    pub title: String,
    pub officer: Option<String>,
    pub queue_name: String,
    pub created_on: NaiveDate,
    pub assign_by: NaiveDate,
    pub contact_promised_by: NaiveDate,
    pub close_by: NaiveDate,
    pub closed_on: Option<NaiveDate>,
    pub outcome: Option<String>,
    /// The last contact with a party: when, and the event in words.
    pub last_contact: Option<(NaiveDateTime, String)>,
    /// Warnings, 'no further contact' first.
    pub warnings: Vec<Warning>,
    pub nfc: bool,
    pub callers: Vec<CallerView>,
    /// Who would call back if the caller waits, and if they will not (or why nobody can).
    pub plan_if_waits: Result<CallbackPlan, String>,
    pub plan_if_not: Result<CallbackPlan, String>,
    /// The first person asked is away until this day.
    pub first_away_until: Option<NaiveDate>,
    pub first_is_lead: bool,
    pub callbacks: Vec<CallbackRow>,
    pub priority_requests: Vec<PriorityRequestRow>,
    pub flash: Option<FormFlash>,
}

/// `/staff/callbacks`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallbacksView {
    pub me: StaffMember,
    pub today: NaiveDate,
    pub callbacks: Vec<CallbackRow>,
    pub flash: Option<FormFlash>,
}

/// `/staff/priority-requests`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriorityRequestsView {
    pub me: StaffMember,
    pub requests: Vec<PriorityRequestRow>,
    pub flash: Option<FormFlash>,
}

/// `/staff/nfc/<reference>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NfcView {
    pub me: StaffMember,
    pub reference: String,
    pub status: CaseStatus,
    pub current: Option<String>,
    pub flash: Option<FormFlash>,
}

/// `/staff/helpline/assist`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssistView {
    pub me: StaffMember,
    pub flash: Option<FormFlash>,
}
