//! The GOV.UK Design System patterns the pages are built from.

mod character_count;
pub mod fields;
mod layout;
mod loaded;
mod summary;

pub use character_count::CharacterCount;
pub use fields::{Checkboxes, DateInput, ErrorMessage, Radios, Select, TextArea, TextInput};
pub use layout::{page_frame, BackLink, ErrorSummary, Layout, Panel};
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
