//! The changes an officer makes on a case page: notes, preparing, the type, emails, re-opening
//! (parties in [`super::party_actions`]), and what they share. Each is a plain post; a refusal
//! keeps what was typed and the problem for the page it came from.

use leptos::prelude::*;

use crate::server_fns::staff::StaffError;

/// The longest note, reason or arrangement kept.
#[cfg(feature = "ssr")]
pub(super) const MAX_TEXT: usize = 5_000;
/// The longest email body.
#[cfg(feature = "ssr")]
const MAX_BODY: usize = 20_000;

/// The canonical reference, or not found.
#[cfg(feature = "ssr")]
pub(super) fn canonical(reference: &str) -> Result<String, StaffError> {
    crate::domain::case::Reference::parse(reference)
        .map(|reference| reference.as_str().to_owned())
        .map_err(|_| StaffError::NotFound)
}

/// Text as kept: trimmed, `None` when blank.
#[cfg(feature = "ssr")]
pub(super) fn given(text: Option<String>) -> Option<String> {
    text.map(|text| text.trim().to_owned())
        .filter(|text| !text.is_empty())
}

/// Where a case change goes back to, and what it is called in the flash.
#[cfg(feature = "ssr")]
pub(super) struct Back<'a> {
    pub area: &'a str,
    /// The page the form is on (`/staff/cases/<ref>`, `/staff/cases/<ref>/close`, …).
    pub page: String,
    /// `done=` on success, and the fragment to land on.
    pub done: &'a str,
    pub anchor: &'a str,
}

/// Makes the change; on success back to the case page with `done`, on refusal back to the form
/// with what was typed.
#[cfg(feature = "ssr")]
pub(super) async fn apply(
    reference: &str,
    change: crate::ports::case::CaseChange,
    values: &[(&str, &str)],
    back: Back<'_>,
) -> Result<(), StaffError> {
    use super::{case_href, flash, services, store};
    use crate::ports::case::{CaseChangeRequest, ChangeResult};
    use crate::server_fns::staff::require_access;
    use crate::server_fns::staff::users::refuse;

    let current = require_access(back.area)?;
    let services = services()?;
    let result = services
        .workspaces
        .change(CaseChangeRequest {
            reference: reference.to_owned(),
            staff: current.member.clone(),
            today: services.clock.today(),
            change,
        })
        .await
        .map_err(store)?;
    match result {
        ChangeResult::Done => {
            let page = if back.area == super::AREA {
                case_href(reference)
            } else {
                back.page.clone()
            };
            leptos_axum::redirect(&format!("{page}?done={}#{}", back.done, back.anchor));
            Ok(())
        }
        ChangeResult::NotFound => Err(StaffError::NotFound),
        ChangeResult::Refused(problems) => {
            let flash = flash(&format!("case:{reference}"), values, problems);
            refuse(&current.session_id, flash, &back.page).await
        }
    }
}

/// Refuses a form before it reaches the store: the field and the problem.
#[cfg(feature = "ssr")]
pub(super) async fn refuse_field(
    area: &str,
    form: &str,
    values: &[(&str, &str)],
    errors: Vec<(String, String)>,
    page: &str,
) -> Result<(), StaffError> {
    use crate::server_fns::staff::require_access;
    use crate::server_fns::staff::users::refuse;
    let current = require_access(area)?;
    refuse(
        &current.session_id,
        super::flash(form, values, errors),
        page,
    )
    .await
}

#[cfg(feature = "ssr")]
pub(super) fn one(field: &str, key: &str) -> Vec<(String, String)> {
    vec![(field.to_owned(), key.to_owned())]
}

#[cfg(feature = "ssr")]
pub(super) fn on_case<'a>(reference: &str, done: &'a str, anchor: &'a str) -> Back<'a> {
    Back {
        area: super::AREA,
        page: super::case_href(reference),
        done,
        anchor,
    }
}

/// Adds a note to the case.
#[server(prefix = "/staff/api/cases", endpoint = "note")]
pub async fn add_note(reference: String, note: Option<String>) -> Result<(), StaffError> {
    use crate::ports::case::CaseChange;
    let reference = canonical(&reference)?;
    let typed = note.unwrap_or_default();
    let Some(text) = given(Some(typed.clone())).filter(|t| t.chars().count() <= MAX_TEXT) else {
        let key = if typed.trim().is_empty() {
            "case.note.error.empty"
        } else {
            "case.error.too_long"
        };
        let page = super::case_href(&reference);
        return refuse_field(
            super::AREA,
            &format!("case:{reference}"),
            &[("note", &typed)],
            one("note", key),
            &page,
        )
        .await;
    };
    let change = CaseChange::Note { text };
    apply(
        &reference,
        change,
        &[("note", &typed)],
        on_case(&reference, "note", "notes"),
    )
    .await
}

/// Completes the 'prepare' work item (the allocated officer).
#[server(prefix = "/staff/api/cases", endpoint = "prepare")]
pub async fn prepare_case(reference: String) -> Result<(), StaffError> {
    use crate::ports::case::CaseChange;
    let reference = canonical(&reference)?;
    apply(
        &reference,
        CaseChange::Prepare,
        &[],
        on_case(&reference, "prepared", "work"),
    )
    .await
}

/// Completes Enforcement's 'provide advice' work item with a note.
#[server(prefix = "/staff/api/cases", endpoint = "advice")]
pub async fn complete_advice(
    reference: String,
    advice: Option<String>,
    open_pcb: Option<String>,
) -> Result<(), StaffError> {
    use crate::ports::case::CaseChange;
    let reference = canonical(&reference)?;
    let typed = advice.unwrap_or_default();
    let values = [("advice", typed.as_str())];
    let Some(note) = given(Some(typed.clone())).filter(|t| t.chars().count() <= MAX_TEXT) else {
        let page = super::case_href(&reference);
        return refuse_field(
            super::AREA,
            &format!("case:{reference}"),
            &values,
            one("advice", "case.advice.error.empty"),
            &page,
        )
        .await;
    };
    apply(
        &reference,
        CaseChange::CompleteAdvice {
            note,
            open_pcb: open_pcb.is_some_and(|value| value == "yes"),
        },
        &values,
        on_case(&reference, "advised", "work"),
    )
    .await
}

/// Changes the case type (only while the case has never been closed): the first post goes to
/// the confirmation page; the confirmation's post, with the reason, changes it.
#[server(prefix = "/staff/api/cases", endpoint = "type")]
pub async fn change_type(
    reference: String,
    to: Option<String>,
    reason: Option<String>,
    confirm: Option<String>,
) -> Result<(), StaffError> {
    use super::confirm::{confirm_href, confirmed_reason};
    use crate::domain::case::CaseKind;
    use crate::ports::case::CaseChange;
    let reference = canonical(&reference)?;
    let typed = to.unwrap_or_default();
    let values = [("case-type", typed.as_str())];
    let Some(to) = CaseKind::from_code(typed.trim()) else {
        let page = super::case_href(&reference);
        return refuse_field(
            super::AREA,
            &format!("case:{reference}"),
            &values,
            one("case-type", "case.type.error.choose"),
            &page,
        )
        .await;
    };
    let page = confirm_href(&reference, "type", &[("to", to.code())]);
    let typed_reason = reason.clone().unwrap_or_default();
    let values = [("reason", typed_reason.as_str())];
    let form = format!("case:{reference}");
    let Some(reason) = confirmed_reason(confirm, reason, MAX_TEXT, &form, &page).await? else {
        return Ok(());
    };
    let back = Back {
        area: super::AREA,
        page,
        done: "type_changed",
        anchor: "case-type",
    };
    apply(
        &reference,
        CaseChange::ChangeType { to, reason },
        &values,
        back,
    )
    .await
}

/// Emails a party from the case: queued in the outbox and kept on the case.
#[server(prefix = "/staff/api/cases", endpoint = "email")]
pub async fn send_email(
    reference: String,
    party: Option<String>,
    subject: Option<String>,
    body: Option<String>,
    job_title: Option<String>,
    direct_dial: Option<String>,
) -> Result<(), StaffError> {
    use crate::domain::case::{cut, subject_with_reference, MAX_SUBJECT_CHARS};
    use crate::ports::case::{CaseChange, OutgoingEmail};
    let reference = canonical(&reference)?;
    let (party, subject, body) = (
        party.unwrap_or_default(),
        subject.unwrap_or_default(),
        body.unwrap_or_default(),
    );
    let (job_title, direct_dial) = (
        job_title.unwrap_or_default(),
        direct_dial.unwrap_or_default(),
    );
    let values = [
        ("party", party.as_str()),
        ("subject", subject.as_str()),
        ("body", body.as_str()),
        ("job-title", job_title.as_str()),
        ("direct-dial", direct_dial.as_str()),
    ];
    let mut errors = Vec::new();
    if party.trim().is_empty() {
        errors.push(("party".to_owned(), "case.email.error.party".to_owned()));
    }
    if subject.trim().is_empty() {
        errors.push(("subject".to_owned(), "case.email.error.subject".to_owned()));
    }
    if body.trim().is_empty() || body.chars().count() > MAX_BODY {
        errors.push(("body".to_owned(), "case.email.error.body".to_owned()));
    }
    if job_title.chars().count() > 100 || direct_dial.chars().count() > 40 {
        errors.push((
            "job-title".to_owned(),
            "case.email.error.sign_off".to_owned(),
        ));
    }
    let page = format!("{}/email?party={party}", super::case_href(&reference));
    if !errors.is_empty() {
        return refuse_field(
            super::AREA,
            &format!("case:{reference}"),
            &values,
            errors,
            &page,
        )
        .await;
    }
    let email = OutgoingEmail {
        party_id: party.clone(),
        subject: subject_with_reference(&cut(&subject, MAX_SUBJECT_CHARS), &reference),
        body: body.clone(),
        job_title: job_title.trim().to_owned(),
        direct_dial: direct_dial.trim().to_owned(),
    };
    let back = Back {
        area: super::AREA,
        page,
        done: "email_sent",
        anchor: "correspondence",
    };
    apply(&reference, CaseChange::SendEmail(email), &values, back).await
}

/// Re-opens a closed case for a second, related concern.
#[server(prefix = "/staff/api/cases", endpoint = "reopen")]
pub async fn reopen_case(reference: String, reason: Option<String>) -> Result<(), StaffError> {
    use crate::ports::case::CaseChange;
    let reference = canonical(&reference)?;
    let typed = reason.unwrap_or_default();
    let values = [("reason", typed.as_str())];
    let page = format!("{}/reopen", super::case_href(&reference));
    if typed.chars().count() > MAX_TEXT {
        return refuse_field(
            super::AREA,
            &format!("case:{reference}"),
            &values,
            one("reason", "case.error.too_long"),
            &page,
        )
        .await;
    }
    let back = Back {
        area: super::AREA,
        page,
        done: "reopened",
        anchor: "summary",
    };
    apply(
        &reference,
        CaseChange::Reopen {
            reason: typed.trim().to_owned(),
        },
        &values,
        back,
    )
    .await
}
