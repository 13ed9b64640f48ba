//! Several words, one of them common: the driving token's newest entries and each other word's
//! entries in the same stretch of time are intersected as sets (`INTERSECT` of index ranges on
//! `search_tokens (token, created_at, party_id)`, read from the index alone), and only the
//! parties found are read with their cases. Checking each of the driving word's entries for the
//! other words, one probe of `search_tokens_party` each (11–30 µs on PostgreSQL), cost up to
//! 5,000 probes per search at 1 M cases when the words are rarely on one party; the
//! intersection reads a few thousand to about 100,000 index entries in order instead (SQLite
//! and PostgreSQL, the same SQL). The answer is the same as the probing query's: the same
//! entries (the driving token's from the `cap`-th newest on), the same conditions, the same
//! order and limit. With fewer entries than `cap` the probing query stays: it has no time
//! bound, and the driving word's few entries cost less to probe than every entry of the others.

use app::domain::staff::StaffMember;
use sqlx::any::AnyRow;
use sqlx::Row;

use super::super::super::casework::{visible_to, SELECT_CASE_ROW};
use super::super::super::CaseStoreError;
use super::super::HelplineStore;
use super::Scan;

impl HelplineStore {
    /// When the driving token is on `cap` entries or more: the `created_at` of its `cap`-th
    /// newest (the probing query's lower bound). `None`: fewer entries, so no bound (then the
    /// other words' entries are not bounded in time either, and probing the driving word's few
    /// entries costs less than reading them).
    pub(super) async fn cap_bound(
        &self,
        token: &str,
        cap: i64,
    ) -> Result<Option<i64>, CaseStoreError> {
        let sql = self.sql(&format!(
            "SELECT created_at FROM search_tokens WHERE token = $1 \
             ORDER BY created_at DESC LIMIT 1 OFFSET {}",
            cap.saturating_sub(1).max(0)
        ));
        let row = sqlx::query(&sql)
            .bind(token)
            .fetch_optional(&self.database.pool)
            .await?;
        Ok(match row {
            Some(row) => Some(row.try_get("created_at")?),
            None => None,
        })
    }

    /// The driving token's entries from `bound` on whose party carries a token of every other
    /// word, found by intersecting the index ranges; then their parties and cases, newest first,
    /// up to the limit. `bound` is a number read from the database, written into the SQL.
    pub(super) async fn by_token_setwise(
        &self,
        token: &str,
        bound: i64,
        scan: &Scan<'_>,
        staff: &StaffMember,
    ) -> Result<Vec<AnyRow>, CaseStoreError> {
        let mut binds = vec![token.to_owned()];
        let mut hits = format!(
            "SELECT party_id, created_at FROM search_tokens \
             WHERE token = $1 AND created_at >= {bound}"
        );
        for other in scan.others {
            let list = other
                .iter()
                .map(|token| {
                    binds.push(token.clone());
                    format!("${}", binds.len())
                })
                .collect::<Vec<_>>()
                .join(", ");
            hits.push_str(&format!(
                " INTERSECT SELECT party_id, created_at FROM search_tokens \
                 WHERE token IN ({list}) AND created_at >= {bound}"
            ));
        }
        let select = SELECT_CASE_ROW
            .replacen(
                "SELECT ",
                "SELECT p.name AS party_name, c.created_at AS made_at, ",
                1,
            )
            .replacen(
                " FROM cases c ",
                " FROM hits t JOIN parties p ON p.id = t.party_id \
                 JOIN cases c ON c.id = p.case_id ",
                1,
            );
        let sql = format!(
            "WITH hits AS MATERIALIZED ({hits}) {select} WHERE p.status = 'current'{} AND {} \
             ORDER BY t.created_at DESC LIMIT ${}",
            scan.role,
            visible_to(&format!("${}", binds.len() + 1)),
            binds.len() + 2
        );
        self.run(&sql, &binds, staff, scan.limit).await
    }
}
