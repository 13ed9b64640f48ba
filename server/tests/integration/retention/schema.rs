//! Every reference to a case, a party or an outbox message in the schema is one retention
//! handles: a table added later that points at a case fails here until retention deletes it.

use super::*;
use crate::support::fresh_database;
use server::db::Backend;

#[tokio::test]
async fn retention_handles_every_table_that_points_at_a_case_a_party_or_an_outbox_message() {
    let database = fresh_database().await;
    let query = match database.backend {
        Backend::Sqlite => {
            "SELECT m.name AS from_table, f.\"from\" AS from_column, f.\"table\" AS to_table \
             FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'"
        }
        Backend::Postgres => {
            "SELECT cl.relname::TEXT AS from_table, a.attname::TEXT AS from_column, \
             ref.relname::TEXT AS to_table FROM pg_constraint c \
             JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_class ref ON ref.oid = c.confrelid \
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey) \
             WHERE c.contype = 'f'"
        }
    };
    let rows = sqlx::query(query).fetch_all(&database.pool).await.unwrap();
    let mut references: Vec<(String, String, String)> = rows
        .iter()
        .map(|row| {
            (
                row.get("from_table"),
                row.get("from_column"),
                row.get("to_table"),
            )
        })
        .filter(|(_, _, to): &(String, String, String)| {
            ["cases", "parties", "outbox"].contains(&to.as_str())
        })
        .collect();
    references.sort();
    assert!(!references.is_empty());
    let handled = server::retention::HANDLED_REFERENCES;
    let missing: Vec<_> = references
        .iter()
        .filter(|(table, column, to)| {
            !handled.contains(&(table.as_str(), column.as_str(), to.as_str()))
        })
        .collect();
    assert!(missing.is_empty(), "not handled by retention: {missing:?}");
    assert_eq!(references.len(), handled.len(), "{references:?}");
}
