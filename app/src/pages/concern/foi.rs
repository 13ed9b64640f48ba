//! FOI and EIR complaints in depth (issue 19 part 3): what the verdict and confirmation pages
//! add for a complaint about an information request — a review the authority refused or cannot
//! hold, and what happens after the complaint (the s50 guidance), with the timescales set.

use leptos::prelude::*;

use crate::domain::assistant::{path, Answers, FoiTimescales, Outcome, Step};
use crate::domain::readiness::Route;
use crate::i18n::{fill, t};

/// Why no internal review is needed, when the person said the authority refused one or has no
/// procedure for one.
fn review_note(answers: &Answers) -> Option<AnyView> {
    // Only answers still on the path count.
    if !path(answers).contains(&Step::Review) {
        return None;
    }
    let key = match (
        answers.choice(Step::Review),
        answers.choice(Step::ReviewAnswered),
    ) {
        (Some("no_procedure"), _) => "foi.review_waived.no_procedure",
        (Some("yes"), Some("refused")) => "foi.review_waived.refused",
        _ => return None,
    };
    Some(view! { <p class="govuk-body" data-testid="review-waived">{t(key)}</p> }.into_any())
}

/// What happens after an FOI/EIR complaint: the investigation, the decision notice, the appeal
/// to the Tribunal and how long it usually takes.
fn what_happens_next(timescales: &FoiTimescales) -> AnyView {
    let comply = timescales.comply_days.to_string();
    let appeal = timescales.appeal_days.to_string();
    let months = timescales.resolve_months.to_string();
    view! {
        <div data-testid="foi-next">
            <h2 class="govuk-heading-m">{t("foi.next.title")}</h2>
            <p class="govuk-body">{t("foi.next.investigate")}</p>
            <p class="govuk-body">{fill(&t("foi.next.decision"), &[("days", &comply)])}</p>
            <p class="govuk-body">{fill(&t("foi.next.appeal"), &[("days", &appeal)])}</p>
            <p class="govuk-body">{fill(&t("foi.next.time"), &[("months", &months)])}</p>
        </div>
    }
    .into_any()
}

/// On the confirmation: what happens after a case handed in as an FOI/EIR complaint (the
/// answers are gone by then; the case type says it).
pub fn after_complaint(case_type: &str, timescales: &FoiTimescales) -> Option<AnyView> {
    matches!(case_type, "FS50" | "FER").then(|| what_happens_next(timescales))
}

/// The FOI/EIR notes on a ready or late verdict page.
pub fn verdict_notes(
    outcome: &Outcome,
    answers: &Answers,
    timescales: &FoiTimescales,
) -> Option<AnyView> {
    if !matches!(outcome.concern.route, Route::Foi | Route::Eir) {
        return None;
    }
    let note = review_note(answers);
    let next = what_happens_next(timescales);
    Some(view! { {note}{next} }.into_any())
}
