//! Staff server functions of the repeat-offender intelligence (`/staff/api/nuisance…`, guarded by
//! the access table's `nuisance` row: enforcement, case officers, team managers, admins).
// `add_report` takes the form's fields as arguments (so a plain form post fills them), and the
// `#[server]` macro gives its browser-side twin the same list: allowed here, for that reason.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::nuisance::intelligence::{OffenderRow, Period, TrendWeek};
use crate::domain::staff::StaffMember;
use crate::server_fns::staff::{FormFlash, StaffError};

#[cfg(feature = "ssr")]
const AREA: &str = "/staff/nuisance";
/// Offenders on the ranking page.
pub const RANKED: usize = 50;
/// Incidents listed on an offender's page.
pub const LISTED_INCIDENTS: i64 = 100;

/// `/staff/nuisance`: the repeat offenders of a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OffendersView {
    pub me: StaffMember,
    pub period: Period,
    /// `7`, `30`, `90`, `365` or `custom`.
    pub choice: String,
    /// The custom dates as typed.
    pub from: String,
    pub to: String,
    /// An offender kind code, or empty for every kind.
    pub kind: String,
    pub rows: Vec<OffenderRow>,
    /// Field → message key, for a custom period that does not make sense.
    pub errors: Vec<(String, String)>,
    /// The query string that chose this view (for the CSV and the offender links).
    pub query: String,
}

/// One incident in an offender's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncidentLine {
    pub id: i64,
    pub report_id: i64,
    pub received_on: chrono::NaiveDate,
    pub occurred_at: String,
    pub channel: String,
    pub categories: Vec<String>,
    pub sender: Option<String>,
    pub company: Option<String>,
    pub text: String,
    pub source: String,
}

/// One stored incident as a list shows it, its text cut to `excerpt_chars`.
#[cfg(feature = "ssr")]
fn incident_line(
    stored: &crate::domain::nuisance::intelligence::StoredIncident,
    excerpt_chars: usize,
) -> IncidentLine {
    use crate::domain::nuisance::intelligence::{excerpt, sender_line};
    let incident = stored.incident();
    IncidentLine {
        id: stored.id,
        report_id: stored.report_id,
        received_on: stored.received_on,
        occurred_at: stored.occurred_at.format("%d/%m/%Y %H:%M").to_string(),
        channel: stored.channel.clone(),
        categories: stored.categories.clone(),
        sender: incident.as_ref().and_then(|i| sender_line(&i.sender)),
        company: incident
            .as_ref()
            .and_then(|i| i.company.as_ref().map(|c| c.name().to_owned())),
        text: incident
            .as_ref()
            .map(|i| excerpt(i, excerpt_chars))
            .unwrap_or_default(),
        source: stored.source.clone(),
    }
}

/// `/staff/nuisance/offenders/<id>`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OffenderView {
    pub me: StaffMember,
    pub period: Period,
    pub query: String,
    pub offender: OffenderRow,
    pub trend: Vec<TrendWeek>,
    pub categories: Vec<(String, u64)>,
    pub channels: Vec<(String, u64)>,
    pub incidents: Vec<IncidentLine>,
}

/// `/staff/nuisance/add`: a report received by another channel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AddReportView {
    pub me: StaffMember,
    pub flash: Option<FormFlash>,
    /// Sent back with the form: a double click stores one report.
    pub token: String,
}

/// The query string of a view, for links: `period=30&kind=number`.
pub fn view_query(choice: &str, from: &str, to: &str, kind: &str) -> String {
    use crate::server_fns::staff::encode_query;
    let mut query = format!("period={}", encode_query(choice));
    if choice == "custom" {
        query.push_str(&format!(
            "&from={}&to={}",
            encode_query(from),
            encode_query(to)
        ));
    }
    if !kind.is_empty() {
        query.push_str(&format!("&kind={}", encode_query(kind)));
    }
    query
}

#[cfg(feature = "ssr")]
fn services() -> Result<std::sync::Arc<crate::ports::Services>, StaffError> {
    use_context::<std::sync::Arc<crate::ports::Services>>()
        .ok_or_else(|| StaffError::server("services", "missing from context"))
}

#[server(prefix = "/staff/api/nuisance", endpoint = "offenders")]
pub async fn load_offenders(
    period: Option<String>,
    from: Option<String>,
    to: Option<String>,
    kind: Option<String>,
) -> Result<OffendersView, StaffError> {
    use crate::domain::nuisance::intelligence::{choose_period, OffenderQuery};
    use crate::domain::nuisance::OffenderKind;
    use crate::server_fns::staff::require_access;
    let me = require_access(AREA)?.member;
    let services = services()?;
    let today = services.clock.today();
    let (choice, from, to) = (
        period.unwrap_or_else(|| "30".to_owned()),
        from.unwrap_or_default(),
        to.unwrap_or_default(),
    );
    let kind = kind
        .and_then(|k| OffenderKind::from_code(&k))
        .map(|k| k.code().to_owned())
        .unwrap_or_default();
    let (period, errors) = match choose_period(&choice, &from, &to, today) {
        Ok(period) => (period, Vec::new()),
        Err(errors) => (
            Period::last(30, today),
            errors
                .iter()
                .map(|(field, key)| (field.to_owned(), key.to_owned()))
                .collect(),
        ),
    };
    let rows = services
        .nuisance
        .repeat_offenders(&OffenderQuery {
            kind: (!kind.is_empty()).then(|| kind.clone()),
            from: period.from,
            to: period.to,
            limit: RANKED,
            min_reports: 2,
        })
        .await
        .map_err(|error| StaffError::server("ranking offenders", error))?;
    let choice = if errors.is_empty() {
        choice
    } else {
        "custom".to_owned()
    };
    Ok(OffendersView {
        me,
        query: view_query(&choice, &from, &to, &kind),
        period,
        choice,
        from,
        to,
        kind,
        rows,
        errors,
    })
}

#[server(prefix = "/staff/api/nuisance", endpoint = "offender")]
pub async fn load_offender(
    id: i64,
    period: Option<String>,
    from: Option<String>,
    to: Option<String>,
) -> Result<OffenderView, StaffError> {
    use crate::domain::nuisance::intelligence::{choose_period, weekly_trend};
    use crate::server_fns::staff::require_access;
    let me = require_access(AREA)?.member;
    let services = services()?;
    let today = services.clock.today();
    let (choice, from, to) = (
        period.unwrap_or_else(|| "30".to_owned()),
        from.unwrap_or_default(),
        to.unwrap_or_default(),
    );
    let period = choose_period(&choice, &from, &to, today).unwrap_or(Period::last(30, today));
    let detail = services
        .nuisance
        .offender(id, period, LISTED_INCIDENTS)
        .await
        .map_err(|error| StaffError::server("reading an offender", error))?
        .ok_or(StaffError::NotFound)?;
    let incidents = detail
        .incidents
        .iter()
        .map(|stored| incident_line(stored, 160))
        .collect();
    Ok(OffenderView {
        me,
        query: view_query(&choice, &from, &to, ""),
        trend: weekly_trend(&detail.days, period),
        period,
        offender: detail.offender,
        categories: detail.categories,
        channels: detail.channels,
        incidents,
    })
}

#[server(prefix = "/staff/api/nuisance", endpoint = "add-view")]
pub async fn load_add_report() -> Result<AddReportView, StaffError> {
    use crate::server_fns::staff::require_access;
    use crate::server_fns::staff::users::kept_form;
    let current = require_access(AREA)?;
    let flash = kept_form(&current.session_id, "nuisance-add").await?;
    let token = crate::server_fns::session::random_hex()
        .map_err(|error| StaffError::server("a form token", error))?;
    Ok(AddReportView {
        me: current.member,
        flash,
        token,
    })
}

/// Adds a report received by another channel (letter, phone call, email to a case officer):
/// the public journey's validation, stored with the officer's id (manual §9: "add details to
/// the reporting tool").
#[server(prefix = "/staff/api/nuisance", endpoint = "add")]
pub async fn add_report(
    channel: Option<String>,
    day: Option<String>,
    month: Option<String>,
    year: Option<String>,
    hour: Option<String>,
    minute: Option<String>,
    sender: Option<String>,
    contacted_on: Option<String>,
    message_text: Option<String>,
    company: Option<String>,
    categories: Option<Vec<String>>,
    scam: Option<String>,
    relationship: Option<String>,
    preference_service: Option<String>,
    description: Option<String>,
    token: Option<String>,
) -> Result<(), StaffError> {
    use crate::domain::nuisance::{validate_incident, IncidentForm, NuisanceReport, Reporter};
    use crate::ports::{NuisanceSubmission, ReportSource};
    use crate::server_fns::staff::require_access;
    use crate::server_fns::staff::users::refuse;
    let current = require_access(AREA)?;
    let services = services()?;
    let form = IncidentForm {
        channel: channel.unwrap_or_default(),
        silent_or_abandoned: "no".to_owned(),
        day: day.unwrap_or_default(),
        month: month.unwrap_or_default(),
        year: year.unwrap_or_default(),
        hour: hour.unwrap_or_default(),
        minute: minute.unwrap_or_default(),
        sender: sender.unwrap_or_default(),
        contacted_on: contacted_on.unwrap_or_default(),
        message_text: message_text.unwrap_or_default(),
        company: company.unwrap_or_default(),
        categories: categories.unwrap_or_default(),
        scam: scam.unwrap_or_default(),
        relationship: relationship.unwrap_or_default(),
        preference_service: preference_service.unwrap_or_default(),
        description: description.unwrap_or_default(),
        ..IncidentForm::default()
    };
    let now = services.clock.now().naive_local();
    match validate_incident(&form, now, &services.nuisance_settings, "") {
        Ok(incident) => {
            let receipt = services
                .nuisance
                .record(NuisanceSubmission {
                    report: NuisanceReport {
                        incidents: vec![incident],
                        reporter: Reporter::default(),
                    },
                    source: ReportSource::Staff,
                    idempotency_key: token
                        .filter(|t| t.len() == 32 && t.chars().all(|c| c.is_ascii_hexdigit()))
                        .map(|t| format!("staff:{}:{t}", current.member.id)),
                    added_by: Some(current.member.id.clone()),
                })
                .await
                .map_err(|error| StaffError::server("adding a report", error))?;
            leptos_axum::redirect(&format!("{AREA}/add?added={}", receipt.report_id));
            Ok(())
        }
        Err(errors) => {
            let flash = FormFlash {
                key: String::new(),
                form: "nuisance-add".to_owned(),
                values: form_values(&form),
                errors: errors
                    .iter()
                    .map(|(field, key)| (field.to_owned(), key.to_owned()))
                    .collect(),
            };
            refuse(&current.session_id, flash, &format!("{AREA}/add")).await
        }
    }
}

/// What was typed, to show again on the refused form.
#[cfg(feature = "ssr")]
fn form_values(form: &crate::domain::nuisance::IncidentForm) -> Vec<(String, String)> {
    let mut values: Vec<(String, String)> = [
        ("channel", &form.channel),
        ("day", &form.day),
        ("month", &form.month),
        ("year", &form.year),
        ("hour", &form.hour),
        ("minute", &form.minute),
        ("sender", &form.sender),
        ("contacted_on", &form.contacted_on),
        ("message_text", &form.message_text),
        ("company", &form.company),
        ("scam", &form.scam),
        ("relationship", &form.relationship),
        ("preference_service", &form.preference_service),
        ("description", &form.description),
    ]
    .into_iter()
    .map(|(name, value)| (name.to_owned(), value.clone()))
    .collect();
    values.extend(
        form.categories
            .iter()
            .map(|c| ("categories".to_owned(), c.clone())),
    );
    values
}

/// A nuisance report found by the reference the person was given (`NR-000005-K`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportLookupView {
    pub me: StaffMember,
    /// The reference as typed.
    pub searched: String,
    /// The reference of the report found, written the standard way.
    pub reference: Option<String>,
    pub incidents: Vec<IncidentLine>,
}

/// Looks a report up by its reference: nothing found when the reference is malformed, its check
/// character does not hold, or there is no such report.
#[server(prefix = "/staff/api/nuisance", endpoint = "report")]
pub async fn load_report_lookup(reference: Option<String>) -> Result<ReportLookupView, StaffError> {
    use crate::domain::nuisance::{parse_report_reference, report_reference};
    use crate::server_fns::staff::require_access;
    let me = require_access(AREA)?.member;
    let services = services()?;
    let searched: String = reference.unwrap_or_default().chars().take(40).collect();
    let Some(id) = parse_report_reference(&searched) else {
        return Ok(ReportLookupView {
            me,
            searched,
            reference: None,
            incidents: Vec::new(),
        });
    };
    let stored = services
        .nuisance
        .report_incidents(id)
        .await
        .map_err(|error| StaffError::server("looking a report up", error))?;
    let incidents: Vec<IncidentLine> = stored
        .iter()
        .map(|stored| incident_line(stored, 400))
        .collect();
    Ok(ReportLookupView {
        me,
        searched,
        reference: (!incidents.is_empty()).then(|| report_reference(id)),
        incidents,
    })
}
