//! Where an inbound email goes (manual §12, issue 19):
//!
//! - its subject names a case that exists: onto that case (as today);
//! - a mistyped reference: the sift list's correspondence, the intended case suggested;
//! - no reference (or one of no case): when the sender is verified and is a party of an open
//!   case, the sift list's correspondence with that case suggested (staff confirm attaching);
//!   otherwise a new case of miscellaneous correspondence (INF), which intake routes to the sift.
//!
//! A message without a valid reference is acknowledged through the outbox. Its attachments
//! are checked and kept ([`super::attachments`]); on a case each kept one is a case document.
//! The same message (its `Message-ID`) posted twice is stored and acknowledged once.

use std::sync::Arc;

use app::domain::calendar::Calendar;
use app::domain::case::{
    plan_intake, reference_in_subject, CaseEventKind, CaseKind, CaseSettings, IntakeChannel,
    NewCase, SiftInput, SiftText, SubjectReference,
};
use app::ports::Clock;
use serde_json::json;
use sqlx::{Any, Row, Transaction};

use super::attachments::{self, AttachmentLimits, Checked};
use super::InboundEmail;
use crate::case::{new_id, now_ms};
use crate::db::casework::CaseRow;
use crate::db::{CaseStoreError, Database, NewEvent, NewParty, Submission};
use crate::files::{FileStore, FileStoreError};

/// What receiving an email needs: the store, the file store, the limits, and intake's calendar,
/// settings and clock for a new case.
#[derive(Clone)]
pub struct MailIntake {
    pub database: Database,
    pub files: Arc<dyn FileStore>,
    pub limits: AttachmentLimits,
    pub calendar: Arc<Calendar>,
    pub settings: CaseSettings,
    pub clock: Arc<dyn Clock>,
}

/// Why an email could not be stored (nothing of it was, bar attachment files under their
/// content keys; sending it again is safe).
#[derive(Debug, thiserror::Error)]
pub enum ReceiveError {
    #[error("storing the email: {0}")]
    Store(#[from] CaseStoreError),
    #[error("keeping an attachment: {0}")]
    Files(#[from] FileStoreError),
    #[error("planning the new case: {0}")]
    Planning(String),
}

/// Where an incoming email went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Received {
    /// Attached to the case with this reference.
    Attached(String),
    /// Waiting on the sift list's correspondence.
    Sift,
    /// Waiting on the sift list's correspondence, the sender's open case suggested.
    Suggested(String),
    /// A new case (on the sift list) with this reference.
    NewCase(String),
    /// Already received (the same `Message-ID`): nothing stored or sent again.
    Duplicate,
}

/// Stores an incoming email and its attachments (see the module's description).
pub async fn receive_email(
    intake: &MailIntake,
    email: &InboundEmail,
) -> Result<Received, ReceiveError> {
    let database = &intake.database;
    if let Some(message_id) = &email.message_id {
        if already_received(database, message_id).await? {
            return Ok(Received::Duplicate);
        }
    }
    let checked = attachments::check(&email.attachments, &intake.limits);
    attachments::store(intake.files.as_ref(), &email.attachments, &checked).await?;
    let named = match reference_in_subject(&email.subject) {
        SubjectReference::Valid(reference) => database.case_row(reference.as_str()).await?,
        _ => None,
    };
    let mistyped = matches!(
        reference_in_subject(&email.subject),
        SubjectReference::Invalid { .. }
    );
    let (case, received) = match named {
        Some(case) => {
            let reference = case.record.reference.clone();
            (Some(case), Received::Attached(reference))
        }
        None if mistyped => (None, Received::Sift),
        None => match open_case_of_sender(database, email).await? {
            Some(reference) => (None, Received::Suggested(reference)),
            None => {
                let reference = new_case(intake, email).await?;
                let case = database.case_row(&reference).await?;
                (case, Received::NewCase(reference))
            }
        },
    };
    let stored = store_message(intake, email, &checked, case.as_ref(), &received).await;
    match stored {
        Ok(()) => Ok(received),
        Err(CaseStoreError::Database(error))
            if email.message_id.is_some()
                && error
                    .as_database_error()
                    .is_some_and(|db| db.is_unique_violation()) =>
        {
            // The same message, posted at the same moment, was stored first.
            Ok(Received::Duplicate)
        }
        Err(error) => Err(error.into()),
    }
}

/// A message with this `Message-ID` is already stored.
async fn already_received(database: &Database, message_id: &str) -> Result<bool, CaseStoreError> {
    Ok(
        sqlx::query(&database.sql("SELECT id FROM case_messages WHERE rfc_message_id = $1"))
            .bind(message_id)
            .fetch_optional(&database.pool)
            .await?
            .is_some(),
    )
}

/// The most recent open case (not a staff case) one of whose parties has the sender's address,
/// when the receiving server verified the sender.
async fn open_case_of_sender(
    database: &Database,
    email: &InboundEmail,
) -> Result<Option<String>, CaseStoreError> {
    if !email.sender_verified {
        return Ok(None);
    }
    let row = sqlx::query(&database.sql(
        "SELECT c.reference FROM parties p JOIN cases c ON c.id = p.case_id \
         WHERE lower(p.email) = $1 AND c.status = $2 AND c.case_type <> $3 \
         ORDER BY c.created_at DESC, c.reference LIMIT 1",
    ))
    .bind(email.from.trim().to_lowercase())
    .bind("open")
    .bind(CaseKind::Ecs.code())
    .fetch_optional(&database.pool)
    .await?;
    Ok(match row {
        Some(row) => Some(row.try_get("reference")?),
        None => None,
    })
}

/// What intake needs for a new case of correspondence: the sift reads the subject and the text.
fn correspondence_case(email: &InboundEmail) -> NewCase {
    NewCase {
        case_type: CaseKind::Inf,
        channel: IntakeChannel::Api,
        sector: None,
        sift: SiftInput {
            reply_in_welsh: false,
            texts: vec![
                SiftText::named("email_subject", &[], &email.subject),
                SiftText::named("email", &[], &email.body),
            ],
            organisation_name: None,
            customer_is_staff: false,
        },
    }
}

/// A new INF case for the email, its sender the customer, acknowledged with its reference (once
/// per `Message-ID`: intake's idempotency key).
async fn new_case(intake: &MailIntake, email: &InboundEmail) -> Result<String, ReceiveError> {
    let today = intake.clock.today();
    let plan = plan_intake(
        &correspondence_case(email),
        today,
        &intake.calendar,
        &intake.settings,
    )
    .map_err(|error| ReceiveError::Planning(error.to_string()))?;
    let submission = Submission {
        idempotency_key: email
            .message_id
            .as_ref()
            .map(|id| format!("email:{}", id.chars().take(200).collect::<String>())),
        // The channel codes are the intake's (web, phone, api): the mail pipe is an API caller.
        channel: IntakeChannel::Api.code(),
        created_on: today,
        organisation_name: None,
        sector: None,
        answers: json!({ "email": { "subject": email.subject, "from": email.from } }),
        parties: vec![NewParty {
            role: "customer".to_owned(),
            name: email.from.clone(),
            email: Some(email.from.clone()),
            phone: None,
            details: json!({ "sender_verified": email.sender_verified }),
        }],
        documents: Vec::new(),
        plan,
        acknowledgement: json!({ "to": email.from, "subject": email.subject }),
        message_kind: "email_received",
        events: vec![NewEvent {
            actor: "system".to_owned(),
            kind: "submitted".to_owned(),
            details: json!({ "channel": "email" }),
        }],
        complaint_about: None,
    };
    Ok(intake.database.submit_case(&submission).await?.reference)
}

/// The message, its attachments (as documents when on a case), its event and, for a message
/// without a valid reference that waits on the sift list, its acknowledgement: one transaction.
async fn store_message(
    intake: &MailIntake,
    email: &InboundEmail,
    checked: &[Checked],
    case: Option<&CaseRow>,
    received: &Received,
) -> Result<(), CaseStoreError> {
    let database = &intake.database;
    let id = new_id()?;
    let at = now_ms();
    let suggested = match received {
        Received::Suggested(reference) => Some(reference.as_str()),
        _ => None,
    };
    let mut tx = database.writer.begin().await?;
    sqlx::query(&database.sql(
        "INSERT INTO case_messages (id, case_id, direction, from_address, to_address, subject, \
         body, at, status, rfc_message_id, suggested_reference) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    ))
    .bind(&id)
    .bind(case.map(|case| case.id.as_str()))
    .bind("in")
    .bind(&email.from)
    .bind(&email.to)
    .bind(&email.subject)
    .bind(&email.body)
    .bind(at)
    .bind(match (case, email.sender_verified) {
        (None, _) => "unattached",
        (Some(_), true) => "attached",
        (Some(_), false) => "unverified",
    })
    .bind(email.message_id.as_deref())
    .bind(suggested)
    .execute(&mut *tx)
    .await?;
    insert_attachments(database, &mut tx, &id, checked, at).await?;
    if let Some(case) = case {
        attachments_to_documents(database, &mut tx, &id, &case.id).await?;
        let actor = if email.sender_verified {
            super::sender_role(database, &case.id, &email.from).await?
        } else {
            "unverified".to_owned()
        };
        let event = NewEvent {
            actor,
            kind: CaseEventKind::EmailReceived.code().to_owned(),
            details: json!({ "message_id": id }),
        };
        database.insert_event(&mut tx, &case.id, &event, at).await?;
    }
    if matches!(received, Received::Sift | Received::Suggested(_)) {
        let payload = json!({ "to": email.from, "subject": email.subject });
        database
            .queue_message(&mut tx, None, "email_received", &payload)
            .await?;
    }
    tx.commit().await?;
    Ok(())
}

async fn insert_attachments(
    database: &Database,
    tx: &mut Transaction<'static, Any>,
    message_id: &str,
    checked: &[Checked],
    at: i64,
) -> Result<(), CaseStoreError> {
    for (position, checked) in checked.iter().enumerate() {
        let (name, file_type, size, key, refused) = match checked {
            Checked::Kept {
                name,
                file_type,
                size,
                key,
            } => (
                name,
                Some(file_type.code()),
                *size,
                Some(key.as_str()),
                None,
            ),
            Checked::Refused { name, size, reason } => (name, None, *size, None, Some(*reason)),
        };
        sqlx::query(&database.sql(
            "INSERT INTO message_attachments (id, message_id, position, file_name, file_type, \
             size_bytes, storage_key, refused, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        ))
        .bind(new_id()?)
        .bind(message_id)
        .bind(i64::try_from(position).unwrap_or(i64::MAX))
        .bind(name)
        .bind(file_type)
        .bind(i64::try_from(size).unwrap_or(i64::MAX))
        .bind(key)
        .bind(refused)
        .bind(at)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Makes each kept attachment of the message not yet a document a document of the case (kind
/// `email_attachment`), as uploaded evidence is.
pub(super) async fn attachments_to_documents(
    database: &Database,
    tx: &mut Transaction<'static, Any>,
    message_id: &str,
    case_id: &str,
) -> Result<(), CaseStoreError> {
    let rows = sqlx::query(&database.sql(
        "SELECT id, file_name, file_type, size_bytes, storage_key FROM message_attachments \
         WHERE message_id = $1 AND storage_key IS NOT NULL AND document_id IS NULL \
         ORDER BY position",
    ))
    .bind(message_id)
    .fetch_all(&mut **tx)
    .await?;
    let now = chrono::Utc::now().timestamp();
    for row in rows {
        let document_id = new_id()?;
        sqlx::query(&database.sql(
            "INSERT INTO documents (id, case_id, kind, file_name, file_type, size_bytes, \
             storage_key, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        ))
        .bind(&document_id)
        .bind(case_id)
        .bind("email_attachment")
        .bind(row.try_get::<String, _>("file_name")?)
        .bind(row.try_get::<Option<String>, _>("file_type")?)
        .bind(row.try_get::<i64, _>("size_bytes")?)
        .bind(row.try_get::<Option<String>, _>("storage_key")?)
        .bind(now)
        .execute(&mut **tx)
        .await?;
        sqlx::query(&database.sql("UPDATE message_attachments SET document_id = $1 WHERE id = $2"))
            .bind(&document_id)
            .bind(row.try_get::<String, _>("id")?)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}
