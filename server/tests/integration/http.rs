//! The portal through HTTP, on SQLite (default) or PostgreSQL (`PORTAL_TEST_DATABASE_URL`).

use crate::support::{date, location, spawn_portal};
use serde_json::json;

#[tokio::test]
async fn the_readiness_api_answers_the_contract_example_exactly() {
    let portal = spawn_portal(date(2026, 11, 23)).await;
    let (status, body) = portal
        .readiness(
            r#"{"route":"foi","today":"2026-03-02","organisation":{"name":"Leeds City Council","public_authority":true},
               "raised_on":"2026-01-05","response_on":"2026-01-30","documents":["information_request","authority_response"]}"#,
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        body,
        json!({"verdict":"not_yet","case_type":"FS50","reasons":["internal_review_not_requested"],
               "response_due":null,"can_complain_from":null,"complain_by":"2026-04-30",
               "required_documents":["information_request","authority_response"],"missing_documents":[],"signpost":null})
    );
}

#[tokio::test]
async fn an_foi_deadline_skips_a_holiday_kept_only_in_scotland() {
    // Requested Friday 27 November 2026. St Andrew's Day (Monday 30 November) is a bank holiday in
    // Scotland only, yet not an FOI working day; nor are Christmas (Friday 25 December) and the
    // Boxing Day substitute (Monday 28 December). Working day 20 is Wednesday 30 December (it would
    // be 29 December on the England and Wales calendar).
    let portal = spawn_portal(date(2026, 12, 1)).await;
    let (status, body) = portal
        .readiness(
            r#"{"route":"foi","organisation":{"public_authority":true},"raised_on":"2026-11-27"}"#,
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["reasons"], json!(["awaiting_response"]));
    assert_eq!(body["response_due"], json!("2026-12-30"));
    assert_eq!(body["can_complain_from"], json!("2026-12-31"));
}

#[tokio::test]
async fn the_subject_access_deadline_day_is_in_time_and_the_day_after_is_overdue() {
    let portal = spawn_portal(date(2026, 11, 23)).await;
    // 31 January 2026 + 1 month = 28 February 2026, a Saturday: moves to Monday 2 March.
    let request = |today: &str| {
        format!(
            r#"{{"route":"data_protection","subject_access":true,"today":"{today}","raised_on":"2026-01-31"}}"#
        )
    };
    let (_, on_the_day) = portal.readiness(&request("2026-03-02")).await;
    assert_eq!(on_the_day["verdict"], json!("not_yet"));
    assert_eq!(on_the_day["response_due"], json!("2026-03-02"));
    let (_, day_after) = portal.readiness(&request("2026-03-03")).await;
    assert_eq!(day_after["verdict"], json!("ready"));
    assert_eq!(day_after["reasons"], json!(["response_overdue"]));
}

#[tokio::test]
async fn bad_input_gets_400_or_422_with_field_errors_and_never_500() {
    let portal = spawn_portal(date(2026, 11, 23)).await;
    let (status, body) = portal.readiness("this is not json").await;
    assert_eq!(status, 400);
    assert_eq!(body["error"], json!("invalid_json"));

    let (status, body) = portal
        .readiness(r#"{"route":"foi","raised_on":"2026-02-30","response_on":"2026-12-01","documents":["x"]}"#)
        .await;
    assert_eq!(status, 422);
    assert_eq!(body["error"], json!("invalid_input"));
    for field in ["raised_on", "response_on", "documents[0]"] {
        assert!(body["fields"][field].is_string(), "{field} in {body}");
    }

    let (status, body) = portal
        .readiness(
            r#"{"route":"data_protection","raised_on":"2026-05-10","response_on":"2026-05-01"}"#,
        )
        .await;
    assert_eq!(status, 422);
    assert!(body["fields"]["response_on"].is_string());

    let hostile = [
        "[]".to_owned(),
        "42".to_owned(),
        "null".to_owned(),
        r#"{"route":null}"#.to_owned(),
        r#"{"route":"foi","today":"2031-01-01","raised_on":"2030-12-01"}"#.to_owned(),
        format!(
            r#"{{"route":"marketing","channel":"automated_call","advertised_number":"{}"}}"#,
            "9".repeat(100_000)
        ),
        format!("{}{}", "[".repeat(5000), "]".repeat(5000)),
        r#"{"route":"foi","organisation":"<script>alert(1)</script>"}"#.to_owned(),
    ];
    for body in hostile {
        let (status, _) = portal.readiness(&body).await;
        assert!(
            status == 200 || status == 400 || status == 422,
            "status {status} for {}",
            &body[..body.len().min(60)]
        );
    }
}

#[tokio::test]
async fn a_person_without_javascript_walks_to_a_not_yet_verdict_with_a_letter_and_a_reminder() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    let (status, page) = portal.page("/concern/about").await;
    assert_eq!(status, 200);
    assert!(page.contains("What is your concern about?"));

    assert_eq!(
        portal
            .answer(&[("step", "about"), ("value", "subject_access")])
            .await,
        "/concern/organisation"
    );
    assert_eq!(
        portal
            .answer(&[("step", "organisation"), ("value", "Acme <b>Energy</b>")])
            .await,
        "/concern/organisation-country"
    );
    assert_eq!(
        portal
            .answer(&[("step", "organisation-country"), ("value", "uk")])
            .await,
        "/concern/raised"
    );
    assert_eq!(
        portal.answer(&[("step", "raised"), ("value", "no")]).await,
        "/concern/check"
    );

    let (_, check) = portal.page("/concern/check").await;
    assert!(check.contains("Check your answers"));
    assert!(
        check.contains("Acme &lt;b&gt;Energy&lt;/b&gt;"),
        "text is escaped"
    );

    let confirmed = portal.post_form("/api/concern/confirm", &[]).await;
    assert_eq!(location(&confirmed), "/concern/result/not-yet");
    let (status, verdict) = portal.page("/concern/result/not-yet").await;
    assert_eq!(status, 200);
    assert!(verdict.contains("they must usually reply by 2 April 2026"));

    let ics = portal.get("/concern/reminder.ics").await;
    assert_eq!(
        ics.headers()["content-type"],
        "text/calendar; charset=utf-8"
    );
    assert!(ics
        .text()
        .await
        .unwrap()
        .contains("DTSTART;VALUE=DATE:20260403"));
    let letter = portal
        .get("/concern/letter.txt")
        .await
        .text()
        .await
        .unwrap();
    assert!(letter.contains("To: Acme <b>Energy</b>"));
    assert!(letter.contains("Article 15"));
}

#[tokio::test]
async fn a_wrong_verdict_address_sends_the_person_to_their_own_verdict() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    portal
        .answer(&[("step", "about"), ("value", "marketing")])
        .await;
    portal
        .answer(&[("step", "channel"), ("value", "sms")])
        .await;
    let response = portal.get("/concern/result/ready").await;
    assert_eq!(response.status().as_u16(), 302);
    assert_eq!(location(&response), "/concern/result/report-instead");
}

#[tokio::test]
async fn an_invalid_answer_comes_back_with_its_message_and_what_was_typed() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    portal
        .answer(&[("step", "about"), ("value", "service_complaint")])
        .await;
    let back = portal
        .answer(&[
            ("step", "incident-on"),
            ("day", "3"),
            ("month", "3"),
            ("year", "2026"),
        ])
        .await;
    assert_eq!(back, "/concern/incident-on");
    let (_, page) = portal.page("/concern/incident-on").await;
    assert!(page.contains("There is a problem"));
    assert!(page.contains(r##"href="#incident-on-day""##));
    assert!(page.contains("The date must be today or in the past"));
    assert!(page.contains(r#"value="3""#));
    // Reading the page takes nothing: a reload shows the same problem.
    let (_, again) = portal.page("/concern/incident-on").await;
    assert!(again.contains("The date must be today or in the past"));
    // An accepted answer ends it: back on the page, the question is fresh.
    let next = portal
        .answer(&[
            ("step", "incident-on"),
            ("day", "1"),
            ("month", "3"),
            ("year", "2026"),
        ])
        .await;
    assert_ne!(next, "/concern/incident-on");
    let (_, fresh) = portal.page("/concern/incident-on").await;
    assert!(!fresh.contains("There is a problem"), "{fresh}");
    assert!(
        fresh.contains(r#"value="1""#),
        "the accepted answer: {fresh}"
    );
}

#[tokio::test]
async fn a_cross_site_form_post_is_refused() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    let url = format!("{}/api/concern/answer", portal.url);
    let forged = portal
        .client
        .post(&url)
        .header("origin", "https://evil.example")
        .form(&[("step", "about"), ("value", "foi")])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status().as_u16(), 403);
    let fetch_metadata = portal
        .client
        .post(&url)
        .header("sec-fetch-site", "cross-site")
        .form(&[("step", "about"), ("value", "foi")])
        .send()
        .await
        .unwrap();
    assert_eq!(fetch_metadata.status().as_u16(), 403);
    let no_origin = portal
        .client
        .post(&url)
        .form(&[("step", "about")])
        .send()
        .await
        .unwrap();
    assert_eq!(no_origin.status().as_u16(), 403);
}

#[tokio::test]
async fn an_unknown_address_is_a_404_page() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    let (status, page) = portal.page("/concern/not-a-question").await;
    assert_eq!(status, 404);
    assert!(page.contains("Page not found"));
}

#[tokio::test]
async fn pages_carry_a_content_security_policy_whose_nonce_matches_their_scripts() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    let response = portal.get("/concern/about").await;
    let policy = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    let page = response.text().await.unwrap();
    let nonce = policy
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce in the policy");
    assert!(page.contains(&format!(r#"<script type="module" nonce="{nonce}">"#)));
    assert!(policy.contains("frame-ancestors 'none'"));
    assert!(policy.contains("form-action 'self'"));
}

#[tokio::test]
async fn the_health_check_touches_the_database_and_oversized_bodies_are_refused() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    let (status, body) = portal.page("/health").await;
    assert_eq!((status, body.as_str()), (200, "ok"));
    let huge = format!(
        r#"{{"route":"foi","organisation":{{"name":"{}"}}}}"#,
        "x".repeat(300 * 1024)
    );
    let (status, _) = portal.readiness(&huge).await;
    assert_eq!(status, 413);
}

/// A form post from a client that asks for anything (`Accept: */*`, as curl does) or says
/// nothing is answered with a real redirect, as a browser's plain post is; only Leptos's own
/// client (asking for JSON) gets its redirect header instead.
#[tokio::test]
async fn a_form_post_is_redirected_whatever_the_client_accepts() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    let url = format!("{}/api/concern/answer", portal.url);
    for accept in [Some("*/*"), None, Some("text/html")] {
        let mut request = portal
            .client
            .post(&url)
            .header("origin", &portal.url)
            .form(&[("step", "about"), ("value", "foi")]);
        if let Some(accept) = accept {
            request = request.header("accept", accept);
        }
        let response = request.send().await.unwrap();
        assert!(
            matches!(response.status().as_u16(), 302 | 303),
            "{accept:?}: {}",
            response.status()
        );
        let next = location(&response);
        assert!(next.starts_with("/concern/"), "{accept:?}: {next}");
    }
    let enhanced = portal
        .client
        .post(&url)
        .header("origin", &portal.url)
        .header("accept", "application/json")
        .form(&[("step", "about"), ("value", "foi")])
        .send()
        .await
        .unwrap();
    assert_eq!(enhanced.status().as_u16(), 200);
    assert!(enhanced.headers().contains_key("serverfnredirect"));
}
