//! The helpline's one search box (issue 17), through HTTP on SQLite (default) or PostgreSQL
//! (`PORTAL_TEST_DATABASE_URL`): "Anything" finds any word of a person's or an organisation's
//! name, forgives one wrong letter (ranked below the exact word, newest first among equals),
//! and finds email addresses and phone numbers however typed; unrelated cases stay out. Parties
//! that were there before the search tokens are tokenised by the backfill.

use app::domain::staff::Role;
use serde_json::json;

use crate::casework_case::{concern, page, portal, staff, submit};
use crate::support::TestPortal;

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

#[tokio::test]
async fn anything_finds_any_word_of_a_name_with_one_typo_ranked_and_contacts() {
    let (portal, _) = portal().await;
    let (adviser, _) = staff(&portal, "adviser@example.gov.uk", &[Role::Helpline]).await;
    let walker = submit(
        &portal,
        &person(
            "Alex Walker",
            "Alex.Walker@Example.org",
            "07700 900456",
            "Leeds City Council",
        ),
    )
    .await;
    // Newer, and one letter from "walker": found by "walker", but below the exact word.
    let walkers = submit(
        &portal,
        &person(
            "Jo Walkers",
            "jo@example.org",
            "07700 900777",
            "Another Body",
        ),
    )
    .await;
    let unrelated = submit(
        &portal,
        &person(
            "Sam Smith",
            "sam@example.org",
            "07700 900888",
            "York Water Ltd",
        ),
    )
    .await;

    let leeds = found(&portal, &adviser, "Leeds City").await;
    assert_eq!(
        leeds,
        [walker.as_str()],
        "the organisation's words, in 'Anything'"
    );
    assert_eq!(
        found(&portal, &adviser, "city council").await,
        [walker.as_str()]
    );

    let exact = found(&portal, &adviser, "walker").await;
    assert_eq!(
        exact,
        [walker.as_str(), walkers.as_str()],
        "exact word first"
    );
    for typo in ["wlaker", "walkr", "WALKAR"] {
        let hits = found(&portal, &adviser, typo).await;
        assert!(hits.contains(&walker), "{typo}: {hits:?}");
        assert!(!hits.contains(&unrelated), "{typo}");
    }
    assert_eq!(
        found(&portal, &adviser, "alex wlaker").await,
        [walker.as_str()],
        "every word typed on the same party"
    );
    assert_eq!(found(&portal, &adviser, "Alex Walker").await[0], walker);

    assert_eq!(
        found(&portal, &adviser, " alex.WALKER@example.org").await,
        [walker.as_str()]
    );
    assert_eq!(
        found(&portal, &adviser, "+44 7700 900-456").await,
        [walker.as_str()]
    );
    assert_eq!(
        found(&portal, &adviser, "smith").await,
        [unrelated.as_str()]
    );
    assert!(
        found(&portal, &adviser, "wlkr").await.is_empty(),
        "two mistakes"
    );
    assert!(found(&portal, &adviser, "Bradford").await.is_empty());
}

#[tokio::test]
async fn parties_from_before_the_search_tokens_are_tokenised_by_the_backfill() {
    let (portal, _) = portal().await;
    let (adviser, _) = staff(&portal, "adviser@example.gov.uk", &[Role::Helpline]).await;
    let reference = submit(
        &portal,
        &person(
            "Priya Patel",
            "priya@example.org",
            "07700 900111",
            "Example Ltd",
        ),
    )
    .await;
    let db = &portal.database;
    sqlx::query("DELETE FROM search_tokens")
        .execute(&db.pool)
        .await
        .unwrap();
    assert!(found(&portal, &adviser, "patel").await.is_empty());
    sqlx::query("INSERT INTO search_token_backfill (pending) VALUES (1)")
        .execute(&db.pool)
        .await
        .unwrap();
    db.backfill_search_tokens().await.unwrap();
    assert_eq!(found(&portal, &adviser, "patl").await, [reference]);
    db.backfill_search_tokens().await.unwrap();
}

/// The store's paths for several words (issue 17's timing work): the words counted in one
/// query, the rarest driving; a driving word that is on no party found through those of its
/// typo tokens that are (one query tells which); the other words checked on the same party
/// only; a name's start; and a word of the other party of a case does not count.
#[tokio::test]
async fn several_words_drive_from_the_rarest_through_its_typo_tokens_on_one_party() {
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
    // "alx" is on no party: its typo token (alex less one letter) finds Alex; "walker" is
    // checked on the same party, so Priya (whose organisation is "Alex Motors") is not found.
    assert_eq!(
        found(&portal, &adviser, "walker alx").await,
        [alex.as_str()]
    );
    assert_eq!(
        found(&portal, &adviser, "wlaker alex").await,
        [alex.as_str()]
    );
    assert_eq!(
        found(&portal, &adviser, "priya walkr").await,
        [priya.as_str()]
    );
    assert_eq!(
        found(&portal, &adviser, "alex motors").await,
        [priya.as_str()],
        "both words on the organisation"
    );
    assert!(
        found(&portal, &adviser, "priya harrogate").await.is_empty(),
        "words of two parties"
    );
    assert!(found(&portal, &adviser, "alex walker zebedee")
        .await
        .is_empty());
    assert_eq!(
        found(&portal, &adviser, "Priya Wal").await,
        [priya.as_str()],
        "a name's start"
    );
}
