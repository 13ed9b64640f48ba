//! Breach reports into the casework backend, against SQLite or PostgreSQL: a finished report is
//! one COM case on work queue 3 at high priority, assigned within 5 working days, with its
//! parties, a `submitted` event and the emailed copy; a repeated send finds the same case; an
//! unfinished report makes nothing. Drafts expire; a resume link opens its draft once, and a
//! forged, used or expired link opens nothing.

use std::sync::Arc;

use crate::mail::{received, smtp_sink};
use crate::support::{date, fresh_database};
use app::domain::breach::*;
use app::domain::calendar::Calendar;
use app::domain::case::{CaseSettings, Sector};
use app::ports::{BreachReports, BreachSubmission, IntakeError, ResumeEmail};
use chrono::NaiveDate;
use server::breach::BreachStore;
use server::db::Database;
use server::mail::{deliver_due, MailConfig, Mailer};
use sqlx::Row;

fn store(database: &Database) -> BreachStore {
    let calendar =
        Calendar::from_govuk_json(include_str!("../../../app/data/bank-holidays.json")).unwrap();
    BreachStore {
        database: database.clone(),
        calendar: Arc::new(calendar),
        settings: CaseSettings::default(),
    }
}

fn link_email() -> ResumeEmail {
    ResumeEmail {
        to: "dpo@example.org".to_owned(),
        link: "http://127.0.0.1:3000/report-breach/resume/0123".to_owned(),
        expires_on: date(2026, 3, 30),
        reply_in_welsh: false,
    }
}

fn at(day: u32, hour: u32) -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, day)
        .unwrap()
        .and_hms_opt(hour, 0, 0)
        .unwrap()
}

/// A finished report of ransomware at a GP surgery, sent on Friday 20 November 2026.
fn report() -> BreachReport {
    BreachReport {
        organisation: Some(OrganisationPart {
            name: "Riverside Surgery".into(),
            registration_number: Some("ZA123456".into()),
            sector: Some(Sector::Health),
            size: Some(OrganisationSize::Small),
            staff_spoken_to: None,
        }),
        contact: Some(ContactPart {
            role: Some(ContactRole::Dpo),
            name: "Dana Officer".into(),
            job_title: Some("Practice manager".into()),
            email: "dana@riverside.example".into(),
            phone: "01632 960 001".into(),
        }),
        what_happened: Some(WhatHappened {
            description: "Ransomware encrypted the appointments server.".into(),
            cyber_incident: Some(YesNoUnknown::Yes),
            how_discovered: "Staff could not open the system.".into(),
            systems_affected: Some(YesNoUnknown::Yes),
            staff_involved: None,
        }),
        timing: Some(Timing {
            occurred_at: Some(at(19, 22)),
            occurred_time_known: true,
            ongoing: false,
            aware_at: Some(at(20, 8)),
            delay_reason: None,
        }),
        data: Some(DataPart {
            categories: vec![DataCategory::Health, DataCategory::BasicIdentifiers],
            other: None,
        }),
        scale: Some(Scale {
            records: Some(48_000),
            people: Some(12_000),
            groups: vec![SubjectGroup::Patients],
            other_group: None,
        }),
        consequences: Some(Consequences {
            description: "Appointments missed; health data may be published.".into(),
            likelihood: Some(Likelihood::Likely),
        }),
        containment: Some(Containment {
            contained: Some(YesNoUnknown::No),
            actions: "Server isolated; backups being restored.".into(),
            preventative_measures: None,
            help_for_people: None,
        }),
        telling: Some(Telling {
            people_told: Some(PeopleTold::Planned),
            people_told_details: None,
            others: vec![OtherBody::Ncsc, OtherBody::Police],
            others_details: Some("Action Fraud reference NFRC123".into()),
        }),
    }
}

fn submission(key: &str) -> BreachSubmission {
    BreachSubmission {
        idempotency_key: key.to_owned(),
        created_on: date(2026, 11, 20),
        submitted_at: at(20, 15),
        assessment: SelfAssessment {
            personal_data: Some(YesNoUnknown::Yes),
            security_breach: Some(YesNoUnknown::Yes),
            risk: Some(RiskAnswer::Likely),
        },
        report: report(),
        reported_late: false,
        reply_in_welsh: false,
    }
}

#[tokio::test]
async fn a_finished_report_becomes_one_com_case_on_queue_3_with_its_parties_event_and_copy() {
    let db = fresh_database().await;
    let store = store(&db);
    let receipt = store.submit(submission("breach-1")).await.unwrap();
    assert_eq!(receipt.case_type, "COM");
    assert_eq!(receipt.work_queue, Some(3));
    assert_eq!(receipt.priority, "high");
    // Friday 20 November + 5 working days = Friday 27 November.
    assert_eq!(receipt.assign_by, date(2026, 11, 27));
    assert_eq!(
        receipt.acknowledged_to.as_deref(),
        Some("dana@riverside.example")
    );

    // Sent again (a double click): the same case, nothing new.
    let again = store.submit(submission("breach-1")).await.unwrap();
    assert_eq!(again.reference, receipt.reference);
    let count: i64 = sqlx::query("SELECT COUNT(*) AS n FROM cases")
        .fetch_one(&db.pool)
        .await
        .unwrap()
        .try_get("n")
        .unwrap();
    assert_eq!(count, 1);

    let row = sqlx::query(
        &db.sql("SELECT answers, organisation_name, sector FROM cases WHERE reference = $1"),
    )
    .bind(&receipt.reference)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    let answers: serde_json::Value =
        serde_json::from_str(&row.try_get::<String, _>("answers").unwrap()).unwrap();
    let stored: BreachReport = serde_json::from_value(answers["breach"].clone()).unwrap();
    assert_eq!(stored, report());
    assert_eq!(answers["self_assessment"]["risk"], "likely");
    assert_eq!(answers["reported_late"], false);
    assert_eq!(row.try_get::<String, _>("sector").unwrap(), "health");

    let parties = sqlx::query(&db.sql(
        "SELECT p.role, p.name, p.email FROM parties p JOIN cases c ON c.id = p.case_id \
         WHERE c.reference = $1 ORDER BY p.role",
    ))
    .bind(&receipt.reference)
    .fetch_all(&db.pool)
    .await
    .unwrap();
    let parties: Vec<(String, String, Option<String>)> = parties
        .iter()
        .map(|p| {
            (
                p.try_get("role").unwrap(),
                p.try_get("name").unwrap(),
                p.try_get("email").unwrap(),
            )
        })
        .collect();
    assert_eq!(
        parties,
        vec![
            ("organisation".into(), "Riverside Surgery".into(), None),
            (
                "reporter".into(),
                "Dana Officer".into(),
                Some("dana@riverside.example".into())
            ),
        ]
    );
    let events = db.case_events(&receipt.reference).await.unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(
        (events[0].actor.as_str(), events[0].kind.as_str()),
        ("reporter", "submitted")
    );
}

#[tokio::test]
async fn the_copy_of_the_answers_reaches_a_real_smtp_server_with_the_reference() {
    let sink = smtp_sink().await;
    let db = fresh_database().await;
    let receipt = store(&db).submit(submission("breach-mail")).await.unwrap();
    let mailer = Mailer::new(
        &MailConfig::Smtp(format!("smtp://127.0.0.1:{}", sink.port)),
        "Information Commissioner's Office <casework@portal.example>",
    )
    .unwrap();
    assert_eq!(deliver_due(&db, &mailer).await.unwrap(), 1);
    let messages = received(&sink.maildir);
    assert_eq!(messages.len(), 1);
    let message = &messages[0];
    assert!(
        message.contains(&format!(
            "Subject: [Ref. {}] Your personal data breach report",
            receipt.reference
        )),
        "{message}"
    );
    let body = message.replace("=\r\n", "").replace("=\n", "");
    for expected in [
        "Riverside Surgery",
        "Ransomware encrypted the appointments server.",
        "8:00am on 20 November 2026",
        "Health, Basic personal identifiers, for example name or contact details",
        "12000",
        "The National Cyber Security Centre (NCSC), The police",
    ] {
        assert!(body.contains(expected), "{expected} missing from {body}");
    }
}

#[tokio::test]
async fn an_unfinished_report_makes_no_case() {
    let db = fresh_database().await;
    let mut unfinished = submission("breach-unfinished");
    unfinished.report.telling = None;
    unfinished.report.scale = None;
    let refused = store(&db).submit(unfinished).await.unwrap_err();
    assert!(
        matches!(&refused, IntakeError::NotEligible(why) if why.contains("scale, telling")),
        "{refused:?}"
    );
    let count: i64 = sqlx::query("SELECT COUNT(*) AS n FROM cases")
        .fetch_one(&db.pool)
        .await
        .unwrap()
        .try_get("n")
        .unwrap();
    assert_eq!(count, 0);
}

#[tokio::test]
async fn drafts_are_saved_and_expire() {
    let db = fresh_database().await;
    let store = store(&db);
    let draft = serde_json::json!({"report": {"organisation": {"name": "Riverside Surgery"}}});
    let id = store.create_draft(&draft, 1_000, 2_000).await.unwrap();
    assert_eq!(id.len(), 32);
    assert_eq!(
        store.load_draft(&id, 1_500).await.unwrap(),
        Some(draft.clone())
    );
    let changed = serde_json::json!({"report": {}});
    assert!(store.save_draft(&id, &changed, 1_600, 3_000).await.unwrap());
    assert_eq!(
        store.load_draft(&id, 2_500).await.unwrap(),
        Some(changed.clone())
    );
    // Expired: it opens nothing, cannot be saved, and the sweep deletes it.
    assert_eq!(store.load_draft(&id, 3_000).await.unwrap(), None);
    assert!(!store.save_draft(&id, &changed, 3_001, 9_000).await.unwrap());
    assert_eq!(store.sweep_drafts(3_001).await.unwrap(), 1);
    assert_eq!(store.load_draft("not-a-draft", 0).await.unwrap(), None);
}

#[tokio::test]
async fn a_resume_link_opens_its_draft_once_and_forged_or_expired_links_open_nothing() {
    let db = fresh_database().await;
    let store = store(&db);
    let draft = serde_json::json!({"report": {}});
    let id = store.create_draft(&draft, 1_000, 100_000).await.unwrap();
    store
        .add_resume_link(&id, "hash-of-token", 5_000, &link_email())
        .await
        .unwrap();
    assert_eq!(
        store
            .use_resume_link("hash-of-forged", 2_000)
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        store.use_resume_link("hash-of-token", 2_000).await.unwrap(),
        Some(id.clone())
    );
    // Used up.
    assert_eq!(
        store.use_resume_link("hash-of-token", 2_001).await.unwrap(),
        None
    );
    // Expired.
    store
        .add_resume_link(&id, "hash-of-old-token", 5_000, &link_email())
        .await
        .unwrap();
    assert_eq!(
        store
            .use_resume_link("hash-of-old-token", 5_000)
            .await
            .unwrap(),
        None
    );
    // The draft gone (sent or expired): its links open nothing.
    store
        .add_resume_link(&id, "hash-of-late-token", 50_000, &link_email())
        .await
        .unwrap();
    store.delete_draft(&id).await.unwrap();
    assert_eq!(
        store
            .use_resume_link("hash-of-late-token", 6_000)
            .await
            .unwrap(),
        None
    );
}
