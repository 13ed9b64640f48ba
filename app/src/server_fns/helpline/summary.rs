//! `/staff/helpline/<reference>`: the case as the caller is told about it, warnings first, and
//! what the adviser does from it: book a callback, pass on a request for prioritisation.

use leptos::prelude::*;

use super::views::SummaryView;
use crate::server_fns::staff::StaffError;

/// The summary of the case with this reference (the view is audited; a staff case shows only to
/// those named on it).
#[server(prefix = "/staff/api/helpline", endpoint = "summary")]
pub async fn load_summary(reference: String) -> Result<SummaryView, StaffError> {
    use super::{services, store};
    use crate::domain::case::Reference;
    use crate::domain::helpline::plan_callback;
    use crate::server_fns::staff::require_access;
    use crate::server_fns::staff::users::kept_form;

    let current = require_access(super::AREA)?;
    let reference = Reference::parse(&reference).map_err(|_| StaffError::NotFound)?;
    let services = services()?;
    let me = current.member.clone();
    let case = crate::ports::case::view_summary(
        services.workspaces.as_ref(),
        reference.as_str(),
        &me,
        "helpline summary",
    )
    .await
    .map_err(store)?
    .ok_or(StaffError::NotFound)?;
    let context = services
        .helpline
        .call_context(reference.as_str(), &me)
        .await
        .map_err(store)?
        .ok_or(StaffError::NotFound)?;
    let today = services.clock.today();
    let plan = |waits: bool| {
        plan_callback(
            context.first.as_ref(),
            &context.staff,
            today,
            waits,
            &services.calendar,
        )
        .map_err(|problem| problem.key().to_owned())
    };
    let flash = kept_form(&current.session_id, &form_name(reference.as_str())).await?;
    let record = &case.record;
    Ok(SummaryView {
        today,
        reference: record.reference.clone(),
        case_type: record.case_type,
        status: record.status,
        stage: record.stage(),
        priority: record.priority,
        title: record.title.clone(),
        officer: case.officer.clone(),
        queue_name: case.queue_name.clone(),
        created_on: record.created_on,
        assign_by: record.assign_by,
        contact_promised_by: record.contact_promised_by,
        close_by: record.close_by,
        closed_on: record.closed_on,
        outcome: record.outcome.clone(),
        last_contact: last_contact(&case),
        warnings: warnings(&case),
        nfc: record.no_further_contact.is_some(),
        callers: callers(&case),
        plan_if_waits: plan(true),
        plan_if_not: plan(false),
        first_away_until: context
            .first
            .as_ref()
            .and_then(|first| first.away_until.filter(|until| *until >= today)),
        first_is_lead: context.lead,
        callbacks: context.callbacks,
        priority_requests: context.priority_requests,
        flash,
        me,
    })
}

/// The flash of the summary page's forms.
pub fn form_name(reference: &str) -> String {
    format!("helpline:{reference}")
}

#[cfg(feature = "ssr")]
fn callers(case: &crate::server_fns::case::CaseWorkspace) -> Vec<super::views::CallerView> {
    case.parties
        .iter()
        .map(|party| super::views::CallerView {
            role: party.role.clone(),
            name: party.name.clone(),
            email: party.email.clone(),
            phone: party.phone.clone(),
        })
        .collect()
}

/// The latest contact with a party on the timeline.
#[cfg(feature = "ssr")]
fn last_contact(
    case: &crate::server_fns::case::CaseWorkspace,
) -> Option<(chrono::NaiveDateTime, String)> {
    use crate::domain::case::CaseEventKind;
    case.timeline
        .iter()
        .filter(|entry| CaseEventKind::from_code(&entry.code).is_some_and(|kind| kind.is_contact()))
        .max_by_key(|entry| entry.at)
        .map(|entry| (entry.at, entry.kind.clone()))
}

/// What the adviser must know first: 'no further contact', then each party's contact
/// arrangements and adjustments, then Welsh.
#[cfg(feature = "ssr")]
fn warnings(case: &crate::server_fns::case::CaseWorkspace) -> Vec<super::views::Warning> {
    use super::views::Warning;
    let warning = |code: &str, party: Option<&str>, detail: Option<&String>| Warning {
        code: code.to_owned(),
        party: party.map(str::to_owned),
        detail: detail.cloned(),
    };
    let mut warnings = Vec::new();
    if let Some(nfc) = &case.record.no_further_contact {
        warnings.push(warning("nfc", None, Some(&nfc.reason)));
    }
    for party in &case.parties {
        let name = Some(party.name.as_str());
        if let Some(text) = &party.restricted_contact {
            warnings.push(warning("restricted", name, Some(text)));
        }
        if let Some(text) = &party.single_point_of_contact {
            warnings.push(warning("single_point", name, Some(text)));
        }
        if let Some(text) = &party.adjustments {
            warnings.push(warning("adjustments", name, Some(text)));
        }
    }
    let welsh_party = case.parties.iter().find(|party| party.reply_in_welsh);
    if case.record.title.contains("Welsh language") || welsh_party.is_some() {
        warnings.push(warning("welsh", welsh_party.map(|p| p.name.as_str()), None));
    }
    warnings
}

/// Books a callback for the caller: to the officer (within 2 working days, or of their return
/// if the caller waits), else up the line of managers.
#[server(prefix = "/staff/api/helpline", endpoint = "callback")]
pub async fn book_callback(
    reference: String,
    caller: Option<String>,
    phone: Option<String>,
    waits: Option<String>,
    note: Option<String>,
) -> Result<(), StaffError> {
    use super::{finish, one, refuse, services, store, summary_href, trimmed};
    use crate::domain::case::Reference;
    use crate::domain::helpline::plan_callback;
    use crate::ports::helpline::CallbackBooking;
    use crate::server_fns::staff::require_access;

    let current = require_access(super::AREA)?;
    let reference = Reference::parse(&reference)
        .map_err(|_| StaffError::NotFound)?
        .as_str()
        .to_owned();
    let (caller, phone, note) = (trimmed(caller), trimmed(phone), trimmed(note));
    let waits = waits.unwrap_or_default();
    let values = [
        ("caller", caller.as_str()),
        ("phone", phone.as_str()),
        ("waits", waits.as_str()),
        ("note", note.as_str()),
    ];
    let page = summary_href(&reference);
    let form = form_name(&reference);
    let mut errors = Vec::new();
    if caller.is_empty() || caller.chars().count() > 200 {
        errors.push((
            "caller".to_owned(),
            "helpline.callback.error.caller".to_owned(),
        ));
    }
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    if !(6..=20).contains(&digits) || phone.chars().count() > 40 {
        errors.push((
            "phone".to_owned(),
            "helpline.callback.error.phone".to_owned(),
        ));
    }
    if !matches!(waits.as_str(), "yes" | "no") {
        errors.push((
            "waits".to_owned(),
            "helpline.callback.error.waits".to_owned(),
        ));
    }
    if note.chars().count() > super::MAX_TEXT {
        errors.push(("note".to_owned(), "helpline.error.too_long".to_owned()));
    }
    if !errors.is_empty() {
        return refuse(&current.session_id, &form, &values, errors, &page).await;
    }
    let services = services()?;
    let context = services
        .helpline
        .call_context(&reference, &current.member)
        .await
        .map_err(store)?
        .ok_or(StaffError::NotFound)?;
    if context.nfc {
        let errors = one("caller", "helpline.callback.error.nfc");
        return refuse(&current.session_id, &form, &values, errors, &page).await;
    }
    let caller_waits = waits == "yes";
    let plan = match plan_callback(
        context.first.as_ref(),
        &context.staff,
        services.clock.today(),
        caller_waits,
        &services.calendar,
    ) {
        Ok(plan) => plan,
        Err(problem) => {
            let errors = one("waits", problem.key());
            return refuse(&current.session_id, &form, &values, errors, &page).await;
        }
    };
    let result = services
        .helpline
        .book_callback(CallbackBooking {
            reference: reference.clone(),
            staff: current.member.clone(),
            plan,
            caller_name: caller.clone(),
            phone: phone.clone(),
            note: note.clone(),
            caller_waits,
        })
        .await
        .map_err(store)?;
    finish(
        result,
        &current.session_id,
        &form,
        &values,
        &page,
        "callback",
    )
    .await
}

/// Passes on the caller's request that the case be prioritised, with their reasons, to the
/// relevant manager (manual §12).
#[server(prefix = "/staff/api/helpline", endpoint = "priority")]
pub async fn request_priority(
    reference: String,
    reasons: Option<String>,
) -> Result<(), StaffError> {
    use super::{finish, one, refuse, required_text, services, store, summary_href, trimmed};
    use crate::domain::case::Reference;
    use crate::server_fns::staff::require_access;

    let current = require_access(super::AREA)?;
    let reference = Reference::parse(&reference)
        .map_err(|_| StaffError::NotFound)?
        .as_str()
        .to_owned();
    let reasons = trimmed(reasons);
    let values = [("reasons", reasons.as_str())];
    let page = summary_href(&reference);
    let form = form_name(&reference);
    if let Some(key) = required_text(&reasons, "helpline.priority.error.reasons") {
        return refuse(
            &current.session_id,
            &form,
            &values,
            one("reasons", key),
            &page,
        )
        .await;
    }
    let result = services()?
        .helpline
        .request_priority(&reference, &current.member, &reasons)
        .await
        .map_err(store)?;
    finish(
        result,
        &current.session_id,
        &form,
        &values,
        &page,
        "priority",
    )
    .await
}
