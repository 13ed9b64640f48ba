//! An admin's correction of the outcome an instance was closed with (not a re-open).

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::actions::{apply, canonical, refuse_field, Back, MAX_TEXT};
use crate::server_fns::staff::StaffError;

/// An admin corrects the outcome an instance was closed with.
#[server(prefix = "/staff/api/corrections", endpoint = "correct")]
pub async fn correct_outcome(
    reference: String,
    instance: Option<String>,
    outcome: Option<String>,
    reason: Option<String>,
) -> Result<(), StaffError> {
    use crate::domain::case::Outcome;
    use crate::ports::case::CaseChange;
    let reference = canonical(&reference)?;
    let (instance, outcome, reason) = (
        instance.unwrap_or_default(),
        outcome.unwrap_or_default(),
        reason.unwrap_or_default(),
    );
    let values = [
        ("instance", instance.as_str()),
        ("outcome", outcome.as_str()),
        ("reason", reason.as_str()),
    ];
    let page = format!("{}/{reference}", super::CORRECTIONS_AREA);
    let mut errors = Vec::new();
    let number = instance.trim().parse::<u32>().ok();
    if number.is_none() {
        errors.push((
            "instance".to_owned(),
            "case.correction.error.instance".to_owned(),
        ));
    }
    let chosen = Outcome::from_code(outcome.trim());
    if chosen.is_none() {
        errors.push((
            "outcome".to_owned(),
            "workflow.closure.outcome_missing".to_owned(),
        ));
    }
    if reason.trim().is_empty() || reason.chars().count() > MAX_TEXT {
        errors.push((
            "reason".to_owned(),
            "case.correction.error.reason".to_owned(),
        ));
    }
    let (Some(instance), Some(outcome), true) = (number, chosen, errors.is_empty()) else {
        return refuse_field(
            super::CORRECTIONS_AREA,
            &format!("case:{reference}"),
            &values,
            errors,
            &page,
        )
        .await;
    };
    let back = Back {
        area: super::CORRECTIONS_AREA,
        page,
        done: "corrected",
        anchor: "instances",
    };
    let change = CaseChange::CorrectOutcome {
        instance,
        outcome,
        reason: reason.trim().to_owned(),
    };
    apply(&reference, change, &values, back).await
}
