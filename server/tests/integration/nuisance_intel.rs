//! The repeat-offender intelligence through HTTP, on SQLite and PostgreSQL: only the right staff
//! roles get in, the ranking and an offender's page show what was reported, the CSV exports are
//! safe to open in a spreadsheet, and a case officer can add a report received another way.

use app::domain::staff::Role;
use serde_json::json;

use crate::staff::{get, portal, post, signed_in};
use crate::support::{browser, location, TestPortal};

async fn report(portal: &TestPortal, number: &str, company: &str) {
    let body = json!({"incidents": [{
        "channel": "text",
        "day": "1", "month": "3", "year": "2026",
        "sender": number,
        "contacted_on": "07912 345678",
        "message_text": format!("WINNER!! call {number}"),
        "company": company,
        "categories": ["lottery_prizes"],
        "scam": "no",
        "relationship": "none",
    }]});
    let response = portal
        .client
        .post(format!("{}/api/v1/nuisance-reports", portal.url))
        .header("authorization", "Bearer local-development-key")
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 201);
}

#[tokio::test]
async fn only_intelligence_roles_get_in() {
    let portal = portal().await;
    let anonymous = browser();
    for path in [
        "/staff/nuisance",
        "/staff/nuisance/offenders.csv",
        "/staff/nuisance/add",
    ] {
        let response = get(&portal, &anonymous, path).await;
        assert_eq!(response.status().as_u16(), 303, "{path}");
        assert!(
            location(&response).starts_with("/staff/sign-in?next="),
            "{path}"
        );
    }
    let helpline = signed_in(&portal, "helpline@example.gov.uk", &[Role::Helpline]).await;
    for path in [
        "/staff/nuisance",
        "/staff/nuisance/offenders.csv",
        "/staff/nuisance/add",
    ] {
        assert_eq!(
            get(&portal, &helpline, path).await.status().as_u16(),
            403,
            "{path}"
        );
    }
    let refused = post(
        &portal,
        &helpline,
        "/staff/api/nuisance/add",
        &[("channel", "text")],
    )
    .await;
    assert_eq!(refused.status().as_u16(), 403);
    let officer = signed_in(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    assert_eq!(
        get(&portal, &officer, "/staff/nuisance")
            .await
            .status()
            .as_u16(),
        200
    );
}

#[tokio::test]
async fn the_ranking_an_offender_and_the_exports_show_what_was_reported() {
    let portal = portal().await;
    for _ in 0..3 {
        report(&portal, "09061701461", "=HYPERLINK(\"http://evil\")").await;
    }
    report(&portal, "08002986030", "Mobile Update Co").await;
    report(&portal, "08002986030", "Mobile Update Co").await;
    report(&portal, "02079460123", "Once Only Ltd").await;
    let enforcement = signed_in(&portal, "enforcement@example.gov.uk", &[Role::Enforcement]).await;

    let page = get(&portal, &enforcement, "/staff/nuisance?period=7").await;
    assert_eq!(page.status().as_u16(), 200);
    let html = page.text().await.unwrap();
    let first = html
        .find("0906 170 1461")
        .expect("the most reported number");
    let second = html.find("0800 298 6030").expect("the second");
    assert!(first < second, "most reported first");
    assert!(
        !html.contains("020 7946 0123"),
        "reported once: not a repeat offender"
    );

    let csv = get(
        &portal,
        &enforcement,
        "/staff/nuisance/offenders.csv?period=7&kind=company",
    )
    .await;
    assert_eq!(csv.status().as_u16(), 200);
    assert!(csv.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let csv = csv.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("rank,kind,offender,key,reports_in_period"));
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(
        lines[1].starts_with("1,company,\"'=HYPERLINK(\"\"http://evil\"\")\""),
        "a formula is neutralised: {csv}"
    );

    let href_at = html.find("/staff/nuisance/offenders/").unwrap();
    let href: String = html[href_at..].chars().take_while(|c| *c != '"').collect();
    let href = href.replace("&amp;", "&");
    let offender = get(&portal, &enforcement, &href).await;
    assert_eq!(offender.status().as_u16(), 200, "{href}");
    let detail = offender.text().await.unwrap();
    assert!(detail.contains("Reports week by week"));
    assert!(detail.contains("Lottery, prize draws or competitions"));
    assert!(detail.contains("WINNER!! call 09061701461"));

    let id: String = href["/staff/nuisance/offenders/".len()..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let incidents = get(
        &portal,
        &enforcement,
        &format!("/staff/nuisance/offenders/{id}/incidents.csv?period=30"),
    )
    .await
    .text()
    .await
    .unwrap();
    assert_eq!(
        incidents.lines().count(),
        4,
        "a header and three incidents: {incidents}"
    );
    assert_eq!(
        get(&portal, &enforcement, "/staff/nuisance/offenders/999999")
            .await
            .status()
            .as_u16(),
        404,
        "an unknown offender is not found"
    );
}

#[tokio::test]
async fn a_case_officer_adds_a_report_received_another_way() {
    let portal = portal().await;
    let officer = signed_in(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let refused = post(
        &portal,
        &officer,
        "/staff/api/nuisance/add",
        &[
            ("channel", "live_call"),
            ("day", "31"),
            ("month", "2"),
            ("year", "2026"),
            ("sender", "<script>alert(1)</script>"),
            ("relationship", "none"),
        ],
    )
    .await;
    assert_eq!(refused.status().as_u16(), 302);
    assert_eq!(location(&refused), "/staff/nuisance/add");
    let page = get(&portal, &officer, "/staff/nuisance/add").await;
    let status = page.status().as_u16();
    let html = page.text().await.unwrap();
    assert!(
        html.contains("There is a problem"),
        "the refused form comes back with its errors (status {status}): {html}"
    );
    assert!(html.contains("The date must be a real date"));
    assert!(
        !html.contains("<script>alert(1)</script>"),
        "typed text is escaped"
    );

    let token = "0123456789abcdef0123456789abcdef";
    let fields = [
        ("channel", "live_call"),
        ("day", "27"),
        ("month", "2"),
        ("year", "2026"),
        ("hour", "9"),
        ("minute", "15"),
        ("sender", "020 7946 0123"),
        ("contacted_on", "01632 960001"),
        ("company", "Green Deal Energy Ltd"),
        ("categories[]", "energy"),
        ("scam", "no"),
        ("relationship", "asked_to_stop"),
        ("preference_service", "yes"),
        ("description", "Letter from a member of the public"),
        ("token", token),
    ];
    let added = post(&portal, &officer, "/staff/api/nuisance/add", &fields).await;
    assert_eq!(added.status().as_u16(), 302);
    assert!(location(&added).starts_with("/staff/nuisance/add?added="));
    // A double click stores one report.
    post(&portal, &officer, "/staff/api/nuisance/add", &fields).await;
    use sqlx::Row;
    let row = sqlx::query(
        "SELECT COUNT(*) AS n, MIN(source) AS source, MIN(added_by) AS by FROM nuisance_reports",
    )
    .fetch_one(&portal.database.pool)
    .await
    .unwrap();
    assert_eq!(row.get::<i64, _>("n"), 1);
    assert_eq!(row.get::<String, _>("source"), "staff");
    assert!(!row.get::<String, _>("by").is_empty());
}
