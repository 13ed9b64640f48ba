//! Assisted digital (`/staff/helpline/assist`): the adviser records the caller's consent and
//! starts the public concerns assistant for them, marked as a phone journey: the email address
//! is optional and, without one, the confirmation offers a printable acknowledgement letter.

use leptos::prelude::*;

use super::views::AssistView;
use crate::server_fns::staff::StaffError;

/// The assist page: who is signed in, and a refused form.
#[server(prefix = "/staff/api/helpline", endpoint = "assist-page")]
pub async fn load_assist() -> Result<AssistView, StaffError> {
    use crate::server_fns::staff::require_access;
    use crate::server_fns::staff::users::kept_form;
    let current = require_access(super::AREA)?;
    let flash = kept_form(&current.session_id, "assist").await?;
    Ok(AssistView {
        me: current.member,
        flash,
    })
}

/// Records the caller's consent and starts a fresh assistant journey for them in this browser.
#[server(prefix = "/staff/api/helpline", endpoint = "assist")]
pub async fn start_assisted(consent: Option<String>) -> Result<(), StaffError> {
    use super::{one, refuse, services};
    use crate::ports::{AssistedDigital, Journey};
    use crate::server_fns::staff::require_access;

    let current = require_access(super::AREA)?;
    let page = format!("{}/assist", super::AREA);
    if consent.as_deref() != Some("yes") {
        let errors = one("consent", "helpline.assist.error.consent");
        return refuse(&current.session_id, "assist", &[], errors, &page).await;
    }
    let services = services()?;
    let mut journey = Journey {
        assisted: Some(AssistedDigital {
            adviser_id: current.member.id.clone(),
            consent_at: services.clock.now().format("%Y-%m-%d %H:%M").to_string(),
            letter_to: None,
        }),
        ..Journey::default()
    };
    crate::server_fns::session::save(&services, &mut journey)
        .await
        .map_err(|error| StaffError::server("starting the journey", error))?;
    leptos_axum::redirect("/concern/about");
    Ok(())
}
