//! The concerns assistant: one question per page, check your answers, and a page per verdict.

pub mod check;
mod evidence;
pub mod letter;
mod organisation;
pub mod question;
pub mod submit;
mod timeline;
pub mod verdict;
mod wording;

use leptos::prelude::*;

use crate::i18n::t;
use crate::server_fns::concern::StartAgain;

/// "Start again": forgets every answer and goes back to the first question.
#[component]
pub fn StartAgainButton() -> impl IntoView {
    let restart = ServerAction::<StartAgain>::new();
    view! {
        <ActionForm action=restart>
            <button type="submit" class="govuk-button govuk-button--secondary">{t("common.start_again")}</button>
        </ActionForm>
    }
}
