//! CSV for staff exports (RFC 4180), safe to open in a spreadsheet.
//!
//! Reports carry text typed by the public, so a cell could start with `=`, `+`, `-`, `@`, a tab
//! or a carriage return and be run as a formula by a spreadsheet (CSV injection). Such a cell is
//! prefixed with an apostrophe, which spreadsheets show as text (OWASP's advice); every cell with
//! a comma, quote or line break is quoted.

/// One cell, quoted and neutralised as needed.
pub fn cell(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    push_cell(&mut out, value);
    out
}

/// Appends one cell to `out`, quoted and neutralised as needed (no string of its own).
fn push_cell(out: &mut String, value: &str) {
    let risky = value
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r'));
    let quoted = value.contains([',', '"', '\n', '\r']);
    if quoted {
        out.push('"');
    }
    if risky {
        out.push('\'');
    }
    if quoted {
        for c in value.chars() {
            if c == '"' {
                out.push('"');
            }
            out.push(c);
        }
        out.push('"');
    } else {
        out.push_str(value);
    }
}

/// One line: the cells joined by commas, ended by CRLF.
pub fn row<S: AsRef<str>>(cells: &[S]) -> String {
    let mut line = String::new();
    push_row(&mut line, cells);
    line
}

/// Appends one line to `out` (the published data sets' streams write many into one buffer).
pub fn push_row<S: AsRef<str>>(out: &mut String, cells: &[S]) {
    for (i, value) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_cell(out, value.as_ref());
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_cells_are_left_alone() {
        assert_eq!(row(&["+447700900123"]), "'+447700900123\r\n");
        assert_eq!(row(&["IC-123456-ABCD", "12"]), "IC-123456-ABCD,12\r\n");
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted() {
        assert_eq!(cell("Prize, claims"), "\"Prize, claims\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn formulas_become_text() {
        assert_eq!(
            cell("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("-1+2"), "'-1+2");
    }

    #[test]
    fn rows_append_to_one_buffer() {
        let mut out = String::from("head\r\n");
        push_row(
            &mut out,
            &["=1+2", "a,b", "say \"hi\"", "", "@x,y", "plain"],
        );
        push_row(&mut out, &["second"]);
        assert_eq!(
            out,
            "head\r\n'=1+2,\"a,b\",\"say \"\"hi\"\"\",,\"'@x,y\",plain\r\nsecond\r\n"
        );
    }
}
