//! A copy of what a person sent, for them to keep: the reference and every answer, section by
//! section, in the words the pages used when it was sent. The confirmation page, its print view,
//! the PDF and the acknowledgement email are all made from one of these.

use serde::{Deserialize, Serialize};

/// One question and its answer as sent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CopyRow {
    pub question: String,
    pub answer: String,
}

/// The answers under one heading.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CopySection {
    pub heading: String,
    pub rows: Vec<CopyRow>,
}

/// What was sent, with its reference.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SentCopy {
    /// The document's title ("Your concern as sent").
    pub title: String,
    /// "Your reference number" and the reference itself.
    pub reference_label: String,
    pub reference: String,
    /// When it was sent, in the pages' words ("Sent on 7 December 2026 at 2:05pm").
    pub sent: String,
    pub sections: Vec<CopySection>,
    /// The language its words are in (a code, `en` or `cy`; empty in copies made before it was
    /// kept, which were English).
    pub language: String,
}

impl SentCopy {
    /// Adds a section, leaving out questions with no answer (and the section if none is left).
    pub fn push_section(&mut self, heading: String, rows: Vec<(String, String)>) {
        let rows: Vec<CopyRow> = rows
            .into_iter()
            .filter(|(_, answer)| !answer.trim().is_empty())
            .map(|(question, answer)| CopyRow { question, answer })
            .collect();
        if !rows.is_empty() {
            self.sections.push(CopySection { heading, rows });
        }
    }

    /// The copy as plain text, for an email body: title, reference, when, then each section.
    pub fn as_text(&self) -> String {
        let mut text = format!(
            "{}\n\n{}: {}\n",
            self.title, self.reference_label, self.reference
        );
        if !self.sent.is_empty() {
            text.push_str(&format!("{}\n", self.sent));
        }
        for section in &self.sections {
            text.push_str(&format!("\n{}\n", section.heading));
            text.push_str(&"-".repeat(section.heading.chars().count()));
            text.push('\n');
            for row in &section.rows {
                text.push_str(&format!("\n{}\n{}\n", row.question, row.answer));
            }
        }
        text
    }

    /// The language tag of a document holding this copy (BCP 47): `cy` for Welsh, else `en-GB`.
    pub fn language_tag(&self) -> &'static str {
        if self.language == "cy" {
            "cy"
        } else {
            "en-GB"
        }
    }

    /// A file name for the PDF: the reference with anything but letters, digits and dashes
    /// left out.
    pub fn file_name(&self, prefix: &str) -> String {
        let reference: String = self
            .reference
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        format!("{prefix}-{reference}.pdf")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copy() -> SentCopy {
        let mut copy = SentCopy {
            title: "Your concern as sent".into(),
            reference_label: "Your reference number".into(),
            reference: "IC-00012-K7".into(),
            sent: "Sent on 7 December 2026".into(),
            sections: Vec::new(),
            language: "en".into(),
        };
        copy.push_section(
            "Your concern".into(),
            vec![
                ("Organisation".into(), "Acme Ltd".into()),
                ("Not answered".into(), "  ".into()),
            ],
        );
        copy.push_section("Empty".into(), vec![("Q".into(), String::new())]);
        copy
    }

    #[test]
    fn the_text_has_the_reference_and_every_answer_and_leaves_out_empty_ones() {
        let text = copy().as_text();
        assert!(text.contains("Your reference number: IC-00012-K7"));
        assert!(text.contains("Organisation\nAcme Ltd"));
        assert!(!text.contains("Not answered"));
        assert!(!text.contains("Empty"));
    }

    #[test]
    fn the_file_name_keeps_only_safe_characters() {
        let mut copy = copy();
        copy.reference = "IC-1/../\"x".into();
        assert_eq!(copy.file_name("concern"), "concern-IC-1x.pdf");
    }

    #[test]
    fn a_welsh_copy_is_tagged_welsh_and_any_other_british_english() {
        let mut copy = copy();
        assert_eq!(copy.language_tag(), "en-GB");
        copy.language = "cy".into();
        assert_eq!(copy.language_tag(), "cy");
        copy.language = String::new();
        assert_eq!(copy.language_tag(), "en-GB");
    }
}
