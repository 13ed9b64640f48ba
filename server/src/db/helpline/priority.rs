//! Prioritisation requests (manual §12): the adviser records the caller's reasons; the relevant
//! manager (the officer's manager, else the work queue's lead) is told by email and decides.

use app::domain::case::{CaseEventKind, Priority};
use app::domain::staff::StaffMember;
use app::ports::helpline::HelplineResult;
use app::server_fns::helpline::PriorityRequestRow;
use serde_json::json;
use sqlx::any::AnyRow;
use sqlx::Row;

use super::super::casework::CaseRow;
use super::super::{code_of, from_code, CaseStoreError, NewEvent};
use super::{refused, HelplineStore};

fn request_row(row: &AnyRow) -> Result<PriorityRequestRow, CaseStoreError> {
    let priority: String = row.try_get("priority")?;
    Ok(PriorityRequestRow {
        id: row.try_get("id")?,
        reference: row.try_get("reference")?,
        priority: from_code(&priority).unwrap_or(Priority::Normal),
        manager_name: row.try_get("manager_name")?,
        // No member of staff: the person asked online (Track my case).
        requested_by: row
            .try_get::<Option<String>, _>("requested_by_name")?
            .unwrap_or_else(|| app::i18n::t("helpline.priority.requested_online")),
        requested_at: crate::case::london_ms(row.try_get("requested_at")?),
        reasons: row.try_get("reasons")?,
        status: row.try_get("status")?,
        decline_reason: row.try_get("decline_reason")?,
    })
}

impl HelplineStore {
    /// Requests matching `condition` on `$1`, waiting ones first, newest first.
    pub(super) async fn requests_where(
        &self,
        condition: &str,
        value: &str,
    ) -> Result<Vec<PriorityRequestRow>, CaseStoreError> {
        let rows = sqlx::query(&self.sql(&format!(
            "SELECT r.id, c.reference, c.priority, m.name AS manager_name, \
             a.name AS requested_by_name, r.requested_at, r.reasons, r.status, r.decline_reason \
             FROM priority_requests r JOIN cases c ON c.id = r.case_id \
             JOIN staff m ON m.id = r.manager_id LEFT JOIN staff a ON a.id = r.requested_by \
             WHERE {condition} \
             ORDER BY CASE WHEN r.status = 'pending' THEN 0 ELSE 1 END, r.requested_at DESC \
             LIMIT 200"
        )))
        .bind(value)
        .fetch_all(&self.database.pool)
        .await?;
        rows.iter().map(request_row).collect()
    }

    pub(super) async fn ask_priority(
        &self,
        reference: &str,
        staff: &StaffMember,
        reasons: &str,
    ) -> Result<HelplineResult, CaseStoreError> {
        let Some(row) = self.visible_case(reference, staff).await? else {
            return Ok(HelplineResult::NotFound);
        };
        self.ask_priority_for(&row, Some(staff), reasons).await
    }

    /// Records a prioritisation request on the case, by `staff` (the helpline), or by the person
    /// themselves online (`None`: Track my case), and tells the relevant manager by email.
    pub(crate) async fn ask_priority_for(
        &self,
        row: &CaseRow,
        staff: Option<&StaffMember>,
        reasons: &str,
    ) -> Result<HelplineResult, CaseStoreError> {
        let people = self.callees().await?;
        let officer_manager = row
            .record
            .assigned_to
            .as_ref()
            .and_then(|officer| people.get(officer))
            .and_then(|(officer, _)| officer.manager_id.clone());
        let manager_id = match officer_manager {
            Some(id) => Some(id),
            None => self.queue_lead(row).await?,
        };
        let Some((manager, email)) = manager_id.and_then(|id| people.get(&id).cloned()) else {
            return Ok(refused("reasons", "helpline.priority.error.no_manager"));
        };
        let mut tx = self.database.writer.begin().await?;
        sqlx::query(&self.sql(
            "INSERT INTO priority_requests (id, case_id, manager_id, requested_by, requested_at, \
             reasons, status) VALUES ($1, $2, $3, $4, $5, $6, 'pending')",
        ))
        .bind(crate::case::new_id()?)
        .bind(&row.id)
        .bind(&manager.id)
        .bind(staff.map(|staff| staff.id.as_str()))
        .bind(crate::case::now_ms())
        .bind(reasons)
        .execute(&mut *tx)
        .await?;
        let details = json!({ "reasons": reasons, "manager": manager.name });
        let kind = CaseEventKind::PriorityRequested;
        match staff {
            Some(staff) => {
                self.record(&mut tx, &row.id, &staff.id, kind, details)
                    .await?
            }
            None => {
                let event = NewEvent {
                    actor: "customer".to_owned(),
                    kind: kind.code().to_owned(),
                    details,
                };
                self.database
                    .insert_event(&mut tx, &row.id, &event, crate::case::now_ms())
                    .await?
            }
        }
        let subject = format!("Request to prioritise case {}", row.record.reference);
        let who = if staff.is_some() {
            "A caller has asked the helpline"
        } else {
            "The customer has asked online (Track my case)"
        };
        let body = format!(
            "{who} for case {reference} to be prioritised.\n\n\
             Their reasons:\n{reasons}\n\n\
             Please grant or decline the request at /staff/priority-requests.",
            reference = row.record.reference,
        );
        self.email_staff(&mut tx, row, (&email, &manager.name), &subject, &body)
            .await?;
        tx.commit().await?;
        Ok(HelplineResult::Done)
    }

    pub(super) async fn decide(
        &self,
        id: &str,
        manager: &StaffMember,
        grant: bool,
        reason: Option<String>,
    ) -> Result<HelplineResult, CaseStoreError> {
        let found = sqlx::query(&self.sql(
            "SELECT r.case_id, r.status FROM priority_requests r WHERE r.id = $1 AND r.manager_id = $2",
        ))
        .bind(id)
        .bind(&manager.id)
        .fetch_optional(&self.database.pool)
        .await?;
        let Some(found) = found else {
            return Ok(HelplineResult::NotFound);
        };
        let case_id: String = found.try_get("case_id")?;
        if found.try_get::<String, _>("status")? != "pending" {
            return Ok(refused(
                &format!("decision-{id}"),
                "helpline.decide.error.decided",
            ));
        }
        let now = crate::case::now_ms();
        let status = if grant { "granted" } else { "declined" };
        let mut tx = self.database.writer.begin().await?;
        sqlx::query(&self.sql(
            "UPDATE priority_requests SET status = $1, decided_by = $2, decided_at = $3, \
             decline_reason = $4 WHERE id = $5 AND status = 'pending'",
        ))
        .bind(status)
        .bind(&manager.id)
        .bind(now)
        .bind(reason.as_deref())
        .bind(id)
        .execute(&mut *tx)
        .await?;
        let (kind, details) = if grant {
            sqlx::query(&self.sql("UPDATE cases SET priority = $1 WHERE id = $2"))
                .bind(code_of(&Priority::High)?)
                .bind(&case_id)
                .execute(&mut *tx)
                .await?;
            (
                CaseEventKind::PriorityGranted,
                json!({ "priority": "high" }),
            )
        } else {
            (CaseEventKind::PriorityDeclined, json!({ "reason": reason }))
        };
        self.record(&mut tx, &case_id, &manager.id, kind, details)
            .await?;
        tx.commit().await?;
        Ok(HelplineResult::Done)
    }
}
