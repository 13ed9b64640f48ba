//! `/staff/nfc/<reference>`: a manager marks a closed case 'no further contact' (manual §12),
//! with the reason; the helpline console then shows it before anything else.

use leptos::prelude::*;

use super::views::NfcView;
use crate::server_fns::staff::StaffError;

/// The NFC page's address.
pub fn nfc_href(reference: &str) -> String {
    format!("{}/{reference}", super::NFC_AREA)
}

/// The case, for the NFC form.
#[server(prefix = "/staff/api/nfc", endpoint = "page")]
pub async fn load_nfc(reference: String) -> Result<NfcView, StaffError> {
    use super::{services, store};
    use crate::domain::case::Reference;
    use crate::server_fns::staff::require_access;
    use crate::server_fns::staff::users::kept_form;

    let current = require_access(super::NFC_AREA)?;
    let reference = Reference::parse(&reference).map_err(|_| StaffError::NotFound)?;
    let case = crate::ports::case::view_summary(
        services()?.workspaces.as_ref(),
        reference.as_str(),
        &current.member,
        "nfc page",
    )
    .await
    .map_err(store)?
    .ok_or(StaffError::NotFound)?;
    let flash = kept_form(&current.session_id, &format!("nfc:{reference}")).await?;
    Ok(NfcView {
        me: current.member,
        reference: case.record.reference.clone(),
        status: case.record.status,
        current: case.record.no_further_contact.map(|nfc| nfc.reason),
        flash,
    })
}

/// Marks the closed case 'no further contact' with the reason.
#[server(prefix = "/staff/api/nfc", endpoint = "mark")]
pub async fn mark_nfc(reference: String, reason: Option<String>) -> Result<(), StaffError> {
    use super::{finish, one, refuse, required_text, services, store, trimmed};
    use crate::domain::case::Reference;
    use crate::server_fns::staff::require_access;

    let current = require_access(super::NFC_AREA)?;
    let reference = Reference::parse(&reference)
        .map_err(|_| StaffError::NotFound)?
        .as_str()
        .to_owned();
    let reason = trimmed(reason);
    let values = [("reason", reason.as_str())];
    let page = nfc_href(&reference);
    let form = format!("nfc:{reference}");
    if let Some(key) = required_text(&reason, "helpline.nfc.error.reason") {
        return refuse(
            &current.session_id,
            &form,
            &values,
            one("reason", key),
            &page,
        )
        .await;
    }
    let services = services()?;
    let outcome = services
        .helpline
        .mark_nfc(&reference, &current.member, &reason, services.clock.today())
        .await
        .map_err(store)?;
    finish(outcome, &current.session_id, &form, &values, &page, "nfc").await
}
