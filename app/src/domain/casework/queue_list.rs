//! A work queue's list as a team manager asks for it in the address (`?sort=due&dir=desc&type=RFA
//! &level=overdue&allocated=no&organisation=leeds&page=3`): read leniently (anything not
//! understood is left at its default), written back with only what differs from the defaults, so
//! every link and form keeps the other choices.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::calendar::add_calendar_days;
use crate::domain::case::{CaseKind, SlaState};

/// Cases on one page of a queue's list.
pub const QUEUE_PAGE_SIZE: u32 = 50;

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
    /// From 1.
    pub page: u32,
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
            page: 1,
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
/// &level=&allocated=&organisation=&page=`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueListParams {
    pub sort: Option<String>,
    pub dir: Option<String>,
    pub case_type: Option<String>,
    pub level: Option<String>,
    pub allocated: Option<String>,
    pub organisation: Option<String>,
    pub page: Option<String>,
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
        let default = QueueListQuery::default();
        let organisation: String = text(&params.organisation)
            .chars()
            .take(MAX_ORGANISATION_FILTER_CHARS)
            .collect();
        QueueListQuery {
            sort: QueueSort::from_code(&text(&params.sort)).unwrap_or(default.sort),
            descending: text(&params.dir) == "desc",
            case_type: CaseKind::from_code(&text(&params.case_type).to_uppercase()),
            level: level_from(&text(&params.level)),
            allocated: match text(&params.allocated).as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            },
            organisation,
            page: text(&params.page)
                .parse::<u32>()
                .ok()
                .filter(|page| *page >= 1)
                .unwrap_or(1),
        }
    }

    /// The address's parameters that differ from the defaults, in a fixed order.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        let default = QueueListQuery::default();
        let mut params = Vec::new();
        if self.sort != default.sort {
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
        if self.page > 1 {
            params.push(("page", self.page.to_string()));
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

    /// Sorted by `sort`: ascending, or the other way round when it already is; page 1.
    pub fn sorted_by(&self, sort: QueueSort) -> QueueListQuery {
        QueueListQuery {
            sort,
            descending: self.sort == sort && !self.descending,
            page: 1,
            ..self.clone()
        }
    }

    /// The same request on `page`.
    pub fn on_page(&self, page: u32) -> QueueListQuery {
        QueueListQuery {
            page: page.max(1),
            ..self.clone()
        }
    }

    /// How many cases come before this page.
    pub fn offset(&self) -> u64 {
        u64::from(self.page.saturating_sub(1)) * u64::from(QUEUE_PAGE_SIZE)
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

/// The first and last case shown on a page of `total` (1-based; `(0, 0)` when there are none).
pub fn page_span(query: &QueueListQuery, shown: usize, total: u64) -> (u64, u64) {
    if shown == 0 || total == 0 {
        return (0, 0);
    }
    let first = query.offset() + 1;
    (first, (query.offset() + shown as u64).min(total))
}

/// The last page of `total` cases.
pub fn last_page(total: u64) -> u32 {
    let pages = total.div_ceil(u64::from(QUEUE_PAGE_SIZE)).max(1);
    u32::try_from(pages).unwrap_or(u32::MAX)
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
