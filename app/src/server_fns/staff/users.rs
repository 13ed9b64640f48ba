//! `/staff/users`: an admin lists, adds and changes staff accounts. The access table limits the
//! area (and these functions, under `/staff/api/users`) to admins; each function checks again.

use leptos::prelude::*;

use super::error::StaffError;
use super::forms::{EditStaffView, NewStaffView, StaffListView};
#[cfg(feature = "ssr")]
use super::{context::require_access, forms::FormFlash};
#[cfg(feature = "ssr")]
use crate::domain::staff::Role;

#[cfg(feature = "ssr")]
const AREA: &str = "/staff/users";

#[cfg(feature = "ssr")]
fn services() -> Result<std::sync::Arc<crate::ports::Services>, StaffError> {
    crate::server_fns::session::services().map_err(|error| StaffError::server("services", error))
}

/// Everyone with an account.
#[server(prefix = "/staff/api/users", endpoint = "list")]
pub async fn list_staff() -> Result<StaffListView, StaffError> {
    let current = require_access(AREA)?;
    let staff = services()?
        .staff
        .list()
        .await
        .map_err(|error| StaffError::server("listing staff", error))?;
    Ok(StaffListView {
        me: current.member,
        staff,
    })
}

/// The add form, with what was typed last time if it was refused.
#[server(prefix = "/staff/api/users", endpoint = "new-view")]
pub async fn load_new_staff() -> Result<NewStaffView, StaffError> {
    let current = require_access(AREA)?;
    let flash = kept_form(&current.session_id, "add").await?;
    Ok(NewStaffView {
        me: current.member,
        flash,
    })
}

/// One member's change form.
#[server(prefix = "/staff/api/users", endpoint = "edit-view")]
pub async fn load_edit_staff(id: String) -> Result<EditStaffView, StaffError> {
    let current = require_access(AREA)?;
    let staff = services()?
        .staff
        .list()
        .await
        .map_err(|error| StaffError::server("listing staff", error))?;
    let member = staff
        .iter()
        .find(|member| member.id == id)
        .cloned()
        .ok_or(StaffError::NotFound)?;
    let managers = staff
        .iter()
        .filter(|other| other.id != id && other.active)
        .map(|other| (other.id.clone(), other.name.clone()))
        .collect();
    let flash = kept_form(&current.session_id, &format!("edit:{id}")).await?;
    Ok(EditStaffView {
        me: current.member,
        member,
        managers,
        flash,
    })
}

#[cfg(feature = "ssr")]
pub(crate) async fn kept_form(
    session_id: &str,
    form: &str,
) -> Result<Option<FormFlash>, StaffError> {
    let flash = services()?
        .staff
        .flash(session_id)
        .await
        .map_err(|error| StaffError::server("reading the form", error))?;
    Ok(crate::server_fns::refused::shown(flash, |flash| &flash.key)
        .filter(|flash| flash.form == form))
}

/// Keeps the refused form for the page and sends the person back to it
/// ([`refused`](crate::server_fns::refused)).
#[cfg(feature = "ssr")]
pub(crate) async fn refuse(
    session_id: &str,
    mut flash: FormFlash,
    back: &str,
) -> Result<(), StaffError> {
    flash.key = crate::server_fns::refused::keep()
        .map_err(|error| StaffError::server("keeping the form", error))?;
    services()?
        .staff
        .set_flash(session_id, Some(&flash))
        .await
        .map_err(|error| StaffError::server("keeping the form", error))?;
    leptos_axum::redirect(back);
    Ok(())
}

/// The roles ticked, in [`Role::all`] order; unknown codes are ignored.
#[cfg(feature = "ssr")]
fn roles_from(codes: &[String]) -> Vec<Role> {
    Role::all()
        .iter()
        .copied()
        .filter(|role| codes.iter().any(|code| code == role.code()))
        .collect()
}

/// Adds an account.
#[server(prefix = "/staff/api/users", endpoint = "create")]
pub async fn create_staff(
    name: Option<String>,
    email: Option<String>,
    password: Option<String>,
    roles: Option<Vec<String>>,
) -> Result<(), StaffError> {
    use crate::domain::staff::{check_name, check_password, normalise_email};
    use crate::ports::staff::{NewStaff, StaffChangeError};
    let current = require_access(AREA)?;
    let (name, email) = (name.unwrap_or_default(), email.unwrap_or_default());
    let password = password.unwrap_or_default();
    let codes = roles.unwrap_or_default();
    let roles = roles_from(&codes);
    let mut flash = FormFlash {
        key: String::new(),
        form: "add".to_owned(),
        values: vec![
            ("name".to_owned(), name.clone()),
            ("email".to_owned(), email.clone()),
        ],
        errors: Vec::new(),
    };
    flash.values.extend(
        roles
            .iter()
            .map(|role| ("roles".to_owned(), role.code().to_owned())),
    );
    let about_them = super::users_rules::about_them;
    let checked_name = check_name(&name).map_err(|e| ("name", about_them(e.key())));
    let checked_email = normalise_email(&email).map_err(|e| ("email", about_them(e.key())));
    let checked_password = check_password(&password).map_err(|e| ("password", about_them(e.key())));
    let checked_roles = if roles.is_empty() {
        Err(("roles", "staff.error.roles.required"))
    } else {
        Ok(())
    };
    for (field, key) in [
        checked_name.as_ref().err(),
        checked_email.as_ref().err(),
        checked_roles.as_ref().err(),
        checked_password.as_ref().err(),
    ]
    .into_iter()
    .flatten()
    {
        flash.errors.push(((*field).to_owned(), (*key).to_owned()));
    }
    let (Ok(name), Ok(email), true) = (checked_name, checked_email, flash.errors.is_empty()) else {
        return refuse(&current.session_id, flash, "/staff/users/new").await;
    };
    let new = NewStaff {
        email,
        name,
        roles,
        password,
    };
    match services()?.staff.create(new).await {
        Ok(member) => {
            leptos_axum::redirect(&format!("{AREA}?added={}", member.id));
            Ok(())
        }
        Err(StaffChangeError::EmailTaken) => {
            flash
                .errors
                .push(("email".to_owned(), "staff.error.email.taken".to_owned()));
            refuse(&current.session_id, flash, "/staff/users/new").await
        }
        Err(error) => Err(StaffError::server("adding a staff member", error)),
    }
}

/// Changes an account's roles, manager, away-until date and whether it is active.
#[server(prefix = "/staff/api/users", endpoint = "update")]
pub async fn update_staff(
    id: String,
    roles: Option<Vec<String>>,
    manager: Option<String>,
    day: Option<String>,
    month: Option<String>,
    year: Option<String>,
    status: Option<String>,
) -> Result<(), StaffError> {
    use crate::ports::staff::{StaffChangeError, StaffChanges};
    let current = require_access(AREA)?;
    let services = services()?;
    let staff = services
        .staff
        .list()
        .await
        .map_err(|error| StaffError::server("listing staff", error))?;
    if !staff.iter().any(|member| member.id == id) {
        return Err(StaffError::NotFound);
    }
    let roles = roles_from(&roles.unwrap_or_default());
    let manager = manager.filter(|m| !m.trim().is_empty());
    let (day, month, year) = (
        day.unwrap_or_default(),
        month.unwrap_or_default(),
        year.unwrap_or_default(),
    );
    let active = status.as_deref() != Some("deactivated");
    let mut flash = FormFlash {
        key: String::new(),
        form: format!("edit:{id}"),
        values: vec![
            ("manager".to_owned(), manager.clone().unwrap_or_default()),
            ("day".to_owned(), day.clone()),
            ("month".to_owned(), month.clone()),
            ("year".to_owned(), year.clone()),
            (
                "status".to_owned(),
                if active { "active" } else { "deactivated" }.to_owned(),
            ),
        ],
        errors: Vec::new(),
    };
    flash.values.extend(
        roles
            .iter()
            .map(|role| ("roles".to_owned(), role.code().to_owned())),
    );
    let changes = super::users_rules::check_changes(
        &current.member,
        &id,
        &staff,
        super::users_rules::Posted {
            roles,
            manager,
            day: &day,
            month: &month,
            year: &year,
            active,
        },
    );
    let changes: StaffChanges = match changes {
        Ok(changes) => changes,
        Err(errors) => {
            flash.errors = errors;
            return refuse(&current.session_id, flash, &format!("{AREA}/{id}")).await;
        }
    };
    match services.staff.update(&id, changes).await {
        Ok(()) => {
            leptos_axum::redirect(&format!("{AREA}?updated={id}"));
            Ok(())
        }
        Err(StaffChangeError::NotFound) => Err(StaffError::NotFound),
        Err(error) => Err(StaffError::server("changing a staff member", error)),
    }
}
