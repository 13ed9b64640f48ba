//! The case officer's pages (manual §5, §11, §12): a case (`/staff/cases/<reference>`), emailing
//! a party, closing (one case or several), re-opening; finding a case; the sift list's
//! correspondence; an admin's outcome correction. Plain posts, so every page works without
//! JavaScript; each loads through a staff server function the access table guards.

mod close;
mod confirm;
mod confirm_several;
mod correction;
mod email;
pub(crate) mod fields;
mod find;
mod glance;
mod page;
mod parties;
mod record;
mod reopen;
mod sift;
mod staff_case;
mod work;

pub use close::{CloseCasePage, CloseSeveralPage};
pub use confirm::ConfirmPage;
pub use correction::CorrectionPage;
pub use email::EmailPage;
pub use find::{find_form, FindCasePage};
pub use page::CasePage;
pub use reopen::ReopenPage;
pub use sift::CorrespondencePage;
pub use staff_case::StaffCasePage;

use chrono::{NaiveDate, NaiveDateTime};
use leptos::prelude::*;

use crate::domain::case::{sla_state, SlaState};
use crate::i18n::{fill, long_date, t};

/// A date is 'due soon' this many days before it.
const DUE_SOON_DAYS: u32 = 3;

/// A moment as staff read it: "2 March 2026, 14:05".
pub fn when(at: NaiveDateTime) -> String {
    fill(
        &t("case.when"),
        &[
            ("date", &long_date(at.date())),
            ("time", &at.format("%H:%M").to_string()),
        ],
    )
}

/// A service-level date and how it stands: on time, due soon, overdue.
pub fn due_tag(due: NaiveDate, today: NaiveDate) -> impl IntoView {
    let (code, class) = match sla_state(due, today, DUE_SOON_DAYS) {
        SlaState::OnTime => ("on_time", "govuk-tag govuk-tag--green"),
        SlaState::DueSoon => ("due_soon", "govuk-tag govuk-tag--yellow"),
        SlaState::Overdue => ("overdue", "govuk-tag govuk-tag--red"),
    };
    view! { {long_date(due)}" "<strong class=class>{t(&format!("case.sla.{code}"))}</strong> }
}

/// The green banner a finished change leaves (`?done=<code>`).
pub fn done_banner(done: Option<String>) -> impl IntoView {
    let key = done
        .map(|code| format!("case.done.{code}"))
        .filter(|key| crate::i18n::has(key));
    key.map(|key| {
        view! {
            <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="done-title">
                <div class="govuk-notification-banner__header">
                    <h2 class="govuk-notification-banner__title" id="done-title">{t("case.done.title")}</h2>
                </div>
                <div class="govuk-notification-banner__content">
                    <p class="govuk-notification-banner__heading">{t(&key)}</p>
                </div>
            </div>
        }
    })
}

/// The error summary of a refused form, translated.
pub fn error_summary(flash: &Option<crate::server_fns::staff::FormFlash>) -> impl IntoView {
    let errors = flash
        .as_ref()
        .map(|flash| {
            flash
                .errors
                .iter()
                .map(|(field, key)| (field.clone(), t(key)))
                .collect()
        })
        .unwrap_or_default();
    view! { <crate::components::ErrorSummary errors/> }
}

/// Whether the refused form shows problems (for the page title's "Error:").
pub fn has_errors(flash: &Option<crate::server_fns::staff::FormFlash>) -> bool {
    flash.as_ref().is_some_and(|flash| !flash.errors.is_empty())
}
