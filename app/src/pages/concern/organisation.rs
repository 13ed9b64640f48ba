//! "Which organisation is your concern about?": matches from the organisation directory for the
//! name the person gave, a search to try other words, and "none of these".

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::wording::error_text;
use super::ChangeMarker;
use crate::components::{BackLink, ErrorSummary, Layout, Radios};
use crate::domain::assistant::Step;
use crate::i18n::{fill, t};
use crate::server_fns::concern::{AnswerQuestion, JourneyView};
use crate::server_fns::handover::search_organisations;

#[component]
pub fn OrganisationMatch(
    view: JourneyView,
    changing: bool,
    back: String,
    action: ServerAction<AnswerQuestion>,
) -> impl IntoView {
    let query = use_query_map();
    let given = view
        .answers
        .text(Step::Organisation)
        .unwrap_or_default()
        .to_owned();
    let searched = {
        let given = given.clone();
        move || {
            query
                .read()
                .get("q")
                .filter(|q| !q.trim().is_empty())
                .unwrap_or_else(|| given.clone())
        }
    };
    let found = Resource::new(searched.clone(), search_organisations);
    let step = Step::OrganisationMatch;
    let error = view
        .flash
        .filter(|(slug, _, _)| slug == step.slug())
        .map(|(_, _, key)| error_text(step, &key));
    let selected = view.answers.choice(step).map(str::to_owned);
    let title = t("q.organisation-match.title");
    let page_title = match &error {
        Some(_) => format!("{} {title}", t("error.title_prefix")),
        None => title.clone(),
    };
    let summary: Vec<(String, String)> = error
        .iter()
        .map(|e| (step.slug().to_owned(), e.clone()))
        .collect();
    let search_value = searched();
    let searched_for_view = searched.clone();
    view! {
        <Title text=page_title/>
        <Layout>
            <BackLink href=back/>
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <ErrorSummary errors=summary/>
                    // While the matches load (after a search, with JavaScript) the question stays.
                    <Suspense fallback=|| view! {
                        <h1 class="govuk-heading-l">{t("q.organisation-match.title")}</h1>
                        <p class="govuk-body">{t("common.loading")}</p>
                    }>
                        {move || {
                            let error = error.clone();
                            let selected = selected.clone();
                            let title = title.clone();
                            let searched = searched_for_view();
                            Suspend::new(async move {
                                let matches = found.await.unwrap_or_default();
                                let hint = if matches.is_empty() {
                                    fill(&t("q.organisation-match.hint.none"), &[("query", &searched)])
                                } else {
                                    fill(&t("q.organisation-match.hint"), &[("query", &searched)])
                                };
                                let mut options: Vec<(String, String)> = matches
                                    .into_iter()
                                    .map(|choice| {
                                        let label = match choice.matched {
                                            Some(alias) => format!("{} ({alias})", choice.name),
                                            None => choice.name,
                                        };
                                        (choice.id, label)
                                    })
                                    .collect();
                                options.push(("none".to_owned(), t("q.organisation-match.opt.none")));
                                view! {
                                    <ActionForm action=action attr:novalidate="true">
                                        <input type="hidden" name="step" value=step.slug()/>
                                        <ChangeMarker changing/>
                                        <Radios id=step.slug().to_owned() heading=title hint=Some(hint) options selected error/>
                                        <button type="submit" class="govuk-button">{t("common.continue")}</button>
                                    </ActionForm>
                                }
                            })
                        }}
                    </Suspense>
                    <form method="get" action="/concern/organisation-match" class="app-search">
                        <ChangeMarker changing/>
                        <div class="govuk-form-group">
                            <label class="govuk-label govuk-label--s" for="q">{t("q.organisation-match.search")}</label>
                            <input class="govuk-input govuk-!-width-two-thirds" id="q" name="q" type="search"
                                value=search_value autocomplete="organization" spellcheck="false"/>
                        </div>
                        <button type="submit" class="govuk-button govuk-button--secondary">{t("q.organisation-match.search_button")}</button>
                    </form>
                </div>
            </div>
        </Layout>
    }
}
