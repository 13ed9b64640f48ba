//! The Enforcement triage's server functions: the day's breach reports in risk order, and the
//! two moves (Enforcement takes it on; or priority medium to the sector queue).

use chrono::{NaiveDate, NaiveDateTime};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::breach::RiskAssessment;
use crate::domain::case::{Priority, WorkQueue};
use crate::domain::staff::StaffMember;
use crate::server_fns::staff::StaffError;

/// The staff area (`/staff/breaches`, `/staff/api/breaches`).
pub const AREA: &str = "/staff/breaches";

/// One incident on the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TriageRow {
    pub reference: String,
    pub organisation: String,
    pub submitted_at: Option<NaiveDateTime>,
    pub aware_at: Option<NaiveDateTime>,
    pub people: Option<u64>,
    pub risk: RiskAssessment,
    pub work_queue: Option<WorkQueue>,
    pub priority: Option<Priority>,
    pub assign_by: NaiveDate,
    pub follow_ups: usize,
    /// Still waiting on the self-reported incidents queue for a decision.
    pub waiting: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TriageView {
    pub me: StaffMember,
    pub day: NaiveDate,
    pub today: NaiveDate,
    pub rows: Vec<TriageRow>,
}

/// The list for `day` (`YYYY-MM-DD`; today if absent or not a date).
#[server(prefix = "/staff/api/breaches", endpoint = "list")]
pub async fn load_triage(day: Option<String>) -> Result<TriageView, StaffError> {
    use crate::domain::breach::{risk_score, triage_order};
    use crate::domain::case::COM_QUEUE;
    use crate::server_fns::session::services;
    use crate::server_fns::staff::require_access;

    let current = require_access(AREA)?;
    let services = services().map_err(|error| StaffError::server("services", error))?;
    let today = services.clock.today();
    let day = day
        .and_then(|day| NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d").ok())
        .unwrap_or(today);
    let cases = services
        .breach
        .triage_list(day)
        .await
        .map_err(|error| StaffError::server("the triage list", error))?;
    let risk = &services.breach_settings.risk;
    let mut rows: Vec<TriageRow> = cases
        .into_iter()
        .map(|case| TriageRow {
            organisation: case
                .report
                .organisation
                .as_ref()
                .map(|o| o.name.clone())
                .unwrap_or_default(),
            aware_at: case.report.timing.as_ref().and_then(|t| t.aware_at),
            people: case.report.scale.as_ref().and_then(|s| s.people),
            risk: risk_score(&case.report, case.reported_late, risk),
            waiting: case.work_queue == Some(WorkQueue::Numbered(COM_QUEUE)),
            reference: case.reference,
            submitted_at: case.submitted_at,
            work_queue: case.work_queue,
            priority: case.priority,
            assign_by: case.assign_by,
            follow_ups: case.follow_ups,
        })
        .collect();
    triage_order(&mut rows, |row| {
        (&row.risk, row.aware_at, row.reference.as_str())
    });
    Ok(TriageView {
        me: current.member,
        day,
        today,
        rows,
    })
}

/// Moves one incident as decided, then back to the list (the day it was on).
#[server(prefix = "/staff/api/breaches", endpoint = "move")]
pub async fn move_breach(
    reference: String,
    to: String,
    day: Option<String>,
) -> Result<(), StaffError> {
    use crate::domain::breach::{triage_plan, TriageMove};
    use crate::ports::TriageDecision;
    use crate::server_fns::session::services;
    use crate::server_fns::staff::require_access;

    let current = require_access(AREA)?;
    let services = services().map_err(|error| StaffError::server("services", error))?;
    let to = TriageMove::from_code(to.trim()).ok_or(StaffError::NotFound)?;
    let case = services
        .breach
        .triage_case(reference.trim())
        .await
        .map_err(|error| StaffError::server("a breach case", error))?
        .ok_or(StaffError::NotFound)?;
    let plan = triage_plan(
        to,
        case.sector,
        services.clock.today(),
        &services.calendar,
        &services.case_settings,
    )
    .map_err(|error| StaffError::server("the triage plan", error))?;
    let decision = TriageDecision {
        reference: case.reference.clone(),
        to,
        work_queue: plan.work_queue,
        priority: plan.priority,
        assign_by: plan.assign_by,
        actor: current.member.email.clone(),
        decided_on: services.clock.today(),
    };
    services
        .breach
        .triage_move(&decision)
        .await
        .map_err(|error| StaffError::server("moving a breach case", error))?;
    let day = day
        .filter(|day| NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d").is_ok())
        .map(|day| format!("day={}&", day.trim()))
        .unwrap_or_default();
    leptos_axum::redirect(&format!(
        "/staff/breaches?{day}moved={}#{}",
        case.reference, case.reference
    ));
    Ok(())
}
