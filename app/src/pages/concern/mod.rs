//! The concerns assistant: one question per page, check your answers, and a page per verdict.

pub mod check;
pub mod copy;
mod evidence;
mod foi;
pub mod letter;
mod organisation;
pub mod question;
mod requests;
pub mod submit;
mod timeline;
pub mod verdict;
mod wording;

use leptos::prelude::*;

use crate::domain::assistant::Step;
use crate::i18n::t;
use crate::server_fns::concern::StartAgain;
use crate::server_fns::handover::FinishStep;
use server_fn::ServerFn;

/// Marks a form as changing an answer from a check page, so it returns there.
#[component]
pub fn ChangeMarker(changing: bool) -> impl IntoView {
    changing.then(|| view! { <input type="hidden" name="change" value="true"/> })
}

/// "Continue" on a page of its own (timeline, evidence): on once the step is done.
#[component]
pub fn FinishButton(step: Step, changing: bool) -> impl IntoView {
    view! {
        <form method="post" action=FinishStep::url()>
            <input type="hidden" name="step" value=step.slug()/>
            <ChangeMarker changing/>
            <button type="submit" class="govuk-button">{t("common.continue")}</button>
        </form>
    }
}

/// "Start again": forgets every answer and goes back to the first question.
#[component]
pub fn StartAgainButton() -> impl IntoView {
    view! {
        <form method="post" action=StartAgain::url()>
            <button type="submit" class="govuk-button govuk-button--secondary">{t("common.start_again")}</button>
        </form>
    }
}
