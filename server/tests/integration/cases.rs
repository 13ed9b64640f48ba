//! `POST /api/v1/cases` through HTTP: routing (policy.md §3), service levels (§4), the sift
//! flags, eligibility, authentication, idempotency, validation and evidence files; and the
//! OpenAPI document that describes it.

use crate::support::{date, spawn_portal, spawn_portal_with_db, TestPortal};
use base64::Engine;
use chrono::{Days, NaiveDate};
use serde_json::{json, Value};

/// The server's clock in these tests; bodies pin their own `today` on or before it.
const SERVER_TODAY: (i32, u32, u32) = (2028, 6, 30);
const KEY: &str = "local-development-key";

fn server_today() -> NaiveDate {
    date(SERVER_TODAY.0, SERVER_TODAY.1, SERVER_TODAY.2)
}

fn days_before(day: NaiveDate, n: u64) -> String {
    (day - Days::new(n)).to_string()
}

/// A concern on `route` that is ready on `today`, with an organisation of `sector` and a
/// customer; add or replace fields with [`with`].
fn concern(route: &str, today: NaiveDate, sector: Option<&str>) -> Value {
    let mut body = json!({
        "route": route,
        "today": today.to_string(),
        "organisation": {"name": "Example Organisation Ltd", "sector": sector},
        "customer": {"name": "Alex Jones", "email": "alex@example.org"},
        "summary": "I asked them about my records and nothing happened.",
    });
    let ready = match route {
        // No answer in 40 days: the 30-day (28 for credit files) response time has passed.
        "data_protection" | "credit_file" => json!({"raised_on": days_before(today, 40)}),
        // No answer in 60 calendar days: more than 20 working days.
        "foi" | "eir" => json!({
            "raised_on": days_before(today, 60),
            "organisation": {"name": "Example Authority", "sector": sector, "public_authority": true},
        }),
        "cctv_household" => json!({"consent_to_be_named": true}),
        "marketing" => json!({"channel": "sms"}),
        "breach" => json!({"aware_at": format!("{}T09:00:00Z", days_before(today, 1))}),
        "service_complaint" => json!({"incident_on": days_before(today, 10)}),
        _ => json!({}),
    };
    with(&mut body, ready);
    body
}

/// Sets every field of `fields` in `body` (objects are replaced whole).
fn with(body: &mut Value, fields: Value) {
    for (name, value) in fields.as_object().unwrap() {
        body[name] = value.clone();
    }
}

impl TestPortal {
    fn cases_url(&self) -> String {
        format!("{}/api/v1/cases", self.url)
    }
}

/// An idempotency key not used before in this process (every case needs one).
fn fresh_key() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    format!("test-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// Posts `body` with the sandbox key and an idempotency key (`idempotency`, else a fresh one).
async fn post(portal: &TestPortal, body: &Value, idempotency: Option<&str>) -> (u16, Value) {
    let key = idempotency.map_or_else(fresh_key, str::to_owned);
    let request = portal
        .client
        .post(portal.cases_url())
        .bearer_auth(KEY)
        .header("idempotency-key", key)
        .json(body);
    send(request).await
}

async fn send(request: reqwest::RequestBuilder) -> (u16, Value) {
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
    (status, body)
}

/// Posts `body` and expects a new case.
async fn created(portal: &TestPortal, body: &Value) -> Value {
    let (status, answer) = post(portal, body, None).await;
    assert_eq!(status, 201, "{body}\n→ {answer}");
    answer
}

fn queue(answer: &Value) -> Option<u64> {
    answer["work_queue"].as_u64()
}

fn flags(answer: &Value) -> Vec<&str> {
    answer["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|flag| flag.as_str().unwrap())
        .collect()
}

#[tokio::test]
async fn data_protection_concerns_go_to_the_rfa_queue_of_their_sector() {
    let portal = spawn_portal(server_today()).await;
    let today = date(2026, 3, 2);
    let table = [
        ("telecoms", 6),
        ("direct_marketing", 6),
        ("lenders", 7),
        ("credit_reference_agencies", 7),
        ("general_business", 8),
        ("motor_industry", 8),
        ("central_government", 9),
        ("finance", 9),
        ("police", 10),
        ("home_office", 10),
        ("london_borough", 11),
        ("charity", 11),
        ("health", 12),
        ("bbc", 12),
        ("local_government", 13),
        ("a_sector_nobody_knows", 5),
    ];
    for (sector, expected) in table {
        let answer = created(&portal, &concern("data_protection", today, Some(sector))).await;
        assert_eq!(answer["case_type"], "RFA", "{sector}");
        assert_eq!(queue(&answer), Some(expected), "{sector}");
        assert_eq!(answer["priority"], "normal", "{sector}");
        assert_eq!(answer["verdict"], "ready", "{sector}");
    }
    let answer = created(&portal, &concern("data_protection", today, None)).await;
    assert_eq!(queue(&answer), Some(5), "no sector: the staging queue");
}

#[tokio::test]
async fn foi_and_eir_concerns_go_to_the_fs50_queue_of_their_sector_or_stay_on_the_sift_list() {
    let portal = spawn_portal(server_today()).await;
    let today = date(2026, 3, 2);
    let table = [
        ("central_government", Some(14)),
        ("police", Some(15)),
        ("ministry_of_justice", Some(15)),
        ("education", Some(16)),
        ("london_borough", Some(16)),
        ("regulator", Some(17)),
        ("transport", Some(17)),
        ("local_government", Some(18)),
        ("telecoms", None),
        ("finance", None),
        ("a_sector_nobody_knows", None),
    ];
    for (sector, expected) in table {
        let answer = created(&portal, &concern("foi", today, Some(sector))).await;
        assert_eq!(answer["case_type"], "FS50", "{sector}");
        assert_eq!(queue(&answer), expected, "{sector}");
        assert!(answer["work_queue"].is_null() == expected.is_none());
    }
    let answer = created(&portal, &concern("eir", today, Some("local_government"))).await;
    assert_eq!(answer["case_type"], "FS50", "EIR is set up as FS50");
    assert_eq!(queue(&answer), Some(18));
}

#[tokio::test]
async fn the_other_routes_get_their_case_types_and_queues() {
    let portal = spawn_portal(server_today()).await;
    let today = date(2026, 3, 2);

    let credit = created(
        &portal,
        &concern("credit_file", today, Some("credit_reference_agencies")),
    )
    .await;
    assert_eq!(
        (credit["case_type"].as_str(), queue(&credit)),
        (Some("RFA"), Some(7))
    );

    let cctv = created(&portal, &concern("cctv_household", today, None)).await;
    assert_eq!(
        (cctv["case_type"].as_str(), queue(&cctv)),
        (Some("RFA"), Some(5))
    );

    let breach = created(&portal, &concern("breach", today, Some("lenders"))).await;
    assert_eq!(breach["case_type"], "COM");
    assert_eq!(queue(&breach), Some(3));
    assert_eq!(breach["priority"], "high");
    assert_eq!(breach["assign_by"], "2026-03-09", "5 working days for COM");

    let complaint = created(&portal, &concern("service_complaint", today, None)).await;
    assert_eq!(complaint["case_type"], "RCC");
    assert!(complaint["work_queue"].is_null(), "{complaint}");
    assert_eq!(complaint["priority"], "normal");
    // Acknowledged within 5 working days, decided within 30 calendar days (policy §4).
    assert_eq!(complaint["assign_by"], "2026-03-09");
    assert_eq!(complaint["close_by"], "2026-04-01");

    let marketing = created(&portal, &concern("marketing", today, None)).await;
    assert_eq!(marketing["case_type"], "ELE");
    assert_eq!(queue(&marketing), Some(6));
    assert_eq!(marketing["verdict"], "report_instead");

    let advice = created(&portal, &concern("advice", today, None)).await;
    assert_eq!(
        (advice["case_type"].as_str(), queue(&advice)),
        (Some("ENQ"), Some(1))
    );
}

#[tokio::test]
async fn service_levels_count_working_days_in_england_and_wales_and_calendar_days_and_months() {
    let portal = spawn_portal(server_today()).await;
    // created, assign_by (3 working days), first contact (+14), promised (+30), close (+6 months)
    let table = [
        // An ordinary Monday.
        (
            "2026-03-02",
            "2026-03-05",
            "2026-03-16",
            "2026-04-01",
            "2026-09-02",
        ),
        // Christmas Eve, a Friday: Christmas and Boxing Day fall on the weekend, so Monday 27
        // and Tuesday 28 December are the bank holidays.
        (
            "2027-12-24",
            "2027-12-31",
            "2028-01-07",
            "2028-01-23",
            "2028-06-24",
        ),
        // The Tuesday before Christmas 2026: Friday 25 and Monday 28 are bank holidays.
        (
            "2026-12-22",
            "2026-12-29",
            "2027-01-05",
            "2027-01-21",
            "2027-06-22",
        ),
        // The day before Good Friday 2027: Good Friday and Easter Monday are skipped.
        (
            "2027-03-25",
            "2027-04-01",
            "2027-04-08",
            "2027-04-24",
            "2027-09-25",
        ),
        // Scotland's summer bank holiday (Monday 3 August 2026) is a working day here.
        (
            "2026-07-31",
            "2026-08-05",
            "2026-08-14",
            "2026-08-30",
            "2027-01-31",
        ),
        // Created on a bank holiday (31 August 2026); six months on, February has no 31st.
        (
            "2026-08-31",
            "2026-09-03",
            "2026-09-14",
            "2026-09-30",
            "2027-02-28",
        ),
        // And in a leap year February ends on the 29th.
        (
            "2027-08-31",
            "2027-09-03",
            "2027-09-14",
            "2027-09-30",
            "2028-02-29",
        ),
    ];
    for (created_on, assign_by, first_contact, promised, close_by) in table {
        let today = NaiveDate::parse_from_str(created_on, "%Y-%m-%d").unwrap();
        let answer = created(
            &portal,
            &concern("data_protection", today, Some("telecoms")),
        )
        .await;
        assert_eq!(
            answer["assign_by"], assign_by,
            "assign_by, created {created_on}"
        );
        assert_eq!(
            answer["first_contact_due"], first_contact,
            "first_contact_due, created {created_on}"
        );
        assert_eq!(
            answer["contact_promised_by"], promised,
            "contact_promised_by, created {created_on}"
        );
        assert_eq!(
            answer["close_by"], close_by,
            "close_by, created {created_on}"
        );
    }
}

#[tokio::test]
async fn a_breach_reported_on_christmas_eve_is_assigned_within_five_working_days() {
    let portal = spawn_portal(server_today()).await;
    let answer = created(&portal, &concern("breach", date(2027, 12, 24), None)).await;
    // 27 and 28 December and 3 January (New Year's Day substitute) are bank holidays.
    assert_eq!(answer["assign_by"], "2028-01-05");
    assert_eq!(answer["first_contact_due"], "2028-01-07");
    assert_eq!(answer["close_by"], "2028-06-24");
}

#[tokio::test]
async fn without_today_in_the_body_the_case_is_created_on_the_servers_date() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    let mut body = concern("advice", date(2026, 3, 2), None);
    body.as_object_mut().unwrap().remove("today");
    let answer = created(&portal, &body).await;
    assert_eq!(answer["assign_by"], "2026-03-05");
    // Written advice: all answered within 30 calendar days (policy §4).
    assert_eq!(answer["close_by"], "2026-04-01");
}

#[tokio::test]
async fn the_directory_records_sector_wins_over_the_answer() {
    let portal = spawn_portal(server_today()).await;
    let today = date(2026, 3, 2);
    // Experian is a credit reference agency (7), whatever the caller says.
    let mut body = concern("data_protection", today, Some("health"));
    body["organisation"]["id"] = json!("extra:experian");
    body["organisation"]["name"] = json!("The credit people");
    assert_eq!(queue(&created(&portal, &body).await), Some(7));
    // Camden is a London borough: 11 for RFA, 16 for FS50, not local government's 13 and 18.
    let mut body = concern("data_protection", today, Some("local_government"));
    body["organisation"]["id"] = json!("la:CMD");
    assert_eq!(queue(&created(&portal, &body).await), Some(11));
    let mut body = concern("foi", today, Some("police"));
    body["organisation"]["id"] = json!("la:CMD");
    assert_eq!(queue(&created(&portal, &body).await), Some(16));
    // An id alone is enough: the record gives the name.
    let mut body = concern("data_protection", today, None);
    body["organisation"] = json!({"id": "la:LDS"});
    assert_eq!(queue(&created(&portal, &body).await), Some(13));
    // The record's own name finds it too.
    let mut body = concern("data_protection", today, Some("police"));
    body["organisation"] = json!({"name": "Leeds City Council", "sector": "police"});
    assert_eq!(queue(&created(&portal, &body).await), Some(13));
    // An id the directory does not know is ignored: the answer routes the case.
    let mut body = concern("data_protection", today, Some("police"));
    body["organisation"]["id"] = json!("extra:no-such-organisation");
    assert_eq!(queue(&created(&portal, &body).await), Some(10));
}

#[tokio::test]
async fn a_concern_that_is_not_ready_is_not_eligible() {
    let portal = spawn_portal(server_today()).await;
    let today = date(2026, 3, 2);
    let mut body = concern("data_protection", today, Some("telecoms"));
    body["raised_on"] = json!(days_before(today, 5));
    let (status, answer) = post(&portal, &body, None).await;
    assert_eq!(status, 422, "{answer}");
    assert_eq!(answer["error"], "not_eligible");
    assert_eq!(answer["verdict"], "not_yet");
    assert_eq!(answer["reasons"], json!(["awaiting_response"]));
    assert_eq!(answer["can_complain_from"], "2026-03-28");

    // Not raised with the organisation at all.
    let mut body = concern("data_protection", today, Some("telecoms"));
    body["raised_on"] = Value::Null;
    let (status, answer) = post(&portal, &body, None).await;
    assert_eq!((status, answer["verdict"].as_str()), (422, Some("not_yet")));
    assert_eq!(answer["reasons"], json!(["not_raised_with_organisation"]));
}

#[tokio::test]
async fn a_concern_for_someone_else_is_not_eligible_with_a_signpost() {
    let portal = spawn_portal(server_today()).await;
    let today = date(2026, 3, 2);
    let mut body = concern("foi", today, Some("local_government"));
    body["organisation"]["scottish_public_authority"] = json!(true);
    let (status, answer) = post(&portal, &body, None).await;
    assert_eq!(status, 422, "{answer}");
    assert_eq!(answer["error"], "not_eligible");
    assert_eq!(answer["verdict"], "not_for_us");
    assert_eq!(answer["reasons"], json!(["scottish_public_authority"]));
    assert_eq!(answer["signpost"], "scottish_information_commissioner");

    let mut body = concern("marketing", today, None);
    body["channel"] = json!("silent_call");
    let (status, answer) = post(&portal, &body, None).await;
    assert_eq!(
        (status, answer["verdict"].as_str()),
        (422, Some("not_for_us"))
    );
    assert_eq!(answer["signpost"], "ofcom");

    // The rules answer first, even when the customer's details are wrong too.
    let mut body = concern("data_protection", today, None);
    body["organisation"]["country"] = json!("US");
    body["customer"]["email"] = json!("not an email");
    let (status, answer) = post(&portal, &body, None).await;
    assert_eq!(
        (status, answer["error"].as_str()),
        (422, Some("not_eligible"))
    );
    assert_eq!(answer["reasons"], json!(["organisation_outside_eea"]));
}

#[tokio::test]
async fn a_late_concern_is_accepted_and_says_so() {
    let portal = spawn_portal(server_today()).await;
    let today = date(2026, 3, 2);
    let mut body = concern("data_protection", today, Some("telecoms"));
    body["raised_on"] = json!("2025-06-02");
    let answer = created(&portal, &body).await;
    assert_eq!(answer["verdict"], "late");
    assert_eq!(
        answer["reasons"],
        json!(["response_overdue", "undue_delay"])
    );
}

#[tokio::test]
async fn a_request_without_a_known_key_is_unauthorized() {
    let portal = spawn_portal(server_today()).await;
    let body = concern("advice", date(2026, 3, 2), None);
    let url = portal.cases_url();
    let client = &portal.client;
    let post = |url: &str| client.post(url).header("idempotency-key", fresh_key());

    let (status, answer) = send(post(&url).json(&body)).await;
    assert_eq!(
        (status, answer["error"].as_str()),
        (401, Some("unauthorized"))
    );

    let wrong = post(&url).bearer_auth("local-development-kez");
    assert_eq!(answer_status(wrong.json(&body)).await, 401);
    let wrong = post(&url).header("x-api-key", "");
    assert_eq!(answer_status(wrong.json(&body)).await, 401);
    let basic = post(&url).basic_auth("sandbox", Some(KEY));
    assert_eq!(answer_status(basic.json(&body)).await, 401);

    let header = post(&url).header("x-api-key", KEY);
    assert_eq!(answer_status(header.json(&body)).await, 201);
    let lower = post(&url).header("authorization", format!("bearer {KEY}"));
    assert_eq!(answer_status(lower.json(&body)).await, 201);
}

async fn answer_status(request: reqwest::RequestBuilder) -> u16 {
    send(request).await.0
}

#[tokio::test]
async fn the_same_idempotency_key_gives_the_same_case_once() {
    let (portal, database) = spawn_portal_with_db(server_today()).await;
    let body = concern("data_protection", date(2026, 3, 2), Some("telecoms"));
    let (first_status, first) = post(&portal, &body, Some("order-7f3a")).await;
    let (second_status, second) = post(&portal, &body, Some("order-7f3a")).await;
    assert_eq!(
        (first_status, second_status),
        (201, 200),
        "{first}\n{second}"
    );
    assert_eq!(first["reference"], second["reference"]);
    assert_eq!(first["work_queue"], second["work_queue"]);
    assert_eq!(first["assign_by"], second["assign_by"]);
    assert_eq!(database.intake_counts().await.unwrap().0, 1);

    // Another key is another case.
    let (status, other) = post(&portal, &body, Some("order-7f3b")).await;
    assert_eq!(status, 201);
    assert_ne!(other["reference"], first["reference"]);
    assert_eq!(database.intake_counts().await.unwrap().0, 2);
}

#[tokio::test]
async fn ten_concurrent_posts_with_the_same_key_make_one_case() {
    let (portal, database) = spawn_portal_with_db(server_today()).await;
    let body = concern("breach", date(2026, 3, 2), Some("lenders"));
    let portal = std::sync::Arc::new(portal);
    let posts: Vec<_> = (0..10)
        .map(|_| {
            let (portal, body) = (portal.clone(), body.clone());
            tokio::spawn(async move { post(&portal, &body, Some("retry-storm")).await })
        })
        .collect();
    let mut answers = Vec::new();
    for handle in posts {
        answers.push(handle.await.unwrap());
    }
    let statuses: Vec<u16> = answers.iter().map(|(status, _)| *status).collect();
    assert_eq!(
        statuses.iter().filter(|&&s| s == 201).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|&&s| s == 200).count(),
        9,
        "{statuses:?}"
    );
    let reference = &answers[0].1["reference"];
    assert!(answers
        .iter()
        .all(|(_, answer)| &answer["reference"] == reference));
    assert_eq!(database.intake_counts().await.unwrap().0, 1);
}

#[tokio::test]
async fn an_idempotency_key_over_200_characters_or_not_ascii_is_refused() {
    let portal = spawn_portal(server_today()).await;
    let body = concern("advice", date(2026, 3, 2), None);
    let (status, answer) = post(&portal, &body, Some(&"k".repeat(201))).await;
    assert_eq!(status, 422);
    assert!(answer["fields"]["Idempotency-Key"].is_string(), "{answer}");
    let not_ascii = reqwest::header::HeaderValue::from_bytes("café".as_bytes()).unwrap();
    let request = portal
        .client
        .post(portal.cases_url())
        .bearer_auth(KEY)
        .header("idempotency-key", not_ascii)
        .json(&body);
    let (status, answer) = send(request).await;
    assert_eq!(status, 422, "not silently ignored: {answer}");
    assert!(answer["fields"]["Idempotency-Key"].is_string(), "{answer}");
}

/// Posts `body` and expects 422 invalid_input; returns the field errors.
async fn refused(portal: &TestPortal, body: &Value) -> Value {
    let (status, answer) = post(portal, body, None).await;
    assert_eq!(status, 422, "{answer}");
    assert_eq!(answer["error"], "invalid_input", "{answer}");
    answer["fields"].clone()
}

#[tokio::test]
async fn invalid_submissions_are_refused_field_by_field() {
    let portal = spawn_portal(server_today()).await;
    let today = date(2026, 3, 2);
    let ready = || concern("data_protection", today, Some("telecoms"));

    let mut body = ready();
    body["customer"]["email"] = json!("alex@example");
    assert!(refused(&portal, &body).await["customer.email"].is_string());

    let mut body = ready();
    body["summary"] = json!("a".repeat(2001));
    assert!(refused(&portal, &body).await["summary"].is_string());
    body["summary"] = json!("a".repeat(2000));
    created(&portal, &body).await;

    let mut body = ready();
    body["today"] = json!("2028-07-01");
    assert!(refused(&portal, &body).await["today"].is_string());

    let mut body = ready();
    body["timeline"] = json!([{"on": "2026-03-03", "what": "Tomorrow."}]);
    assert!(refused(&portal, &body).await["timeline[0].on"].is_string());
    body["timeline"] =
        json!([{"on": "2026-13-01", "what": "Never."}, {"on": "2026-03-01", "what": ""}]);
    let fields = refused(&portal, &body).await;
    assert!(fields["timeline[0].on"].is_string(), "{fields}");

    let mut body = ready();
    body["route"] = json!("gossip");
    assert!(refused(&portal, &body).await["route"].is_string());

    let mut body = ready();
    body["customer"] = json!({"name": "", "email": "a@example.org", "contact_by": "post"});
    body["acting_for"] = json!({"name": "Sam", "relationship": "cousin"});
    let fields = refused(&portal, &body).await;
    assert!(fields["customer.name"].is_string(), "{fields}");
    assert!(fields["customer.contact_by"].is_string(), "{fields}");
    assert!(fields["acting_for.relationship"].is_string(), "{fields}");

    // A bad readiness field and a bad submission field are reported together.
    let mut body = ready();
    body["raised_on"] = json!("yesterday");
    body["customer"]["email"] = json!("");
    let fields = refused(&portal, &body).await;
    assert!(
        fields["raised_on"].is_string() && fields["customer.email"].is_string(),
        "{fields}"
    );

    // Before the bank holiday data: the calendar says so rather than guess.
    let mut body = concern("advice", date(2011, 6, 1), None);
    body["today"] = json!("2011-06-01");
    assert!(refused(&portal, &body).await["today"].is_string());
}

#[tokio::test]
async fn bodies_that_are_not_a_concern_never_make_a_500() {
    let portal = spawn_portal(server_today()).await;
    let url = portal.cases_url();
    let raw = |text: &str| {
        portal
            .client
            .post(&url)
            .bearer_auth(KEY)
            .header("idempotency-key", fresh_key())
            .header("content-type", "application/json")
            .body(text.to_owned())
    };
    let (status, answer) = send(raw("route=advice")).await;
    assert_eq!(
        (status, answer["error"].as_str()),
        (400, Some("invalid_json"))
    );
    let (status, answer) = send(raw("[{\"route\": \"advice\"}]")).await;
    assert_eq!(
        (status, answer["error"].as_str()),
        (422, Some("invalid_input"))
    );
    assert!(answer["fields"][""].is_string(), "{answer}");
    for text in [
        "null",
        "42",
        "\"advice\"",
        "{}",
        "{\"route\": null}",
        "{\"customer\": []}",
    ] {
        let status = answer_status(raw(text)).await;
        assert_eq!(status, 422, "{text}");
    }
    let mut body = concern("advice", date(2026, 3, 2), None);
    for (field, value) in [
        ("customer", json!("Alex")),
        ("timeline", json!({"on": "2026-03-01"})),
        ("timeline", json!([1, 2])),
        ("evidence", json!("a file")),
        ("evidence", json!([null])),
        ("acting_for", json!(true)),
        ("summary", json!(["a", "b"])),
        ("organisation", json!({"name": 7, "id": 8})),
    ] {
        let saved = body[field].clone();
        body[field] = value;
        let (status, answer) = post(&portal, &body, None).await;
        assert_eq!(status, 422, "{field}: {answer}");
        body[field] = saved;
    }
}

#[tokio::test]
async fn a_megabyte_of_script_is_refused_and_hostile_text_is_kept_as_text() {
    let (portal, database) = spawn_portal_with_db(server_today()).await;
    let today = date(2026, 3, 2);
    let mut body = concern("data_protection", today, Some("telecoms"));
    body["summary"] = json!("<script>alert(1)</script>".repeat(1024 * 1024 / 25));
    let fields = refused(&portal, &body).await;
    assert!(fields["summary"].is_string());

    let hostile = "<script>alert('x')</script>\"'; DROP TABLE cases; --";
    let mut body = concern("data_protection", today, Some("telecoms"));
    body["summary"] = json!(format!("{hostile} \u{202e}fdp.exe \u{0}\u{7} 🙂"));
    body["customer"]["name"] = json!(format!("Robert{hostile}\u{0}"));
    body["organisation"]["name"] = json!(format!("Evil {hostile}\u{0}"));
    body["acting_for"] =
        json!({"name": format!("Bobby\u{0}{hostile}"), "relationship": "parent_or_guardian"});
    body["customer"]["address"] = json!("1 High Street\u{0}\r\nLeeds");
    body["timeline"] = json!([{"on": "2026-01-05", "what": format!("{hostile}\u{0}")}]);
    let response = portal
        .client
        .post(portal.cases_url())
        .bearer_auth(KEY)
        .header("idempotency-key", fresh_key())
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 201);
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        content_type.starts_with("application/json"),
        "{content_type}"
    );
    let text = response.text().await.unwrap();
    assert!(!text.contains("<script>"), "{text}");
    assert_eq!(database.intake_counts().await.unwrap(), (1, 3, 1));
}

fn base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// A small, real, one-page PDF.
fn small_pdf() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        "<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 770 Td (Dear Sir) Tj ET\nendstream",
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

async fn documents(database: &server::db::Database) -> Vec<(String, String, String, i64)> {
    use sqlx::Row;
    sqlx::query("SELECT kind, file_name, file_type, size_bytes FROM documents")
        .fetch_all(&database.pool)
        .await
        .unwrap()
        .iter()
        .map(|row| {
            (
                row.try_get("kind").unwrap(),
                row.try_get("file_name").unwrap(),
                row.try_get("file_type").unwrap(),
                row.try_get("size_bytes").unwrap(),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_pdf_is_stored_with_the_case_and_counts_as_the_document_it_is() {
    let (portal, database) = spawn_portal_with_db(server_today()).await;
    let today = date(2026, 3, 2);
    let pdf = small_pdf();
    let mut body = concern("data_protection", today, Some("telecoms"));
    let answer = created(&portal, &body).await;
    assert_eq!(
        answer["missing_documents"],
        json!(["concern_to_organisation"])
    );

    body["evidence"] = json!([{
        "kind": "concern_to_organisation",
        "file_name": "my letter.pdf",
        "content_base64": base64(&pdf),
    }]);
    let answer = created(&portal, &body).await;
    assert_eq!(answer["missing_documents"], json!([]), "{answer}");
    let stored = documents(&database).await;
    let size = i64::try_from(pdf.len()).unwrap();
    assert_eq!(
        stored,
        vec![(
            "concern_to_organisation".to_owned(),
            "my letter.pdf".to_owned(),
            "pdf".to_owned(),
            size
        )]
    );

    // Consent and anything else are kinds too; they do not stand in for a required document.
    body["evidence"] = json!([
        {"kind": "consent", "file_name": "consent.pdf", "content_base64": base64(&pdf)},
        {"kind": "other", "file_name": "notes.txt", "content_base64": base64(b"Notes.\n")},
    ]);
    let answer = created(&portal, &body).await;
    assert_eq!(
        answer["missing_documents"],
        json!(["concern_to_organisation"])
    );
    assert_eq!(documents(&database).await.len(), 3);
}

#[tokio::test]
async fn an_executable_or_an_oversized_file_is_refused_on_its_field() {
    let (portal, database) = spawn_portal_with_db(server_today()).await;
    let mut body = concern("data_protection", date(2026, 3, 2), Some("telecoms"));
    let mut elf = b"\x7fELF\x02\x01\x01\x00".to_vec();
    elf.extend_from_slice(&[0u8; 120]);
    body["evidence"] = json!([{"kind": "concern_to_organisation", "file_name": "letter.pdf", "content_base64": base64(&elf)}]);
    let fields = refused(&portal, &body).await;
    assert!(fields["evidence[0]"].is_string(), "{fields}");

    let mut big = b"%PDF-1.4\n".to_vec();
    big.resize(10 * 1024 * 1024 + 1, b' ');
    body["evidence"] = json!([
        {"kind": "other", "file_name": "ok.txt", "content_base64": base64(b"Fine.\n")},
        {"kind": "organisation_response", "file_name": "big.pdf", "content_base64": base64(&big)},
    ]);
    let fields = refused(&portal, &body).await;
    let message = fields["evidence[1]"].as_str().unwrap_or_default();
    assert!(message.contains("smaller than 10MB"), "{fields}");
    assert!(fields.get("evidence[0]").is_none(), "{fields}");

    body["evidence"] = json!([
        {"kind": "a_selfie", "file_name": "me.jpg", "content_base64": base64(b"x")},
        {"kind": "other", "file_name": "x.txt", "content_base64": "not base64!"},
    ]);
    let fields = refused(&portal, &body).await;
    assert!(fields["evidence[0].kind"].is_string(), "{fields}");
    assert!(fields["evidence[1].content_base64"].is_string(), "{fields}");

    assert_eq!(database.intake_counts().await.unwrap().0, 0);
    assert!(documents(&database).await.is_empty());
}

#[tokio::test]
async fn replies_in_welsh_and_criminal_phrases_raise_sift_flags() {
    let portal = spawn_portal(server_today()).await;
    let today = date(2026, 3, 2);
    let mut body = concern("data_protection", today, Some("telecoms"));
    body["customer"]["reply_in_welsh"] = json!(true);
    let answer = created(&portal, &body).await;
    assert_eq!(flags(&answer), vec!["welsh_language"]);

    let mut body = concern("data_protection", today, Some("health"));
    body["summary"] = json!("A receptionist looked at my medical records and sold my data.");
    let answer = created(&portal, &body).await;
    assert_eq!(flags(&answer), vec!["potential_criminal_breach"]);

    let mut body = concern("data_protection", today, Some("health"));
    body["summary"] =
        json!("Roedd y cyngor wedi anfon fy manylion i'r cwmni anghywir ac mae hyn yn ddrwg.");
    let answer = created(&portal, &body).await;
    assert_eq!(flags(&answer), vec!["welsh_language"], "a summary in Welsh");

    let answer = created(&portal, &concern("data_protection", today, Some("health"))).await;
    assert!(flags(&answer).is_empty());
}

#[tokio::test]
async fn the_openapi_document_is_served_as_json() {
    let portal = spawn_portal(server_today()).await;
    let response = portal.get("/api/v1/openapi.json").await;
    assert_eq!(response.status().as_u16(), 200);
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(content_type, "application/json");
    let document: Value = response.json().await.unwrap();
    assert_eq!(document["openapi"], "3.1.0");
    for path in ["/api/v1/readiness", "/api/v1/cases"] {
        assert!(
            document["paths"][path]["post"]["responses"].is_object(),
            "{path}"
        );
    }
}

#[tokio::test]
async fn the_documented_examples_answer_as_documented() {
    let portal = spawn_portal(server_today()).await;
    let document: Value =
        serde_json::from_str(include_str!("../../src/http/openapi.json")).unwrap();
    let operation = &document["paths"]["/api/v1/cases"]["post"];
    let examples = &operation["requestBody"]["content"]["application/json"]["examples"];
    let documented = &operation["responses"]["201"]["content"]["application/json"]["example"];

    let mut answer = created(&portal, &examples["data_protection"]["value"]).await;
    assert!(answer["reference"].as_str().unwrap().starts_with("IC-"));
    answer["reference"] = documented["reference"].clone();
    assert_eq!(&answer, documented);

    let breach = created(&portal, &examples["breach"]["value"]).await;
    assert_eq!(
        (breach["case_type"].as_str(), queue(&breach)),
        (Some("COM"), Some(3))
    );
    assert_eq!(breach["reasons"], json!(["reported_after_72_hours"]));

    let readiness = &document["paths"]["/api/v1/readiness"]["post"];
    let request =
        &readiness["requestBody"]["content"]["application/json"]["examples"]["foi"]["value"];
    let (status, assessment) = portal.readiness(&request.to_string()).await;
    assert_eq!(status, 200);
    assert_eq!(
        &assessment,
        &readiness["responses"]["200"]["content"]["application/json"]["example"]
    );
}
