//! The GOV.UK Design System patterns the pages are built from.

mod fields;
mod layout;
mod summary;

pub use fields::{Checkboxes, DateInput, ErrorMessage, Radios, Select, TextInput};
pub use layout::{BackLink, ErrorSummary, Layout, Panel};
pub use summary::{SummaryList, SummaryRow};
