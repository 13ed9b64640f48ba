//! "Which organisation is your concern about?": matches from the organisation directory for the
//! name the person gave, a search to try other words, and "none of these".

use leptos::prelude::*;
use leptos_meta::Title;
use server_fn::ServerFn;

use super::wording::error_text;
use super::ChangeMarker;
use crate::components::fields::{Field, Input};
use crate::components::{BackLink, ErrorSummary, Layout, Radios};
use crate::domain::assistant::Step;
use crate::i18n::{fill, t};
use crate::server_fns::concern::{AnswerQuestion, JourneyView};
use crate::server_fns::handover::OrganisationSearch;

#[component]
pub fn OrganisationMatch(
    view: JourneyView,
    matches: OrganisationSearch,
    changing: bool,
    back: String,
) -> impl IntoView {
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
    let OrganisationSearch { searched, choices } = matches;
    let hint = if choices.is_empty() {
        fill(
            &t("q.organisation-match.hint.none"),
            &[("query", &searched)],
        )
    } else {
        fill(&t("q.organisation-match.hint"), &[("query", &searched)])
    };
    let mut options: Vec<(String, String)> = choices
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
        <Title text=page_title/>
        <Layout>
            <BackLink href=back/>
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <ErrorSummary errors=summary/>
                    <form method="post" action=AnswerQuestion::url() novalidate>
                        <input type="hidden" name="step" value=step.slug()/>
                        <ChangeMarker changing/>
                        <Radios id=step.slug().to_owned() heading=title hint=Some(hint) options selected error/>
                        <button type="submit" class="govuk-button">{t("common.continue")}</button>
                    </form>
                    <form method="get" action="/concern/organisation-match" class="app-search">
                        <ChangeMarker changing/>
                        {Field::new("q", t("q.organisation-match.search")).input(
                            Input::new(searched)
                                .kind("search")
                                .width("govuk-!-width-two-thirds")
                                .autocomplete("organization"),
                        )}
                        <button type="submit" class="govuk-button govuk-button--secondary">{t("q.organisation-match.search_button")}</button>
                    </form>
                </div>
            </div>
        </Layout>
    }
}
