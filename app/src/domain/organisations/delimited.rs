//! A tiny reader for the CSV (RFC 4180: quoted fields, `""` escapes, embedded commas and line
//! breaks) and TSV (no quoting) source files, with columns found by header name.

use super::model::DirectoryError;

/// A parsed file: its header and its data rows.
pub(crate) struct Table {
    source: &'static str,
    header: Vec<String>,
    /// Each row with the 1-based line it starts on.
    pub(crate) rows: Vec<(usize, Vec<String>)>,
}

impl Table {
    /// Parses comma-separated text with RFC 4180 quoting.
    pub(crate) fn csv(source: &'static str, text: &str) -> Result<Table, DirectoryError> {
        Ok(Table::from_records(source, parse_csv(source, text)?))
    }

    /// Parses tab-separated text (no quoting: a field runs to the next tab or line end).
    pub(crate) fn tsv(source: &'static str, text: &str) -> Table {
        let records = strip_bom(text)
            .split('\n')
            .enumerate()
            .map(|(index, line)| {
                let line = line.strip_suffix('\r').unwrap_or(line);
                (index + 1, line.split('\t').map(str::to_owned).collect())
            })
            .filter(|(_, fields): &(usize, Vec<String>)| !is_blank(fields))
            .collect();
        Table::from_records(source, records)
    }

    /// The first record is the header; the rest are data rows.
    fn from_records(source: &'static str, mut records: Vec<(usize, Vec<String>)>) -> Table {
        let header = if records.is_empty() {
            Vec::new()
        } else {
            let (_, header) = records.remove(0);
            header.into_iter().map(|h| h.trim().to_owned()).collect()
        };
        Table {
            source,
            header,
            rows: records,
        }
    }

    /// The index of the column headed `name`.
    pub(crate) fn column(&self, name: &str) -> Result<usize, DirectoryError> {
        self.header
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| DirectoryError::MissingColumn {
                source: self.source,
                column: name.to_owned(),
            })
    }
}

/// The trimmed field `index` of `row`, or `""` when the row is short.
pub(crate) fn field(row: &[String], index: usize) -> &str {
    row.get(index).map_or("", |value| value.trim())
}

fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

fn is_blank(fields: &[String]) -> bool {
    fields.iter().all(|f| f.trim().is_empty())
}

/// Splits CSV text into records of fields, each with the line it starts on; blank lines are
/// skipped.
fn parse_csv(
    source: &'static str,
    text: &str,
) -> Result<Vec<(usize, Vec<String>)>, DirectoryError> {
    let mut records = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut line = 1;
    let mut record_line = 1;
    let mut quote_line = 1;
    let mut chars = strip_bom(text).chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' => {
                in_quotes = true;
                quote_line = line;
            }
            ',' => record.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                record.push(std::mem::take(&mut field));
                let fields = std::mem::take(&mut record);
                if !is_blank(&fields) {
                    records.push((record_line, fields));
                }
                line += 1;
                record_line = line;
            }
            _ => field.push(c),
        }
    }
    if in_quotes {
        return Err(DirectoryError::Malformed {
            source,
            line: quote_line,
            reason: "a quoted field is never closed".to_owned(),
        });
    }
    record.push(field);
    if !is_blank(&record) {
        records.push((record_line, record));
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used, clippy::unwrap_used)]

    use super::*;

    #[test]
    fn quoted_fields_keep_their_commas_quotes_and_line_breaks() {
        let table = Table::csv(
            "test",
            "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\nplain,,end\n",
        )
        .unwrap();
        assert_eq!(table.column("c").unwrap(), 2);
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0].1, vec!["x, y", "say \"hi\"", "two\nlines"]);
        assert_eq!(
            table.rows[1],
            (5, vec!["plain".into(), "".into(), "end".into()])
        );
    }

    #[test]
    fn an_unclosed_quote_is_an_error_naming_its_line() {
        let error = Table::csv("test", "a\n\"open\n").err().unwrap();
        assert!(matches!(error, DirectoryError::Malformed { line: 2, .. }));
    }

    #[test]
    fn a_missing_column_is_an_error_naming_the_column() {
        let table = Table::tsv("test", "a\tb\n1\t2\n");
        assert_eq!(table.column("b").unwrap(), 1);
        assert_eq!(
            table.column("z"),
            Err(DirectoryError::MissingColumn {
                source: "test",
                column: "z".into()
            })
        );
    }

    #[test]
    fn short_rows_read_as_empty_fields() {
        let table = Table::tsv("test", "\u{feff}a\tb\r\nonly\n");
        assert_eq!(field(&table.rows[0].1, 0), "only");
        assert_eq!(field(&table.rows[0].1, 1), "");
    }
}
