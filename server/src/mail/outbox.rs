//! The outbox worker: sends queued messages with retries. A message is claimed by moving its next
//! attempt into the future, so several portal processes can run the worker side by side.

use std::time::Duration;

use chrono::Utc;
use sqlx::Row;

use super::breach_copy::{breach_copy, BreachCopyPayload};
use super::breach_mail::{follow_up, resume_link, FollowUpPayload, ResumePayload};
use super::case_email::{case_email, CaseEmailPayload};
use super::templates::{acknowledgement, AcknowledgementPayload};
use super::Mailer;
use crate::db::Database;

/// How long a claimed message is left alone before another worker may retry it.
const CLAIM_SECONDS: i64 = 300;
/// Retries back off from 30 seconds, doubling, to at most an hour.
const FIRST_RETRY_SECONDS: i64 = 30;
const MAX_RETRY_SECONDS: i64 = 3600;
/// Messages whose payload is a secret (a link that opens a draft): emptied once sent.
const SECRET_KINDS: &[&str] = &["breach_resume"];

/// Sends every message that is due; returns how many were sent.
pub async fn deliver_due(database: &Database, mailer: &Mailer) -> Result<usize, sqlx::Error> {
    let now = Utc::now().timestamp();
    let due = sqlx::query(&database.sql(
        "SELECT id, kind, payload, attempts, next_attempt_at FROM outbox \
         WHERE sent_at IS NULL AND next_attempt_at <= $1 ORDER BY next_attempt_at LIMIT 20",
    ))
    .bind(now)
    .fetch_all(&database.pool)
    .await?;
    let mut sent = 0;
    for row in due {
        let id: String = row.try_get("id")?;
        let attempts: i64 = row.try_get("attempts")?;
        let planned: i64 = row.try_get("next_attempt_at")?;
        let claimed = sqlx::query(&database.sql(
            "UPDATE outbox SET next_attempt_at = $1 WHERE id = $2 AND next_attempt_at = $3 AND sent_at IS NULL",
        ))
        .bind(now + CLAIM_SECONDS)
        .bind(&id)
        .bind(planned)
        .execute(&database.pool)
        .await?;
        if claimed.rows_affected() != 1 {
            continue; // another worker has it
        }
        let kind: String = row.try_get("kind")?;
        let payload: String = row.try_get("payload")?;
        match send(mailer, &kind, &payload).await {
            Ok(()) => {
                // A sent resume link is not kept: it would open the draft.
                let sql = if SECRET_KINDS.contains(&kind.as_str()) {
                    "UPDATE outbox SET sent_at = $1, attempts = $2, last_error = NULL, payload = '{}' WHERE id = $3"
                } else {
                    "UPDATE outbox SET sent_at = $1, attempts = $2, last_error = NULL WHERE id = $3"
                };
                sqlx::query(&database.sql(sql))
                    .bind(Utc::now().timestamp())
                    .bind(attempts + 1)
                    .bind(&id)
                    .execute(&database.pool)
                    .await?;
                sent += 1;
            }
            Err(error) => {
                let wait = (FIRST_RETRY_SECONDS << attempts.clamp(0, 12)).min(MAX_RETRY_SECONDS);
                tracing::warn!(message = %id, attempts = attempts + 1, "sending failed; will retry");
                sqlx::query(&database.sql(
                    "UPDATE outbox SET attempts = $1, next_attempt_at = $2, last_error = $3 WHERE id = $4",
                ))
                .bind(attempts + 1)
                .bind(Utc::now().timestamp() + wait)
                .bind(error)
                .bind(&id)
                .execute(&database.pool)
                .await?;
            }
        }
    }
    Ok(sent)
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
