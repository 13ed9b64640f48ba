//! Active content in a PDF (ISO 32000-1), looked for in the file's names:
//!
//! - `/JavaScript` (the action type, §12.6.4.16, and the document's name tree, §7.7.4) and `/JS`
//!   (the script of a JavaScript action): scripts run by the reader;
//! - `/Launch` (§12.6.4.5): an action that starts a program or opens another file;
//! - `/EmbeddedFile` and `/EmbeddedFiles` (§7.11.4): files carried inside the PDF, which would
//!   pass none of our checks;
//! - `/RichMedia` (Adobe extension level 3: Flash and 3D with scripts) and `/XFA` (§12.7.8: a
//!   dynamic form, whose XML may hold scripts we cannot see).
//!
//! Links (`/URI`), go-to actions, form submission and `/OpenAction` itself are ordinary and
//! allowed: they run nothing.
//!
//! Names may be written with `#xx` escapes (`/J#61vaScript` is `/JavaScript`, §7.3.5), so each is
//! decoded before it is compared. Objects may be stored compressed in object streams (§7.5.7):
//! every stream whose dictionary makes it one (`/Type /ObjStm`, or `/N`, `/First`, `/Extends`,
//! which readers go by) is inflated (FlateDecode only, the only filter writers use for them) with
//! a bounded output, and its names are read too; one we cannot read (another filter, a predictor,
//! more output than the bound) is refused as unchecked rather than trusted.
//!
//! Raw stream data (page content, images, fonts) is searched as well, except for the short
//! `/JS`: compressed data would hold those three bytes by chance about once in 27 MB, and a
//! JavaScript action also needs the `/S /JavaScript` name, which is looked for everywhere.

use super::sniff::find;
use super::UploadError;

/// The most bytes one object stream may inflate to.
const MAX_STREAM_OUTPUT: usize = 16 << 20;
/// The most bytes all of a file's object streams may inflate to together.
const MAX_TOTAL_OUTPUT: usize = 64 << 20;
/// How far before `stream` its dictionary may start.
const MAX_DICTIONARY: usize = 4096;
/// Names longer than this (the spec's limit is 127 bytes) are none of the ones we look for.
const MAX_NAME: usize = 127 * 3;

/// A stream: its dictionary and where its data starts and ends.
struct Stream<'a> {
    dictionary: &'a [u8],
    data: std::ops::Range<usize>,
}

/// Why the PDF is refused, if it has active content or content we could not check.
pub(super) fn active_content(bytes: &[u8]) -> Option<UploadError> {
    active_content_within(bytes, MAX_STREAM_OUTPUT, MAX_TOTAL_OUTPUT)
}

/// [`active_content`] with the bounds on inflated output given: per object stream and in all.
pub(super) fn active_content_within(
    bytes: &[u8],
    max_stream: usize,
    max_total: usize,
) -> Option<UploadError> {
    let streams = streams(bytes);
    let data = merged(streams.iter().map(|stream| stream.data.clone()).collect());
    let in_stream_data = |at: usize| {
        let after = data.partition_point(|range| range.start <= at);
        after > 0 && data[after - 1].contains(&at)
    };
    if let Some(problem) = scan_names(bytes, |at| !in_stream_data(at)) {
        return Some(problem);
    }
    let mut budget = max_total;
    for stream in streams.iter().filter(|s| is_object_stream(s.dictionary)) {
        let raw = bytes.get(stream.data.clone()).unwrap_or_default();
        let decoded = match decode(stream.dictionary, raw, max_stream, &mut budget) {
            Ok(decoded) => decoded,
            Err(problem) => return Some(problem),
        };
        if let Some(problem) = scan_names(decoded.as_deref().unwrap_or(raw), |_| true) {
            return Some(problem);
        }
    }
    None
}

/// Ranges sorted and merged where they overlap (streams found inside other streams).
fn merged(mut ranges: Vec<std::ops::Range<usize>>) -> Vec<std::ops::Range<usize>> {
    ranges.sort_by_key(|range| range.start);
    let mut out: Vec<std::ops::Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match out.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => out.push(range),
        }
    }
    out
}

/// The problem a name stands for; `/JS` only where `js_counts` says (outside raw stream data).
fn scan_names(bytes: &[u8], js_counts: impl Fn(usize) -> bool) -> Option<UploadError> {
    let mut at = 0;
    while let Some(slash) = bytes.get(at..)?.iter().position(|&b| b == b'/') {
        let start = at + slash + 1;
        let len = bytes[start..]
            .iter()
            .position(|&b| is_delimiter(b))
            .unwrap_or(bytes.len() - start);
        at = start + len;
        if len > MAX_NAME {
            continue;
        }
        let name = decode_name(&bytes[start..at]);
        match name.as_slice() {
            b"JavaScript" => return Some(UploadError::PdfJavaScript),
            b"JS" if js_counts(start) => return Some(UploadError::PdfJavaScript),
            b"Launch" => return Some(UploadError::PdfLaunch),
            b"EmbeddedFile" | b"EmbeddedFiles" => return Some(UploadError::PdfAttachments),
            b"RichMedia" | b"XFA" => return Some(UploadError::PdfInteractive),
            _ => {}
        }
    }
    None
}

/// White space or a delimiter: what ends a name (§7.2.2, §7.2.3).
fn is_delimiter(byte: u8) -> bool {
    matches!(byte, 0 | b'\t' | b'\n' | 0x0c | b'\r' | b' ') || b"()<>[]{}/%".contains(&byte)
}

/// A name's bytes with `#xx` escapes decoded (a `#` not followed by two hex digits stays).
fn decode_name(raw: &[u8]) -> Vec<u8> {
    let mut name = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let hex = |at: usize| raw.get(at).and_then(|&b| (b as char).to_digit(16));
        match (raw[i], hex(i + 1), hex(i + 2)) {
            (b'#', Some(high), Some(low)) => {
                name.push(u8::try_from(high * 16 + low).unwrap_or(b'#'));
                i += 3;
            }
            (byte, _, _) => {
                name.push(byte);
                i += 1;
            }
        }
    }
    name
}

/// Every stream: each `stream` keyword that follows a dictionary's `>>` and is followed by an end
/// of line. The search goes on inside each stream's data, so a stream hidden in another (which a
/// reader finds through the cross-reference table) is found too.
fn streams(bytes: &[u8]) -> Vec<Stream<'_>> {
    const KEYWORD: &[u8] = b"stream";
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(offset) = bytes.get(at..).and_then(|rest| find(rest, KEYWORD)) {
        let keyword = at + offset;
        at = keyword + KEYWORD.len();
        let data_start = match (bytes.get(at), bytes.get(at + 1)) {
            (Some(b'\r'), Some(b'\n')) => at + 2,
            (Some(b'\n' | b'\r'), _) => at + 1,
            _ => continue,
        };
        let before = bytes[..keyword].trim_ascii_end();
        if !before.ends_with(b">>") {
            continue;
        }
        let dictionary = dictionary_before(before);
        let data_end = data_end(bytes, dictionary, data_start);
        found.push(Stream {
            dictionary,
            data: data_start..data_end,
        });
    }
    found
}

/// The dictionary that ends `before` (which ends with `>>`), by balancing `<<` and `>>`
/// backwards; the last [`MAX_DICTIONARY`] bytes if it cannot be balanced.
fn dictionary_before(before: &[u8]) -> &[u8] {
    let floor = before.len().saturating_sub(MAX_DICTIONARY);
    let (mut depth, mut i) = (0usize, before.len());
    while i >= floor + 2 {
        match &before[i - 2..i] {
            b">>" => {
                depth += 1;
                i -= 2;
            }
            b"<<" => {
                depth = depth.saturating_sub(1);
                i -= 2;
                if depth == 0 {
                    return &before[i..];
                }
            }
            _ => i -= 1,
        }
    }
    &before[floor..]
}

/// Where a stream's data ends: after its direct `/Length` if `endstream` follows there, else at
/// the next `endstream` (as readers do when the length is wrong), else at the end of the file.
fn data_end(bytes: &[u8], dictionary: &[u8], start: usize) -> usize {
    let tokens = tokens(dictionary);
    let by_length = match tokens
        .iter()
        .position(|t| *t == Token::Name(b"Length".to_vec()))
    {
        Some(i) => match (tokens.get(i + 1), tokens.get(i + 3)) {
            (Some(Token::Number(length)), next) if next != Some(&Token::Other(b"R".to_vec())) => {
                usize::try_from(*length)
                    .ok()
                    .and_then(|n| start.checked_add(n))
            }
            _ => None,
        },
        None => None,
    };
    let ends_there = |end: usize| {
        bytes
            .get(end..)
            .is_some_and(|rest| rest.trim_ascii_start().starts_with(b"endstream"))
    };
    match by_length.filter(|&end| ends_there(end)) {
        Some(end) => end,
        None => bytes
            .get(start..)
            .and_then(|rest| find(rest, b"endstream"))
            .map_or(bytes.len(), |offset| start + offset),
    }
}

/// Whether a stream's dictionary makes it an object stream for some reader.
fn is_object_stream(dictionary: &[u8]) -> bool {
    tokens(dictionary).iter().any(|token| {
        matches!(token, Token::Name(name)
            if matches!(name.as_slice(), b"ObjStm" | b"N" | b"First" | b"Extends"))
    })
}

/// The decoded data of an object stream: `None` if it is not filtered, the inflated data if it is
/// FlateDecode (once or more, each within the budget left); [`UploadError::PdfUnchecked`] if it
/// cannot be decoded here or inflates to more than the budget.
fn decode(
    dictionary: &[u8],
    raw: &[u8],
    max_stream: usize,
    budget: &mut usize,
) -> Result<Option<Vec<u8>>, UploadError> {
    let tokens = tokens(dictionary);
    let flate_filters = flate_filters(&tokens).ok_or(UploadError::PdfUnchecked)?;
    let predictor = tokens
        .iter()
        .position(|t| *t == Token::Name(b"Predictor".to_vec()))
        .and_then(|i| tokens.get(i + 1));
    if !matches!(predictor, None | Some(Token::Number(0 | 1))) {
        return Err(UploadError::PdfUnchecked);
    }
    let mut data: Option<Vec<u8>> = None;
    for _ in 0..flate_filters {
        let input = data.as_deref().unwrap_or(raw);
        let limit = max_stream.min(*budget);
        let output = inflate(input, limit).ok_or(UploadError::PdfUnchecked)?;
        *budget = budget.saturating_sub(output.len());
        data = Some(output);
    }
    Ok(data)
}

/// Zlib data inflated to at most `limit` bytes, or `None` if there is more. Damaged data gives
/// what could be inflated before the damage (lenient readers use that much too); data without
/// the zlib header is tried as raw deflate.
fn inflate(input: &[u8], limit: usize) -> Option<Vec<u8>> {
    use miniz_oxide::inflate::{self, TINFLStatus};
    let attempt = |result: Result<Vec<u8>, inflate::DecompressError>| match result {
        Ok(output) => Some(output),
        Err(error) if error.status == TINFLStatus::HasMoreOutput => None,
        Err(error) => Some(error.output),
    };
    let zlib = attempt(inflate::decompress_to_vec_zlib_with_limit(input, limit))?;
    if !zlib.is_empty() || input.is_empty() {
        return Some(zlib);
    }
    attempt(inflate::decompress_to_vec_with_limit(input, limit))
}

/// How many filters the stream has, if each is FlateDecode (`/Fl` abbreviated); `None` for any
/// other filter or filters given indirectly.
fn flate_filters(tokens: &[Token]) -> Option<usize> {
    let Some(at) = tokens
        .iter()
        .position(|t| *t == Token::Name(b"Filter".to_vec()))
    else {
        return Some(0);
    };
    let names: Vec<&Token> = match tokens.get(at + 1) {
        Some(Token::Open) => tokens[at + 2..]
            .iter()
            .take_while(|t| **t != Token::Close)
            .collect(),
        Some(name @ Token::Name(_)) => vec![name],
        _ => return None,
    };
    let flate = |token: &&Token| matches!(token, Token::Name(name) if matches!(name.as_slice(), b"FlateDecode" | b"Fl"));
    names.iter().all(flate).then_some(names.len())
}

/// The tokens of a dictionary that matter here.
#[derive(Debug, PartialEq, Eq)]
enum Token {
    Name(Vec<u8>),
    Number(i64),
    Open,
    Close,
    Other(Vec<u8>),
}

/// A dictionary's tokens: names (decoded), integers, `[` and `]`, and other words; strings and
/// dictionary brackets are skipped over as single characters.
fn tokens(bytes: &[u8]) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        if byte == b'/' || !is_delimiter(byte) {
            let start = i + usize::from(byte == b'/');
            let len = bytes[start..]
                .iter()
                .position(|&b| is_delimiter(b))
                .unwrap_or(bytes.len() - start);
            let word = &bytes[start..start + len];
            tokens.push(if byte == b'/' {
                Token::Name(decode_name(word))
            } else if let Some(n) = std::str::from_utf8(word).ok().and_then(|w| w.parse().ok()) {
                Token::Number(n)
            } else {
                Token::Other(word.to_vec())
            });
            i = start + len;
        } else {
            match byte {
                b'[' => tokens.push(Token::Open),
                b']' => tokens.push(Token::Close),
                _ => {}
            }
            i += 1;
        }
    }
    tokens
}
