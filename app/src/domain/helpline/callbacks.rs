//! Callbacks on cases (manual §12, policy §4): returned within 2 working days; when the officer
//! is away, within 2 working days of their return, unless the caller will not wait: then their
//! manager, and theirs, until someone can return the call within 2 working days. An unassigned
//! case starts with its work queue's lead.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::calendar::{Calendar, CalendarError, Division};

/// A callback is returned within this many working days.
pub const CALLBACK_WORKING_DAYS: u32 = 2;

/// Someone who could return a call: their availability and their line manager.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Callee {
    pub id: String,
    pub name: String,
    /// Away (leave, training) until and including this day.
    pub away_until: Option<NaiveDate>,
    pub manager_id: Option<String>,
    /// A deactivated account can return no calls.
    pub active: bool,
}

/// Who returns the call and by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallbackPlan {
    pub staff_id: String,
    pub name: String,
    /// The last day the call may be returned (a working day).
    pub due_on: NaiveDate,
    /// The first person asked (the officer or the queue's lead) is away and the caller waits
    /// for their return.
    pub after_return: Option<NaiveDate>,
    /// The people passed over (away), in order, when the caller would not wait.
    pub passed_over: Vec<String>,
}

/// Why no callback can be planned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CallbackProblem {
    /// Nobody up the line can return the call within 2 working days (names passed over).
    #[error("nobody up the line can return the call in time")]
    NobodyAvailable(Vec<String>),
    /// The case has no officer and its queue no lead.
    #[error("nobody to ask")]
    NobodyToAsk,
    /// The calendar cannot answer (a date beyond the bank holiday data).
    #[error("{0}")]
    Calendar(CalendarError),
}

impl CallbackProblem {
    /// The i18n key of the problem in plain words.
    pub fn key(&self) -> &'static str {
        match self {
            CallbackProblem::NobodyAvailable(_) => "helpline.callback.error.nobody_available",
            CallbackProblem::NobodyToAsk => "helpline.callback.error.nobody_to_ask",
            CallbackProblem::Calendar(_) => "helpline.callback.error.calendar",
        }
    }
}

impl From<CalendarError> for CallbackProblem {
    fn from(error: CalendarError) -> Self {
        CallbackProblem::Calendar(error)
    }
}

/// The first working day `person` is in, on or after `today`: today (or the next working day)
/// when they are not away, else the first working day after their `away_until`.
pub fn return_day(
    person: &Callee,
    today: NaiveDate,
    calendar: &Calendar,
) -> Result<NaiveDate, CalendarError> {
    let from = match person.away_until {
        Some(until) if until >= today => until.succ_opt().unwrap_or(until),
        _ => today,
    };
    calendar.next_working_day_on_or_after(from, Division::EnglandAndWales)
}

/// Whether `person` is in on some working day up to and including `deadline`.
fn can_call_by(
    person: &Callee,
    today: NaiveDate,
    deadline: NaiveDate,
    calendar: &Calendar,
) -> Result<bool, CalendarError> {
    Ok(person.active && return_day(person, today, calendar)? <= deadline)
}

/// Plans a callback on `today` starting with `first` (the case officer, or the queue's lead):
///
/// - `first` in within 2 working days: they call back, due 2 working days after today;
/// - else, if the caller will wait: `first` calls back within 2 working days of their return;
/// - else their manager, then theirs, …: the first who can call within 2 working days of today.
///
/// `staff` maps ids to people (for the managers); a loop of managers stops where it repeats.
pub fn plan_callback(
    first: Option<&Callee>,
    staff: &HashMap<String, Callee>,
    today: NaiveDate,
    caller_waits: bool,
    calendar: &Calendar,
) -> Result<CallbackPlan, CallbackProblem> {
    let first = first.ok_or(CallbackProblem::NobodyToAsk)?;
    let division = Division::EnglandAndWales;
    let deadline = calendar.add_working_days(today, CALLBACK_WORKING_DAYS, division)?;
    let plan = |person: &Callee, due_on, after_return, passed_over| CallbackPlan {
        staff_id: person.id.clone(),
        name: person.name.clone(),
        due_on,
        after_return,
        passed_over,
    };
    if can_call_by(first, today, deadline, calendar)? {
        return Ok(plan(first, deadline, None, Vec::new()));
    }
    if caller_waits && first.active {
        let back = return_day(first, today, calendar)?;
        let due = calendar.add_working_days(back, CALLBACK_WORKING_DAYS, division)?;
        return Ok(plan(first, due, Some(back), Vec::new()));
    }
    let mut passed_over = vec![first.name.clone()];
    let mut seen = vec![first.id.clone()];
    let mut next = first.manager_id.as_deref();
    while let Some(id) = next {
        if seen.iter().any(|s| s == id) {
            break;
        }
        let Some(manager) = staff.get(id) else {
            break;
        };
        if can_call_by(manager, today, deadline, calendar)? {
            return Ok(plan(manager, deadline, None, passed_over));
        }
        passed_over.push(manager.name.clone());
        seen.push(manager.id.clone());
        next = manager.manager_id.as_deref();
    }
    Err(CallbackProblem::NobodyAvailable(passed_over))
}

/// What the helpline can offer a caller, from the plan for each answer to "will the caller
/// wait?" (`E`: why an answer cannot be booked). The question is asked only when both answers
/// can be booked and lead to different callbacks; booking is offered only when one can be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallbackOffer<E> {
    /// Ask the caller: waiting means `if_waits`, not waiting `if_not`.
    Ask {
        if_waits: CallbackPlan,
        if_not: CallbackPlan,
    },
    /// One callback can be booked, without asking. `waits`: the answer it is booked under;
    /// `other`: why the other answer cannot be booked (`None`: it gives this same callback).
    One {
        plan: CallbackPlan,
        waits: bool,
        other: Option<E>,
    },
    /// No callback can be booked (a case with no officer whose queue has no lead; nobody up the
    /// line either way): why, without repeats.
    Nothing(Vec<E>),
}

/// The offer from the plan if the caller waits and the plan if they will not.
pub fn callback_offer<E: PartialEq>(
    if_waits: Result<CallbackPlan, E>,
    if_not: Result<CallbackPlan, E>,
) -> CallbackOffer<E> {
    match (if_waits, if_not) {
        (Ok(if_waits), Ok(if_not)) if if_waits == if_not => CallbackOffer::One {
            plan: if_not,
            waits: false,
            other: None,
        },
        (Ok(if_waits), Ok(if_not)) => CallbackOffer::Ask { if_waits, if_not },
        (Ok(plan), Err(other)) => CallbackOffer::One {
            plan,
            waits: true,
            other: Some(other),
        },
        (Err(other), Ok(plan)) => CallbackOffer::One {
            plan,
            waits: false,
            other: Some(other),
        },
        (Err(first), Err(second)) if first == second => CallbackOffer::Nothing(vec![first]),
        (Err(first), Err(second)) => CallbackOffer::Nothing(vec![first, second]),
    }
}

/// The offer on `today` for a call about a case whose first person to ask is `first` (its
/// officer, or its queue's lead): [`plan_callback`] for each answer.
pub fn offer_callback(
    first: Option<&Callee>,
    staff: &HashMap<String, Callee>,
    today: NaiveDate,
    calendar: &Calendar,
) -> CallbackOffer<CallbackProblem> {
    let plan = |waits| plan_callback(first, staff, today, waits, calendar);
    callback_offer(plan(true), plan(false))
}

#[cfg(test)]
mod offer_tests {
    #![allow(clippy::expect_used, clippy::unwrap_used)]

    use std::collections::HashMap;

    use chrono::NaiveDate;

    use super::{offer_callback, CallbackOffer, CallbackProblem, Callee};
    use crate::domain::calendar::Calendar;

    fn calendar() -> Calendar {
        Calendar::from_govuk_json(include_str!("../../../data/bank-holidays.json")).unwrap()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn person(id: &str, away_until: Option<NaiveDate>, manager: Option<&str>) -> Callee {
        Callee {
            id: id.to_owned(),
            name: format!("{id} name"),
            away_until,
            manager_id: manager.map(str::to_owned),
            active: true,
        }
    }

    fn staff(people: &[&Callee]) -> HashMap<String, Callee> {
        people
            .iter()
            .map(|p| (p.id.clone(), (*p).clone()))
            .collect()
    }

    #[test]
    fn a_case_with_no_officer_and_no_lead_offers_no_callback_and_asks_nothing() {
        let offer = offer_callback(None, &HashMap::new(), date(2026, 3, 2), &calendar());
        assert_eq!(
            offer,
            CallbackOffer::Nothing(vec![CallbackProblem::NobodyToAsk])
        );
    }

    #[test]
    fn an_officer_in_is_booked_without_asking_whether_the_caller_waits() {
        let officer = person("officer", None, None);
        let offer = offer_callback(
            Some(&officer),
            &staff(&[&officer]),
            date(2026, 3, 5),
            &calendar(),
        );
        let CallbackOffer::One { plan, other, .. } = offer else {
            panic!("one callback expected: {offer:?}");
        };
        assert_eq!(
            (plan.staff_id.as_str(), plan.due_on),
            ("officer", date(2026, 3, 9))
        );
        assert_eq!(other, None);
    }

    #[test]
    fn an_officer_away_with_a_manager_in_gives_two_different_answers() {
        let officer = person("officer", Some(date(2026, 3, 20)), Some("manager"));
        let manager = person("manager", None, None);
        let offer = offer_callback(
            Some(&officer),
            &staff(&[&officer, &manager]),
            date(2026, 3, 2),
            &calendar(),
        );
        let CallbackOffer::Ask { if_waits, if_not } = offer else {
            panic!("the question expected: {offer:?}");
        };
        assert_eq!(if_waits.staff_id, "officer");
        assert_eq!(if_waits.after_return, Some(date(2026, 3, 23)));
        assert_eq!(if_not.staff_id, "manager");
        assert_eq!(if_not.passed_over, vec!["officer name".to_owned()]);
    }

    #[test]
    fn an_officer_away_with_nobody_up_the_line_is_booked_for_their_return_only() {
        let officer = person("officer", Some(date(2026, 3, 20)), None);
        let offer = offer_callback(
            Some(&officer),
            &staff(&[&officer]),
            date(2026, 3, 2),
            &calendar(),
        );
        let CallbackOffer::One { plan, waits, other } = offer else {
            panic!("one callback expected: {offer:?}");
        };
        assert!(waits);
        assert_eq!(plan.after_return, Some(date(2026, 3, 23)));
        assert_eq!(
            other,
            Some(CallbackProblem::NobodyAvailable(vec![
                "officer name".to_owned()
            ]))
        );
    }
}
