//! Closing with an outcome valid for the type and every attribute; several cases closed with one
//! action, all or nothing; re-opening refused on the day of closing and done the next day (a
//! second portal, its clock a day later, on the same database) as instance 2 under the same
//! reference; the type fixed once closed; an admin's outcome correction, not a re-open.

use app::domain::staff::Role;
use server::Config;

use super::{
    allocate, allocated_case, audits, concern, events, page, portal, posted, scalar, staff, submit,
};
use crate::support::{date, spawn_portal_with};

#[tokio::test]
async fn closing_needs_an_outcome_of_the_type_and_its_natures_and_reopening_waits_a_day() {
    let (portal, url) = portal().await;
    let (officer, officer_id) =
        staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let reference = allocated_case(&portal, &officer_id, "They never answered my request.").await;
    let path = format!("/staff/cases/{reference}");
    let close = format!("{path}/close");

    // The delay question starts at yes: intake said a subject access request with no answer.
    let (status, html) = page(&portal, &officer, &close).await;
    assert_eq!(status, 200);
    assert!(html.contains("Was this case mainly about a delayed subject access request?"));
    assert!(html.contains("value=\"yes\" checked"), "{html}");
    assert!(
        !html.contains("Decision notice served"),
        "only this type's outcomes are offered"
    );

    let attempt =
        |outcome: &'static str, n1: &'static str, n2: &'static str, delay: &'static str| {
            vec![
                ("reference", reference.clone()),
                ("outcome", outcome.to_owned()),
                ("nature_1", n1.to_owned()),
                ("nature_2", n2.to_owned()),
                ("subject_access_delay", delay.to_owned()),
            ]
        };
    let send = |fields: Vec<(&'static str, String)>| {
        let portal = &portal;
        let officer = &officer;
        async move {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(n, v)| (*n, v.as_str())).collect();
            posted(portal, officer, "/staff/api/cases/close", &fields).await
        }
    };
    // An FS50 outcome on an RFA case.
    assert_eq!(
        send(attempt("not_pa", "subject_access", "subject_access", "yes")).await,
        close
    );
    let (_, html) = page(&portal, &officer, &close).await;
    assert!(
        html.contains("Choose an outcome for this case type"),
        "{html}"
    );
    assert!(html.contains("href=\"#outcome\""));
    // No nature at all.
    send(attempt("dc_action_required", "", "", "no")).await;
    let (_, html) = page(&portal, &officer, &close).await;
    assert!(
        html.contains("Choose the nature of the issues (Nature 1)"),
        "{html}"
    );
    assert!(
        html.contains("value=\"dc_action_required\" checked"),
        "what was chosen is kept"
    );
    // A delayed subject access case without both natures as Subject access.
    send(attempt(
        "dc_action_required",
        "subject_access",
        "accuracy",
        "yes",
    ))
    .await;
    let (_, html) = page(&portal, &officer, &close).await;
    assert!(
        html.contains("must have Nature 1 and Nature 2 both as Subject access"),
        "{html}"
    );
    assert!(html.contains("href=\"#nature-1\""));
    let status: String = scalar(
        &portal,
        "SELECT status FROM cases WHERE reference = $1",
        &reference,
    )
    .await;
    assert_eq!(status, "open");

    let done = send(attempt(
        "dc_action_required",
        "subject_access",
        "subject_access",
        "yes",
    ))
    .await;
    assert_eq!(done, format!("{path}?done=closed#summary"));
    let status: String = scalar(
        &portal,
        "SELECT status FROM cases WHERE reference = $1",
        &reference,
    )
    .await;
    assert_eq!(status, "closed");
    let closed_on: String = scalar(&portal, "SELECT i.closed_on FROM case_instances i JOIN cases c ON c.id = i.case_id WHERE c.reference = $1", &reference).await;
    assert_eq!(closed_on, "2026-03-02");
    let attributes: String = scalar(&portal, "SELECT i.attributes FROM case_instances i JOIN cases c ON c.id = i.case_id WHERE c.reference = $1", &reference).await;
    let attributes: serde_json::Value = serde_json::from_str(&attributes).unwrap();
    assert_eq!(attributes["nature_2"], "subject_access");
    assert_eq!(attributes["subject_access_delay"], true);
    let closed_by: String = scalar(&portal, "SELECT i.closed_by FROM case_instances i JOIN cases c ON c.id = i.case_id WHERE c.reference = $1", &reference).await;
    assert_eq!(closed_by, officer_id);

    // The type is fixed once closed, even confirmed with a reason.
    posted(
        &portal,
        &officer,
        "/staff/api/cases/type",
        &[
            ("reference", &reference),
            ("to", "SEC"),
            ("reason", "Wrong type"),
        ],
    )
    .await;
    let (_, html) = page(&portal, &officer, &path).await;
    assert!(
        html.contains("Contact Operations Service Delivery"),
        "{html}"
    );
    let case_type: String = scalar(
        &portal,
        "SELECT case_type FROM cases WHERE reference = $1",
        &reference,
    )
    .await;
    assert_eq!(case_type, "RFA");

    // Same day: refused, with the manual's reason.
    let reopen = format!("{path}/reopen");
    assert_eq!(
        posted(
            &portal,
            &officer,
            "/staff/api/cases/reopen",
            &[
                ("reference", &reference),
                ("reason", "They sent inaccurate data")
            ]
        )
        .await,
        reopen
    );
    let (_, html) = page(&portal, &officer, &reopen).await;
    assert!(
        html.contains("must not be closed and re-opened on the same day"),
        "{html}"
    );
    let instances: i64 = scalar(&portal, "SELECT COUNT(*) FROM case_instances i JOIN cases c ON c.id = i.case_id WHERE c.reference = $1", &reference).await;
    assert_eq!(instances, 1);

    // The next day, on another portal process over the same database (the same browser: the
    // session is in the database, and cookies are not port-scoped).
    let tomorrow = spawn_portal_with(Config {
        database_url: url,
        fixed_today: Some(date(2026, 3, 3)),
        ..Config::default()
    })
    .await;
    let reason = [("reference", reference.as_str()), ("reason", "")];
    assert_eq!(
        posted(&tomorrow, &officer, "/staff/api/cases/reopen", &reason).await,
        reopen
    );
    assert!(page(&tomorrow, &officer, &reopen)
        .await
        .1
        .contains("Enter the second, related concern"));
    let done = posted(
        &tomorrow,
        &officer,
        "/staff/api/cases/reopen",
        &[
            ("reference", &reference),
            ("reason", "They sent inaccurate data"),
        ],
    )
    .await;
    assert_eq!(done, format!("{path}?done=reopened#summary"));
    let instance: i64 = scalar(
        &tomorrow,
        "SELECT instance FROM cases WHERE reference = $1",
        &reference,
    )
    .await;
    assert_eq!(instance, 2);
    let opened: String = scalar(&tomorrow, "SELECT i.opened_on FROM case_instances i JOIN cases c ON c.id = i.case_id WHERE c.reference = $1 AND i.number = 2", &reference).await;
    assert_eq!(opened, "2026-03-03");
    let first_contact: String = scalar(
        &tomorrow,
        "SELECT first_contact_due FROM cases WHERE reference = $1",
        &reference,
    )
    .await;
    assert_eq!(
        first_contact, "2026-03-17",
        "service levels from the re-open date"
    );
    let assigned: String = scalar(
        &tomorrow,
        "SELECT assigned_to FROM cases WHERE reference = $1",
        &reference,
    )
    .await;
    assert_eq!(assigned, officer_id, "the officer stays allocated");
    let prepare: i64 = scalar(&tomorrow, "SELECT COUNT(*) FROM work_items w JOIN cases c ON c.id = w.case_id WHERE c.reference = $1 AND w.kind = 'prepare' AND w.completed_at IS NULL", &reference).await;
    assert_eq!(prepare, 1);
    let (_, html) = page(&tomorrow, &officer, &path).await;
    assert!(
        html.contains("Re-opened for a related concern")
            && html.contains("They sent inaccurate data")
    );
    assert!(html.contains("2, opened on 3 March 2026"));

    // A correction is an admin's, and makes no new instance.
    let correction = [
        ("reference", reference.as_str()),
        ("instance", "1"),
        ("outcome", "improvement_action_plan_agreed"),
        ("reason", "Chosen in error"),
    ];
    let forbidden = super::post(
        &tomorrow,
        &officer,
        "/staff/api/corrections/correct",
        &correction,
    )
    .await;
    assert_eq!(forbidden.status().as_u16(), 403);
    assert_eq!(
        page(
            &tomorrow,
            &officer,
            &format!("/staff/corrections/{reference}")
        )
        .await
        .0,
        403
    );
    let (admin, _) = staff(&tomorrow, "admin@example.gov.uk", &[Role::Admin]).await;
    let (status, html) = page(
        &tomorrow,
        &admin,
        &format!("/staff/corrections/{reference}"),
    )
    .await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("Instance 1, closed on 2 March 2026: DC action required"));
    let wrong = [
        ("reference", reference.as_str()),
        ("instance", "1"),
        ("outcome", "not_pa"),
        ("reason", "Chosen in error"),
    ];
    posted(&tomorrow, &admin, "/staff/api/corrections/correct", &wrong).await;
    assert!(page(
        &tomorrow,
        &admin,
        &format!("/staff/corrections/{reference}")
    )
    .await
    .1
    .contains("Choose an outcome for this case type"));
    let done = posted(
        &tomorrow,
        &admin,
        "/staff/api/corrections/correct",
        &correction,
    )
    .await;
    assert_eq!(
        done,
        format!("/staff/corrections/{reference}?done=corrected#instances")
    );
    let outcome: String = scalar(&tomorrow, "SELECT i.outcome FROM case_instances i JOIN cases c ON c.id = i.case_id WHERE c.reference = $1 AND i.number = 1", &reference).await;
    assert_eq!(outcome, "improvement_action_plan_agreed");
    let instances: i64 = scalar(&tomorrow, "SELECT COUNT(*) FROM case_instances i JOIN cases c ON c.id = i.case_id WHERE c.reference = $1", &reference).await;
    assert_eq!(instances, 2);
    assert_eq!(
        events(&tomorrow, &reference).await,
        ["submitted", "closed", "reopened", "outcome_corrected"]
    );
    assert_eq!(audits(&tomorrow, &reference, "change").await, 3);
    assert!(audits(&tomorrow, &reference, "view").await >= 8);
}

#[tokio::test]
async fn several_cases_close_with_one_action_or_none_does() {
    let (portal, _) = portal().await;
    let (officer, officer_id) =
        staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let first = allocated_case(&portal, &officer_id, "One.").await;
    let second = allocated_case(&portal, &officer_id, "Two.").await;
    let mut foi = concern("Three.", "alex@example.org", "Example Council");
    foi["route"] = "foi".into();
    foi["raised_on"] = "2025-12-01".into();
    foi["organisation"]["public_authority"] = true.into();
    let third = submit(&portal, &foi).await;
    allocate(&portal, &third, &officer_id).await;
    let several = "/staff/cases/close-several";
    assert_eq!(page(&portal, &officer, several).await.0, 200);
    let fields = |references: String| {
        vec![
            ("references", references),
            ("outcome", "undertaking_served".to_owned()),
            ("nature_1", "security".to_owned()),
            ("nature_2", String::new()),
            ("subject_access_delay", "no".to_owned()),
        ]
    };
    let send = |fields: Vec<(&'static str, String)>| {
        let portal = &portal;
        let officer = &officer;
        async move {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(n, v)| (*n, v.as_str())).collect();
            posted(portal, officer, "/staff/api/cases/close-several", &fields).await
        }
    };
    let closed = || async {
        let row: i64 = scalar(
            &portal,
            "SELECT COUNT(*) FROM cases WHERE status = $1",
            "closed",
        )
        .await;
        row
    };
    // A mistyped reference: nothing closed, the reference named.
    let mut mistyped: Vec<char> = second.chars().collect();
    mistyped[8] = if mistyped[8] == '7' { '1' } else { '7' };
    let mistyped: String = mistyped.into_iter().collect();
    assert_eq!(send(fields(format!("{first}\n{mistyped}"))).await, several);
    let (_, html) = page(&portal, &officer, several).await;
    assert!(
        html.contains(&format!("{mistyped}: That reference does not check out")),
        "{html}"
    );
    assert_eq!(closed().await, 0);
    let reason = |mut fields: Vec<(&'static str, String)>, why: &str| {
        fields.push(("reason", why.to_owned()));
        fields
    };
    // An FS50 case cannot be closed 'undertaking served': nothing closed, that reference named.
    send(reason(
        fields(format!("{first}\n{second}\n{third}")),
        "One undertaking",
    ))
    .await;
    let (_, html) = page(&portal, &officer, several).await;
    assert!(
        html.contains(&format!("{third}: Choose an outcome for this case type")),
        "{html}"
    );
    assert!(
        html.contains(&format!("{first}\n{second}\n{third}")),
        "the list is kept"
    );
    assert_eq!(closed().await, 0);
    // The two RFA cases: the first post asks for confirmation and the reason; nothing closes
    // without the reason; confirmed, both close, one event each with the reason.
    let list = format!("{first}\n{}\n", second.to_lowercase());
    let confirm = send(fields(list.clone())).await;
    assert!(
        confirm.starts_with(&format!("{several}?confirm=yes")),
        "{confirm}"
    );
    let (_, html) = page(&portal, &officer, &confirm).await;
    assert!(html.contains("You are about to close 2 cases"), "{html}");
    assert!(html.contains(&format!("href=\"/staff/cases/{second}\"")));
    assert!(html.contains("name=\"reason\""));
    assert_eq!(closed().await, 0);
    assert_eq!(send(reason(fields(list.clone()), "  ")).await, confirm);
    assert!(page(&portal, &officer, &confirm)
        .await
        .1
        .contains("Enter why you are making this change"));
    assert_eq!(closed().await, 0);
    let done = send(reason(fields(list), "One undertaking covers both")).await;
    assert_eq!(done, format!("{several}?closed={first},{second}"));
    let (_, html) = page(&portal, &officer, &format!("/staff/cases/{first}")).await;
    assert!(
        html.contains("One undertaking covers both"),
        "the reason on the timeline"
    );
    assert_eq!(closed().await, 2);
    for reference in [&first, &second] {
        assert_eq!(events(&portal, reference).await, ["submitted", "closed"]);
        let outcome: String = scalar(&portal, "SELECT i.outcome FROM case_instances i JOIN cases c ON c.id = i.case_id WHERE c.reference = $1", reference).await;
        assert_eq!(outcome, "undertaking_served");
    }
    // Already closed: refused by name.
    send(reason(fields(format!("{first}\n{third}")), "Again")).await;
    assert!(page(&portal, &officer, several)
        .await
        .1
        .contains(&format!("{first}: this case is already closed")));
}
