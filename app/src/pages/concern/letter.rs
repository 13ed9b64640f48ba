//! The letter to send, on a page of its own for printing.

use leptos::prelude::*;
use leptos_meta::Title;

use super::question::journey_page;
use crate::components::{BackLink, Layout};
use crate::domain::assistant::NextStep;
use crate::i18n::t;
use crate::letters::{compose, LetterText};
use crate::server_fns::concern::{load_outcome, OutcomeView};

#[component]
pub fn LetterPage() -> impl IntoView {
    journey_page(load_outcome(), letter_page)
}

/// The letter for the person's verdict, or why there is none.
fn letter_page(view: OutcomeView) -> AnyView {
    let letter = view
        .outcome
        .as_ref()
        .and_then(|outcome| compose(outcome, view.today));
    let has_letter = view
        .outcome
        .as_ref()
        .and_then(|o| o.next_step.as_ref())
        .and_then(NextStep::letter)
        .is_some();
    match letter {
        Some(letter) if has_letter => view! {
            <Title text=letter.title.clone()/>
            <Layout>
                <BackLink href="/concern/result/not-yet".to_owned()/>
                <h1 class="govuk-heading-l">{letter.title.clone()}</h1>
                <p class="govuk-body no-print">{t("letter.print_hint")}</p>
                <p class="govuk-body no-print">
                    <a class="govuk-link" href="/concern/letter.txt" download="">{t("letter.download")}</a>
                </p>
                <LetterBody letter/>
            </Layout>
        }
        .into_any(),
        _ => view! {
            <Title text=t("letter.none_title")/>
            <Layout>
                <h1 class="govuk-heading-l">{t("letter.none_title")}</h1>
                <p class="govuk-body"><a class="govuk-link" href="/concern/about">{t("letter.none_body")}</a></p>
            </Layout>
        }
        .into_any(),
    }
}

/// The letter itself, as it will be printed.
#[component]
pub fn LetterBody(letter: LetterText) -> impl IntoView {
    view! {
        <div class="app-letter">
            <p class="govuk-body govuk-!-font-weight-bold">{letter.subject}</p>
            {letter
                .paragraphs
                .into_iter()
                .map(|paragraph| {
                    let lines = paragraph.split('\n').map(str::to_owned).collect::<Vec<_>>();
                    let count = lines.len();
                    view! {
                        <p class="govuk-body">
                            {lines
                                .into_iter()
                                .enumerate()
                                .map(|(i, line)| view! { {line}{(i + 1 < count).then(|| view! { <br/> })} })
                                .collect_view()}
                        </p>
                    }
                })
                .collect_view()}
        </div>
    }
}
