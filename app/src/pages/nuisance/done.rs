//! The confirmation of a sent report, and the page for silent calls (Ofcom, nothing recorded).

use leptos::prelude::*;
use leptos_router::components::Redirect;

use super::{contact, frame};
use crate::components::Panel;
use crate::i18n::{fill, t};
use crate::server_fns::nuisance::{NuisanceView, Page, SentCount, BASE};

fn count_text(count: &SentCount, window_days: u32) -> String {
    let what = t(&format!("nuisance.confirmation.kind.{}", count.kind.code()));
    let days = window_days.to_string();
    let n = count.reports.to_string();
    let key = if count.reports == 1 {
        "nuisance.confirmation.count.one"
    } else {
        "nuisance.confirmation.count.many"
    };
    fill(&t(key), &[("what", &what), ("n", &n), ("days", &days)])
}

pub fn confirmation(view: NuisanceView) -> AnyView {
    let Some(sent) = view.journey.sent.clone() else {
        return view! { <Redirect path=BASE/> }.into_any();
    };
    let counts = sent
        .counts
        .iter()
        .map(|count| {
            let text = count_text(count, sent.window_days);
            view! { <li data-testid="reported-count"><strong>{count.display.clone()}</strong>": "{text}</li> }
        })
        .collect_view();
    let advice = sent
        .advice
        .iter()
        .map(|advice| {
            let found = view
                .advice_contacts
                .iter()
                .find(|(code, _)| code == advice.code())
                .map(|(_, contact)| contact.clone());
            view! {
                <li>
                    {t(&advice.message_key())}
                    {found.map(|contact| view! {
                        " "<a class="govuk-link" href=contact.website.clone() rel="noreferrer noopener">{contact.name.clone()}</a>
                    })}
                </li>
            }
        })
        .collect_view();
    let title = t("nuisance.confirmation.title");
    let body = view! {
        <Panel title=title.clone()>
            {t("nuisance.confirmation.number")}<br/>
            <strong data-testid="report-number">{sent.report_id.to_string()}</strong>
        </Panel>
        {(!sent.counts.is_empty()).then(|| view! {
            <h2 class="govuk-heading-m">{t("nuisance.confirmation.counts_title")}</h2>
            <ul class="govuk-list">{counts}</ul>
        })}
        <h2 class="govuk-heading-m">{t("nuisance.confirmation.advice_title")}</h2>
        <ul class="govuk-list govuk-list--bullet">{advice}</ul>
        <h2 class="govuk-heading-m">{t("nuisance.confirmation.next_title")}</h2>
        <p class="govuk-body">{t("nuisance.confirmation.next")}</p>
        <p class="govuk-body"><a class="govuk-link" href=Page::Channel.href()>{t("nuisance.confirmation.another")}</a></p>
    };
    frame(title, None, Vec::new(), body.into_any())
}

pub fn silent_call(view: NuisanceView) -> AnyView {
    let title = t("nuisance.silent.title");
    let has_report = !view.journey.incidents.is_empty();
    let body = view! {
        <h1 class="govuk-heading-l">{title.clone()}</h1>
        <p class="govuk-body">{t("nuisance.silent.body")}</p>
        {view.ofcom.map(|ofcom| contact(ofcom, 2))}
        <p class="govuk-body">{t("nuisance.silent.nothing_kept")}</p>
        {has_report.then(|| view! {
            <p class="govuk-body"><a class="govuk-link" href=Page::Check.href()>{t("nuisance.silent.continue")}</a></p>
        })}
        <p class="govuk-body"><a class="govuk-link" href=Page::Channel.href()>{t("nuisance.silent.another")}</a></p>
    };
    frame(
        title,
        Some(Page::Channel.href()),
        Vec::new(),
        body.into_any(),
    )
}
