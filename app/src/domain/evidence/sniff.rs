//! Content detection: magic numbers, then the zip and OLE containers, then PDF (whose header may
//! come after up to 1024 bytes of junk, as Acrobat allows, but not after the start of a web page),
//! then UTF-8 text and email.

use super::{ole, pdf, zip, FileType, UploadError};

/// What the content is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sniffed {
    Type(FileType),
    /// A type we accept, but password protected.
    Encrypted,
    /// A type we accept, refused for what it contains (macros, active PDF content, a web page
    /// with a PDF header).
    Refused(UploadError),
    Unsupported,
}

/// Executables and archives, refused before the PDF check so a polyglot with `%PDF-` near its
/// start is not taken for a PDF. (`MZ` is checked separately: text may start with it.)
const REFUSED: &[&[u8]] = &[
    b"\x7fELF",
    b"\xfe\xed\xfa\xce",
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",
    b"\x1f\x8b",
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!\x1a\x07",
    b"PK\x05\x06",
    b"PK\x07\x08",
];

/// HEIF brands: `ftyp` major brands of HEIC/HEIF still images (AVIF's "avif" is not one).
const HEIF_BRANDS: &[&[u8]] = &[b"heic", b"heix", b"mif1", b"heif"];

/// Starts of text that is really markup or script (compared ignoring ASCII case).
const MARKUP: &[&[u8]] = &[b"<!doctype", b"<html", b"<svg", b"<?xml", b"<script"];

/// Header fields of which an email must have at least two before its first blank line.
const EMAIL_FIELDS: [&str; 7] = [
    "from",
    "to",
    "subject",
    "date",
    "message-id",
    "received",
    "mime-version",
];

/// How far into the file the PDF header may start.
const PDF_HEADER_WITHIN: usize = 1024;

pub(super) fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.starts_with(&ole::MAGIC) {
        ole::classify(bytes)
    } else if bytes.starts_with(zip::LOCAL) {
        zip::classify(bytes)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Sniffed::Type(FileType::Png)
    } else if bytes.starts_with(b"\xff\xd8\xff") {
        Sniffed::Type(FileType::Jpeg)
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Sniffed::Type(FileType::Gif)
    } else if bytes.starts_with(b"RIFF") && span(bytes, 8, 4) == Some(&b"WEBP"[..]) {
        Sniffed::Type(FileType::Webp)
    } else if span(bytes, 4, 4) == Some(&b"ftyp"[..])
        && span(bytes, 8, 4).is_some_and(|brand| HEIF_BRANDS.contains(&brand))
    {
        Sniffed::Type(FileType::Heic)
    } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        Sniffed::Type(FileType::Tiff)
    } else if REFUSED.iter().any(|magic| bytes.starts_with(magic)) || is_dos_executable(bytes) {
        Sniffed::Unsupported
    } else if bytes.starts_with(b"{\\rtf") {
        Sniffed::Type(FileType::Rtf)
    } else if let Some(header) = pdf_header(bytes) {
        if is_web_page(&bytes[..header]) {
            Sniffed::Refused(UploadError::WebPage)
        } else if is_encrypted_pdf(bytes) {
            Sniffed::Encrypted
        } else if let Some(problem) = pdf::active_content(bytes) {
            Sniffed::Refused(problem)
        } else {
            Sniffed::Type(FileType::Pdf)
        }
    } else {
        text(bytes)
    }
}

/// `MZ` followed by a binary DOS header (which always has NUL bytes).
fn is_dos_executable(bytes: &[u8]) -> bool {
    bytes.starts_with(b"MZ") && bytes.iter().take(64).any(|&b| b == 0)
}

/// Where the `%PDF-` header starts, if within the first [`PDF_HEADER_WITHIN`] bytes.
fn pdf_header(bytes: &[u8]) -> Option<usize> {
    let head = &bytes[..bytes.len().min(PDF_HEADER_WITHIN + 5)];
    find(head, b"%PDF-")
}

/// Tags by which browsers take a file for HTML (the WHATWG MIME Sniffing standard, §7.1, with
/// `svg`, `?xml` and a few more that make a page), compared ignoring ASCII case; each must be
/// followed by white space, `>` or `/`.
const HTML_TAGS: &[&[u8]] = &[
    b"!doctype html",
    b"html",
    b"head",
    b"script",
    b"iframe",
    b"h1",
    b"div",
    b"font",
    b"table",
    b"a",
    b"style",
    b"title",
    b"b",
    b"body",
    b"br",
    b"p",
    b"!--",
    b"svg",
    b"?xml",
    b"meta",
    b"img",
    b"object",
    b"embed",
    b"form",
    b"link",
    b"base",
];

/// Whether the bytes before a PDF header hold the start of a web page: a file a browser would
/// show as HTML (and run its scripts) if it were ever opened as one.
fn is_web_page(before_header: &[u8]) -> bool {
    before_header.iter().enumerate().any(|(at, &byte)| {
        byte == b'<'
            && HTML_TAGS.iter().any(|tag| {
                let end = at + 1 + tag.len();
                before_header
                    .get(at + 1..end)
                    .is_some_and(|name| name.eq_ignore_ascii_case(tag))
                    && before_header.get(end).is_none_or(|&b| {
                        b.is_ascii_whitespace() || b == b'>' || b == b'/' || tag.starts_with(b"!--")
                    })
            })
    })
}

/// An `/Encrypt` entry: it only appears in a trailer or cross-reference stream dictionary, which
/// may be at the end, at the start (linearized files) or anywhere (object streams), so the whole
/// file is searched. The name must end there (`/EncryptMetadata` is a different name).
fn is_encrypted_pdf(bytes: &[u8]) -> bool {
    const NAME: &[u8] = b"/Encrypt";
    let mut rest = bytes;
    while let Some(at) = find(rest, NAME) {
        let after = at + NAME.len();
        match rest.get(after) {
            None => return false,
            Some(&b) if b.is_ascii_whitespace() || b"()<>[]{}/%".contains(&b) => return true,
            Some(_) => rest = &rest[after..],
        }
    }
    false
}

/// UTF-8 text (a BOM allowed) with no NUL and under 1% other control characters; an email if its
/// header says so; refused if it is markup or script.
fn text(bytes: &[u8]) -> Sniffed {
    let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let Ok(text) = std::str::from_utf8(body) else {
        return Sniffed::Unsupported;
    };
    let (mut chars, mut controls) = (0usize, 0usize);
    for c in text.chars() {
        chars += 1;
        if c == '\0' {
            return Sniffed::Unsupported;
        }
        if c.is_control() && !matches!(c, '\t' | '\r' | '\n' | '\x0c') {
            controls += 1;
        }
    }
    if controls.saturating_mul(100) >= chars.max(1) || is_markup(text) {
        return Sniffed::Unsupported;
    }
    Sniffed::Type(if is_email(text) {
        FileType::Eml
    } else {
        FileType::Text
    })
}

fn is_markup(text: &str) -> bool {
    let start = text
        .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .as_bytes();
    let starts = |prefix: &[u8]| {
        start
            .get(..prefix.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(prefix))
    };
    MARKUP.iter().any(|prefix| starts(prefix))
        || text
            .as_bytes()
            .windows(7)
            .any(|w| w.eq_ignore_ascii_case(b"<script"))
}

/// The lines before the first blank one are all RFC 5322 header fields (or their continuation
/// lines), and at least two are [`EMAIL_FIELDS`].
fn is_email(text: &str) -> bool {
    let mut seen = [false; EMAIL_FIELDS.len()];
    for (number, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            if number == 0 {
                return false;
            }
            continue;
        }
        let Some((name, _)) = line.split_once(':') else {
            return false;
        };
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_graphic()) {
            return false;
        }
        if let Some(i) = EMAIL_FIELDS
            .iter()
            .position(|f| name.eq_ignore_ascii_case(f))
        {
            seen[i] = true;
        }
    }
    seen.iter().filter(|&&seen| seen).count() >= 2
}

/// Where `needle` first occurs in `haystack`.
pub(super) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// `len` bytes at `at`, if the input has them.
pub(super) fn span(bytes: &[u8], at: usize, len: usize) -> Option<&[u8]> {
    bytes.get(at..at.checked_add(len)?)
}

/// The little-endian `u16` at `at`.
pub(super) fn le16(bytes: &[u8], at: usize) -> Option<u16> {
    let b = span(bytes, at, 2)?;
    Some(u16::from_le_bytes([b[0], b[1]]))
}

/// The little-endian `u32` at `at`.
pub(super) fn le32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = span(bytes, at, 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// The little-endian `u16` at `at`, widened (for sizes and offsets).
pub(super) fn le16_usize(bytes: &[u8], at: usize) -> Option<usize> {
    le16(bytes, at).map(usize::from)
}

/// The little-endian `u32` at `at`, widened; `None` if it does not fit (never on 32 and 64 bits).
pub(super) fn le32_usize(bytes: &[u8], at: usize) -> Option<usize> {
    usize::try_from(le32(bytes, at)?).ok()
}
