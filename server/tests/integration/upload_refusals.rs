//! Files that could run code on a member of staff's computer are refused with their own reason,
//! shown next to the file field of the public upload and on the file's field in the API's answer:
//! a Word document with a VBA project, a web page posing as a PDF and a PDF with JavaScript.
//! Against SQLite, or PostgreSQL with `PORTAL_TEST_DATABASE_URL`.

use base64::Engine;
use serde_json::{json, Value};

use crate::submission::{ready_subject_access, up_to_evidence, upload};
use crate::support::{date, spawn_portal};

const MACROS: &str = "The selected file contains macros";
const NONE: u32 = 0xffff_ffff;
const END: u32 = 0xffff_fffe;

fn u16s(values: &[u16]) -> Vec<u8> {
    values
        .iter()
        .flat_map(|value| value.to_le_bytes())
        .collect()
}

fn u32s(values: &[u32]) -> Vec<u8> {
    values
        .iter()
        .flat_map(|value| value.to_le_bytes())
        .collect()
}

/// A Word 97 document (an OLE compound file) with a VBA project: the root's children are the
/// `WordDocument` and `1Table` streams and the `Macros` storage, which holds the `VBA` storage
/// with its `_VBA_PROJECT` stream, as Word saves a document with macros.
fn word_document_with_macros() -> Vec<u8> {
    // magic, class id, minor and major version, byte order, sector shifts (512 and 64 bytes)
    let mut out = [
        &[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1][..],
        &[0; 16],
        &u16s(&[0x3e, 3, 0xfffe, 9, 6, 0, 0, 0]),
    ]
    .concat();
    // directory sectors, FAT sectors (1), first directory sector (1), transaction, mini stream
    // cutoff, mini FAT (none), DIFAT (none), and the FAT's own sector (0)
    out.extend(u32s(&[0, 1, 1, 0, 4096, END, 0, END, 0, 0]));
    out.resize(512, 0xff);
    // The FAT: sector 0 is the FAT, the directory is sectors 1 and 2.
    out.extend(u32s(&[0xffff_fffd, 2, END]));
    out.resize(1024, 0xff);
    // (name, type, left, right, child): 1 storage, 2 stream, 5 root
    let entries: [(&str, u8, u32, u32, u32); 6] = [
        ("Root Entry", 5, NONE, NONE, 1),
        ("WordDocument", 2, NONE, 2, NONE),
        ("1Table", 2, NONE, 3, NONE),
        ("Macros", 1, NONE, NONE, 4),
        ("VBA", 1, NONE, NONE, 5),
        ("_VBA_PROJECT", 2, NONE, NONE, NONE),
    ];
    for (name, kind, left, right, child) in entries {
        let mut raw: Vec<u8> = name
            .encode_utf16()
            .chain([0])
            .flat_map(u16::to_le_bytes)
            .collect();
        let len = u16::try_from(raw.len()).unwrap();
        raw.resize(64, 0);
        raw.extend(
            [
                u16s(&[len, u16::from(kind) | 0x100]),
                u32s(&[left, right, child]),
            ]
            .concat(),
        );
        raw.resize(116, 0);
        raw.extend(u32s(&[END, 0, 0]));
        out.extend(raw);
    }
    out.resize(512 * 4, 0);
    out
}

/// A web page that has `%PDF-` in its first kilobyte, which PDF readers accept.
fn web_page_posing_as_pdf() -> Vec<u8> {
    b"<!DOCTYPE html><html><body><script>document.location='https://example.net'</script>\n\
%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
        .to_vec()
}

/// A PDF that runs JavaScript when opened, its action's name written with an escape.
fn pdf_with_javascript() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R/OpenAction 3 0 R>>endobj\n\
2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n\
3 0 obj<</S/J#61vaScript/JS(app.alert\\(1\\))>>endobj\n\
trailer<</Root 1 0 R>>\n%%EOF\n"
        .to_vec()
}

/// The text of the error message shown next to the file field, if any.
fn file_field_error(page: &str) -> Option<&str> {
    let at = page.find("id=\"file-error\"")?;
    let text = &page[at..];
    let start = text.find('>')? + 1;
    let end = text.find("</p>")?;
    text.get(start..end)
}

#[tokio::test]
async fn a_macro_document_a_web_page_posing_as_a_pdf_and_a_pdf_with_javascript_are_refused_on_the_file_field(
) {
    let portal = spawn_portal(date(2026, 3, 2)).await;
    ready_subject_access(&portal).await;
    up_to_evidence(&portal).await;
    let cases = [
        ("minutes.doc", word_document_with_macros(), MACROS),
        (
            "statement.pdf",
            web_page_posing_as_pdf(),
            "The selected file is a web page made to look like a PDF",
        ),
        (
            "letter.pdf",
            pdf_with_javascript(),
            "The selected PDF contains JavaScript",
        ),
    ];
    for (name, bytes, message) in cases {
        let response = upload(&portal, "subject_access_request", name, bytes).await;
        assert_eq!(response.status().as_u16(), 302, "{name}");
        let (status, page) = portal.page("/concern/evidence").await;
        assert_eq!(status, 200);
        assert!(page.contains("There is a problem"), "{name}");
        let shown = file_field_error(&page).unwrap_or_default();
        assert!(shown.contains(message), "{name}: {shown:?}");
        assert!(
            !page.contains("app-file__name"),
            "{name}: nothing was added"
        );
    }
    assert_eq!(portal.database.document_count().await.unwrap(), 0);
}

#[tokio::test]
async fn the_cases_api_refuses_a_macro_document_on_its_field_with_the_reason() {
    let portal = spawn_portal(date(2028, 6, 30)).await;
    let content = base64::engine::general_purpose::STANDARD.encode(word_document_with_macros());
    let body = json!({
        "route": "data_protection",
        "today": "2026-03-02",
        "raised_on": "2026-01-21",
        "organisation": {"name": "Example Organisation Ltd", "sector": "telecoms"},
        "customer": {"name": "Alex Jones", "email": "alex@example.org"},
        "summary": "I asked them about my records and nothing happened.",
        "evidence": [{
            "kind": "concern_to_organisation",
            "file_name": "letter.doc",
            "content_base64": content,
        }],
    });
    let response = portal
        .client
        .post(format!("{}/api/v1/cases", portal.url))
        .bearer_auth("local-development-key")
        .header("idempotency-key", "upload-refusals-macro-document")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 422);
    let answer: Value = response.json().await.unwrap();
    let message = answer["fields"]["evidence[0]"].as_str().unwrap_or_default();
    assert!(message.contains(MACROS), "{answer}");
}
