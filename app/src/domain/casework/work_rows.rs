//! The rows of the staff home's lists of work, as the store reads them (`ports::my_work`), shared
//! with the pages that draw them (in the browser's build too).

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::list_sorts::ListPage;
use crate::domain::case::CaseRecord;

/// An open case on the list: its record, its officer's name, the customer's name, and when its
/// current 'prepare' was completed (none while one is open).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkCaseRow {
    pub record: CaseRecord,
    pub officer: Option<String>,
    pub customer: Option<String>,
    pub prepared_on: Option<NaiveDate>,
}

/// An open work item on one of the cases.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkItemRow {
    pub reference: String,
    /// `prepare`, `progress`, `provide_advice`; words in `case.work.kind.<kind>`.
    pub kind: String,
    pub due_on: NaiveDate,
    pub officer: Option<String>,
}

/// An open callback: on the officer (or a member of the team), or on an unallocated case in a
/// queue they lead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallbackDueRow {
    pub reference: String,
    /// Who is to return the call.
    pub staff_name: String,
    pub caller_name: String,
    pub due_on: NaiveDate,
    pub attempts: i64,
}

/// A case with emails in that its officer has not read: received (or attached from the sift)
/// since the officer last opened the case page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewCorrespondenceRow {
    pub reference: String,
    pub officer: Option<String>,
    /// How many emails are new.
    pub emails: i64,
    /// When the latest arrived (Europe/London).
    pub latest: NaiveDateTime,
}

/// Everything the staff home lists for one scope: every open case (sorted and paged by their
/// clocks, read from the rows), and one page of each other list, sorted by the store.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkLists {
    pub cases: Vec<WorkCaseRow>,
    pub work_items: ListPage<WorkItemRow>,
    pub callbacks: ListPage<CallbackDueRow>,
    pub correspondence: ListPage<NewCorrespondenceRow>,
}
