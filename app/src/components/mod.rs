//! The GOV.UK Design System patterns the pages are built from.

mod character_count;
pub mod fields;
mod language_switch;
mod layout;
mod loaded;
pub mod sent_copy;
mod summary;

pub use character_count::{grouped, CharacterCount};
pub use fields::{Checkboxes, DateInput, ErrorMessage, Radios, Select, TextArea, TextInput};
pub use language_switch::LanguageSwitch;
pub use layout::{
    page_frame, titled, BackLink, ErrorSummary, Layout, Panel, PublicService, FOOTER_LINKS,
};
pub use loaded::{loaded, path_param, query_param};
pub use summary::{SummaryList, SummaryRow};

/// Text for the inside of `<title>` and `<textarea>`. The server renderer (tachys) writes the
/// children of these elements without escaping them, so text a person typed could close the
/// element and start markup: escape it on the server. In the browser the text is set as a text
/// node, so it stays as it is.
pub fn rcdata(text: String) -> String {
    #[cfg(feature = "ssr")]
    {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    }
    #[cfg(not(feature = "ssr"))]
    {
        text
    }
}
