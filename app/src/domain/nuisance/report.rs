//! A whole report: its incidents and the reporter (server only, like [`validate_incident`]).

use chrono::NaiveDateTime;

use super::fields::cleaned_line;
use super::incident::{NuisanceReport, ReportForm, Reporter, ReporterForm};
use super::postcode::parse_postcode;
use super::sender::EmailAddress;
use super::settings::NuisanceSettings;
use super::validate::validate_incident;
use crate::domain::readiness::FieldErrors;

/// Validates a report: 1 to `max_incidents` incidents (errors on `incidents[i].<field>`) and the
/// optional reporter details (`reporter.name`, `reporter.email`, `reporter.postcode`).
pub fn validate_report(
    form: &ReportForm,
    now: NaiveDateTime,
    settings: &NuisanceSettings,
) -> Result<NuisanceReport, FieldErrors> {
    let mut errors = FieldErrors::new();
    if form.incidents.is_empty() {
        errors.add("incidents", "nuisance.error.incidents.required");
    }
    if form.incidents.len() > settings.max_incidents {
        errors.add("incidents", "nuisance.error.incidents.too_many");
        return Err(errors);
    }
    let mut incidents = Vec::with_capacity(form.incidents.len());
    for (i, incident) in form.incidents.iter().enumerate() {
        match validate_incident(incident, now, settings, &format!("incidents[{i}].")) {
            Ok(incident) => incidents.push(incident),
            Err(found) => {
                for (field, message) in found.iter() {
                    errors.add(field, message);
                }
            }
        }
    }
    let reporter = validate_reporter(&form.reporter, settings, &mut errors);
    match (reporter, errors.is_empty()) {
        (Some(reporter), true) => Ok(NuisanceReport {
            incidents,
            reporter,
        }),
        _ => Err(errors),
    }
}

/// The reporter's details: every field optional, each checked when given.
pub fn validate_reporter(
    form: &ReporterForm,
    settings: &NuisanceSettings,
    errors: &mut FieldErrors,
) -> Option<Reporter> {
    let before = errors.0.len();
    let name = cleaned_line(&form.name, settings.name_chars, false)
        .map_err(|e| errors.add("reporter.name", format!("nuisance.error.name.{e}")))
        .ok()
        .flatten();
    let email = if form.email.trim().is_empty() {
        None
    } else {
        EmailAddress::parse(&form.email)
            .map_err(|key| errors.add("reporter.email", key))
            .ok()
    };
    let postcode = if form.postcode.trim().is_empty() {
        None
    } else {
        let postcode = parse_postcode(&form.postcode);
        if postcode.is_none() {
            errors.add("reporter.postcode", "nuisance.error.postcode.invalid");
        }
        postcode
    };
    (errors.0.len() == before).then_some(Reporter {
        name,
        email,
        postcode,
    })
}
