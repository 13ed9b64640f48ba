//! The published data sets read their cases in packs of a thousand (`server/src/db/
//! data_set_packs.rs`): a month with more cases than several packs, many closed on the same day,
//! gives every case exactly once, in the order they were completed, and a quarter of breaches
//! crossing a pack gives every breach. On SQLite, and on PostgreSQL with
//! `PORTAL_TEST_DATABASE_URL`.

use server::db::Database;

use crate::support::{date, spawn_portal};

/// `count` closed cases of `case_type`, closed on the 1st to the 3rd of `month` (so hundreds
/// share a day and the packs part inside a day), numbered from `first`, in one statement each
/// of a few hundred.
async fn closed_cases(
    database: &Database,
    case_type: &str,
    month: &str,
    first: usize,
    count: usize,
) {
    for start in (first..first + count).step_by(250) {
        let end = (start + 250).min(first + count);
        let (mut cases, mut instances) = (Vec::new(), Vec::new());
        for n in start..end {
            let closed = format!("{month}-{:02}", 1 + n % 3);
            cases.push(format!(
                "('pack-{case_type}-{n}', 'IC-{n:06}-{case_type}', '{case_type}', '18', 'normal', \
                 'web', 'closed', '2026-06-01', '2026-06-04', '2026-06-15', '2026-06-15', \
                 '2026-12-01', 'Council {n}', 'local_government', '{{}}', 0)"
            ));
            instances.push(format!(
                "('pack-{case_type}-{n}-1', 'pack-{case_type}-{n}', 1, '2026-06-01', '{closed}', \
                 'decision_notice_upheld', \
                 '{{\"outcome\":\"decision_notice_upheld\",\"nature_1\":\"refusal\"}}', 1, 0)"
            ));
        }
        for statement in [
            format!(
                "INSERT INTO cases (id, reference, case_type, work_queue, priority, channel, \
                 status, created_on, assign_by, first_contact_due, contact_promised_by, \
                 close_by, organisation_name, sector, answers, created_at) VALUES {}",
                cases.join(", ")
            ),
            format!(
                "INSERT INTO case_instances (id, case_id, number, opened_on, closed_on, outcome, \
                 attributes, organisation_party, named_as_person) VALUES {}",
                instances.join(", ")
            ),
        ] {
            sqlx::query(&statement)
                .execute(&database.writer)
                .await
                .unwrap();
        }
    }
}

#[tokio::test]
async fn a_month_of_several_packs_lists_every_case_once_in_completion_order() {
    let portal = spawn_portal(date(2026, 12, 7)).await;
    closed_cases(&portal.database, "FS50", "2026-09", 0, 2_345).await;
    let response = portal
        .get("/data-sets/foi-eir-complaints/2026-09.csv")
        .await;
    assert_eq!(response.status().as_u16(), 200);
    let text = response.text().await.unwrap();
    let rows: Vec<&str> = text.lines().skip(1).collect();
    assert_eq!(rows.len(), 2_345, "every case is a row");
    let mut references: Vec<&str> = rows
        .iter()
        .map(|row| row.split(',').next().unwrap())
        .collect();
    // Completed on the 1st, then the 2nd, then the 3rd (the fifth column, dd/mm/yyyy).
    let days: Vec<&str> = rows
        .iter()
        .map(|row| row.split(',').nth(4).unwrap())
        .collect();
    let mut sorted_days = days.clone();
    sorted_days.sort_by_key(|day| day[..2].to_owned());
    assert_eq!(
        days, sorted_days,
        "rows in the order the cases were completed"
    );
    assert_eq!(days.first(), Some(&"01/09/2026"));
    assert_eq!(days.last(), Some(&"03/09/2026"));
    references.sort_unstable();
    references.dedup();
    assert_eq!(references.len(), 2_345, "no case twice");
    for n in [0, 999, 1_000, 1_001, 2_344] {
        assert!(
            references
                .binary_search(&format!("IC-{n:06}-FS50").as_str())
                .is_ok(),
            "IC-{n:06}-FS50 listed"
        );
    }
}

#[tokio::test]
async fn a_quarter_of_breaches_across_packs_lists_every_breach() {
    let portal = spawn_portal(date(2026, 12, 7)).await;
    closed_cases(&portal.database, "COM", "2026-08", 0, 1_201).await;
    let response = portal
        .get("/data-sets/personal-data-breaches/2026-q3.csv")
        .await;
    assert_eq!(response.status().as_u16(), 200);
    let text = response.text().await.unwrap();
    // A breach with no answers is one line (an unknown group and kind of data).
    assert_eq!(text.lines().skip(1).count(), 1_201);
}
