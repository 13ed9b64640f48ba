//! What the staff home (`/staff`) loads: who is signed in and, for staff who work cases, their
//! cases with each one's next service level, their open work items, callbacks due and cases with
//! new correspondence; a team manager may ask for their team's instead (`?scope=team`).

use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::casework::list_sorts::{ListPage, ListParams};
use crate::domain::casework::work_rows::{CallbackDueRow, NewCorrespondenceRow, WorkItemRow};
use crate::domain::casework::{CaseSort, ServiceLevel, WorkCase, WorkListing, WorkScope};
use crate::domain::staff::StaffMember;
use crate::server_fns::staff::StaffError;

/// An open work item and how its due day reads today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkItemLine {
    pub item: WorkItemRow,
    pub level: ServiceLevel,
}

/// An open callback and how its due day reads today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallbackLine {
    pub callback: CallbackDueRow,
    pub level: ServiceLevel,
}

/// The lists of work on the staff home.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkView {
    pub scope: WorkScope,
    pub sort: CaseSort,
    /// A team manager: they may switch to their team's work.
    pub manages: bool,
    /// The address's sort, direction and page of the cases, and of each other list (the pages
    /// shown).
    pub listing: WorkListing,
    /// The page of cases shown, sorted as `listing` says.
    pub cases: Vec<WorkCase>,
    /// How many open cases the list has in all.
    pub case_count: usize,
    /// A page of each other list, sorted as `listing.lists` says.
    pub work_items: ListPage<WorkItemLine>,
    pub callbacks: ListPage<CallbackLine>,
    pub correspondence: ListPage<NewCorrespondenceRow>,
}

/// `/staff`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffHomeView {
    pub me: StaffMember,
    pub today: NaiveDate,
    /// None for staff who do not work cases (the case pages are closed to them).
    pub work: Option<WorkView>,
}

/// The staff home: the signed-in member and, when they work cases, the lists of `scope` (`mine`,
/// `team`) with the cases sorted by `sort` (`dir`: `desc` the other way) and paged (`page`), and
/// the other lists each by its own part of the address (`lists`: `items_sort`, `mail_page`, …).
#[server(prefix = "/staff/api", endpoint = "my-work")]
pub async fn load_staff_home(
    scope: Option<String>,
    sort: Option<String>,
    dir: Option<String>,
    page: Option<String>,
    lists: Option<ListParams>,
) -> Result<StaffHomeView, StaffError> {
    use crate::domain::staff::Role;

    let me = crate::server_fns::staff::current_staff()?;
    let services = crate::server_fns::session::services()
        .map_err(|error| StaffError::server("services", error))?;
    let today = services.clock.today();
    let work = if me.may_open(crate::server_fns::case::AREA) {
        let manages = me.has_any(&[Role::TeamManager]);
        let listing = WorkListing::requested(
            scope.as_deref(),
            sort.as_deref(),
            dir.as_deref(),
            page.as_deref(),
            manages,
        )
        .with_lists(crate::domain::casework::list_sorts::ListOrders::requested(
            &lists.unwrap_or_default(),
        ));
        let lists = services
            .my_work
            .work_lists(&me, listing.scope, &listing.lists)
            .await
            .map_err(|error| StaffError::server("the staff home's lists", error))?;
        Some(shape(&services, today, listing, manages, lists))
    } else {
        None
    };
    Ok(StaffHomeView { me, today, work })
}

/// Each case with its next service level (the clocks every page reads), sorted; each work item
/// and callback with how its due day reads.
#[cfg(feature = "ssr")]
fn shape(
    services: &crate::ports::Services,
    today: NaiveDate,
    listing: WorkListing,
    manages: bool,
    lists: crate::ports::my_work::WorkLists,
) -> WorkView {
    use crate::domain::casework::{
        case_clocks, deadline_level, next_deadline, sort_cases_by, work_page,
    };

    let soon = services.case_settings.due_soon_days;
    let mut cases: Vec<WorkCase> = lists
        .cases
        .into_iter()
        .map(|row| {
            let clocks = case_clocks(
                &row.record,
                row.prepared_on,
                &services.calendar,
                &services.case_settings,
                today,
            );
            WorkCase {
                next: next_deadline(&clocks),
                reference: row.record.reference,
                case_type: row.record.case_type,
                organisation: row.record.organisation_name,
                customer: row.customer,
                officer: row.officer,
            }
        })
        .collect();
    sort_cases_by(&mut cases, listing.sort, listing.descending);
    let case_count = cases.len();
    let (cases, page) = work_page(cases, listing.page);
    let mut shown = listing.lists;
    shown.items.page = lists.work_items.page;
    shown.callbacks.page = lists.callbacks.page;
    shown.mail.page = lists.correspondence.page;
    let items = lists.work_items;
    let callbacks = lists.callbacks;
    WorkView {
        scope: listing.scope,
        sort: listing.sort,
        listing: listing.on_page(page).with_lists(shown),
        manages,
        cases,
        case_count,
        work_items: ListPage {
            rows: items
                .rows
                .into_iter()
                .map(|item| WorkItemLine {
                    level: deadline_level(item.due_on, today, soon),
                    item,
                })
                .collect(),
            total: items.total,
            page: items.page,
        },
        callbacks: ListPage {
            rows: callbacks
                .rows
                .into_iter()
                .map(|callback| CallbackLine {
                    level: deadline_level(callback.due_on, today, soon),
                    callback,
                })
                .collect(),
            total: callbacks.total,
            page: callbacks.page,
        },
        correspondence: lists.correspondence,
    }
}
