//! The checks on an admin's changes to an account, before they are stored.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::domain::staff::{manager_creates_cycle, Role, StaffMember};
use crate::ports::staff::StaffChanges;

/// The change form as posted.
pub struct Posted<'a> {
    pub roles: Vec<Role>,
    pub manager: Option<String>,
    pub day: &'a str,
    pub month: &'a str,
    pub year: &'a str,
    pub active: bool,
}

/// The changes to store, or each field's problem (field id, message key).
pub fn check_changes(
    me: &StaffMember,
    id: &str,
    staff: &[StaffMember],
    posted: Posted<'_>,
) -> Result<StaffChanges, Vec<(String, String)>> {
    let mut errors: Vec<(&str, &str)> = Vec::new();
    if posted.roles.is_empty() {
        errors.push(("roles", "staff.error.roles.required"));
    } else if me.id == id && !posted.roles.contains(&Role::Admin) {
        errors.push(("roles", "staff.error.roles.own_admin"));
    }
    let managers: HashMap<String, Option<String>> = staff
        .iter()
        .map(|member| (member.id.clone(), member.manager_id.clone()))
        .collect();
    if let Some(manager) = &posted.manager {
        let known = staff.iter().any(|m| &m.id == manager && m.active);
        if !known || manager_creates_cycle(id, Some(manager), &managers) {
            errors.push(("manager", "staff.error.manager.invalid"));
        }
    }
    let away_until = match away_date(posted.day, posted.month, posted.year) {
        Ok(date) => date,
        Err(key) => {
            errors.push(("away-until-day", key));
            None
        }
    };
    if me.id == id && !posted.active {
        errors.push(("status", "staff.error.status.own"));
    }
    if errors.is_empty() {
        Ok(StaffChanges {
            roles: posted.roles,
            manager_id: posted.manager,
            away_until,
            active: posted.active,
        })
    } else {
        Err(errors
            .into_iter()
            .map(|(field, key)| (field.to_owned(), key.to_owned()))
            .collect())
    }
}

/// The add-staff form's message for a refused name, email or password: the form is about
/// someone else, so a message the sign-in page words as "your" says "their" here.
pub fn about_them(key: &'static str) -> &'static str {
    match key {
        "staff.error.email.required" => "staff.error.new_member.email.required",
        "staff.error.password.required" => "staff.error.new_member.password.required",
        other => other,
    }
}

/// The away-until date: none when all three boxes are empty.
fn away_date(day: &str, month: &str, year: &str) -> Result<Option<NaiveDate>, &'static str> {
    let parts = [day.trim(), month.trim(), year.trim()];
    if parts.iter().all(|part| part.is_empty()) {
        return Ok(None);
    }
    if parts.iter().any(|part| part.is_empty()) {
        return Err("staff.error.away.incomplete");
    }
    let number = |text: &str| text.parse::<u32>().ok();
    match (
        number(parts[0]),
        number(parts[1]),
        parts[2].parse::<i32>().ok(),
    ) {
        (Some(d), Some(m), Some(y)) if (2000..=2100).contains(&y) => {
            NaiveDate::from_ymd_opt(y, m, d)
                .map(Some)
                .ok_or("staff.error.away.real")
        }
        _ => Err("staff.error.away.real"),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn member(id: &str, roles: &[Role], manager: Option<&str>) -> StaffMember {
        StaffMember {
            id: id.to_owned(),
            email: format!("{id}@example.gov.uk"),
            name: id.to_owned(),
            roles: roles.to_vec(),
            active: true,
            manager_id: manager.map(str::to_owned),
            away_until: None,
        }
    }

    fn posted<'a>(
        roles: &[Role],
        manager: Option<&str>,
        date: [&'a str; 3],
        active: bool,
    ) -> Posted<'a> {
        Posted {
            roles: roles.to_vec(),
            manager: manager.map(str::to_owned),
            day: date[0],
            month: date[1],
            year: date[2],
            active,
        }
    }

    #[test]
    fn a_valid_change_is_accepted_with_its_date() {
        let staff = [
            member("admin", &[Role::Admin], None),
            member("bo", &[Role::Helpline], None),
        ];
        let changes = check_changes(
            &staff[0],
            "bo",
            &staff,
            posted(
                &[Role::CaseOfficer],
                Some("admin"),
                ["2", "3", "2026"],
                true,
            ),
        )
        .unwrap();
        assert_eq!(changes.away_until, NaiveDate::from_ymd_opt(2026, 3, 2));
        assert_eq!(changes.manager_id.as_deref(), Some("admin"));
    }

    #[test]
    fn admins_cannot_lock_themselves_out_and_chains_cannot_loop() {
        let staff = [
            member("admin", &[Role::Admin], Some("bo")),
            member("bo", &[Role::Helpline], None),
        ];
        let errors = check_changes(
            &staff[0],
            "admin",
            &staff,
            posted(&[Role::Helpline], None, ["", "", ""], false),
        )
        .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, ["roles", "status"]);
        let errors = check_changes(
            &staff[0],
            "bo",
            &staff,
            posted(&[Role::Helpline], Some("admin"), ["", "", ""], true),
        )
        .unwrap_err();
        assert_eq!(
            errors,
            [(
                "manager".to_owned(),
                "staff.error.manager.invalid".to_owned()
            )]
        );
    }

    #[test]
    fn the_add_staff_form_speaks_of_them_not_you() {
        use crate::domain::staff::{check_name, check_password, normalise_email};
        use crate::i18n::t;
        let keys = [
            normalise_email("").unwrap_err().key(),
            normalise_email("nobody").unwrap_err().key(),
            check_name("").unwrap_err().key(),
            check_password("").unwrap_err().key(),
            check_password("short").unwrap_err().key(),
        ];
        for key in keys {
            let message = t(super::about_them(key));
            assert!(!message.contains("your"), "{key}: {message}");
            assert!(!message.starts_with("staff."), "{key} has no message");
        }
        assert_eq!(
            t(super::about_them("staff.error.email.required")),
            "Enter their email address"
        );
        // The sign-in page still speaks to the person signing in.
        assert_eq!(t("staff.error.email.required"), "Enter your email address");
    }

    #[test]
    fn away_dates_must_be_complete_and_real() {
        assert_eq!(away_date("", "", ""), Ok(None));
        assert_eq!(
            away_date("1", "", "2026"),
            Err("staff.error.away.incomplete")
        );
        assert_eq!(away_date("31", "2", "2026"), Err("staff.error.away.real"));
        assert_eq!(away_date("x", "2", "2026"), Err("staff.error.away.real"));
    }
}
