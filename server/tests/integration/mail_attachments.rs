//! Mail keeps its attachments (issue 19): an email posted raw to `/api/v1/inbound-email` keeps
//! its attachments as case documents (checked by content, as uploaded evidence is), shows a
//! refused one with why, and an email without a reference is acknowledged through the outbox
//! and either waits on the sift list with its sender's open case suggested, or becomes a new
//! case on the sift list. The same message posted twice is stored and acknowledged once.

use app::domain::staff::Role;
use base64::Engine;
use server::mail::{deliver_due, MailConfig, Mailer};

use crate::casework_case::{allocated_case, events, page, portal, posted, scalar, staff, KEY, MX};
use crate::mail::{received, smtp_sink};
use crate::support::TestPortal;

/// A small but real PDF: catalogue, page tree, one page.
const PDF: &[u8] = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n\
2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n\
3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n\
trailer\n<< /Root 1 0 R >>\n%%EOF\n";

/// A Windows executable's first bytes.
const EXECUTABLE: &[u8] = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00This program cannot be run in DOS mode.";

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xedb8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

fn le16(values: &[u16]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

fn le32(values: &[u32]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// A zip of stored entries (local headers, central directory, end record).
fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let (mut out, mut central) = (Vec::new(), Vec::new());
    for &(name, data) in entries {
        let (crc, size, offset) = (crc32(data), data.len() as u32, out.len() as u32);
        let head = [
            le16(&[20, 0, 0, 0, 0x21]),
            le32(&[crc, size, size]),
            le16(&[name.len() as u16, 0]),
        ]
        .concat();
        out.extend([&b"PK\x03\x04"[..], &head, name.as_bytes(), data].concat());
        let tail = [le16(&[0, 0, 0]), le32(&[0, offset])].concat();
        central.extend(
            [
                &b"PK\x01\x02"[..],
                &le16(&[20]),
                &head,
                &tail,
                name.as_bytes(),
            ]
            .concat(),
        );
    }
    let count = entries.len() as u16;
    let end = [
        le16(&[0, 0, count, count]),
        le32(&[central.len() as u32, out.len() as u32]),
        le16(&[0]),
    ]
    .concat();
    [out, central, b"PK\x05\x06".to_vec(), end].concat()
}

/// A minimal Word document.
fn docx() -> Vec<u8> {
    zip(&[
        (
            "[Content_Types].xml",
            br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#,
        ),
        (
            "word/document.xml",
            br#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>My statement</w:t></w:r></w:p></w:body></w:document>"#,
        ),
    ])
}

/// An email as a mail client writes it, with its attachments (name, type, bytes) in base64, as
/// the receiving server hands it over with its DMARC result for the sender's domain.
fn email(
    from: &str,
    subject: &str,
    message_id: &str,
    text: &str,
    attachments: &[(&str, &str, &[u8])],
) -> String {
    let domain = from.rsplit('@').next().unwrap_or_default();
    let mut raw = format!(
        "Authentication-Results: {MX}; dmarc=pass (p=none) header.from={domain}\r\n\
         From: Sam Sender <{from}>\r\nTo: casework@localhost\r\nSubject: {subject}\r\n\
         Message-ID: <{message_id}>\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n\
         --b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{text}\r\n"
    );
    for (name, mime, bytes) in attachments {
        let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
        let lines: Vec<&str> = encoded
            .as_bytes()
            .chunks(76)
            .map(|chunk| std::str::from_utf8(chunk).unwrap())
            .collect();
        raw.push_str(&format!(
            "--b1\r\nContent-Type: {mime}; name=\"{name}\"\r\n\
             Content-Disposition: attachment; filename=\"{name}\"\r\n\
             Content-Transfer-Encoding: base64\r\n\r\n{}\r\n",
            lines.join("\r\n")
        ));
    }
    raw.push_str("--b1--\r\n");
    raw
}

async fn inbound(portal: &TestPortal, raw: &str) -> u16 {
    portal
        .client
        .post(format!("{}/api/v1/inbound-email", portal.url))
        .bearer_auth(KEY)
        .header("content-type", "message/rfc822")
        .body(raw.to_owned())
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

async fn count(portal: &TestPortal, sql: &str, value: &str) -> i64 {
    scalar(portal, sql, value).await
}

/// The document's bytes as the case page's link downloads them.
async fn download(
    portal: &TestPortal,
    client: &reqwest::Client,
    reference: &str,
    file_name: &str,
) -> Vec<u8> {
    let id: String = sqlx::query_scalar(&portal.database.sql(
        "SELECT d.id FROM documents d JOIN cases c ON c.id = d.case_id \
         WHERE c.reference = $1 AND d.file_name = $2",
    ))
    .bind(reference)
    .bind(file_name)
    .fetch_one(&portal.database.pool)
    .await
    .unwrap();
    let path = format!("/staff/cases/{reference}/documents/{id}");
    let (_, html) = page(portal, client, &format!("/staff/cases/{reference}")).await;
    assert!(html.contains(&format!("href=\"{path}\"")), "{html}");
    let response = crate::staff::get(portal, client, &path).await;
    assert_eq!(response.status().as_u16(), 200, "{path}");
    response.bytes().await.unwrap().to_vec()
}

/// Delivers the outbox to a real SMTP server; the emails it received.
async fn delivered(portal: &TestPortal) -> Vec<String> {
    let sink = smtp_sink().await;
    let mailer = Mailer::new(
        &MailConfig::Smtp(format!("smtp://127.0.0.1:{}", sink.port)),
        "ICO <casework@localhost>",
    )
    .unwrap();
    deliver_due(&portal.database, &mailer).await.unwrap();
    received(&sink.maildir)
}

#[tokio::test]
async fn an_emails_attachments_are_kept_as_case_documents_and_a_disguised_program_is_refused() {
    let (portal, _) = portal().await;
    let (officer, officer_id) =
        staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let reference = allocated_case(&portal, &officer_id, "They did not answer.").await;
    let word = docx();
    let raw = email(
        "alex@example.org",
        &format!("Re: Your concern [Ref. {reference}]"),
        "attachments-1@example.org",
        "Here are the letters they sent me.",
        &[
            ("letter.pdf", "application/pdf", PDF),
            (
                "statement.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                &word,
            ),
            ("report.pdf", "application/pdf", EXECUTABLE),
        ],
    );
    assert_eq!(inbound(&portal, &raw).await, 202);
    // The same message again (the MTA retried): stored once.
    assert_eq!(inbound(&portal, &raw).await, 202);
    assert_eq!(
        events(&portal, &reference).await,
        ["submitted", "email_received"]
    );
    let documents = "SELECT COUNT(*) FROM documents d JOIN cases c ON c.id = d.case_id \
                     WHERE c.reference = $1 AND d.kind = 'email_attachment'";
    assert_eq!(count(&portal, documents, &reference).await, 2);
    assert_eq!(
        count(
            &portal,
            "SELECT COUNT(*) FROM case_messages WHERE subject LIKE $1",
            &format!("%{reference}%")
        )
        .await,
        1
    );

    let (status, html) = page(&portal, &officer, &format!("/staff/cases/{reference}")).await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Here are the letters they sent me."),
        "{html}"
    );
    assert!(
        html.contains(">letter.pdf<") && html.contains(">statement.docx<"),
        "{html}"
    );
    assert!(html.contains("Attached to an email"), "the documents' kind");
    assert!(
        html.contains("report.pdf was not kept: The selected file must be a PDF, image, Word"),
        "the refusal shows on the message: {html}"
    );
    assert_eq!(
        download(&portal, &officer, &reference, "letter.pdf").await,
        PDF
    );
    assert_eq!(
        download(&portal, &officer, &reference, "statement.docx").await,
        word
    );
    assert_eq!(
        count(
            &portal,
            "SELECT COUNT(*) FROM documents WHERE file_name LIKE $1",
            "report%"
        )
        .await,
        0,
        "the program is not stored"
    );
    // A message on a case is not acknowledged.
    assert_eq!(
        count(
            &portal,
            "SELECT COUNT(*) FROM outbox WHERE kind = $1",
            "email_received"
        )
        .await,
        0
    );
}

#[tokio::test]
async fn an_email_without_a_reference_from_a_stranger_is_acknowledged_and_becomes_a_case_on_the_sift_list(
) {
    let (portal, _) = portal().await;
    let raw = email(
        "sam@example.net",
        "Help with my data",
        "stranger-1@example.net",
        "A company will not tell me what they hold about me.",
        &[("letter.pdf", "application/pdf", PDF)],
    );
    assert_eq!(inbound(&portal, &raw).await, 202);
    assert_eq!(inbound(&portal, &raw).await, 202, "posted twice");
    let reference: String = scalar(
        &portal,
        "SELECT c.reference FROM cases c JOIN parties p ON p.case_id = c.id \
         WHERE p.email = $1 AND c.case_type = 'INF'",
        "sam@example.net",
    )
    .await;
    assert_eq!(
        count(
            &portal,
            "SELECT COUNT(*) FROM cases WHERE case_type = $1",
            "INF"
        )
        .await,
        1,
        "one case for the message posted twice"
    );
    assert_eq!(
        events(&portal, &reference).await,
        ["submitted", "email_received"]
    );

    let (advice, _) = staff(&portal, "advice@example.gov.uk", &[Role::AdviceService]).await;
    let (status, html) = page(&portal, &advice, "/staff/sift").await;
    assert_eq!(status, 200);
    assert!(html.contains(&reference), "on the sift list: {html}");
    let (status, html) = page(&portal, &advice, &format!("/staff/sift/{reference}")).await;
    assert_eq!(status, 200, "its sift page: {html}");
    assert!(
        html.contains("Correspondence worth retaining") || html.contains("INF"),
        "{html}"
    );
    let (manager, _) = staff(&portal, "manager@example.gov.uk", &[Role::TeamManager]).await;
    let (status, html) = page(&portal, &manager, &format!("/staff/cases/{reference}")).await;
    assert_eq!(status, 200, "{html}");
    assert!(html.contains("A company will not tell me what they hold about me."));
    assert_eq!(
        download(&portal, &manager, &reference, "letter.pdf").await,
        PDF
    );

    // One acknowledgement, with the new case's reference, reaches the SMTP server.
    let mails = delivered(&portal).await;
    let acknowledgements: Vec<&String> = mails
        .iter()
        .filter(|mail| mail.contains("We have received your email"))
        .collect();
    assert_eq!(acknowledgements.len(), 1, "{mails:?}");
    assert!(acknowledgements[0].contains(&format!("[Ref. {reference}]")));
    assert!(acknowledgements[0].contains("sam@example.net"));
}

#[tokio::test]
async fn an_email_without_a_reference_from_the_sender_of_an_open_case_is_suggested_for_it_and_attached_when_staff_confirm(
) {
    let (portal, _) = portal().await;
    let (officer, officer_id) =
        staff(&portal, "officer@example.gov.uk", &[Role::CaseOfficer]).await;
    let reference = allocated_case(&portal, &officer_id, "They did not answer.").await;
    let raw = email(
        "alex@example.org",
        "Another letter",
        "suggested-1@example.org",
        "They wrote to me again.",
        &[("second letter.pdf", "application/pdf", PDF)],
    );
    assert_eq!(inbound(&portal, &raw).await, 202);
    assert_eq!(inbound(&portal, &raw).await, 202, "posted twice");
    assert_eq!(events(&portal, &reference).await, ["submitted"]);
    assert_eq!(
        count(
            &portal,
            "SELECT COUNT(*) FROM cases WHERE reference <> $1",
            &reference
        )
        .await,
        0,
        "no new case"
    );
    assert_eq!(
        count(
            &portal,
            "SELECT COUNT(*) FROM outbox WHERE kind = $1",
            "email_received"
        )
        .await,
        1,
        "acknowledged once"
    );
    let mails = delivered(&portal).await;
    let acknowledgement = mails
        .iter()
        .find(|mail| mail.contains("We have received your email"))
        .expect("the acknowledgement reached the SMTP server");
    assert!(
        acknowledgement.contains("alex@example.org"),
        "{acknowledgement}"
    );

    let (advice, _) = staff(&portal, "advice@example.gov.uk", &[Role::AdviceService]).await;
    let (status, html) = page(&portal, &advice, "/staff/sift/correspondence").await;
    assert_eq!(status, 200);
    assert!(html.contains("They wrote to me again."), "{html}");
    assert!(
        html.contains("second letter.pdf"),
        "its attachment is listed: {html}"
    );
    assert!(
        html.contains(&format!("href=\"/staff/cases/{reference}\"")),
        "the sender's case is suggested: {html}"
    );
    assert!(
        html.contains(&format!("value=\"{reference}\"")),
        "and ready to confirm"
    );
    let message: String = scalar(
        &portal,
        "SELECT id FROM case_messages WHERE body LIKE $1",
        "%They wrote to me again.%",
    )
    .await;
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
    assert!(html.contains("They wrote to me again."));
    assert!(html.contains(">second letter.pdf<"), "{html}");
    assert_eq!(
        download(&portal, &officer, &reference, "second letter.pdf").await,
        PDF
    );
}

#[tokio::test]
async fn retention_deletes_a_closed_cases_email_attachments_with_their_files() {
    use crate::retention::{close, files, new_case, retention, run};
    use server::case::{receive_email, AttachmentLimits, InboundEmail, MailIntake, Received};
    use std::sync::Arc;

    let database = crate::support::fresh_database().await;
    let files = files().await;
    let case_id = new_case(&database, "alex", Vec::new()).await;
    let reference: String = scalar_in(
        &database,
        "SELECT reference FROM cases WHERE id = $1",
        &case_id,
    )
    .await;
    let intake = MailIntake {
        database: server::db::Database::clone(&database),
        files: files.store.clone(),
        limits: AttachmentLimits::default(),
        calendar: Arc::new(
            app::domain::calendar::Calendar::from_govuk_json(include_str!(
                "../../../app/data/bank-holidays.json"
            ))
            .unwrap(),
        ),
        settings: app::domain::case::CaseSettings::default(),
        clock: Arc::new(server::clock::FixedClock(crate::support::date(2024, 1, 11))),
    };
    // Bytes of this test alone, so no other test's case keeps the file.
    let pdf = [PDF, crate::support::unique().as_bytes()].concat();
    let raw = email(
        "alex@example.org",
        &format!("[Ref. {reference}]"),
        &format!("retention-{}@example.org", crate::support::unique()),
        "A letter.",
        &[
            ("letter.pdf", "application/pdf", &pdf),
            ("x.pdf", "application/pdf", EXECUTABLE),
        ],
    );
    let parsed = InboundEmail::parse(raw.as_bytes(), Some(MX)).unwrap();
    assert_eq!(
        receive_email(&intake, &parsed).await.unwrap(),
        Received::Attached(reference.clone())
    );
    let attachments = "SELECT COUNT(*) FROM message_attachments a \
                       JOIN case_messages m ON m.id = a.message_id WHERE m.case_id = $1";
    assert_eq!(scalar_in::<i64>(&database, attachments, &case_id).await, 2);
    let key = server::files::content_key(&pdf);
    assert!(files.store.get(&key).await.unwrap().is_some());

    close(
        &database,
        &case_id,
        crate::support::date(2024, 2, 1),
        "not_dpa",
    )
    .await;
    run(&retention(&database, &files)).await;
    assert_eq!(
        scalar_in::<i64>(
            &database,
            "SELECT COUNT(*) FROM cases WHERE id = $1",
            &case_id
        )
        .await,
        0
    );
    assert_eq!(
        scalar_in::<i64>(
            &database,
            "SELECT COUNT(*) FROM message_attachments WHERE storage_key = $1",
            &key
        )
        .await,
        0
    );
    assert!(
        files.store.get(&key).await.unwrap().is_none(),
        "the file is removed"
    );
}

async fn scalar_in<T>(database: &server::db::Database, sql: &str, value: &str) -> T
where
    T: for<'r> sqlx::Decode<'r, sqlx::Any> + sqlx::Type<sqlx::Any>,
{
    use sqlx::Row;
    sqlx::query(&database.sql(sql))
        .bind(value)
        .fetch_one(&database.pool)
        .await
        .unwrap()
        .try_get(0)
        .unwrap()
}
