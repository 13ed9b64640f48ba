//! The breach report through HTTP, as a browser without JavaScript uses it: start from the
//! self-assessment, answer each part (refused answers come back with their problems), save and
//! come back through the emailed link in another browser, send once however often it is
//! posted, add a follow-up under the same reference, and the Enforcement triage's move. Against
//! SQLite, or PostgreSQL with `PORTAL_TEST_DATABASE_URL`.

use app::domain::staff::Role;
use sqlx::Row;

use crate::staff::{get, post, signed_in};
use crate::support::{browser, date, location, spawn_portal, TestPortal};

/// Every part's answers, valid on 2 March 2026 (aware on 1 March at 09:30: in time).
pub(crate) const PARTS: &[(&str, &[(&str, &str)])] = &[
    (
        "organisation",
        &[
            ("name", "Northshire Primary School"),
            ("registration_number", "za123456"),
            ("sector", "education"),
            ("size", "medium"),
        ],
    ),
    (
        "contact",
        &[
            ("role", "dpo"),
            ("name", "Dana Protector"),
            ("email", "dpo@northshire.example.org"),
            ("phone", "01632 960 001"),
        ],
    ),
    (
        "what-happened",
        &[
            (
                "description",
                "A spreadsheet of pupils' health needs was emailed to the wrong parent.",
            ),
            ("cyber_incident", "no"),
            ("how_discovered", "The parent told us."),
        ],
    ),
    (
        "timing",
        &[
            ("occurred.day", "28"),
            ("occurred.month", "2"),
            ("occurred.year", "2026"),
            ("aware.day", "1"),
            ("aware.month", "3"),
            ("aware.year", "2026"),
            ("aware.hour", "9"),
            ("aware.minute", "30"),
        ],
    ),
    (
        "data",
        &[
            ("categories", "health"),
            ("categories", "basic_identifiers"),
        ],
    ),
    (
        "scale",
        &[
            ("records", "240"),
            ("people", "240"),
            ("groups", "children"),
        ],
    ),
    (
        "consequences",
        &[
            ("description", "Distress to families."),
            ("likelihood", "likely"),
        ],
    ),
    (
        "containment",
        &[
            ("contained", "yes"),
            ("actions", "The parent deleted the email and confirmed it."),
        ],
    ),
    (
        "telling",
        &[
            ("people_told", "yes"),
            ("people_told_details", "Letters to every family."),
        ],
    ),
];

pub(crate) async fn start(portal: &TestPortal, client: &reqwest::Client) {
    let response = post(
        portal,
        client,
        "/report-breach/api/start",
        &[
            ("personal_data", "yes"),
            ("security_breach", "yes"),
            ("risk", "likely"),
        ],
    )
    .await;
    assert_eq!(response.status().as_u16(), 302);
    assert_eq!(location(&response), "/report-breach/report");
}

pub(crate) async fn answer(
    portal: &TestPortal,
    client: &reqwest::Client,
    part: &str,
    fields: &[(&str, &str)],
) -> String {
    let mut form = vec![("part", part)];
    form.extend_from_slice(fields);
    let response = post(portal, client, "/report-breach/api/part", &form).await;
    assert_eq!(response.status().as_u16(), 302, "{part}");
    location(&response)
}

pub(crate) async fn text(portal: &TestPortal, client: &reqwest::Client, path: &str) -> String {
    let response = get(portal, client, path).await;
    assert_eq!(response.status().as_u16(), 200, "{path}");
    response.text().await.unwrap()
}

pub(crate) async fn outbox(portal: &TestPortal, kind: &str) -> Vec<serde_json::Value> {
    sqlx::query(
        &portal
            .database
            .sql("SELECT payload FROM outbox WHERE kind = $1"),
    )
    .bind(kind)
    .fetch_all(&portal.database.pool)
    .await
    .unwrap()
    .iter()
    .map(|row| serde_json::from_str(&row.try_get::<String, _>("payload").unwrap()).unwrap())
    .collect()
}

/// The case's work queue, priority and assign-by date, as stored.
async fn queue_priority_assign_by(portal: &TestPortal, reference: &str) -> [String; 3] {
    let row = sqlx::query(
        &portal
            .database
            .sql("SELECT work_queue, priority, assign_by FROM cases WHERE reference = $1"),
    )
    .bind(reference)
    .fetch_one(&portal.database.pool)
    .await
    .unwrap();
    ["work_queue", "priority", "assign_by"].map(|column| row.try_get::<String, _>(column).unwrap())
}

#[tokio::test]
async fn a_report_is_written_in_parts_resumed_elsewhere_sent_once_and_followed_up() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    let first = browser();
    start(&portal, &first).await;
    let page = text(&portal, &first, "/report-breach/report").await;
    assert!(page.contains("You have completed 0 of 9 parts."));
    assert!(page.contains("Tell us when you became aware"));

    // Bad input: awareness in the future and before the breach, an absurd count, hostile text.
    let back = answer(
        &portal,
        &first,
        "timing",
        &[
            ("occurred.day", "5"),
            ("occurred.month", "3"),
            ("occurred.year", "2026"),
            ("aware.day", "9"),
            ("aware.month", "3"),
            ("aware.year", "2026"),
            ("aware.hour", "10"),
            ("aware.minute", "00"),
        ],
    )
    .await;
    assert_eq!(back, "/report-breach/report/timing");
    let page = text(&portal, &first, &back).await;
    assert!(
        page.contains("The date and time you became aware must be in the past"),
        "{page}"
    );
    assert!(page.contains("href=\"#aware.day\""));
    assert!(page.contains("value=\"9\""), "what was typed is kept");
    let back = answer(
        &portal,
        &first,
        "scale",
        &[
            ("records", "99999999999999"),
            ("people", "-3"),
            ("groups", "children"),
        ],
    )
    .await;
    let page = text(&portal, &first, &back).await;
    assert!(page.contains("The number of records must be 10,000,000,000 or fewer"));
    let hostile = "<script>alert(1)</script>";
    answer(
        &portal,
        &first,
        "what-happened",
        &[("description", hostile), ("how_discovered", "x")],
    )
    .await;
    let page = text(&portal, &first, "/report-breach/report/what-happened").await;
    assert!(!page.contains(hostile), "typed text is escaped");

    // The first four parts, then save and come back later.
    for (part, fields) in &PARTS[..4] {
        assert_eq!(
            answer(&portal, &first, part, fields).await,
            "/report-breach/report"
        );
    }
    let page = text(&portal, &first, "/report-breach/report").await;
    assert!(page.contains("You have completed 4 of 9 parts."));
    assert!(
        page.contains("You have 45 hours left"),
        "aware 1 March 09:30, now 2 March 12:00"
    );
    let response = post(
        &portal,
        &first,
        "/report-breach/api/save",
        &[("email", "not an email")],
    )
    .await;
    assert_eq!(location(&response), "/report-breach/report/save");
    let response = post(
        &portal,
        &first,
        "/report-breach/api/save",
        &[("email", "dpo@northshire.example.org")],
    )
    .await;
    assert_eq!(location(&response), "/report-breach/report/saved");
    let links = outbox(&portal, "breach_resume").await;
    assert_eq!(links.len(), 1);
    let link = links[0]["link"].as_str().unwrap().to_owned();
    let token = link.rsplit('/').next().unwrap().to_owned();
    let stored_hashes: i64 = sqlx::query(
        &portal
            .database
            .sql("SELECT COUNT(*) AS n FROM breach_resume_links WHERE token_hash = $1"),
    )
    .bind(&token)
    .fetch_one(&portal.database.pool)
    .await
    .unwrap()
    .try_get("n")
    .unwrap();
    assert_eq!(stored_hashes, 0, "the token itself is never stored");

    // Another browser: a forged link opens nothing; the real one opens the draft, once.
    let second = browser();
    let resume = "/report-breach/api/resume";
    for forged in [
        "a".repeat(64),
        "A".repeat(43),
        "../x".to_owned(),
        String::new(),
    ] {
        assert_eq!(
            location(&post(&portal, &second, resume, &[("token", &forged)]).await),
            "/report-breach/link-not-found"
        );
    }
    let path = format!("/report-breach/resume/{token}");
    let page = text(&portal, &second, &path).await;
    assert!(page.contains("Continue your report"));
    assert!(page.contains(&format!("value=\"{token}\"")));
    assert_eq!(
        location(&post(&portal, &second, resume, &[("token", &token)]).await),
        "/report-breach/report"
    );
    assert_eq!(
        location(&post(&portal, &browser(), resume, &[("token", &token)]).await),
        "/report-breach/link-not-found"
    );
    let page = text(&portal, &second, "/report-breach/report").await;
    assert!(page.contains("You have completed 4 of 9 parts."));

    // Sending before every part is done goes back to the task list.
    let response = post(&portal, &second, "/report-breach/api/send", &[]).await;
    assert_eq!(location(&response), "/report-breach/report?incomplete=true");
    for (part, fields) in &PARTS[4..] {
        assert_eq!(
            answer(&portal, &second, part, fields).await,
            "/report-breach/report"
        );
    }
    let page = text(&portal, &second, "/report-breach/report/check").await;
    assert!(page.contains("Northshire Primary School") && page.contains("ZA123456"));

    // Sent twice (a double click): one case.
    for _ in 0..2 {
        let response = post(&portal, &second, "/report-breach/api/send", &[]).await;
        assert_eq!(location(&response), "/report-breach/report/sent");
    }
    let page = text(&portal, &second, "/report-breach/report/sent").await;
    let cases = sqlx::query(
        &portal
            .database
            .sql("SELECT reference, work_queue, priority FROM cases WHERE case_type = 'COM'"),
    )
    .fetch_all(&portal.database.pool)
    .await
    .unwrap();
    assert_eq!(cases.len(), 1);
    let reference: String = cases[0].try_get("reference").unwrap();
    assert!(page.contains(&reference));
    assert_eq!(outbox(&portal, "breach_copy").await.len(), 1);

    // A follow-up: the wrong email is refused without saying whether the reference exists.
    let third = browser();
    let response = post(
        &portal,
        &third,
        "/report-breach/api/follow-up",
        &[
            ("reference", &reference),
            ("email", "someone@else.example"),
            ("text", "We now know 250 pupils."),
        ],
    )
    .await;
    assert_eq!(location(&response), "/report-breach/follow-up");
    let page = text(&portal, &third, "/report-breach/follow-up").await;
    assert!(page
        .contains("We cannot find a breach report with this reference number and email address"));
    // One character changed (never to the character it was: the reference may end in X).
    let last = if reference.ends_with('X') { 'Y' } else { 'X' };
    let mistyped = format!("{}{last}", &reference[..reference.len() - 1]);
    let response = post(
        &portal,
        &third,
        "/report-breach/api/follow-up",
        &[
            ("reference", &mistyped),
            ("email", "DPO@northshire.example.org"),
            ("text", "We now know 250 pupils."),
        ],
    )
    .await;
    assert_eq!(location(&response), "/report-breach/follow-up");
    let response = post(
        &portal,
        &third,
        "/report-breach/api/follow-up",
        &[
            ("reference", &reference.to_lowercase()),
            ("email", "DPO@northshire.example.org"),
            ("text", "We now know 250 pupils."),
        ],
    )
    .await;
    assert_eq!(
        location(&response),
        format!("/report-breach/follow-up/sent?reference={reference}")
    );
    let events = portal.database.case_events(&reference).await.unwrap();
    let kinds: Vec<&str> = events.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["submitted", "follow_up"]);
    assert_eq!(outbox(&portal, "breach_follow_up").await.len(), 1);
}

#[tokio::test]
async fn enforcement_triage_lists_the_day_by_risk_and_moves_update_queue_priority_and_dates() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    let organisation = browser();
    start(&portal, &organisation).await;
    for (part, fields) in PARTS {
        answer(&portal, &organisation, part, fields).await;
    }
    post(&portal, &organisation, "/report-breach/api/send", &[]).await;
    let reference: String = sqlx::query("SELECT reference FROM cases")
        .fetch_one(&portal.database.pool)
        .await
        .unwrap()
        .try_get("reference")
        .unwrap();

    // Only Enforcement opens the triage.
    let officer = signed_in(&portal, "officer@ico.example", &[Role::CaseOfficer]).await;
    assert_eq!(
        get(&portal, &officer, "/staff/breaches")
            .await
            .status()
            .as_u16(),
        403
    );
    let enforcement = signed_in(&portal, "enforcement@ico.example", &[Role::Enforcement]).await;
    let page = text(&portal, &enforcement, "/staff/breaches?day=2026-03-02").await;
    assert!(page.contains(&reference));
    // Special category (health) 3, children 3, 240 people 2, likely 3: 11, medium.
    assert!(page.contains("Medium risk"), "{page}");
    assert!(page.contains("Special category data: 3"));
    assert!(page.contains("Children or vulnerable adults affected: 3"));

    let response = post(
        &portal,
        &enforcement,
        "/staff/api/breaches/move",
        &[
            ("reference", &reference),
            ("to", "sector_queue"),
            ("day", "2026-03-02"),
        ],
    )
    .await;
    assert_eq!(response.status().as_u16(), 302);
    // Education's sector queue is 11; assignment 3 working days from Monday 2 March.
    assert_eq!(
        queue_priority_assign_by(&portal, &reference).await,
        [r#"{"numbered":11}"#, "medium", "2026-03-05"]
    );
    let events = portal.database.case_events(&reference).await.unwrap();
    assert_eq!(events.last().unwrap().kind, "triaged");
    assert_eq!(events.last().unwrap().actor, "enforcement@ico.example");

    let response = post(
        &portal,
        &enforcement,
        "/staff/api/breaches/move",
        &[("reference", &reference), ("to", "enforcement")],
    )
    .await;
    assert_eq!(response.status().as_u16(), 302);
    assert_eq!(
        queue_priority_assign_by(&portal, &reference).await,
        ["enforcement", "high", "2026-03-05"]
    );
}
