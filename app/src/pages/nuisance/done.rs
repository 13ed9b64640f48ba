//! The confirmation of a sent report, and the page for silent calls (Ofcom, nothing recorded).

use leptos::prelude::*;
use leptos_router::components::Redirect;

use super::{contact, frame};
use crate::components::Panel;
use crate::domain::nuisance::report_reference;
use crate::i18n::{fill, t};
use crate::server_fns::nuisance::{ForgetDetails, NuisanceView, Page, SentCount, BASE};
use server_fn::ServerFn;

fn count_text(count: &SentCount, window_days: u32) -> String {
    let what = t(&format!("nuisance.confirmation.kind.{}", count.kind.code()));
    let days = window_days.to_string();
    let n = count.reports.to_string();
    let key = match count.reports {
        1 => "nuisance.confirmation.count.one",
        2 => "nuisance.confirmation.count.two",
        _ => "nuisance.confirmation.count.many",
    };
    fill(&t(key), &[("what", &what), ("n", &n), ("days", &days)])
}

/// Whether details are remembered on this device, with the way to forget them (or the word that
/// they were just forgotten).
fn remembered(view: &NuisanceView, forgotten: bool) -> Option<AnyView> {
    let state = &view.journey;
    let kept = state.remember
        && !(state.reporter.name.is_empty()
            && state.reporter.email.is_empty()
            && state.reporter.postcode.is_empty());
    if kept {
        return Some(
            view! {
                <p class="govuk-body" data-testid="details-remembered">{t("nuisance.confirmation.remembered")}</p>
                <form method="post" action=ForgetDetails::url() class="govuk-!-margin-bottom-6">
                    <button type="submit" class="app-link-button app-target" data-testid="forget-details">
                        {t("nuisance.details.forget")}
                    </button>
                </form>
            }
            .into_any(),
        );
    }
    forgotten.then(|| {
        view! { <p class="govuk-body" data-testid="details-forgotten">{t("nuisance.confirmation.forgotten")}</p> }
            .into_any()
    })
}

pub fn confirmation(view: NuisanceView, forgotten: bool) -> AnyView {
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
                .map(|(_, contact)| contact.clone().in_language(crate::i18n::current_lang()));
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
            <strong data-testid="report-number">{report_reference(sent.report_id)}</strong>
        </Panel>
        <p class="govuk-body">{t("nuisance.confirmation.quote")}</p>
        {(!sent.counts.is_empty()).then(|| view! {
            <h2 class="govuk-heading-m">{t("nuisance.confirmation.counts_title")}</h2>
            <ul class="govuk-list">{counts}</ul>
        })}
        <h2 class="govuk-heading-m">{t("nuisance.confirmation.advice_title")}</h2>
        <ul class="govuk-list govuk-list--bullet">{advice}</ul>
        <h2 class="govuk-heading-m">{t("nuisance.confirmation.next_title")}</h2>
        <p class="govuk-body">{t("nuisance.confirmation.next")}</p>
        {remembered(&view, forgotten)}
        <p class="govuk-body"><a class="govuk-link app-target" href=Page::Channel.href()>{t("nuisance.confirmation.another")}</a></p>
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::nuisance::OffenderKind;

    fn said(reports: u64) -> String {
        let count = SentCount {
            kind: OffenderKind::Number,
            display: "0161 496 0733".into(),
            reports,
        };
        count_text(&count, 90)
    }

    #[test]
    fn counts_are_said_the_way_people_say_them() {
        assert!(said(1).contains("reported once in"), "{}", said(1));
        assert!(said(2).contains("reported twice in"), "{}", said(2));
        assert!(!said(2).contains("2 times"));
        assert!(said(3).contains("reported 3 times in"), "{}", said(3));
    }
}
