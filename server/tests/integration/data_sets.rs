//! The published data sets (`/data-sets`): the index lists each complete period's files, every
//! file's header is the regulator's columns in order, organisations are named and customers
//! never, small counts are suppressed, formula-looking names are neutralised, and an unknown set
//! or period is the 404 page. On SQLite, and on PostgreSQL with `PORTAL_TEST_DATABASE_URL`.

use serde_json::json;
use server::db::Database;

use crate::support::{date, spawn_portal, unique, TestPortal};

/// A case closed on `closed_on` with its parties (`role`, `name`).
#[allow(clippy::too_many_arguments)]
async fn closed_case(
    database: &Database,
    case_type: &str,
    reference: &str,
    organisation: &str,
    closed_on: &str,
    outcome: &str,
    parties: &[(&str, &str)],
    answers: serde_json::Value,
) {
    let id = unique();
    sqlx::query(&database.sql(
        "INSERT INTO cases (id, reference, case_type, work_queue, priority, channel, status, \
         created_on, assign_by, first_contact_due, contact_promised_by, close_by, \
         organisation_name, sector, answers, created_at) \
         VALUES ($1, $2, $3, '18', 'normal', 'web', 'closed', '2026-08-03', '2026-08-06', \
         '2026-08-20', '2026-08-20', '2026-11-01', $4, 'local_government', $5, 0)",
    ))
    .bind(&id)
    .bind(reference)
    .bind(case_type)
    .bind(organisation)
    .bind(answers.to_string())
    .execute(&database.writer)
    .await
    .unwrap();
    let closure = json!({"outcome": outcome, "nature_1": if case_type == "RFA" { "subject_access" } else { "refusal" }});
    sqlx::query(&database.sql(
        "INSERT INTO case_instances (id, case_id, number, opened_on, closed_on, outcome, attributes) \
         VALUES ($1, $2, 1, '2026-08-03', $3, $4, $5)",
    ))
    .bind(format!("{id}-1"))
    .bind(&id)
    .bind(closed_on)
    .bind(outcome)
    .bind(closure.to_string())
    .execute(&database.writer)
    .await
    .unwrap();
    for (role, name) in parties {
        sqlx::query(&database.sql(
            "INSERT INTO parties (id, case_id, role, name, email, details) \
             VALUES ($1, $2, $3, $4, $5, '{}')",
        ))
        .bind(unique())
        .bind(&id)
        .bind(*role)
        .bind(*name)
        .bind(format!("{}@example.org", unique()))
        .execute(&database.writer)
        .await
        .unwrap();
    }
}

/// `count` nuisance incidents of `channel` received on `day` (days since 1970-01-01).
async fn nuisance(database: &Database, channel: &str, day: i64, count: usize) {
    for _ in 0..count {
        let id: i64 = sqlx::query_scalar(&database.sql(
            "INSERT INTO nuisance_reports (received_at, received_day, source) \
             VALUES ($1, $2, 'web') RETURNING id",
        ))
        .bind(day * 86_400)
        .bind(day)
        .fetch_one(&database.writer)
        .await
        .unwrap();
        sqlx::query(&database.sql(
            "INSERT INTO nuisance_incidents (report_id, channel, occurred_at, received_day, \
             categories, details) VALUES ($1, $2, $3, $4, '[]', '{}')",
        ))
        .bind(id)
        .bind(channel)
        .bind(day * 86_400)
        .bind(day)
        .execute(&database.writer)
        .await
        .unwrap();
    }
}

fn days_since_epoch(y: i32, m: u32, d: u32) -> i64 {
    (date(y, m, d) - chrono::NaiveDate::default()).num_days()
}

/// A portal on 7 December 2026 with a closed FOI case (October), two data protection cases
/// (November: one about an organisation, one about a sole trader named as the customer), a
/// breach report (Q3) and November's nuisance reports.
async fn portal_with_published_work() -> TestPortal {
    let portal = spawn_portal(date(2026, 12, 7)).await;
    let db = &portal.database;
    closed_case(
        db,
        "FS50",
        "IC-100001-AAAA",
        "Leeds City Council",
        "2026-10-15",
        "decision_notice_upheld",
        &[
            ("customer", "Alexandra Quinnell"),
            ("organisation", "Leeds City Council"),
        ],
        json!({}),
    )
    .await;
    closed_case(
        db,
        "FER",
        "IC-100002-AAAA",
        "=HYPERLINK(\"http://evil.example\",\"x\")",
        "2026-10-20",
        "decision_notice_not_upheld",
        &[
            ("customer", "Bartholomew Okonkwo"),
            ("organisation", "=HYPERLINK(\"http://evil.example\",\"x\")"),
        ],
        json!({}),
    )
    .await;
    closed_case(
        db,
        "RFA",
        "IC-100003-AAAA",
        "Example Telecoms Ltd",
        "2026-11-03",
        "dc_action_required",
        &[
            ("customer", "Cressida Featherstone"),
            ("organisation", "Example Telecoms Ltd"),
        ],
        json!({}),
    )
    .await;
    closed_case(
        db,
        "RFA",
        "IC-100004-AAAA",
        "Dorian Pemberton-Vale",
        "2026-11-04",
        "no_action_for_dc",
        &[
            ("customer", "dorian pemberton-vale "),
            ("organisation", "Dorian Pemberton-Vale"),
        ],
        json!({}),
    )
    .await;
    // A duplicate is not work completed: never published.
    closed_case(
        db,
        "RFA",
        "IC-100005-AAAA",
        "Duplicate Holdings plc",
        "2026-11-05",
        "duplicate",
        &[("organisation", "Duplicate Holdings plc")],
        json!({}),
    )
    .await;
    closed_case(
        db,
        "COM",
        "IC-100006-AAAA",
        "Example Health Trust",
        "2026-09-30",
        "no_action_for_dc",
        &[
            ("organisation", "Example Health Trust"),
            ("reporter", "Ellery Marchbanks"),
        ],
        json!({
            "breach": {
                "what_happened": {"cyber_incident": "no"},
                "timing": {"aware_at": "2026-08-01T09:00:00"},
                "data": {"categories": ["health", "basic_identifiers"]},
                "scale": {"people": 12, "groups": ["patients"]}
            },
            "submitted_at": "2026-08-02T10:00:00"
        }),
    )
    .await;
    let november = days_since_epoch(2026, 11, 10);
    nuisance(db, "text", november, 2).await;
    nuisance(db, "live_call", november, 5).await;
    portal
}

async fn csv(portal: &TestPortal, path: &str) -> String {
    let response = portal.get(path).await;
    assert_eq!(response.status().as_u16(), 200, "{path}");
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8",
        "{path}"
    );
    response.text().await.unwrap()
}

#[tokio::test]
async fn the_index_lists_each_periods_files_with_their_records() {
    let portal = portal_with_published_work().await;
    let (status, page) = portal.page("/data-sets").await;
    assert_eq!(status, 200);
    assert!(page.contains("Complaints and concerns data sets"));
    for path in [
        "/data-sets/foi-eir-complaints/2026-11.csv",
        "/data-sets/foi-eir-complaints/2026-10.csv",
        "/data-sets/data-protection-complaints/2026-11.csv",
        "/data-sets/personal-data-breaches/2026-q3.csv",
        "/data-sets/nuisance-reports/2026-11.csv",
    ] {
        assert!(page.contains(&format!("href=\"{path}\"")), "{path} listed");
    }
    // The current month is not complete: not listed.
    assert!(!page.contains("2026-12.csv"));
    // October's FOI/EIR file has two records, November's data protection file two (the
    // duplicate is left out), November's nuisance reports seven.
    let row = |path: &str| {
        let start = page.find(&format!("href=\"{path}\"")).unwrap();
        let rest = &page[start..];
        let cell = rest.find("govuk-table__cell--numeric").unwrap();
        let value = &rest[cell..];
        let open = value.find('>').unwrap() + 1;
        let close = value.find('<').unwrap();
        value[open..close].to_owned()
    };
    assert_eq!(row("/data-sets/foi-eir-complaints/2026-10.csv"), "2");
    assert_eq!(row("/data-sets/foi-eir-complaints/2026-11.csv"), "0");
    assert_eq!(
        row("/data-sets/data-protection-complaints/2026-11.csv"),
        "2"
    );
    assert_eq!(row("/data-sets/personal-data-breaches/2026-q3.csv"), "1");
    assert_eq!(row("/data-sets/nuisance-reports/2026-11.csv"), "7");
}

#[tokio::test]
async fn every_files_header_is_the_published_columns_in_order() {
    let portal = portal_with_published_work().await;
    let expected = [
        (
            "/data-sets/foi-eir-complaints/2026-10.csv",
            "Case_Reference2,CaseStatus1,Legislation,Received_Datetime1,Completed_DateTime1,\
             Sector,SubSector,Decision_Primary_Reason1,Submitted_About_Account,\
             Submitted_About_Account_Region,Decision,DecisionDetail1,DecisionDetail2,PriorityCase1",
        ),
        (
            "/data-sets/data-protection-complaints/2026-11.csv",
            "Date Received,Completed Date,Sector,Sub Sector,Decision,Decision Primary Reason,\
             Decision Articles,Submitted About Account",
        ),
        (
            "/data-sets/personal-data-breaches/2026-q3.csv",
            "BI Reference,Year,Quarter,Data Subject Type,Data Type,Decision Taken,\
             Incident Category,Incident Type,No. Data Subjects Affected,Sector,Time Taken to Report",
        ),
        (
            "/data-sets/nuisance-reports/2026-11.csv",
            "Month,Concern Type,Number of Concerns Reported",
        ),
    ];
    for (path, header) in expected {
        let file = csv(&portal, path).await;
        assert_eq!(file.split("\r\n").next(), Some(header), "{path}");
        assert!(file.ends_with("\r\n"), "{path}: RFC 4180 lines");
    }
    let breaches = csv(&portal, "/data-sets/personal-data-breaches/2026-q3.csv").await;
    assert_eq!(
        breaches.lines().skip(1).collect::<Vec<_>>(),
        vec![
            "IC-100006-AAAA,2026,Qtr 3,Patients,Health data,No Further Action,Non Cyber,\
             Not Provided,10 to 99,Local government,24 hours to 72 hours",
            "IC-100006-AAAA,2026,Qtr 3,Patients,Basic personal identifiers,No Further Action,\
             Non Cyber,Not Provided,10 to 99,Local government,24 hours to 72 hours",
        ]
    );
    assert!(!breaches.contains("Ellery") && !breaches.contains("Example Health Trust"));
}

#[tokio::test]
async fn a_closed_case_shows_its_organisation_and_never_a_customers_name() {
    let portal = portal_with_published_work().await;
    let foi = csv(&portal, "/data-sets/foi-eir-complaints/2026-10.csv").await;
    let lines: Vec<&str> = foi.lines().collect();
    assert_eq!(lines.len(), 3, "{foi}");
    assert_eq!(
        lines[1],
        "IC-100001-AAAA,Closed,FOI,03/08/2026,15/10/2026,Local government,Local authority,\
         Exemption or exception applied,Leeds City Council,,Upheld,Decision notice served,,No"
    );
    assert!(lines[2].starts_with("IC-100002-AAAA,Closed,EIR,"));
    assert!(!foi.contains("Alexandra") && !foi.contains("Quinnell"));
    assert!(!foi.contains("Bartholomew"));
    let dp = csv(&portal, "/data-sets/data-protection-complaints/2026-11.csv").await;
    assert_eq!(
        dp.lines().skip(1).collect::<Vec<_>>(),
        vec![
            "03/08/2026,03/11/2026,Local government,Local authority,Informal Action Taken,\
             Right of access,Article 15,Example Telecoms Ltd",
            // A sole trader named as the customer: the name is withheld.
            "03/08/2026,04/11/2026,Local government,Local authority,No Further Action,\
             Right of access,Article 15,",
        ]
    );
    for name in [
        "Cressida",
        "Featherstone",
        "Dorian",
        "Pemberton",
        "Duplicate Holdings",
    ] {
        assert!(!dp.to_lowercase().contains(&name.to_lowercase()), "{name}");
    }
}

#[tokio::test]
async fn a_count_below_the_threshold_is_suppressed() {
    let portal = portal_with_published_work().await;
    let file = csv(&portal, "/data-sets/nuisance-reports/2026-11.csv").await;
    assert_eq!(
        file,
        "Month,Concern Type,Number of Concerns Reported\r\n2026-11,Live calls,5\r\n\
         2026-11,Automated calls,0\r\n2026-11,Texts,<3\r\n2026-11,Emails,0\r\n2026-11,Faxes,0\r\n"
    );
}

#[tokio::test]
async fn an_unknown_set_or_period_is_the_404_page() {
    let portal = portal_with_published_work().await;
    for path in [
        "/data-sets/unknown/2026-11.csv",
        "/data-sets/foi-eir-complaints/2026-12.csv",
        "/data-sets/foi-eir-complaints/2027-01.csv",
        "/data-sets/foi-eir-complaints/2026-13.csv",
        "/data-sets/foi-eir-complaints/2026-11.txt",
        "/data-sets/personal-data-breaches/2026-10.csv",
        "/data-sets/personal-data-breaches/2026-q4.csv",
    ] {
        let (status, page) = portal.page(path).await;
        assert_eq!(status, 404, "{path}");
        assert!(page.contains("Page not found"), "{path}: the 404 page");
    }
}

#[tokio::test]
async fn a_formula_looking_organisation_name_is_neutralised() {
    let portal = portal_with_published_work().await;
    let foi = csv(&portal, "/data-sets/foi-eir-complaints/2026-10.csv").await;
    assert!(
        foi.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\","),
        "{foi}"
    );
    // No cell starts a formula: every `=` follows the apostrophe.
    assert!(!foi.contains(",=") && !foi.contains(",\"="));
}
