//! `/report-breach/report/check`: every answer, part by part, each part with a change link; the
//! declaration and the send button. `/report-breach/report/sent`: the confirmation.

use leptos::prelude::*;
use server_fn::ServerFn;

use super::clock::clock_banner;
use super::{frame, no_report, with_draft, with_report, TASKS};
use crate::components::sent_copy::{copy_actions, print_view, sent_copy_view, CopyLinks};
use crate::components::Panel;
use crate::domain::breach::{missing_parts, BreachDraft};
use crate::i18n::{fill, t};
use crate::pages::breach::answers::answer_lines;
use crate::server_fns::breach::{BreachView, SendBreachReport};

#[component]
pub fn CheckPage() -> impl IntoView {
    with_draft(check)
}

fn check(view: BreachView, draft: BreachDraft) -> AnyView {
    if !missing_parts(&draft.report).is_empty() {
        return view! { <leptos_router::components::Redirect path=format!("{TASKS}?incomplete=true")/> }
            .into_any();
    }
    let late = view.clock.is_some_and(|clock| clock.late);
    let sections = answer_lines(&draft.report)
        .into_iter()
        .map(|(part, lines)| {
            let heading = t(&format!("breach.part.{}", part.code()));
            let change = format!("{TASKS}/{}?change=true", part.code());
            let rows = lines
                .into_iter()
                .map(|(question, answer)| {
                    view! {
                        <div class="govuk-summary-list__row">
                            <dt class="govuk-summary-list__key">{question}</dt>
                            <dd class="govuk-summary-list__value app-preserve-lines">{answer}</dd>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <div class="govuk-summary-card">
                    <div class="govuk-summary-card__title-wrapper">
                        <h2 class="govuk-summary-card__title">{heading.clone()}</h2>
                        <ul class="govuk-summary-card__actions">
                            <li class="govuk-summary-card__action">
                                <a class="govuk-link" href=change>
                                    {t("common.change")}
                                    <span class="govuk-visually-hidden">{format!(" {heading}")}</span>
                                </a>
                            </li>
                        </ul>
                    </div>
                    <div class="govuk-summary-card__content">
                        <dl class="govuk-summary-list">{rows}</dl>
                    </div>
                </div>
            }
        })
        .collect_view();
    let title = t("breach.report.check.title");
    frame(
        title.clone(),
        Some(TASKS.to_owned()),
        Vec::new(),
        view! {
            <span class="govuk-caption-l">{t("breach.title")}</span>
            <h1 class="govuk-heading-l">{title}</h1>
            {clock_banner(&view)}
            {sections}
            <h2 class="govuk-heading-m">{t("breach.report.check.declaration_title")}</h2>
            <p class="govuk-body">{t("breach.report.check.declaration")}</p>
            {late.then(|| view! { <p class="govuk-body">{t("breach.report.check.late")}</p> })}
            <form method="post" action=SendBreachReport::url() novalidate>
                <button type="submit" class="govuk-button" data-module="govuk-button" data-prevent-double-click="true">
                    {t("breach.report.check.send")}
                </button>
            </form>
        }
        .into_any(),
    )
}

#[component]
pub fn SentPage() -> impl IntoView {
    with_report(sent)
}

fn sent(view: BreachView) -> AnyView {
    let Some(sent) = view.draft.as_ref().and_then(|draft| draft.sent.clone()) else {
        return no_report(&view);
    };
    let title = t("breach.report.sent.title");
    let emailed = fill(&t("breach.report.sent.emailed"), &[("email", &sent.email)]);
    frame(
        title.clone(),
        None,
        Vec::new(),
        view! {
            <Panel title=title>
                {t("breach.report.sent.reference")}<br/>
                <strong data-testid="reference">{sent.reference.clone()}</strong>
            </Panel>
            <p class="govuk-body">{emailed}</p>
            {sent.late.then(|| view! { <p class="govuk-body">{t("breach.report.sent.late")}</p> })}
            <h2 class="govuk-heading-m">{t("breach.report.sent.next_title")}</h2>
            <p class="govuk-body">{t("breach.report.sent.next")}</p>
            <h2 class="govuk-heading-m">{t("breach.report.sent.follow_title")}</h2>
            <p class="govuk-body">{t("breach.report.sent.follow")}</p>
            <p class="govuk-body">
                <a class="govuk-link" href="/report-breach/follow-up">{t("breach.report.sent.follow_link")}</a>
            </p>
            {sent.copy.map(|copy| view! {
                <h2 class="govuk-heading-m">{t("copy.answers_title")}</h2>
                {copy_actions(&COPY_LINKS)}
                {sent_copy_view(&copy, false)}
            })}
        }
        .into_any(),
    )
}

/// Where the report's copy can be printed and downloaded (the draft's cookie, whose path is
/// `/report-breach`, names it).
const COPY_LINKS: CopyLinks = CopyLinks {
    print: "/report-breach/report/sent/print",
    pdf: "/report-breach/report/sent/copy.pdf",
    start: "/report-breach",
};

/// `/report-breach/report/sent/print`: the report as sent, alone, for printing.
#[component]
pub fn SentPrintPage() -> impl IntoView {
    with_report(|view| {
        let copy = view
            .draft
            .as_ref()
            .and_then(|draft| draft.sent.as_ref())
            .and_then(|sent| sent.copy.clone());
        match copy {
            Some(copy) => frame(
                copy.title.clone(),
                None,
                Vec::new(),
                print_view(&copy, SENT_PAGE),
            ),
            None => no_report(&view),
        }
    })
}

const SENT_PAGE: &str = "/report-breach/report/sent";
