//! The nuisance reports store and its repeat-offender intelligence, on SQLite and PostgreSQL:
//! the ranking agrees with counting every report by hand, the feedback counts, idempotency, and
//! group commit under concurrent submissions.

use std::collections::HashMap;

use chrono::{Days, NaiveDate, Utc};
use serde_json::json;
use server::db::nuisance::{NewIncident, NewNuisanceReport, OffenderQuery, OffenderRef};
use server::nuisance::ReportWriter;

use crate::support::{date, fresh_database};

/// A small deterministic generator (xorshift), so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    /// Skewed towards small values, like spam: a few offenders send most of it.
    fn skewed(&mut self, n: u64) -> u64 {
        let a = self.next() % n;
        let b = self.next() % n;
        a.min(b).min(self.next() % n)
    }
}

fn offender(kind: &str, n: u64) -> OffenderRef {
    OffenderRef {
        kind: kind.to_owned(),
        key: format!("{kind}-{n}"),
        display: format!("{kind} {n}"),
    }
}

fn report(on: NaiveDate, offenders: Vec<OffenderRef>, key: Option<&str>) -> NewNuisanceReport {
    NewNuisanceReport {
        idempotency_key: key.map(str::to_owned),
        received_at: Utc::now(),
        received_on: on,
        source: "public".to_owned(),
        added_by: None,
        reporter: None,
        incidents: vec![NewIncident {
            channel: "text".to_owned(),
            occurred_at: on.and_hms_opt(9, 30, 0).unwrap(),
            categories: vec!["lottery_prizes".to_owned()],
            details: json!({"message": "WINNER!! call 09061701461"}),
            offenders,
        }],
    }
}

#[tokio::test]
async fn the_ranking_agrees_with_counting_every_report_by_hand() {
    let database = fresh_database().await;
    let start = date(2026, 9, 1);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    // (kind, key) -> day -> reports
    let mut truth: HashMap<(String, String), HashMap<NaiveDate, u64>> = HashMap::new();
    let mut batch = Vec::new();
    for _ in 0..1500 {
        let day = start.checked_add_days(Days::new(rng.next() % 60)).unwrap();
        let mut offenders = vec![offender("number", rng.skewed(120))];
        if rng.next().is_multiple_of(2) {
            offenders.push(offender("company", rng.skewed(40)));
        }
        for o in &offenders {
            *truth
                .entry((o.kind.clone(), o.key.clone()))
                .or_default()
                .entry(day)
                .or_default() += 1;
        }
        batch.push(report(day, offenders, None));
        if batch.len() == 100 {
            for answer in database.record_nuisance_reports(&batch, 30).await {
                answer.expect("stored");
            }
            batch.clear();
        }
    }
    let periods = [
        (start, start.checked_add_days(Days::new(59)).unwrap()),
        (date(2026, 9, 20), date(2026, 9, 26)),
        (date(2026, 10, 25), date(2026, 10, 30)),
        (date(2026, 10, 31), date(2026, 12, 31)),
    ];
    for (from, to) in periods {
        for kind in [None, Some("number"), Some("company")] {
            for (limit, min_reports) in [(10, 2), (25, 1), (500, 2)] {
                let query = OffenderQuery {
                    kind: kind.map(str::to_owned),
                    from,
                    to,
                    limit,
                    min_reports,
                };
                let ranked = database.repeat_offenders(&query).await.unwrap();
                let mut expected: Vec<(String, u64)> = truth
                    .iter()
                    .filter(|((k, _), _)| kind.is_none_or(|kind| kind == k))
                    .map(|((_, key), days)| {
                        let reports = days
                            .iter()
                            .filter(|(day, _)| **day >= from && **day <= to)
                            .map(|(_, n)| n)
                            .sum();
                        (key.clone(), reports)
                    })
                    .filter(|(_, reports)| *reports >= min_reports)
                    .collect();
                expected.sort_by_key(|e| std::cmp::Reverse(e.1));
                let got: Vec<u64> = ranked.iter().map(|r| r.reports).collect();
                let want: Vec<u64> = expected.iter().take(limit).map(|e| e.1).collect();
                assert_eq!(got, want, "{kind:?} {from}..{to} limit {limit}");
                for row in &ranked {
                    let by_hand: u64 = truth[&(row.kind.clone(), row.key.clone())]
                        .iter()
                        .filter(|(day, _)| **day >= from && **day <= to)
                        .map(|(_, n)| n)
                        .sum();
                    assert_eq!(row.reports, by_hand, "{}", row.key);
                }
            }
        }
    }
}

#[tokio::test]
async fn a_report_says_how_often_its_offenders_were_reported_in_the_window() {
    let database = fresh_database().await;
    let number = offender("number", 7);
    for day in [date(2026, 10, 1), date(2026, 10, 20), date(2026, 10, 30)] {
        database
            .record_nuisance_reports(&[report(day, vec![number.clone()], None)], 30)
            .await;
    }
    let answers = database
        .record_nuisance_reports(
            &[report(
                date(2026, 10, 31),
                vec![number.clone(), offender("company", 1)],
                None,
            )],
            30,
        )
        .await;
    let recorded = answers.into_iter().next().unwrap().unwrap();
    // 1 October is 30 days before 31 October: outside the 30 days ending on the 31st.
    assert_eq!(recorded.counts[0].offender, number);
    assert_eq!(recorded.counts[0].reports, 3);
    assert_eq!(recorded.counts[1].reports, 1);
}

#[tokio::test]
async fn a_repeated_idempotency_key_returns_the_first_report() {
    let database = fresh_database().await;
    let day = date(2026, 11, 2);
    let first = database
        .record_nuisance_reports(
            &[report(day, vec![offender("number", 1)], Some("key-1"))],
            30,
        )
        .await
        .remove(0)
        .unwrap();
    let again = database
        .record_nuisance_reports(
            &[report(day, vec![offender("number", 1)], Some("key-1"))],
            30,
        )
        .await
        .remove(0)
        .unwrap();
    assert_eq!(first.id, again.id);
    assert_eq!(again.counts[0].reports, 1, "counted once");
}

#[tokio::test]
async fn concurrent_reports_are_all_stored_through_the_group_commit_writer() {
    let database = fresh_database().await;
    let writer = ReportWriter::start(database.clone(), 30);
    let day = date(2026, 11, 2);
    let mut tasks = Vec::new();
    for n in 0..300_u64 {
        let writer = writer.clone();
        let key = format!("burst-{n}");
        tasks.push(tokio::spawn(async move {
            writer
                .record(report(day, vec![offender("number", n % 3)], Some(&key)))
                .await
        }));
    }
    let mut ids = Vec::new();
    for task in tasks {
        ids.push(task.await.unwrap().expect("stored").id);
    }
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 300);
    let ranked = database
        .repeat_offenders(&OffenderQuery {
            kind: None,
            from: day,
            to: day,
            limit: 10,
            min_reports: 1,
        })
        .await
        .unwrap();
    assert_eq!(
        ranked.iter().map(|r| r.reports).collect::<Vec<_>>(),
        vec![100, 100, 100]
    );
}

#[tokio::test]
async fn an_offender_shows_its_days_categories_and_latest_incidents() {
    let database = fresh_database().await;
    let number = offender("number", 42);
    for (n, day) in [date(2026, 11, 1), date(2026, 11, 1), date(2026, 11, 3)]
        .into_iter()
        .enumerate()
    {
        let mut r = report(day, vec![number.clone()], None);
        if n == 2 {
            r.incidents[0].categories = vec!["accident_claims".to_owned()];
            r.incidents[0].channel = "live_call".to_owned();
        }
        database.record_nuisance_reports(&[r], 30).await;
    }
    let found = database
        .offender_by_key("number", "number-42")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.total, 3);
    let detail = database
        .offender_detail(found.id, date(2026, 11, 1), date(2026, 11, 30), 2)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(detail.offender.reports, 3);
    assert_eq!(
        detail
            .days
            .iter()
            .map(|d| (d.day, d.reports))
            .collect::<Vec<_>>(),
        vec![(date(2026, 11, 1), 2), (date(2026, 11, 3), 1)]
    );
    assert_eq!(
        detail.categories,
        vec![
            ("lottery_prizes".to_owned(), 2),
            ("accident_claims".to_owned(), 1)
        ]
    );
    assert_eq!(detail.incidents.len(), 2);
    assert_eq!(detail.incidents[0].channel, "live_call", "newest first");
    assert!(database
        .offender_detail(found.id + 1000, date(2026, 11, 1), date(2026, 11, 30), 2)
        .await
        .unwrap()
        .is_none());
}
