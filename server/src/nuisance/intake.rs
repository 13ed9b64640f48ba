//! The nuisance reports port the pages and the API use: a validated report becomes a stored
//! report through the group-commit writer, and the answer says how often each of its offenders
//! was reported in the feedback window.

use std::sync::Arc;

use app::domain::nuisance::intelligence::{OffenderDetail, OffenderQuery, OffenderRow, Period};
use app::domain::nuisance::{offender_keys, Incident, OffenderKey, OffenderKind, Sender};
use app::ports::{
    Clock, NuisanceReceipt, NuisanceReports, NuisanceSubmission, ReportedCount, StoreError,
};
use chrono::Utc;

use super::ReportWriter;
use crate::db::nuisance::{NewIncident, NewNuisanceReport, OffenderRef};
use crate::db::Database;

/// Stores reports through the process's [`ReportWriter`].
pub struct NuisanceIntake {
    pub database: Database,
    pub writer: ReportWriter,
    pub clock: Arc<dyn Clock>,
    pub window_days: u32,
}

#[async_trait::async_trait]
impl NuisanceReports for NuisanceIntake {
    async fn record(&self, submission: NuisanceSubmission) -> Result<NuisanceReceipt, StoreError> {
        let report = stored_report(&submission, self.clock.today())?;
        let recorded = self
            .writer
            .record(report)
            .await
            .map_err(|error| StoreError(error.to_string()))?;
        Ok(NuisanceReceipt {
            report_id: recorded.id,
            window_days: self.window_days,
            counts: recorded
                .counts
                .into_iter()
                .filter_map(|count| {
                    Some(ReportedCount {
                        kind: OffenderKind::from_code(&count.offender.kind)?,
                        key: count.offender.key,
                        display: count.offender.display,
                        reports: count.reports,
                    })
                })
                .collect(),
        })
    }

    async fn repeat_offenders(
        &self,
        query: &OffenderQuery,
    ) -> Result<Vec<OffenderRow>, StoreError> {
        self.database
            .repeat_offenders(query)
            .await
            .map_err(|error| StoreError(format!("repeat offenders: {error}")))
    }

    async fn report_incidents(
        &self,
        id: i64,
    ) -> Result<Vec<app::domain::nuisance::intelligence::StoredIncident>, StoreError> {
        self.database
            .report_incidents(id)
            .await
            .map_err(|error| StoreError(format!("report {id}: {error}")))
    }

    async fn offender(
        &self,
        id: i64,
        period: Period,
        incidents: i64,
    ) -> Result<Option<OffenderDetail>, StoreError> {
        self.database
            .offender_detail(id, period.from, period.to, incidents)
            .await
            .map_err(|error| StoreError(format!("offender {id}: {error}")))
    }
}

/// The report as the store keeps it.
pub fn stored_report(
    submission: &NuisanceSubmission,
    today: chrono::NaiveDate,
) -> Result<NewNuisanceReport, StoreError> {
    let reporter = &submission.report.reporter;
    let has_reporter =
        reporter.name.is_some() || reporter.email.is_some() || reporter.postcode.is_some();
    let incidents = submission
        .report
        .incidents
        .iter()
        .map(stored_incident)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(NewNuisanceReport {
        idempotency_key: submission.idempotency_key.clone(),
        received_at: Utc::now(),
        received_on: today,
        source: submission.source.code().to_owned(),
        added_by: submission.added_by.clone(),
        reporter: if has_reporter {
            Some(serde_json::to_value(reporter).map_err(|e| StoreError(e.to_string()))?)
        } else {
            None
        },
        incidents,
    })
}

fn stored_incident(incident: &Incident) -> Result<NewIncident, StoreError> {
    let when = incident.when;
    Ok(NewIncident {
        channel: incident.channel.code().to_owned(),
        occurred_at: when.date.and_time(when.time.unwrap_or_default()),
        categories: incident
            .categories
            .iter()
            .map(|c| c.code().to_owned())
            .collect(),
        details: serde_json::to_value(incident).map_err(|e| StoreError(e.to_string()))?,
        offenders: offender_keys(incident)
            .into_iter()
            .map(|key| offender_ref(incident, key))
            .collect(),
    })
}

/// How an offender is shown: a UK number in national form (`09061701461`), a company as the
/// person wrote it, anything else by its key.
fn offender_ref(incident: &Incident, key: OffenderKey) -> OffenderRef {
    let display = match key.kind {
        OffenderKind::Number => national(&key.key),
        OffenderKind::Company => incident
            .company
            .as_ref()
            .filter(|c| c.key() == key.key)
            .map(|c| c.name().to_owned())
            .unwrap_or_else(|| key.key.clone()),
        OffenderKind::SenderId => match &incident.sender {
            Sender::SenderId(id) => id.as_str().to_owned(),
            _ => key.key.clone(),
        },
        _ => key.key.clone(),
    };
    OffenderRef {
        kind: key.kind.code().to_owned(),
        key: key.key,
        display,
    }
}

/// A number as people write it: `+449061701461` → `0906 170 1461`, `+33123456789` →
/// `+33 1 23 45 67 89`, a short code as it is.
pub fn national(number: &str) -> String {
    app::domain::nuisance::written_number(number)
}
