//! The one error type of staff server functions: pages show "sign in" or "no permission" for the
//! first two, and a generic problem for the rest (whose detail is only logged).

use serde::{Deserialize, Serialize};
use server_fn::codec::JsonEncoding;
use server_fn::error::{FromServerFnError, ServerFnErrorErr};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum StaffError {
    /// Nobody is signed in (or the session has ended).
    #[error("not signed in")]
    SignedOut,
    /// Signed in without a role that may do this.
    #[error("forbidden")]
    Forbidden,
    /// The staff member asked about does not exist.
    #[error("not found")]
    NotFound,
    /// Anything else; the detail is for logs.
    #[error("server problem: {0}")]
    Server(String),
}

impl FromServerFnError for StaffError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        StaffError::Server(value.to_string())
    }
}

#[cfg(feature = "ssr")]
impl StaffError {
    /// A server problem, logged here (without personal data) and hidden from the page.
    pub fn server(context: &str, error: impl std::fmt::Display) -> StaffError {
        leptos::logging::error!("staff: {context}: {error}");
        StaffError::Server(context.to_owned())
    }
}
