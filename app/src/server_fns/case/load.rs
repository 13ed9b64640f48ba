//! What the case pages load.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::views::{CasePageView, CorrespondenceView, SimplePageView};
use crate::server_fns::staff::StaffError;

/// The email page: the case, the party and template chosen, and the draft to edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailPageView {
    pub page: CasePageView,
    pub party_id: String,
    pub template: String,
    pub subject: String,
    pub body: String,
}

/// The case with this reference for the signed-in member of staff; `page` says which page
/// shows it (`case`, `close`, `reopen`, `email`, `correction`), as the audit records the view.
#[cfg(feature = "ssr")]
pub(super) async fn case_page(
    area: &str,
    reference: &str,
    page: &str,
) -> Result<CasePageView, StaffError> {
    use super::views::CaseAbilities;
    use super::{services, store};
    use crate::domain::case::Reference;
    use crate::domain::staff::Role;
    use crate::server_fns::staff::require_access;
    use crate::server_fns::staff::users::kept_form;

    let current = require_access(area)?;
    let reference = Reference::parse(reference).map_err(|_| StaffError::NotFound)?;
    let services = services()?;
    let case = crate::ports::case::view_case(
        services.workspaces.as_ref(),
        reference.as_str(),
        &current.member,
        page,
    )
    .await
    .map_err(store)?
    .ok_or(StaffError::NotFound)?;
    let me = current.member;
    let may = CaseAbilities {
        officer: case.record.assigned_to.as_deref() == Some(me.id.as_str()),
        manager: me.has_any(&[Role::TeamManager]),
        enforcement: me.has_any(&[Role::Enforcement]),
    };
    let flash = kept_form(&current.session_id, &format!("case:{}", reference)).await?;
    let sign_off = services.workspaces.sign_off(&me.id).await.map_err(store)?;
    let clocks = crate::server_fns::casework::workspace_clocks(&services, &case);
    Ok(CasePageView {
        today: services.clock.today(),
        clocks,
        me,
        case,
        may,
        flash,
        sign_off,
    })
}

#[server(prefix = "/staff/api/cases", endpoint = "page")]
pub async fn load_case(reference: String, page: String) -> Result<CasePageView, StaffError> {
    let page = match page.as_str() {
        "close" | "reopen" => page,
        _ => "case".to_owned(),
    };
    case_page(super::AREA, &reference, &page).await
}

/// The email page, its draft from `template` to `party` (else the first party with an email).
#[server(prefix = "/staff/api/cases", endpoint = "email-page")]
pub async fn load_email(
    reference: String,
    party: Option<String>,
    template: Option<String>,
) -> Result<EmailPageView, StaffError> {
    use super::templates::{draft, DraftContext};
    use crate::domain::case::EmailTemplate;

    let page = case_page(super::AREA, &reference, "email").await?;
    let with_email: Vec<_> = page
        .case
        .parties
        .iter()
        .filter(|party| party.email.is_some())
        .collect();
    let chosen = party
        .as_deref()
        .and_then(|id| with_email.iter().find(|p| p.id == id))
        .or_else(|| with_email.first())
        .copied()
        .cloned();
    // Only the templates of the case's type (an address naming another starts blank).
    let template = template
        .as_deref()
        .and_then(EmailTemplate::from_code)
        .filter(|template| {
            EmailTemplate::for_case_type(page.case.record.case_type).contains(template)
        })
        .unwrap_or(EmailTemplate::Blank);
    let organisation = page
        .case
        .parties
        .iter()
        .find(|p| p.role == "organisation")
        .map(|p| p.name.clone())
        .or_else(|| page.case.record.organisation_name.clone())
        .unwrap_or_default();
    let context = DraftContext {
        recipient: chosen.as_ref().map(|p| p.name.clone()).unwrap_or_default(),
        organisation,
        received_on: Some(page.case.record.opened_on),
        officer: page.me.name.clone(),
        reference: page.case.record.reference.clone(),
    };
    let (subject, body) = draft(template, &context);
    Ok(EmailPageView {
        party_id: chosen.map(|p| p.id).unwrap_or_default(),
        template: template.code().to_owned(),
        subject,
        body,
        page,
    })
}

/// The correction page (admin): the case and its instances.
#[server(prefix = "/staff/api/corrections", endpoint = "page")]
pub async fn load_correction(reference: String) -> Result<CasePageView, StaffError> {
    case_page(super::CORRECTIONS_AREA, &reference, "correction").await
}

/// `/staff/cases` (find a case) and `/staff/cases/close-several`: `form` names the flash.
#[server(prefix = "/staff/api/cases", endpoint = "simple-page")]
pub async fn load_simple(form: String) -> Result<SimplePageView, StaffError> {
    use crate::server_fns::staff::require_access;
    use crate::server_fns::staff::users::kept_form;

    let current = require_access(super::AREA)?;
    let form = match form.as_str() {
        "close-several" => "close-several",
        _ => "find",
    };
    let flash = kept_form(&current.session_id, form).await?;
    Ok(SimplePageView {
        me: current.member,
        flash,
    })
}

/// The sift list's correspondence: emails that found no case.
#[server(prefix = "/staff/api/sift", endpoint = "correspondence")]
pub async fn load_correspondence() -> Result<CorrespondenceView, StaffError> {
    use super::{services, store};
    use crate::server_fns::staff::require_access;
    use crate::server_fns::staff::users::kept_form;

    let current = require_access(super::SIFT_AREA)?;
    let messages = services()?.workspaces.unattached().await.map_err(store)?;
    let flash = kept_form(&current.session_id, "correspondence").await?;
    Ok(CorrespondenceView {
        me: current.member,
        messages,
        flash,
    })
}
