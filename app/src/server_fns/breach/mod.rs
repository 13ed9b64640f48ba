//! Personal data breach reporting: what the server provides for it ([`port`]).

#[cfg(feature = "ssr")]
pub mod port;
