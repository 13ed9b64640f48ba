//! The exception reports (manual §11, policy.md §4–§5): closed cases with incomplete closure
//! information, cases closed and re-opened on the same day, and open cases past a service level.
//! The page and the CSV downloads compute them the same way ([`reports`]).

use leptos::prelude::*;

use super::views::ExceptionsView;
use crate::server_fns::staff::StaffError;

/// The three reports as `staff` may see them, on the services' today.
#[cfg(feature = "ssr")]
pub async fn reports(
    services: &crate::ports::Services,
    staff: &crate::domain::staff::StaffMember,
) -> Result<
    (
        Vec<crate::domain::casework::IncompleteClosure>,
        Vec<crate::domain::casework::ReopenedSameDay>,
        Vec<crate::domain::casework::PastServiceLevel>,
    ),
    crate::ports::StoreError,
> {
    use crate::domain::case::closure_problems;
    use crate::domain::casework::{
        closure_from_attributes, reopened_same_day, IncompleteClosure, PastServiceLevel,
    };

    let incomplete = services
        .sift_and_queues
        .closed_instances(staff)
        .await?
        .into_iter()
        .filter_map(|closed| {
            let attributes = serde_json::from_str(&closed.attributes).unwrap_or_default();
            let closure = closure_from_attributes(&attributes, closed.outcome.as_deref());
            let problems = closure_problems(closed.case_type, &closure);
            (!problems.is_empty()).then_some(IncompleteClosure {
                reference: closed.reference,
                case_type: closed.case_type,
                instance: closed.number,
                closed_on: closed.closed_on,
                outcome: closed.outcome,
                problems,
            })
        })
        .collect();
    let reopened = reopened_same_day(&services.sift_and_queues.reopened_instances(staff).await?);
    let open = services.sift_and_queues.open_cases(staff).await?;
    let past = super::with_clocks(services, open)
        .into_iter()
        .filter_map(|listed| {
            let overdue = listed.clocks.overdue();
            (!overdue.is_empty()).then(|| PastServiceLevel {
                reference: listed.case.record.reference.clone(),
                case_type: listed.case.record.case_type,
                queue: listed.case.record.work_queue,
                officer: listed.case.officer.clone(),
                overdue,
            })
        })
        .collect();
    Ok((incomplete, reopened, past))
}

/// The first day of the month eleven months before `today`'s: twelve months with this one.
#[cfg(feature = "ssr")]
fn remit_since(today: chrono::NaiveDate) -> chrono::NaiveDate {
    use chrono::Datelike;
    let first = today.with_day(1).unwrap_or(today);
    first
        .checked_sub_months(chrono::Months::new(11))
        .unwrap_or(first)
}

/// The exception reports page.
#[server(prefix = "/staff/api/exceptions", endpoint = "list")]
pub async fn load_exceptions() -> Result<ExceptionsView, StaffError> {
    use super::{services, store, EXCEPTIONS_AREA};
    use crate::server_fns::staff::require_access;

    let current = require_access(EXCEPTIONS_AREA)?;
    let services = services()?;
    let (incomplete, reopened, past) = reports(&services, &current.member).await.map_err(store)?;
    let today = services.clock.today();
    let out_of_remit = services
        .journeys
        .out_of_remit_counts(remit_since(today))
        .await
        .map_err(store)?;
    Ok(ExceptionsView {
        today,
        me: current.member,
        incomplete,
        reopened,
        past,
        out_of_remit,
    })
}
