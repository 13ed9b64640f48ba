//! Staff sign-in and the staff server functions. Every staff server function lives under
//! `/staff/api/…`, so the server's middleware applies the access table
//! ([`crate::domain::staff::access`]) before it runs; each one also checks again with
//! [`require_role`] or [`current_staff`] (defence in depth).

mod error;
mod forms;
mod sign_in;
pub(crate) mod users;
#[cfg(feature = "ssr")]
mod users_rules;

#[cfg(feature = "ssr")]
mod context;

#[cfg(feature = "ssr")]
pub use context::{
    current_session, current_staff, require_access, require_role, session_cookie, session_token,
    token_from, CurrentStaff, SESSION_COOKIE,
};
pub use error::StaffError;
pub use forms::{EditStaffView, FormFlash, NewStaffView, StaffListView};
pub use sign_in::{whoami, SignIn, SignOut, Whoami};
pub use users::{
    list_staff, load_edit_staff, load_new_staff, CreateStaff, ListStaff, LoadEditStaff,
    LoadNewStaff, UpdateStaff,
};

/// `text` percent-encoded for a query string value (everything but unreserved characters and `/`).
pub fn encode_query(text: &str) -> String {
    text.bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (byte as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}

/// The sign-in page's address, returning to `next` afterwards.
pub fn sign_in_href(next: &str, error: Option<&str>) -> String {
    let base = crate::domain::staff::SIGN_IN_PATH;
    let next = encode_query(next);
    match error {
        Some(error) => format!("{base}?error={error}&next={next}"),
        None => format!("{base}?next={next}"),
    }
}
