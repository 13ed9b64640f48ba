//! The helpline pages (manual §12): the console (`/staff/helpline`) that finds a case and sums it
//! up for a call (`/staff/helpline/<reference>`), officers' callbacks (`/staff/callbacks`),
//! managers' prioritisation requests (`/staff/priority-requests`) and 'no further contact'
//! (`/staff/nfc/<reference>`). Plain forms, so every page works without JavaScript.

mod assist;
mod callbacks;
mod console;
// The form fields are the case pages' (ids that can depend on a record).
use crate::pages::case::fields;
mod nfc;
mod priority;
mod summary;
mod summary_forms;

pub use assist::AssistPage;
pub use callbacks::CallbacksPage;
pub use console::ConsolePage;
pub use nfc::NfcPage;
pub use priority::PriorityRequestsPage;
pub use summary::SummaryPage;

use leptos::prelude::*;

use crate::i18n::t;

/// The green banner a finished change leaves (`?done=<code>`).
pub fn done_banner(done: Option<String>) -> AnyView {
    let key = done
        .map(|code| format!("helpline.done.{code}"))
        .filter(|key| crate::i18n::has(key));
    match key {
        Some(key) => view! {
            <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="done-title">
                <div class="govuk-notification-banner__header">
                    <h2 class="govuk-notification-banner__title" id="done-title">{t("helpline.done.title")}</h2>
                </div>
                <div class="govuk-notification-banner__content">
                    <p class="govuk-notification-banner__heading">{t(&key)}</p>
                </div>
            </div>
        }
        .into_any(),
        None => ().into_any(),
    }
}
