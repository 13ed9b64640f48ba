//! The changes an officer makes to a case's parties: adding one, changing a party's contact
//! arrangements, merging a duplicate record into the main one. Plain posts, as in
//! [`super::actions`].

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::actions::{apply, canonical, given, on_case, refuse_field, Back, MAX_TEXT};
use crate::server_fns::staff::StaffError;

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
