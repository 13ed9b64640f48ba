//! Tests of the breach rules.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod assessment;
mod catalogue;
mod clock;
mod draft;
mod risk;
mod support;
mod validation;
