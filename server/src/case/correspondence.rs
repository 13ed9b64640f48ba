//! Correspondence through the system (manual §12): an email to a party is queued in the outbox
//! and kept on the case; an email in is attached to the case its subject's `[Ref. …]` names, or
//! waits on the sift list's correspondence until the Advice Service attaches it, or becomes a new
//! case ([`receive`]); its attachments are kept as case documents or refused ([`attachments`]).
//! An email in is
//! from a party only when the receiving mail server authenticated its sender
//! ([`authentication_results`]); otherwise it is kept as from an unverified sender.

pub mod attachments;
pub mod authentication_results;
mod receive;

pub use attachments::{AttachmentLimits, InboundAttachment};
pub use receive::{receive_email, MailIntake, ReceiveError, Received};

use std::collections::HashMap;

use app::domain::case::{reference_in_subject, CaseEventKind, SubjectReference};
use app::domain::staff::StaffMember;
use app::ports::case::{ChangeResult, OutgoingEmail};
use app::server_fns::case::{with_sign_off, InboxMessage, MessageAttachment};
use serde_json::json;
use sqlx::Row;

use super::{london_ms, new_id, now_ms, refused, works_case, CaseStore};
use crate::db::casework::CaseRow;
use crate::db::{CaseStoreError, Database};

/// The most text kept of an incoming email's body.
const MAX_BODY_CHARS: usize = 50_000;

/// An email read from a raw RFC 822 message; its sender must be an email address.
#[derive(Debug, Clone, PartialEq, Eq, validator::Validate)]
pub struct InboundEmail {
    #[validate(email)]
    pub from: String,
    pub to: String,
    pub subject: String,
    pub body: String,
    /// The receiving mail server authenticated the `From` domain (`Authentication-Results`).
    pub sender_verified: bool,
    /// The `Message-ID` (without its angle brackets), when there is one.
    pub message_id: Option<String>,
    /// The attachments, in order (a nested message as its raw bytes).
    pub attachments: Vec<InboundAttachment>,
}

impl InboundEmail {
    /// Reads a raw message (multipart, quoted-printable and base64 parts decoded); `None` when
    /// it is not a message (no sender address). The sender is verified only by the
    /// `Authentication-Results` of the receiving server `authserv_id` (none configured: never).
    pub fn parse(raw: &[u8], authserv_id: Option<&str>) -> Option<InboundEmail> {
        let message = mail_parser::MessageParser::default().parse(raw)?;
        let address = |list: Option<&mail_parser::Address<'_>>| {
            list.and_then(|list| list.first())
                .and_then(|addr| addr.address())
                .map(str::to_owned)
        };
        let from = address(message.from())?;
        let sender_verified = authserv_id.is_some_and(|id| {
            let headers = message
                .headers_raw()
                .filter(|(name, _)| name.eq_ignore_ascii_case("Authentication-Results"))
                .map(|(_, value)| value);
            authentication_results::sender_verified(headers, id, &from)
        });
        let body = message
            .body_text(0)
            .map(|text| text.chars().take(MAX_BODY_CHARS).collect())
            .unwrap_or_default();
        let email = InboundEmail {
            from,
            to: address(message.to()).unwrap_or_default(),
            subject: message
                .subject()
                .unwrap_or_default()
                .chars()
                .take(500)
                .collect(),
            body,
            sender_verified,
            message_id: message
                .message_id()
                .map(|id| id.chars().take(500).collect::<String>())
                .filter(|id| !id.trim().is_empty()),
            attachments: attachments::read(&message),
        };
        validator::Validate::validate(&email).ok()?;
        Some(email)
    }
}

/// The role of the party on the case with this address (`customer`, …), else `system`.
async fn sender_role(
    database: &Database,
    case_id: &str,
    from: &str,
) -> Result<String, CaseStoreError> {
    let row = sqlx::query(&database.sql(
        "SELECT role FROM parties WHERE case_id = $1 AND lower(email) = $2 ORDER BY id LIMIT 1",
    ))
    .bind(case_id)
    .bind(from.trim().to_lowercase())
    .fetch_optional(&database.pool)
    .await?;
    Ok(match row {
        Some(row) => row.try_get("role")?,
        None => "system".to_owned(),
    })
}

impl CaseStore {
    /// Queues an email to a party (with the officer's sign-off), keeps it on the case and keeps
    /// the sign-off for next time.
    pub(crate) async fn send_email(
        &self,
        row: &CaseRow,
        staff: &StaffMember,
        email: &OutgoingEmail,
    ) -> Result<ChangeResult, CaseStoreError> {
        if !works_case(row, staff) {
            return Ok(refused("party", "case.email.error.not_officer"));
        }
        let parties = {
            let mut connection = self.database.pool.acquire().await?;
            self.parties_of(&mut connection, &row.id).await?
        };
        let Some((party, _)) = parties.iter().find(|(party, _)| party.id == email.party_id) else {
            return Ok(refused("party", "case.email.error.party"));
        };
        let Some(to) = party.email.clone() else {
            return Ok(refused("party", "case.email.error.no_address"));
        };
        let body = with_sign_off(
            &email.body,
            &staff.name,
            &email.job_title,
            &email.direct_dial,
        );
        let now = chrono::Utc::now().timestamp();
        let outbox_id = new_id()?;
        let message_id = new_id()?;
        let mut tx = self.database.writer.begin().await?;
        let payload = json!({
            "to": to,
            "name": party.name,
            "subject": email.subject,
            "body": body,
            "reference": row.record.reference,
        });
        sqlx::query(&self.sql(
            "INSERT INTO outbox (id, case_id, kind, payload, created_at, attempts, next_attempt_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        ))
        .bind(&outbox_id)
        .bind(&row.id)
        .bind("case_email")
        .bind(payload.to_string())
        .bind(now)
        .bind(0_i64)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        sqlx::query(&self.sql(
            "INSERT INTO case_messages (id, case_id, direction, party_id, from_address, \
             to_address, subject, body, at, status, outbox_id, sent_by) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        ))
        .bind(&message_id)
        .bind(&row.id)
        .bind("out")
        .bind(&party.id)
        .bind(&self.mail_from)
        .bind(&to)
        .bind(&email.subject)
        .bind(&body)
        .bind(now_ms())
        .bind("queued")
        .bind(&outbox_id)
        .bind(&staff.id)
        .execute(&mut *tx)
        .await?;
        sqlx::query(&self.sql("DELETE FROM staff_sign_offs WHERE staff_id = $1"))
            .bind(&staff.id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(&self.sql(
            "INSERT INTO staff_sign_offs (staff_id, job_title, direct_dial) VALUES ($1, $2, $3)",
        ))
        .bind(&staff.id)
        .bind(&email.job_title)
        .bind(&email.direct_dial)
        .execute(&mut *tx)
        .await?;
        let details = json!({ "message_id": message_id, "to_role": party.role });
        self.record(
            &mut tx,
            &row.id,
            &staff.id,
            CaseEventKind::EmailSent,
            details,
        )
        .await?;
        tx.commit().await?;
        Ok(ChangeResult::Done)
    }

    /// Emails waiting on the sift list, oldest first, with what their subject's reference said.
    pub(crate) async fn waiting_messages(&self) -> Result<Vec<InboxMessage>, CaseStoreError> {
        let rows = sqlx::query(&self.sql(
            "SELECT id, from_address, subject, body, at, suggested_reference FROM case_messages \
             WHERE status = $1 ORDER BY at, id LIMIT 200",
        ))
        .bind("unattached")
        .fetch_all(&self.database.pool)
        .await?;
        let mut attachments = self.waiting_attachments().await?;
        rows.iter()
            .map(|row| {
                let subject: String = row.try_get("subject")?;
                let (typed_reference, mut suggestions) = match reference_in_subject(&subject) {
                    SubjectReference::Missing => (None, Vec::new()),
                    SubjectReference::Valid(reference) => {
                        (Some(reference.as_str().to_owned()), Vec::new())
                    }
                    SubjectReference::Invalid { typed, suggestions } => (
                        Some(typed),
                        suggestions.iter().map(|r| r.as_str().to_owned()).collect(),
                    ),
                };
                // The open case of the sender's address, found when it arrived.
                let suggested: Option<String> = row.try_get("suggested_reference")?;
                if let Some(reference) = suggested.filter(|r| !suggestions.contains(r)) {
                    suggestions.push(reference);
                }
                let id: String = row.try_get("id")?;
                Ok(InboxMessage {
                    attachments: attachments.remove(&id).unwrap_or_default(),
                    id,
                    from: row.try_get("from_address")?,
                    body: row.try_get("body")?,
                    at: london_ms(row.try_get("at")?),
                    subject,
                    typed_reference,
                    suggestions,
                })
            })
            .collect()
    }

    /// The attachments of the emails waiting on the sift list, by message.
    async fn waiting_attachments(
        &self,
    ) -> Result<HashMap<String, Vec<MessageAttachment>>, CaseStoreError> {
        let rows = sqlx::query(&self.sql(
            "SELECT a.message_id, a.file_name, a.refused FROM message_attachments a \
             JOIN case_messages m ON m.id = a.message_id WHERE m.status = $1 \
             ORDER BY a.message_id, a.position",
        ))
        .bind("unattached")
        .fetch_all(&self.database.pool)
        .await?;
        let mut by_message: HashMap<String, Vec<MessageAttachment>> = HashMap::new();
        for row in &rows {
            by_message
                .entry(row.try_get("message_id")?)
                .or_default()
                .push(MessageAttachment {
                    file_name: row.try_get("file_name")?,
                    document_id: None,
                    refused: row.try_get("refused")?,
                });
        }
        Ok(by_message)
    }

    /// Attaches a waiting email to the case (event `email_received`, audit).
    pub(crate) async fn attach_message(
        &self,
        message_id: &str,
        reference: &str,
        staff: &StaffMember,
    ) -> Result<bool, CaseStoreError> {
        let Some(row) = self.visible_case(reference, staff).await? else {
            return Ok(false);
        };
        let mut tx = self.database.writer.begin().await?;
        let attached = sqlx::query(&self.sql(
            "UPDATE case_messages SET case_id = $1, status = $2, attached_at = $3, attached_by = $4 \
             WHERE id = $5 AND status = $6",
        ))
        .bind(&row.id)
        .bind("attached")
        .bind(now_ms())
        .bind(&staff.id)
        .bind(message_id)
        .bind("unattached")
        .execute(&mut *tx)
        .await?;
        if attached.rows_affected() != 1 {
            return Ok(false);
        }
        receive::attachments_to_documents(&self.database, &mut tx, message_id, &row.id).await?;
        let details = json!({ "message_id": message_id, "attached_from": "sift" });
        self.record(
            &mut tx,
            &row.id,
            &staff.id,
            CaseEventKind::EmailReceived,
            details,
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::InboundEmail;

    #[test]
    fn a_message_needs_a_sender_address_and_is_verified_only_by_our_server() {
        let raw = |from: &str, results: &str| {
            format!("{results}From: {from}\r\nSubject: Hi\r\n\r\nHello\r\n").into_bytes()
        };
        assert_eq!(InboundEmail::parse(&raw("not an address", ""), None), None);
        assert_eq!(InboundEmail::parse(&raw("<@>", ""), None), None);
        let pass = "Authentication-Results: mx.ico.example; dmarc=pass header.from=example.org\r\n";
        let email = InboundEmail::parse(&raw("a@example.org", pass), None);
        assert_eq!(
            email.map(|e| e.sender_verified),
            Some(false),
            "no server trusted"
        );
        let email = InboundEmail::parse(&raw("a@example.org", pass), Some("mx.ico.example"));
        assert_eq!(email.map(|e| e.sender_verified), Some(true));
        let email = InboundEmail::parse(&raw("a@example.org", ""), Some("mx.ico.example"));
        assert_eq!(email.map(|e| e.sender_verified), Some(false));
    }
}
