//! Who could return a call on a case, booking a callback (emailing whoever is to call, manual
//! §12), an officer's and their team's callbacks, and the result of each attempt.

use app::domain::case::CaseEventKind;
use app::domain::staff::StaffMember;
use app::ports::helpline::{CallContext, CallbackAttempt, CallbackBooking, HelplineResult};
use app::server_fns::helpline::CallbackRow;
use chrono::NaiveDate;
use serde_json::json;
use sqlx::any::AnyRow;
use sqlx::Row;

use super::super::CaseStoreError;
use super::{refused, HelplineStore};

const CALLBACK_COLUMNS: &str = "SELECT cb.id, c.reference, cb.staff_id, s.name AS staff_name, \
     cb.due_on, cb.caller_name, cb.phone, cb.note, cb.caller_waits, cb.passed_over, cb.status, \
     cb.attempts, cb.last_result, cb.booked_at \
     FROM callbacks cb JOIN cases c ON c.id = cb.case_id JOIN staff s ON s.id = cb.staff_id";

fn callback_row(row: &AnyRow) -> Result<CallbackRow, CaseStoreError> {
    let due: String = row.try_get("due_on")?;
    let passed: String = row.try_get("passed_over")?;
    Ok(CallbackRow {
        id: row.try_get("id")?,
        reference: row.try_get("reference")?,
        staff_id: row.try_get("staff_id")?,
        staff_name: row.try_get("staff_name")?,
        due_on: NaiveDate::parse_from_str(&due, "%Y-%m-%d").unwrap_or_default(),
        caller_name: row.try_get("caller_name")?,
        phone: row.try_get("phone")?,
        note: row.try_get("note")?,
        caller_waits: row.try_get::<i64, _>("caller_waits")? != 0,
        passed_over: serde_json::from_str(&passed).unwrap_or_default(),
        status: row.try_get("status")?,
        attempts: row.try_get("attempts")?,
        last_result: row.try_get("last_result")?,
        booked_at: crate::case::london_ms(row.try_get("booked_at")?),
    })
}

impl HelplineStore {
    pub(super) async fn context(
        &self,
        reference: &str,
        staff: &StaffMember,
    ) -> Result<Option<CallContext>, CaseStoreError> {
        let Some(row) = self.visible_case(reference, staff).await? else {
            return Ok(None);
        };
        let people = self.callees().await?;
        let (first_id, lead) = match &row.record.assigned_to {
            Some(officer) => (Some(officer.clone()), false),
            None => (self.queue_lead(&row).await?, true),
        };
        let first = first_id.and_then(|id| people.get(&id).map(|(callee, _)| callee.clone()));
        let callbacks = sqlx::query(&self.sql(&format!(
            "{CALLBACK_COLUMNS} WHERE cb.case_id = $1 ORDER BY cb.booked_at DESC"
        )))
        .bind(&row.id)
        .fetch_all(&self.database.pool)
        .await?
        .iter()
        .map(callback_row)
        .collect::<Result<Vec<_>, _>>()?;
        let priority_requests = self.requests_where("r.case_id = $1", &row.id).await?;
        Ok(Some(CallContext {
            first,
            lead,
            nfc: row.record.no_further_contact.is_some(),
            staff: people
                .into_iter()
                .map(|(id, (callee, _))| (id, callee))
                .collect(),
            callbacks,
            priority_requests,
        }))
    }

    pub(super) async fn book(
        &self,
        booking: &CallbackBooking,
    ) -> Result<HelplineResult, CaseStoreError> {
        let Some(row) = self
            .visible_case(&booking.reference, &booking.staff)
            .await?
        else {
            return Ok(HelplineResult::NotFound);
        };
        if row.record.no_further_contact.is_some() {
            return Ok(refused("caller", "helpline.callback.error.nfc"));
        }
        let people = self.callees().await?;
        let email = people
            .get(&booking.plan.staff_id)
            .map(|(_, email)| email.clone())
            .unwrap_or_default();
        let plan = &booking.plan;
        let kind = if plan.passed_over.is_empty() {
            CaseEventKind::CallbackBooked
        } else {
            CaseEventKind::CallbackEscalated
        };
        let mut tx = self.database.writer.begin().await?;
        sqlx::query(&self.sql(
            "INSERT INTO callbacks (id, case_id, staff_id, booked_by, booked_at, due_on, \
             caller_name, phone, note, caller_waits, passed_over, status, attempts) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'open', 0)",
        ))
        .bind(crate::case::new_id()?)
        .bind(&row.id)
        .bind(&plan.staff_id)
        .bind(&booking.staff.id)
        .bind(crate::case::now_ms())
        .bind(plan.due_on.to_string())
        .bind(&booking.caller_name)
        .bind(&booking.phone)
        .bind(&booking.note)
        .bind(i64::from(booking.caller_waits))
        .bind(serde_json::to_string(&plan.passed_over)?)
        .execute(&mut *tx)
        .await?;
        let details = json!({
            "to": plan.name,
            "due_on": plan.due_on.to_string(),
            "caller_waits": booking.caller_waits,
            "passed_over": plan.passed_over,
        });
        self.record(&mut tx, &row.id, &booking.staff.id, kind, details)
            .await?;
        let subject = format!("Callback to arrange: {}", row.record.reference);
        let body = format!(
            "The helpline has arranged a callback on case {reference}.\n\n\
             Please call {caller} on {phone} by {due}.\n\n{note}\n\n\
             Record each attempt at /staff/callbacks.",
            reference = row.record.reference,
            caller = booking.caller_name,
            phone = booking.phone,
            due = plan.due_on.format("%-d %B %Y"),
            note = booking.note,
        );
        if !email.is_empty() {
            self.email_staff(&mut tx, &row, (&email, &plan.name), &subject, &body)
                .await?;
        }
        tx.commit().await?;
        Ok(HelplineResult::Done)
    }

    pub(super) async fn callback_list(
        &self,
        staff: &StaffMember,
    ) -> Result<Vec<CallbackRow>, CaseStoreError> {
        let rows = sqlx::query(&self.sql(&format!(
            "{CALLBACK_COLUMNS} WHERE cb.staff_id = $1 OR s.manager_id = $2 \
             ORDER BY CASE WHEN cb.status = 'open' THEN 0 ELSE 1 END, cb.due_on, cb.booked_at \
             LIMIT 200"
        )))
        .bind(&staff.id)
        .bind(&staff.id)
        .fetch_all(&self.database.pool)
        .await?;
        rows.iter().map(callback_row).collect()
    }

    pub(super) async fn attempt(
        &self,
        attempt: &CallbackAttempt,
    ) -> Result<HelplineResult, CaseStoreError> {
        let found = sqlx::query(&self.sql(
            "SELECT cb.case_id, cb.status \
             FROM callbacks cb JOIN staff s ON s.id = cb.staff_id \
             WHERE cb.id = $1 AND (cb.staff_id = $2 OR s.manager_id = $3)",
        ))
        .bind(&attempt.callback_id)
        .bind(&attempt.staff.id)
        .bind(&attempt.staff.id)
        .fetch_optional(&self.database.pool)
        .await?;
        let Some(found) = found else {
            return Ok(HelplineResult::NotFound);
        };
        let case_id: String = found.try_get("case_id")?;
        if !self
            .database
            .may_see_case(&case_id, &attempt.staff.id)
            .await?
        {
            return Ok(HelplineResult::NotFound);
        }
        let field = format!("result-{}", attempt.callback_id);
        if found.try_get::<String, _>("status")? != "open" {
            return Ok(refused(&field, "helpline.attempt.error.done"));
        }
        let status = if attempt.result == "spoke" {
            "done"
        } else {
            "open"
        };
        let now = crate::case::now_ms();
        let mut tx = self.database.writer.begin().await?;
        sqlx::query(&self.sql(
            "UPDATE callbacks SET attempts = attempts + 1, last_result = $1, status = $2, \
             done_at = $3 WHERE id = $4 AND status = 'open'",
        ))
        .bind(&attempt.result)
        .bind(status)
        .bind((status == "done").then_some(now))
        .bind(&attempt.callback_id)
        .execute(&mut *tx)
        .await?;
        let details = json!({ "result": attempt.result, "note": attempt.note });
        self.record(
            &mut tx,
            &case_id,
            &attempt.staff.id,
            CaseEventKind::CallbackAttempted,
            details,
        )
        .await?;
        tx.commit().await?;
        Ok(HelplineResult::Done)
    }
}
