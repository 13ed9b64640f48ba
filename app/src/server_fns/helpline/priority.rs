//! `/staff/priority-requests`: the prioritisation requests the helpline passed to a manager,
//! who grants them (priority raised to high) or declines them with a reason.

use leptos::prelude::*;

use super::views::PriorityRequestsView;
use crate::server_fns::staff::StaffError;

/// The requests addressed to the signed-in manager.
#[server(prefix = "/staff/api/priority-requests", endpoint = "list")]
pub async fn load_priority_requests() -> Result<PriorityRequestsView, StaffError> {
    use super::{services, store};
    use crate::server_fns::staff::require_access;
    use crate::server_fns::staff::users::kept_form;

    let current = require_access(super::PRIORITY_AREA)?;
    let requests = services()?
        .helpline
        .priority_requests_for(&current.member)
        .await
        .map_err(store)?;
    let flash = kept_form(&current.session_id, "priority").await?;
    Ok(PriorityRequestsView {
        me: current.member,
        requests,
        flash,
    })
}

/// Grants (`decision=grant`) or declines (`decision=decline`, with a reason) a request.
#[server(prefix = "/staff/api/priority-requests", endpoint = "decide")]
pub async fn decide_priority(
    request: String,
    decision: Option<String>,
    reason: Option<String>,
) -> Result<(), StaffError> {
    use super::{finish, refuse, required_text, services, store, trimmed};
    use crate::server_fns::staff::require_access;

    let current = require_access(super::PRIORITY_AREA)?;
    let decision = decision.unwrap_or_default();
    let reason = trimmed(reason);
    let decision_field = format!("decision-{request}");
    let reason_field = format!("reason-{request}");
    let values = [
        (decision_field.as_str(), decision.as_str()),
        (reason_field.as_str(), reason.as_str()),
    ];
    let page = super::PRIORITY_AREA;
    let grant = match decision.as_str() {
        "grant" => true,
        "decline" => false,
        _ => {
            let errors = vec![(
                decision_field.clone(),
                "helpline.decide.error.decision".to_owned(),
            )];
            return refuse(&current.session_id, "priority", &values, errors, page).await;
        }
    };
    if !grant {
        if let Some(key) = required_text(&reason, "helpline.decide.error.reason") {
            let errors = vec![(reason_field.clone(), key.to_owned())];
            return refuse(&current.session_id, "priority", &values, errors, page).await;
        }
    }
    let outcome = services()?
        .helpline
        .decide_priority(
            &request,
            &current.member,
            grant,
            (!grant).then(|| reason.clone()),
        )
        .await
        .map_err(store)?;
    let done = if grant { "granted" } else { "declined" };
    finish(
        outcome,
        &current.session_id,
        "priority",
        &values,
        page,
        done,
    )
    .await
}
