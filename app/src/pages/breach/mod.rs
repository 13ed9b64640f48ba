//! Personal data breach reporting for organisations: the start page and the self-assessment
//! ("do I need to report this?"). The self-assessment keeps its answers in the address, one
//! question per page with plain GET forms, so it needs no draft and works without JavaScript.

pub mod answers;
pub mod assess;
pub mod report;
pub mod start;
pub mod triage;

/// The journey's base path.
pub const BASE: &str = "/report-breach";
