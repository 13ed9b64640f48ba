//! `/staff/cases/<reference>/reopen`: re-open a closed case for a second, related concern (a new
//! instance under the same reference). Refused on the day it was closed.

use crate::components::path_param;
use leptos::prelude::*;
use server_fn::ServerFn;

use super::confirm::{confirm_frame, ConfirmFrame};
use super::fields::{problem, reference_field, typed};
use super::has_errors;
use crate::components::fields::{Field, Textarea};
use crate::domain::case::CaseStatus;
use crate::i18n::{fill, long_date, t};
use crate::pages::staff::{page_title, staff_page};
use crate::server_fns::case::{case_href, load_case, CasePageView, ReopenCase};

#[component]
pub fn ReopenPage() -> impl IntoView {
    let reference = path_param("reference");
    let path = format!("{}/reopen", case_href(&reference));
    staff_page(load_case(reference, "reopen".to_owned()), path, |view| {
        page(view).into_any()
    })
}

fn page(view: CasePageView) -> impl IntoView {
    let flash = &view.flash;
    let record = &view.case.record;
    let reference = record.reference.clone();
    let href = case_href(&reference);
    let title = page_title(&t("case.reopen.title"), has_errors(flash));
    let closed = record.closed_on.map(long_date).unwrap_or_default();
    let body = if record.status != CaseStatus::Closed {
        view! { <p class="govuk-body">{t("case.reopen.problem.not_closed")}</p> }.into_any()
    } else {
        view! {
            <p class="govuk-body">{fill(&t("case.reopen.lede"), &[("date", &closed), ("n", &(record.instance + 1).to_string())])}</p>
            <div class="govuk-inset-text">{t("case.reopen.rules")}</div>
            {problem(flash, "reopen").map(|message| view! { <p class="govuk-error-message" id="reopen">{message}</p> })}
            <form method="post" action=ReopenCase::url()>
                {reference_field(&reference)}
                {Field::new("reason", t("case.reopen.reason"))
                    .hint(Some(t("case.reopen.reason_hint")))
                    .error(problem(flash, "reason"))
                    .textarea(Textarea::new(typed(flash, "reason", ""), 4))}
                <button type="submit" class="govuk-button" data-module="govuk-button">{t("case.reopen.submit")}</button>
            </form>
        }.into_any()
    };
    confirm_frame(ConfirmFrame {
        title,
        name: view.me.name.clone(),
        href,
        flash,
        reference,
        heading: t("case.reopen.title"),
        body,
    })
}
