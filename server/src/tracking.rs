//! Track my case (issue 21), the store behind `app::ports::tracking::CaseTracking`: opening a case
//! with its reference and a contact address on it, one-use emailed links, sessions scoped to one
//! case (only the SHA-256 of each token is stored), the facts of the status page, and
//! information added by the person (an event on the case's timeline, a file among its documents,
//! in one transaction).

use app::domain::case::CaseEventKind;
use app::domain::evidence::CaseUploads;
use app::domain::submission::EvidenceFile;
use app::domain::tracking::picked_up_before;
use app::ports::helpline::HelplineResult;
use app::ports::tracking::{CaseTracking, PriorityAsked, TrackFacts, TrackLinkEmail};
use app::ports::StoreError;
use chrono::NaiveDate;
use serde_json::json;
use sqlx::Row;

use crate::auth::sha256_hex;
use crate::case::{london_s, new_id, now_ms, store_error};
use crate::db::casework::{CaseRow, SELECT_CASE_ROW};
use crate::db::{CaseStoreError, Database, NewEvent};

/// The parties whose address may open a case: the person who handed it in.
const CONTACT_ROLES: &str = "('customer', 'representative', 'reporter')";

pub struct TrackingStore {
    pub database: Database,
}

impl TrackingStore {
    fn sql(&self, query: &str) -> String {
        self.database.sql(query)
    }

    /// The id of the case `reference` when `email` is a contact address on it.
    async fn matching_case(
        &self,
        reference: &str,
        email: &str,
    ) -> Result<Option<String>, CaseStoreError> {
        let rows = sqlx::query(&self.sql(&format!(
            "SELECT c.id, p.email FROM cases c JOIN parties p ON p.case_id = c.id \
             WHERE c.reference = $1 AND p.role IN {CONTACT_ROLES} AND p.email IS NOT NULL"
        )))
        .bind(reference)
        .fetch_all(&self.database.pool)
        .await?;
        let wanted = email.trim().to_lowercase();
        for row in &rows {
            let stored: String = row.try_get("email")?;
            if !wanted.is_empty() && stored.trim().to_lowercase() == wanted {
                return Ok(Some(row.try_get("id")?));
            }
        }
        Ok(None)
    }

    async fn start_session(
        &self,
        case_id: &str,
        token: &str,
        expires_at: i64,
    ) -> Result<(), CaseStoreError> {
        sqlx::query(&self.sql(
            "INSERT INTO track_sessions (token_hash, case_id, expires_at) VALUES ($1, $2, $3)",
        ))
        .bind(sha256_hex(token))
        .bind(case_id)
        .bind(expires_at)
        .execute(&self.database.writer)
        .await?;
        Ok(())
    }

    /// The case of a live session.
    async fn session_case(
        &self,
        session: &str,
        now: i64,
    ) -> Result<Option<CaseRow>, CaseStoreError> {
        let row = sqlx::query(&self.sql(&format!(
            "{SELECT_CASE_ROW} WHERE c.id = (SELECT s.case_id FROM track_sessions s \
             WHERE s.token_hash = $1 AND s.expires_at > $2)"
        )))
        .bind(sha256_hex(session))
        .bind(now)
        .fetch_optional(&self.database.pool)
        .await?;
        row.as_ref().map(CaseRow::from_row).transpose()
    }

    async fn read_facts(
        &self,
        session: &str,
        now: i64,
        since: NaiveDate,
    ) -> Result<Option<TrackFacts>, CaseStoreError> {
        let Some(row) = self.session_case(session, now).await? else {
            return Ok(None);
        };
        let sent: Option<i64> = sqlx::query(&self.sql(
            "SELECT MIN(sent_at) AS sent FROM outbox WHERE case_id = $1 \
             AND kind IN ('acknowledgement', 'breach_copy') AND sent_at IS NOT NULL",
        ))
        .bind(&row.id)
        .fetch_one(&self.database.pool)
        .await?
        .try_get("sent")?;
        let queue = crate::db::code_of(&row.record.work_queue)?;
        let created = row.record.created_on.to_string();
        // Ahead: the higher priorities, then the same priority handed in earlier.
        let mut above = Vec::new();
        for priority in picked_up_before(row.record.priority) {
            above.push(format!("'{}'", crate::db::code_of(&priority)?));
        }
        let higher = if above.is_empty() {
            String::new()
        } else {
            format!("priority IN ({}) OR ", above.join(", "))
        };
        let ahead: i64 = sqlx::query(&self.sql(&format!(
            "SELECT COUNT(*) AS ahead FROM cases WHERE work_queue = $1 AND status = 'open' \
             AND assigned_to IS NULL AND sifted_on IS NOT NULL AND ({higher}(priority = $2 \
             AND (created_on < $3 OR (created_on = $4 AND reference < $5))))"
        )))
        .bind(&queue)
        .bind(crate::db::code_of(&row.record.priority)?)
        .bind(&created)
        .bind(&created)
        .bind(&row.record.reference)
        .fetch_one(&self.database.pool)
        .await?
        .try_get("ahead")?;
        let dates = sqlx::query(
            &self
                .sql("SELECT allocated_on FROM cases WHERE work_queue = $1 AND allocated_on >= $2"),
        )
        .bind(&queue)
        .bind(since.to_string())
        .fetch_all(&self.database.pool)
        .await?;
        let allocations = dates
            .iter()
            .filter_map(|row| row.try_get::<String, _>("allocated_on").ok())
            .filter_map(|text| NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok())
            .collect();
        Ok(Some(TrackFacts {
            record: row.record,
            acknowledged: sent.map(|seconds| london_s(seconds).date()),
            ahead: u32::try_from(ahead).unwrap_or(0),
            allocations,
        }))
    }

    async fn case_uploads(
        &self,
        session: &str,
        now: i64,
    ) -> Result<Option<CaseUploads>, CaseStoreError> {
        let Some(row) = self.session_case(session, now).await? else {
            return Ok(None);
        };
        let totals = sqlx::query(&self.sql(
            "SELECT COUNT(*) AS files, CAST(COALESCE(SUM(size_bytes), 0) AS BIGINT) AS bytes \
             FROM documents \
             WHERE case_id = $1 AND kind <> 'email_attachment'",
        ))
        .bind(&row.id)
        .fetch_one(&self.database.pool)
        .await?;
        let files: i64 = totals.try_get("files")?;
        let bytes: i64 = totals.try_get("bytes")?;
        Ok(Some(CaseUploads {
            files: usize::try_from(files).unwrap_or(usize::MAX),
            bytes: u64::try_from(bytes).unwrap_or(0),
        }))
    }

    async fn add(
        &self,
        session: &str,
        now: i64,
        text: &str,
        file: Option<EvidenceFile>,
    ) -> Result<bool, CaseStoreError> {
        let Some(row) = self.session_case(session, now).await? else {
            return Ok(false);
        };
        let at = now_ms();
        let mut tx = self.database.writer.begin().await?;
        if let Some(file) = &file {
            sqlx::query(&self.sql(
                "INSERT INTO documents (id, case_id, kind, file_name, file_type, size_bytes, \
                 storage_key, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            ))
            .bind(new_id()?)
            .bind(&row.id)
            .bind(file.kind.code())
            .bind(&file.file_name)
            .bind(file.file_type.code())
            .bind(i64::try_from(file.size).unwrap_or(i64::MAX))
            .bind(&file.key)
            .bind(at / 1000)
            .execute(&mut *tx)
            .await?;
        }
        let mut details = json!({ "text": text });
        if let Some(file) = &file {
            details["document"] = json!(file.file_name);
        }
        let event = NewEvent {
            actor: "customer".to_owned(),
            kind: CaseEventKind::InformationAdded.code().to_owned(),
            details,
        };
        self.database
            .insert_event(&mut tx, &row.id, &event, at)
            .await?;
        tx.commit().await?;
        Ok(true)
    }
}

#[async_trait::async_trait]
impl CaseTracking for TrackingStore {
    async fn open(
        &self,
        reference: &str,
        email: &str,
        token: &str,
        expires_at: i64,
    ) -> Result<bool, StoreError> {
        let Some(case_id) = self
            .matching_case(reference, email)
            .await
            .map_err(store_error)?
        else {
            return Ok(false);
        };
        self.start_session(&case_id, token, expires_at)
            .await
            .map_err(store_error)?;
        Ok(true)
    }

    async fn email_link(
        &self,
        reference: &str,
        email: &str,
        token: &str,
        message: &TrackLinkEmail,
    ) -> Result<(), StoreError> {
        let work = async {
            let Some(case_id) = self.matching_case(reference, email).await? else {
                return Ok(());
            };
            let mut tx = self.database.writer.begin().await?;
            sqlx::query(&self.sql(
                "INSERT INTO track_links (token_hash, case_id, expires_at) VALUES ($1, $2, $3)",
            ))
            .bind(sha256_hex(token))
            .bind(&case_id)
            .bind(message.expires_at)
            .execute(&mut *tx)
            .await?;
            let payload = json!({
                "to": email.trim(),
                "reference": reference,
                "link": format!("{}{token}", message.link_base),
                "expires_at": message.expires_at,
                "link_hours": message.link_hours,
                "reply_in_welsh": message.reply_in_welsh,
            });
            self.database
                .queue_message(&mut tx, Some(&case_id), "track_link", &payload)
                .await?;
            tx.commit().await?;
            Ok::<(), CaseStoreError>(())
        };
        work.await.map_err(store_error)
    }

    async fn use_link(
        &self,
        token: &str,
        now: i64,
        session: &str,
        session_expires_at: i64,
    ) -> Result<bool, StoreError> {
        let work = async {
            let mut tx = self.database.writer.begin().await?;
            let hash = sha256_hex(token);
            let used = sqlx::query(&self.sql(
                "UPDATE track_links SET used_at = $1 \
                 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $3",
            ))
            .bind(now)
            .bind(&hash)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            if used.rows_affected() != 1 {
                tx.rollback().await?;
                return Ok(false);
            }
            sqlx::query(&self.sql(
                "INSERT INTO track_sessions (token_hash, case_id, expires_at) \
                 SELECT $1, case_id, $2 FROM track_links WHERE token_hash = $3",
            ))
            .bind(sha256_hex(session))
            .bind(session_expires_at)
            .bind(&hash)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok::<bool, CaseStoreError>(true)
        };
        work.await.map_err(store_error)
    }

    async fn facts(
        &self,
        session: &str,
        now: i64,
        allocations_since: NaiveDate,
    ) -> Result<Option<TrackFacts>, StoreError> {
        self.read_facts(session, now, allocations_since)
            .await
            .map_err(store_error)
    }

    async fn uploads(&self, session: &str, now: i64) -> Result<Option<CaseUploads>, StoreError> {
        self.case_uploads(session, now).await.map_err(store_error)
    }

    async fn add_information(
        &self,
        session: &str,
        now: i64,
        text: &str,
        file: Option<EvidenceFile>,
    ) -> Result<bool, StoreError> {
        self.add(session, now, text, file)
            .await
            .map_err(store_error)
    }

    async fn request_priority(
        &self,
        session: &str,
        now: i64,
        reasons: &str,
    ) -> Result<PriorityAsked, StoreError> {
        let work = async {
            let Some(row) = self.session_case(session, now).await? else {
                return Ok(PriorityAsked::NoSession);
            };
            let helpline = crate::db::helpline::HelplineStore {
                database: self.database.clone(),
            };
            Ok::<PriorityAsked, CaseStoreError>(
                match helpline.ask_priority_for(&row, None, reasons).await? {
                    HelplineResult::Done => PriorityAsked::Recorded,
                    HelplineResult::NotFound => PriorityAsked::NoSession,
                    HelplineResult::Refused(_) => PriorityAsked::NoManager,
                },
            )
        };
        work.await.map_err(store_error)
    }
}
