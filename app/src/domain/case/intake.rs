//! Intake (manual §2–§4): what a new case gets the moment it is handed in — its work queue,
//! priority, service-level dates, sift flags, and any work item a flag calls for. Pure: the
//! server stores the plan in one transaction.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::kind::CaseKind;
use super::routing::{route, WorkQueue};
use super::sector::Sector;
use super::service_levels::{
    initial_priority, service_levels, CaseSettings, Priority, ServiceLevels,
};
use super::sift::{sift, SiftFlag, SiftInput};
use crate::domain::calendar::{Calendar, CalendarError};

/// How a case reached the regulator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IntakeChannel {
    Web,
    Phone,
    Api,
}

impl IntakeChannel {
    pub fn code(self) -> &'static str {
        match self {
            IntakeChannel::Web => "web",
            IntakeChannel::Phone => "phone",
            IntakeChannel::Api => "api",
        }
    }
}

/// What intake needs to know about a new case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCase {
    pub case_type: CaseKind,
    pub channel: IntakeChannel,
    /// From the organisation directory, or failing that the person's answer.
    pub sector: Option<Sector>,
    pub sift: SiftInput,
}

/// A piece of work on a case: every new case has a 'prepare' item (manual §5), and a flag can
/// add another (a potential criminal breach's 'provide advice').
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkItem {
    /// `prepare`, `provide_advice`, `progress`.
    pub kind: String,
    pub queue: WorkQueue,
    pub due_on: NaiveDate,
}

/// Everything a new case gets at intake.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntakePlan {
    pub case_type: CaseKind,
    pub work_queue: WorkQueue,
    pub priority: Priority,
    pub service_levels: ServiceLevels,
    pub flags: Vec<SiftFlag>,
    pub work_items: Vec<WorkItem>,
    /// Notes for the case title the flags call for ("Welsh language"), joined by " - ".
    pub title: String,
}

/// The work item every unallocated case has: the officer prepares it (manual §5). Completing it
/// is the first contact the service levels measure.
pub const PREPARE: &str = "prepare";
/// The work item that follows 'prepare'.
pub const PROGRESS: &str = "progress";
/// A potential criminal breach's alert to "DP - RAD Investigations (Any)".
pub const PROVIDE_ADVICE: &str = "provide_advice";

/// Working days within which a potential criminal breach's 'provide advice' item is checked.
const ADVICE_CHECK_WORKING_DAYS: u32 = 3;

/// Plans the intake of `new` created on `created_on`.
pub fn plan_intake(
    new: &NewCase,
    created_on: NaiveDate,
    calendar: &Calendar,
    settings: &CaseSettings,
) -> Result<IntakePlan, CalendarError> {
    let flags = sift(&new.sift);
    let work_queue = route(new.case_type, new.sector);
    let service_levels = service_levels(new.case_type, created_on, calendar, settings)?;
    let mut work_items = vec![WorkItem {
        kind: PREPARE.to_owned(),
        queue: work_queue,
        due_on: service_levels.first_contact_due,
    }];
    for flag in &flags {
        if let Some(queue) = flag.advice_work_item_queue() {
            work_items.push(WorkItem {
                kind: PROVIDE_ADVICE.to_owned(),
                queue,
                due_on: calendar.add_working_days(
                    created_on,
                    ADVICE_CHECK_WORKING_DAYS,
                    settings.division,
                )?,
            });
        }
    }
    let title = flags
        .iter()
        .filter_map(|flag| flag.kind.case_title_note())
        .collect::<Vec<_>>()
        .join(" - ");
    Ok(IntakePlan {
        case_type: new.case_type,
        work_queue,
        priority: initial_priority(new.case_type),
        service_levels,
        flags,
        work_items,
        title,
    })
}
