//! `/staff/cases/close-several?confirm=yes&…`: the confirmation of closing several cases with one
//! action: which cases will close and with what outcome, the reason (required, it goes on each
//! case's timeline), Confirm or Cancel.

use leptos::prelude::*;
use leptos_meta::Title;
use server_fn::ServerFn;

use super::fields::{problem, typed};
use super::{error_summary, has_errors};
use crate::components::fields::{Field, Textarea};
use crate::domain::case::{reference_lines, Outcome};
use crate::i18n::{fill, t};
use crate::pages::staff::{page_title, StaffLayout};
use crate::server_fns::case::{case_href, CloseSeveral, SimplePageView};

/// The cases and closure posted, to confirm.
#[derive(Debug, Clone, Default)]
pub struct Proposal {
    pub references: String,
    pub outcome: String,
    pub nature_1: String,
    pub nature_2: String,
    pub subject_access_delay: String,
}

pub fn confirm(view: SimplePageView, proposal: Proposal) -> impl IntoView {
    let flash = &view.flash;
    let heading = t("case.confirm.several.title");
    let title = page_title(&heading, has_errors(flash));
    let references: Vec<String> = reference_lines(&proposal.references)
        .into_iter()
        .filter_map(|(_, read)| read.ok().map(|reference| reference.as_str().to_owned()))
        .collect();
    let outcome = Outcome::from_code(proposal.outcome.trim())
        .map(|outcome| t(&format!("workflow.outcome.{}", outcome.code())))
        .unwrap_or_default();
    let about = fill(
        &t("case.confirm.several.about"),
        &[("n", &references.len().to_string()), ("outcome", &outcome)],
    );
    let links = references
        .iter()
        .map(|reference| view! { <li><a class="govuk-link" href=case_href(reference)>{reference.clone()}</a></li> })
        .collect_view();
    let hidden = |name: &'static str, value: &str| {
        view! { <input type="hidden" name=name value=value.to_owned()/> }
    };
    let name = Some(view.me.name.clone());
    let content = view! {
            <a href="/staff/cases/close-several" class="govuk-back-link">{t("common.back")}</a>
            <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
                {error_summary(flash)}
                <h1 class="govuk-heading-l">{heading}</h1>
                <p class="govuk-body" data-testid="confirm-about">{about}</p>
                <ul class="govuk-list govuk-list--bullet">{links}</ul>
                <div class="govuk-warning-text">
                    <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                    <strong class="govuk-warning-text__text">
                        <span class="govuk-visually-hidden">{t("case.warning")}</span>
                        {t("case.confirm.several.will")}
                    </strong>
                </div>
                <form method="post" action=CloseSeveral::url() novalidate>
                    {hidden("references", &proposal.references)}
                    {hidden("outcome", &proposal.outcome)}
                    {hidden("nature_1", &proposal.nature_1)}
                    {hidden("nature_2", &proposal.nature_2)}
                    {hidden("subject_access_delay", &proposal.subject_access_delay)}
                    <input type="hidden" name="confirm" value="yes"/>
                {Field::new("reason", t("case.confirm.reason"))
                        .hint(Some(t("case.confirm.reason_hint")))
                        .error(problem(flash, "reason"))
                        .textarea(Textarea::new(typed(flash, "reason", ""), 4))}
                    <div class="govuk-button-group">
                        <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">{t("case.confirm.submit")}</button>
                        <a class="govuk-link" href="/staff/cases/close-several">{t("case.confirm.cancel")}</a>
                    </div>
                </form>
            </div></div>
    }
    .into_any();
    view! {
        <Title text=title/>
        <StaffLayout name=name>{content}</StaffLayout>
    }
}
