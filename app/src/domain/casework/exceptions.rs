//! The exception reports (manual §11, policy.md §5): closed cases whose closure information is
//! incomplete, cases closed and re-opened on the same day, and open cases past a service level;
//! each as rows for the page and as CSV ([`crate::domain::csv`]).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::clocks::Clock;
use crate::domain::case::{CaseKind, Closure, ClosureProblem, Outcome, WorkQueue};
use crate::domain::csv::row;

/// A closed instance whose closure would not be accepted today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncompleteClosure {
    pub reference: String,
    pub case_type: CaseKind,
    pub instance: u32,
    pub closed_on: NaiveDate,
    /// The outcome code as stored, if any.
    pub outcome: Option<String>,
    pub problems: Vec<ClosureProblem>,
}

/// One instance's dates, for the same-day re-open report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstanceDates {
    pub reference: String,
    pub number: u32,
    pub opened_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
}

/// A case closed and re-opened on the same day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReopenedSameDay {
    pub reference: String,
    /// The instance closed that day; the next one opened the same day.
    pub closed_instance: u32,
    pub on: NaiveDate,
}

/// An open case with at least one overdue service level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PastServiceLevel {
    pub reference: String,
    pub case_type: CaseKind,
    pub queue: WorkQueue,
    pub officer: Option<String>,
    /// The overdue clocks, in order.
    pub overdue: Vec<Clock>,
}

/// A closure as stored with its instance (the closing form's fields as JSON, possibly from before
/// a field existed, or only an outcome after a correction), read leniently: what is missing or
/// not understood counts as not given. `outcome` is the instance's outcome column, which wins.
pub fn closure_from_attributes(attributes: &Value, outcome: Option<&str>) -> Closure {
    let field = |name: &str| attributes.get(name).and_then(Value::as_str);
    let outcome = outcome
        .or_else(|| field("outcome"))
        .and_then(Outcome::from_code);
    Closure {
        outcome,
        nature_1: field("nature_1").and_then(crate::domain::case::Nature::from_code),
        nature_2: field("nature_2").and_then(crate::domain::case::Nature::from_code),
        subject_access_delay: attributes
            .get("subject_access_delay")
            .and_then(Value::as_bool)
            .unwrap_or(false),
    }
}

/// Every case whose instance `n` closed on the day its instance `n + 1` opened, by reference
/// then instance.
pub fn reopened_same_day(instances: &[InstanceDates]) -> Vec<ReopenedSameDay> {
    let mut by_case: BTreeMap<(&str, u32), &InstanceDates> = BTreeMap::new();
    for instance in instances {
        by_case.insert((instance.reference.as_str(), instance.number), instance);
    }
    by_case
        .iter()
        .filter_map(|((reference, number), instance)| {
            let closed = instance.closed_on?;
            let next = by_case.get(&(*reference, number + 1))?;
            (next.opened_on == closed).then(|| ReopenedSameDay {
                reference: (*reference).to_owned(),
                closed_instance: *number,
                on: closed,
            })
        })
        .collect()
}

fn with_header(headers: &[String], lines: impl Iterator<Item = String>) -> String {
    let mut csv = row(headers);
    csv.extend(lines);
    csv
}

/// The incomplete closures as CSV under `headers` (reference, type, instance, closed on,
/// outcome, problems as codes joined by `; `).
pub fn incomplete_closure_csv(headers: &[String], rows: &[IncompleteClosure]) -> String {
    with_header(
        headers,
        rows.iter().map(|r| {
            let problems: Vec<&str> = r.problems.iter().map(|p| p.code()).collect();
            row(&[
                r.reference.clone(),
                r.case_type.code().to_owned(),
                r.instance.to_string(),
                r.closed_on.to_string(),
                r.outcome.clone().unwrap_or_default(),
                problems.join("; "),
            ])
        }),
    )
}

/// The same-day re-opens as CSV under `headers` (reference, instance closed, date).
pub fn reopened_same_day_csv(headers: &[String], rows: &[ReopenedSameDay]) -> String {
    with_header(
        headers,
        rows.iter().map(|r| {
            row(&[
                r.reference.clone(),
                r.closed_instance.to_string(),
                r.on.to_string(),
            ])
        }),
    )
}

/// The cases past a service level as CSV under `headers` (reference, type, queue, officer, one
/// line per overdue clock: its code and due day).
pub fn past_service_levels_csv(headers: &[String], rows: &[PastServiceLevel]) -> String {
    with_header(
        headers,
        rows.iter().flat_map(|r| {
            r.overdue.iter().map(move |clock| {
                row(&[
                    r.reference.clone(),
                    r.case_type.code().to_owned(),
                    r.queue.name(),
                    r.officer.clone().unwrap_or_default(),
                    clock.kind.code().to_owned(),
                    clock.due.to_string(),
                ])
            })
        }),
    )
}
