//! The `evidence` list of a `POST /api/v1/cases` body: files sent base64 encoded, checked by
//! content with the same rules and limits as the web upload, then kept in the file store.

use app::domain::evidence::{check_upload, CaseUploads, CheckedFile, UploadLimits};
use app::domain::readiness::{DocumentKind, FieldErrors};
use app::domain::submission::{EvidenceFile, EvidenceKind};
use base64::Engine;
use serde_json::Value;

use crate::files::{keep_evidence, FileStore};

/// A file that passed every check, not stored yet.
pub(super) struct Attachment {
    kind: EvidenceKind,
    bytes: Vec<u8>,
    checked: CheckedFile,
}

/// Decodes and checks every file in `body["evidence"]`; each problem is reported on
/// `evidence[i]` (or `evidence[i].kind`, `evidence[i].content_base64`).
pub(super) fn check(
    body: &Value,
    limits: &UploadLimits,
    errors: &mut FieldErrors,
) -> Vec<Attachment> {
    let items = match body.get("evidence") {
        None | Some(Value::Null) => return Vec::new(),
        Some(Value::Array(items)) => items,
        Some(_) => {
            errors.add("evidence", "Send the evidence as a JSON list of files");
            return Vec::new();
        }
    };
    let mut accepted: Vec<Attachment> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let path = format!("evidence[{i}]");
        if !item.is_object() {
            errors.add(
                path,
                "Send each file as a JSON object with kind, file_name and content_base64",
            );
            continue;
        }
        let text = |field: &str| item.get(field).and_then(Value::as_str);
        let kind = text("kind").and_then(EvidenceKind::from_code);
        if kind.is_none() {
            errors.add(format!("{path}.kind"), "error.upload.kind");
        }
        if item
            .get("file_name")
            .is_some_and(|v| !v.is_null() && !v.is_string())
        {
            errors.add(format!("{path}.file_name"), "Enter text");
        }
        let bytes = text("content_base64").and_then(decode_base64);
        if bytes.is_none() {
            errors.add(format!("{path}.content_base64"), "error.upload.base64");
        }
        let (Some(kind), Some(bytes)) = (kind, bytes) else {
            continue;
        };
        let so_far = CaseUploads {
            files: accepted.len(),
            bytes: accepted.iter().map(|file| file.checked.size).sum(),
        };
        match check_upload(
            &bytes,
            text("file_name").unwrap_or_default(),
            so_far,
            limits,
        ) {
            Ok(checked) => accepted.push(Attachment {
                kind,
                bytes,
                checked,
            }),
            Err(problem) => errors.add(path, problem.message_key()),
        }
    }
    accepted
}

/// Standard base64 (padding optional); white space such as MIME line breaks is ignored.
fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let compact: Vec<u8> = text
        .bytes()
        .filter(|byte| !byte.is_ascii_whitespace())
        .collect();
    let engine = base64::engine::GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        base64::engine::GeneralPurposeConfig::new()
            .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
    );
    engine.decode(compact).ok()
}

/// Keeps the files in the file store (content addressed); fails if any cannot be kept.
pub(super) async fn store(
    attachments: Vec<Attachment>,
    files: &dyn FileStore,
) -> Result<Vec<EvidenceFile>, String> {
    let mut stored = Vec::with_capacity(attachments.len());
    for attachment in attachments {
        let file = keep_evidence(
            files,
            attachment.kind,
            &attachment.bytes,
            attachment.checked,
        )
        .await
        .map_err(|error| error.to_string())?;
        stored.push(file);
    }
    Ok(stored)
}

/// The required kinds with no file of that kind, in the order required.
pub(super) fn missing(required: &[DocumentKind], evidence: &[EvidenceFile]) -> Vec<DocumentKind> {
    required
        .iter()
        .copied()
        .filter(|kind| {
            !evidence
                .iter()
                .any(|file| file.kind == EvidenceKind::Required(*kind))
        })
        .collect()
}
