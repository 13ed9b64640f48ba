//! Keeps what a person typed or ticked before the page became interactive.
//!
//! A page is usable as soon as its HTML arrives, long before the WebAssembly has loaded on a slow
//! phone. Hydration then sets each field's value from the server's render (`prop:value`, needed so
//! a field shows its own answer when pages change without a reload), which would silently wipe
//! anything typed in the meantime. So the fields a person changed are noted just before hydration
//! and put back just after, with an `input` event so live hints (character counts) catch up.

use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{Document, Element, Event, HtmlInputElement, HtmlTextAreaElement};

/// A field the person changed, and what they left in it.
pub(crate) enum Changed {
    Value(Element, String),
    Checked(HtmlInputElement, bool),
}

fn elements(document: &Document, tag: &str) -> Vec<Element> {
    let collection = document.get_elements_by_tag_name(tag);
    (0..collection.length())
        .filter_map(|index| collection.item(index))
        .collect()
}

/// The fields whose value or tick differs from the server's HTML.
pub(crate) fn note(document: &Document) -> Vec<Changed> {
    let mut changed = Vec::new();
    for element in elements(document, "input") {
        let Ok(input) = element.clone().dyn_into::<HtmlInputElement>() else {
            continue;
        };
        match input.type_().as_str() {
            "checkbox" | "radio" => {
                if input.checked() != input.default_checked() {
                    changed.push(Changed::Checked(input.clone(), input.checked()));
                }
            }
            "file" | "hidden" | "submit" | "button" => {}
            _ => {
                if input.value() != input.default_value() {
                    changed.push(Changed::Value(element, input.value()));
                }
            }
        }
    }
    for element in elements(document, "textarea") {
        if let Ok(area) = element.clone().dyn_into::<HtmlTextAreaElement>() {
            if area
                .default_value()
                .is_ok_and(|original| original != area.value())
            {
                changed.push(Changed::Value(element, area.value()));
            }
        }
    }
    changed
}

/// Puts the noted values back (hydration keeps the same elements).
pub(crate) fn restore(changed: Vec<Changed>) {
    for field in changed {
        let element: Element = match field {
            Changed::Value(element, value) => {
                if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
                    input.set_value(&value);
                } else if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
                    area.set_value(&value);
                }
                element
            }
            Changed::Checked(input, checked) => {
                input.set_checked(checked);
                input.into()
            }
        };
        if let Ok(event) = Event::new("input") {
            let _ = element.dispatch_event(&event);
        }
    }
}
