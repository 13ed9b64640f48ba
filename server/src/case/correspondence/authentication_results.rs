//! The `Authentication-Results` header (RFC 8601) the receiving mail server adds, and whether it
//! says the message's `From` domain was authenticated: the only ground for treating an inbound
//! email as from the party whose address it shows (a `From` line alone can be written by anyone).
//!
//! Grammar (RFC 8601 §2.2), with comments `( … )` (nested, `\` escapes) and folding white space
//! allowed between the parts:
//!
//! ```text
//! authres  = authserv-id [ version ] ( ";" "none" / 1*( ";" resinfo ) )
//! resinfo  = method [ "/" version ] "=" result [ "reason" "=" value ] *( ptype "." property "=" pvalue )
//! ```
//!
//! Only the header whose authserv-id is the configured one counts (a conforming receiving server
//! removes any such header that arrived with the message, RFC 8601 §5), and of several, the
//! topmost: the one added last.

/// One `method=result` with its properties (`header.from`, `header.d`, …), lower case except
/// the property values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MethodResult {
    pub method: String,
    pub result: String,
    pub reason: Option<String>,
    /// `(ptype.property, value)`, e.g. `("header.from", "example.org")`.
    pub properties: Vec<(String, String)>,
}

/// A parsed header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthenticationResults {
    pub authserv_id: String,
    pub results: Vec<MethodResult>,
}

/// A lexical token: comments are dropped and white space separates.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Word(String),
    Quoted(String),
    Equals,
    Slash,
    Semicolon,
}

/// Splits the header value into tokens; `None` when a quoted string or comment is not closed.
fn tokens(text: &str) -> Option<Vec<Token>> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<Token>| {
        if !word.is_empty() {
            out.push(Token::Word(std::mem::take(word)));
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '(' => {
                flush(&mut word, &mut out);
                let mut depth = 1usize;
                while depth > 0 {
                    match chars.next()? {
                        '\\' => {
                            chars.next()?;
                        }
                        '(' => depth += 1,
                        ')' => depth -= 1,
                        _ => {}
                    }
                }
            }
            '"' => {
                flush(&mut word, &mut out);
                let mut quoted = String::new();
                loop {
                    match chars.next()? {
                        '\\' => quoted.push(chars.next()?),
                        '"' => break,
                        other => quoted.push(other),
                    }
                }
                out.push(Token::Quoted(quoted));
            }
            '=' | '/' | ';' => {
                flush(&mut word, &mut out);
                out.push(match c {
                    '=' => Token::Equals,
                    '/' => Token::Slash,
                    _ => Token::Semicolon,
                });
            }
            ')' => return None,
            c if c.is_whitespace() => flush(&mut word, &mut out),
            c => word.push(c),
        }
    }
    flush(&mut word, &mut out);
    Some(join_dots(out))
}

/// Joins `header . from` (white space is allowed around the dot) into `header.from`.
fn join_dots(tokens: Vec<Token>) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    for token in tokens {
        if let (Some(Token::Word(last)), Token::Word(next)) = (out.last_mut(), &token) {
            if last.ends_with('.') || next.starts_with('.') {
                last.push_str(next);
                continue;
            }
        }
        out.push(token);
    }
    out
}

fn text(token: Option<&Token>) -> Option<String> {
    match token? {
        Token::Word(word) | Token::Quoted(word) => Some(word.clone()),
        _ => None,
    }
}

/// Parses one `resinfo` (the tokens between two `;`).
fn resinfo(tokens: &[Token]) -> Option<MethodResult> {
    let mut at = 0;
    let method = match tokens.first()? {
        Token::Word(word) => word.to_ascii_lowercase(),
        _ => return None,
    };
    at += 1;
    if tokens.get(at) == Some(&Token::Slash) {
        text(tokens.get(at + 1))?;
        at += 2;
    }
    if tokens.get(at) != Some(&Token::Equals) {
        return None;
    }
    let result = match tokens.get(at + 1)? {
        Token::Word(word) => word.to_ascii_lowercase(),
        _ => return None,
    };
    at += 2;
    let mut reason = None;
    let mut properties = Vec::new();
    while at < tokens.len() {
        let name = match &tokens[at] {
            Token::Word(word) => word.to_ascii_lowercase(),
            _ => return None,
        };
        if tokens.get(at + 1) != Some(&Token::Equals) {
            return None;
        }
        let value = text(tokens.get(at + 2))?;
        at += 3;
        if name == "reason" {
            reason = Some(value);
        } else if name.contains('.') {
            properties.push((name, value));
        } else {
            return None;
        }
    }
    Some(MethodResult {
        method,
        result,
        reason,
        properties,
    })
}

/// Parses a header's value (the part after `Authentication-Results:`); `None` when it does not
/// follow the grammar.
pub fn parse(value: &str) -> Option<AuthenticationResults> {
    let tokens = tokens(value)?;
    let mut parts = tokens.split(|token| *token == Token::Semicolon);
    let head = parts.next()?;
    let authserv_id = text(head.first())?;
    match head.get(1..) {
        None | Some([]) => {}
        Some([Token::Word(version)]) if version.bytes().all(|b| b.is_ascii_digit()) => {}
        Some(_) => return None,
    }
    let rest: Vec<&[Token]> = parts.collect();
    if rest.is_empty() {
        return None;
    }
    let mut results = Vec::new();
    for part in rest {
        if let [Token::Word(none)] = part {
            if none.eq_ignore_ascii_case("none") {
                continue;
            }
        }
        results.push(resinfo(part)?);
    }
    Some(AuthenticationResults {
        authserv_id,
        results,
    })
}

/// The domain of an address or property value (`user@Example.org.` → `example.org`).
fn domain_of(value: &str) -> String {
    let domain = value.rsplit_once('@').map_or(value, |(_, domain)| domain);
    domain.trim().trim_end_matches('.').to_ascii_lowercase()
}

/// Whether a DKIM signing domain is aligned with the `From` domain (relaxed: the same domain,
/// or a parent of it that is itself more than a top-level label).
fn aligned(signing: &str, from: &str) -> bool {
    signing.contains('.')
        && (from == signing
            || from
                .strip_suffix(signing)
                .is_some_and(|rest| rest.ends_with('.')))
}

/// Whether the receiving server `authserv_id` authenticated `from` (an address): its topmost
/// header with that authserv-id says `dmarc=pass` for the From domain, or `dkim=pass` with a
/// signing domain aligned with it. `headers` are the raw values, topmost first.
pub fn sender_verified<'h>(
    headers: impl IntoIterator<Item = &'h str>,
    authserv_id: &str,
    from: &str,
) -> bool {
    let from_domain = domain_of(from);
    if from_domain.is_empty() || authserv_id.trim().is_empty() {
        return false;
    }
    let Some(ours) = headers
        .into_iter()
        .filter_map(parse)
        .find(|header| header.authserv_id.eq_ignore_ascii_case(authserv_id.trim()))
    else {
        return false;
    };
    ours.results.iter().any(|found| {
        let property = |name: &str| {
            found
                .properties
                .iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| domain_of(value))
        };
        match (found.method.as_str(), found.result.as_str()) {
            ("dmarc", "pass") => property("header.from").is_some_and(|d| d == from_domain),
            ("dkim", "pass") => property("header.d")
                .or_else(|| property("header.i"))
                .is_some_and(|d| aligned(&d, &from_domain)),
            _ => false,
        }
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const MX: &str = "mx.ico.example";

    #[test]
    fn the_rfc_examples_parse() {
        // RFC 8601 appendix B.2 and B.6 (folded, with comments and a version).
        assert_eq!(
            parse("example.org 1; none").unwrap(),
            AuthenticationResults {
                authserv_id: "example.org".to_owned(),
                results: Vec::new()
            }
        );
        let header = parse(
            "example.com;\r\n    dkim=pass (good signature) header.d=mail-router.example.net;\r\n    \
             dkim=fail (bad signature) header.d=newyork.example.com",
        )
        .unwrap();
        assert_eq!(header.authserv_id, "example.com");
        assert_eq!(header.results.len(), 2);
        assert_eq!(header.results[0].method, "dkim");
        assert_eq!(header.results[0].result, "pass");
        assert_eq!(
            header.results[0].properties,
            [("header.d".to_owned(), "mail-router.example.net".to_owned())]
        );
        assert_eq!(header.results[1].result, "fail");
        let header = parse(
            "\"mx.ico.example\" (the edge) 1; spf=pass smtp.mailfrom=example.net; \
             dmarc/1 = pass reason=\"policy ok\" header . from = Example.ORG",
        )
        .unwrap();
        assert_eq!(header.authserv_id, MX);
        assert_eq!(header.results[1].method, "dmarc");
        assert_eq!(header.results[1].reason.as_deref(), Some("policy ok"));
        assert_eq!(
            header.results[1].properties,
            [("header.from".to_owned(), "Example.ORG".to_owned())]
        );
    }

    #[test]
    fn malformed_headers_are_refused() {
        for bad in [
            "",
            "mx.ico.example",
            "mx.ico.example; dmarc",
            "mx.ico.example; dmarc=",
            "mx.ico.example; dmarc=pass header.from",
            "mx.ico.example; dmarc=pass (open comment",
            "mx.ico.example; dmarc=pass header.from=\"open",
            "mx.ico.example; dmarc=pass stray",
            "mx.ico.example v2; dmarc=pass",
            "; dmarc=pass header.from=example.org",
            "mx.ico.example; dmarc=pass ) header.from=example.org",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn dmarc_pass_for_the_from_domain_from_our_server_verifies() {
        let header = format!("{MX}; spf=fail; dmarc=pass (p=reject) header.from=example.org");
        assert!(sender_verified([header.as_str()], MX, "alex@example.org"));
        assert!(sender_verified(
            [header.as_str()],
            "MX.ICO.EXAMPLE",
            "Alex@Example.Org"
        ));
        // Another domain's pass, a failure, another server, or no server configured: no.
        assert!(!sender_verified([header.as_str()], MX, "alex@example.net"));
        let failed = format!("{MX}; dmarc=fail header.from=example.org");
        assert!(!sender_verified([failed.as_str()], MX, "alex@example.org"));
        let theirs = "mx.attacker.example; dmarc=pass header.from=example.org";
        assert!(!sender_verified([theirs], MX, "alex@example.org"));
        assert!(!sender_verified([header.as_str()], "", "alex@example.org"));
        assert!(!sender_verified([], MX, "alex@example.org"));
    }

    #[test]
    fn only_the_topmost_header_of_our_server_counts() {
        let ours = format!("{MX}; dmarc=fail header.from=example.org");
        let forged = format!("{MX}; dmarc=pass header.from=example.org");
        assert!(!sender_verified(
            [ours.as_str(), forged.as_str()],
            MX,
            "alex@example.org"
        ));
    }

    #[test]
    fn an_aligned_dkim_pass_verifies_an_unaligned_one_does_not() {
        let check = |d: &str, from: &str| {
            let header = format!("{MX}; dkim=pass header.d={d} header.s=sel");
            sender_verified([header.as_str()], MX, from)
        };
        assert!(check("example.org", "alex@example.org"));
        assert!(check("example.org", "alex@mail.example.org"));
        assert!(!check("mail.example.org", "alex@example.org"));
        assert!(!check("ample.org", "alex@example.org"));
        assert!(!check("org", "alex@example.org"));
        assert!(!check("attacker.example", "alex@example.org"));
        let by_identity = format!("{MX}; dkim=pass header.i=@example.org");
        assert!(sender_verified([by_identity.as_str()], MX, "a@example.org"));
    }
}
