//! The case officer's workspace (manual §5, §11, §12): a case's page, its changes, emails to its
//! parties, closing (one case or several), re-opening; the sift list's correspondence that found
//! no case; and an admin's correction of an outcome. Each server function checks the access
//! table again and calls the [`crate::ports::case::CaseWorkspaces`] the server provides.

mod actions;
mod close;
mod confirm;
mod correction;
mod find;
mod load;
mod party_actions;
mod staff_case;
mod templates;
mod views;

pub use crate::domain::case::EmailTemplate;
pub use actions::*;
pub use close::*;
pub use confirm::*;
pub use correction::*;
pub use find::*;
pub use load::*;
pub use party_actions::*;
pub use staff_case::*;
pub use templates::{draft, with_sign_off, DraftContext};
pub use views::*;

/// The case pages' staff area (`/staff/cases`, `/staff/api/cases`).
pub const AREA: &str = "/staff/cases";
/// The sift list's correspondence (Advice Service).
pub const SIFT_AREA: &str = "/staff/sift";
/// Marking a staff case (team managers).
pub const STAFF_CASES_AREA: &str = "/staff/staff-cases";
/// Outcome corrections (admin).
pub const CORRECTIONS_AREA: &str = "/staff/corrections";

/// A case page's address.
pub fn case_href(reference: &str) -> String {
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
    crate::server_fns::staff::StaffError::server("the case store", error)
}

/// A refused form: its name, what was typed and each field's problem.
#[cfg(feature = "ssr")]
fn flash(
    form: &str,
    values: &[(&str, &str)],
    errors: Vec<(String, String)>,
) -> crate::server_fns::staff::FormFlash {
    crate::server_fns::staff::FormFlash {
        key: String::new(),
        form: form.to_owned(),
        values: values
            .iter()
            .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
            .collect(),
        errors,
    }
}
