//! Removing a call or message from the report, and sending the report (server only).

use leptos::prelude::*;

use super::flow::back_to_problem;
use super::pages::{At, Page};
use super::state::{NuisanceJourney, PageFlash, SentCount, SentReport};
use super::{ensure_key, session};
use crate::domain::nuisance::{advice, validate_report, ReportForm};
use crate::domain::readiness::FieldErrors;
use crate::ports::{NuisanceReceipt, NuisanceSubmission, ReportSource};

pub async fn remove_incident(index: usize) -> Result<(), ServerFnError> {
    let services = session::services()?;
    let mut journey = session::load(&services).await?;
    let state = &mut journey.nuisance;
    if index < state.incidents.len() {
        state.incidents.remove(index);
        session::save(&services, &mut journey).await?;
    }
    let target = if journey.nuisance.incidents.is_empty() {
        Page::Channel.href()
    } else {
        Page::Check.href()
    };
    leptos_axum::redirect(&target);
    Ok(())
}

/// Forgets the details remembered on this device (from the confirmation or "Your details").
pub async fn forget_details(back: Option<String>) -> Result<(), ServerFnError> {
    let services = session::services()?;
    let mut journey = session::load(&services).await?;
    journey.nuisance.reporter = Default::default();
    journey.nuisance.remember = false;
    journey.nuisance.reporter_done = false;
    session::save(&services, &mut journey).await?;
    let target = match back.as_deref() {
        Some("details") => Page::YourDetails.href(),
        _ => format!("{}?forgotten=true", Page::Confirmation.href()),
    };
    leptos_axum::redirect(&target);
    Ok(())
}

pub async fn submit_report() -> Result<(), ServerFnError> {
    let services = session::services()?;
    let mut journey = session::load(&services).await?;
    let state = &mut journey.nuisance;
    if state.incidents.is_empty() {
        let target = if state.sent.is_some() {
            Page::Confirmation.href()
        } else {
            Page::Channel.href()
        };
        leptos_axum::redirect(&target);
        return Ok(());
    }
    let form = ReportForm {
        incidents: state.incidents.clone(),
        reporter: state.reporter.clone(),
    };
    let now = services.clock.now().naive_local();
    let report = match validate_report(&form, now, &services.nuisance_settings) {
        Ok(report) => report,
        Err(errors) => {
            let target = back_to_first_problem(state, &errors);
            session::save(&services, &mut journey).await?;
            leptos_axum::redirect(&target);
            return Ok(());
        }
    };
    if state.idempotency_key.is_none() {
        ensure_key(state)?;
        session::save(&services, &mut journey).await?;
    }
    let advice = advice(&report);
    let submission = NuisanceSubmission {
        report,
        source: ReportSource::Public,
        idempotency_key: journey.nuisance.idempotency_key.clone(),
        added_by: None,
    };
    match services.nuisance.record(submission).await {
        Ok(receipt) => {
            let state = &mut journey.nuisance;
            state.sent = Some(sent(receipt, advice));
            state.incidents.clear();
            state.current = None;
            state.idempotency_key = None;
            state.reporter_done = false;
            if !state.remember {
                state.reporter = Default::default();
            }
            state.flash = None;
            session::save(&services, &mut journey).await?;
            leptos_axum::redirect(&Page::Confirmation.href());
        }
        Err(error) => {
            leptos::logging::error!("recording a nuisance report failed: {error}");
            leptos_axum::redirect(&format!("{}?problem=service", Page::Check.href()));
        }
    }
    Ok(())
}

fn sent(receipt: NuisanceReceipt, advice: Vec<crate::domain::nuisance::Advice>) -> SentReport {
    SentReport {
        report_id: receipt.report_id,
        window_days: receipt.window_days,
        counts: receipt
            .counts
            .into_iter()
            .map(|count| SentCount {
                kind: count.kind,
                display: count.display,
                reports: count.reports,
            })
            .collect(),
        advice,
    }
}

/// Where the first problem of the whole report is answered, with its message.
fn back_to_first_problem(state: &mut NuisanceJourney, errors: &FieldErrors) -> String {
    for (field, _) in errors.iter() {
        if let Some(rest) = field.strip_prefix("incidents[") {
            let Some((index, _)) = rest.split_once("].") else {
                continue;
            };
            let Ok(index) = index.parse::<usize>() else {
                continue;
            };
            let Some(form) = state.incidents.get(index).cloned() else {
                continue;
            };
            let prefix = format!("incidents[{index}].");
            let mut own = FieldErrors::new();
            for (field, key) in errors.iter() {
                if let Some(name) = field.strip_prefix(&prefix) {
                    own.add(name, key);
                }
            }
            return back_to_problem(state, &form, Some(index), &own);
        }
        if field.starts_with("reporter.") {
            let reporter = state.reporter.clone();
            let errors = errors
                .iter()
                .filter_map(|(field, key)| {
                    let name = field.strip_prefix("reporter.")?;
                    Some((name.to_owned(), key.to_owned()))
                })
                .collect();
            state.flash = Some(PageFlash {
                page: Page::YourDetails.slug(),
                reporter,
                errors,
                ..PageFlash::default()
            });
            return Page::YourDetails.href_at(At {
                change: true,
                incident: None,
            });
        }
    }
    format!("{}?problem=answers", Page::Check.href())
}
