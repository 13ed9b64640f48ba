//! Check your answers before handing the concern in, and the confirmation with the reference.

use crate::components::query_param;
use crate::pages::concern::question::journey_page;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;
use server_fn::ServerFn;

use super::wording::{answer_text, short_label};
use super::StartAgainButton;
use crate::components::sent_copy::{copy_actions, print_view, sent_copy_view, CopyLinks};
use crate::components::{Layout, Panel, SummaryList, SummaryRow};
use crate::domain::assistant::{is_done, path, submit_path, Step};
use crate::i18n::{fill, long_date, t};
use crate::server_fns::concern::{load_journey, JourneyView};
use crate::server_fns::handover::SubmitConcern;

#[component]
pub fn SubmitPage() -> impl IntoView {
    let problem = query_param("problem");
    journey_page(load_journey(), move |view| check(view, problem).into_any())
}

fn rows(view: &JourneyView, steps: &[Step], change_base: &str) -> Vec<SummaryRow> {
    steps
        .iter()
        .filter(|step| **step != Step::Documents)
        .filter_map(|step| {
            view.answers.get(*step).map(|answer| SummaryRow {
                key: short_label(*step, &view.answers),
                value: match (step, &view.picked_organisation) {
                    (Step::OrganisationMatch, Some(name)) => name.clone(),
                    (Step::OrganisationMatch, None) => t("q.organisation-match.opt.none"),
                    _ => answer_text(*step, answer),
                },
                change_href: format!("/concern/{}?change=true{change_base}", step.slug()),
            })
        })
        .collect()
}

fn check(view: JourneyView, problem: Option<String>) -> impl IntoView {
    if view.submitted.is_some() {
        return view! { <Redirect path="/concern/confirmation"/> }.into_any();
    }
    let Some(handover) = view.handover.clone() else {
        return view! { <Redirect path="/concern/check"/> }.into_any();
    };
    let steps = submit_path(&view.answers, &handover);
    if let Some(open) = steps
        .iter()
        .find(|step| !is_done(&view.answers, &handover, **step))
    {
        return view! { <Redirect path=format!("/concern/{}", open.slug())/> }.into_any();
    }
    let concern_rows = rows(&view, &path(&view.answers), "");
    let detail_rows = rows(&view, &steps, "");
    let back = steps
        .last()
        .map(|step| format!("/concern/{}", step.slug()))
        .unwrap_or_else(|| "/concern/check".to_owned());
    let problem = problem.map(|kind| t(&format!("submit.problem.{kind}")));
    view! {
        <Title text=t("submit.title")/>
        <Layout>
            <crate::components::BackLink href=back/>
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    {problem.map(|message| view! {
                        <div class="govuk-error-summary" role="alert" tabindex="-1" aria-labelledby="problem-title">
                            <h2 class="govuk-error-summary__title" id="problem-title">{t("error.summary_title")}</h2>
                            <div class="govuk-error-summary__body"><p class="govuk-body">{message}</p></div>
                        </div>
                    })}
                    <h1 class="govuk-heading-l">{t("submit.title")}</h1>
                    <h2 class="govuk-heading-m">{t("submit.concern")}</h2>
                    <SummaryList rows=concern_rows/>
                    <h2 class="govuk-heading-m">{t("submit.details")}</h2>
                    <SummaryList rows=detail_rows/>
                    <h2 class="govuk-heading-m">{t("submit.declaration_title")}</h2>
                    <p class="govuk-body">{t("submit.declaration")}</p>
                    <form method="post" action=SubmitConcern::url()>
                        <button type="submit" class="govuk-button">{t("submit.button")}</button>
                    </form>
                    <StartAgainButton/>
                </div>
            </div>
        </Layout>
    }
    .into_any()
}

#[component]
pub fn ConfirmationPage() -> impl IntoView {
    journey_page(load_journey(), |view| confirmation(view).into_any())
}

/// The acknowledgement as a letter to print and post, for a caller the helpline helped who has
/// no email address (the print styles leave only the letter on the page).
fn acknowledgement_letter(
    (name, address): (String, Option<String>),
    reference: &str,
    today: chrono::NaiveDate,
    contact_by: chrono::NaiveDate,
) -> AnyView {
    let values = [
        ("name", name.as_str()),
        ("reference", reference),
        ("today", &long_date(today)),
        ("date", &long_date(contact_by)),
    ];
    let address = address
        .unwrap_or_default()
        .lines()
        .map(|line| view! { {line.to_owned()}<br/> })
        .collect_view();
    let paragraphs = t("assisted.letter.body")
        .split("\n\n")
        .map(|paragraph| view! { <p class="govuk-body">{fill(paragraph, &values)}</p> })
        .collect_view();
    view! {
        <p class="govuk-body no-print">{t("assisted.letter.intro")}</p>
        <div class="app-letter" data-testid="acknowledgement-letter">
            <p class="govuk-body">{name.clone()}<br/>{address}</p>
            <p class="govuk-body">{long_date(today)}</p>
            <p class="govuk-body">{fill(&t("assisted.letter.reference"), &values)}</p>
            <p class="govuk-body">{fill(&t("assisted.letter.dear"), &values)}</p>
            {paragraphs}
            <p class="govuk-body">{t("assisted.letter.sign_off")}</p>
        </div>
        <p class="govuk-body no-print">{t("assisted.letter.print")}</p>
    }
    .into_any()
}

fn confirmation(view: JourneyView) -> impl IntoView {
    let Some(receipt) = view.submitted else {
        return view! { <Redirect path="/concern/about"/> }.into_any();
    };
    let contact_by = long_date(receipt.contact_promised_by);
    let sent_to = receipt.acknowledged_to.clone().unwrap_or_default();
    let reference = receipt.reference.clone();
    let copy = view.sent_copy.clone();
    // A request about the regulator itself says its own clock (issue 19).
    let title =
        super::requests::confirmation_title(&receipt).unwrap_or_else(|| t("confirmation.title"));
    let request_next = super::requests::confirmation_next(&receipt);
    view! {
        <Title text=title.clone()/>
        <Layout>
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <Panel title=title>
                        {t("confirmation.reference")}<br/>
                        <strong data-testid="reference">{receipt.reference.clone()}</strong>
                    </Panel>
                    {match view.letter_to.clone() {
                        Some(to) => acknowledgement_letter(to, &reference, view.today, receipt.contact_promised_by),
                        None => view! { <p class="govuk-body">{fill(&t("confirmation.email"), &[("email", &sent_to)])}</p> }.into_any(),
                    }}
                    <h2 class="govuk-heading-m">{t("confirmation.next_title")}</h2>
                    {match request_next {
                        Some(next) => next,
                        None => view! { <p class="govuk-body">{fill(&t("confirmation.next"), &[("date", &contact_by)])}</p> }.into_any(),
                    }}
                    {super::foi::after_complaint(&receipt.case_type, &view.foi_timescales)}
                    <p class="govuk-body">{t("track.confirmation.track")}" "<a class="govuk-link" href="/track">{t("track.link.footer")}</a></p>
                    <h2 class="govuk-heading-m">{t("confirmation.add_title")}</h2>
                    <p class="govuk-body">{fill(&t("confirmation.add"), &[("reference", &reference)])}</p>
                    <p class="govuk-body">{t("confirmation.keep")}</p>
                    {copy.map(|copy| view! {
                        <h2 class="govuk-heading-m">{t("copy.answers_title")}</h2>
                        {copy_actions(&COPY_LINKS)}
                        {sent_copy_view(&copy, false)}
                    })}
                    <StartAgainButton/>
                </div>
            </div>
        </Layout>
    }
    .into_any()
}

/// Where the concern's copy can be printed and downloaded (the journey's cookie names it).
const COPY_LINKS: CopyLinks = CopyLinks {
    print: "/concern/confirmation/print",
    pdf: "/concern/confirmation/copy.pdf",
    start: "/",
};

/// `/concern/confirmation/print`: the copy of the concern alone, for printing.
#[component]
pub fn ConfirmationPrintPage() -> impl IntoView {
    journey_page(load_journey(), |view| match view.sent_copy {
        Some(copy) => view! {
            <Title text=copy.title.clone()/>
            <Layout>{print_view(&copy, "/concern/confirmation")}</Layout>
        }
        .into_any(),
        None => view! { <Redirect path="/concern/confirmation"/> }.into_any(),
    })
}
