//! Reading the published data sets' cases, two ways.
//!
//! **SQLite: in packs.** One database row carries up to [`PACK`] cases of one completion day as
//! a JSON array, in `case_id` order; the next pack starts after the last case of the one before,
//! and a short pack ends the day. Each pack is one range of the `(closed_on, case_id)` index
//! (`case_instances_published`). (Keyed on the pair across days instead, SQLite's plan ranged
//! over `closed_on` alone and skipped again each day's cases before the key: 11,000 rows a
//! second at 1 M.) Why packs: sqlx's SQLite driver steps a statement on a thread of its own and
//! hands each row to the reading task through a channel. Read row by row, a download paid a
//! thread wake-up and two context switches per case: in a profile of a 1 M-row download those
//! hand-offs, with the driver's copy of every value into an owned row, were over a third of the
//! time, and the download ran at 100,000 to 145,000 rows a second whatever the query cost (the
//! query alone reads 1 M rows in 1.8 s). A pack crosses once per thousand cases. Each pack is
//! its own statement: a case closed in the period while a download runs may be in it or not,
//! as with any read of a changing month.
//!
//! **PostgreSQL: one statement a period** ([`period_query`]), its rows written as they arrive.
//! Its driver reads the rows on the task itself, so a row costs no hand-off; and a pack a
//! statement was the slow way there: each pack's nested loop read about two heap pages a case
//! and started a parallel gather (3.5 ms), 47,000 to 55,000 rows a second at 1 M. The whole
//! month in one statement is a parallel hash join and a sort (2.0 s in the server for 1 M), and
//! the download 267,000 to 284,000 rows a second. The server sends rows as the connection takes
//! them, so a slow client holds the statement open, not rows in memory.

use anyhow::Context;
use app::domain::case::{CaseKind, Closure};
use app::domain::data_sets::{
    push_breach_lines, push_case_line, CompletedBreach, CompletedCase, DataSet,
};
use chrono::{NaiveDate, NaiveDateTime};
use futures_util::TryStreamExt;
use serde::Deserialize;

use super::data_sets::{cases_query, Chunks};
use super::{Backend, Database};

/// Cases a pack carries (a pack of FOI cases is about 150 KB of JSON).
pub const PACK: usize = 1000;

/// The statement of one pack of `set`: `$1` the completion day, `$2` the case the pack starts
/// after (an empty text for the first). `cases` is the set's published cases of the day as
/// [`super::data_sets`] selects them, with their columns named.
pub fn pack_query(set: DataSet, cases: &str) -> String {
    let columns = columns(set);
    format!(
        "SELECT CAST(json_group_array(json_array({columns}) \
         ORDER BY case_id) AS TEXT) AS pack \
         FROM ({cases} AND i.case_id > $2 ORDER BY i.case_id LIMIT {PACK}) pack"
    )
}

/// The statement of all of `set`'s cases of a period (`cases`, selected as for [`pack_query`]),
/// a row each, in completion order: how PostgreSQL reads them
/// ([`super::data_sets`]), with the columns of [`PackedCase`] or [`PackedBreach`] in order.
pub fn period_query(set: DataSet, cases: &str) -> String {
    format!(
        "SELECT {} FROM ({cases}) period ORDER BY closed_on, case_id",
        columns(set)
    )
}

/// The columns of a record of `set`, in the order of its fields.
fn columns(set: DataSet) -> &'static str {
    if set == DataSet::PersonalDataBreaches {
        "reference, created_on, sector, attributes, answers, case_id"
    } else {
        "reference, case_type, created_on, closed_on, sector, organisation_name, priority, \
         attributes, organisation_party, named_as_person, case_id"
    }
}

/// A case of a pack, as [`pack_query`] writes it, or a row of the cases' query.
#[derive(Deserialize, sqlx::FromRow)]
pub struct PackedCase(
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    String,
    i64,
    i64,
    String,
);

/// A breach of a pack, as [`pack_query`] writes it, or a row of the cases' query.
#[derive(Deserialize, sqlx::FromRow)]
pub struct PackedBreach(String, String, Option<String>, String, String, String);

/// A packed record: the next pack starts after its case; it becomes the set's lines.
pub trait Packed: serde::de::DeserializeOwned {
    fn case_id(&self) -> &str;
    fn push_lines(self, out: &mut String, set: DataSet);
}

impl Packed for PackedCase {
    fn case_id(&self) -> &str {
        &self.10
    }
    fn push_lines(self, out: &mut String, set: DataSet) {
        push_case_line(out, set, &self.into());
    }
}

impl Packed for PackedBreach {
    fn case_id(&self) -> &str {
        &self.5
    }
    fn push_lines(self, out: &mut String, _: DataSet) {
        push_breach_lines(out, &self.into());
    }
}

/// A closure's attributes; none (the case's outcome is then unknown) when they cannot be read.
fn closure(attributes: &str) -> Closure {
    serde_json::from_str(attributes).unwrap_or_default()
}

impl From<PackedCase> for CompletedCase {
    fn from(case: PackedCase) -> CompletedCase {
        let PackedCase(
            reference,
            case_type,
            received_on,
            completed_on,
            sector,
            organisation,
            priority,
            attributes,
            organisation_party,
            named_as_person,
            _,
        ) = case;
        CompletedCase {
            reference,
            case_type: CaseKind::from_code(&case_type),
            received_on,
            completed_on,
            sector,
            organisation,
            organisation_party: organisation_party != 0,
            named_as_person: named_as_person != 0,
            high_priority: priority == "high",
            closure: closure(&attributes),
        }
    }
}

/// What the breach rows read of a COM case's answers (everything else is skipped unread).
#[derive(Deserialize, Default)]
#[serde(default)]
struct BreachAnswers {
    breach: BreachParts,
    submitted_at: Option<NaiveDateTime>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct BreachParts {
    what_happened: Option<Cyber>,
    timing: Option<Aware>,
    data: Option<Categories>,
    scale: Option<People>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Cyber {
    cyber_incident: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Aware {
    aware_at: Option<NaiveDateTime>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Categories {
    categories: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct People {
    people: Option<u64>,
    groups: Vec<String>,
}

impl From<PackedBreach> for CompletedBreach {
    fn from(breach: PackedBreach) -> CompletedBreach {
        let PackedBreach(reference, received_on, sector, attributes, answers, _) = breach;
        let answers: BreachAnswers = serde_json::from_str(&answers).unwrap_or_default();
        let parts = answers.breach;
        let aware = parts.timing.and_then(|timing| timing.aware_at);
        let scale = parts.scale.unwrap_or_default();
        CompletedBreach {
            reference,
            received_on,
            sector,
            closure: closure(&attributes),
            cyber: parts.what_happened.and_then(|w| w.cyber_incident),
            groups: scale.groups,
            categories: parts.data.map(|d| d.categories).unwrap_or_default(),
            people: scale.people,
            hours_to_report: aware
                .zip(answers.submitted_at)
                .map(|(aware, sent)| (sent - aware).num_hours()),
        }
    }
}

impl Database {
    /// The period's records of `set`, written as lines: in one statement on PostgreSQL, in
    /// packs on SQLite (the module's doc says why). False when the client went away.
    pub(super) async fn read_period<T>(
        &self,
        set: DataSet,
        from: NaiveDate,
        to: NaiveDate,
        out: &mut Chunks<'_>,
    ) -> anyhow::Result<bool>
    where
        T: Packed + for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
    {
        match self.backend {
            Backend::Postgres => self.stream_lines::<T>(set, from, to, out).await,
            Backend::Sqlite => self.pack_days::<T>(set, from, to, out).await,
        }
    }

    /// PostgreSQL: the period's cases in one statement, written as lines as its rows arrive
    /// (its driver reads them on the task itself, and the server sends them as the connection
    /// takes them). False when the client went away.
    async fn stream_lines<T>(
        &self,
        set: DataSet,
        from: NaiveDate,
        to: NaiveDate,
        out: &mut Chunks<'_>,
    ) -> anyhow::Result<bool>
    where
        T: Packed + for<'r> sqlx::FromRow<'r, sqlx::any::AnyRow> + Send + Unpin,
    {
        let sql = period_query(set, &cases_query(set, true));
        let mut rows = sqlx::query_as::<_, T>(&sql)
            .bind(from.to_string())
            .bind(to.to_string())
            .fetch(&self.pool);
        while let Some(record) = rows.try_next().await.context("reading completed work")? {
            record.push_lines(&mut out.buffer, set);
            if !out.send_full().await {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// SQLite: the period's cases a day at a time, a pack at a time
    /// ([`super::data_set_packs`] says why). False when the client went away.
    async fn pack_days<T: Packed>(
        &self,
        set: DataSet,
        from: NaiveDate,
        to: NaiveDate,
        out: &mut Chunks<'_>,
    ) -> anyhow::Result<bool> {
        let sql = self.sql(&pack_query(set, &cases_query(set, false)));
        let mut day = from;
        while day < to {
            let on = day.to_string();
            let mut after = String::new();
            loop {
                let full = self
                    .pack_lines::<T>(&sql, &on, &mut after, set, &mut out.buffer)
                    .await?;
                if !out.send_full().await {
                    return Ok(false);
                }
                if !full {
                    break;
                }
            }
            day = day.succ_opt().context("a day outside the calendar")?;
        }
        Ok(true)
    }

    /// One pack of the cases completed on `on` after the case `after`, read from its JSON and
    /// written as lines of `set`; `after` becomes its last case. True when the pack was full
    /// (another may follow).
    async fn pack_lines<T: Packed>(
        &self,
        sql: &str,
        on: &str,
        after: &mut String,
        set: DataSet,
        out: &mut String,
    ) -> anyhow::Result<bool> {
        let pack: Option<String> = sqlx::query_scalar(sql)
            .bind(on)
            .bind(after.as_str())
            .fetch_one(&self.pool)
            .await
            .context("reading completed work")?;
        // No case: an empty array (or no value at all).
        let pack: Vec<T> = match pack {
            None => Vec::new(),
            Some(pack) => {
                serde_json::from_str(&pack).context("reading a pack of completed work")?
            }
        };
        let full = pack.len() >= PACK;
        if let Some(last) = pack.last() {
            last.case_id().clone_into(after);
        }
        for record in pack {
            record.push_lines(out, set);
        }
        Ok(full)
    }
}
