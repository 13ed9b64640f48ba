//! An inbound email's attachments (issue 19): read from the parsed message, checked by their
//! content exactly as uploaded evidence is ([`check_content`]: the name given is only for
//! display), kept in the file store under their content key, or refused with the reason, which
//! the message keeps so the officer sees what did not come through.
//!
//! A nested message (`message/rfc822`) is read as its raw bytes only: mail-parser's accessors on
//! a corrupted nested message can panic (its parts are empty, mail-parser issue #120), so no
//! method of the nested message is called. Its raw bytes are checked like any other attachment's
//! (an email is a type evidence accepts; a damaged one may be refused).

use app::domain::evidence::{check_content, display_name, FileType, UploadError};

use crate::files::{content_key, FileStore, FileStoreError};

/// The most attachments read from one message: past the configured limit they are listed as
/// refused, and past this they are not read at all.
const MAX_READ: usize = 100;

/// The most characters of an attachment's name kept.
const MAX_NAME_CHARS: usize = 100;

/// An attachment as the message carried it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboundAttachment {
    /// The name the sender's mail client gave (for display only).
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Limits on an inbound email's attachments (`PORTAL_MAIL_MAX_ATTACHMENTS`,
/// `PORTAL_MAIL_MAX_ATTACHMENT_MB`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttachmentLimits {
    /// Attachments kept from one message; the rest are refused.
    pub max_count: usize,
    /// The largest attachment kept.
    pub max_bytes: u64,
}

impl Default for AttachmentLimits {
    fn default() -> Self {
        AttachmentLimits {
            max_count: 10,
            max_bytes: 10 * 1024 * 1024,
        }
    }
}

/// One attachment after the checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Checked {
    /// Of a type evidence accepts (by content): kept under `key` once stored.
    Kept {
        name: String,
        file_type: FileType,
        size: u64,
        key: String,
    },
    /// Refused: `reason` is the i18n key of why.
    Refused {
        name: String,
        size: u64,
        reason: &'static str,
    },
}

/// The attachments of `message`, in order. Never calls a method of a nested message.
pub(super) fn read(message: &mail_parser::Message<'_>) -> Vec<InboundAttachment> {
    use mail_parser::MimeHeaders;
    message
        .attachments()
        .take(MAX_READ)
        .map(|part| {
            // The part's own headers and its raw bytes: both safe on a broken nested message.
            let fallback = if part.is_message() {
                "message.eml"
            } else {
                "attachment"
            };
            InboundAttachment {
                name: part.attachment_name().unwrap_or(fallback).to_owned(),
                bytes: part.contents().to_vec(),
            }
        })
        .collect()
}

/// A refused attachment's name, shown as it came but without control or invisible characters.
fn shown_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let visible: String = last
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}' | '\u{061c}'))
        .take(MAX_NAME_CHARS)
        .collect();
    match visible.trim() {
        "" => "attachment".to_owned(),
        name => name.to_owned(),
    }
}

/// Checks each attachment against `limits` and by its content. Pure.
pub fn check(attachments: &[InboundAttachment], limits: &AttachmentLimits) -> Vec<Checked> {
    attachments
        .iter()
        .enumerate()
        .map(|(position, attachment)| {
            let size = u64::try_from(attachment.bytes.len()).unwrap_or(u64::MAX);
            let refused = |reason: UploadError| Checked::Refused {
                name: shown_name(&attachment.name),
                size,
                reason: reason.message_key(),
            };
            if position >= limits.max_count {
                return refused(UploadError::TooManyFiles);
            }
            if size > limits.max_bytes {
                return refused(UploadError::TooLarge);
            }
            match check_content(&attachment.bytes) {
                Ok(file_type) => Checked::Kept {
                    name: display_name(&attachment.name, file_type, MAX_NAME_CHARS),
                    file_type,
                    size,
                    key: content_key(&attachment.bytes),
                },
                Err(problem) => refused(problem),
            }
        })
        .collect()
}

/// Puts the kept attachments in the file store (content keys: storing twice is harmless).
pub(super) async fn store(
    files: &dyn FileStore,
    attachments: &[InboundAttachment],
    checked: &[Checked],
) -> Result<(), FileStoreError> {
    for (attachment, checked) in attachments.iter().zip(checked) {
        if let Checked::Kept { file_type, key, .. } = checked {
            files.put(key, &attachment.bytes, file_type.mime()).await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attachment(name: &str, bytes: &[u8]) -> InboundAttachment {
        InboundAttachment {
            name: name.to_owned(),
            bytes: bytes.to_vec(),
        }
    }

    #[test]
    fn an_executable_named_as_a_pdf_is_refused_by_its_content() {
        let limits = AttachmentLimits::default();
        let checked = check(
            &[
                attachment("report.pdf", b"MZ\x90\x00\x03\x00\x00\x00"),
                attachment("letter.pdf", b"%PDF-1.4\n%%EOF\n"),
            ],
            &limits,
        );
        assert!(matches!(
            &checked[0],
            Checked::Refused { name, reason: "error.upload.type", .. } if name == "report.pdf"
        ));
        assert!(matches!(
            &checked[1],
            Checked::Kept {
                file_type: FileType::Pdf,
                ..
            }
        ));
    }

    #[test]
    fn attachments_past_the_limits_are_refused() {
        let limits = AttachmentLimits {
            max_count: 1,
            max_bytes: 20,
        };
        let pdf = b"%PDF-1.4\n%%EOF\n";
        let checked = check(
            &[
                attachment("a.pdf", pdf),
                attachment("b.pdf", pdf),
                attachment("\u{202e}c.pdf", &[b'%'; 30]),
            ],
            &limits,
        );
        assert!(matches!(&checked[0], Checked::Kept { .. }));
        assert!(matches!(
            &checked[1],
            Checked::Refused {
                reason: "error.upload.too_many",
                ..
            }
        ));
        assert!(matches!(
            &checked[2],
            Checked::Refused { name, .. } if name == "c.pdf"
        ));
    }
}
