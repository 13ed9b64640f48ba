//! The little markup the information pages' texts use: paragraphs, bulleted lists, links.

use leptos::prelude::*;

use crate::i18n::t;

/// A section: an `<h2>` (with `id`, to link to it) and its text (`{key}.title`, `{key}.body`).
pub fn section(key: &str, id: Option<&str>) -> AnyView {
    let id = id.map(str::to_owned);
    view! {
        <h2 class="govuk-heading-m" id=id>{t(&format!("{key}.title"))}</h2>
        {text_blocks(&t(&format!("{key}.body")))}
    }
    .into_any()
}

/// Paragraphs and bulleted lists from `text` (blocks separated by a blank line).
pub fn text_blocks(text: &str) -> AnyView {
    text.split("\n\n")
        .map(|block| {
            let lines: Vec<&str> = block.lines().collect();
            if !lines.is_empty() && lines.iter().all(|line| line.starts_with("- ")) {
                let items = lines
                    .iter()
                    .map(|line| view! { <li>{inline(&line[2..])}</li> })
                    .collect_view();
                view! { <ul class="govuk-list govuk-list--bullet">{items}</ul> }.into_any()
            } else {
                let lines = lines
                    .iter()
                    .enumerate()
                    .map(|(i, line)| view! { {(i > 0).then(|| view! { <br/> })}{inline(line)} })
                    .collect_view();
                view! { <p class="govuk-body">{lines}</p> }.into_any()
            }
        })
        .collect_view()
        .into_any()
}

/// One line, with each `[words](href)` as a link.
fn inline(line: &str) -> AnyView {
    let mut parts = Vec::new();
    let mut rest = line;
    while let Some((before, link, after)) = split_link(rest) {
        parts.push(Part::Text(before.to_owned()));
        parts.push(link);
        rest = after;
    }
    parts.push(Part::Text(rest.to_owned()));
    parts
        .into_iter()
        .map(|part| match part {
            Part::Text(text) => text.into_any(),
            Part::Link { words, href } => {
                view! { <a class="govuk-link" href=href>{words}</a> }.into_any()
            }
        })
        .collect_view()
        .into_any()
}

#[derive(Debug, PartialEq, Eq)]
enum Part {
    Text(String),
    Link { words: String, href: String },
}

/// The text before the first `[words](href)`, the link, and the text after it.
fn split_link(text: &str) -> Option<(&str, Part, &str)> {
    let open = text.find('[')?;
    let close = open + text[open..].find("](")?;
    let end = close + text[close..].find(')')?;
    let link = Part::Link {
        words: text[open + 1..close].to_owned(),
        href: text[close + 2..end].to_owned(),
    };
    Some((&text[..open], link, &text[end + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_in_a_line_is_split_out() {
        let found = split_link("Please [contact us](/contact) today.");
        assert_eq!(
            found,
            Some((
                "Please ",
                Part::Link {
                    words: "contact us".to_owned(),
                    href: "/contact".to_owned()
                },
                " today."
            ))
        );
        assert_eq!(split_link("No link [here]."), None);
    }
}
