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

use crate::domain::assistant::Step;
use crate::i18n::t;
use crate::server_fns::concern::StartAgain;
use crate::server_fns::handover::{AddEvent, FinishStep, RemoveEvent, RemoveEvidence};

/// The actions of the timeline and evidence pages. Their posts come back to the same page, so
/// the page's journey is reloaded whenever one of them has run (their versions key it).
#[derive(Clone, Copy)]
pub struct HandoverActions {
    pub add_event: ServerAction<AddEvent>,
    pub remove_event: ServerAction<RemoveEvent>,
    pub remove_evidence: ServerAction<RemoveEvidence>,
    pub finish: ServerAction<FinishStep>,
}

impl HandoverActions {
    pub fn new() -> Self {
        HandoverActions {
            add_event: ServerAction::new(),
            remove_event: ServerAction::new(),
            remove_evidence: ServerAction::new(),
            finish: ServerAction::new(),
        }
    }

    /// Changes whenever one of the actions has run.
    pub fn version(&self) -> usize {
        self.add_event.version().get()
            + self.remove_event.version().get()
            + self.remove_evidence.version().get()
            + self.finish.version().get()
    }

    /// The page's actions, or new ones outside a question page.
    pub fn from_context() -> Self {
        use_context::<HandoverActions>().unwrap_or_default()
    }
}

impl Default for HandoverActions {
    fn default() -> Self {
        Self::new()
    }
}

/// Marks a form as changing an answer from a check page, so it returns there.
#[component]
pub fn ChangeMarker(changing: bool) -> impl IntoView {
    changing.then(|| view! { <input type="hidden" name="change" value="true"/> })
}

/// "Continue" on a page of its own (timeline, evidence): on once the step is done.
#[component]
pub fn FinishButton(step: Step, changing: bool) -> impl IntoView {
    let finish = HandoverActions::from_context().finish;
    view! {
        <ActionForm action=finish>
            <input type="hidden" name="step" value=step.slug()/>
            <ChangeMarker changing/>
            <button type="submit" class="govuk-button">{t("common.continue")}</button>
        </ActionForm>
    }
}

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
