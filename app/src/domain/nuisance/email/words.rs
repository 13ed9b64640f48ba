//! RFC 2047 encoded-words (`=?UTF-8?B?…?=`, `=?iso-8859-1?Q?…?=`) and the address in a `From`.

use super::super::sender::EmailAddress;

/// The most characters of a folded header value decoded (a guard against pathological input).
const MAX_DECODE_CHARS: usize = 16 * 1024;

/// Decodes the encoded-words in `value`; white space between two encoded-words is dropped
/// (RFC 2047 §6.2). Unknown charsets and malformed words are kept as written.
pub fn decode_words(value: &str) -> String {
    let value: String = value.chars().take(MAX_DECODE_CHARS).collect();
    let mut out = String::new();
    let mut rest = value.as_str();
    let mut after_word = false;
    while let Some(start) = rest.find("=?") {
        let (before, from_start) = rest.split_at(start);
        let decoded = encoded_word(from_start);
        if !(after_word && before.trim().is_empty() && decoded.is_some()) {
            out.push_str(before);
        }
        match decoded {
            Some((text, used)) => {
                out.push_str(&text);
                rest = &from_start[used..];
                after_word = true;
            }
            None => {
                out.push_str("=?");
                rest = &from_start[2..];
                after_word = false;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The encoded-word at the start of `text` (`=?charset?encoding?data?=`): its text and length.
fn encoded_word(text: &str) -> Option<(String, usize)> {
    let inner = text.strip_prefix("=?")?;
    let mut parts = inner.splitn(3, '?');
    let charset = parts.next()?;
    let encoding = parts.next()?;
    let data_and_rest = parts.next()?;
    let end = data_and_rest.find("?=")?;
    let data = &data_and_rest[..end];
    let used = "=?".len() + charset.len() + encoding.len() + "??".len() + end + "?=".len();
    if data.contains(' ') || charset.len() > 40 {
        return None;
    }
    let bytes = match encoding {
        "B" | "b" => base64(data)?,
        "Q" | "q" => quoted_printable(data)?,
        _ => return None,
    };
    // The charset may carry a language (`UTF-8*en`).
    let charset = charset
        .split('*')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let decoded = match charset.as_str() {
        "utf-8" | "utf8" | "us-ascii" => String::from_utf8_lossy(&bytes).into_owned(),
        "iso-8859-1" | "iso-8859-15" | "latin1" | "windows-1252" | "cp1252" => {
            bytes.iter().map(|&b| char::from(b)).collect()
        }
        _ => return None,
    };
    Some((decoded, used))
}

/// Standard base64, padding optional.
fn base64(data: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len() * 3 / 4);
    let mut buffer = 0u32;
    let mut bits = 0;
    for b in data.bytes().filter(|&b| b != b'=') {
        let value = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((buffer >> bits) & 0xff) as u8);
        }
    }
    Some(out)
}

/// The `Q` encoding: `_` is a space, `=XX` a byte.
fn quoted_printable(data: &str) -> Option<Vec<u8>> {
    let bytes = data.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'_' => out.push(b' '),
            b'=' => {
                let hex = bytes.get(i + 1..i + 3)?;
                let hex = std::str::from_utf8(hex).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    Some(out)
}

/// The address in a `From`-like value: inside `<…>` if present (`"Offers" <a@b.com>`), else the
/// first word with an `@` (`a@b.com (Offers)`).
pub fn address_in(value: &str) -> Option<EmailAddress> {
    let value = decode_words(value);
    if let Some(open) = value.rfind('<') {
        let inside = &value[open + 1..];
        let inside = inside.split('>').next().unwrap_or_default();
        return EmailAddress::parse(inside).ok();
    }
    value
        .split(|c: char| c.is_whitespace() || c == ',')
        .find(|word| word.contains('@'))
        .and_then(|word| EmailAddress::parse(word.trim_matches(['"', '\'', '(', ')'])).ok())
}

/// The display name of a `From` value (`"Green Deal" <a@b.com>` gives `Green Deal`), decoded.
pub fn display_name(value: &str) -> Option<String> {
    let decoded = decode_words(value);
    let name = match decoded.rfind('<') {
        Some(open) => decoded[..open].to_owned(),
        None => {
            // `a@b.com (Green Deal)`
            let open = decoded.find('(')?;
            let close = decoded.rfind(')').filter(|close| *close > open)?;
            decoded[open + 1..close].to_owned()
        }
    };
    let name = name.trim().trim_matches('"').trim().to_owned();
    (!name.is_empty()).then_some(name)
}
