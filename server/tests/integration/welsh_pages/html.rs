//! Just enough HTML reading for the Welsh pages test: the text a person sees or hears (text nodes
//! and the attributes read aloud), the links, and the forms with their fields.

/// One form: where it goes, how, and its fields (radios grouped by name, in order).
#[derive(Debug, Clone)]
pub struct Form {
    pub action: String,
    pub post: bool,
    pub multipart: bool,
    pub hidden: Vec<(String, String)>,
    /// Radio groups: name and the values offered.
    pub radios: Vec<(String, Vec<String>)>,
    /// The first checkbox of each name, with its value.
    pub checkboxes: Vec<(String, String)>,
    /// Text-like inputs and text areas: name and type (`text`, `email`, `tel`, `textarea`, …).
    pub texts: Vec<(String, String)>,
    /// Selects: name and the first option with a value.
    pub selects: Vec<(String, String)>,
}

/// The value of `name` in a tag's attributes (`<input type="radio" name="value" …>`).
pub fn attribute(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    let needle = format!("{name}=\"");
    while let Some(at) = rest.find(&needle) {
        let before = rest[..at].chars().next_back();
        let start = at + needle.len();
        if before.is_some_and(|c| c.is_whitespace()) {
            let end = rest[start..].find('"')?;
            return Some(decode(&rest[start..start + end]));
        }
        rest = &rest[start..];
    }
    None
}

/// Decodes the entities Leptos and the pages write.
pub fn decode(text: &str) -> String {
    text.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
        .replace("&#x2F;", "/")
        .replace("&amp;", "&")
}

/// Collapses runs of whitespace into one space and trims.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `html` without comments and the insides of `<script>` and `<style>` elements.
fn without_hidden(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    loop {
        let next = [
            ("<!--", "-->"),
            ("<script", "</script>"),
            ("<style", "</style>"),
        ]
        .iter()
        .filter_map(|(open, close)| rest.find(open).map(|at| (at, *close)))
        .min_by_key(|(at, _)| *at);
        let Some((at, close)) = next else {
            out.push_str(rest);
            return out;
        };
        out.push_str(&rest[..at]);
        match rest[at..].find(close) {
            Some(end) => rest = &rest[at + end + close.len()..],
            None => return out,
        }
    }
}

/// The tags of `html`, each as its text between `<` and `>`, with the text before it.
fn pieces(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let text = rest[..open].to_owned();
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        out.push((text, rest[open + 1..open + close].to_owned()));
        rest = &rest[open + close + 1..];
    }
    out.push((rest.to_owned(), String::new()));
    out
}

/// What a person sees or hears: every text node, and the `aria-label`, `title`, `placeholder`
/// and `alt` attributes and the `value` of input buttons, each squashed, none empty.
///
/// An element marked `lang="en"` (the switch to English) is English on purpose: left out.
pub fn visible_texts(html: &str) -> Vec<String> {
    let mut texts = Vec::new();
    // Inside an element marked English: its name and how deep in its own kind we are.
    let mut english: Option<(String, usize)> = None;
    for (text, tag) in pieces(&without_hidden(html)) {
        if english.is_none() {
            texts.push(squash(&decode(&text)));
        }
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if let Some((open, depth)) = english.as_mut() {
            if *open == name && !tag.ends_with('/') {
                if tag.starts_with('/') {
                    *depth -= 1;
                } else {
                    *depth += 1;
                }
            }
            if *depth == 0 {
                english = None;
            }
            continue;
        }
        if name != "html"
            && !tag.starts_with('/')
            && attribute(&tag, "lang").as_deref() == Some("en")
        {
            english = Some((name, 1));
            continue;
        }
        for name in ["aria-label", "title", "placeholder", "alt"] {
            if let Some(value) = attribute(&tag, name) {
                texts.push(squash(&value));
            }
        }
        let input_button = tag.starts_with("input")
            && matches!(
                attribute(&tag, "type").as_deref(),
                Some("submit" | "button" | "reset")
            );
        if input_button {
            texts.extend(attribute(&tag, "value").map(|v| squash(&v)));
        }
    }
    texts.retain(|text| !text.is_empty());
    texts
}

/// The `lang` of the `<html>` element.
pub fn html_lang(html: &str) -> Option<String> {
    let at = html.find("<html")?;
    let end = html[at..].find('>')?;
    attribute(&html[at..at + end], "lang")
}

/// The site's own paths linked from `html` (no fragment).
pub fn links(html: &str) -> Vec<String> {
    pieces(html)
        .into_iter()
        .filter(|(_, tag)| tag.starts_with("a "))
        .filter_map(|(_, tag)| attribute(&tag, "href"))
        .filter(|href| href.starts_with('/') && !href.starts_with("//"))
        .map(|href| href.split('#').next().unwrap_or_default().to_owned())
        .filter(|href| !href.is_empty())
        .collect()
}

/// The site's own paths linked as buttons (`class="govuk-button …"`): a start button.
pub fn button_links(html: &str) -> Vec<String> {
    pieces(html)
        .into_iter()
        .filter(|(_, tag)| tag.starts_with("a ") && tag.contains("govuk-button"))
        .filter_map(|(_, tag)| attribute(&tag, "href"))
        .filter(|href| href.starts_with('/') && !href.starts_with("//"))
        .collect()
}

/// The forms of `html`, in order.
pub fn forms(html: &str) -> Vec<Form> {
    let mut out = Vec::new();
    let mut current: Option<Form> = None;
    let mut textarea: Option<String> = None;
    let mut select: Option<(String, Option<String>)> = None;
    for (_, tag) in pieces(&without_hidden(html)) {
        if tag.starts_with("form") {
            current = Some(Form {
                action: attribute(&tag, "action").unwrap_or_default(),
                post: attribute(&tag, "method").is_some_and(|m| m.eq_ignore_ascii_case("post")),
                multipart: tag.contains("multipart/form-data"),
                hidden: Vec::new(),
                radios: Vec::new(),
                checkboxes: Vec::new(),
                texts: Vec::new(),
                selects: Vec::new(),
            });
            continue;
        }
        if tag == "/form" {
            out.extend(current.take());
            continue;
        }
        let Some(form) = current.as_mut() else {
            continue;
        };
        if tag.starts_with("input") {
            let name = attribute(&tag, "name").unwrap_or_default();
            let value = attribute(&tag, "value").unwrap_or_default();
            let kind = attribute(&tag, "type").unwrap_or_else(|| "text".to_owned());
            if name.is_empty() {
                continue;
            }
            match kind.as_str() {
                "hidden" => form.hidden.push((name, value)),
                "radio" => match form.radios.iter_mut().find(|(n, _)| *n == name) {
                    Some((_, values)) => values.push(value),
                    None => form.radios.push((name, vec![value])),
                },
                "checkbox" => {
                    if !form.checkboxes.iter().any(|(n, _)| *n == name) {
                        form.checkboxes.push((name, value));
                    }
                }
                "submit" | "button" | "file" | "reset" => {}
                other => form.texts.push((name, other.to_owned())),
            }
        } else if tag.starts_with("textarea") {
            textarea = attribute(&tag, "name");
        } else if tag == "/textarea" {
            if let Some(name) = textarea.take() {
                form.texts.push((name, "textarea".to_owned()));
            }
        } else if tag.starts_with("select") {
            select = attribute(&tag, "name").map(|name| (name, None));
        } else if tag.starts_with("option") {
            if let Some((_, first @ None)) = select.as_mut() {
                *first = attribute(&tag, "value").filter(|v| !v.is_empty());
            }
        } else if tag == "/select" {
            if let Some((name, Some(value))) = select.take() {
                form.selects.push((name, value));
            }
        }
    }
    out
}
