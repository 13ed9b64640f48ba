//! The header section of a message and its `Name: value` lines, unfolded.

use super::EmlError;

/// The most bytes of a header section read (real headers are a few kilobytes; the body is not
/// needed).
const MAX_HEADER_BYTES: usize = 256 * 1024;
/// The most header lines read.
const MAX_HEADERS: usize = 1000;

/// One header, unfolded: the name as written and the value with its folds joined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub name: String,
    pub value: String,
}

/// The header section as text: everything before the first blank line (all of it for pasted
/// headers), decoded as UTF-8, or byte by byte as Latin-1 when it is not UTF-8 (old mailers).
/// Refused as [`EmlError::NotText`] when it holds NUL bytes or many control characters.
pub fn header_section(bytes: &[u8]) -> Result<String, EmlError> {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    let bytes = &bytes[start..];
    let end = blank_line(bytes)
        .unwrap_or(bytes.len())
        .min(MAX_HEADER_BYTES);
    let head = &bytes[..end];
    if head.contains(&0) {
        return Err(EmlError::NotText);
    }
    let text = match std::str::from_utf8(head) {
        Ok(text) => text.to_owned(),
        // A cut at MAX_HEADER_BYTES may split a character: keep the valid part.
        Err(error) if error.error_len().is_none() => {
            String::from_utf8_lossy(&head[..error.valid_up_to()]).into_owned()
        }
        Err(_) => head.iter().map(|&b| char::from(b)).collect(),
    };
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n'))
        .count();
    if controls * 100 > text.chars().count() {
        return Err(EmlError::NotText);
    }
    Ok(text)
}

/// Where the first blank line (`\n\n` or `\r\n\r\n`) starts.
fn blank_line(bytes: &[u8]) -> Option<usize> {
    let mut line_start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            let line = &bytes[line_start..i];
            if line.is_empty() || line == b"\r" {
                return Some(line_start);
            }
            line_start = i + 1;
        }
    }
    None
}

/// The header lines of `text`: `Name: value` lines with their continuation lines (starting with
/// a space or tab) joined. An mbox `From ` line at the start is skipped; lines that are neither
/// headers nor continuations are skipped (pasted headers often carry stray lines).
pub fn parse_headers(text: &str) -> Vec<Header> {
    let mut headers: Vec<Header> = Vec::new();
    let mut last_was_header = false;
    for line in text.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.starts_with([' ', '\t']) {
            if last_was_header {
                if let Some(header) = headers.last_mut() {
                    header.value.push(' ');
                    header.value.push_str(line.trim());
                }
            }
            continue;
        }
        last_was_header = false;
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        if !is_header_name(name) {
            continue;
        }
        if headers.len() == MAX_HEADERS {
            break;
        }
        headers.push(Header {
            name: name.to_owned(),
            value: value.trim().to_owned(),
        });
        last_was_header = true;
    }
    headers
}

/// A header name: 1 to 76 printable ASCII characters other than `:` and space (RFC 5322 §2.2).
fn is_header_name(name: &str) -> bool {
    (1..=76).contains(&name.len()) && name.bytes().all(|b| (33..=126).contains(&b) && b != b':')
}
