//! What the case pages' forms share: a refused form's typed values and problems, and the hidden
//! reference. The fields themselves are the kit's (`crate::components::fields`), with small labels
//! and ids that can depend on a record (`reason-<party id>`).

use leptos::prelude::*;

use crate::server_fns::staff::FormFlash;

/// What the refused form said about a field: the typed value (else `stored`) and the message.
pub fn typed(flash: &Option<FormFlash>, id: &str, stored: &str) -> String {
    flash
        .as_ref()
        .and_then(|flash| flash.value(id))
        .unwrap_or_else(|| stored.to_owned())
}

/// The translated problem with a field, if the refused form had one.
pub fn problem(flash: &Option<FormFlash>, id: &str) -> Option<String> {
    flash
        .as_ref()
        .and_then(|flash| flash.error(id))
        .map(|key| crate::i18n::t(&key))
}

/// The hidden field every case form carries.
pub fn reference_field(reference: &str) -> AnyView {
    view! { <input type="hidden" name="reference" value=reference.to_owned()/> }.into_any()
}
