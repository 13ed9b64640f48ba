//! Intake: queue, priority, service levels, flags and work items for a new case.

use chrono::NaiveDate;

use crate::domain::calendar::Calendar;
use crate::domain::case::{
    plan_intake, CaseKind, CaseSettings, IntakeChannel, NewCase, Priority, Sector, SiftFlagKind,
    SiftInput, SiftText, WorkQueue, PREPARE, PROVIDE_ADVICE,
};

const BANK_HOLIDAYS_JSON: &str = include_str!("../../../../data/bank-holidays.json");

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn plan(
    case_type: CaseKind,
    sector: Option<Sector>,
    summary: &str,
) -> crate::domain::case::IntakePlan {
    let calendar = Calendar::from_govuk_json(BANK_HOLIDAYS_JSON).unwrap();
    let new = NewCase {
        case_type,
        channel: IntakeChannel::Web,
        sector,
        sift: SiftInput {
            texts: vec![SiftText::new("the summary", summary)],
            ..SiftInput::default()
        },
    };
    // Thursday 24 December 2026: Christmas and the Boxing Day substitute follow.
    plan_intake(
        &new,
        date(2026, 12, 24),
        &calendar,
        &CaseSettings::default(),
    )
    .unwrap()
}

#[test]
fn a_telecoms_data_protection_concern_goes_to_queue_6_with_its_clocks() {
    let plan = plan(
        CaseKind::Rfa,
        Some(Sector::Telecoms),
        "They kept calling me.",
    );
    assert_eq!(plan.work_queue, WorkQueue::Numbered(6));
    assert_eq!(plan.priority, Priority::Normal);
    // 3 working days after 24 Dec 2026, skipping 25 and 28 Dec: 31 December.
    assert_eq!(plan.service_levels.assign_by, date(2026, 12, 31));
    assert_eq!(plan.service_levels.first_contact_due, date(2027, 1, 7));
    assert_eq!(plan.service_levels.contact_promised_by, date(2027, 1, 23));
    assert_eq!(plan.service_levels.close_by, date(2027, 6, 24));
    assert!(plan.flags.is_empty());
    // Only the 'prepare' item every new case has, due on the first-contact date.
    assert_eq!(plan.work_items.len(), 1);
    assert_eq!(plan.work_items[0].kind, PREPARE);
    assert_eq!(plan.work_items[0].queue, WorkQueue::Numbered(6));
    assert_eq!(plan.work_items[0].due_on, date(2027, 1, 7));
    assert_eq!(plan.title, "");
}

#[test]
fn an_foi_complaint_about_a_business_stays_on_the_sift_list() {
    let plan = plan(
        CaseKind::Fs50,
        Some(Sector::GeneralBusiness),
        "They refused my request.",
    );
    assert_eq!(plan.work_queue, WorkQueue::Sift);
}

#[test]
fn a_potential_criminal_breach_is_flagged_with_an_advice_item_for_investigations() {
    let plan = plan(
        CaseKind::Rfa,
        None,
        "A member of staff sold my data to a claims firm.",
    );
    assert_eq!(plan.work_queue, WorkQueue::Numbered(5));
    assert_eq!(plan.flags[0].kind, SiftFlagKind::PotentialCriminalBreach);
    assert_eq!(plan.work_items.len(), 2);
    assert_eq!(plan.work_items[0].kind, PREPARE);
    assert_eq!(plan.work_items[1].kind, PROVIDE_ADVICE);
    assert_eq!(plan.work_items[1].queue, WorkQueue::Investigations);
    assert_eq!(plan.work_items[1].due_on, date(2026, 12, 31));
}

#[test]
fn a_self_reported_breach_is_high_priority_on_queue_3() {
    let plan = plan(CaseKind::Com, Some(Sector::Health), "Laptop stolen.");
    assert_eq!(plan.work_queue, WorkQueue::Numbered(3));
    assert_eq!(plan.priority, Priority::High);
}

#[test]
fn a_welsh_language_case_gets_the_note_in_its_title() {
    let plan = plan(
        CaseKind::Rfa,
        None,
        "Mae'r cyngor wedi anfon fy manylion at y cwmni anghywir ac nid yw wedi ateb fy llythyr.",
    );
    assert_eq!(plan.flags[0].kind, SiftFlagKind::WelshLanguage);
    assert_eq!(plan.title, "Welsh language");
}
