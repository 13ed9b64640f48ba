//! `POST /api/v1/nuisance-reports` through HTTP, on SQLite and PostgreSQL: keys, bad and hostile
//! input (clear 4xx, never a 500, nothing stored), the repeat count, idempotency.

use serde_json::{json, Value};

use crate::support::{date, spawn_portal, TestPortal};

const KEY: &str = "local-development-key";

fn text_message(from: &str, text: &str) -> Value {
    json!({
        "channel": "text",
        "day": "1", "month": "3", "year": "2026", "hour": "14", "minute": "05",
        "sender": from,
        "contacted_on": "07912 345678",
        "message_text": text,
        "company": "Prize Rewards Ltd",
        "categories": ["lottery_prizes"],
        "scam": "no",
        "relationship": "none",
    })
}

async fn post(
    portal: &TestPortal,
    body: &str,
    key: Option<&str>,
    idempotency: Option<&str>,
) -> (u16, Value) {
    let mut request = portal
        .client
        .post(format!("{}/api/v1/nuisance-reports", portal.url))
        .header("content-type", "application/json")
        .body(body.to_owned());
    if let Some(key) = key {
        request = request.header("authorization", format!("Bearer {key}"));
    }
    if let Some(idempotency) = idempotency {
        request = request.header("idempotency-key", idempotency);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

async fn stored_reports(portal: &TestPortal) -> i64 {
    use sqlx::Row;
    sqlx::query("SELECT COUNT(*) AS n FROM nuisance_reports")
        .fetch_one(&portal.database.pool)
        .await
        .unwrap()
        .get::<i64, _>("n")
}

#[tokio::test]
async fn a_report_is_stored_and_says_how_often_the_number_was_reported() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    let body = json!({"incidents": [text_message("09061701461", "WINNER!! call 09061701461 now")]});
    let (status, first) = post(&portal, &body.to_string(), Some(KEY), None).await;
    assert_eq!(status, 201, "{first}");
    let number = first["counts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "number")
        .unwrap()
        .clone();
    assert_eq!(number["key"], "+449061701461");
    assert_eq!(number["display"], "0906 170 1461");
    assert_eq!(number["reports"], 1);
    assert_eq!(first["window_days"], 30);
    // The same number written differently is the same offender.
    let body = json!({"incidents": [text_message("+44 (0)906 170 1461", "Claim your prize")]});
    let (status, second) = post(&portal, &body.to_string(), Some(KEY), None).await;
    assert_eq!(status, 201, "{second}");
    let number = second["counts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "number")
        .unwrap()
        .clone();
    assert_eq!(number["reports"], 2);
    let company = second["counts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "company")
        .unwrap()
        .clone();
    assert_eq!(company["reports"], 2);
    assert_eq!(stored_reports(&portal).await, 2);
}

#[tokio::test]
async fn a_repeated_idempotency_key_stores_one_report() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    let body = json!({"incidents": [text_message("09061701461", "WINNER")]}).to_string();
    let (_, first) = post(&portal, &body, Some(KEY), Some("retry-1")).await;
    let (status, again) = post(&portal, &body, Some(KEY), Some("retry-1")).await;
    assert_eq!(status, 201);
    assert_eq!(first["report_id"], again["report_id"]);
    assert_eq!(stored_reports(&portal).await, 1);
}

#[tokio::test]
async fn without_a_key_nothing_is_stored() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    let body = json!({"incidents": [text_message("09061701461", "WINNER")]}).to_string();
    assert_eq!(post(&portal, &body, None, None).await.0, 401);
    assert_eq!(
        post(&portal, &body, Some("not-a-key-at-all-1234"), None)
            .await
            .0,
        401
    );
    assert_eq!(stored_reports(&portal).await, 0);
}

#[tokio::test]
async fn hostile_input_gets_clear_errors_and_stores_nothing() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    let (status, body) = post(&portal, "{\"incidents\": [", Some(KEY), None).await;
    assert_eq!(status, 400, "{body}");
    let (status, body) = post(&portal, "{\"incidents\": 7}", Some(KEY), None).await;
    assert_eq!(status, 422, "{body}");

    let mut future = text_message("09061701461", "hi");
    future["day"] = json!("3");
    let mut malformed = text_message("0906-CALL-NOW", "hi");
    malformed["company"] = json!("<script>alert(1)</script>");
    let huge = text_message("09061701461", &"A".repeat(5_000));
    let controls = text_message("09061701461", "\u{0}\u{7}\u{8}\u{1b}");
    let mut garbage_email = json!({
        "channel": "email",
        "day": "1", "month": "3", "year": "2026",
        "sender": "",
        "contacted_on": "me@example.com",
        "email_source": "\u{0}\u{1}\u{2}PK\u{3}\u{4} not an email at all",
        "categories": ["other"], "category_other": "x",
        "scam": "no", "relationship": "none",
    });
    garbage_email["description"] = json!("");
    let body = json!({"incidents": [future, malformed, huge, controls, garbage_email]});
    let (status, body) = post(&portal, &body.to_string(), Some(KEY), None).await;
    assert_eq!(status, 422, "{body}");
    let fields = body["fields"].as_object().unwrap();
    assert_eq!(
        fields["incidents[0].when"],
        "The date and time must be in the past"
    );
    assert_eq!(
        fields["incidents[1].sender"],
        "A sender name can be at most 11 characters: enter it as it appears on your phone"
    );
    assert_eq!(
        fields["incidents[2].message_text"],
        "The message must be 1,600 characters or less"
    );
    assert_eq!(
        fields["incidents[3].message_text"],
        "Enter what the message said"
    );
    assert!(fields.contains_key("incidents[4].email_source"), "{body}");
    assert_eq!(stored_reports(&portal).await, 0);

    let too_many: Vec<Value> = (0..21).map(|_| text_message("09061701461", "hi")).collect();
    let (status, body) = post(
        &portal,
        &json!({"incidents": too_many}).to_string(),
        Some(KEY),
        None,
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(
        body["fields"]["incidents"],
        "You can report up to 20 calls, texts, emails or faxes at a time"
    );
    assert_eq!(stored_reports(&portal).await, 0);
}

#[tokio::test]
async fn the_documented_example_answers_as_documented() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    let document: Value =
        serde_json::from_str(include_str!("../../src/http/openapi.json")).unwrap();
    let operation = &document["paths"]["/api/v1/nuisance-reports"]["post"];
    let example =
        &operation["requestBody"]["content"]["application/json"]["examples"]["text"]["value"];
    let documented = &operation["responses"]["201"]["content"]["application/json"]["example"];
    let (status, answer) = post(&portal, &example.to_string(), Some(KEY), None).await;
    assert_eq!(status, 201, "{answer}");
    assert_eq!(&answer, documented);
}
