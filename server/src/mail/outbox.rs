//! The outbox worker: sends queued messages with retries. A message is claimed by moving its next
//! attempt into the future, so several portal processes can run the worker side by side.

use std::time::Duration;

use chrono::Utc;
use sqlx::Row;

use super::breach_copy::{breach_copy, BreachCopyPayload};
use super::breach_mail::{follow_up, resume_link, FollowUpPayload, ResumePayload};
use super::case_email::{case_email, CaseEmailPayload};
use super::email_received::{email_received, EmailReceivedPayload};
use super::templates::{acknowledgement, AcknowledgementPayload};
use super::Mailer;
use crate::db::Database;

/// How long a claimed message is left alone before another worker may retry it: longer than a
/// batch can take (two rounds of [`SENDING_AT_ONCE`] sends, each bounded by the SMTP timeout),
/// and short enough that a message a crash interrupted goes again within a minute.
const CLAIM_SECONDS: i64 = 50;
/// How many due messages one claim takes.
const BATCH: i64 = 32;
/// How many of a batch are sent side by side (the SMTP transport pools its connections).
const SENDING_AT_ONCE: usize = 16;
/// Retries back off from 30 seconds, doubling, to at most an hour.
const FIRST_RETRY_SECONDS: i64 = 30;
const MAX_RETRY_SECONDS: i64 = 3600;
/// Messages whose payload is a secret (a link that opens a draft): emptied once sent.
const SECRET_KINDS: &[&str] = &["breach_resume", "track_link"];

/// A claimed message.
struct Claimed {
    id: String,
    kind: String,
    payload: String,
    attempts: i64,
}

/// Sends every message that is due, a batch at a time until none is left; returns how many
/// were sent.
pub async fn deliver_due(database: &Database, mailer: &Mailer) -> Result<usize, sqlx::Error> {
    let mut sent = 0;
    loop {
        let batch = claim(database).await?;
        let full = batch.len() as i64 == BATCH;
        sent += deliver(database, mailer, batch).await?;
        if !full {
            return Ok(sent);
        }
    }
}

/// Claims up to [`BATCH`] due messages by moving their next attempt into the future, in one
/// statement: a message another worker claimed meanwhile is no longer due, so it is not taken.
async fn claim(database: &Database) -> Result<Vec<Claimed>, sqlx::Error> {
    let now = Utc::now().timestamp();
    let rows = sqlx::query(&database.sql(
        "UPDATE outbox SET next_attempt_at = $1 \
         WHERE sent_at IS NULL AND next_attempt_at <= $2 AND id IN (\
           SELECT id FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= $3 \
           ORDER BY next_attempt_at LIMIT $4) \
         RETURNING id, kind, payload, attempts",
    ))
    .bind(now + CLAIM_SECONDS)
    .bind(now)
    .bind(now)
    .bind(BATCH)
    .fetch_all(&database.writer)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(Claimed {
                id: row.try_get("id")?,
                kind: row.try_get("kind")?,
                payload: row.try_get("payload")?,
                attempts: row.try_get("attempts")?,
            })
        })
        .collect()
}

/// Sends a claimed batch side by side, then records every result in one transaction.
async fn deliver(
    database: &Database,
    mailer: &Mailer,
    batch: Vec<Claimed>,
) -> Result<usize, sqlx::Error> {
    use futures_util::StreamExt;
    if batch.is_empty() {
        return Ok(0);
    }
    let results: Vec<(Claimed, Result<(), String>)> = futures_util::stream::iter(batch)
        .map(|message| async move {
            let result = send(mailer, &message.kind, &message.payload).await;
            (message, result)
        })
        .buffer_unordered(SENDING_AT_ONCE)
        .collect()
        .await;
    let now = Utc::now().timestamp();
    let mut sent = 0;
    let mut tx = database.writer.begin().await?;
    for (message, result) in results {
        match result {
            Ok(()) => {
                // A sent resume link is not kept: it would open the draft.
                let sql = if SECRET_KINDS.contains(&message.kind.as_str()) {
                    "UPDATE outbox SET sent_at = $1, attempts = $2, last_error = NULL, payload = '{}' WHERE id = $3"
                } else {
                    "UPDATE outbox SET sent_at = $1, attempts = $2, last_error = NULL WHERE id = $3"
                };
                sqlx::query(&database.sql(sql))
                    .bind(now)
                    .bind(message.attempts + 1)
                    .bind(&message.id)
                    .execute(&mut *tx)
                    .await?;
                // Nor is an acknowledgement's "follow your case" link: it would open the case.
                if let Some(payload) = without_track_link(&message.payload) {
                    sqlx::query(&database.sql("UPDATE outbox SET payload = $1 WHERE id = $2"))
                        .bind(payload)
                        .bind(&message.id)
                        .execute(&mut *tx)
                        .await?;
                }
                sent += 1;
            }
            Err(error) => {
                let wait =
                    (FIRST_RETRY_SECONDS << message.attempts.clamp(0, 12)).min(MAX_RETRY_SECONDS);
                tracing::warn!(message = %message.id, attempts = message.attempts + 1, "sending failed; will retry");
                sqlx::query(&database.sql(
                    "UPDATE outbox SET attempts = $1, next_attempt_at = $2, last_error = $3 WHERE id = $4",
                ))
                .bind(message.attempts + 1)
                .bind(now + wait)
                .bind(error)
                .bind(&message.id)
                .execute(&mut *tx)
                .await?;
            }
        }
    }
    tx.commit().await?;
    Ok(sent)
}

/// The payload without its `track_link` (Track my case), when it has one.
fn without_track_link(payload: &str) -> Option<String> {
    let mut value: serde_json::Value = serde_json::from_str(payload).ok()?;
    value.as_object_mut()?.remove("track_link")?;
    Some(value.to_string())
}

async fn send(mailer: &Mailer, kind: &str, payload: &str) -> Result<(), String> {
    let message = match kind {
        "acknowledgement" => {
            let payload: AcknowledgementPayload =
                serde_json::from_str(payload).map_err(|error| format!("payload: {error}"))?;
            acknowledgement(mailer.from(), &payload)?
        }
        "breach_copy" => {
            let payload: BreachCopyPayload =
                serde_json::from_str(payload).map_err(|error| format!("payload: {error}"))?;
            breach_copy(mailer.from(), &payload)?
        }
        "breach_resume" => {
            let payload: ResumePayload =
                serde_json::from_str(payload).map_err(|error| format!("payload: {error}"))?;
            resume_link(mailer.from(), &payload)?
        }
        "track_link" => {
            let payload: super::track_mail::TrackLinkPayload =
                serde_json::from_str(payload).map_err(|error| format!("payload: {error}"))?;
            super::track_mail::track_link(mailer.from(), &payload)?
        }
        "breach_follow_up" => {
            let payload: FollowUpPayload =
                serde_json::from_str(payload).map_err(|error| format!("payload: {error}"))?;
            follow_up(mailer.from(), &payload)?
        }
        "case_email" => {
            let payload: CaseEmailPayload =
                serde_json::from_str(payload).map_err(|error| format!("payload: {error}"))?;
            case_email(mailer.from(), &payload)?
        }
        "email_received" => {
            let payload: EmailReceivedPayload =
                serde_json::from_str(payload).map_err(|error| format!("payload: {error}"))?;
            email_received(mailer.from(), &payload)?
        }
        other => return Err(format!("unknown message kind {other}")),
    };
    mailer.send(message).await
}

/// Runs the worker until the process stops, checking every `every`.
pub fn run_outbox_worker(database: Database, mailer: Mailer, every: Duration) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        loop {
            tick.tick().await;
            if let Err(error) = deliver_due(&database, &mailer).await {
                tracing::warn!(error = %error, "outbox worker");
            }
        }
    });
}
