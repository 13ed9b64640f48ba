//! The live part of the GOV.UK character count: the only code a public page sends to the
//! browser. The server renders the limit ("You can enter up to 2,000 characters"); once the
//! island has hydrated it counts what is in the field (including anything typed before the script
//! arrived) and counts down as the person types.
//!
//! Its texts come translated as props: calling `t()` here would put every locale's catalogue in
//! the wasm. It knows its textarea only by id, so the field itself is plain server-rendered HTML.

use leptos::prelude::*;

/// The message under a textarea with id `field_id`: `limit` until it hydrates, then `remaining`
/// or `over` with `{n}` filled in.
#[island]
pub fn CharacterCount(
    field_id: String,
    max: usize,
    limit: String,
    remaining: String,
    over: String,
) -> impl IntoView {
    // `None` until the browser has counted: the server's text, as the page was sent.
    let used = RwSignal::new(None::<usize>);
    let id = field_id.clone();
    Effect::new(move |_| used.set(typed_length(&id)));
    let id = field_id.clone();
    // `input` bubbles to the window; the island lives as long as the page, so the listener stays.
    let _listener = window_event_listener(leptos::ev::input, move |event| {
        let target = event_target::<leptos::web_sys::Element>(&event);
        if target.id() == id {
            used.set(Some(event_target_value(&event).chars().count()));
        }
    });
    let too_many = move || used.get().is_some_and(|n| n > max);
    let message = move || match used.get() {
        None => limit.clone(),
        Some(n) if n <= max => remaining.replace("{n}", &grouped(max - n)),
        Some(n) => over.replace("{n}", &grouped(n - max)),
    };
    view! {
        <div id=format!("{field_id}-info") aria-live="polite" class=move || if too_many() {
            "govuk-error-message govuk-character-count__message"
        } else {
            "govuk-hint govuk-character-count__message"
        }>{message}</div>
    }
}

/// A count as people write it, with a comma between each group of three digits: "3,000".
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// The number of characters in the field now (browser only).
#[cfg(feature = "hydrate")]
fn typed_length(id: &str) -> Option<usize> {
    use leptos::wasm_bindgen::JsCast;
    document()
        .get_element_by_id(id)
        .and_then(|element| {
            element
                .dyn_into::<leptos::web_sys::HtmlTextAreaElement>()
                .ok()
        })
        .map(|area| area.value().chars().count())
}

#[cfg(not(feature = "hydrate"))]
fn typed_length(_id: &str) -> Option<usize> {
    None
}

#[cfg(test)]
mod tests {
    use super::grouped;

    #[test]
    fn counts_have_a_thousands_separator() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(3000), "3,000");
        assert_eq!(grouped(1234567), "1,234,567");
    }
}
