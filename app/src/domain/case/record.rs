//! A case as the casework screens read it: the intake's decisions plus everything casework has
//! done since (sift, allocation, instances, closure, 'no further contact').

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::intake::IntakeChannel;
use super::kind::CaseKind;
use super::routing::WorkQueue;
use super::sector::Sector;
use super::service_levels::Priority;
use super::state::{stage, CaseStatus, NoFurtherContact, Stage};

/// One case, its current instance's dates and state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseRecord {
    pub reference: String,
    pub case_type: CaseKind,
    pub work_queue: WorkQueue,
    pub priority: Priority,
    pub channel: IntakeChannel,
    pub status: CaseStatus,
    /// Notes added to the case title ("Welsh language", "NFC"); empty when none.
    pub title: String,
    pub created_on: NaiveDate,
    /// The current instance: 1, then one more for each re-open.
    pub instance: u32,
    /// When the current instance started (the creation date, or the re-open date).
    pub opened_on: NaiveDate,
    pub assign_by: NaiveDate,
    pub first_contact_due: NaiveDate,
    pub contact_promised_by: NaiveDate,
    pub close_by: NaiveDate,
    pub organisation_name: Option<String>,
    pub sector: Option<Sector>,
    /// The staff id of the case officer it is allocated to.
    pub assigned_to: Option<String>,
    pub allocated_on: Option<NaiveDate>,
    /// When the Advice Service sifted it (Enforcement's triage, for self-reported incidents).
    pub sifted_on: Option<NaiveDate>,
    /// When the current instance was closed.
    pub closed_on: Option<NaiveDate>,
    pub outcome: Option<String>,
    pub no_further_contact: Option<NoFurtherContact>,
}

impl CaseRecord {
    /// Where the case stands.
    pub fn stage(&self) -> Stage {
        stage(
            self.status,
            self.sifted_on.is_some(),
            self.work_queue,
            self.assigned_to.is_some(),
        )
    }

    /// Whether any instance of the case has ever been closed (the case type is then fixed,
    /// manual §3).
    pub fn ever_closed(&self) -> bool {
        self.status == CaseStatus::Closed || self.instance > 1
    }

    /// A staff case (ECS): only the staff named on it may see it (manual §15).
    pub fn is_restricted(&self) -> bool {
        self.case_type == CaseKind::Ecs
    }
}
