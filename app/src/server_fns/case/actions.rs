//! The changes an officer makes on a case page: notes, parties, preparing, the type, emails,
//! re-opening; finding a case; attaching a waiting email; an admin's outcome correction. Each is
//! a plain post; a refusal keeps what was typed and the problem for the page it came from.

use leptos::prelude::*;

use crate::server_fns::staff::StaffError;

/// The longest note, reason or arrangement kept.
#[cfg(feature = "ssr")]
const MAX_TEXT: usize = 5_000;
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
fn given(text: Option<String>) -> Option<String> {
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
fn one(field: &str, key: &str) -> Vec<(String, String)> {
    vec![(field.to_owned(), key.to_owned())]
}

#[cfg(feature = "ssr")]
fn on_case<'a>(reference: &str, done: &'a str, anchor: &'a str) -> Back<'a> {
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

/// Adds a party (name, role, email, phone).
#[server(prefix = "/staff/api/cases", endpoint = "party-add")]
pub async fn add_party(
    reference: String,
    role: Option<String>,
    name: Option<String>,
    email: Option<String>,
    phone: Option<String>,
) -> Result<(), StaffError> {
    use crate::domain::case::PARTY_ROLES;
    use crate::domain::staff::normalise_email;
    use crate::ports::case::CaseChange;
    let reference = canonical(&reference)?;
    let (role, name) = (role.unwrap_or_default(), name.unwrap_or_default());
    let (email, phone) = (email.unwrap_or_default(), phone.unwrap_or_default());
    let values = [
        ("party-role", role.as_str()),
        ("party-name", name.as_str()),
        ("party-email", email.as_str()),
        ("party-phone", phone.as_str()),
    ];
    let mut errors = Vec::new();
    if !PARTY_ROLES.contains(&role.as_str()) {
        errors.push(("party-role".to_owned(), "case.party.error.role".to_owned()));
    }
    if name.trim().is_empty() || name.chars().count() > 200 {
        errors.push(("party-name".to_owned(), "case.party.error.name".to_owned()));
    }
    let checked_email = match given(Some(email.clone())) {
        None => None,
        Some(email) => match normalise_email(&email) {
            Ok(email) => Some(email),
            Err(_) => {
                errors.push((
                    "party-email".to_owned(),
                    "case.party.error.email".to_owned(),
                ));
                None
            }
        },
    };
    if phone.chars().count() > 40 {
        errors.push((
            "party-phone".to_owned(),
            "case.party.error.phone".to_owned(),
        ));
    }
    let page = super::case_href(&reference);
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
    let change = CaseChange::AddParty {
        role: role.clone(),
        name: name.trim().to_owned(),
        email: checked_email,
        phone: given(Some(phone.clone())),
    };
    apply(
        &reference,
        change,
        &values,
        on_case(&reference, "party_added", "parties"),
    )
    .await
}

/// Changes a party's restricted contact and single point of contact arrangements, with a reason.
#[server(prefix = "/staff/api/cases", endpoint = "party-change")]
pub async fn change_party(
    reference: String,
    party: String,
    restricted_contact: Option<String>,
    single_point_of_contact: Option<String>,
    reason: Option<String>,
) -> Result<(), StaffError> {
    use crate::ports::case::CaseChange;
    let reference = canonical(&reference)?;
    let (restricted, single) = (
        restricted_contact.unwrap_or_default(),
        single_point_of_contact.unwrap_or_default(),
    );
    let typed_reason = reason.unwrap_or_default();
    let field = |name: &str| format!("{name}-{party}");
    let (restricted_id, single_id, reason_id) =
        (field("restricted"), field("single"), field("reason"));
    let values = [
        (restricted_id.as_str(), restricted.as_str()),
        (single_id.as_str(), single.as_str()),
        (reason_id.as_str(), typed_reason.as_str()),
    ];
    let mut errors = Vec::new();
    if typed_reason.trim().is_empty() {
        errors.push((reason_id.clone(), "case.party.error.reason".to_owned()));
    }
    for (id, text) in [
        (&restricted_id, &restricted),
        (&single_id, &single),
        (&reason_id, &typed_reason),
    ] {
        if text.chars().count() > MAX_TEXT {
            errors.push((id.clone(), "case.error.too_long".to_owned()));
        }
    }
    let page = super::case_href(&reference);
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
    let change = CaseChange::ChangeParty {
        party_id: party,
        restricted_contact: given(Some(restricted.clone())),
        single_point_of_contact: given(Some(single.clone())),
        reason: typed_reason.trim().to_owned(),
    };
    apply(
        &reference,
        change,
        &values,
        on_case(&reference, "party_changed", "parties"),
    )
    .await
}

/// Merges a duplicate party record into the main record: the first post goes to the
/// confirmation page; the confirmation's post, with the reason, merges.
#[server(prefix = "/staff/api/cases", endpoint = "party-merge")]
pub async fn merge_party(
    reference: String,
    main: String,
    duplicate: String,
    reason: Option<String>,
    confirm: Option<String>,
) -> Result<(), StaffError> {
    use super::confirm::{confirm_href, confirmed_reason};
    use crate::ports::case::CaseChange;
    let reference = canonical(&reference)?;
    let page = confirm_href(
        &reference,
        "merge",
        &[("main", main.as_str()), ("duplicate", duplicate.as_str())],
    );
    let typed = reason.clone().unwrap_or_default();
    let values = [("reason", typed.as_str())];
    let form = format!("case:{reference}");
    let Some(reason) = confirmed_reason(confirm, reason, MAX_TEXT, &form, &page).await? else {
        return Ok(());
    };
    let change = CaseChange::MergeParty {
        main,
        duplicate,
        reason,
    };
    let back = Back {
        area: super::AREA,
        page,
        done: "party_merged",
        anchor: "parties",
    };
    apply(&reference, change, &values, back).await
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

/// An admin corrects the outcome an instance was closed with.
#[server(prefix = "/staff/api/corrections", endpoint = "correct")]
pub async fn correct_outcome(
    reference: String,
    instance: Option<String>,
    outcome: Option<String>,
    reason: Option<String>,
) -> Result<(), StaffError> {
    use crate::domain::case::Outcome;
    use crate::ports::case::CaseChange;
    let reference = canonical(&reference)?;
    let (instance, outcome, reason) = (
        instance.unwrap_or_default(),
        outcome.unwrap_or_default(),
        reason.unwrap_or_default(),
    );
    let values = [
        ("instance", instance.as_str()),
        ("outcome", outcome.as_str()),
        ("reason", reason.as_str()),
    ];
    let page = format!("{}/{reference}", super::CORRECTIONS_AREA);
    let mut errors = Vec::new();
    let number = instance.trim().parse::<u32>().ok();
    if number.is_none() {
        errors.push((
            "instance".to_owned(),
            "case.correction.error.instance".to_owned(),
        ));
    }
    let chosen = Outcome::from_code(outcome.trim());
    if chosen.is_none() {
        errors.push((
            "outcome".to_owned(),
            "workflow.closure.outcome_missing".to_owned(),
        ));
    }
    if reason.trim().is_empty() || reason.chars().count() > MAX_TEXT {
        errors.push((
            "reason".to_owned(),
            "case.correction.error.reason".to_owned(),
        ));
    }
    let (Some(instance), Some(outcome), true) = (number, chosen, errors.is_empty()) else {
        return refuse_field(
            super::CORRECTIONS_AREA,
            &format!("case:{reference}"),
            &values,
            errors,
            &page,
        )
        .await;
    };
    let back = Back {
        area: super::CORRECTIONS_AREA,
        page,
        done: "corrected",
        anchor: "instances",
    };
    let change = CaseChange::CorrectOutcome {
        instance,
        outcome,
        reason: reason.trim().to_owned(),
    };
    apply(&reference, change, &values, back).await
}

/// The find-a-case box: opens the case, or explains the typo and suggests what was meant.
#[server(prefix = "/staff/api/cases", endpoint = "find")]
pub async fn find_case(reference: Option<String>) -> Result<(), StaffError> {
    use super::{services, store};
    use crate::domain::case::{read_reference, reference_error_key};
    use crate::server_fns::staff::require_access;
    let current = require_access(super::AREA)?;
    let typed = reference.unwrap_or_default();
    let back = format!("{}?from=find", super::AREA);
    match read_reference(&typed) {
        Ok(found) => {
            if services()?
                .workspaces
                .visible(found.as_str(), &current.member)
                .await
                .map_err(store)?
            {
                leptos_axum::redirect(&super::case_href(found.as_str()));
                Ok(())
            } else {
                refuse_field(
                    super::AREA,
                    "find",
                    &[("reference", &typed)],
                    one("reference", "case.reference.error.unknown"),
                    &back,
                )
                .await
            }
        }
        Err((error, suggestions)) => {
            let mut values = vec![("reference", typed.as_str())];
            let suggested: Vec<String> =
                suggestions.iter().map(|r| r.as_str().to_owned()).collect();
            values.extend(suggested.iter().map(|s| ("suggestion", s.as_str())));
            refuse_field(
                super::AREA,
                "find",
                &values,
                one("reference", reference_error_key(&error)),
                &back,
            )
            .await
        }
    }
}

/// Attaches a waiting email to the case the Advice Service names.
#[server(prefix = "/staff/api/sift", endpoint = "correspondence-attach")]
pub async fn attach_message(message: String, reference: Option<String>) -> Result<(), StaffError> {
    use super::{services, store};
    use crate::domain::case::{read_reference, reference_error_key};
    use crate::server_fns::staff::require_access;
    let current = require_access(super::SIFT_AREA)?;
    let typed = reference.unwrap_or_default();
    let field = format!("reference-{message}");
    let back = format!("{}/correspondence", super::SIFT_AREA);
    let found = match read_reference(&typed) {
        Ok(found) => found,
        Err((error, suggestions)) => {
            let suggested: Vec<String> =
                suggestions.iter().map(|r| r.as_str().to_owned()).collect();
            let mut values = vec![(field.as_str(), typed.as_str())];
            values.extend(suggested.iter().map(|s| ("suggestion", s.as_str())));
            return refuse_field(
                super::SIFT_AREA,
                "correspondence",
                &values,
                one(&field, reference_error_key(&error)),
                &back,
            )
            .await;
        }
    };
    let services = services()?;
    let attached = services
        .workspaces
        .visible(found.as_str(), &current.member)
        .await
        .map_err(store)?
        && services
            .workspaces
            .attach(&message, found.as_str(), &current.member)
            .await
            .map_err(store)?;
    if !attached {
        let values = [(field.as_str(), typed.as_str())];
        return refuse_field(
            super::SIFT_AREA,
            "correspondence",
            &values,
            one(&field, "case.reference.error.unknown"),
            &back,
        )
        .await;
    }
    leptos_axum::redirect(&format!("{back}?attached={}", found.as_str()));
    Ok(())
}
