//! Breach cases after intake: follow-ups and the triage's reading and moves of a case.

use app::domain::breach::BreachReport;
use app::domain::case::{Priority, Sector, WorkQueue};
use app::ports::{FollowUp, TriageCase, TriageDecision};
use chrono::{NaiveDate, NaiveDateTime};
use serde_json::json;

use crate::db::{code_of, from_code, BreachCaseRow, CaseStoreError, Database, NewEvent};

/// The case as the triage reads it; None if its answers are not a breach report.
pub fn triage_case(row: &BreachCaseRow) -> Option<TriageCase> {
    let report: BreachReport = serde_json::from_value(row.answers["breach"].clone()).ok()?;
    Some(TriageCase {
        reference: row.reference.clone(),
        created_on: NaiveDate::parse_from_str(&row.created_on, "%Y-%m-%d").ok()?,
        submitted_at: serde_json::from_value::<NaiveDateTime>(row.answers["submitted_at"].clone())
            .ok(),
        work_queue: from_code::<WorkQueue>(&row.work_queue),
        priority: from_code::<Priority>(&row.priority),
        assign_by: NaiveDate::parse_from_str(&row.assign_by, "%Y-%m-%d").ok()?,
        sector: row.sector.as_deref().and_then(Sector::from_code),
        report,
        reported_late: row.answers["reported_late"].as_bool().unwrap_or(false),
        follow_ups: usize::try_from(row.follow_ups).unwrap_or(0),
    })
}

pub async fn follow_up(database: &Database, follow_up: &FollowUp) -> Result<bool, CaseStoreError> {
    let Some(case) = database.breach_case(&follow_up.reference).await? else {
        return Ok(false);
    };
    if !database.is_reporter(&case.id, &follow_up.email).await? {
        return Ok(false);
    }
    let event = NewEvent {
        actor: "reporter".to_owned(),
        kind: "follow_up".to_owned(),
        details: json!({ "text": follow_up.text, "at": follow_up.at }),
    };
    let acknowledgement = json!({
        "to": follow_up.email.trim(),
        "reference": case.reference,
        "text": follow_up.text,
        "at": follow_up.at,
        "reply_in_welsh": follow_up.reply_in_welsh,
    });
    database
        .add_follow_up(&case.id, &event, &acknowledgement)
        .await?;
    Ok(true)
}

pub async fn triage_move(
    database: &Database,
    decision: &TriageDecision,
) -> Result<bool, CaseStoreError> {
    let Some(case) = database.breach_case(&decision.reference).await? else {
        return Ok(false);
    };
    let event = NewEvent {
        actor: decision.actor.clone(),
        kind: "triaged".to_owned(),
        details: json!({
            "to": decision.to,
            "work_queue": decision.work_queue,
            "priority": decision.priority,
            "assign_by": decision.assign_by,
        }),
    };
    database
        .move_case(
            &case.id,
            &code_of(&decision.work_queue)?,
            &code_of(&decision.priority)?,
            decision.assign_by,
            decision.decided_on,
            &event,
        )
        .await?;
    Ok(true)
}
