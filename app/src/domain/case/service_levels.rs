//! The regulator's own service levels for a new case (policy.md §4, manual §4 and appendix 3),
//! initial priority (manual §3 "Triaging self-reported incidents") and how close a date is.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::kind::CaseKind;
use crate::domain::calendar::{
    add_calendar_days, add_calendar_months, Calendar, CalendarError, Division,
};

/// A case's priority in the work queues.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    /// High: every new self-reported incident until Enforcement triages it.
    High,
    /// Medium: self-reported incidents Enforcement did not take on.
    Medium,
    /// Normal: everything else.
    Normal,
}

/// The service level numbers, each a setting with the policy default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CaseSettings {
    /// Assign to a sector work queue within this many working days of creation.
    pub assign_working_days: u32,
    /// The same for self-reported incidents (COM).
    pub com_assign_working_days: u32,
    /// First contact with the customer: internal target in calendar days.
    pub first_contact_days: u32,
    /// First contact with the customer: what we promise, in calendar days.
    pub contact_promised_days: u32,
    /// Close concerns within this many calendar months of creation.
    pub close_months: u32,
    /// Written advice (ENQ): all answered within this many calendar days (policy §4).
    pub advice_close_days: u32,
    /// Complaints about our service (RCC): a decision within this many calendar days.
    pub service_complaint_close_days: u32,
    /// Complaints about our service (RCC): acknowledged (assigned) within these working days.
    pub service_complaint_assign_working_days: u32,
    /// Requests for information we hold (IRQ): answered within this many working days, on the
    /// UK-wide bank holidays (FOIA s10: 20 working days).
    pub information_request_working_days: u32,
    /// Whose bank holidays the working-day service levels skip.
    pub division: Division,
    /// A service level is 'due soon' this many calendar days before its due day.
    pub due_soon_days: u32,
    /// FOI/EIR complaints: the timescales the public pages quote (s50 guidance).
    pub foi_complaints: crate::domain::assistant::FoiTimescales,
}

impl Default for CaseSettings {
    fn default() -> CaseSettings {
        CaseSettings {
            assign_working_days: 3,
            com_assign_working_days: 5,
            first_contact_days: 14,
            contact_promised_days: 30,
            close_months: 6,
            advice_close_days: 30,
            service_complaint_close_days: 30,
            service_complaint_assign_working_days: 5,
            information_request_working_days: 20,
            division: Division::EnglandAndWales,
            due_soon_days: 3,
            foi_complaints: crate::domain::assistant::FoiTimescales::default(),
        }
    }
}

/// The dates a new case should meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ServiceLevels {
    /// Assigned to a sector work queue by this day (working days after creation).
    pub assign_by: NaiveDate,
    /// Internal target for first contact with the customer.
    pub first_contact_due: NaiveDate,
    /// First contact as promised to the customer.
    pub contact_promised_by: NaiveDate,
    /// Closed by this day (calendar months after creation, month-end clamped).
    pub close_by: NaiveDate,
}

/// The service level dates of a case of `case_type` created on `created_on`.
///
/// Only `assign_by` (and an IRQ's `close_by`) needs the calendar: it fails with [`CalendarError::BeyondData`] when the
/// bank holiday data does not cover the dates involved.
pub fn service_levels(
    case_type: CaseKind,
    created_on: NaiveDate,
    calendar: &Calendar,
    settings: &CaseSettings,
) -> Result<ServiceLevels, CalendarError> {
    let assign_days = match case_type {
        CaseKind::Com => settings.com_assign_working_days,
        CaseKind::Rcc => settings.service_complaint_assign_working_days,
        _ => settings.assign_working_days,
    };
    // Written advice and complaints about our service have their own, shorter, deadlines.
    let close_by = match case_type {
        CaseKind::Enq => add_calendar_days(created_on, settings.advice_close_days),
        CaseKind::Rcc => add_calendar_days(created_on, settings.service_complaint_close_days),
        // A request for our own information: the statutory clock, every UK bank holiday skipped.
        CaseKind::Irq => calendar.add_working_days(
            created_on,
            settings.information_request_working_days,
            Division::UkWide,
        )?,
        _ => add_calendar_months(created_on, settings.close_months),
    };
    Ok(ServiceLevels {
        assign_by: calendar.add_working_days(created_on, assign_days, settings.division)?,
        first_contact_due: add_calendar_days(created_on, settings.first_contact_days),
        contact_promised_by: add_calendar_days(created_on, settings.contact_promised_days),
        close_by,
    })
}

/// The priority a new case starts with: self-reported incidents (COM) high, everything else
/// normal.
pub fn initial_priority(case_type: CaseKind) -> Priority {
    match case_type {
        CaseKind::Com => Priority::High,
        _ => Priority::Normal,
    }
}

/// How a service level date stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlaState {
    /// More than the due-soon window away.
    OnTime,
    /// Due within the due-soon window, or due today.
    DueSoon,
    /// The due day has passed.
    Overdue,
}

/// How `due` stands on `today`: overdue from the day after `due` (the due day itself is still in
/// time); due soon when `due` is `today` or at most `due_soon_days` calendar days after it (so
/// with `due_soon_days = 0` only the due day itself is due soon); otherwise on time.
pub fn sla_state(due: NaiveDate, today: NaiveDate, due_soon_days: u32) -> SlaState {
    if today > due {
        SlaState::Overdue
    } else if add_calendar_days(today, due_soon_days) >= due {
        SlaState::DueSoon
    } else {
        SlaState::OnTime
    }
}
