//! Correspondence through the system: an email to the customer reaches a real SMTP server with
//! `[Ref. …]` in its subject and is kept on the case; a reply posted raw to
//! `/api/v1/inbound-email` attaches to the case; one with a mistyped reference goes to the sift
//! list's correspondence and is attached from there.

use app::domain::staff::Role;
use server::mail::{deliver_due, MailConfig, Mailer};

use super::{allocated_case, events, page, party_id, portal, posted, scalar, staff, KEY, MX};
use crate::mail::{received, smtp_sink};
use crate::support::TestPortal;

async fn inbound(portal: &TestPortal, key: Option<&str>, raw: &str) -> (u16, serde_json::Value) {
    let mut request = portal
        .client
        .post(format!("{}/api/v1/inbound-email", portal.url))
        .header("content-type", "message/rfc822")
        .body(raw.to_owned());
    if let Some(key) = key {
        request = request.bearer_auth(key);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    (
        status,
        response.json().await.unwrap_or(serde_json::Value::Null),
    )
}

/// A reply as a mail client writes it (multipart, the text part quoted-printable), as the
/// receiving mail server hands it over: with its DMARC result for the sender's domain.
fn reply(subject: &str, text: &str) -> String {
    let encoded = text.replace('=', "=3D").replace('é', "=C3=A9");
    format!(
        "Authentication-Results: {MX};\r\n dkim=pass header.d=example.org;\r\n dmarc=pass (p=none) header.from=example.org\r\n\
         From: Alex Jones <alex@example.org>\r\nTo: casework@localhost\r\nSubject: {subject}\r\n\
         MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n\
         --b1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\
         {encoded}\r\n--b1\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n\
         PHA+SGk8L3A+\r\n--b1--\r\n"
    )
}

#[tokio::test]
async fn an_email_to_the_customer_reaches_the_smtp_server_and_the_reply_comes_back_onto_the_case() {
    let (portal, _) = portal().await;
    let (officer, officer_id) =
        staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let reference = allocated_case(&portal, &officer_id, "They did not answer.").await;
    let path = format!("/staff/cases/{reference}");
    let customer: String = party_id(&portal, &reference, "customer").await;

    // The first-contact template, to the customer.
    let (status, html) = page(
        &portal,
        &officer,
        &format!("{path}/email?party={customer}&template=first_contact"),
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Your concern about Example Organisation Ltd"),
        "{html}"
    );
    assert!(html.contains("I am the case officer dealing with your concern"));
    let (_, html) = page(
        &portal,
        &officer,
        &format!("{path}/email?template=information_request"),
    )
    .await;
    assert!(html.contains(
        "Please say whether you consider any of the information you send us is confidential"
    ));

    let refused = posted(
        &portal,
        &officer,
        "/staff/api/cases/email",
        &[
            ("reference", &reference),
            ("party", &customer),
            ("subject", ""),
            ("body", ""),
        ],
    )
    .await;
    assert!(refused.starts_with(&format!("{path}/email")), "{refused}");
    let (_, html) = page(&portal, &officer, &refused).await;
    assert!(
        html.contains("Enter a subject") && html.contains("Enter the message"),
        "{html}"
    );

    let done = posted(
        &portal,
        &officer,
        "/staff/api/cases/email",
        &[
            ("reference", &reference),
            ("party", &customer),
            ("subject", "Your concern about Example Organisation Ltd"),
            (
                "body",
                "Dear Alex,\n\nI am dealing with your concern.\n\nYours sincerely,",
            ),
            ("job_title", "Case Officer"),
            ("direct_dial", "01625 545 700"),
        ],
    )
    .await;
    assert_eq!(done, format!("{path}?done=email_sent#correspondence"));
    assert_eq!(
        events(&portal, &reference).await.last().map(String::as_str),
        Some("email_sent")
    );

    let sink = smtp_sink().await;
    let mailer = Mailer::new(
        &MailConfig::Smtp(format!("smtp://127.0.0.1:{}", sink.port)),
        "ICO <casework@localhost>",
    )
    .unwrap();
    assert_eq!(
        deliver_due(&portal.database, &mailer).await.unwrap(),
        2,
        "the acknowledgement and the email"
    );
    let tag = format!("[Ref. {reference}]");
    let mails = received(&sink.maildir);
    let mail = mails
        .iter()
        .find(|m| m.contains("I am dealing with your concern"))
        .expect("the email reached the SMTP server");
    assert!(mail.contains(&tag), "{mail}");
    assert!(
        mail.contains("To: \"Alex Jones\" <alex@example.org>")
            || mail.contains("To: Alex Jones <alex@example.org>"),
        "{mail}"
    );
    assert!(mail.contains("The Information Commissioner's Office"));
    assert!(mail.contains("01625 545 700"));
    let (_, html) = page(&portal, &officer, &path).await;
    assert!(html.contains(&format!(
        "Your concern about Example Organisation Ltd {tag}"
    )));
    assert!(html.contains(">Sent<"), "the message shows as sent");
    // The sign-off is kept for next time.
    let (_, html) = page(&portal, &officer, &format!("{path}/email")).await;
    assert!(html.contains("value=\"Case Officer\""));

    // The reply: no key, not a message, then the real thing.
    let raw = reply(
        &format!("Re: Your concern about Example Organisation Ltd {tag}"),
        "Thank you = merci, très bien.",
    );
    assert_eq!(inbound(&portal, None, &raw).await.0, 401);
    assert_eq!(
        inbound(&portal, Some(KEY), "hello, this is not an email")
            .await
            .0,
        400
    );
    let (status, answer) = inbound(&portal, Some(KEY), &raw).await;
    assert_eq!(status, 202, "{answer}");
    assert_eq!(answer, serde_json::json!({"status": "received"}));
    let (_, html) = page(&portal, &officer, &path).await;
    assert!(html.contains("Thank you = merci, très bien."), "{html}");
    assert!(html.contains("Email received"));
    assert!(html.contains("The customer"), "the reply's sender in words");
    assert_eq!(
        events(&portal, &reference).await.last().map(String::as_str),
        Some("email_received")
    );
}

#[tokio::test]
async fn a_reply_with_a_mistyped_reference_waits_on_the_sift_list_until_attached() {
    let (portal, _) = portal().await;
    let (officer, officer_id) =
        staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let reference = allocated_case(&portal, &officer_id, "They did not answer.").await;
    let mut chars: Vec<char> = reference.chars().collect();
    chars[8] = if chars[8] == '7' { '1' } else { '7' };
    let mistyped: String = chars.into_iter().collect();
    let (status, answer) = inbound(
        &portal,
        Some(KEY),
        &reply(&format!("Re: [Ref. {mistyped}]"), "More details."),
    )
    .await;
    assert_eq!(status, 202);
    assert_eq!(answer["status"], "received");
    let (status, _) = inbound(
        &portal,
        Some(KEY),
        &reply("A question", "No reference at all."),
    )
    .await;
    assert_eq!(status, 202);
    assert_eq!(events(&portal, &reference).await, ["submitted"]);

    // The Advice Service's list; a case officer may not open it.
    assert_eq!(
        page(&portal, &officer, "/staff/sift/correspondence")
            .await
            .0,
        403
    );
    let (advice, _) = staff(&portal, "advice@example.gov.uk", &[Role::AdviceService]).await;
    let (status, html) = page(&portal, &advice, "/staff/sift/correspondence").await;
    assert_eq!(status, 200);
    assert!(html.contains("More details.") && html.contains("No reference at all."));
    assert!(html.contains(&format!("The subject said {mistyped}.")));
    assert!(
        html.contains(&format!("href=\"/staff/cases/{reference}\"")),
        "the intended case is suggested"
    );

    let message: String = scalar(
        &portal,
        "SELECT id FROM case_messages WHERE body LIKE $1",
        "%More details.%",
    )
    .await;
    // Attaching with the mistyped reference is caught by its check character.
    let back = posted(
        &portal,
        &advice,
        "/staff/api/sift/correspondence-attach",
        &[("message", &message), ("reference", &mistyped)],
    )
    .await;
    assert_eq!(back, "/staff/sift/correspondence");
    let (_, html) = page(&portal, &advice, &back).await;
    assert!(html.contains("a character is probably mistyped"), "{html}");
    let done = posted(
        &portal,
        &advice,
        "/staff/api/sift/correspondence-attach",
        &[("message", &message), ("reference", &reference)],
    )
    .await;
    assert_eq!(
        done,
        format!("/staff/sift/correspondence?attached={reference}")
    );
    assert_eq!(
        events(&portal, &reference).await,
        ["submitted", "email_received"]
    );
    let (_, html) = page(&portal, &officer, &format!("/staff/cases/{reference}")).await;
    assert!(html.contains("More details."));
    let (_, html) = page(&portal, &advice, "/staff/sift/correspondence").await;
    assert!(
        !html.contains("More details."),
        "attached, so no longer waiting"
    );
}
