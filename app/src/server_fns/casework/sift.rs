//! The sift (manual §3): the list of cases to sift, one case's sift page, sifting (type and work
//! queue) and clearing a sift flag with a reason.

use leptos::prelude::*;

use super::views::{SiftCaseView, SiftListView};
use crate::server_fns::staff::StaffError;

/// New cases and those put on the sift list, with their assignment clocks.
#[server(prefix = "/staff/api/sift", endpoint = "list")]
pub async fn load_sift_list() -> Result<SiftListView, StaffError> {
    use super::{services, store, with_clocks, SIFT_AREA};
    use crate::server_fns::staff::require_access;

    let current = require_access(SIFT_AREA)?;
    let services = services()?;
    let cases = services
        .sift_and_queues
        .sift_list(&current.member)
        .await
        .map_err(store)?;
    Ok(SiftListView {
        today: services.clock.today(),
        cases: with_clocks(&services, cases),
        me: current.member,
    })
}

/// One case as the sift reads it: summary, flags, and the routing table's suggestion.
#[server(prefix = "/staff/api/sift", endpoint = "case")]
pub async fn load_sift_case(reference: String) -> Result<SiftCaseView, StaffError> {
    use super::{canonical, services, workspace_clocks, SIFT_AREA};
    use crate::domain::case::route;
    use crate::server_fns::staff::require_access;
    use crate::server_fns::staff::users::kept_form;

    let current = require_access(SIFT_AREA)?;
    let reference = canonical(&reference)?;
    let services = services()?;
    let case = crate::ports::case::view_case(
        services.workspaces.as_ref(),
        &reference,
        &current.member,
        "sift",
    )
    .await
    .map_err(|error| StaffError::server("the case store", error))?
    .ok_or(StaffError::NotFound)?;
    let flash = kept_form(&current.session_id, &format!("sift:{reference}")).await?;
    Ok(SiftCaseView {
        today: services.clock.today(),
        clocks: workspace_clocks(&services, &case),
        suggested: route(case.record.case_type, case.record.sector),
        case,
        me: current.member,
        flash,
    })
}

/// Confirms or changes the case type and routes the case to a work queue.
#[server(prefix = "/staff/api/sift", endpoint = "route")]
pub async fn sift_case(
    reference: String,
    case_type: Option<String>,
    queue: Option<String>,
) -> Result<(), StaffError> {
    use super::{apply, canonical, refuse, sift_href, SIFT_AREA};
    use crate::domain::case::CaseKind;
    use crate::domain::casework::{queue_from_slug, sift_types};
    use crate::ports::sift_and_queues::CaseworkChange;
    use crate::server_fns::staff::require_access;

    let current = require_access(SIFT_AREA)?;
    let reference = canonical(&reference)?;
    let (typed_type, typed_queue) = (case_type.unwrap_or_default(), queue.unwrap_or_default());
    let values = [
        ("case-type", typed_type.as_str()),
        ("queue", typed_queue.as_str()),
    ];
    let chosen_type = CaseKind::from_code(&typed_type).filter(|kind| sift_types().contains(kind));
    let chosen_queue = queue_from_slug(&typed_queue);
    let form = format!("sift:{reference}");
    let page = sift_href(&reference);
    let (Some(case_type), Some(queue)) = (chosen_type, chosen_queue) else {
        let mut errors = Vec::new();
        if chosen_type.is_none() {
            errors.push((
                "case-type".to_owned(),
                "casework.sift.error.type".to_owned(),
            ));
        }
        if chosen_queue.is_none() {
            errors.push(("queue".to_owned(), "casework.sift.error.queue".to_owned()));
        }
        return refuse(&current.session_id, &form, &values, errors, &page).await;
    };
    let done = format!("{SIFT_AREA}?done=sifted&reference={reference}");
    apply(
        SIFT_AREA,
        &reference,
        CaseworkChange::Sift { case_type, queue },
        &form,
        &values,
        &page,
        &done,
    )
    .await
}

/// Clears a raised sift flag; the reason is required.
#[server(prefix = "/staff/api/sift", endpoint = "clear-flag")]
pub async fn clear_flag(
    reference: String,
    flag: Option<String>,
    reason: Option<String>,
) -> Result<(), StaffError> {
    use super::{apply, canonical, refuse, sift_href, SIFT_AREA};
    use crate::domain::case::SiftFlagKind;
    use crate::domain::casework::reason_problem;
    use crate::ports::sift_and_queues::CaseworkChange;
    use crate::server_fns::staff::require_access;

    let current = require_access(SIFT_AREA)?;
    let reference = canonical(&reference)?;
    let kind = flag
        .as_deref()
        .and_then(SiftFlagKind::from_code)
        .ok_or(StaffError::NotFound)?;
    let typed = reason.unwrap_or_default();
    let field = format!("reason-{}", kind.code());
    let values = [(field.as_str(), typed.as_str())];
    let form = format!("sift:{reference}");
    let page = sift_href(&reference);
    if let Some(problem) = reason_problem(&typed) {
        let key = format!("casework.reason.error.{problem}");
        return refuse(
            &current.session_id,
            &form,
            &values,
            vec![(field.clone(), key)],
            &page,
        )
        .await;
    }
    let change = CaseworkChange::ClearFlag {
        kind,
        reason: typed.trim().to_owned(),
    };
    let done = format!("{page}?done=flag_cleared#flags");
    apply(SIFT_AREA, &reference, change, &form, &values, &page, &done).await
}
