//! Check your answers before the verdict.

use crate::pages::concern::question::journey_page;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;
use server_fn::ServerFn;

use super::wording::{answer_text, short_label};
use super::StartAgainButton;
use crate::components::{BackLink, Layout, SummaryList, SummaryRow};
use crate::domain::assistant::path;
use crate::i18n::t;
use crate::server_fns::concern::{load_journey, ConfirmAnswers, JourneyView};

#[component]
pub fn CheckAnswersPage() -> impl IntoView {
    journey_page(load_journey(), |view| check(view).into_any())
}

fn check(view: JourneyView) -> impl IntoView {
    let answers = view.answers;
    let steps = path(&answers);
    if let Some(open) = steps.iter().find(|step| !answers.has(**step)) {
        return view! { <Redirect path=format!("/concern/{}", open.slug())/> }.into_any();
    }
    let back = steps
        .last()
        .map(|step| format!("/concern/{}", step.slug()))
        .unwrap_or_else(|| "/".to_owned());
    let rows = steps
        .iter()
        .filter_map(|step| {
            answers.get(*step).map(|answer| SummaryRow {
                key: short_label(*step, &answers),
                value: answer_text(*step, answer),
                change_href: format!("/concern/{}?change=true", step.slug()),
            })
        })
        .collect::<Vec<_>>();
    view! {
        <Title text=t("check.title")/>
        <Layout>
            <BackLink href=back/>
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <h1 class="govuk-heading-l">{t("check.title")}</h1>
                    <SummaryList rows/>
                    <p class="govuk-body">{t("check.next")}</p>
                    <form method="post" action=ConfirmAnswers::url()>
                        <button type="submit" class="govuk-button">{t("check.continue")}</button>
                    </form>
                    <StartAgainButton/>
                </div>
            </div>
        </Layout>
    }
    .into_any()
}
