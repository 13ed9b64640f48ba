//! Keeping `search_tokens` (migration 80) in step with parties: every writer of a party's name
//! calls [`Database::refresh_search_tokens`] for the case inside its transaction; parties that
//! existed before the migration are tokenised once, in batches, when the database is opened.

use app::domain::helpline::name_tokens;
use sqlx::{Any, Row, Transaction};

use crate::db::{CaseStoreError, Database};

/// Token rows per INSERT (three values each).
const ROWS_PER_INSERT: usize = 300;
/// Parties per backfill transaction.
const BACKFILL_BATCH: i64 = 2_000;

/// A party's tokens: (token, party id, the case's creation time).
type TokenRow = (String, String, i64);

/// The token rows of one party.
fn party_token_rows(party_id: &str, name: &str, created_at: i64) -> Vec<TokenRow> {
    name_tokens(name)
        .into_iter()
        .map(|token| (token, party_id.to_owned(), created_at))
        .collect()
}

impl Database {
    /// Rewrites the search tokens of every party of the case, inside `tx` (call after inserting
    /// or changing a party's name).
    pub async fn refresh_search_tokens(
        &self,
        tx: &mut Transaction<'static, Any>,
        case_id: &str,
    ) -> Result<(), CaseStoreError> {
        let parties = sqlx::query(&self.sql(
            "SELECT p.id, p.name, c.created_at FROM parties p JOIN cases c ON c.id = p.case_id \
             WHERE p.case_id = $1",
        ))
        .bind(case_id)
        .fetch_all(&mut **tx)
        .await?;
        let mut rows = Vec::new();
        for party in &parties {
            let id: String = party.try_get("id")?;
            let name: String = party.try_get("name")?;
            let created_at: i64 = party.try_get("created_at")?;
            rows.extend(party_token_rows(&id, &name, created_at));
        }
        sqlx::query(&self.sql(
            "DELETE FROM search_tokens WHERE party_id IN \
             (SELECT id FROM parties WHERE case_id = $1)",
        ))
        .bind(case_id)
        .execute(&mut **tx)
        .await?;
        self.insert_search_tokens(tx, &rows).await
    }

    /// Inserts token rows, inside `tx`.
    pub async fn insert_search_tokens(
        &self,
        tx: &mut Transaction<'static, Any>,
        rows: &[TokenRow],
    ) -> Result<(), CaseStoreError> {
        for chunk in rows.chunks(ROWS_PER_INSERT) {
            let values = (0..chunk.len())
                .map(|i| format!("(${}, ${}, ${})", i * 3 + 1, i * 3 + 2, i * 3 + 3))
                .collect::<Vec<_>>()
                .join(", ");
            let sql = self.sql(&format!(
                "INSERT INTO search_tokens (token, party_id, created_at) VALUES {values}"
            ));
            let mut query = sqlx::query(&sql);
            for (token, party_id, created_at) in chunk {
                query = query.bind(token).bind(party_id).bind(*created_at);
            }
            query.execute(&mut **tx).await?;
        }
        Ok(())
    }

    /// Tokenises the parties that existed before migration 80, once (a no-op afterwards).
    pub async fn backfill_search_tokens(&self) -> Result<(), CaseStoreError> {
        let pending = sqlx::query("SELECT pending FROM search_token_backfill")
            .fetch_optional(&self.writer)
            .await?;
        if pending.is_none() {
            return Ok(());
        }
        let mut after = String::new();
        loop {
            let mut tx = self.writer.begin().await?;
            let parties = sqlx::query(&self.sql(
                "SELECT p.id, p.name, c.created_at FROM parties p \
                 JOIN cases c ON c.id = p.case_id WHERE p.id > $1 ORDER BY p.id LIMIT $2",
            ))
            .bind(&after)
            .bind(BACKFILL_BATCH)
            .fetch_all(&mut *tx)
            .await?;
            let Some(last) = parties.last() else {
                sqlx::query("DELETE FROM search_token_backfill")
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                return Ok(());
            };
            after = last.try_get("id")?;
            let mut rows = Vec::new();
            let mut ids = Vec::new();
            for party in &parties {
                let id: String = party.try_get("id")?;
                let name: String = party.try_get("name")?;
                let created_at: i64 = party.try_get("created_at")?;
                rows.extend(party_token_rows(&id, &name, created_at));
                ids.push(id);
            }
            // A run stopped half-way may have written some of these already.
            for chunk in ids.chunks(ROWS_PER_INSERT) {
                let list = (1..=chunk.len())
                    .map(|i| format!("${i}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let sql = self.sql(&format!(
                    "DELETE FROM search_tokens WHERE party_id IN ({list})"
                ));
                let mut query = sqlx::query(&sql);
                for id in chunk {
                    query = query.bind(id);
                }
                query.execute(&mut *tx).await?;
            }
            self.insert_search_tokens(&mut tx, &rows).await?;
            tx.commit().await?;
        }
    }
}
