//! The work queues (manual §4): every queue with its counts, one queue's cases with their service
//! levels and its lead, and a case's allocation page (allocate to an officer, or move to another
//! team's queue with a reason).

use leptos::prelude::*;

use super::views::{AllocationView, QueueView, QueuesView};
use crate::server_fns::staff::StaffError;

/// The queue an address names, or not found.
#[cfg(feature = "ssr")]
fn named(slug: &str) -> Result<crate::domain::case::WorkQueue, StaffError> {
    crate::domain::casework::queue_from_slug(slug).ok_or(StaffError::NotFound)
}

/// Active staff holding one of `roles`, (id, name) by name.
#[cfg(feature = "ssr")]
async fn staff_with(
    services: &crate::ports::Services,
    roles: &[crate::domain::staff::Role],
) -> Result<Vec<(String, String)>, StaffError> {
    let mut staff: Vec<(String, String)> = services
        .staff
        .list()
        .await
        .map_err(|error| StaffError::server("listing staff", error))?
        .into_iter()
        .filter(|member| member.active && member.has_any(roles))
        .map(|member| (member.id, member.name))
        .collect();
    staff.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(staff)
}

/// Every work queue with its open cases, those waiting for an officer, and its lead.
#[server(prefix = "/staff/api/queues", endpoint = "list")]
pub async fn load_queues() -> Result<QueuesView, StaffError> {
    use super::{services, store, QUEUES_AREA};
    use crate::domain::casework::queue_choices;
    use crate::server_fns::staff::require_access;

    let current = require_access(QUEUES_AREA)?;
    let counts = services()?
        .sift_and_queues
        .queue_counts(&current.member)
        .await
        .map_err(store)?;
    let queues = queue_choices()
        .into_iter()
        .map(|queue| {
            counts
                .iter()
                .find(|count| count.queue == queue)
                .cloned()
                .unwrap_or(super::QueueCount {
                    queue,
                    open: 0,
                    waiting: 0,
                    lead: None,
                })
        })
        .collect();
    Ok(QueuesView {
        me: current.member,
        queues,
    })
}

/// One page of a queue's cases with their service levels, as `params` (the address) filter,
/// sort and page them; and its lead.
#[server(prefix = "/staff/api/queues", endpoint = "queue")]
pub async fn load_queue(
    queue: String,
    params: crate::domain::casework::QueueListParams,
) -> Result<QueueView, StaffError> {
    use super::{services, store, with_clocks, QUEUES_AREA};
    use crate::domain::casework::QueueListQuery;
    use crate::domain::staff::Role;
    use crate::server_fns::staff::require_access;
    use crate::server_fns::staff::users::kept_form;

    let current = require_access(QUEUES_AREA)?;
    let queue = named(&queue)?;
    let services = services()?;
    let query = QueueListQuery::from_params(&params);
    let today = services.clock.today();
    let (cases, window) = services
        .sift_and_queues
        .queue_page(queue, &query, today, &current.member)
        .await
        .map_err(store)?;
    let lead = services
        .sift_and_queues
        .queue_counts(&current.member)
        .await
        .map_err(store)?
        .into_iter()
        .find(|count| count.queue == queue)
        .and_then(|count| count.lead);
    let leads = staff_with(&services, &[Role::CaseOfficer, Role::TeamManager]).await?;
    let flash = kept_form(
        &current.session_id,
        &format!("queue:{}", super::queue_href(queue)),
    )
    .await?;
    Ok(QueueView {
        today,
        cases: with_clocks(&services, cases),
        me: current.member,
        queue,
        query,
        window,
        lead,
        leads,
        flash,
    })
}

/// A case's allocation page: the case, its clocks, and the officers it can go to.
#[server(prefix = "/staff/api/queues", endpoint = "case")]
pub async fn load_allocation(
    queue: String,
    reference: String,
) -> Result<AllocationView, StaffError> {
    use super::{canonical, services, workspace_clocks, QUEUES_AREA};
    use crate::domain::staff::Role;
    use crate::server_fns::staff::require_access;
    use crate::server_fns::staff::users::kept_form;

    let current = require_access(QUEUES_AREA)?;
    let queue = named(&queue)?;
    let reference = canonical(&reference)?;
    let services = services()?;
    let case = crate::ports::case::view_case(
        services.workspaces.as_ref(),
        &reference,
        &current.member,
        "allocation",
    )
    .await
    .map_err(|error| StaffError::server("the case store", error))?
    .ok_or(StaffError::NotFound)?;
    let officers = staff_with(&services, &[Role::CaseOfficer]).await?;
    let flash = kept_form(&current.session_id, &format!("allocate:{reference}")).await?;
    Ok(AllocationView {
        today: services.clock.today(),
        clocks: workspace_clocks(&services, &case),
        me: current.member,
        queue,
        case,
        officers,
        flash,
    })
}

/// Allocates the case to a case officer.
#[server(prefix = "/staff/api/queues", endpoint = "allocate")]
pub async fn allocate_case(
    reference: String,
    queue: String,
    officer: Option<String>,
) -> Result<(), StaffError> {
    use super::{allocation_href, apply, canonical, queue_href, refuse, QUEUES_AREA};
    use crate::ports::sift_and_queues::CaseworkChange;
    use crate::server_fns::staff::require_access;

    let current = require_access(QUEUES_AREA)?;
    let queue = named(&queue)?;
    let reference = canonical(&reference)?;
    let typed = officer.unwrap_or_default();
    let values = [("officer", typed.as_str())];
    let form = format!("allocate:{reference}");
    let page = allocation_href(queue, &reference);
    if typed.trim().is_empty() {
        let errors = vec![(
            "officer".to_owned(),
            "casework.allocate.error.choose".to_owned(),
        )];
        return refuse(&current.session_id, &form, &values, errors, &page).await;
    }
    let change = CaseworkChange::Allocate {
        officer_id: typed.trim().to_owned(),
    };
    let done = format!("{}?done=allocated&reference={reference}", queue_href(queue));
    apply(
        QUEUES_AREA,
        &reference,
        change,
        &form,
        &values,
        &page,
        &done,
    )
    .await
}

/// Moves the case to another team's work queue; the reason is required.
#[server(prefix = "/staff/api/queues", endpoint = "move")]
pub async fn move_case(
    reference: String,
    queue: String,
    to: Option<String>,
    reason: Option<String>,
) -> Result<(), StaffError> {
    use super::{allocation_href, apply, canonical, queue_href, refuse, QUEUES_AREA};
    use crate::domain::casework::{queue_from_slug, reason_problem};
    use crate::ports::sift_and_queues::CaseworkChange;
    use crate::server_fns::staff::require_access;

    let current = require_access(QUEUES_AREA)?;
    let queue = named(&queue)?;
    let reference = canonical(&reference)?;
    let (typed_to, typed_reason) = (to.unwrap_or_default(), reason.unwrap_or_default());
    let values = [
        ("to", typed_to.as_str()),
        ("move-reason", typed_reason.as_str()),
    ];
    let form = format!("allocate:{reference}");
    let page = allocation_href(queue, &reference);
    let destination = queue_from_slug(&typed_to);
    let problem = reason_problem(&typed_reason);
    let Some(destination) = destination.filter(|_| problem.is_none()) else {
        let mut errors = Vec::new();
        if destination.is_none() {
            errors.push(("to".to_owned(), "casework.move.error.to".to_owned()));
        }
        if let Some(problem) = problem {
            errors.push((
                "move-reason".to_owned(),
                format!("casework.reason.error.{problem}"),
            ));
        }
        return refuse(&current.session_id, &form, &values, errors, &page).await;
    };
    let change = CaseworkChange::Move {
        to: destination,
        reason: typed_reason.trim().to_owned(),
    };
    let done = format!("{}?done=moved&reference={reference}", queue_href(queue));
    apply(
        QUEUES_AREA,
        &reference,
        change,
        &form,
        &values,
        &page,
        &done,
    )
    .await
}

/// Sets the queue's lead.
#[server(prefix = "/staff/api/queues", endpoint = "lead")]
pub async fn set_queue_lead(queue: String, lead: Option<String>) -> Result<(), StaffError> {
    use super::{queue_href, refuse, services, store, QUEUES_AREA};
    use crate::ports::sift_and_queues::ChangeResult;
    use crate::server_fns::staff::require_access;

    let current = require_access(QUEUES_AREA)?;
    let queue = named(&queue)?;
    let typed = lead.unwrap_or_default();
    let page = queue_href(queue);
    let form = format!("queue:{page}");
    let values = [("lead", typed.as_str())];
    let result = if typed.trim().is_empty() {
        ChangeResult::Refused(vec![(
            "lead".to_owned(),
            "casework.lead.error.choose".to_owned(),
        )])
    } else {
        services()?
            .sift_and_queues
            .set_lead(queue, typed.trim(), &current.member)
            .await
            .map_err(store)?
    };
    match result {
        ChangeResult::Done => {
            leptos_axum::redirect(&format!("{page}?done=lead"));
            Ok(())
        }
        ChangeResult::NotFound => Err(StaffError::NotFound),
        ChangeResult::Refused(errors) => {
            refuse(&current.session_id, &form, &values, errors, &page).await
        }
    }
}
