//! Tests of the casework rules.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod follow_on;
mod intake;
mod kinds;
mod outcome;
mod reference;
mod reference_properties;
mod routing;
mod service_levels;
mod sift;
mod sift_phrases;
mod state;
mod workspace;
