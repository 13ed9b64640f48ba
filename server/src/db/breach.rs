//! Breach report drafts, kept server-side until sent or expired, and the emailed links that open
//! one draft (only each token's SHA-256 is stored; a link works once).

use sqlx::Row;

use super::cases::new_id;
use super::{CaseStoreError, Database};

impl Database {
    pub async fn create_breach_draft(
        &self,
        draft: &serde_json::Value,
        now: i64,
        expires_at: i64,
    ) -> Result<String, CaseStoreError> {
        let id = new_id()?;
        sqlx::query(&self.sql(
            "INSERT INTO breach_drafts (id, draft, created_at, updated_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        ))
        .bind(&id)
        .bind(serde_json::to_string(draft)?)
        .bind(now)
        .bind(now)
        .bind(expires_at)
        .execute(&self.writer)
        .await?;
        Ok(id)
    }

    pub async fn load_breach_draft(
        &self,
        id: &str,
        now: i64,
    ) -> Result<Option<serde_json::Value>, CaseStoreError> {
        let row = sqlx::query(
            &self.sql("SELECT draft FROM breach_drafts WHERE id = $1 AND expires_at > $2"),
        )
        .bind(id)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        match row {
            Some(row) => {
                let draft: String = row.try_get("draft")?;
                Ok(Some(serde_json::from_str(&draft)?))
            }
            None => Ok(None),
        }
    }

    pub async fn save_breach_draft(
        &self,
        id: &str,
        draft: &serde_json::Value,
        now: i64,
        expires_at: i64,
    ) -> Result<bool, CaseStoreError> {
        let done = sqlx::query(&self.sql(
            "UPDATE breach_drafts SET draft = $1, updated_at = $2, expires_at = $3 \
             WHERE id = $4 AND expires_at > $5",
        ))
        .bind(serde_json::to_string(draft)?)
        .bind(now)
        .bind(expires_at)
        .bind(id)
        .bind(now)
        .execute(&self.writer)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn delete_breach_draft(&self, id: &str) -> Result<(), CaseStoreError> {
        let mut tx = self.writer.begin().await?;
        sqlx::query(&self.sql("DELETE FROM breach_resume_links WHERE draft_id = $1"))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(&self.sql("DELETE FROM breach_drafts WHERE id = $1"))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records the link and queues the email that carries it, in one transaction.
    pub async fn add_breach_resume_link(
        &self,
        draft_id: &str,
        token_hash: &str,
        expires_at: i64,
        email: &serde_json::Value,
    ) -> Result<(), CaseStoreError> {
        let mut tx = self.writer.begin().await?;
        sqlx::query(&self.sql(
            "INSERT INTO breach_resume_links (token_hash, draft_id, expires_at) VALUES ($1, $2, $3)",
        ))
        .bind(token_hash)
        .bind(draft_id)
        .bind(expires_at)
        .execute(&mut *tx)
        .await?;
        self.queue_message(&mut tx, None, "breach_resume", email)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Uses the link up (one conditional update, so two clicks at once open it once) and
    /// returns its draft, if the link and the draft are both still good.
    pub async fn use_breach_resume_link(
        &self,
        token_hash: &str,
        now: i64,
    ) -> Result<Option<String>, CaseStoreError> {
        let mut tx = self.writer.begin().await?;
        let used = sqlx::query(&self.sql(
            "UPDATE breach_resume_links SET used_at = $1 \
             WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $3",
        ))
        .bind(now)
        .bind(token_hash)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if used.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(None);
        }
        let draft = sqlx::query(&self.sql(
            "SELECT d.id FROM breach_resume_links l JOIN breach_drafts d ON d.id = l.draft_id \
             WHERE l.token_hash = $1 AND d.expires_at > $2",
        ))
        .bind(token_hash)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        tx.commit().await?;
        draft
            .map(|row| row.try_get("id"))
            .transpose()
            .map_err(Into::into)
    }

    pub async fn sweep_breach_drafts(&self, now: i64) -> Result<u64, CaseStoreError> {
        let mut tx = self.writer.begin().await?;
        sqlx::query(&self.sql(
            "DELETE FROM breach_resume_links WHERE draft_id IN \
             (SELECT id FROM breach_drafts WHERE expires_at <= $1)",
        ))
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let deleted = sqlx::query(&self.sql("DELETE FROM breach_drafts WHERE expires_at <= $1"))
            .bind(now)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(deleted.rows_affected())
    }
}
