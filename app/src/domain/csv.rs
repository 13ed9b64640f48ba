//! CSV for staff exports (RFC 4180), safe to open in a spreadsheet.
//!
//! Reports carry text typed by the public, so a cell could start with `=`, `+`, `-`, `@`, a tab
//! or a carriage return and be run as a formula by a spreadsheet (CSV injection). Such a cell is
//! prefixed with an apostrophe, which spreadsheets show as text (OWASP's advice); every cell with
//! a comma, quote or line break is quoted.

/// One cell, quoted and neutralised as needed.
pub fn cell(value: &str) -> String {
    let risky = value
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r'));
    let value = if risky {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// One line: the cells joined by commas, ended by CRLF.
pub fn row<S: AsRef<str>>(cells: &[S]) -> String {
    let mut line = cells
        .iter()
        .map(|c| cell(c.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
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
}
