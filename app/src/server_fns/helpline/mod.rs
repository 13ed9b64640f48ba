//! The helpline (manual §12): the console that finds a case while the caller waits and sums it
//! up, callbacks, prioritisation requests and 'no further contact'. Each server function checks
//! the access table again and calls the [`crate::ports::helpline::HelplineWork`] the server provides.

mod assist;
mod callbacks;
mod console;
mod nfc;
mod priority;
mod summary;
mod views;

pub use assist::*;
pub use callbacks::*;
pub use console::*;
pub use nfc::*;
pub use priority::*;
pub use summary::*;
pub use views::*;

/// The helpline console (`/staff/helpline`, `/staff/api/helpline`).
pub const AREA: &str = "/staff/helpline";
/// Officers' and managers' callbacks.
pub const CALLBACKS_AREA: &str = "/staff/callbacks";
/// Managers' prioritisation requests.
pub const PRIORITY_AREA: &str = "/staff/priority-requests";
/// Managers' 'no further contact'.
pub const NFC_AREA: &str = "/staff/nfc";

/// The longest free text kept (a note, reasons).
#[cfg(feature = "ssr")]
const MAX_TEXT: usize = 2_000;

/// A case's helpline summary.
pub fn summary_href(reference: &str) -> String {
    format!("{AREA}/{reference}")
}

#[cfg(feature = "ssr")]
fn services() -> Result<std::sync::Arc<crate::ports::Services>, crate::server_fns::staff::StaffError>
{
    crate::server_fns::session::services()
        .map_err(|error| crate::server_fns::staff::StaffError::server("services", error))
}

#[cfg(feature = "ssr")]
fn store(error: crate::ports::StoreError) -> crate::server_fns::staff::StaffError {
    crate::server_fns::staff::StaffError::server("the helpline store", error)
}

/// Text as kept: trimmed.
#[cfg(feature = "ssr")]
fn trimmed(text: Option<String>) -> String {
    text.unwrap_or_default().trim().to_owned()
}

/// Sends the person back to `page` with what they typed and each field's problem.
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

/// One field's problem.
#[cfg(feature = "ssr")]
fn one(field: &str, key: &str) -> Vec<(String, String)> {
    vec![(field.to_owned(), key.to_owned())]
}

/// Checks a required free text: the problem's key, if any.
#[cfg(feature = "ssr")]
fn required_text(text: &str, empty_key: &'static str) -> Option<&'static str> {
    if text.is_empty() {
        Some(empty_key)
    } else if text.chars().count() > MAX_TEXT {
        Some("helpline.error.too_long")
    } else {
        None
    }
}

/// After a change: back to `page` (`?done=`), or the refusal, or not found.
#[cfg(feature = "ssr")]
async fn finish(
    result: crate::ports::helpline::HelplineResult,
    session_id: &str,
    form: &str,
    values: &[(&str, &str)],
    page: &str,
    done: &str,
) -> Result<(), crate::server_fns::staff::StaffError> {
    match result {
        crate::ports::helpline::HelplineResult::Done => {
            leptos_axum::redirect(&format!("{page}?done={done}"));
            Ok(())
        }
        crate::ports::helpline::HelplineResult::NotFound => {
            Err(crate::server_fns::staff::StaffError::NotFound)
        }
        crate::ports::helpline::HelplineResult::Refused(errors) => {
            refuse(session_id, form, values, errors, page).await
        }
    }
}
