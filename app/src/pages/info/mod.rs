//! The pages around every public journey, linked from every page's footer: the privacy notice,
//! the cookies page, the accessibility statement and how to contact us.
//!
//! Their words are in `app/locales/en/info.json`. A text is paragraphs separated by a blank line;
//! a paragraph whose lines all start with "- " is a bulleted list; `[words](href)` is a link.

mod content;
mod cookies;

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::Layout;
use crate::i18n::t;
use content::{section, text_blocks};
pub use cookies::{CookiesPage, COOKIES};

/// An information page: its title, intro and sections (heading key, body key, heading id).
fn info_page(prefix: &str, sections: &[(&str, Option<&str>)]) -> AnyView {
    let title = t(&format!("info.{prefix}.title"));
    let body = sections
        .iter()
        .map(|(name, id)| section(&format!("info.{prefix}.{name}"), *id))
        .collect_view();
    let intro = text_blocks(&t(&format!("info.{prefix}.intro")));
    view! {
        <Title text=title.clone()/>
        <Layout>
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <h1 class="govuk-heading-l">{title}</h1>
                    {intro}
                    {body}
                </div>
            </div>
        </Layout>
    }
    .into_any()
}

/// `/privacy`: how the three services use the information people give.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    info_page(
        "privacy",
        &[
            ("what", None),
            ("why", None),
            ("share", None),
            ("keep", None),
            ("rights", None),
        ],
    )
}

/// `/accessibility`: the accessibility statement, in the format public sector bodies use.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    info_page(
        "accessibility",
        &[
            ("how", None),
            ("feedback", None),
            ("report", None),
            ("enforcement", None),
            ("technical", None),
            ("status", None),
            ("non_compliant", None),
            ("improving", None),
            ("tested", None),
            ("prepared", None),
        ],
    )
}

/// `/contact`: the helpline, post, other formats, Welsh, and feedback on the service.
#[component]
pub fn ContactPage() -> impl IntoView {
    info_page(
        "contact",
        &[
            ("phone", None),
            ("post", None),
            ("format", Some("other-formats")),
            ("welsh", Some("welsh")),
            ("feedback", Some("feedback")),
        ],
    )
}
