//! What the staff account forms share: the roles to tick and the error summary's entries. The
//! fields are the kit's (`crate::components::fields`), small labels as several questions share
//! a page.

use crate::domain::staff::Role;
use crate::i18n::t;

/// Every role as (code, label), for the roles checkboxes (posting `roles[i]`).
pub fn role_options() -> Vec<(String, String)> {
    Role::all()
        .iter()
        .map(|role| (role.code().to_owned(), t(&role.label_key())))
        .collect()
}

/// The error summary's entries for a form's errors, translated.
pub fn summary(errors: &[(String, String)]) -> Vec<(String, String)> {
    errors
        .iter()
        .map(|(field, key)| (field.clone(), t(key)))
        .collect()
}
