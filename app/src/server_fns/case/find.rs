//! Finding a case by its reference (the find-a-case box), and attaching a waiting email to the
//! case the Advice Service names.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::actions::{one, refuse_field};
use crate::server_fns::staff::StaffError;

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
