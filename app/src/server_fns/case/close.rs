//! Closing a case with an outcome valid for its type and every required attribute (manual §11),
//! and closing several cases with one action (an undertaking covering four cases).

use leptos::prelude::*;

use crate::server_fns::staff::StaffError;

/// The closure as posted, and every problem with reading it.
#[cfg(feature = "ssr")]
fn closure_from(
    outcome: &str,
    nature_1: &str,
    nature_2: &str,
    delay: &str,
) -> crate::domain::case::Closure {
    use crate::domain::case::{Closure, Nature, Outcome};
    let nature = |code: &str| Nature::from_code(code.trim());
    Closure {
        outcome: Outcome::from_code(outcome.trim()),
        nature_1: nature(nature_1),
        nature_2: nature(nature_2),
        subject_access_delay: delay == "yes",
    }
}

/// The error summary's entries for closure problems, one per field.
#[cfg(feature = "ssr")]
pub fn closure_errors(problems: &[crate::domain::case::ClosureProblem]) -> Vec<(String, String)> {
    let mut errors: Vec<(String, String)> = Vec::new();
    for problem in problems {
        if !errors.iter().any(|(field, _)| field == problem.field()) {
            errors.push((problem.field().to_owned(), problem.label_key()));
        }
    }
    errors
}

/// Closes the case (the allocated officer or a team manager).
#[server(prefix = "/staff/api/cases", endpoint = "close")]
pub async fn close_case(
    reference: String,
    outcome: Option<String>,
    nature_1: Option<String>,
    nature_2: Option<String>,
    subject_access_delay: Option<String>,
) -> Result<(), StaffError> {
    use super::actions::{apply, refuse_field, Back};
    use crate::domain::case::Reference;
    use crate::ports::case::CaseChange;
    let reference = Reference::parse(&reference)
        .map_err(|_| StaffError::NotFound)?
        .as_str()
        .to_owned();
    let (outcome, nature_1, nature_2) = (
        outcome.unwrap_or_default(),
        nature_1.unwrap_or_default(),
        nature_2.unwrap_or_default(),
    );
    let delay = subject_access_delay.unwrap_or_default();
    let values = [
        ("outcome", outcome.as_str()),
        ("nature-1", nature_1.as_str()),
        ("nature-2", nature_2.as_str()),
        ("subject-access-delay", delay.as_str()),
    ];
    let page = format!("{}/close", super::case_href(&reference));
    let closure = closure_from(&outcome, &nature_1, &nature_2, &delay);
    // Not answering the delay question is told here; the closure rules need the case's type.
    if delay != "yes" && delay != "no" {
        let errors = vec![(
            "subject-access-delay".to_owned(),
            "case.close.error.delay".to_owned(),
        )];
        return refuse_field(
            super::AREA,
            &format!("case:{reference}"),
            &values,
            errors,
            &page,
        )
        .await;
    }
    let back = Back {
        area: super::AREA,
        page,
        done: "closed",
        anchor: "summary",
    };
    apply(&reference, CaseChange::Close(closure), &values, back).await
}

/// Closes every case listed (one reference a line) with one outcome, or none of them: the first
/// post goes to the confirmation (what will close, and the reason); its post closes them.
#[server(prefix = "/staff/api/cases", endpoint = "close-several")]
pub async fn close_several(
    references: Option<String>,
    outcome: Option<String>,
    nature_1: Option<String>,
    nature_2: Option<String>,
    subject_access_delay: Option<String>,
    reason: Option<String>,
    confirm: Option<String>,
) -> Result<(), StaffError> {
    use super::actions::refuse_field;
    use super::confirm::{close_several_confirm_href, confirmed_reason};
    use super::{services, store};
    use crate::domain::case::{reference_error_key, reference_lines};
    use crate::i18n::{fill, t};
    use crate::ports::case::CloseSeveral;
    use crate::server_fns::staff::require_access;

    let current = require_access(super::AREA)?;
    let (typed, outcome, nature_1, nature_2) = (
        references.unwrap_or_default(),
        outcome.unwrap_or_default(),
        nature_1.unwrap_or_default(),
        nature_2.unwrap_or_default(),
    );
    let delay = subject_access_delay.unwrap_or_default();
    let values = [
        ("references", typed.as_str()),
        ("outcome", outcome.as_str()),
        ("nature-1", nature_1.as_str()),
        ("nature-2", nature_2.as_str()),
        ("subject-access-delay", delay.as_str()),
    ];
    let page = format!("{}/close-several", super::AREA);
    let closure = closure_from(&outcome, &nature_1, &nature_2, &delay);
    let lines = reference_lines(&typed);
    let mut errors: Vec<(String, String)> = Vec::new();
    // Each line's problem names its reference (the message is filled here, the key kept).
    let mut named = |line: &str, key: &str| {
        errors.push((
            "references".to_owned(),
            fill(
                &t("case.several.problem"),
                &[("reference", line), ("problem", &t(key))],
            ),
        ))
    };
    if lines.len() < 2 {
        named("", "case.several.error.two");
    }
    let mut references = Vec::new();
    for (line, read) in &lines {
        match read {
            Ok(reference) if references.contains(&reference.as_str().to_owned()) => {
                named(line, "case.several.error.repeated")
            }
            Ok(reference) => references.push(reference.as_str().to_owned()),
            Err((error, _)) => named(line, reference_error_key(error)),
        }
    }
    if closure.outcome.is_none() {
        errors.push((
            "outcome".to_owned(),
            "workflow.closure.outcome_missing".to_owned(),
        ));
    }
    if delay != "yes" && delay != "no" {
        errors.push((
            "subject-access-delay".to_owned(),
            "case.close.error.delay".to_owned(),
        ));
    }
    if !errors.is_empty() {
        return refuse_field(super::AREA, "close-several", &values, errors, &page).await;
    }
    let confirm_page = close_several_confirm_href(&[
        ("references", &references.join("\n")),
        ("outcome", outcome.as_str()),
        ("nature_1", nature_1.as_str()),
        ("nature_2", nature_2.as_str()),
        ("subject_access_delay", delay.as_str()),
    ]);
    let confirmed = confirmed_reason(confirm, reason, 5_000, "close-several", &confirm_page);
    let Some(reason) = confirmed.await? else {
        return Ok(());
    };
    let services = services()?;
    let request = CloseSeveral {
        references,
        closure,
        reason,
        staff: current.member,
        today: services.clock.today(),
    };
    match services
        .workspaces
        .close_several(request)
        .await
        .map_err(store)?
    {
        Ok(closed) => {
            leptos_axum::redirect(&format!("{page}?closed={}", closed.join(",")));
            Ok(())
        }
        Err(problems) => {
            let errors = problems
                .iter()
                .map(|(reference, key)| {
                    let field = if key.starts_with("workflow.closure.") && reference.is_empty() {
                        "outcome"
                    } else {
                        "references"
                    };
                    let message = if reference.is_empty() {
                        key.clone()
                    } else {
                        fill(
                            &t("case.several.problem"),
                            &[("reference", reference), ("problem", &t(key))],
                        )
                    };
                    (field.to_owned(), message)
                })
                .collect();
            refuse_field(super::AREA, "close-several", &values, errors, &page).await
        }
    }
}
