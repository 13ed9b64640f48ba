//! Track my case (issue 21) through HTTP, as a browser without JavaScript, on SQLite (default)
//! or PostgreSQL (`PORTAL_TEST_DATABASE_URL`): the reference and email pair, the one neutral
//! message, the one-use emailed link, adding information that the officer sees, and the throttle
//! on guesses.

use app::domain::evidence::UploadLimits;
use app::domain::staff::Role;
use server::http::throttle::{Rate, ThrottleSettings};
use server::Config;
use sqlx::Row;

use crate::casework_case::{allocate, concern, page, staff, submit};
use crate::staff::add_staff;
use crate::support::{browser, database_url, date, location, spawn_portal_with, TestPortal};

const EMAIL: &str = "alex@example.org";

async fn portal_with(throttles: ThrottleSettings) -> TestPortal {
    spawn_portal_with(Config {
        database_url: database_url().await,
        fixed_today: Some(date(2026, 3, 2)),
        throttles,
        ..Config::default()
    })
    .await
}

async fn portal() -> TestPortal {
    portal_with(ThrottleSettings::default()).await
}

async fn handed_in(portal: &TestPortal, email: &str) -> String {
    submit(
        portal,
        &concern(
            "No answer to my request.",
            email,
            "Example Organisation Ltd",
        ),
    )
    .await
}

/// Posts a form from this site in `client` (its own cookies).
async fn post(
    portal: &TestPortal,
    client: &reqwest::Client,
    path: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    client
        .post(format!("{}{path}", portal.url))
        .header("origin", &portal.url)
        .form(fields)
        .send()
        .await
        .unwrap()
}

/// A browser of its own that opened the case `reference` with the address it was handed in with.
async fn opened(portal: &TestPortal, reference: &str) -> reqwest::Client {
    let person = browser();
    post(
        portal,
        &person,
        "/track/api/open",
        &[("reference", reference), ("email", EMAIL)],
    )
    .await;
    person
}

async fn get(portal: &TestPortal, client: &reqwest::Client, path: &str) -> (u16, String) {
    let response = client
        .get(format!("{}{path}", portal.url))
        .send()
        .await
        .unwrap();
    (response.status().as_u16(), response.text().await.unwrap())
}

/// Uses `token` from a browser of its own: refused, back to the start page, which says why.
async fn link_refused(portal: &TestPortal, token: &str) {
    let client = browser();
    let response = post(portal, &client, "/track/api/resume", &[("token", token)]).await;
    assert_eq!(location(&response), "/track");
    let (_, page) = get(portal, &client, "/track").await;
    assert!(
        error_summary(&page).contains("That link has expired or has already been used"),
        "{page}"
    );
    assert!(!page.contains(token));
}

/// The error summary of a page (the part that tells what went wrong).
fn error_summary(page: &str) -> String {
    let start = page.find("govuk-error-summary").expect("an error summary");
    let end = page[start..].find("</div>").unwrap() + start;
    page[start..end].to_owned()
}

/// The links emailed by "email me a link", from the outbox (in no particular order).
async fn emailed_links(portal: &TestPortal) -> Vec<String> {
    let db = &portal.database;
    let rows = sqlx::query(&db.sql("SELECT payload FROM outbox WHERE kind = 'track_link'"))
        .fetch_all(&db.pool)
        .await
        .unwrap();
    rows.iter()
        .map(|row| {
            let payload: String = row.try_get("payload").unwrap();
            let payload: serde_json::Value = serde_json::from_str(&payload).unwrap();
            payload["link"].as_str().unwrap().to_owned()
        })
        .collect()
}

#[tokio::test]
async fn the_right_pair_shows_the_case_and_a_wrong_pair_gets_one_neutral_message() {
    let portal = portal().await;
    let reference = handed_in(&portal, EMAIL).await;
    let client = browser();
    // Any case, spaces around: the reference and the address are read as typed.
    let typed = format!(" {} ", reference.to_lowercase());
    let response = post(
        &portal,
        &client,
        "/track/api/open",
        &[("reference", &typed), ("email", " ALEX@Example.org ")],
    )
    .await;
    assert_eq!(response.status().as_u16(), 302);
    assert_eq!(location(&response), "/track/case");
    let (status, page) = get(&portal, &client, "/track/case").await;
    assert_eq!(status, 200);
    assert!(page.contains(&reference), "{page}");
    assert!(page.contains("Received"), "{page}");
    assert!(page.contains("What happens next"), "{page}");
    // Nothing of other parties, staff notes or sift flags.
    assert!(!page.contains("Example Organisation Ltd"), "{page}");
    assert!(!page.contains("Alex Jones"), "{page}");
    assert!(!page.contains("Large print"), "{page}");
    assert!(!page.to_lowercase().contains("sift"), "{page}");

    // A wrong address for a real reference, and a reference that does not exist.
    let stranger = browser();
    let wrong = post(
        &portal,
        &stranger,
        "/track/api/open",
        &[("reference", &reference), ("email", "someone@example.org")],
    )
    .await;
    assert_eq!(wrong.status().as_u16(), 302);
    let (wrong_status, wrong_page) = get(&portal, &stranger, &location(&wrong)).await;
    let unknown_reference = app::domain::case::Reference::generate(999_999, [1, 2, 3])
        .as_str()
        .to_owned();
    assert_ne!(unknown_reference, reference);
    let unknown = post(
        &portal,
        &stranger,
        "/track/api/open",
        &[("reference", &unknown_reference), ("email", EMAIL)],
    )
    .await;
    assert_eq!(unknown.status().as_u16(), 302);
    let (unknown_status, unknown_page) = get(&portal, &stranger, &location(&unknown)).await;
    assert_eq!(wrong_status, 200);
    assert_eq!(unknown_status, 200);
    assert_eq!(error_summary(&wrong_page), error_summary(&unknown_page));
    // Nothing typed is lost: the pair shows again, to be corrected (kept server-side, never in
    // the address).
    assert!(
        wrong_page.contains("value=\"someone@example.org\""),
        "{wrong_page}"
    );
    assert!(unknown_page.contains(&format!("value=\"{unknown_reference}\"")));
    assert!(!location(&wrong).contains('@') && !location(&wrong).contains('?'));
    assert!(
        error_summary(&wrong_page).contains("We cannot show a case for that reference"),
        "{wrong_page}"
    );
    // No session: the status page sends the stranger back to the start.
    let (_, start) = get(&portal, &stranger, "/track/case").await;
    assert!(!start.contains("What happens next"), "{start}");
    // "Email me a link" answers the same whether or not the pair matched.
    for (reference, email) in [(&reference, "someone@example.org"), (&reference, EMAIL)] {
        let response = post(
            &portal,
            &stranger,
            "/track/api/email-link",
            &[("reference", reference), ("email", email)],
        )
        .await;
        assert_eq!(location(&response), "/track/link-sent");
    }
    let links: i64 = sqlx::query(
        &portal
            .database
            .sql("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'track_link'"),
    )
    .fetch_one(&portal.database.pool)
    .await
    .unwrap()
    .try_get("n")
    .unwrap();
    assert_eq!(links, 1, "only the matching pair is emailed");
}

#[tokio::test]
async fn the_emailed_link_opens_the_case_once_and_expires() {
    let portal = portal().await;
    let reference = handed_in(&portal, EMAIL).await;
    let other = handed_in(&portal, "sam@example.org").await;
    let asker = browser();
    post(
        &portal,
        &asker,
        "/track/api/email-link",
        &[("reference", &reference), ("email", EMAIL)],
    )
    .await;
    let links = emailed_links(&portal).await;
    assert_eq!(links.len(), 1);
    let link = links[0].clone();
    let token = link.rsplit('/').next().unwrap().to_owned();
    assert!(link.contains("/track/link/"), "{link}");
    // Only its hash is stored.
    let stored: i64 = sqlx::query(
        &portal
            .database
            .sql("SELECT COUNT(*) AS n FROM track_links WHERE token_hash = $1"),
    )
    .bind(&token)
    .fetch_one(&portal.database.pool)
    .await
    .unwrap()
    .try_get("n")
    .unwrap();
    assert_eq!(stored, 0);

    // Opening the link's page changes nothing; its button uses it.
    let person = browser();
    let (status, _) = get(&portal, &person, &format!("/track/link/{token}")).await;
    assert_eq!(status, 200);
    let used = post(&portal, &person, "/track/api/resume", &[("token", &token)]).await;
    assert_eq!(location(&used), "/track/case");
    let (_, page) = get(&portal, &person, "/track/case").await;
    assert!(page.contains(&reference), "{page}");
    assert!(
        !page.contains(&other),
        "another person's case is not reachable"
    );

    // Used once: a second use (another browser) is refused.
    link_refused(&portal, &token).await;

    // Expired: a fresh link whose time has passed opens nothing.
    post(
        &portal,
        &asker,
        "/track/api/email-link",
        &[("reference", &reference), ("email", EMAIL)],
    )
    .await;
    let fresh = emailed_links(&portal)
        .await
        .into_iter()
        .map(|link| link.rsplit('/').next().unwrap().to_owned())
        .find(|fresh| *fresh != token)
        .expect("a second link");
    assert_ne!(fresh, token);
    sqlx::query(&portal.database.sql("UPDATE track_links SET expires_at = 0"))
        .execute(&portal.database.pool)
        .await
        .unwrap();
    link_refused(&portal, &fresh).await;
}

#[tokio::test]
async fn information_added_lands_on_the_officers_case_page() {
    let portal = portal().await;
    let reference = handed_in(&portal, EMAIL).await;
    let (officer, officer_id) =
        staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    allocate(&portal, &reference, &officer_id).await;
    let person = opened(&portal, &reference).await;
    let (_, status) = get(&portal, &person, "/track/case").await;
    assert!(status.contains("With a case officer"), "{status}");

    // Nothing typed: refused, nothing added.
    let empty = reqwest::multipart::Form::new().text("text", "  ");
    let response = person
        .post(format!("{}/track/api/add", portal.url))
        .header("origin", &portal.url)
        .multipart(empty)
        .send()
        .await
        .unwrap();
    assert_eq!(location(&response), "/track/case#add");
    let (_, refused) = get(&portal, &person, "/track/case").await;
    assert!(
        error_summary(&refused).contains("Enter the information you want to add"),
        "{refused}"
    );
    // Too long: refused, and what was typed is shown again, all of it, to be shortened.
    let long = format!("{}END", "x".repeat(2_000));
    let response = person
        .post(format!("{}/track/api/add", portal.url))
        .header("origin", &portal.url)
        .multipart(reqwest::multipart::Form::new().text("text", long.clone()))
        .send()
        .await
        .unwrap();
    assert_eq!(location(&response), "/track/case#add");
    let (_, refused) = get(&portal, &person, "/track/case").await;
    assert!(
        error_summary(&refused).contains("2,000 characters or fewer"),
        "{refused}"
    );
    assert!(refused.contains(&long), "the text as typed");

    let pdf =
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
    let form = reqwest::multipart::Form::new()
        .text("text", "The organisation replied on 1 March, see attached.")
        .part(
            "file",
            reqwest::multipart::Part::bytes(pdf.to_vec())
                .file_name("reply.pdf")
                .mime_str("application/pdf")
                .unwrap(),
        );
    let response = person
        .post(format!("{}/track/api/add", portal.url))
        .header("origin", &portal.url)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(location(&response), "/track/case?done=added");
    let (_, confirmed) = get(&portal, &person, "/track/case?done=added").await;
    assert!(
        confirmed.contains("We have added your information"),
        "{confirmed}"
    );

    let (status, case_page) = page(&portal, &officer, &format!("/staff/cases/{reference}")).await;
    assert_eq!(status, 200);
    assert!(
        case_page.contains("The organisation replied on 1 March, see attached."),
        "{case_page}"
    );
    assert!(
        case_page.contains("Information added by the customer"),
        "{case_page}"
    );
    assert!(case_page.contains("reply.pdf"), "{case_page}");
}

#[tokio::test]
async fn the_wait_is_worked_out_from_the_queues_recent_weeks() {
    let portal = portal().await;
    let reference = handed_in(&portal, EMAIL).await;
    let db = &portal.database;
    // Queue 6 allocated four cases in each of the last eight weeks but one, which had eight
    // (closed since, so none of them waits ahead).
    let mut week = 0;
    for monday in [
        "2026-01-05",
        "2026-01-12",
        "2026-01-19",
        "2026-01-26",
        "2026-02-02",
        "2026-02-09",
        "2026-02-16",
        "2026-02-23",
    ] {
        let count = if week == 3 { 8 } else { 4 };
        week += 1;
        for n in 0..count {
            let other = handed_in(&portal, &format!("p{week}-{n}@example.org")).await;
            sqlx::query(&db.sql(
                "UPDATE cases SET sifted_on = $1, work_queue = $2, allocated_on = $3, \
                 status = 'closed' WHERE reference = $4",
            ))
            .bind(monday)
            .bind(r#"{"numbered":6}"#)
            .bind(monday)
            .bind(&other)
            .execute(&db.pool)
            .await
            .unwrap();
        }
    }
    sqlx::query(&db.sql("UPDATE cases SET sifted_on = $1, work_queue = $2 WHERE reference = $3"))
        .bind("2026-03-02")
        .bind(r#"{"numbered":6}"#)
        .bind(&reference)
        .execute(&db.pool)
        .await
        .unwrap();
    // Waiting in the same queue: one handed in the day before (ahead), one handed in after but
    // prioritised (ahead), one handed in after (behind), and one prioritised but already with
    // an officer (not waiting).
    let officer = add_staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer])
        .await
        .id;
    for (email, created_on, priority, assigned) in [
        ("earlier@example.org", "2026-03-01", "normal", None),
        ("prioritised@example.org", "2026-03-02", "high", None),
        ("later@example.org", "2026-03-02", "normal", None),
        (
            "allocated@example.org",
            "2026-03-01",
            "high",
            Some(officer.as_str()),
        ),
    ] {
        // Handed in after ours: on the same day, its reference is later.
        let other = handed_in(&portal, email).await;
        sqlx::query(&db.sql(
            "UPDATE cases SET sifted_on = $1, work_queue = $2, created_on = $3, priority = $4, \
             assigned_to = $5 WHERE reference = $6",
        ))
        .bind("2026-03-02")
        .bind(r#"{"numbered":6}"#)
        .bind(created_on)
        .bind(priority)
        .bind(assigned)
        .bind(&other)
        .execute(&db.pool)
        .await
        .unwrap();
    }
    let person = opened(&portal, &reference).await;
    let (_, page) = get(&portal, &person, "/track/case").await;
    assert!(page.contains("Waiting for a case officer"), "{page}");
    assert!(
        page.contains("There are 2 cases waiting in this team&#x27;s queue")
            || page.contains("There are 2 cases waiting in this team's queue"),
        "{page}"
    );
    assert!(page.contains("So yours is number 3."), "{page}");
    // Third: at 8 a week or 4 a week, 1 week either way.
    assert!(page.contains("About 1 week"), "{page}");
    assert!(page.contains("How we worked this out"), "{page}");
    assert!(
        page.contains(
            "gave 36 cases to case officers: 8 in its busiest week and 4 in its quietest"
        ),
        "{page}"
    );
}

#[tokio::test]
async fn guesses_are_throttled() {
    let portal = portal_with(ThrottleSettings {
        lookups_per_client: Rate::per(3, 3600),
        ..ThrottleSettings::default()
    })
    .await;
    let reference = handed_in(&portal, EMAIL).await;
    let client = browser();
    for _ in 0..3 {
        let response = post(
            &portal,
            &client,
            "/track/api/open",
            &[("reference", &reference), ("email", "guess@example.org")],
        )
        .await;
        assert_eq!(response.status().as_u16(), 302);
    }
    let response = post(
        &portal,
        &client,
        "/track/api/open",
        &[("reference", &reference), ("email", EMAIL)],
    )
    .await;
    assert_eq!(response.status().as_u16(), 429);
}

#[tokio::test]
async fn a_prioritisation_request_reaches_the_officers_manager_as_the_helplines_does() {
    let portal = portal().await;
    let reference = handed_in(&portal, EMAIL).await;
    let (manager, manager_id) =
        staff(&portal, "manager@example.gov.uk", &[Role::TeamManager]).await;
    let (_, officer_id) = staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let db = &portal.database;
    sqlx::query(&db.sql("UPDATE staff SET manager_id = $1 WHERE id = $2"))
        .bind(&manager_id)
        .bind(&officer_id)
        .execute(&db.pool)
        .await
        .unwrap();
    allocate(&portal, &reference, &officer_id).await;
    let person = opened(&portal, &reference).await;
    let empty = post(&portal, &person, "/track/api/priority", &[("reasons", " ")]).await;
    assert_eq!(location(&empty), "/track/case#priority");
    let (_, refused) = get(&portal, &person, "/track/case").await;
    assert!(
        refused.contains("Enter why your case should be dealt with sooner"),
        "{refused}"
    );
    let asked = post(
        &portal,
        &person,
        "/track/api/priority",
        &[("reasons", "My tribunal hearing is on 20 March.")],
    )
    .await;
    assert_eq!(location(&asked), "/track/case?done=priority");
    let row = sqlx::query(&db.sql(
        "SELECT r.manager_id, r.requested_by, r.status FROM priority_requests r \
         JOIN cases c ON c.id = r.case_id WHERE c.reference = $1",
    ))
    .bind(&reference)
    .fetch_one(&db.pool)
    .await
    .unwrap();
    assert_eq!(row.try_get::<String, _>("manager_id").unwrap(), manager_id);
    assert_eq!(
        row.try_get::<Option<String>, _>("requested_by").unwrap(),
        None
    );
    assert_eq!(row.try_get::<String, _>("status").unwrap(), "pending");
    let (status, requests) = page(&portal, &manager, "/staff/priority-requests").await;
    assert_eq!(status, 200);
    assert!(
        requests.contains("My tribunal hearing is on 20 March."),
        "{requests}"
    );
    assert!(
        requests.contains("The customer, online (Track my case)"),
        "{requests}"
    );
    // The manager is emailed, as for the helpline's requests.
    let emailed: i64 = sqlx::query(
        &db.sql("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'case_email' AND payload LIKE $1"),
    )
    .bind("%manager@example.gov.uk%")
    .fetch_one(&db.pool)
    .await
    .unwrap()
    .try_get("n")
    .unwrap();
    assert_eq!(emailed, 1);
}

#[tokio::test]
async fn staff_notes_and_sift_flags_never_show() {
    let portal = portal().await;
    let reference = handed_in(&portal, EMAIL).await;
    let db = &portal.database;
    let case_id: String = sqlx::query(&db.sql("SELECT id FROM cases WHERE reference = $1"))
        .bind(&reference)
        .fetch_one(&db.pool)
        .await
        .unwrap()
        .try_get("id")
        .unwrap();
    sqlx::query(&db.sql(
        "INSERT INTO sift_flags (id, case_id, kind, reason) VALUES ('flag-1', $1, 'welsh', $2)",
    ))
    .bind(&case_id)
    .bind("FLAG REASON SECRET")
    .execute(&db.pool)
    .await
    .unwrap();
    sqlx::query(&db.sql(
        "INSERT INTO case_events (id, case_id, at, actor, kind, details) \
         VALUES ('note-1', $1, 1, 'system', 'note', $2)",
    ))
    .bind(&case_id)
    .bind(r#"{"text":"STAFF NOTE SECRET"}"#)
    .execute(&db.pool)
    .await
    .unwrap();
    let person = opened(&portal, &reference).await;
    let (status, page) = get(&portal, &person, "/track/case").await;
    assert_eq!(status, 200);
    assert!(page.contains(&reference), "{page}");
    assert!(!page.contains("FLAG REASON SECRET"), "{page}");
    assert!(!page.contains("STAFF NOTE SECRET"), "{page}");
}

#[tokio::test]
async fn the_acknowledgement_carries_a_one_use_link_that_opens_the_case() {
    let portal = portal().await;
    let reference = handed_in(&portal, EMAIL).await;
    let db = &portal.database;
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("track-mail-{}", crate::support::unique()));
    let mailer = server::mail::Mailer::new(
        &server::mail::MailConfig::Files(dir.clone()),
        "Information Commissioner's Office <casework@portal.example>",
    )
    .unwrap();
    assert_eq!(server::mail::deliver_due(db, &mailer).await.unwrap(), 1);
    let mut text = String::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        text.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    let _ = std::fs::remove_dir_all(&dir);
    // Quoted-printable may fold long lines: join them before reading the link.
    let unfolded = text.replace("=\r\n", "").replace("=\n", "");
    assert!(unfolded.contains("Follow your case online"), "{unfolded}");
    let start = unfolded.find("/track/link/").expect("a track link");
    let token: String = unfolded[start + "/track/link/".len()..]
        .chars()
        .take(64)
        .collect();
    assert_eq!(token.len(), 64, "{unfolded}");
    // Once sent, the outbox keeps no link that would open the case.
    let payload: String =
        sqlx::query(&db.sql("SELECT payload FROM outbox WHERE kind = 'acknowledgement'"))
            .fetch_one(&db.pool)
            .await
            .unwrap()
            .try_get("payload")
            .unwrap();
    assert!(!payload.contains(&token), "{payload}");
    assert!(
        payload.contains(EMAIL),
        "the rest of the payload is kept: {payload}"
    );

    let person = browser();
    let used = post(&portal, &person, "/track/api/resume", &[("token", &token)]).await;
    assert_eq!(location(&used), "/track/case");
    let (_, page) = get(&portal, &person, "/track/case").await;
    assert!(page.contains(&reference), "{page}");
    link_refused(&portal, &token).await;
}

/// Posts information with a file named `name` from the person's browser.
async fn add_file(
    portal: &TestPortal,
    person: &reqwest::Client,
    name: &str,
    bytes: Vec<u8>,
) -> reqwest::Response {
    let form = reqwest::multipart::Form::new()
        .text("text", format!("Please see {name}."))
        .part(
            "file",
            reqwest::multipart::Part::bytes(bytes)
                .file_name(name.to_owned())
                .mime_str("application/pdf")
                .unwrap(),
        );
    person
        .post(format!("{}/track/api/add", portal.url))
        .header("origin", &portal.url)
        .multipart(form)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn added_files_count_against_the_cases_limits() {
    let portal = spawn_portal_with(Config {
        database_url: database_url().await,
        fixed_today: Some(date(2026, 3, 2)),
        upload_limits: UploadLimits {
            max_files: 2,
            max_case_bytes: 200,
            ..UploadLimits::default()
        },
        ..Config::default()
    })
    .await;
    let reference = handed_in(&portal, EMAIL).await;
    let person = opened(&portal, &reference).await;
    let pdf =
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
            .to_vec();
    assert_eq!(pdf.len(), 77);
    let response = add_file(&portal, &person, "first.pdf", pdf.clone()).await;
    assert_eq!(location(&response), "/track/case?done=added");

    // 77 bytes kept, 150 more would pass 200: refused in this page's words, the text kept.
    let mut large = pdf.clone();
    large.splice(9..9, format!("%{}\n", "x".repeat(71)).into_bytes());
    assert_eq!(large.len(), 150);
    let response = add_file(&portal, &person, "large.pdf", large).await;
    assert_eq!(location(&response), "/track/case#add");
    let (_, refused) = get(&portal, &person, "/track/case").await;
    assert!(
        error_summary(&refused).contains("the files you have sent us together would be over"),
        "{refused}"
    );
    assert!(refused.contains("Please see large.pdf."), "{refused}");

    let response = add_file(&portal, &person, "second.pdf", pdf.clone()).await;
    assert_eq!(location(&response), "/track/case?done=added");
    // Two files: the most the case takes.
    let response = add_file(&portal, &person, "third.pdf", pdf).await;
    assert_eq!(location(&response), "/track/case#add");
    let (_, refused) = get(&portal, &person, "/track/case").await;
    assert!(
        error_summary(&refused).contains("as many files from you as it can take"),
        "{refused}"
    );
    let db = &portal.database;
    let kept: Vec<String> = sqlx::query(&db.sql(
        "SELECT d.file_name FROM documents d JOIN cases c ON c.id = d.case_id \
         WHERE c.reference = $1 ORDER BY d.file_name",
    ))
    .bind(&reference)
    .fetch_all(&db.pool)
    .await
    .unwrap()
    .iter()
    .map(|row| row.get(0))
    .collect();
    assert_eq!(kept, ["first.pdf", "second.pdf"]);
}
