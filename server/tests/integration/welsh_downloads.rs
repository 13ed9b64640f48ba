//! What a person takes away or is emailed, written away from a page, is in the language they
//! use the pages in: the verdict's letter and calendar reminder, and the breach report's emails
//! (the copy, the "save and come back later" link and a follow-up's acknowledgement), whose
//! queued messages carry the choice. English stays the default. SQLite, or PostgreSQL with
//! `PORTAL_TEST_DATABASE_URL`.

use crate::breach_journey::{answer, outbox, start, PARTS};
use sqlx::Row;

use crate::staff::{get, post};
use crate::support::{browser, date, location, spawn_portal, TestPortal};

/// Answers the assistant so the verdict is "not yet", with a letter and a reminder.
async fn not_yet(portal: &TestPortal) {
    for (step, value) in [
        ("about", "subject_access"),
        ("organisation", "Acme Energy"),
        ("organisation-country", "uk"),
        ("raised", "no"),
    ] {
        portal.answer(&[("step", step), ("value", value)]).await;
    }
    let confirmed = portal.post_form("/api/concern/confirm", &[]).await;
    assert_eq!(location(&confirmed), "/concern/result/not-yet");
}

async fn download(portal: &TestPortal, path: &str) -> String {
    let response = portal.get(path).await;
    assert_eq!(response.status().as_u16(), 200, "{path}");
    response.text().await.unwrap()
}

#[tokio::test]
async fn the_letter_and_reminder_are_written_in_the_persons_language() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    not_yet(&portal).await;
    let letter = download(&portal, "/concern/letter.txt").await;
    assert!(letter.contains("Dear Sir or Madam"), "{letter}");
    assert!(letter.contains("2 March 2026"), "{letter}");
    let ics = download(&portal, "/concern/reminder.ics").await;
    assert!(ics.contains("SUMMARY:You can raise your concern"), "{ics}");

    let switched = portal.get("/language/cy?back=%2F").await;
    assert_eq!(switched.status().as_u16(), 303);
    let letter = download(&portal, "/concern/letter.txt").await;
    assert!(letter.contains("Annwyl Syr neu Fadam"), "{letter}");
    assert!(letter.contains("2 Mawrth 2026"), "{letter}");
    assert!(letter.contains("At: Acme Energy"), "{letter}");
    assert!(letter.contains("Yn gywir"), "{letter}");
    assert!(!letter.contains("Dear Sir or Madam"), "{letter}");
    assert!(!letter.contains("March"), "{letter}");
    let ics = download(&portal, "/concern/reminder.ics").await;
    // Folded at 75 octets: unfold before reading.
    let ics = ics.replace("\r\n ", "");
    assert!(
        ics.contains("SUMMARY:Gallwch godi eich pryder gyda Swyddfa'r Comisiynydd Gwybodaeth"),
        "{ics}"
    );
    assert!(
        ics.contains("DESCRIPTION:Os nad ydych wedi cael ateb"),
        "{ics}"
    );
    assert!(!ics.contains("You can raise"), "{ics}");
    assert!(ics.contains("DTSTART;VALUE=DATE:20260403"), "{ics}");
}

/// A breach report written in Welsh: every email it queues is marked to be written in Welsh.
#[tokio::test]
async fn a_breach_report_made_in_welsh_is_emailed_in_welsh() {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    let client = browser();
    let switched = get(&portal, &client, "/language/cy?back=%2F").await;
    assert_eq!(switched.status().as_u16(), 303);
    start(&portal, &client).await;
    for (part, fields) in &PARTS[..2] {
        assert_eq!(
            answer(&portal, &client, part, fields).await,
            "/report-breach/report"
        );
    }
    let response = post(
        &portal,
        &client,
        "/report-breach/api/save",
        &[("email", "dpo@northshire.example.org")],
    )
    .await;
    assert_eq!(location(&response), "/report-breach/report/saved");
    let links = outbox(&portal, "breach_resume").await;
    assert_eq!(links.len(), 1);
    assert_eq!(links[0]["reply_in_welsh"], true, "{:?}", links[0]);

    for (part, fields) in &PARTS[2..] {
        assert_eq!(
            answer(&portal, &client, part, fields).await,
            "/report-breach/report"
        );
    }
    let response = post(&portal, &client, "/report-breach/api/send", &[]).await;
    assert_eq!(location(&response), "/report-breach/report/sent");
    let copies = outbox(&portal, "breach_copy").await;
    assert_eq!(copies.len(), 1);
    assert_eq!(copies[0]["reply_in_welsh"], true);
    let reference: String = sqlx::query(
        &portal
            .database
            .sql("SELECT reference FROM cases WHERE case_type = 'COM'"),
    )
    .fetch_one(&portal.database.pool)
    .await
    .unwrap()
    .try_get("reference")
    .unwrap();

    // The copy as a PDF is tagged Welsh.
    let pdf = get(&portal, &client, "/report-breach/report/sent/copy.pdf")
        .await
        .bytes()
        .await
        .unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    assert!(
        pdf.windows(9).any(|w| w == b"/Lang (cy"),
        "the PDF's language"
    );

    // A follow-up added from the Welsh pages is acknowledged in Welsh; from English, in English.
    for (welsh, text) in [
        (true, "Rydym bellach yn gwybod am 250 o ddisgyblion."),
        (false, "250 pupils."),
    ] {
        let other = browser();
        if welsh {
            get(&portal, &other, "/language/cy?back=%2F").await;
        }
        let response = post(
            &portal,
            &other,
            "/report-breach/api/follow-up",
            &[
                ("reference", &reference),
                ("email", "dpo@northshire.example.org"),
                ("text", text),
            ],
        )
        .await;
        assert_eq!(
            location(&response),
            format!("/report-breach/follow-up/sent?reference={reference}")
        );
    }
    let acknowledgements = outbox(&portal, "breach_follow_up").await;
    let marks: Vec<bool> = acknowledgements
        .iter()
        .map(|payload| payload["reply_in_welsh"].as_bool().unwrap_or(false))
        .collect();
    assert_eq!(marks.len(), 2);
    assert!(marks.contains(&true) && marks.contains(&false), "{marks:?}");
}
