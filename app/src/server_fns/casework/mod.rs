//! The sift (Advice Service), the work queues (team managers) and the exception reports (manual
//! §3–§5, §11): what their pages load and the plain posts that change a case. Each server function
//! sits under its area's `/staff/api/<slug>` prefix, so the access middleware applies, and checks
//! the access table again before calling the [`crate::ports::sift_and_queues::SiftAndQueues`] the server provides.

mod exceptions;
mod queues;
mod sift;
mod views;

pub use exceptions::*;
pub use queues::*;
pub use sift::*;
pub use views::*;

/// The sift list (Advice Service).
pub const SIFT_AREA: &str = "/staff/sift";
/// The work queues (team managers).
pub const QUEUES_AREA: &str = "/staff/queues";
/// The exception reports (team managers).
pub const EXCEPTIONS_AREA: &str = "/staff/exceptions";

/// A case's sift page.
pub fn sift_href(reference: &str) -> String {
    format!("{SIFT_AREA}/{reference}")
}

/// A work queue's page.
pub fn queue_href(queue: crate::domain::case::WorkQueue) -> String {
    format!(
        "{QUEUES_AREA}/{}",
        crate::domain::casework::queue_slug(queue)
    )
}

/// A case's allocation page in a queue.
pub fn allocation_href(queue: crate::domain::case::WorkQueue, reference: &str) -> String {
    format!("{}/{reference}", queue_href(queue))
}

#[cfg(feature = "ssr")]
fn services() -> Result<std::sync::Arc<crate::ports::Services>, crate::server_fns::staff::StaffError>
{
    crate::server_fns::session::services()
        .map_err(|error| crate::server_fns::staff::StaffError::server("services", error))
}

#[cfg(feature = "ssr")]
fn store(error: crate::ports::StoreError) -> crate::server_fns::staff::StaffError {
    crate::server_fns::staff::StaffError::server("the casework store", error)
}

/// The canonical reference, or not found.
#[cfg(feature = "ssr")]
fn canonical(reference: &str) -> Result<String, crate::server_fns::staff::StaffError> {
    crate::domain::case::Reference::parse(reference)
        .map(|reference| reference.as_str().to_owned())
        .map_err(|_| crate::server_fns::staff::StaffError::NotFound)
}

/// Each case with its clocks on today.
#[cfg(feature = "ssr")]
fn with_clocks(services: &crate::ports::Services, cases: Vec<QueueCase>) -> Vec<ListedCase> {
    let today = services.clock.today();
    cases
        .into_iter()
        .map(|case| ListedCase {
            clocks: crate::domain::casework::case_clocks(
                &case.record,
                case.prepared_on,
                &services.calendar,
                &services.case_settings,
                today,
            ),
            case,
        })
        .collect()
}

/// The clocks of a case on a page of its own ('prepare' done when its work item is).
#[cfg(feature = "ssr")]
pub(crate) fn workspace_clocks(
    services: &crate::ports::Services,
    case: &crate::server_fns::case::CaseWorkspace,
) -> crate::domain::casework::CaseClocks {
    let prepared_on = case
        .work_items
        .iter()
        .filter(|item| item.kind == crate::domain::case::PREPARE)
        .map(|item| item.completed_at.map(|at| at.date()))
        .next_back()
        .flatten();
    crate::domain::casework::case_clocks(
        &case.record,
        prepared_on,
        &services.calendar,
        &services.case_settings,
        services.clock.today(),
    )
}

/// A refused form: back to `page` with what was typed and each field's problem.
#[cfg(feature = "ssr")]
async fn refuse(
    session_id: &str,
    form: &str,
    values: &[(&str, &str)],
    errors: Vec<(String, String)>,
    page: &str,
) -> Result<(), crate::server_fns::staff::StaffError> {
    let flash = crate::server_fns::staff::FormFlash {
        key: String::new(),
        form: form.to_owned(),
        values: values
            .iter()
            .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
            .collect(),
        errors,
    };
    crate::server_fns::staff::users::refuse(session_id, flash, page).await
}

/// Makes a change for the signed-in member of `area`: on success to `done`, on refusal back to
/// `page` with what was typed.
#[cfg(feature = "ssr")]
async fn apply(
    area: &str,
    reference: &str,
    change: crate::ports::sift_and_queues::CaseworkChange,
    form: &str,
    values: &[(&str, &str)],
    page: &str,
    done: &str,
) -> Result<(), crate::server_fns::staff::StaffError> {
    use crate::ports::sift_and_queues::{CaseworkRequest, ChangeResult};
    use crate::server_fns::staff::{require_access, StaffError};

    let current = require_access(area)?;
    let services = services()?;
    let result = services
        .sift_and_queues
        .change(CaseworkRequest {
            reference: reference.to_owned(),
            staff: current.member.clone(),
            today: services.clock.today(),
            change,
        })
        .await
        .map_err(store)?;
    match result {
        ChangeResult::Done => {
            leptos_axum::redirect(done);
            Ok(())
        }
        ChangeResult::NotFound => Err(StaffError::NotFound),
        ChangeResult::Refused(problems) => {
            refuse(&current.session_id, form, values, problems, page).await
        }
    }
}
