#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;

use chrono::NaiveDate;

use super::*;

fn member(roles: &[Role]) -> StaffMember {
    StaffMember {
        id: "a".to_owned(),
        email: "a@example.gov.uk".to_owned(),
        name: "A".to_owned(),
        roles: roles.to_vec(),
        active: true,
        manager_id: None,
        away_until: None,
    }
}

#[test]
fn roles_have_stable_codes_and_label_keys() {
    let codes: Vec<&str> = Role::all().iter().map(|role| role.code()).collect();
    assert_eq!(
        codes,
        [
            "advice_service",
            "case_officer",
            "team_manager",
            "enforcement",
            "helpline",
            "admin"
        ]
    );
    for role in Role::all() {
        assert_eq!(Role::from_code(role.code()), Some(*role));
        assert_eq!(role.label_key(), format!("staff.role.{}", role.code()));
        assert!(crate::i18n::has(&role.label_key()), "{role}");
    }
    assert_eq!(Role::from_code("root"), None);
}

#[test]
fn the_users_area_is_for_admins_only() {
    assert_eq!(access("/staff/users"), Some(Access::Roles(&[Role::Admin])));
    assert_eq!(
        access("/staff/users/abc"),
        Some(Access::Roles(&[Role::Admin]))
    );
    assert_eq!(
        access("/staff/api/users/create"),
        Some(Access::Roles(&[Role::Admin]))
    );
    assert_eq!(
        decide("/staff/users", Some(&[Role::Admin])),
        Decision::Allow
    );
    assert_eq!(
        decide("/staff/users", Some(&[Role::CaseOfficer, Role::Helpline])),
        Decision::Forbidden
    );
    assert_eq!(decide("/staff/users", None), Decision::SignIn);
}

#[test]
fn nuisance_is_for_enforcement_casework_and_admins() {
    for role in [
        Role::Enforcement,
        Role::CaseOfficer,
        Role::TeamManager,
        Role::Admin,
    ] {
        assert_eq!(
            decide("/staff/nuisance/calls", Some(&[role])),
            Decision::Allow,
            "{role}"
        );
    }
    for role in [Role::Helpline, Role::AdviceService] {
        assert_eq!(
            decide("/staff/nuisance", Some(&[role])),
            Decision::Forbidden,
            "{role}"
        );
    }
}

#[test]
fn the_staff_home_is_for_any_signed_in_staff_and_sign_in_for_everyone() {
    assert_eq!(access("/staff"), Some(Access::AnyStaff));
    assert_eq!(decide("/staff", Some(&[Role::Helpline])), Decision::Allow);
    assert_eq!(decide("/staff", Some(&[])), Decision::Allow);
    assert_eq!(decide("/staff", None), Decision::SignIn);
    assert_eq!(decide("/staff/sign-in", None), Decision::Allow);
    assert_eq!(decide("/staff/api/sign-in", None), Decision::Allow);
    assert_eq!(decide("/staff/api/sign-out", None), Decision::Allow);
    assert_eq!(decide("/staff/api/whoami", None), Decision::SignIn);
}

#[test]
fn paths_outside_staff_are_not_in_the_table() {
    for path in [
        "/",
        "/concern/about",
        "/staffing",
        "/api/v1/cases",
        "/pkg/portal.css",
    ] {
        assert_eq!(access(path), None, "{path}");
        assert_eq!(decide(path, None), Decision::Allow, "{path}");
    }
}

#[test]
fn areas_match_whole_segments_only() {
    assert_eq!(access("/staff/usersettings"), Some(Access::AnyStaff));
    assert_eq!(access("/staff/sign-in/extra"), Some(Access::AnyStaff));
}

#[test]
fn encoded_and_dotted_paths_are_classified_as_the_router_sees_them() {
    let admin_only = Some(Access::Roles(&[Role::Admin]));
    assert_eq!(access("/staff/%75sers"), admin_only);
    assert_eq!(access("/staff/x/../users"), admin_only);
    assert_eq!(access("//staff//users/"), admin_only);
    assert_eq!(access("/staff/./users"), admin_only);
    assert_eq!(access("/concern/../staff/users"), admin_only);
    assert_eq!(normalise_path("/staff/sign-in/../users"), "/staff/users");
}

#[test]
fn a_member_may_open_what_the_table_allows() {
    let officer = member(&[Role::CaseOfficer]);
    assert!(officer.may_open("/staff"));
    assert!(officer.may_open("/staff/nuisance"));
    assert!(!officer.may_open("/staff/users"));
    assert!(officer.has_any(&[Role::Admin, Role::CaseOfficer]));
    assert!(!officer.has_any(&[Role::Admin]));
}

#[test]
fn next_is_kept_only_for_staff_pages_on_this_site() {
    assert_eq!(safe_next(Some("/staff/users")), "/staff/users");
    assert_eq!(
        safe_next(Some("/staff/users?page=2")),
        "/staff/users?page=2"
    );
    assert_eq!(safe_next(None), "/staff");
    for bad in [
        "//evil.example",
        "//evil.example/staff",
        "/\\evil.example",
        "https://evil.example/staff",
        "http:/staff",
        "staff/users",
        "/concern/about",
        "/staff/../concern",
        "/staff/%2e%2e/x",
        "/staff/sign-in",
        "/staff/users\r\nSet-Cookie: x=1",
        "/staff/ users",
        "",
    ] {
        assert_eq!(safe_next(Some(bad)), "/staff", "{bad:?}");
    }
}

#[test]
fn emails_are_trimmed_and_lower_cased() {
    assert_eq!(
        normalise_email("  Ann.Lee@ICO.Example.GOV.uk "),
        Ok("ann.lee@ico.example.gov.uk".to_owned())
    );
    assert_eq!(normalise_email(""), Err(CredentialError::EmailRequired));
    for bad in [
        "ann", "ann@", "@x.uk", "ann@x", "a b@x.uk", "a@b@x.uk", "a@.uk",
    ] {
        assert_eq!(
            normalise_email(bad),
            Err(CredentialError::EmailInvalid),
            "{bad}"
        );
    }
}

#[test]
fn passwords_are_12_to_128_characters_and_not_one_repeated() {
    assert_eq!(check_password(""), Err(CredentialError::PasswordRequired));
    assert_eq!(
        check_password("short-pass1"),
        Err(CredentialError::PasswordTooShort)
    );
    assert_eq!(check_password("correct horse"), Ok(()));
    assert_eq!(
        check_password(&"a".repeat(12)),
        Err(CredentialError::PasswordRepetitive)
    );
    assert_eq!(check_password(&"ab".repeat(64)), Ok(()));
    assert_eq!(
        check_password(&"ab".repeat(65)),
        Err(CredentialError::PasswordTooLong)
    );
    // Characters, not bytes: 12 accented letters are enough.
    assert_eq!(check_password("éèêëéèêëéèêë"), Ok(()));
    for error in [
        CredentialError::PasswordTooShort,
        CredentialError::EmailInvalid,
        CredentialError::NameRequired,
    ] {
        assert!(crate::i18n::has(error.key()), "{error:?}");
    }
}

#[test]
fn names_are_required_and_at_most_100_characters() {
    assert_eq!(check_name("  Ann Lee "), Ok("Ann Lee".to_owned()));
    assert_eq!(check_name(" "), Err(CredentialError::NameRequired));
    assert_eq!(
        check_name(&"x".repeat(101)),
        Err(CredentialError::NameTooLong)
    );
}

#[test]
fn sessions_end_after_30_idle_minutes_or_12_hours() {
    let policy = SessionPolicy::default();
    assert_eq!(policy.state(0, 0, 29 * 60), SessionState::Live);
    assert_eq!(policy.state(0, 0, 30 * 60), SessionState::Idle);
    let busy = 12 * 3600 - 1;
    assert_eq!(policy.state(0, busy - 60, busy), SessionState::Live);
    assert_eq!(policy.state(0, busy, busy + 1), SessionState::Expired);
}

#[test]
fn away_until_includes_the_day_named() {
    let mut officer = member(&[Role::Helpline]);
    let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    assert!(!officer.is_away_on(day));
    officer.away_until = Some(day);
    assert!(officer.is_away_on(day));
    assert!(!officer.is_away_on(day.succ_opt().unwrap()));
}

#[test]
fn a_manager_chain_may_not_loop() {
    let managers: HashMap<String, Option<String>> = [
        ("a".to_owned(), None),
        ("b".to_owned(), Some("a".to_owned())),
        ("c".to_owned(), Some("b".to_owned())),
    ]
    .into_iter()
    .collect();
    assert!(!manager_creates_cycle("c", Some("a"), &managers));
    assert!(!manager_creates_cycle("a", None, &managers));
    assert!(manager_creates_cycle("a", Some("a"), &managers));
    assert!(manager_creates_cycle("a", Some("c"), &managers));
}

#[test]
fn the_sign_in_link_carries_next_encoded() {
    use crate::server_fns::staff::{encode_query, sign_in_href};
    assert_eq!(
        encode_query("/staff/users?a=1&b=é"),
        "/staff/users%3Fa%3D1%26b%3D%C3%A9"
    );
    assert_eq!(sign_in_href("/staff", None), "/staff/sign-in?next=/staff");
    assert_eq!(
        sign_in_href("/staff", Some("locked")),
        "/staff/sign-in?error=locked&next=/staff"
    );
}
