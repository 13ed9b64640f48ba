//! The PDF of a [`SentCopy`]: an A4 document with the title, the reference, when it was sent and
//! every answer under its section's heading, in Lato (SIL OFL 1.1, `fonts/`), embedded and
//! subset by krilla. The PDF is tagged (headings and paragraphs, language `cy` or `en-GB` as its
//! words are) so a screen reader reads it in order; its text can be copied and searched.

use std::num::NonZeroU16;

use anyhow::{anyhow, Context};
use app::domain::copy::SentCopy;
use krilla::geom::{Point, Size};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::surface::Surface;
use krilla::tagging::{ContentTag, Node, SpanTag, Tag, TagGroup, TagKind, TagTree};
use krilla::text::{Font, TextDirection};
use krilla::{Data, Document};

const REGULAR: &[u8] = include_bytes!("../fonts/Lato-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../fonts/Lato-Bold.ttf");

/// A4 in points, and the margin on every side.
const WIDTH: f32 = 595.28;
const HEIGHT: f32 = 841.89;
const MARGIN: f32 = 56.0;

/// A face for drawing and the same face for measuring.
struct Face {
    font: Font,
    data: &'static [u8],
}

impl Face {
    fn load(data: &'static [u8]) -> anyhow::Result<Self> {
        let font = Font::new(Data::from(data.to_vec()), 0)
            .ok_or_else(|| anyhow!("the embedded font did not load"))?;
        Ok(Self { font, data })
    }

    /// The width of `text` at `size` points.
    fn width(&self, face: &ttf_parser::Face<'_>, text: &str, size: f32) -> f32 {
        let units: f32 = text
            .chars()
            .map(|c| {
                face.glyph_index(c)
                    .and_then(|glyph| face.glyph_hor_advance(glyph))
                    .map_or(0.0, f32::from)
            })
            .sum();
        units * size / f32::from(face.units_per_em())
    }
}

/// One block of text: a heading or a paragraph.
struct Block<'a> {
    text: &'a str,
    size: f32,
    bold: bool,
    /// The heading level, or `None` for a paragraph.
    level: Option<u16>,
    /// Space above the block, in points.
    space_before: f32,
}

/// Draws blocks down the pages, starting a new page when one is full.
struct Writer {
    regular: Face,
    bold: Face,
    tree: TagTree,
}

impl Writer {
    /// `text` broken into lines that fit the page's width (its own line breaks kept).
    fn lines(&self, block: &Block<'_>) -> anyhow::Result<Vec<String>> {
        let face = if block.bold {
            &self.bold
        } else {
            &self.regular
        };
        let parsed = ttf_parser::Face::parse(face.data, 0).context("reading the font")?;
        let room = WIDTH - 2.0 * MARGIN;
        let fits = |line: &str| face.width(&parsed, line, block.size) <= room;
        let mut lines = Vec::new();
        for paragraph in block.text.lines() {
            let mut line = String::new();
            for word in paragraph.split_whitespace() {
                let candidate = if line.is_empty() {
                    word.to_owned()
                } else {
                    format!("{line} {word}")
                };
                if fits(&candidate) {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                // A word too long for a line of its own is broken where it must be.
                for c in word.chars() {
                    let mut longer = line.clone();
                    longer.push(c);
                    if !line.is_empty() && !fits(&longer) {
                        lines.push(std::mem::take(&mut line));
                        longer = c.to_string();
                    }
                    line = longer;
                }
            }
            lines.push(line);
        }
        Ok(lines)
    }
}

/// The PDF of `copy`.
pub fn render(copy: &SentCopy) -> anyhow::Result<Vec<u8>> {
    let mut writer = Writer {
        regular: Face::load(REGULAR)?,
        bold: Face::load(BOLD)?,
        tree: TagTree::new(),
    };
    let reference = format!("{}: {}", copy.reference_label, copy.reference);
    let mut blocks = vec![
        block(&copy.title, 20.0, Some(1), 0.0),
        block(&reference, 14.0, None, 10.0),
    ];
    blocks[1].bold = true;
    if !copy.sent.is_empty() {
        blocks.push(block(&copy.sent, 11.0, None, 6.0));
    }
    for section in &copy.sections {
        blocks.push(block(&section.heading, 15.0, Some(2), 20.0));
        for row in &section.rows {
            let mut question = block(&row.question, 11.0, None, 10.0);
            question.bold = true;
            blocks.push(question);
            blocks.push(block(&row.answer, 11.0, None, 3.0));
        }
    }
    let mut document = Document::new();
    let size = Size::from_wh(WIDTH, HEIGHT).ok_or_else(|| anyhow!("the page size"))?;
    let mut remaining = blocks.into_iter().peekable();
    let mut pending: Option<(Block<'_>, Vec<String>, Vec<Node>)> = None;
    while remaining.peek().is_some() || pending.is_some() {
        let mut page = document.start_page_with(PageSettings::new(size));
        let mut surface = page.surface();
        surface.set_fill(Some(Fill::default()));
        let mut y = MARGIN;
        loop {
            let (current, lines, nodes) = match pending.take() {
                Some(carried) => carried,
                None => match remaining.next() {
                    Some(next) => {
                        let lines = writer.lines(&next)?;
                        y += next.space_before;
                        (next, lines, Vec::new())
                    }
                    None => break,
                },
            };
            let leading = current.size * 1.35;
            let face = if current.bold {
                writer.bold.font.clone()
            } else {
                writer.regular.font.clone()
            };
            let mut nodes = nodes;
            let mut lines = std::collections::VecDeque::from(lines);
            while let Some(line) = lines.front() {
                if y + leading > HEIGHT - MARGIN && y > MARGIN {
                    break;
                }
                y += leading;
                nodes.push(draw_line(&mut surface, &face, current.size, y, line));
                lines.pop_front();
            }
            if !lines.is_empty() {
                // The page is full: the rest of the block goes on the next one.
                pending = Some((current, lines.into(), nodes));
                break;
            }
            writer.tree.push(group(&current, nodes));
        }
        surface.finish();
        page.finish();
    }
    let title = format!("{} {}", copy.title, copy.reference);
    document.set_metadata(
        Metadata::new()
            .title(title)
            .language(copy.language_tag().to_owned())
            .creator(copy.reference_label.clone()),
    );
    document.set_tag_tree(writer.tree);
    document
        .finish()
        .map_err(|error| anyhow!("writing the PDF: {error:?}"))
}

fn block(text: &str, size: f32, level: Option<u16>, space_before: f32) -> Block<'_> {
    Block {
        text,
        size,
        bold: level.is_some(),
        level,
        space_before,
    }
}

/// One line of text at baseline `y`, tagged as a span of its block.
fn draw_line(surface: &mut Surface<'_>, font: &Font, size: f32, y: f32, line: &str) -> Node {
    let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
    surface.draw_text(
        Point::from_xy(MARGIN, y),
        font.clone(),
        size,
        line,
        false,
        TextDirection::Auto,
    );
    surface.end_tagged();
    Node::from(id)
}

/// The block's lines as a heading or a paragraph in the tag tree.
fn group(block: &Block<'_>, nodes: Vec<Node>) -> TagGroup {
    let kind: TagKind = match block.level.and_then(NonZeroU16::new) {
        Some(level) => Tag::Hn(level, Some(block.text.to_owned())).into(),
        None => Tag::P.into(),
    };
    TagGroup::with_children(kind, nodes)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn a_long_copy_makes_a_pdf_of_several_pages() {
        let mut copy = SentCopy {
            title: "Your concern as sent".into(),
            reference_label: "Your reference number".into(),
            reference: "IC-00012-K7".into(),
            sent: "Sent on 7 December 2026".into(),
            sections: Vec::new(),
            language: "en".into(),
        };
        let long = "Ŵyn ŷd words ".repeat(400) + &"x".repeat(300);
        copy.push_section("Your concern".into(), vec![("What happened".into(), long)]);
        let pdf = render(&copy).unwrap();
        assert!(pdf.starts_with(b"%PDF"));
        let pages = pdf.windows(10).filter(|w| w == b"/Type /Pag").count();
        assert!(pages >= 3, "{pages}");
        assert!(contains(&pdf, b"/Lang (en-GB)"));
        copy.language = "cy".into();
        let welsh = render(&copy).unwrap();
        assert!(contains(&welsh, b"/Lang (cy)"));
        assert!(!contains(&welsh, b"en-GB"));
    }

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle)
    }
}
