//! Reading a case as its officer works it: the summary, documents, flags, timeline, work items,
//! emails and instances (the parties and similar cases are in `parties.rs`).

use std::collections::HashMap;

use app::domain::case::{delayed_subject_access, CaseEventKind};
use app::domain::staff::StaffMember;
use app::i18n::{has, t};
use app::server_fns::case::{
    CaseWorkspace, DocumentView, FlagView, InstanceView, MessageAttachment, MessageView,
    TimelineEntry, WorkItemView,
};
use chrono::NaiveDate;
use serde_json::Value;
use sqlx::{AnyConnection, Row};

use super::answers::answer_sections;
use super::{london_ms, london_s, CaseStore};
use crate::db::casework::CaseRow;
use crate::db::CaseStoreError;

/// Who an actor is, in words: a member of staff's name, else `customer`, `reporter`, `system`.
fn who(actor: &str, names: &HashMap<String, String>) -> String {
    if let Some(name) = names.get(actor) {
        return name.clone();
    }
    let key = format!("case.actor.{actor}");
    if has(&key) {
        t(&key)
    } else {
        t("case.actor.staff")
    }
}

/// A detail's value in words: outcome, nature and work item codes by their names, yes/no, text
/// as it is.
fn detail_value(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => {
            for prefix in ["workflow.outcome", "workflow.nature", "case.work.kind"] {
                let key = format!("{prefix}.{text}");
                if has(&key) {
                    return Some(t(&key));
                }
            }
            Some(text.clone())
        }
        Value::Bool(true) => Some(t("case.yes")),
        Value::Bool(false) => Some(t("case.no")),
        Value::Number(number) => Some(number.to_string()),
        Value::Null => None,
        other => Some(other.to_string()),
    }
}

/// An event's details as (label, value) lines, skipping ids.
fn detail_lines(details: &Value) -> Vec<(String, String)> {
    let Some(fields) = details.as_object() else {
        return Vec::new();
    };
    fields
        .iter()
        .filter(|(name, _)| !name.ends_with("_id") && name.as_str() != "id")
        .filter_map(|(name, value)| {
            let key = format!("case.detail.{name}");
            let label = if has(&key) {
                t(&key)
            } else {
                name.replace('_', " ")
            };
            Some((label, detail_value(value)?))
        })
        .collect()
}

fn day(text: &str) -> Result<NaiveDate, CaseStoreError> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| CaseStoreError::Database(sqlx::Error::Decode(format!("date {text:?}").into())))
}

/// The name of the case's officer, if it has one.
fn officer(row: &CaseRow, names: &HashMap<String, String>) -> Option<String> {
    row.record.assigned_to.as_ref().map(|id| {
        names
            .get(id)
            .cloned()
            .unwrap_or_else(|| t("case.actor.staff"))
    })
}

impl CaseStore {
    pub(crate) async fn read(
        &self,
        row: &CaseRow,
        staff: &StaffMember,
    ) -> Result<CaseWorkspace, CaseStoreError> {
        // One connection for the whole read: a busy pool's wait is paid once, not once per query,
        // and the read never holds more than one of the pool's connections.
        let mut connection = self.database.pool.acquire().await?;
        let conn: &mut AnyConnection = &mut connection;
        let names = self.staff_names(conn).await?;
        let answers = self.answers(conn, &row.id).await?;
        let records = self.parties_of(conn, &row.id).await?;
        let (parties, similar) = self.party_views(conn, row, &staff.id, records).await?;
        let documents = self.documents(conn, &row.id).await?;
        let flags = self.flags(conn, &row.id).await?;
        let messages = self.messages(conn, &row.id).await?;
        let instances = self.instances(conn, &row.id).await?;
        let timeline = self.timeline(conn, &row.id, &names).await?;
        let work_items = self.work_items(conn, &row.id, &names).await?;
        Ok(CaseWorkspace {
            officer: officer(row, &names),
            queue_name: row.record.work_queue.name(),
            parties,
            documents,
            answers: if row.record.is_restricted() {
                Vec::new()
            } else {
                answer_sections(&answers)
            },
            flags,
            timeline,
            work_items,
            similar,
            messages,
            instances,
            delayed_subject_access: delayed_subject_access(&answers),
            record: row.record.clone(),
        })
    }

    /// The case as a caller is told about it (`CaseWorkspaces::summary`): the record, officer,
    /// queue, parties and timeline, on one connection.
    pub(crate) async fn read_summary(
        &self,
        row: &CaseRow,
    ) -> Result<CaseWorkspace, CaseStoreError> {
        let mut connection = self.database.pool.acquire().await?;
        let conn: &mut AnyConnection = &mut connection;
        let names = self.staff_names(conn).await?;
        let parties = self.party_summaries(self.parties_of(conn, &row.id).await?);
        let timeline = self.timeline(conn, &row.id, &names).await?;
        Ok(CaseWorkspace {
            officer: officer(row, &names),
            queue_name: row.record.work_queue.name(),
            parties,
            documents: Vec::new(),
            answers: Vec::new(),
            flags: Vec::new(),
            timeline,
            work_items: Vec::new(),
            similar: Vec::new(),
            messages: Vec::new(),
            instances: Vec::new(),
            delayed_subject_access: false,
            record: row.record.clone(),
        })
    }

    async fn answers(
        &self,
        conn: &mut AnyConnection,
        case_id: &str,
    ) -> Result<Value, CaseStoreError> {
        let found = sqlx::query(&self.sql("SELECT answers FROM cases WHERE id = $1"))
            .bind(case_id)
            .fetch_one(&mut *conn)
            .await?;
        Ok(serde_json::from_str(&found.try_get::<String, _>("answers")?).unwrap_or(Value::Null))
    }

    async fn documents(
        &self,
        conn: &mut AnyConnection,
        case_id: &str,
    ) -> Result<Vec<DocumentView>, CaseStoreError> {
        let rows = sqlx::query(&self.sql(
            "SELECT id, kind, file_name, file_type, size_bytes FROM documents \
             WHERE case_id = $1 ORDER BY created_at, id",
        ))
        .bind(case_id)
        .fetch_all(&mut *conn)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(DocumentView {
                    id: row.try_get("id")?,
                    kind: row.try_get("kind")?,
                    file_name: row.try_get("file_name")?,
                    file_type: row.try_get("file_type")?,
                    size_bytes: row.try_get("size_bytes")?,
                })
            })
            .collect()
    }

    async fn flags(
        &self,
        conn: &mut AnyConnection,
        case_id: &str,
    ) -> Result<Vec<FlagView>, CaseStoreError> {
        let rows = sqlx::query(&self.sql(
            "SELECT kind, reason, cleared_at, cleared_reason FROM sift_flags \
             WHERE case_id = $1 ORDER BY kind",
        ))
        .bind(case_id)
        .fetch_all(&mut *conn)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(FlagView {
                    kind: row.try_get("kind")?,
                    reason: row.try_get("reason")?,
                    cleared_at: row.try_get::<Option<i64>, _>("cleared_at")?.map(london_s),
                    cleared_reason: row.try_get("cleared_reason")?,
                })
            })
            .collect()
    }

    async fn timeline(
        &self,
        conn: &mut AnyConnection,
        case_id: &str,
        names: &HashMap<String, String>,
    ) -> Result<Vec<TimelineEntry>, CaseStoreError> {
        let rows = sqlx::query(&self.sql(
            "SELECT at, actor, kind, details FROM case_events WHERE case_id = $1 ORDER BY at, id",
        ))
        .bind(case_id)
        .fetch_all(&mut *conn)
        .await?;
        rows.iter()
            .map(|row| {
                let kind: String = row.try_get("kind")?;
                let details: String = row.try_get("details")?;
                let details: Value = serde_json::from_str(&details).unwrap_or(Value::Null);
                let label = CaseEventKind::from_code(&kind)
                    .map(|kind| t(&kind.label_key()))
                    .unwrap_or_else(|| kind.clone());
                Ok(TimelineEntry {
                    at: london_ms(row.try_get("at")?),
                    who: who(&row.try_get::<String, _>("actor")?, names),
                    details: detail_lines(&details),
                    kind: label,
                    code: kind,
                })
            })
            .collect()
    }

    pub(crate) async fn work_items(
        &self,
        conn: &mut AnyConnection,
        case_id: &str,
        names: &HashMap<String, String>,
    ) -> Result<Vec<WorkItemView>, CaseStoreError> {
        let rows = sqlx::query(&self.sql(
            "SELECT id, kind, queue, due_on, completed_at, completed_by, note FROM work_items \
             WHERE case_id = $1 ORDER BY created_at, id",
        ))
        .bind(case_id)
        .fetch_all(&mut *conn)
        .await?;
        rows.iter()
            .map(|row| {
                let queue: String = row.try_get("queue")?;
                let queue = crate::db::from_code::<app::domain::case::WorkQueue>(&queue)
                    .map(|queue| queue.name())
                    .unwrap_or(queue);
                Ok(WorkItemView {
                    id: row.try_get("id")?,
                    kind: row.try_get("kind")?,
                    queue,
                    due_on: day(&row.try_get::<String, _>("due_on")?)?,
                    completed_at: row.try_get::<Option<i64>, _>("completed_at")?.map(london_s),
                    completed_by: row
                        .try_get::<Option<String>, _>("completed_by")?
                        .map(|id| who(&id, names)),
                    note: row.try_get("note")?,
                })
            })
            .collect()
    }

    async fn messages(
        &self,
        conn: &mut AnyConnection,
        case_id: &str,
    ) -> Result<Vec<MessageView>, CaseStoreError> {
        let rows = sqlx::query(&self.sql(
            "SELECT m.id, m.direction, m.from_address, m.to_address, m.subject, m.body, m.at, \
             m.status, o.sent_at, o.attempts FROM case_messages m \
             LEFT JOIN outbox o ON o.id = m.outbox_id WHERE m.case_id = $1 ORDER BY m.at, m.id",
        ))
        .bind(case_id)
        .fetch_all(&mut *conn)
        .await?;
        let mut attachments = self.message_attachments(conn, case_id).await?;
        rows.iter()
            .map(|row| {
                let id: String = row.try_get("id")?;
                let stored: String = row.try_get("status")?;
                let sent: Option<i64> = row.try_get("sent_at")?;
                let attempts: Option<i64> = row.try_get("attempts")?;
                let status = match (stored.as_str(), sent, attempts) {
                    ("queued", Some(_), _) => "sent".to_owned(),
                    ("queued", None, Some(n)) if n > 0 => "retrying".to_owned(),
                    _ => stored,
                };
                Ok(MessageView {
                    attachments: attachments.remove(&id).unwrap_or_default(),
                    id,
                    direction: row.try_get("direction")?,
                    from: row.try_get("from_address")?,
                    to: row.try_get("to_address")?,
                    subject: row.try_get("subject")?,
                    body: row.try_get("body")?,
                    at: london_ms(row.try_get("at")?),
                    status,
                })
            })
            .collect()
    }

    /// The attachments of the case's emails, by message.
    async fn message_attachments(
        &self,
        conn: &mut AnyConnection,
        case_id: &str,
    ) -> Result<HashMap<String, Vec<MessageAttachment>>, CaseStoreError> {
        let rows = sqlx::query(&self.sql(
            "SELECT a.message_id, a.file_name, a.document_id, a.refused FROM message_attachments a \
             JOIN case_messages m ON m.id = a.message_id WHERE m.case_id = $1 \
             ORDER BY a.message_id, a.position",
        ))
        .bind(case_id)
        .fetch_all(&mut *conn)
        .await?;
        let mut by_message: HashMap<String, Vec<MessageAttachment>> = HashMap::new();
        for row in &rows {
            by_message
                .entry(row.try_get("message_id")?)
                .or_default()
                .push(MessageAttachment {
                    file_name: row.try_get("file_name")?,
                    document_id: row.try_get("document_id")?,
                    refused: row.try_get("refused")?,
                });
        }
        Ok(by_message)
    }

    async fn instances(
        &self,
        conn: &mut AnyConnection,
        case_id: &str,
    ) -> Result<Vec<InstanceView>, CaseStoreError> {
        let rows = sqlx::query(&self.sql(
            "SELECT number, opened_on, closed_on, outcome FROM case_instances \
             WHERE case_id = $1 ORDER BY number",
        ))
        .bind(case_id)
        .fetch_all(&mut *conn)
        .await?;
        rows.iter()
            .map(|row| {
                let closed: Option<String> = row.try_get("closed_on")?;
                Ok(InstanceView {
                    number: u32::try_from(row.try_get::<i64, _>("number")?).unwrap_or(1),
                    opened_on: day(&row.try_get::<String, _>("opened_on")?)?,
                    closed_on: closed.as_deref().map(day).transpose()?,
                    outcome: row.try_get("outcome")?,
                })
            })
            .collect()
    }
}
