//! The report itself (`/report-breach/report/…`): a task list of its parts, each part on its own
//! page and saved as it is answered, "check your answers", send, and the confirmation with the
//! reference. Save and come back later emails a link that reopens the draft; a follow-up adds
//! to a sent report's case. Every form is a plain post to a server function answered by a
//! redirect (`crate::server_fns::breach::report`), so it all works without JavaScript. The
//! 72-hour clock from awareness is on every page.

mod check;
mod clock;
mod fields;
mod follow_up;
mod part;
mod resume;
mod tasks;

pub use check::{CheckPage, SentPage, SentPrintPage};
pub use clock::moment;
pub use follow_up::{FollowUpPage, FollowUpSentPage};
pub use part::PartPage;
pub use resume::{LinkNotFoundPage, ProblemPage, ResumePage, SavePage, SavedPage};
pub use tasks::TasksPage;

use crate::pages::concern::question::journey_page;
use leptos::prelude::*;

use crate::components::page_frame as frame;
use crate::domain::breach::BreachDraft;
use crate::i18n::t;
use crate::server_fns::breach::{load_breach_report, BreachView};
use leptos_router::components::Redirect;

pub const TASKS: &str = "/report-breach/report";
pub const CHECK: &str = "/report-breach/report/check";

/// Loads the draft, then shows `render`'s page (or the problem page).
pub fn with_report(
    render: impl Fn(BreachView) -> AnyView + Copy + Send + Sync + 'static,
) -> impl IntoView {
    journey_page(load_breach_report(), render)
}

/// A page of the report being written: without one, "you have not started a report"; once it is
/// sent, its confirmation.
pub fn with_draft(render: fn(BreachView, BreachDraft) -> AnyView) -> impl IntoView {
    with_report(move |view| match view.draft.clone() {
        None => no_report(&view),
        Some(draft) if draft.sent.is_some() => {
            view! { <Redirect path="/report-breach/report/sent"/> }.into_any()
        }
        Some(draft) => render(view, draft),
    })
}

/// There is no report in this browser (never started, expired, or sent and gone).
pub fn no_report(view: &BreachView) -> AnyView {
    let title = t("breach.report.none.title");
    let body = if view.lost_draft {
        t("breach.report.none.expired")
    } else {
        t("breach.report.none.body")
    };
    frame(
        title.clone(),
        None,
        Vec::new(),
        view! {
            <h1 class="govuk-heading-l">{title}</h1>
            <p class="govuk-body">{body}</p>
            <p class="govuk-body">
                <a class="govuk-link" href="/report-breach/assess">{t("breach.report.none.start")}</a>
            </p>
        }
        .into_any(),
    )
}
