//! The helpline's search when the words are common (issue 17): with 5,000 entries or more for
//! a word (1,000 for a typo token), the words' index ranges are intersected as sets instead of
//! each entry's party being checked for the other words; the answers are the same as for rare
//! words (SQLite and PostgreSQL). The common words are made so by extra index entries on one party, older
//! than every case, whose name matches none of the searches.

use app::domain::staff::Role;
use serde_json::json;

use crate::casework_case::{concern, page, portal, staff, submit};
use crate::support::TestPortal;

// The same helpers as `helpline_search.rs`.
fn encoded(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The references listed in the results table, in order.
async fn found(portal: &TestPortal, client: &reqwest::Client, q: &str) -> Vec<String> {
    let path = format!("/staff/helpline?q={}&kind=", encoded(q));
    let (status, html) = page(portal, client, &path).await;
    assert_eq!(status, 200, "{path}: {html}");
    html.split("href=\"/staff/helpline/")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|reference| reference.starts_with("IC-"))
        .map(str::to_owned)
        .collect()
}

fn person(name: &str, email: &str, phone: &str, organisation: &str) -> serde_json::Value {
    let mut body = concern("They will not give me my records.", email, organisation);
    body["customer"]["name"] = json!(name);
    body["customer"]["phone"] = json!(phone);
    body
}

/// Adds `count` entries of `token` to `party`, made at 1 to `count` (older than any case).
async fn pad(portal: &TestPortal, party: &str, token: &str, count: usize) {
    for start in (1..=count).step_by(500) {
        let values = (start..(start + 500).min(count + 1))
            .map(|at| format!("('{token}', '{party}', {at})"))
            .collect::<Vec<_>>()
            .join(", ");
        sqlx::query(&format!(
            "INSERT INTO search_tokens (token, party_id, created_at) VALUES {values}"
        ))
        .execute(&portal.database.pool)
        .await
        .unwrap();
    }
}

/// The id of the case's party in `role`.
async fn party(portal: &TestPortal, reference: &str, role: &str) -> String {
    use sqlx::Row;
    sqlx::query(&portal.database.sql(
        "SELECT p.id FROM parties p JOIN cases c ON c.id = p.case_id \
         WHERE c.reference = $1 AND p.role = $2",
    ))
    .bind(reference)
    .bind(role)
    .fetch_one(&portal.database.pool)
    .await
    .unwrap()
    .get::<String, _>("id")
}

#[tokio::test]
async fn common_words_are_intersected_with_the_same_answers() {
    let (portal, _) = portal().await;
    let (adviser, _) = staff(&portal, "adviser@example.gov.uk", &[Role::Helpline]).await;
    let alex = submit(
        &portal,
        &person(
            "Alex Walker",
            "alex@example.org",
            "07700 900456",
            "Harrogate Water",
        ),
    )
    .await;
    let priya = submit(
        &portal,
        &person(
            "Priya Walker",
            "priya@example.org",
            "07700 900111",
            "Alex Motors",
        ),
    )
    .await;
    let sam = submit(
        &portal,
        &person(
            "Sam Walker",
            "sam@example.org",
            "07700 900222",
            "Leeds Bank",
        ),
    )
    .await;
    let sam_customer = party(&portal, &sam, "customer").await;
    let sam_bank = party(&portal, &sam, "organisation").await;
    pad(&portal, &sam_customer, "w:alex", 5_000).await;
    pad(&portal, &sam_customer, "w:walker", 5_000).await;
    // Every typo token of "alex" common too: only intersections can find "walker alex".
    for token in ["d:alx", "d:lex", "d:aex", "d:ale"] {
        pad(&portal, &sam_customer, token, 1_000).await;
    }
    pad(&portal, &sam_customer, "d:waker", 1_000).await;
    pad(&portal, &sam_bank, "w:bank", 5_000).await;

    assert_eq!(
        found(&portal, &adviser, "alex walker").await,
        [alex.as_str()],
        "both words common, on one party"
    );
    assert_eq!(
        found(&portal, &adviser, "walker alex").await,
        [alex.as_str()],
        "the words in the other order"
    );
    assert_eq!(
        found(&portal, &adviser, "walker alx").await,
        [alex.as_str()],
        "a common typo token drives"
    );
    assert_eq!(
        found(&portal, &adviser, "wlaker alex").await,
        [alex.as_str()],
        "a common typo token drives, the other word common"
    );
    assert!(
        found(&portal, &adviser, "alex bank").await.is_empty(),
        "common words never on one party"
    );
    assert_eq!(
        found(&portal, &adviser, "priya walker").await,
        [priya.as_str()]
    );
    assert_eq!(found(&portal, &adviser, "sam walker").await, [sam.as_str()]);
}
