//! `/staff/callbacks`: the callbacks an officer is to return (and a manager's team's), due and
//! overdue, and the result of each attempt, recorded on the case (manual §12).

use leptos::prelude::*;

use super::views::CallbacksView;
use crate::server_fns::staff::StaffError;

/// The results an attempt can have.
pub const ATTEMPT_RESULTS: &[&str] = &["spoke", "no_answer", "voicemail"];

/// The callbacks of the signed-in member of staff and of the people they manage.
#[server(prefix = "/staff/api/callbacks", endpoint = "list")]
pub async fn load_callbacks() -> Result<CallbacksView, StaffError> {
    use super::{services, store};
    use crate::server_fns::staff::require_access;
    use crate::server_fns::staff::users::kept_form;

    let current = require_access(super::CALLBACKS_AREA)?;
    let services = services()?;
    let callbacks = services
        .helpline
        .callbacks_for(&current.member)
        .await
        .map_err(store)?;
    let flash = kept_form(&current.session_id, "callbacks").await?;
    Ok(CallbacksView {
        me: current.member,
        today: services.clock.today(),
        callbacks,
        flash,
    })
}

/// Records one attempt to return a call: its result and a note.
#[server(prefix = "/staff/api/callbacks", endpoint = "attempt")]
pub async fn record_attempt(
    callback: String,
    result: Option<String>,
    note: Option<String>,
) -> Result<(), StaffError> {
    use super::{finish, refuse, services, store, trimmed};
    use crate::ports::helpline::CallbackAttempt;
    use crate::server_fns::staff::require_access;

    let current = require_access(super::CALLBACKS_AREA)?;
    let result = result.unwrap_or_default();
    let note = trimmed(note);
    let result_field = format!("result-{callback}");
    let note_field = format!("note-{callback}");
    let values = [
        (result_field.as_str(), result.as_str()),
        (note_field.as_str(), note.as_str()),
    ];
    let page = super::CALLBACKS_AREA;
    let mut errors = Vec::new();
    if !ATTEMPT_RESULTS.contains(&result.as_str()) {
        errors.push((
            result_field.clone(),
            "helpline.attempt.error.result".to_owned(),
        ));
    }
    if note.chars().count() > super::MAX_TEXT {
        errors.push((note_field.clone(), "helpline.error.too_long".to_owned()));
    }
    if !errors.is_empty() {
        return refuse(&current.session_id, "callbacks", &values, errors, page).await;
    }
    let outcome = services()?
        .helpline
        .record_attempt(CallbackAttempt {
            callback_id: callback,
            staff: current.member.clone(),
            result: result.clone(),
            note: note.clone(),
        })
        .await
        .map_err(store)?;
    finish(
        outcome,
        &current.session_id,
        "callbacks",
        &values,
        page,
        "attempt",
    )
    .await
}
