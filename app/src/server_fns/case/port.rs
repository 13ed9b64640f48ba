//! What the server provides for the case officer's workspace (`Services::cases`): a case as its
//! officer works it, each change to it (one transaction with its event and audit row), and the
//! correspondence that did not find its case.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::views::{CaseWorkspace, InboxMessage};
use crate::domain::case::{CaseKind, Closure, Outcome};
use crate::domain::staff::StaffMember;
use crate::ports::StoreError;

/// An email to a party, as the officer wrote it (the subject already carries the reference).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutgoingEmail {
    pub party_id: String,
    pub subject: String,
    /// The body with the sign-off.
    pub body: String,
    pub job_title: String,
    pub direct_dial: String,
}

/// One change to a case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum CaseChange {
    Note {
        text: String,
    },
    AddParty {
        role: String,
        name: String,
        email: Option<String>,
        phone: Option<String>,
    },
    /// The contact arrangements of a party (`None`: no arrangement), with the reason.
    ChangeParty {
        party_id: String,
        restricted_contact: Option<String>,
        single_point_of_contact: Option<String>,
        reason: String,
    },
    /// Merges `duplicate` into `main`: the main record keeps its details and takes the
    /// duplicate's cases; the duplicate is marked for deletion.
    MergeParty {
        main: String,
        duplicate: String,
    },
    /// Completes 'prepare' (the allocated officer) and starts 'progress'.
    Prepare,
    /// Completes Enforcement's 'provide advice' with a note.
    CompleteAdvice {
        note: String,
    },
    ChangeType {
        to: CaseKind,
    },
    SendEmail(OutgoingEmail),
    Close(Closure),
    Reopen {
        reason: String,
    },
    /// An admin corrects the outcome an instance was closed with (not a re-open).
    CorrectOutcome {
        instance: u32,
        outcome: Outcome,
        reason: String,
    },
}

/// A change and who makes it, when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseChangeRequest {
    pub reference: String,
    pub staff: StaffMember,
    pub today: NaiveDate,
    pub change: CaseChange,
}

/// What became of a change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeResult {
    Done,
    /// No such case, or not one this member of staff may see.
    NotFound,
    /// Refused by the rules: each field and the i18n key of why, in page order.
    Refused(Vec<(String, String)>),
}

/// Closing several cases with one action (an undertaking covering four cases).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CloseSeveral {
    pub references: Vec<String>,
    pub closure: Closure,
    pub staff: StaffMember,
    pub today: NaiveDate,
}

#[async_trait::async_trait]
pub trait CaseWork: Send + Sync {
    /// The case with this reference as `staff` may see it (None: no such case, or a staff case
    /// they are not named on), recording the view in the audit.
    async fn workspace(
        &self,
        reference: &str,
        staff: &StaffMember,
        what: &str,
    ) -> Result<Option<CaseWorkspace>, StoreError>;

    /// Makes one change, in one transaction with its event and audit row.
    async fn change(&self, request: CaseChangeRequest) -> Result<ChangeResult, StoreError>;

    /// Closes every case or none: each reference failing (format, check character, not found,
    /// not visible, not open, outcome not for its type) with the i18n key of why.
    async fn close_several(
        &self,
        request: CloseSeveral,
    ) -> Result<Result<Vec<String>, Vec<(String, String)>>, StoreError>;

    /// The sign-off kept for a member of staff: (job title, direct dial).
    async fn sign_off(&self, staff_id: &str) -> Result<(String, String), StoreError>;

    /// Whether a case with this reference exists and `staff` may see it.
    async fn visible(&self, reference: &str, staff: &StaffMember) -> Result<bool, StoreError>;

    /// Emails that found no case, oldest first.
    async fn unattached(&self) -> Result<Vec<InboxMessage>, StoreError>;

    /// Attaches a waiting email to the case (event `email_received`); false when the message is
    /// not waiting or the case is not found.
    async fn attach(
        &self,
        message_id: &str,
        reference: &str,
        staff: &StaffMember,
    ) -> Result<bool, StoreError>;
}

/// The case as `staff` may see it, read (and its view audited) once per request however often the
/// page's renderer asks ([`once_per_request`](crate::server_fns::request_memo::once_per_request)).
pub async fn view_case(
    cases: &dyn CaseWork,
    reference: &str,
    staff: &StaffMember,
    what: &str,
) -> Result<Option<CaseWorkspace>, StoreError> {
    let key = format!("case {what} {reference} {}", staff.id);
    crate::server_fns::request_memo::once_per_request(key, || {
        cases.workspace(reference, staff, what)
    })
    .await
}
