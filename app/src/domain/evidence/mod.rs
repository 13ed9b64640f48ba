//! Evidence uploads: checks a document a member of the public uploads as evidence for a concern,
//! before it is stored or shown to staff.
//!
//! The type comes from the content only (`sniff.rs`), never from the file's name or the type the
//! browser claims. PDFs, photos (PNG, JPEG, GIF, WebP, HEIC, TIFF), Word, Excel and PowerPoint
//! (old and new), OpenDocument, Outlook `.msg` and `.eml` emails, RTF and UTF-8 text are accepted.
//! Executables, archives, HTML, SVG, XML, scripts and anything unrecognised are refused. Zip-based
//! formats are told apart by their entry names (`zip.rs`), the old Office formats by their OLE
//! directory (`ole.rs`); both readers are minimal, bounded, and never panic on truncated or
//! hostile input. Password-protected files we can recognise (PDFs with an `/Encrypt` dictionary,
//! encrypted Office files) are refused because staff cannot open them.
//!
//! Files that can run code on a member of staff's computer are refused, each with its own reason:
//! Office files with macros (VBA projects in old and new Office files, Excel 4 macro sheets,
//! OpenDocument `Basic/` and `Scripts/` folders), a web page with a PDF header in its first
//! kilobyte, and PDFs with JavaScript, launch actions, attached files or dynamic content
//! (`pdf.rs`, which also reads compressed object streams). [`check_content`] gives the same answer
//! for a file with no limits to apply, such as an email's attachment.
//!
//! Pure: no IO and no clock, so the same checks run in the browser (wasm32) before an upload and
//! on the server, which must always run them again. Every limit is an [`UploadLimits`] setting.
//!
//! ```ignore
//! let so_far = CaseUploads { files: 2, bytes: 4_000_000 };
//! let checked = check_upload(&bytes, "IMG_0042.HEIC", so_far, &UploadLimits::default())?;
//! assert_eq!(checked.file_type, FileType::Heic);
//! ```

mod ole;
mod pdf;
mod sniff;
mod zip;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};
use sniff::Sniffed;

/// Declares [`FileType`] from one table: each variant's code (its serde name) and MIME type.
macro_rules! file_types {
    ($($variant:ident => $code:literal, $mime:literal;)+) => {
        /// A file type we accept, detected from the content.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum FileType {
            $($variant,)+
        }

        impl FileType {
            /// Every type, in declaration order.
            pub const ALL: &'static [FileType] = &[$(FileType::$variant),+];

            /// The code: the serde name, e.g. `"pdf"`.
            pub fn code(self) -> &'static str {
                match self {
                    $(FileType::$variant => $code,)+
                }
            }

            /// The MIME type to store and serve the file with.
            pub fn mime(self) -> &'static str {
                match self {
                    $(FileType::$variant => $mime,)+
                }
            }
        }
    };
}

file_types! {
    Pdf => "pdf", "application/pdf";
    Png => "png", "image/png";
    Jpeg => "jpeg", "image/jpeg";
    Gif => "gif", "image/gif";
    Webp => "webp", "image/webp";
    Heic => "heic", "image/heic";
    Tiff => "tiff", "image/tiff";
    Docx => "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    Xlsx => "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    Pptx => "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    Odt => "odt", "application/vnd.oasis.opendocument.text";
    Ods => "ods", "application/vnd.oasis.opendocument.spreadsheet";
    Odp => "odp", "application/vnd.oasis.opendocument.presentation";
    Doc => "doc", "application/msword";
    Xls => "xls", "application/vnd.ms-excel";
    Ppt => "ppt", "application/vnd.ms-powerpoint";
    Msg => "msg", "application/vnd.ms-outlook";
    Eml => "eml", "message/rfc822";
    Rtf => "rtf", "application/rtf";
    Text => "text", "text/plain; charset=utf-8";
}

impl FileType {
    /// The usual file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            FileType::Jpeg => "jpg",
            FileType::Text => "txt",
            other => other.code(),
        }
    }

    /// The type with this code, if any.
    pub fn from_code(code: &str) -> Option<FileType> {
        FileType::ALL
            .iter()
            .copied()
            .find(|file_type| file_type.code() == code)
    }

    /// Whether `extension` (without the dot, any case) is one people give files of this type.
    fn has_extension(self, extension: &str) -> bool {
        let extension = extension.to_ascii_lowercase();
        extension == self.extension()
            || extension == self.code()
            || matches!(
                (self, extension.as_str()),
                (FileType::Jpeg, "jpe" | "jfif")
                    | (FileType::Heic, "heif" | "hif")
                    | (FileType::Tiff, "tif")
            )
    }
}

/// Limits, every number a setting (defaults: 10 MiB per file, 30 MiB per case, 20 files per
/// case, names up to 200 characters).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct UploadLimits {
    pub max_file_bytes: u64,
    pub max_case_bytes: u64,
    pub max_files: usize,
    pub max_name_chars: usize,
}

impl Default for UploadLimits {
    fn default() -> Self {
        const MIB: u64 = 1024 * 1024;
        UploadLimits {
            max_file_bytes: 10 * MIB,
            max_case_bytes: 30 * MIB,
            max_files: 20,
            max_name_chars: 200,
        }
    }
}

/// Why an upload is refused. [`UploadError::message_key`] gives the i18n key of its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum UploadError {
    #[error("no file was selected")]
    NoFile,
    #[error("the file is empty")]
    Empty,
    #[error("the file is larger than the limit per file")]
    TooLarge,
    #[error("the case's files together would be larger than the limit per case")]
    CaseTooLarge,
    #[error("the case already has as many files as allowed")]
    TooManyFiles,
    #[error("the file is not of a type we accept")]
    UnsupportedType,
    #[error("the file is password protected")]
    Encrypted,
    #[error("the file contains macros")]
    Macros,
    #[error("the file is a web page with a PDF header")]
    WebPage,
    #[error("the PDF contains JavaScript")]
    PdfJavaScript,
    #[error("the PDF contains a launch action")]
    PdfLaunch,
    #[error("the PDF has files attached inside it")]
    PdfAttachments,
    #[error("the PDF contains interactive media or a dynamic form")]
    PdfInteractive,
    #[error("the PDF's compressed objects could not be checked")]
    PdfUnchecked,
}

impl UploadError {
    /// The i18n key of the message shown to the person uploading.
    pub fn message_key(&self) -> &'static str {
        match self {
            UploadError::NoFile => "error.upload.none",
            UploadError::Empty => "error.upload.empty",
            UploadError::TooLarge => "error.upload.too_large",
            UploadError::CaseTooLarge => "error.upload.case_too_large",
            UploadError::TooManyFiles => "error.upload.too_many",
            UploadError::UnsupportedType => "error.upload.type",
            UploadError::Encrypted => "error.upload.encrypted",
            UploadError::Macros => "error.upload.macros",
            UploadError::WebPage => "error.upload.web_page",
            UploadError::PdfJavaScript => "error.upload.pdf_javascript",
            UploadError::PdfLaunch => "error.upload.pdf_launch",
            UploadError::PdfAttachments => "error.upload.pdf_attachments",
            UploadError::PdfInteractive => "error.upload.pdf_interactive",
            UploadError::PdfUnchecked => "error.upload.pdf_unchecked",
        }
    }
}

/// What the case has so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseUploads {
    pub files: usize,
    pub bytes: u64,
}

/// An upload that passed every check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckedFile {
    pub file_type: FileType,
    pub size: u64,
    pub display_name: String,
}

/// Checks one upload: the bytes as received and the name the browser gave (only for display;
/// never trusted for the type). Checks run in this order: no file, empty, too many files, too
/// large, case too large, type.
pub fn check_upload(
    bytes: &[u8],
    file_name: &str,
    so_far: CaseUploads,
    limits: &UploadLimits,
) -> Result<CheckedFile, UploadError> {
    if bytes.is_empty() && file_name.trim().is_empty() {
        return Err(UploadError::NoFile);
    }
    if bytes.is_empty() {
        return Err(UploadError::Empty);
    }
    if so_far.files >= limits.max_files {
        return Err(UploadError::TooManyFiles);
    }
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > limits.max_file_bytes {
        return Err(UploadError::TooLarge);
    }
    if so_far.bytes.saturating_add(size) > limits.max_case_bytes {
        return Err(UploadError::CaseTooLarge);
    }
    let file_type = check_content(bytes)?;
    let display_name = display_name(file_name, file_type, limits.max_name_chars);
    Ok(CheckedFile {
        file_type,
        size,
        display_name,
    })
}

/// A safe display name: the last path component, without control, invisible or bidi-override
/// characters, trimmed to `max_chars` (keeping the extension), with the detected type's extension
/// appended if the name's own disagrees ("photo.pdf" that is really a PNG becomes
/// "photo.pdf.png"). An empty name becomes "document.<ext>".
pub fn display_name(file_name: &str, file_type: FileType, max_chars: usize) -> String {
    let last = file_name.rsplit(['/', '\\']).next().unwrap_or_default();
    let visible: String = last
        .chars()
        .filter(|&c| !c.is_control() && !is_invisible(c))
        .collect();
    let name = trim_name(&visible);
    let (stem, suffix) = match name.rsplit_once('.') {
        Some((stem, extension)) if file_type.has_extension(extension) => (stem, extension),
        _ => (name, file_type.extension()),
    };
    let room = max_chars.saturating_sub(suffix.chars().count() + 1);
    let stem: String = stem.chars().take(room).collect();
    let stem = match trim_name(&stem) {
        "" => "document",
        stem => stem,
    };
    format!("{stem}.{suffix}")
}

/// Removes surrounding white space, and trailing dots (which Windows drops).
fn trim_name(name: &str) -> &str {
    name.trim_start()
        .trim_end_matches(|c: char| c.is_whitespace() || c == '.')
}

/// Zero-width, direction-changing and other invisible format characters, which can disguise a
/// name's real extension ("invoice\u{202e}fdp.exe").
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{061c}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2069}' | '\u{feff}'
    )
}

/// The type of `bytes`, from their content only; `None` if it is not a type we accept (including
/// password-protected files and files refused for what they contain).
pub fn detect(bytes: &[u8]) -> Option<FileType> {
    check_content(bytes).ok()
}

/// The type of `bytes` from their content only, or why they are refused (not a type we accept,
/// password protected, macros, active PDF content): the content checks of [`check_upload`]
/// without its limits, for files that come another way (an inbound email's attachments).
pub fn check_content(bytes: &[u8]) -> Result<FileType, UploadError> {
    if bytes.is_empty() {
        return Err(UploadError::Empty);
    }
    match sniff::sniff(bytes) {
        Sniffed::Type(file_type) => Ok(file_type),
        Sniffed::Encrypted => Err(UploadError::Encrypted),
        Sniffed::Refused(problem) => Err(problem),
        Sniffed::Unsupported => Err(UploadError::UnsupportedType),
    }
}
