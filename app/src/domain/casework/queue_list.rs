//! A work queue's list as a team manager asks for it in the address (`?sort=due&dir=desc&type=RFA
//! &level=overdue&allocated=no&organisation=leeds&after=IC-…`): read leniently (anything not
//! understood is left at its default), written back with only what differs from the defaults, so
//! every link and form keeps the other choices.
//!
//! Pages are read by key, not by number: "Next" is the page after the last case shown
//! (`after=<its reference>`), "Previous" the page before the first (`before=<reference>`), and
//! "Last" the end of the list (`page=last`), so every page costs the same at a million cases. The
//! count stops at [`QUEUE_COUNT_CAP`] ("more than 10,000 cases").

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::calendar::add_calendar_days;
use crate::domain::case::{CaseKind, SlaState};

/// Cases on one page of a queue's list.
pub const QUEUE_PAGE_SIZE: u32 = 50;

/// The count of matching cases stops after this many ("more than 10,000 cases").
pub const QUEUE_COUNT_CAP: u64 = 10_000;

/// The longest reference kept from a paging link.
const MAX_CURSOR_CHARS: usize = 40;

/// The longest organisation text kept for the filter.
pub const MAX_ORGANISATION_FILTER_CHARS: usize = 100;

code_enum! {
    /// What a queue's list is sorted by (`?sort=`); each has an index on the queue's open cases.
    QueueSort {
        /// The reference.
        Reference => "reference",
        /// The organisation's name.
        Organisation => "organisation",
        /// The customer's (data subject's, complainant's) name.
        Customer => "customer",
        /// The case type.
        CaseType => "type",
        /// Age: when the case was received (oldest first is the longest waiting).
        Age => "age",
        /// The next running deadline.
        Due => "due",
        /// The service level of the next running deadline (ordered as the deadline is).
        Level => "level",
    }
}

/// One queue list request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueListQuery {
    pub sort: QueueSort,
    pub descending: bool,
    pub case_type: Option<CaseKind>,
    /// The next deadline's service level: overdue, due soon or on time.
    pub level: Option<SlaState>,
    /// Allocated to an officer (`Some(true)`), waiting for one (`Some(false)`), or either.
    pub allocated: Option<bool>,
    /// Part of the organisation's name, any case (blank: any organisation).
    pub organisation: String,
    /// Which page: the first, the one after or before a case (by reference), or the last.
    pub position: QueuePosition,
}

/// Where a page of a queue's list is, in the list's order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum QueuePosition {
    /// The start of the list.
    #[default]
    First,
    /// The cases after the one with this reference (`?after=`).
    After(String),
    /// The cases before the one with this reference (`?before=`).
    Before(String),
    /// The end of the list (`?page=last`).
    Last,
}

/// Whether a page has pages before and after it, and how many cases the filters match (counted
/// up to [`QUEUE_COUNT_CAP`] + 1: more than the cap reads "more than 10,000").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueWindow {
    pub matching: u64,
    pub earlier: bool,
    pub later: bool,
}

impl Default for QueueListQuery {
    /// Oldest first (the longest waiting), every case, page 1.
    fn default() -> Self {
        QueueListQuery {
            sort: QueueSort::Age,
            descending: false,
            case_type: None,
            level: None,
            allocated: None,
            organisation: String::new(),
            position: QueuePosition::First,
        }
    }
}

/// A service-level state's code in addresses (`overdue`, `due_soon`, `on_time`).
pub fn level_code(level: SlaState) -> &'static str {
    match level {
        SlaState::OnTime => "on_time",
        SlaState::DueSoon => "due_soon",
        SlaState::Overdue => "overdue",
    }
}

fn level_from(code: &str) -> Option<SlaState> {
    [SlaState::Overdue, SlaState::DueSoon, SlaState::OnTime]
        .into_iter()
        .find(|level| level_code(*level) == code)
}

/// The address's values, by name, as given (`None`: not in the address): `?sort=&dir=&type=
/// &level=&allocated=&organisation=&after=&before=&page=`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueListParams {
    pub sort: Option<String>,
    pub dir: Option<String>,
    pub case_type: Option<String>,
    pub level: Option<String>,
    pub allocated: Option<String>,
    pub organisation: Option<String>,
    pub after: Option<String>,
    pub before: Option<String>,
    pub page: Option<String>,
}

/// A reference from a paging link: letters, digits and hyphens, upper case; `None` if it is
/// anything else.
fn cursor(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()
        && value.len() <= MAX_CURSOR_CHARS
        && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
    .then(|| value.to_ascii_uppercase())
}

impl QueueListQuery {
    /// The request the address makes; anything not understood keeps its default.
    pub fn from_params(params: &QueueListParams) -> QueueListQuery {
        let text = |value: &Option<String>| {
            value
                .as_deref()
                .map(str::trim)
                .unwrap_or_default()
                .to_owned()
        };
        let organisation: String = text(&params.organisation)
            .chars()
            .take(MAX_ORGANISATION_FILTER_CHARS)
            .collect();
        let level = level_from(&text(&params.level));
        QueueListQuery {
            sort: QueueSort::from_code(&text(&params.sort)).unwrap_or(default_sort(level)),
            descending: text(&params.dir) == "desc",
            case_type: CaseKind::from_code(&text(&params.case_type).to_uppercase()),
            level,
            allocated: match text(&params.allocated).as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            },
            organisation,
            position: if let Some(after) = cursor(&text(&params.after)) {
                QueuePosition::After(after)
            } else if let Some(before) = cursor(&text(&params.before)) {
                QueuePosition::Before(before)
            } else if text(&params.page) == "last" {
                QueuePosition::Last
            } else {
                QueuePosition::First
            },
        }
    }

    /// The address's parameters that differ from the defaults, in a fixed order.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let mut params = Vec::new();
        if self.sort != self.default_sort() {
            params.push(("sort", self.sort.code().to_owned()));
        }
        if self.descending {
            params.push(("dir", "desc".to_owned()));
        }
        if let Some(kind) = self.case_type {
            params.push(("type", kind.code().to_owned()));
        }
        if let Some(level) = self.level {
            params.push(("level", level_code(level).to_owned()));
        }
        if let Some(allocated) = self.allocated {
            params.push(("allocated", if allocated { "yes" } else { "no" }.to_owned()));
        }
        if !self.organisation.is_empty() {
            params.push(("organisation", self.organisation.clone()));
        }
        match &self.position {
            QueuePosition::First => {}
            QueuePosition::After(reference) => params.push(("after", reference.clone())),
            QueuePosition::Before(reference) => params.push(("before", reference.clone())),
            QueuePosition::Last => params.push(("page", "last".to_owned())),
        }
        params
    }

    /// `base` with this request's parameters (`base?sort=due&page=2`).
    pub fn href(&self, base: &str) -> String {
        let query = self
            .params()
            .iter()
            .map(|(name, value)| format!("{name}={}", encode(value)))
            .collect::<Vec<_>>()
            .join("&");
        if query.is_empty() {
            base.to_owned()
        } else {
            format!("{base}?{query}")
        }
    }

    /// The sort this request has when the address names none: see [`default_sort`].
    pub fn default_sort(&self) -> QueueSort {
        default_sort(self.level)
    }

    /// Sorted by `sort`: ascending, or the other way round when it already is; the first page.
    pub fn sorted_by(&self, sort: QueueSort) -> QueueListQuery {
        QueueListQuery {
            sort,
            descending: self.sort == sort && !self.descending,
            position: QueuePosition::First,
            ..self.clone()
        }
    }

    /// The same request at `position`.
    pub fn at(&self, position: QueuePosition) -> QueueListQuery {
        QueueListQuery {
            position,
            ..self.clone()
        }
    }
}

/// The sort of a list the address names none for: oldest first, or, filtered to a service
/// level, the soonest next deadline first (the most overdue case heads an overdue list).
pub fn default_sort(level: Option<SlaState>) -> QueueSort {
    match level {
        Some(_) => QueueSort::Due,
        None => QueueListQuery::default().sort,
    }
}

/// The next deadlines (inclusive bounds, ISO days compare as text) whose service level is `level`
/// on `today`, as [`crate::domain::case::sla_state`] reads a running deadline: overdue before
/// today; due soon from today to `due_soon_days` on; on time after.
pub fn due_bounds(
    level: SlaState,
    today: NaiveDate,
    due_soon_days: u32,
) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let soon = add_calendar_days(today, due_soon_days);
    match level {
        SlaState::Overdue => (None, today.pred_opt()),
        SlaState::DueSoon => (Some(today), Some(soon)),
        SlaState::OnTime => (soon.succ_opt(), None),
    }
}

/// `n` with thousands separated by commas ("12,345").
pub fn with_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// How many cases match as a figure ("12,345"), and whether it is past the cap (then the figure
/// is the cap's: "more than 10,000").
pub fn matching_figure(matching: u64) -> (String, bool) {
    if matching > QUEUE_COUNT_CAP {
        (with_thousands(QUEUE_COUNT_CAP), true)
    } else {
        (with_thousands(matching), false)
    }
}

/// The first and last case shown (1-based) when the page's place in the list is known: the
/// first page, or the last when the count is exact; `None` elsewhere (a page read by key does
/// not know how many cases come before it).
pub fn page_span(
    position: &QueuePosition,
    shown: usize,
    window: &QueueWindow,
) -> Option<(u64, u64)> {
    let shown = shown as u64;
    if shown == 0 {
        return None;
    }
    let exact = window.matching <= QUEUE_COUNT_CAP;
    match position {
        QueuePosition::First if !window.earlier => Some((1, shown)),
        QueuePosition::Last if exact && shown <= window.matching => {
            Some((window.matching - shown + 1, window.matching))
        }
        _ if exact && !window.earlier => Some((1, shown)),
        _ if exact && !window.later && shown <= window.matching => {
            Some((window.matching - shown + 1, window.matching))
        }
        _ => None,
    }
}

fn encode(value: &str) -> String {
    let mut out = String::new();
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(byte))
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}
