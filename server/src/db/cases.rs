//! The cases store: intake writes a case with its parties, sift flags, work items and the
//! acknowledgement in the outbox in one transaction, so nothing is half written; an idempotency
//! key makes a repeated submission (double click, retry) return the first case.

use app::domain::case::{CaseEventKind, IntakePlan, Reference, WorkQueue};
use app::domain::submission::EvidenceFile;
pub use app::ports::CaseReceipt as StoredCase;
use chrono::{NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use sqlx::Row;

use super::Database;

/// A person or organisation on a case, as submitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewParty {
    /// `customer`, `organisation`, `representative`.
    pub role: String,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Everything else about the party (address, contact preferences, adjustments, …).
    pub details: serde_json::Value,
}

/// One submission ready to store.
#[derive(Debug, Clone)]
pub struct Submission {
    pub idempotency_key: Option<String>,
    pub channel: &'static str,
    pub created_on: NaiveDate,
    pub organisation_name: Option<String>,
    pub sector: Option<String>,
    pub answers: serde_json::Value,
    pub parties: Vec<NewParty>,
    pub documents: Vec<EvidenceFile>,
    pub plan: IntakePlan,
    /// The acknowledgement to send, as the mail worker will read it.
    pub acknowledgement: serde_json::Value,
    /// Which message the acknowledgement is (`acknowledgement`, `breach_copy`).
    pub message_kind: &'static str,
    /// Events for the case's history, written with it.
    pub events: Vec<super::NewEvent>,
    /// The earlier case this one is a complaint about (its id), whose timeline is told of it
    /// in the same transaction.
    pub complaint_about: Option<String>,
}

/// Why a case could not be stored.
#[derive(Debug, thiserror::Error)]
pub enum CaseStoreError {
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("encoding: {0}")]
    Encoding(#[from] serde_json::Error),
    #[error("random: {0}")]
    Random(String),
}

pub(super) fn new_id() -> Result<String, CaseStoreError> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|error| CaseStoreError::Random(error.to_string()))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// A code as stored: a JSON string as its text, anything else as JSON.
pub(crate) fn code_of<T: Serialize>(value: &T) -> Result<String, CaseStoreError> {
    let json = serde_json::to_value(value)?;
    Ok(match json {
        serde_json::Value::String(text) => text,
        other => other.to_string(),
    })
}

/// A code as [`code_of`] stored it.
pub(crate) fn from_code<T: serde::de::DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_str(text)
        .or_else(|_| serde_json::from_value(serde_json::Value::String(text.to_owned())))
        .ok()
}

impl Database {
    /// Stores a submission as a new case, or returns the case an identical idempotency key
    /// already made.
    pub async fn submit_case(&self, submission: &Submission) -> Result<StoredCase, CaseStoreError> {
        if let Some(existing) = self
            .case_by_key(submission.idempotency_key.as_deref())
            .await?
        {
            return Ok(existing);
        }
        match self.insert_case(submission).await {
            Ok(stored) => Ok(stored),
            // A concurrent submission with the same key won the race: answer with its case.
            Err(CaseStoreError::Database(error)) if is_unique_violation(&error) => self
                .case_by_key(submission.idempotency_key.as_deref())
                .await?
                .ok_or(CaseStoreError::Database(error)),
            Err(error) => Err(error),
        }
    }

    async fn insert_case(&self, submission: &Submission) -> Result<StoredCase, CaseStoreError> {
        let plan = &submission.plan;
        let now = Utc::now().timestamp();
        let case_id = new_id()?;
        let mut tx = self.writer.begin().await?;
        // The counter update comes first, so SQLite takes its write lock at once.
        let reference = self.next_reference(&mut tx).await?;
        let levels = &plan.service_levels;
        sqlx::query(&self.sql(
            "INSERT INTO cases (id, reference, idempotency_key, case_type, work_queue, priority, \
             channel, status, created_on, assign_by, first_contact_due, contact_promised_by, \
             close_by, organisation_name, sector, answers, created_at, title) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)",
        ))
        .bind(&case_id)
        .bind(reference.as_str())
        .bind(submission.idempotency_key.as_deref())
        .bind(plan.case_type.code())
        .bind(code_of(&plan.work_queue)?)
        .bind(code_of(&plan.priority)?)
        .bind(submission.channel)
        .bind("open")
        .bind(submission.created_on.to_string())
        .bind(levels.assign_by.to_string())
        .bind(levels.first_contact_due.to_string())
        .bind(levels.contact_promised_by.to_string())
        .bind(levels.close_by.to_string())
        .bind(submission.organisation_name.as_deref())
        .bind(submission.sector.as_deref())
        .bind(serde_json::to_string(&submission.answers)?)
        .bind(now)
        .bind(&plan.title)
        .execute(&mut *tx)
        .await?;
        sqlx::query(&self.sql(
            "INSERT INTO case_instances (id, case_id, number, opened_on) VALUES ($1, $2, $3, $4)",
        ))
        .bind(new_id()?)
        .bind(&case_id)
        .bind(1_i64)
        .bind(submission.created_on.to_string())
        .execute(&mut *tx)
        .await?;
        for party in &submission.parties {
            sqlx::query(&self.sql(
                "INSERT INTO parties (id, case_id, role, name, email, phone, details) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            ))
            .bind(new_id()?)
            .bind(&case_id)
            .bind(&party.role)
            .bind(&party.name)
            .bind(party.email.as_deref())
            .bind(party.phone.as_deref())
            .bind(serde_json::to_string(&party.details)?)
            .execute(&mut *tx)
            .await?;
        }
        self.refresh_search_tokens(&mut tx, &case_id).await?;
        for flag in &plan.flags {
            sqlx::query(
                &self.sql(
                    "INSERT INTO sift_flags (id, case_id, kind, reason) VALUES ($1, $2, $3, $4)",
                ),
            )
            .bind(new_id()?)
            .bind(&case_id)
            .bind(flag.kind.code())
            .bind(&flag.reason)
            .execute(&mut *tx)
            .await?;
        }
        self.insert_work_items(&mut tx, &case_id, &plan.work_items, now)
            .await?;
        for document in &submission.documents {
            sqlx::query(&self.sql(
                "INSERT INTO documents (id, case_id, kind, file_name, file_type, size_bytes, \
                 storage_key, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            ))
            .bind(new_id()?)
            .bind(&case_id)
            .bind(document.kind.code())
            .bind(&document.file_name)
            .bind(document.file_type.code())
            .bind(i64::try_from(document.size).unwrap_or(i64::MAX))
            .bind(&document.key)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        let mut acknowledgement = submission.acknowledgement.clone();
        // Track my case: the acknowledgement's one-use link, stored as its token's SHA-256.
        let track_link = acknowledgement.as_object_mut().and_then(|object| {
            let hash = object.remove("track_token_hash")?;
            let expires_at = object.remove("track_expires_at")?;
            Some((hash.as_str()?.to_owned(), expires_at.as_i64()?))
        });
        acknowledgement["reference"] = serde_json::Value::String(reference.as_str().to_owned());
        acknowledgement["contact_promised_by"] =
            serde_json::Value::String(levels.contact_promised_by.to_string());
        // No email address (a caller helped by the helpline): a printed letter acknowledges.
        if acknowledgement["to"]
            .as_str()
            .is_some_and(|to| !to.trim().is_empty())
        {
            self.queue_message(
                &mut tx,
                Some(&case_id),
                submission.message_kind,
                &acknowledgement,
            )
            .await?;
            if let Some((hash, expires_at)) = track_link {
                sqlx::query(&self.sql(
                    "INSERT INTO track_links (token_hash, case_id, expires_at) VALUES ($1, $2, $3)",
                ))
                .bind(hash)
                .bind(&case_id)
                .bind(expires_at)
                .execute(&mut *tx)
                .await?;
            }
        }
        for event in &submission.events {
            self.insert_event(&mut tx, &case_id, event, now * 1000)
                .await?;
        }
        if let Some(original) = &submission.complaint_about {
            let event = super::NewEvent {
                actor: "customer".to_owned(),
                kind: CaseEventKind::ServiceComplaint.code().to_owned(),
                details: serde_json::json!({
                    "service_complaint": reference.as_str(),
                    "case_type": plan.case_type.code(),
                }),
            };
            self.insert_event(&mut tx, original, &event, now * 1000)
                .await?;
        }
        tx.commit().await?;
        Ok(StoredCase {
            reference: reference.as_str().to_owned(),
            case_type: plan.case_type.code().to_owned(),
            work_queue: plan.work_queue.number(),
            priority: code_of(&plan.priority)?,
            flags: plan
                .flags
                .iter()
                .map(|f| f.kind.code().to_owned())
                .collect(),
            assign_by: levels.assign_by,
            first_contact_due: levels.first_contact_due,
            contact_promised_by: levels.contact_promised_by,
            close_by: levels.close_by,
            acknowledged_to: submission.acknowledgement["to"]
                .as_str()
                .filter(|to| !to.trim().is_empty())
                .map(str::to_owned),
            repeated: false,
        })
    }

    /// Inserts a new case's work items, inside `tx`.
    pub(crate) async fn insert_work_items(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
        case_id: &str,
        items: &[app::domain::case::WorkItem],
        now: i64,
    ) -> Result<(), CaseStoreError> {
        for item in items {
            sqlx::query(&self.sql(
                "INSERT INTO work_items (id, case_id, kind, queue, due_on, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            ))
            .bind(new_id()?)
            .bind(case_id)
            .bind(&item.kind)
            .bind(code_of(&item.queue)?)
            .bind(item.due_on.to_string())
            .bind(now)
            .execute(&mut **tx)
            .await?;
        }
        Ok(())
    }

    /// The next case reference, from the counter (inside `tx`, which this makes a writer) and
    /// three random bytes.
    pub(crate) async fn next_reference(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    ) -> Result<Reference, CaseStoreError> {
        let sequence: i64 = sqlx::query(
            &self.sql("UPDATE counters SET value = value + 1 WHERE name = $1 RETURNING value"),
        )
        .bind("case_reference")
        .fetch_one(&mut **tx)
        .await?
        .try_get("value")?;
        let mut random = [0u8; 3];
        getrandom::fill(&mut random).map_err(|error| CaseStoreError::Random(error.to_string()))?;
        Ok(Reference::generate(
            u32::try_from(sequence % 1_000_000).unwrap_or(0),
            random,
        ))
    }

    /// The case an idempotency key made, if any.
    async fn case_by_key(&self, key: Option<&str>) -> Result<Option<StoredCase>, CaseStoreError> {
        let Some(key) = key else {
            return Ok(None);
        };
        let row = sqlx::query(&self.sql(
            "SELECT c.id, c.reference, c.case_type, c.work_queue, c.priority, c.assign_by, \
             c.first_contact_due, c.contact_promised_by, c.close_by, o.payload \
             FROM cases c LEFT JOIN outbox o ON o.case_id = c.id \
             AND o.kind IN ('acknowledgement', 'breach_copy') \
             WHERE c.idempotency_key = $1",
        ))
        .bind(key)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let case_id: String = row.try_get("id")?;
        let flags =
            sqlx::query(&self.sql("SELECT kind FROM sift_flags WHERE case_id = $1 ORDER BY kind"))
                .bind(&case_id)
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(|flag| flag.try_get::<String, _>("kind"))
                .collect::<Result<Vec<_>, _>>()?;
        let queue: String = row.try_get("work_queue")?;
        let queue: Option<WorkQueue> = from_code(&queue);
        Ok(Some(StoredCase {
            reference: row.try_get("reference")?,
            case_type: row.try_get("case_type")?,
            work_queue: queue.and_then(WorkQueue::number),
            priority: row.try_get("priority")?,
            flags,
            assign_by: stored_date(&row, "assign_by")?,
            first_contact_due: stored_date(&row, "first_contact_due")?,
            contact_promised_by: stored_date(&row, "contact_promised_by")?,
            close_by: stored_date(&row, "close_by")?,
            acknowledged_to: row
                .try_get::<Option<String>, _>("payload")?
                .and_then(|payload| serde_json::from_str::<serde_json::Value>(&payload).ok())
                .and_then(|payload| payload["to"].as_str().map(str::to_owned)),
            repeated: true,
        }))
    }

    /// How many cases, parties and outbox messages are stored (for tests and monitoring).
    pub async fn intake_counts(&self) -> Result<(i64, i64, i64), CaseStoreError> {
        let count = |table: &'static str| async move {
            sqlx::query(&format!("SELECT COUNT(*) AS n FROM {table}"))
                .fetch_one(&self.pool)
                .await
                .and_then(|row| row.try_get::<i64, _>("n"))
        };
        Ok((
            count("cases").await?,
            count("parties").await?,
            count("outbox").await?,
        ))
    }
}

impl Database {
    /// How many cases are incomplete: without an acknowledgement in the outbox, a customer or
    /// an organisation party. Always 0 while intake writes in one transaction (an integrity
    /// check for tests and monitoring).
    pub async fn half_case_count(&self) -> Result<i64, CaseStoreError> {
        let sql = "SELECT COUNT(*) AS n FROM cases c WHERE \
            NOT EXISTS (SELECT 1 FROM outbox o WHERE o.case_id = c.id) \
            OR NOT EXISTS (SELECT 1 FROM parties p WHERE p.case_id = c.id AND p.role = 'organisation') \
            OR NOT EXISTS (SELECT 1 FROM parties p WHERE p.case_id = c.id AND p.role = 'customer')";
        Ok(sqlx::query(sql)
            .fetch_one(&self.pool)
            .await?
            .try_get::<i64, _>("n")?)
    }

    /// How many evidence documents are stored (for tests and monitoring).
    pub async fn document_count(&self) -> Result<i64, CaseStoreError> {
        Ok(sqlx::query("SELECT COUNT(*) AS n FROM documents")
            .fetch_one(&self.pool)
            .await?
            .try_get::<i64, _>("n")?)
    }
}

fn stored_date(row: &sqlx::any::AnyRow, column: &str) -> Result<NaiveDate, CaseStoreError> {
    let text: String = row.try_get(column)?;
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|error| {
        CaseStoreError::Database(sqlx::Error::Decode(
            format!("{column} {text:?}: {error}").into(),
        ))
    })
}

pub(crate) fn is_unique_violation(error: &sqlx::Error) -> bool {
    error
        .as_database_error()
        .is_some_and(|db| db.is_unique_violation())
}
