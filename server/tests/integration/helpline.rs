//! The helpline console through HTTP, on SQLite (default) or PostgreSQL
//! (`PORTAL_TEST_DATABASE_URL`): finding a case (a reference with one wrong character, a name,
//! an email address, a phone number, an organisation), the summary's warnings, callbacks (due
//! dates past weekends and bank holidays, an officer away, escalation up the line), the
//! officer's attempts, prioritisation requests granted and declined, 'no further contact', and
//! the roles refused. Cases come in through the partner API, as the helpline's own would.

use app::domain::staff::Role;
use serde_json::json;
use server::Config;
use sqlx::Row;

use crate::casework_case::{
    allocate, audits, concern, events, page, portal, posted, staff, submit,
};
use crate::support::{database_url, date, spawn_portal_with, TestPortal};

/// A concern from Alex Jones, with a phone number, in Welsh, about Example Organisation Ltd.
fn call_concern() -> serde_json::Value {
    let mut body = concern(
        "They will not give me my records.",
        "Alex.Jones@Example.org",
        "Example Organisation Ltd",
    );
    body["customer"]["phone"] = json!("07700 900123");
    body["customer"]["reply_in_welsh"] = json!(true);
    body
}

async fn run(portal: &TestPortal, sql: &str, binds: &[&str]) {
    let db = &portal.database;
    let sql = db.sql(sql);
    let mut query = sqlx::query(&sql);
    for bind in binds {
        query = query.bind(*bind);
    }
    query.execute(&db.pool).await.unwrap();
}

async fn text(portal: &TestPortal, sql: &str, bind: &str) -> Option<String> {
    let db = &portal.database;
    sqlx::query(&db.sql(sql))
        .bind(bind)
        .fetch_optional(&db.pool)
        .await
        .unwrap()
        .and_then(|row| row.try_get::<Option<String>, _>(0).unwrap())
}

/// The reference with its first sequence digit changed (the check character then fails).
fn mistyped(reference: &str) -> String {
    let mut chars: Vec<char> = reference.chars().collect();
    let position = 3;
    chars[position] = if chars[position] == '9' { '8' } else { '9' };
    chars.into_iter().collect()
}

fn encoded(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

async fn search(portal: &TestPortal, client: &reqwest::Client, q: &str, kind: &str) -> String {
    let path = format!("/staff/helpline?q={}&kind={kind}", encoded(q));
    let (status, html) = page(portal, client, &path).await;
    assert_eq!(status, 200, "{path}: {html}");
    html
}

#[tokio::test]
async fn a_case_is_found_by_a_mistyped_reference_name_email_phone_or_organisation() {
    let (portal, _) = portal().await;
    let (adviser, _) = staff(&portal, "adviser@example.gov.uk", &[Role::Helpline]).await;
    let reference = submit(&portal, &call_concern()).await;
    let mut other = concern("Something else.", "sam@example.org", "Another Body");
    other["customer"]["name"] = json!("Sam Smith");
    let other = submit(&portal, &other).await;

    let typo = mistyped(&reference);
    assert_ne!(typo, reference);
    let html = search(&portal, &adviser, &typo, "").await;
    assert!(html.contains("There is a problem"), "{html}");
    assert!(html.contains("Did the caller mean"), "{html}");
    assert!(
        html.contains(&format!("/staff/helpline/{reference}")),
        "{html}"
    );
    assert!(
        html.contains("href=\"#q\""),
        "the summary links to the field"
    );

    let html = search(&portal, &adviser, &reference.to_lowercase(), "").await;
    assert!(
        html.contains(&format!("/staff/helpline/{reference}")),
        "{html}"
    );
    assert!(!html.contains(&other));

    for (q, kind) in [
        ("  alex  JON", ""),
        ("ALEX.JONES@example.org", ""),
        ("+44 7700 900-123", ""),
        ("example organ", "organisation"),
    ] {
        let html = search(&portal, &adviser, q, kind).await;
        assert!(html.contains(&reference), "{q}: {html}");
        assert!(!html.contains(&other), "{q}");
    }
    let html = search(&portal, &adviser, "nobody here", "").await;
    assert!(html.contains("No cases found"));
    let html = search(&portal, &adviser, "", "").await;
    assert!(html.contains("Enter a reference, name"));
}

#[tokio::test]
async fn the_summary_puts_warnings_first_and_is_audited() {
    let (portal, _) = portal().await;
    let (adviser, _) = staff(&portal, "adviser@example.gov.uk", &[Role::Helpline]).await;
    let (_, officer_id) = staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let reference = submit(&portal, &call_concern()).await;
    allocate(&portal, &reference, &officer_id).await;
    run(
        &portal,
        "UPDATE parties SET restricted_contact = $1, single_point_of_contact = $2 \
         WHERE role = 'customer' AND case_id = (SELECT id FROM cases WHERE reference = $3)",
        &[
            "Letters only, no calls",
            "Contact through her son",
            &reference,
        ],
    )
    .await;
    run(
        &portal,
        "UPDATE cases SET title = 'Welsh language' WHERE reference = $1",
        &[&reference],
    )
    .await;
    let before = audits(&portal, &reference, "view").await;
    let (status, html) = page(&portal, &adviser, &format!("/staff/helpline/{reference}")).await;
    assert_eq!(status, 200, "{html}");
    for expected in [
        "Restricted contact",
        "Letters only, no calls",
        "Single point of contact",
        "Contact through her son",
        "Reasonable adjustments",
        "Large print, please",
        "Welsh language",
        "With a case officer",
        "Case officer Name of officer@example.gov.uk",
        "What happens next",
        "Last contact",
        "Book callback",
    ] {
        assert!(html.contains(expected), "{expected} missing: {html}");
    }
    let warnings = html.find("Restricted contact").unwrap();
    assert!(
        warnings < html.find("Where it is").unwrap(),
        "warnings first"
    );
    assert_eq!(audits(&portal, &reference, "view").await, before + 1);
}

#[tokio::test]
async fn callbacks_skip_weekends_and_bank_holidays_and_officers_record_attempts() {
    // Thursday 2 April 2026: Good Friday, the weekend and Easter Monday are not working days.
    let url = database_url().await;
    let portal = spawn_portal_with(Config {
        database_url: url,
        fixed_today: Some(date(2026, 4, 2)),
        ..Config::default()
    })
    .await;
    let (adviser, _) = staff(&portal, "adviser@example.gov.uk", &[Role::Helpline]).await;
    let (officer, officer_id) =
        staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let reference = submit(&portal, &call_concern()).await;
    allocate(&portal, &reference, &officer_id).await;
    let back = posted(
        &portal,
        &adviser,
        "/staff/api/helpline/callback",
        &[
            ("reference", &reference),
            ("caller", "Alex Jones"),
            ("phone", "07700 900123"),
            ("waits", "yes"),
            ("note", "Wants to know when the case will be looked at."),
        ],
    )
    .await;
    assert_eq!(back, format!("/staff/helpline/{reference}?done=callback"));
    let due = text(
        &portal,
        "SELECT due_on FROM callbacks WHERE staff_id = $1",
        &officer_id,
    )
    .await;
    assert_eq!(due.as_deref(), Some("2026-04-08"));
    assert!(events(&portal, &reference)
        .await
        .contains(&"callback_booked".to_owned()));
    let mail = text(
        &portal,
        "SELECT payload FROM outbox WHERE kind = 'case_email' AND payload LIKE $1",
        "%officer@example.gov.uk%",
    )
    .await;
    assert!(
        mail.is_some_and(|m| m.contains("8 April 2026")),
        "the officer is emailed"
    );

    // The officer's callbacks page lists it; each attempt is recorded on the case.
    let (status, html) = page(&portal, &officer, "/staff/callbacks").await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains(&reference) && html.contains("8 April 2026"),
        "{html}"
    );
    let id = text(
        &portal,
        "SELECT id FROM callbacks WHERE staff_id = $1",
        &officer_id,
    )
    .await
    .unwrap();
    let back = posted(
        &portal,
        &officer,
        "/staff/api/callbacks/attempt",
        &[("callback", &id)],
    )
    .await;
    assert_eq!(back, "/staff/callbacks");
    let (_, html) = page(&portal, &officer, "/staff/callbacks").await;
    assert!(html.contains("Select what happened"), "{html}");
    for result in ["no_answer", "spoke"] {
        let back = posted(
            &portal,
            &officer,
            "/staff/api/callbacks/attempt",
            &[
                ("callback", &id),
                ("result", result),
                ("note", "Tried the mobile."),
            ],
        )
        .await;
        assert_eq!(back, "/staff/callbacks?done=attempt");
    }
    let status = text(&portal, "SELECT status FROM callbacks WHERE id = $1", &id).await;
    assert_eq!(status.as_deref(), Some("done"));
    let attempts = events(&portal, &reference)
        .await
        .into_iter()
        .filter(|kind| kind == "callback_attempted")
        .count();
    assert_eq!(attempts, 2);
}

#[tokio::test]
async fn an_officer_away_calls_back_after_their_return_or_the_call_goes_up_the_line() {
    let (portal, _) = portal().await;
    let (adviser, _) = staff(&portal, "adviser@example.gov.uk", &[Role::Helpline]).await;
    let (_, officer_id) = staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let (manager, manager_id) =
        staff(&portal, "manager@example.gov.uk", &[Role::TeamManager]).await;
    let (head, head_id) = staff(&portal, "head@example.gov.uk", &[Role::TeamManager]).await;
    // The officer is away until Thursday 2 April: back Tuesday 7 April (Easter), due the 9th.
    run(
        &portal,
        "UPDATE staff SET away_until = $1, manager_id = $2 WHERE id = $3",
        &["2026-04-02", &manager_id, &officer_id],
    )
    .await;
    run(
        &portal,
        "UPDATE staff SET away_until = $1, manager_id = $2 WHERE id = $3",
        &["2026-03-10", &head_id, &manager_id],
    )
    .await;
    let reference = submit(&portal, &call_concern()).await;
    allocate(&portal, &reference, &officer_id).await;

    let (_, html) = page(&portal, &adviser, &format!("/staff/helpline/{reference}")).await;
    assert!(html.contains("Away until 2 April 2026"), "{html}");
    assert!(html.contains("back on 7 April 2026"), "{html}");
    assert!(html.contains("by 9 April 2026"), "{html}");
    assert!(
        html.contains("Name of head@example.gov.uk will call back by 4 March 2026"),
        "{html}"
    );

    let fields = |waits: &'static str| {
        vec![
            ("reference", reference.clone()),
            ("caller", "Alex Jones".to_owned()),
            ("phone", "07700 900123".to_owned()),
            ("waits", waits.to_owned()),
        ]
    };
    for waits in ["yes", "no"] {
        let form = fields(waits);
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        posted(&portal, &adviser, "/staff/api/helpline/callback", &form).await;
    }
    let waited = text(
        &portal,
        "SELECT due_on FROM callbacks WHERE staff_id = $1",
        &officer_id,
    )
    .await;
    assert_eq!(waited.as_deref(), Some("2026-04-09"));
    let escalated = text(
        &portal,
        "SELECT due_on FROM callbacks WHERE staff_id = $1",
        &head_id,
    )
    .await;
    assert_eq!(escalated.as_deref(), Some("2026-03-04"));
    assert!(events(&portal, &reference)
        .await
        .contains(&"callback_escalated".to_owned()));
    // The head of the line sees it on their callbacks page.
    let (_, html) = page(&portal, &head, "/staff/callbacks").await;
    assert!(
        html.contains(&reference) && html.contains("Name of officer@example.gov.uk"),
        "{html}"
    );

    // The officer's manager sees their team's callback.
    let (_, html) = page(&portal, &manager, "/staff/callbacks").await;
    assert!(html.contains("9 April 2026"), "{html}");

    // Nobody in: the booking is refused with the reason, nothing booked.
    run(
        &portal,
        "UPDATE staff SET away_until = $1 WHERE id = $2",
        &["2026-03-20", &head_id],
    )
    .await;
    let form = fields("no");
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    posted(&portal, &adviser, "/staff/api/helpline/callback", &form).await;
    let (_, html) = page(&portal, &adviser, &format!("/staff/helpline/{reference}")).await;
    assert!(html.contains("Nobody up the line can call back"), "{html}");
}

#[tokio::test]
async fn a_prioritisation_request_goes_to_the_manager_who_grants_or_declines_it() {
    let (portal, _) = portal().await;
    let (adviser, _) = staff(&portal, "adviser@example.gov.uk", &[Role::Helpline]).await;
    let (_, officer_id) = staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let (manager, manager_id) =
        staff(&portal, "manager@example.gov.uk", &[Role::TeamManager]).await;
    run(
        &portal,
        "UPDATE staff SET manager_id = $1 WHERE id = $2",
        &[&manager_id, &officer_id],
    )
    .await;
    let reference = submit(&portal, &call_concern()).await;
    allocate(&portal, &reference, &officer_id).await;

    // Reasons are required.
    let path = format!("/staff/helpline/{reference}");
    let back = posted(
        &portal,
        &adviser,
        "/staff/api/helpline/priority",
        &[("reference", &reference), ("reasons", " ")],
    )
    .await;
    assert_eq!(back, path);
    let (_, html) = page(&portal, &adviser, &path).await;
    assert!(
        html.contains("Enter the caller&#x27;s reasons")
            || html.contains("Enter the caller's reasons"),
        "{html}"
    );

    for reasons in [
        "My landlord is using the records against me.",
        "Second request.",
    ] {
        let back = posted(
            &portal,
            &adviser,
            "/staff/api/helpline/priority",
            &[("reference", &reference), ("reasons", reasons)],
        )
        .await;
        assert_eq!(back, format!("{path}?done=priority"));
    }
    let mail = text(
        &portal,
        "SELECT payload FROM outbox WHERE kind = 'case_email' AND payload LIKE $1",
        "%manager@example.gov.uk%",
    )
    .await;
    assert!(
        mail.is_some_and(|m| m.contains("landlord")),
        "the manager is emailed"
    );

    let (status, html) = page(&portal, &manager, "/staff/priority-requests").await;
    assert_eq!(status, 200, "{html}");
    assert!(
        html.contains("My landlord is using the records against me."),
        "{html}"
    );
    let ids: Vec<String> = {
        let db = &portal.database;
        sqlx::query(&db.sql("SELECT id FROM priority_requests ORDER BY requested_at"))
            .fetch_all(&db.pool)
            .await
            .unwrap()
            .iter()
            .map(|row| row.try_get("id").unwrap())
            .collect()
    };
    // Declining needs a reason.
    let back = posted(
        &portal,
        &manager,
        "/staff/api/priority-requests/decide",
        &[("request", &ids[1]), ("decision", "decline")],
    )
    .await;
    assert_eq!(back, "/staff/priority-requests");
    let (_, html) = page(&portal, &manager, "/staff/priority-requests").await;
    assert!(
        html.contains("Enter why you are declining the request"),
        "{html}"
    );
    posted(
        &portal,
        &manager,
        "/staff/api/priority-requests/decide",
        &[
            ("request", &ids[1]),
            ("decision", "decline"),
            ("reason", "Already asked."),
        ],
    )
    .await;
    let back = posted(
        &portal,
        &manager,
        "/staff/api/priority-requests/decide",
        &[("request", &ids[0]), ("decision", "grant")],
    )
    .await;
    assert_eq!(back, "/staff/priority-requests?done=granted");
    let priority = text(
        &portal,
        "SELECT priority FROM cases WHERE reference = $1",
        &reference,
    )
    .await;
    assert_eq!(priority.as_deref(), Some("high"));
    let kinds = events(&portal, &reference).await;
    for kind in [
        "priority_requested",
        "priority_granted",
        "priority_declined",
    ] {
        assert!(kinds.contains(&kind.to_owned()), "{kind}: {kinds:?}");
    }
    // A decided request cannot be decided again.
    posted(
        &portal,
        &manager,
        "/staff/api/priority-requests/decide",
        &[
            ("request", &ids[0]),
            ("decision", "decline"),
            ("reason", "Changed my mind."),
        ],
    )
    .await;
    let status = text(
        &portal,
        "SELECT status FROM priority_requests WHERE id = $1",
        &ids[0],
    )
    .await;
    assert_eq!(status.as_deref(), Some("granted"));
}

#[tokio::test]
async fn no_further_contact_is_shown_first_and_stops_callbacks() {
    let (portal, _) = portal().await;
    let (adviser, _) = staff(&portal, "adviser@example.gov.uk", &[Role::Helpline]).await;
    let (manager, _) = staff(&portal, "manager@example.gov.uk", &[Role::TeamManager]).await;
    let (_, officer_id) = staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let reference = submit(&portal, &call_concern()).await;
    allocate(&portal, &reference, &officer_id).await;
    let nfc = [
        ("reference", reference.as_str()),
        ("reason", "We have answered every point."),
    ];

    // An open case cannot be marked.
    posted(&portal, &manager, "/staff/api/nfc/mark", &nfc).await;
    let (_, html) = page(&portal, &manager, &format!("/staff/nfc/{reference}")).await;
    assert!(html.contains("Only a closed case can be marked"), "{html}");

    run(
        &portal,
        "UPDATE cases SET status = 'closed' WHERE reference = $1",
        &[&reference],
    )
    .await;
    run(&portal, "UPDATE case_instances SET closed_on = '2026-03-02' WHERE case_id = (SELECT id FROM cases WHERE reference = $1)", &[&reference]).await;
    let back = posted(&portal, &manager, "/staff/api/nfc/mark", &nfc).await;
    assert_eq!(back, format!("/staff/nfc/{reference}?done=nfc"));
    let title = text(
        &portal,
        "SELECT title FROM cases WHERE reference = $1",
        &reference,
    )
    .await;
    assert_eq!(title.as_deref(), Some("Welsh language NFC"));
    assert!(events(&portal, &reference)
        .await
        .contains(&"no_further_contact".to_owned()));

    let path = format!("/staff/helpline/{reference}");
    let (_, html) = page(&portal, &adviser, &path).await;
    let nfc_at = html
        .find("No further contact: do not promise a callback")
        .expect(&html);
    assert!(nfc_at < html.find("Reasonable adjustments").unwrap());
    assert!(nfc_at < html.find("Where it is").unwrap());
    assert!(html.contains("We have answered every point."));
    assert!(!html.contains("Book callback"), "no callback form");
    posted(
        &portal,
        &adviser,
        "/staff/api/helpline/callback",
        &[
            ("reference", &reference),
            ("caller", "Alex"),
            ("phone", "07700 900123"),
            ("waits", "yes"),
        ],
    )
    .await;
    let booked = text(
        &portal,
        "SELECT id FROM callbacks WHERE case_id = (SELECT id FROM cases WHERE reference = $1)",
        &reference,
    )
    .await;
    assert!(booked.is_none());
}

#[tokio::test]
async fn each_role_is_refused_what_is_not_theirs() {
    let (portal, _) = portal().await;
    let (adviser, _) = staff(&portal, "adviser@example.gov.uk", &[Role::Helpline]).await;
    let (officer, _) = staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let reference = submit(&portal, &call_concern()).await;
    for path in [
        "/staff/helpline",
        &format!("/staff/helpline/{reference}"),
        "/staff/priority-requests",
        &format!("/staff/nfc/{reference}"),
    ] {
        let (status, _) = page(&portal, &officer, path).await;
        assert_eq!(status, 403, "officer {path}");
    }
    for path in [
        "/staff/callbacks",
        "/staff/priority-requests",
        &format!("/staff/nfc/{reference}"),
    ] {
        let (status, _) = page(&portal, &adviser, path).await;
        assert_eq!(status, 403, "adviser {path}");
    }
    let response = crate::casework_case::post(
        &portal,
        &officer,
        "/staff/api/helpline/callback",
        &[
            ("reference", &reference),
            ("caller", "A"),
            ("phone", "07700 900123"),
            ("waits", "yes"),
        ],
    )
    .await;
    assert_eq!(response.status().as_u16(), 403);
    let response = crate::casework_case::post(
        &portal,
        &adviser,
        "/staff/api/nfc/mark",
        &[("reference", &reference), ("reason", "x")],
    )
    .await;
    assert_eq!(response.status().as_u16(), 403);
    // The staff home shows the helpline's links to whom they are for.
    let (_, html) = page(&portal, &adviser, "/staff").await;
    assert!(html.contains("/staff/helpline"));
    assert!(!html.contains("/staff/callbacks"));
}

#[tokio::test]
async fn an_adviser_hands_a_concern_in_for_a_caller_without_email_and_prints_the_letter() {
    use crate::staff::{add_staff, post, sign_in, PASSWORD};
    use crate::submission::{ready_subject_access, up_to_evidence, upload, PDF};
    use crate::support::{location, spawn_portal};

    let portal = spawn_portal(date(2026, 3, 2)).await;
    add_staff(&portal, "adviser@example.gov.uk", &[Role::Helpline]).await;
    let signed = sign_in(&portal, &portal.client, "adviser@example.gov.uk", PASSWORD).await;
    assert_eq!(location(&signed), "/staff");

    // Consent first.
    let refused = post(&portal, &portal.client, "/staff/api/helpline/assist", &[]).await;
    assert_eq!(location(&refused), "/staff/helpline/assist");
    let (_, html) = portal.page("/staff/helpline/assist").await;
    assert!(
        html.contains("Tick the box once the caller has agreed"),
        "{html}"
    );
    let started = post(
        &portal,
        &portal.client,
        "/staff/api/helpline/assist",
        &[("consent", "yes")],
    )
    .await;
    assert_eq!(location(&started), "/concern/about");

    ready_subject_access(&portal).await;
    up_to_evidence(&portal).await;
    let uploaded = upload(
        &portal,
        "subject_access_request",
        "request.pdf",
        PDF.to_vec(),
    )
    .await;
    assert_eq!(uploaded.status().as_u16(), 302);
    portal
        .post_form("/api/concern/finish", &[("step", "evidence")])
        .await;
    for fields in [
        [("step", "your-name"), ("value", "Alex Caller")],
        [("step", "email"), ("value", "")],
        [("step", "phone"), ("value", "07700 900123")],
        [
            ("step", "address"),
            ("value", "1 High Street\r\nLeeds LS1 1AA"),
        ],
        [("step", "contact-by"), ("value", "post")],
        [("step", "adjustments"), ("value", "")],
    ] {
        portal.answer(&fields).await;
    }
    assert_eq!(
        portal
            .answer(&[("step", "reply-in-welsh"), ("value", "no")])
            .await,
        "/concern/submit"
    );
    let submitted = portal.post_form("/api/concern/submit", &[]).await;
    assert_eq!(location(&submitted), "/concern/confirmation");
    let (_, html) = portal.page("/concern/confirmation").await;
    assert!(html.contains("acknowledgement-letter"), "{html}");
    assert!(
        html.contains("Dear Alex Caller,") && html.contains("1 High Street"),
        "{html}"
    );
    let reference = html
        .split("data-testid=\"reference\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .unwrap()
        .to_owned();
    let channel = text(
        &portal,
        "SELECT channel FROM cases WHERE reference = $1",
        &reference,
    )
    .await;
    assert_eq!(channel.as_deref(), Some("phone"));
    // No email to send: nothing in the outbox; the assistance and consent noted on the case.
    assert_eq!(portal.database.intake_counts().await.unwrap().2, 0);
    let note = text(
        &portal,
        "SELECT e.details FROM case_events e JOIN cases c ON c.id = e.case_id \
         WHERE c.reference = $1 AND e.kind = 'note'",
        &reference,
    )
    .await;
    assert!(
        note.is_some_and(|n| n.contains("consented")),
        "the consent is noted"
    );
}
