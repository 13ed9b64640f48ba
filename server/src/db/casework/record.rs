//! A case row read as a [`CaseRecord`] (with its database id, which never leaves the server).

use app::domain::case::{
    CaseKind, CaseRecord, CaseStatus, IntakeChannel, NoFurtherContact, Priority, WorkQueue,
};
use chrono::NaiveDate;
use sqlx::any::AnyRow;
use sqlx::Row;

use super::super::{from_code, CaseStoreError, Database};

/// The columns [`CaseRow::from_row`] reads, from `cases c` joined to its current instance `i`.
/// Append `WHERE …` (and `ORDER BY …`).
pub const SELECT_CASE_ROW: &str = "SELECT c.id, c.reference, c.case_type, c.work_queue, \
     c.priority, c.channel, c.status, c.title, c.created_on, c.instance, c.assign_by, \
     c.first_contact_due, c.contact_promised_by, c.close_by, c.organisation_name, c.sector, \
     c.assigned_to, c.allocated_on, c.sifted_on, c.nfc_reason, c.nfc_on, c.nfc_by, \
     i.opened_on, i.closed_on, i.outcome \
     FROM cases c JOIN case_instances i ON i.case_id = c.id AND i.number = c.instance";

/// A case and its id in the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRow {
    pub id: String,
    pub record: CaseRecord,
}

fn decode(column: &str, text: &str) -> CaseStoreError {
    CaseStoreError::Database(sqlx::Error::Decode(
        format!("{column} {text:?} is not understood").into(),
    ))
}

fn date(row: &AnyRow, column: &str) -> Result<NaiveDate, CaseStoreError> {
    let text: String = row.try_get(column)?;
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| decode(column, &text))
}

fn optional_date(row: &AnyRow, column: &str) -> Result<Option<NaiveDate>, CaseStoreError> {
    let text: Option<String> = row.try_get(column)?;
    text.map(|text| NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| decode(column, &text)))
        .transpose()
}

fn code<T: serde::de::DeserializeOwned>(row: &AnyRow, column: &str) -> Result<T, CaseStoreError> {
    let text: String = row.try_get(column)?;
    from_code(&text).ok_or_else(|| decode(column, &text))
}

impl CaseRow {
    /// Reads a row selected with [`SELECT_CASE_ROW`].
    pub fn from_row(row: &AnyRow) -> Result<CaseRow, CaseStoreError> {
        let case_type: String = row.try_get("case_type")?;
        let status: String = row.try_get("status")?;
        let instance: i64 = row.try_get("instance")?;
        let sector: Option<String> = row.try_get("sector")?;
        let nfc_reason: Option<String> = row.try_get("nfc_reason")?;
        let nfc_on = optional_date(row, "nfc_on")?;
        let nfc_by: Option<String> = row.try_get("nfc_by")?;
        let no_further_contact = match (nfc_reason, nfc_on, nfc_by) {
            (Some(reason), Some(on), Some(by)) => Some(NoFurtherContact { reason, on, by }),
            _ => None,
        };
        Ok(CaseRow {
            id: row.try_get("id")?,
            record: CaseRecord {
                reference: row.try_get("reference")?,
                case_type: CaseKind::from_code(&case_type)
                    .ok_or_else(|| decode("case_type", &case_type))?,
                work_queue: code::<WorkQueue>(row, "work_queue")?,
                priority: code::<Priority>(row, "priority")?,
                channel: code::<IntakeChannel>(row, "channel")?,
                status: CaseStatus::from_code(&status).ok_or_else(|| decode("status", &status))?,
                title: row.try_get("title")?,
                created_on: date(row, "created_on")?,
                instance: u32::try_from(instance).unwrap_or(1),
                opened_on: date(row, "opened_on")?,
                assign_by: date(row, "assign_by")?,
                first_contact_due: date(row, "first_contact_due")?,
                contact_promised_by: date(row, "contact_promised_by")?,
                close_by: date(row, "close_by")?,
                organisation_name: row.try_get("organisation_name")?,
                sector: sector.as_deref().and_then(from_code),
                assigned_to: row.try_get("assigned_to")?,
                allocated_on: optional_date(row, "allocated_on")?,
                sifted_on: optional_date(row, "sifted_on")?,
                closed_on: optional_date(row, "closed_on")?,
                outcome: row.try_get("outcome")?,
                no_further_contact,
            },
        })
    }
}

impl Database {
    /// The case with this reference (exactly as stored, `IC-123456-ABCD`).
    /// The case with this reference, if `staff_id` may see it (a staff case only by those named
    /// on it): one query.
    pub async fn visible_case_row(
        &self,
        reference: &str,
        staff_id: &str,
    ) -> Result<Option<CaseRow>, CaseStoreError> {
        let row = sqlx::query(&self.sql(&format!(
            "{SELECT_CASE_ROW} WHERE c.reference = $1 AND {}",
            super::visible_to("$2")
        )))
        .bind(reference)
        .bind(staff_id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(CaseRow::from_row).transpose()
    }

    pub async fn case_row(&self, reference: &str) -> Result<Option<CaseRow>, CaseStoreError> {
        let row = sqlx::query(&self.sql(&format!("{SELECT_CASE_ROW} WHERE c.reference = $1")))
            .bind(reference)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(CaseRow::from_row).transpose()
    }
}
