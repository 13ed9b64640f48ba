//! Finding cases: a reference by the cases' unique index; an email address or phone number by
//! the parties' normalised columns (migration 70); a name or organisation by any of its words,
//! forgiving one mistake, through `search_tokens` (migration 80: one index range per token,
//! newest case first, the other words typed checked on the same party), then a name's start
//! (an index range on `parties.search_name`). Each candidate is checked and ranked by the pure
//! rules ([`name_match`], [`rank_order`]); staff cases (ECS) only for the staff named on them.

mod setwise;
mod tokens;

use std::collections::HashMap;

use app::domain::helpline::{
    driving_word, exact_token, name_match, name_words, prefix_end, rank_order, typo_tokens, Match,
    SearchKind, SearchQuery,
};
use app::domain::staff::StaffMember;
use app::server_fns::helpline::SearchHit;
use sqlx::any::AnyRow;
use sqlx::Row;

use super::super::casework::{visible_to, CaseRow, SELECT_CASE_ROW};
use super::super::CaseStoreError;
use super::HelplineStore;

/// Index entries read for the driving word's exact token, and for each of its typo tokens,
/// newest first (bounds the work when the other words typed are rarely on the same party).
const EXACT_SCAN: i64 = 5_000;
const TYPO_SCAN: i64 = 1_000;
/// Counting a word's parties stops here (enough to tell a rare word from a common one).
const COUNT_CAP: i64 = 10_000;

/// One driving token's lookup: the other words' tokens, the role condition, how many index
/// entries to read and how many rows to return.
struct Scan<'a> {
    others: &'a [Vec<String>],
    role: &'a str,
    cap: i64,
    limit: i64,
}

/// A found case: how well it matched, when it was made, and the hit shown.
type Found = (Match, i64, SearchHit);

fn select_with_party() -> String {
    SELECT_CASE_ROW.replacen(
        "SELECT ",
        "SELECT p.name AS party_name, c.created_at AS made_at, ",
        1,
    ) + " JOIN parties p ON p.case_id = c.id"
}

fn hit(row: &AnyRow) -> Result<(i64, SearchHit), CaseStoreError> {
    let case = CaseRow::from_row(row)?;
    let made_at: i64 = row.try_get("made_at")?;
    Ok((
        made_at,
        SearchHit {
            reference: case.record.reference.clone(),
            case_type: case.record.case_type,
            stage: case.record.stage(),
            party: row.try_get("party_name")?,
            organisation: case.record.organisation_name.clone(),
            created_on: case.record.created_on,
        },
    ))
}

/// Keeps each case once, at its best match; best first, then newest.
fn ranked(found: Vec<Found>, limit: usize) -> Vec<SearchHit> {
    let mut best: HashMap<String, Found> = HashMap::new();
    for (matched, made_at, hit) in found {
        let better = best.get(&hit.reference).is_none_or(|kept| matched < kept.0);
        if better {
            best.insert(hit.reference.clone(), (matched, made_at, hit));
        }
    }
    let mut found: Vec<Found> = best.into_values().collect();
    found.sort_by(|a, b| {
        rank_order((a.0, a.1), (b.0, b.1)).then_with(|| a.2.reference.cmp(&b.2.reference))
    });
    found.truncate(limit);
    found.into_iter().map(|(_, _, hit)| hit).collect()
}

impl HelplineStore {
    pub(super) async fn find(
        &self,
        query: &SearchQuery,
        staff: &StaffMember,
        limit: i64,
    ) -> Result<Vec<SearchHit>, CaseStoreError> {
        let wanted = usize::try_from(limit).unwrap_or(0);
        let found = match query.kind {
            SearchKind::Reference => self.by_reference(&query.text, staff, limit).await?,
            SearchKind::Email | SearchKind::Phone => self.by_contact(query, staff, limit).await?,
            SearchKind::Name | SearchKind::Organisation | SearchKind::Words => {
                self.by_words(query, staff, wanted).await?
            }
        };
        Ok(ranked(found, wanted))
    }

    async fn run(
        &self,
        sql: &str,
        binds: &[String],
        staff: &StaffMember,
        limit: i64,
    ) -> Result<Vec<AnyRow>, CaseStoreError> {
        // Placeholders are numbered in the order they appear (SQLite binds by position).
        let sql = self.sql(sql);
        let mut statement = sqlx::query(&sql);
        for bind in binds {
            statement = statement.bind(bind);
        }
        let statement = statement.bind(&staff.id).bind(limit);
        Ok(statement.fetch_all(&self.database.pool).await?)
    }

    async fn by_reference(
        &self,
        reference: &str,
        staff: &StaffMember,
        limit: i64,
    ) -> Result<Vec<Found>, CaseStoreError> {
        let sql = format!(
            "{} WHERE c.reference = $1 AND {} LIMIT $3",
            SELECT_CASE_ROW.replacen(
                "SELECT ",
                "SELECT CAST(NULL AS TEXT) AS party_name, c.created_at AS made_at, ",
                1
            ),
            visible_to("$2")
        );
        let rows = self
            .run(&sql, &[reference.to_owned()], staff, limit)
            .await?;
        rows.iter()
            .map(|row| hit(row).map(|(at, hit)| (Match::Reference, at, hit)))
            .collect()
    }

    async fn by_contact(
        &self,
        query: &SearchQuery,
        staff: &StaffMember,
        limit: i64,
    ) -> Result<Vec<Found>, CaseStoreError> {
        let column = if query.kind == SearchKind::Email {
            "p.search_email"
        } else {
            "p.search_phone"
        };
        let sql = format!(
            "{} WHERE {column} = $1 AND p.status = 'current' AND {} \
             ORDER BY c.created_at DESC LIMIT $3",
            select_with_party(),
            visible_to("$2")
        );
        let rows = self
            .run(&sql, std::slice::from_ref(&query.text), staff, limit)
            .await?;
        rows.iter()
            .map(|row| hit(row).map(|(at, hit)| (Match::Contact, at, hit)))
            .collect()
    }

    /// Words of names: the word typed on fewest parties drives (the words counted in one
    /// query; its exact token, then if too few cases were found those of its typo tokens that
    /// are on any party, one query telling which: one index range each, newest first, at most
    /// [`EXACT_SCAN`] / [`TYPO_SCAN`] index entries read when other words were typed), every
    /// other word typed must be on the same party (exactly or one mistake away); then names
    /// that start with what was typed. Each candidate is checked with [`name_match`].
    async fn by_words(
        &self,
        query: &SearchQuery,
        staff: &StaffMember,
        wanted: usize,
    ) -> Result<Vec<Found>, CaseStoreError> {
        let role = match query.kind {
            SearchKind::Organisation => " AND p.role = 'organisation'",
            SearchKind::Name => " AND p.role <> 'organisation'",
            _ => "",
        };
        let words = name_words(&query.text);
        let counts = if words.len() > 1 {
            let exact: Vec<String> = words.iter().map(|word| exact_token(word)).collect();
            self.token_counts(&exact).await?
        } else {
            Vec::new()
        };
        let Some(driver) = driving_word(&words, &counts) else {
            return Ok(Vec::new());
        };
        let others: Vec<Vec<String>> = words
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != driver)
            .map(|(_, word)| {
                std::iter::once(exact_token(word))
                    .chain(typo_tokens(word))
                    .collect()
            })
            .collect();
        let fetch = i64::try_from(wanted.saturating_mul(2)).unwrap_or(i64::MAX);
        let scan = |cap: i64| Scan {
            others: &others,
            role,
            cap: cap.max(fetch),
            limit: fetch,
        };
        let mut rows = self
            .by_token(&exact_token(&words[driver]), &scan(EXACT_SCAN), staff)
            .await?;
        if distinct_cases(&rows)? < wanted {
            // Most typo tokens are on no party at all: one query finds those that are.
            for token in self.present(&typo_tokens(&words[driver])).await? {
                rows.extend(self.by_token(&token, &scan(TYPO_SCAN), staff).await?);
            }
        }
        if distinct_cases(&rows)? < wanted {
            rows.extend(self.by_start(&query.text, role, staff, fetch).await?);
        }
        let mut found = Vec::new();
        for row in &rows {
            let (made_at, hit) = hit(row)?;
            let matched = hit
                .party
                .as_deref()
                .and_then(|name| name_match(&query.text, name));
            if let Some(matched) = matched {
                found.push((matched, made_at, hit));
            }
        }
        Ok(found)
    }

    /// How many parties carry each token, counted up to [`COUNT_CAP`], in one query.
    async fn token_counts(&self, tokens: &[String]) -> Result<Vec<u64>, CaseStoreError> {
        let columns = (1..=tokens.len())
            .map(|n| {
                format!(
                    "(SELECT COUNT(*) FROM (SELECT 1 AS one FROM search_tokens \
                     WHERE token = ${n} LIMIT {COUNT_CAP}) x{n}) AS n{n}"
                )
            })
            .collect::<Vec<_>>()
            .join(", ");
        let sql = self.sql(&format!("SELECT {columns}"));
        let mut statement = sqlx::query(&sql);
        for token in tokens {
            statement = statement.bind(token);
        }
        let row = statement.fetch_one(&self.database.pool).await?;
        (1..=tokens.len())
            .map(|n| {
                let count: i64 = row.try_get(format!("n{n}").as_str())?;
                Ok(u64::try_from(count).unwrap_or(0))
            })
            .collect()
    }

    /// The tokens that are on at least one party, in one query (one index probe each).
    async fn present(&self, tokens: &[String]) -> Result<Vec<String>, CaseStoreError> {
        if tokens.is_empty() {
            return Ok(Vec::new());
        }
        let sql = (1..=tokens.len())
            .map(|n| {
                format!(
                    "SELECT token FROM (SELECT token FROM search_tokens \
                     WHERE token = ${n} LIMIT 1) x{n}"
                )
            })
            .collect::<Vec<_>>()
            .join(" UNION ALL ");
        let sql = self.sql(&sql);
        let mut statement = sqlx::query(&sql);
        for token in tokens {
            statement = statement.bind(token);
        }
        let rows = statement.fetch_all(&self.database.pool).await?;
        let found: Vec<String> = rows
            .iter()
            .map(|row| row.try_get("token"))
            .collect::<Result<_, _>>()?;
        // In the order asked (the union's order is not promised).
        Ok(tokens
            .iter()
            .filter(|token| found.contains(token))
            .cloned()
            .collect())
    }

    /// One token's parties, newest first from the token index, each checked on the way for the
    /// other words (on the same party: `search_tokens_party`) before its party and case are
    /// read, stopping at the limit. With other words, only the `cap` newest entries are read:
    /// the lower bound on `created_at` is the cap-th newest entry's (a second, index-only
    /// lookup), so the scan stays one index range read newest first (no sort; nothing
    /// materialised). When that bound exists, the words' entries are intersected as sets
    /// instead (`setwise.rs`): the same answer without a probe per entry.
    async fn by_token(
        &self,
        token: &str,
        scan: &Scan<'_>,
        staff: &StaffMember,
    ) -> Result<Vec<AnyRow>, CaseStoreError> {
        if !scan.others.is_empty() {
            if let Some(bound) = self.cap_bound(token, scan.cap).await? {
                return self.by_token_setwise(token, bound, scan, staff).await;
            }
        }
        let mut binds = vec![token.to_owned()];
        let mut sql = format!(
            "{} WHERE t.token = $1",
            SELECT_CASE_ROW
                .replacen(
                    "SELECT ",
                    "SELECT p.name AS party_name, c.created_at AS made_at, ",
                    1,
                )
                .replacen(
                    " FROM cases c ",
                    " FROM search_tokens t JOIN parties p ON p.id = t.party_id \
                 JOIN cases c ON c.id = p.case_id ",
                    1,
                )
        );
        if !scan.others.is_empty() {
            binds.push(token.to_owned());
            // The cap is a number of ours, written into the SQL. Fewer entries than the cap:
            // no bound (the smallest BIGINT but one, so that it stays a BIGINT on PostgreSQL).
            sql.push_str(&format!(
                " AND t.created_at >= COALESCE((SELECT created_at FROM search_tokens \
                 WHERE token = $2 ORDER BY created_at DESC LIMIT 1 OFFSET {}), \
                 -9223372036854775807)",
                scan.cap.saturating_sub(1).max(0)
            ));
        }
        for (n, other) in scan.others.iter().enumerate() {
            let list = other
                .iter()
                .map(|token| {
                    binds.push(token.clone());
                    format!("${}", binds.len())
                })
                .collect::<Vec<_>>()
                .join(", ");
            // One seek to the party's few tokens, checked there (`SUBSTR` keeps SQLite from
            // seeking once per token listed; PostgreSQL plans it so anyway).
            sql.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM search_tokens o{n} \
                 WHERE o{n}.party_id = t.party_id AND SUBSTR(o{n}.token, 1) IN ({list}))"
            ));
        }
        sql.push_str(&format!(
            " AND p.status = 'current'{} AND {} ORDER BY t.created_at DESC LIMIT ${}",
            scan.role,
            visible_to(&format!("${}", binds.len() + 1)),
            binds.len() + 2
        ));
        self.run(&sql, &binds, staff, scan.limit).await
    }

    async fn by_start(
        &self,
        text: &str,
        role: &str,
        staff: &StaffMember,
        limit: i64,
    ) -> Result<Vec<AnyRow>, CaseStoreError> {
        let Some(end) = prefix_end(text) else {
            return Ok(Vec::new());
        };
        // The status is written so that no index on it is used: without statistics (SQLite's,
        // never analysed) `parties_status` would be read for every current party and sorted.
        let sql = format!(
            "{} WHERE p.search_name >= $1 AND p.search_name < $2 \
             AND CAST(p.status AS TEXT) = 'current'{role} AND {} ORDER BY p.search_name LIMIT $4",
            select_with_party(),
            visible_to("$3")
        );
        self.run(&sql, &[text.to_owned(), end], staff, limit).await
    }
}

fn distinct_cases(rows: &[AnyRow]) -> Result<usize, CaseStoreError> {
    let mut seen = std::collections::HashSet::new();
    for row in rows {
        let id: String = row.try_get("id")?;
        seen.insert(id);
    }
    Ok(seen.len())
}
