//! What the server provides for the case officer's workspace (`Services::cases`): a case as its
//! officer works it, each change to it (one transaction with its event and audit row), and the
//! correspondence that did not find its case.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::case::{CaseKind, Closure, Outcome};
use crate::domain::staff::StaffMember;
use crate::ports::StoreError;
use crate::server_fns::case::{CaseWorkspace, InboxMessage};

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
        /// Why, confirmed on the confirmation page; it goes on the timeline (required).
        reason: String,
    },
    /// Completes 'prepare' (the allocated officer) and starts 'progress'.
    Prepare,
    /// Completes Enforcement's 'provide advice' with a note; `open_pcb` also opens a PCB case
    /// with the case's parties and documents (manual §5).
    CompleteAdvice {
        note: String,
        open_pcb: bool,
    },
    /// A team manager marks the case a staff case (ECS): only the staff named (with the manager
    /// and the allocated officer) may see it; the reason (required) goes on the timeline.
    MarkStaffCase {
        may_see: Vec<String>,
        reason: String,
    },
    /// Changes what the case is: confirmed, with the reason (required) on the timeline.
    ChangeType {
        to: CaseKind,
        reason: String,
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
    /// Why, confirmed on the confirmation page; on each case's timeline (required).
    pub reason: String,
    pub staff: StaffMember,
    pub today: NaiveDate,
}

#[async_trait::async_trait]
pub trait CaseWorkspaces: Send + Sync {
    /// The case with this reference as `staff` may see it (None: no such case, or a staff case
    /// they are not named on). Reading it writes nothing: [`view_case`] notes the view for the
    /// audit.
    async fn workspace(
        &self,
        reference: &str,
        staff: &StaffMember,
    ) -> Result<Option<CaseWorkspace>, StoreError>;

    /// The case as a caller is told about it: the record, its officer and queue, the parties
    /// (without possible duplicates) and the timeline; the other lists of the workspace are
    /// empty. Cheaper than [`workspace`](Self::workspace): the helpline reads it for every call.
    async fn summary(
        &self,
        reference: &str,
        staff: &StaffMember,
    ) -> Result<Option<CaseWorkspace>, StoreError> {
        self.workspace(reference, staff).await
    }

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

/// The case views of one request, as (reference, what was viewed). The layer that checks staff
/// access (`server::auth::guard`) puts one in each staff request and writes what it holds to
/// the case audit once, when the response has been sent: a page's render only notes them, so
/// rendering writes nothing however often it runs.
#[derive(Clone, Default, Debug)]
pub struct CaseViews(
    std::sync::Arc<std::sync::Mutex<std::collections::BTreeSet<(String, String)>>>,
);

impl CaseViews {
    /// Notes a view (twice is once).
    pub fn note(&self, reference: &str, what: &str) {
        if let Ok(mut views) = self.0.lock() {
            views.insert((reference.to_owned(), what.to_owned()));
        }
    }

    /// The views noted so far, forgotten here.
    pub fn take(&self) -> Vec<(String, String)> {
        self.0
            .lock()
            .map(|mut views| std::mem::take(&mut *views).into_iter().collect())
            .unwrap_or_default()
    }
}

/// The case as `staff` may see it, its view noted for the audit ([`CaseViews`]).
pub async fn view_case(
    cases: &dyn CaseWorkspaces,
    reference: &str,
    staff: &StaffMember,
    what: &str,
) -> Result<Option<CaseWorkspace>, StoreError> {
    let workspace = cases.workspace(reference, staff).await?;
    if let Some(workspace) = &workspace {
        note_view(&workspace.record.reference, what);
    }
    Ok(workspace)
}

/// The case's [`summary`](CaseWorkspaces::summary) as `staff` may see it, its view noted for the
/// audit ([`CaseViews`]).
pub async fn view_summary(
    cases: &dyn CaseWorkspaces,
    reference: &str,
    staff: &StaffMember,
    what: &str,
) -> Result<Option<CaseWorkspace>, StoreError> {
    let summary = cases.summary(reference, staff).await?;
    if let Some(summary) = &summary {
        note_view(&summary.record.reference, what);
    }
    Ok(summary)
}

fn note_view(reference: &str, what: &str) {
    let views = leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<CaseViews>().cloned());
    match views {
        Some(views) => views.note(reference, what),
        None => leptos::logging::error!("a case view outside a staff request: not audited"),
    }
}
