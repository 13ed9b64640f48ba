//! The concerns assistant: one question per page, check your answers, and a page per verdict.

pub mod check;
pub mod letter;
pub mod question;
pub mod verdict;
mod wording;
