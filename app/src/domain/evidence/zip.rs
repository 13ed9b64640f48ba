//! Minimal zip reading: enough to tell OOXML (Word, Excel, PowerPoint) and OpenDocument files
//! from other zips (plain archives, jars, apks, epubs), which are refused.
//!
//! Entry names come from the central directory and from the local file headers read from the
//! start of the file (a truncated upload or zip64 has only the second; a reader that repairs a
//! damaged zip may go by either, so both are checked for macros). Only names and the stored
//! `mimetype` entry are read; nothing is decompressed.
//!
//! Macros refuse the file: a VBA project (`vbaProject.bin`, in .docm, .xlsm, .pptm) or Excel 4
//! macro sheets (`xl/macrosheets/`) in OOXML, and in OpenDocument the `Basic/` folder of Basic
//! macro libraries or the `Scripts/` folder of other script languages (ODF 1.2 part 3, §3.16).

use super::sniff::{le16, le16_usize, le32_usize, span, Sniffed};
use super::{FileType, UploadError};

/// Local file header signature: every zip we accept starts with it.
pub(super) const LOCAL: &[u8] = b"PK\x03\x04";
const CENTRAL: &[u8] = b"PK\x01\x02";
const END: &[u8] = b"PK\x05\x06";
/// Sizes of the fixed parts of a local header, a central directory entry and the end record.
const LOCAL_LEN: usize = 30;
const CENTRAL_LEN: usize = 46;
const END_LEN: usize = 22;
/// The most entry names read from local headers (the central directory holds at most 65535).
const MAX_ENTRIES: usize = 65_535;

/// The OpenDocument types, by the content of their `mimetype` entry.
const OPEN_DOCUMENT: [(&[u8], FileType); 3] = [
    (b"application/vnd.oasis.opendocument.text", FileType::Odt),
    (
        b"application/vnd.oasis.opendocument.spreadsheet",
        FileType::Ods,
    ),
    (
        b"application/vnd.oasis.opendocument.presentation",
        FileType::Odp,
    ),
];

/// The OOXML types, by the folder of their main part.
const OOXML: [(&[u8], FileType); 3] = [
    (b"word/", FileType::Docx),
    (b"xl/", FileType::Xlsx),
    (b"ppt/", FileType::Pptx),
];

/// Classifies a file that starts with a local file header.
pub(super) fn classify(bytes: &[u8]) -> Sniffed {
    let mut names = central_names(bytes).unwrap_or_default();
    names.extend(local_names(bytes));
    let any = |test: &dyn Fn(&[u8]) -> bool| names.iter().any(|name| test(name));
    if let Some(mimetype) = first_stored_mimetype(bytes) {
        let Some(&(_, file_type)) = OPEN_DOCUMENT.iter().find(|(known, _)| *known == mimetype)
        else {
            return Sniffed::Unsupported;
        };
        if any(&|name| in_folder(name, b"Basic/") || in_folder(name, b"Scripts/")) {
            return Sniffed::Refused(UploadError::Macros);
        }
        return Sniffed::Type(file_type);
    }
    if !any(&|name| name.eq_ignore_ascii_case(b"[Content_Types].xml")) {
        return Sniffed::Unsupported;
    }
    let Some(&(_, file_type)) = OOXML
        .iter()
        .find(|(folder, _)| any(&|name| starts_with_ignore_case(name, folder)))
    else {
        return Sniffed::Unsupported;
    };
    let vba = any(&|name| ends_with_ignore_case(name, b"vbaProject.bin"));
    let macro_sheets = any(&|name| starts_with_ignore_case(name, b"xl/macrosheets/"));
    if vba || macro_sheets {
        return Sniffed::Refused(UploadError::Macros);
    }
    Sniffed::Type(file_type)
}

/// The content of the first entry if it is named `mimetype` and stored (not compressed), as
/// OpenDocument requires.
fn first_stored_mimetype(bytes: &[u8]) -> Option<&[u8]> {
    let (name, method, size, data_at) = local_header(bytes, 0)?;
    if name != b"mimetype" || method != 0 {
        return None;
    }
    span(bytes, data_at, size)
}

/// The local header at `at`: name, compression method, compressed size and where the data
/// starts.
fn local_header(bytes: &[u8], at: usize) -> Option<(&[u8], u16, usize, usize)> {
    if span(bytes, at, LOCAL.len()) != Some(LOCAL) {
        return None;
    }
    let method = le16(bytes, at.checked_add(8)?)?;
    let size = le32_usize(bytes, at.checked_add(18)?)?;
    let name_len = le16_usize(bytes, at.checked_add(26)?)?;
    let extra_len = le16_usize(bytes, at.checked_add(28)?)?;
    let name_at = at.checked_add(LOCAL_LEN)?;
    let name = span(bytes, name_at, name_len)?;
    Some((
        name,
        method,
        size,
        name_at.checked_add(name_len)?.checked_add(extra_len)?,
    ))
}

/// Entry names from the central directory, found through the end of central directory record
/// (searched for backwards, as it may be followed by a comment of up to 65535 bytes).
fn central_names(bytes: &[u8]) -> Option<Vec<&[u8]>> {
    let last = bytes.len().checked_sub(END_LEN)?;
    let end = (last.saturating_sub(0xffff)..=last)
        .rev()
        .find(|&at| span(bytes, at, END.len()).is_some_and(|s| s == END))?;
    let count = le16_usize(bytes, end + 10)?;
    let mut at = le32_usize(bytes, end + 16)?;
    let mut names = Vec::with_capacity(count.min(1024));
    for _ in 0..count {
        if span(bytes, at, CENTRAL.len())? != CENTRAL {
            return None;
        }
        let name_len = le16_usize(bytes, at.checked_add(28)?)?;
        let extra_len = le16_usize(bytes, at.checked_add(30)?)?;
        let comment_len = le16_usize(bytes, at.checked_add(32)?)?;
        let name_at = at.checked_add(CENTRAL_LEN)?;
        names.push(span(bytes, name_at, name_len)?);
        at = name_at.checked_add(name_len + extra_len + comment_len)?;
    }
    Some(names)
}

/// Entry names from the local headers, read one after another from the start until one cannot
/// be read or its size is only given after the data (general purpose flag bit 3).
fn local_names(bytes: &[u8]) -> Vec<&[u8]> {
    let mut names = Vec::new();
    let mut at = 0usize;
    while names.len() < MAX_ENTRIES {
        let Some((name, _, size, data_at)) = local_header(bytes, at) else {
            break;
        };
        names.push(name);
        let deferred = le16(bytes, at + 6).is_some_and(|flags| flags & 0x0008 != 0);
        match data_at.checked_add(size) {
            Some(next) if !(deferred && size == 0) => at = next,
            _ => break,
        }
    }
    names
}

/// Whether `name` is inside a folder called `folder` (ending with `/`), at the top or deeper.
fn in_folder(name: &[u8], folder: &[u8]) -> bool {
    starts_with_ignore_case(name, folder)
        || name
            .windows(folder.len() + 1)
            .any(|w| w[0] == b'/' && w[1..].eq_ignore_ascii_case(folder))
}

fn starts_with_ignore_case(name: &[u8], prefix: &[u8]) -> bool {
    name.get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
}

fn ends_with_ignore_case(name: &[u8], suffix: &[u8]) -> bool {
    name.len()
        .checked_sub(suffix.len())
        .is_some_and(|start| name[start..].eq_ignore_ascii_case(suffix))
}
