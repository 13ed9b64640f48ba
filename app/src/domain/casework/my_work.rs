//! A case officer's own work (manual §4, §5, §12): the cases allocated to them, each with its next
//! service-level deadline and how it stands, in the order they choose; a team manager sees the
//! same for the queues they lead.
//!
//! Pure: the clocks are read by [`super::case_clocks`] (the one reading every page uses) before
//! they come here.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::clocks::{service_level, CaseClocks, Clock, ServiceLevel};
use super::list_sorts::ListOrders;
use crate::domain::case::CaseKind;

code_enum! {
    /// Whose work the staff home lists: the signed-in officer's, or their team's (the queues
    /// they lead); `?scope=` in the address.
    WorkScope {
        Mine => "mine",
        Team => "team",
    }
}

code_enum! {
    /// The column the cases are sorted by (`?sort=` in the address); words in
    /// `staff.work.col.<code>`.
    CaseSort {
        /// The next service-level deadline, soonest first (the default).
        Deadline => "deadline",
        Reference => "reference",
        Type => "type",
        Organisation => "organisation",
        Customer => "customer",
        Officer => "officer",
        /// Overdue first, then due soon, then on time.
        State => "state",
    }
}

impl WorkScope {
    /// The scope an address asks for: the team only for a team manager, else their own.
    pub fn requested(code: Option<&str>, manages: bool) -> WorkScope {
        match code.and_then(WorkScope::from_code) {
            Some(WorkScope::Team) if manages => WorkScope::Team,
            _ => WorkScope::Mine,
        }
    }
}

impl CaseSort {
    /// The sort an address asks for; the next deadline when it names none we know.
    pub fn requested(code: Option<&str>) -> CaseSort {
        code.map(str::trim)
            .and_then(CaseSort::from_code)
            .unwrap_or(CaseSort::Deadline)
    }
}

/// One case in an officer's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkCase {
    pub reference: String,
    pub case_type: CaseKind,
    pub organisation: Option<String>,
    pub customer: Option<String>,
    /// The officer it is allocated to (shown on the team's list).
    pub officer: Option<String>,
    /// The service level due soonest of those still running; `None` when every clock stopped.
    pub next: Option<Clock>,
}

/// The service level a case must meet next: the running clock due soonest (a stopped clock waits
/// for nothing). Its state is the case's service-level state: overdue when any running clock is.
pub fn next_deadline(clocks: &CaseClocks) -> Option<Clock> {
    clocks
        .all()
        .into_iter()
        .filter(|clock| clock.done_on.is_none())
        .min_by_key(|clock| (clock.due, clock.kind))
}

/// How a running deadline (a work item's, a callback's) reads on `today`: the one reading the
/// clocks use ([`service_level`]).
pub fn deadline_level(due: NaiveDate, today: NaiveDate, due_soon_days: u32) -> ServiceLevel {
    service_level(due, None, today, due_soon_days)
}

fn level_rank(level: Option<ServiceLevel>) -> u8 {
    match level {
        Some(ServiceLevel::Overdue) => 0,
        Some(ServiceLevel::MetLate) => 1,
        Some(ServiceLevel::DueSoon) => 2,
        Some(ServiceLevel::OnTime) => 3,
        Some(ServiceLevel::Met) => 4,
        None => 5,
    }
}

/// Text compared without case; blank (none) after every name.
fn text_key(text: &Option<String>) -> (bool, String) {
    match text
        .as_deref()
        .map(str::trim)
        .filter(|text| !text.is_empty())
    {
        Some(text) => (false, text.to_lowercase()),
        None => (true, String::new()),
    }
}

/// Cases on one page of the staff home's list.
pub const WORK_PAGE_SIZE: usize = 25;

/// How the staff home's case list is asked for in the address (`?scope=team&sort=customer
/// &dir=desc&page=2`); the defaults are left out of every link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkListing {
    pub scope: WorkScope,
    pub sort: CaseSort,
    pub descending: bool,
    /// From 1.
    pub page: u32,
    /// The other lists' sorts and pages (work items, callbacks, new correspondence).
    pub lists: ListOrders,
}

impl WorkListing {
    /// The listing the address asks for (`manages`: a team manager, who may see the team's).
    pub fn requested(
        scope: Option<&str>,
        sort: Option<&str>,
        dir: Option<&str>,
        page: Option<&str>,
        manages: bool,
    ) -> WorkListing {
        WorkListing {
            scope: WorkScope::requested(scope, manages),
            sort: CaseSort::requested(sort),
            descending: dir.map(str::trim) == Some("desc"),
            page: page
                .and_then(|page| page.trim().parse::<u32>().ok())
                .filter(|page| *page >= 1)
                .unwrap_or(1),
            lists: ListOrders::default(),
        }
    }

    /// The same listing with the other lists sorted and paged as `lists` says.
    pub fn with_lists(self, lists: ListOrders) -> WorkListing {
        WorkListing { lists, ..self }
    }

    /// The address of this listing.
    pub fn href(&self) -> String {
        let mut query = Vec::new();
        if self.scope != WorkScope::Mine {
            query.push(format!("scope={}", self.scope.code()));
        }
        if self.sort != CaseSort::Deadline {
            query.push(format!("sort={}", self.sort.code()));
        }
        if self.descending {
            query.push("dir=desc".to_owned());
        }
        if self.page > 1 {
            query.push(format!("page={}", self.page));
        }
        self.lists.push_query(&mut query);
        if query.is_empty() {
            "/staff".to_owned()
        } else {
            format!("/staff?{}", query.join("&"))
        }
    }

    /// Sorted by `sort`: ascending, or the other way when it already is; the first page.
    pub fn sorted_by(&self, sort: CaseSort) -> WorkListing {
        WorkListing {
            sort,
            descending: self.sort == sort && !self.descending,
            page: 1,
            ..*self
        }
    }

    /// The same listing on `page`.
    pub fn on_page(&self, page: u32) -> WorkListing {
        WorkListing {
            page: page.max(1),
            ..*self
        }
    }

    /// `scope`'s lists, each sorted the same way, from the first page.
    pub fn in_scope(&self, scope: WorkScope) -> WorkListing {
        WorkListing {
            scope,
            page: 1,
            lists: self.lists.first_pages(),
            ..*self
        }
    }
}

/// How many pages `count` cases fill (at least one).
pub fn work_pages(count: usize) -> u32 {
    u32::try_from(count.div_ceil(WORK_PAGE_SIZE).max(1)).unwrap_or(u32::MAX)
}

/// The cases on `page` (past the last page: the last page), and the page shown.
pub fn work_page<T>(items: Vec<T>, page: u32) -> (Vec<T>, u32) {
    let page = page.clamp(1, work_pages(items.len()));
    let skip = (page as usize - 1) * WORK_PAGE_SIZE;
    (
        items.into_iter().skip(skip).take(WORK_PAGE_SIZE).collect(),
        page,
    )
}

/// Sorts the cases by `sort` (the other way round when `descending`): a case with no running
/// deadline after those with one going up; ties by the next deadline, then by reference, so the
/// order is always the same (and exactly reversed going down).
pub fn sort_cases_by(cases: &mut [WorkCase], sort: CaseSort, descending: bool) {
    sort_cases(cases, sort);
    if descending {
        cases.reverse();
    }
}

/// Sorts the cases by `sort`, ascending; a case with no running deadline after those with one;
/// ties by the next deadline, then by reference, so the order is always the same.
pub fn sort_cases(cases: &mut [WorkCase], sort: CaseSort) {
    let deadline = |case: &WorkCase| (case.next.is_none(), case.next.map(|clock| clock.due));
    cases.sort_by(|a, b| {
        let first = match sort {
            CaseSort::Deadline => deadline(a).cmp(&deadline(b)),
            CaseSort::Reference => a.reference.cmp(&b.reference),
            CaseSort::Type => a.case_type.code().cmp(b.case_type.code()),
            CaseSort::Organisation => text_key(&a.organisation).cmp(&text_key(&b.organisation)),
            CaseSort::Customer => text_key(&a.customer).cmp(&text_key(&b.customer)),
            CaseSort::Officer => text_key(&a.officer).cmp(&text_key(&b.officer)),
            CaseSort::State => level_rank(a.next.map(|clock| clock.level()))
                .cmp(&level_rank(b.next.map(|clock| clock.level()))),
        };
        first
            .then_with(|| deadline(a).cmp(&deadline(b)))
            .then_with(|| a.reference.cmp(&b.reference))
    });
}

/// The address of the staff home listing `scope`'s cases sorted by `sort` (the defaults left
/// out, so the plain `/staff` is the officer's own list by deadline).
pub fn work_href(scope: WorkScope, sort: CaseSort) -> String {
    WorkListing {
        scope,
        sort,
        descending: false,
        page: 1,
        lists: ListOrders::default(),
    }
    .href()
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::domain::casework::ClockKind;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap_or_default()
    }

    fn clock(kind: ClockKind, due: u32, done: Option<u32>, today: u32) -> Clock {
        let done_on = done.map(day);
        Clock {
            kind,
            due: day(due),
            done_on,
            state: service_level(day(due), done_on, day(today), 2).state(),
        }
    }

    fn clocks(first_contact_done: Option<u32>) -> CaseClocks {
        CaseClocks {
            assignment: clock(ClockKind::Assignment, 4, Some(3), 10),
            first_contact: clock(ClockKind::FirstContact, 16, first_contact_done, 10),
            contact_promised: clock(ClockKind::ContactPromised, 31, first_contact_done, 10),
            closure: clock(ClockKind::Closure, 30, None, 10),
        }
    }

    fn case(reference: &str, customer: Option<&str>, next: Option<Clock>) -> WorkCase {
        WorkCase {
            reference: reference.to_owned(),
            case_type: CaseKind::Rfa,
            organisation: None,
            customer: customer.map(str::to_owned),
            officer: None,
            next,
        }
    }

    fn references(cases: &[WorkCase]) -> Vec<&str> {
        cases.iter().map(|case| case.reference.as_str()).collect()
    }

    #[test]
    fn the_next_deadline_is_the_running_clock_due_soonest() {
        let next = next_deadline(&clocks(None));
        assert_eq!(
            next.map(|c| (c.kind, c.due)),
            Some((ClockKind::FirstContact, day(16)))
        );
        // First contact made: the stopped clocks wait for nothing; closure is next.
        let next = next_deadline(&clocks(Some(9)));
        assert_eq!(
            next.map(|c| (c.kind, c.due)),
            Some((ClockKind::Closure, day(30)))
        );
        assert_eq!(next.map(|c| c.level()), Some(ServiceLevel::OnTime));
        // Every clock stopped: none.
        let mut all_done = clocks(Some(9));
        all_done.closure = clock(ClockKind::Closure, 30, Some(20), 21);
        assert_eq!(next_deadline(&all_done), None);
    }

    #[test]
    fn a_running_deadline_reads_as_the_clocks_do() {
        assert_eq!(deadline_level(day(5), day(10), 2), ServiceLevel::Overdue);
        assert_eq!(deadline_level(day(11), day(10), 2), ServiceLevel::DueSoon);
        assert_eq!(deadline_level(day(20), day(10), 2), ServiceLevel::OnTime);
    }

    #[test]
    fn cases_sort_by_deadline_by_default_and_by_a_column_on_request() {
        let soon = Some(clock(ClockKind::FirstContact, 11, None, 10));
        let late = Some(clock(ClockKind::FirstContact, 5, None, 10));
        let later = Some(clock(ClockKind::Closure, 30, None, 10));
        let mut cases = vec![
            case("IC-3", Some("alex"), later),
            case("IC-1", None, None),
            case("IC-2", Some("Zoe"), soon),
            case("IC-4", Some("Bea"), late),
        ];
        sort_cases(&mut cases, CaseSort::requested(None));
        assert_eq!(references(&cases), ["IC-4", "IC-2", "IC-3", "IC-1"]);
        sort_cases(&mut cases, CaseSort::requested(Some("customer")));
        assert_eq!(references(&cases), ["IC-3", "IC-4", "IC-2", "IC-1"]);
        sort_cases(&mut cases, CaseSort::requested(Some("reference")));
        assert_eq!(references(&cases), ["IC-1", "IC-2", "IC-3", "IC-4"]);
        // Overdue, due soon, on time, none; ties by deadline.
        sort_cases(&mut cases, CaseSort::requested(Some("state")));
        assert_eq!(references(&cases), ["IC-4", "IC-2", "IC-3", "IC-1"]);
        // An unknown sort is the default.
        assert_eq!(CaseSort::requested(Some("nonsense")), CaseSort::Deadline);
    }

    #[test]
    fn a_listing_sorts_both_ways_and_pages_keeping_the_rest() {
        let listing = WorkListing::requested(
            Some("team"),
            Some("customer"),
            Some("desc"),
            Some("3"),
            true,
        );
        assert_eq!(
            listing.href(),
            "/staff?scope=team&sort=customer&dir=desc&page=3"
        );
        let again = listing.sorted_by(CaseSort::Customer);
        assert_eq!(
            again.href(),
            "/staff?scope=team&sort=customer",
            "back to A to Z, page 1"
        );
        assert_eq!(
            again.sorted_by(CaseSort::Customer).href(),
            "/staff?scope=team&sort=customer&dir=desc"
        );
        assert_eq!(
            again.sorted_by(CaseSort::Reference).href(),
            "/staff?scope=team&sort=reference"
        );
        assert_eq!(
            listing.on_page(2).href(),
            "/staff?scope=team&sort=customer&dir=desc&page=2"
        );
        assert_eq!(
            listing.in_scope(WorkScope::Mine).href(),
            "/staff?sort=customer&dir=desc"
        );
        let lenient = WorkListing::requested(None, Some("x"), Some("up"), Some("-2"), false);
        assert_eq!(lenient.href(), "/staff");
        assert_eq!(work_pages(0), 1);
        assert_eq!(work_pages(25), 1);
        assert_eq!(work_pages(26), 2);
        let (shown, page) = work_page((0..60).collect(), 3);
        assert_eq!((shown, page), ((50..60).collect::<Vec<_>>(), 3));
        let (shown, page) = work_page((0..60).collect::<Vec<_>>(), 9);
        assert_eq!((shown.len(), page), (10, 3), "past the end: the last page");
        let mut cases = vec![
            case("IC-1", Some("Bea"), None),
            case("IC-2", Some("alex"), None),
            case("IC-3", None, None),
        ];
        sort_cases_by(&mut cases, CaseSort::Customer, true);
        assert_eq!(references(&cases), ["IC-3", "IC-1", "IC-2"]);
    }

    #[test]
    fn only_a_team_manager_sees_the_team_and_addresses_leave_out_defaults() {
        assert_eq!(WorkScope::requested(Some("team"), true), WorkScope::Team);
        assert_eq!(WorkScope::requested(Some("team"), false), WorkScope::Mine);
        assert_eq!(WorkScope::requested(None, true), WorkScope::Mine);
        assert_eq!(work_href(WorkScope::Mine, CaseSort::Deadline), "/staff");
        assert_eq!(
            work_href(WorkScope::Mine, CaseSort::Customer),
            "/staff?sort=customer"
        );
        assert_eq!(
            work_href(WorkScope::Team, CaseSort::Deadline),
            "/staff?scope=team"
        );
        assert_eq!(
            work_href(WorkScope::Team, CaseSort::Officer),
            "/staff?scope=team&sort=officer"
        );
    }
}
