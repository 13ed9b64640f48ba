//! Service level dates across weekends and bank holidays, priorities and SLA states.

use chrono::NaiveDate;

use crate::domain::calendar::{Calendar, CalendarError, Division};
use crate::domain::case::{
    initial_priority, service_levels, sla_state, CaseKind, CaseSettings, Priority, ServiceLevels,
    SlaState,
};

const BANK_HOLIDAYS_JSON: &str = include_str!("../../../../data/bank-holidays.json");

fn calendar() -> Calendar {
    Calendar::from_govuk_json(BANK_HOLIDAYS_JSON).expect("the shipped bank holiday data is valid")
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

fn levels(kind: CaseKind, created_on: NaiveDate) -> ServiceLevels {
    service_levels(kind, created_on, &calendar(), &CaseSettings::default()).unwrap()
}

#[test]
fn the_default_settings_are_the_policy_numbers() {
    let settings = CaseSettings::default();
    assert_eq!(settings.assign_working_days, 3);
    assert_eq!(settings.com_assign_working_days, 5);
    assert_eq!(settings.first_contact_days, 14);
    assert_eq!(settings.contact_promised_days, 30);
    assert_eq!(settings.close_months, 6);
    assert_eq!(settings.division, Division::EnglandAndWales);
}

#[test]
fn a_case_created_over_christmas_skips_both_bank_holidays_and_the_weekend() {
    assert_eq!(
        levels(CaseKind::Rfa, date(2024, 12, 23)),
        ServiceLevels {
            assign_by: date(2024, 12, 30),
            first_contact_due: date(2025, 1, 6),
            contact_promised_by: date(2025, 1, 22),
            close_by: date(2025, 6, 23),
        }
    );
}

#[test]
fn a_case_created_before_easter_skips_good_friday_and_easter_monday() {
    assert_eq!(
        levels(CaseKind::Fs50, date(2025, 4, 17)).assign_by,
        date(2025, 4, 24)
    );
}

#[test]
fn self_reported_incidents_have_five_working_days_to_be_assigned() {
    let com = levels(CaseKind::Com, date(2025, 4, 17));
    assert_eq!(com.assign_by, date(2025, 4, 28));
    assert_eq!(com.first_contact_due, date(2025, 5, 1));
}

#[test]
fn a_case_created_on_a_saturday_counts_from_the_next_working_day() {
    assert_eq!(
        levels(CaseKind::Enq, date(2025, 3, 1)).assign_by,
        date(2025, 3, 5)
    );
}

#[test]
fn the_regulators_service_levels_ignore_scottish_bank_holidays() {
    let created = date(2025, 8, 1);
    assert_eq!(levels(CaseKind::Rfa, created).assign_by, date(2025, 8, 6));
    let uk_wide = CaseSettings {
        division: Division::UkWide,
        ..CaseSettings::default()
    };
    let levels = service_levels(CaseKind::Rfa, created, &calendar(), &uk_wide).unwrap();
    assert_eq!(levels.assign_by, date(2025, 8, 7));
}

#[test]
fn closing_six_months_on_is_clamped_to_the_end_of_a_shorter_month() {
    assert_eq!(
        levels(CaseKind::Rfa, date(2025, 8, 31)).close_by,
        date(2026, 2, 28)
    );
    assert_eq!(
        levels(CaseKind::Rfa, date(2023, 8, 31)).close_by,
        date(2024, 2, 29)
    );
}

#[test]
fn dates_past_the_bank_holiday_data_are_refused_not_guessed() {
    let error = service_levels(
        CaseKind::Rfa,
        date(2028, 12, 29),
        &calendar(),
        &CaseSettings::default(),
    )
    .unwrap_err();
    assert!(matches!(
        error,
        CalendarError::BeyondData {
            last_year: 2028,
            ..
        }
    ));
}

#[test]
fn every_number_comes_from_the_settings() {
    let settings: CaseSettings = serde_json::from_str(
        r#"{"assign_working_days": 1, "first_contact_days": 7, "close_months": 3}"#,
    )
    .unwrap();
    assert_eq!(settings.com_assign_working_days, 5);
    let levels = service_levels(CaseKind::Rfa, date(2024, 12, 24), &calendar(), &settings).unwrap();
    assert_eq!(levels.assign_by, date(2024, 12, 27));
    assert_eq!(levels.first_contact_due, date(2024, 12, 31));
    assert_eq!(levels.contact_promised_by, date(2025, 1, 23));
    assert_eq!(levels.close_by, date(2025, 3, 24));
}

#[test]
fn settings_serialize_with_snake_case_names() {
    let json = serde_json::to_value(CaseSettings::default()).unwrap();
    assert_eq!(json["com_assign_working_days"], 5);
    assert_eq!(json["division"], "england_and_wales");
}

#[test]
fn self_reported_incidents_start_at_high_priority_and_everything_else_at_normal() {
    for &kind in CaseKind::all() {
        let expected = if kind == CaseKind::Com {
            Priority::High
        } else {
            Priority::Normal
        };
        assert_eq!(initial_priority(kind), expected, "{kind}");
    }
    assert_eq!(
        serde_json::to_string(&Priority::Medium).unwrap(),
        "\"medium\""
    );
}

#[test]
fn a_date_is_on_time_until_the_due_soon_window_and_overdue_from_the_day_after() {
    let due = date(2025, 4, 24);
    assert_eq!(sla_state(due, date(2025, 4, 20), 3), SlaState::OnTime);
    assert_eq!(sla_state(due, date(2025, 4, 21), 3), SlaState::DueSoon);
    assert_eq!(sla_state(due, due, 3), SlaState::DueSoon);
    assert_eq!(sla_state(due, date(2025, 4, 25), 3), SlaState::Overdue);
}

#[test]
fn with_no_due_soon_window_only_the_due_day_itself_is_due_soon() {
    let due = date(2025, 4, 24);
    assert_eq!(sla_state(due, date(2025, 4, 23), 0), SlaState::OnTime);
    assert_eq!(sla_state(due, due, 0), SlaState::DueSoon);
    assert_eq!(sla_state(due, date(2025, 4, 25), 0), SlaState::Overdue);
}

#[test]
fn sla_states_serialize_in_snake_case() {
    assert_eq!(
        serde_json::to_string(&SlaState::DueSoon).unwrap(),
        "\"due_soon\""
    );
    assert_eq!(
        serde_json::to_string(&SlaState::OnTime).unwrap(),
        "\"on_time\""
    );
}

#[test]
fn written_advice_and_service_complaints_have_their_own_deadlines() {
    // Friday 6 March 2026.
    let created = date(2026, 3, 6);
    let advice = levels(CaseKind::Enq, created);
    assert_eq!(advice.first_contact_due, date(2026, 3, 20));
    assert_eq!(
        advice.close_by,
        date(2026, 4, 5),
        "all advice within 30 days"
    );
    let complaint = levels(CaseKind::Rcc, created);
    // Acknowledged within 5 working days: Mon 9 … Fri 13 March.
    assert_eq!(complaint.assign_by, date(2026, 3, 13));
    assert_eq!(
        complaint.close_by,
        date(2026, 4, 5),
        "a decision within 30 days"
    );
    assert_eq!(levels(CaseKind::Rfa, created).close_by, date(2026, 9, 6));
}
