//! A page for each verdict: ready, late, not yet, not for us, report instead.

use crate::components::path_param;
use crate::pages::concern::question::journey_page;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;

use super::letter::LetterBody;
use super::StartAgainButton;
use crate::components::Layout;
use crate::domain::assistant::{Answers, NextStep, Outcome};
use crate::domain::case::CaseSettings;
use crate::domain::readiness::{DocumentKind, Reason, Verdict};
use crate::domain::signposts::Contact;
use crate::i18n::{long_date, t, tf};
use crate::letters::compose;
use crate::server_fns::concern::{load_outcome, verdict_slug, OutcomeView};

#[component]
pub fn VerdictPage() -> impl IntoView {
    let slug = path_param("verdict");
    journey_page(load_outcome(), move |view| {
        verdict_page(slug, view).into_any()
    })
}

fn verdict_page(slug: String, view: OutcomeView) -> impl IntoView {
    let Some(outcome) = view.outcome.clone() else {
        return view! { <Redirect path="/concern/about"/> }.into_any();
    };
    let expected = verdict_slug(outcome.verdict());
    if slug != expected {
        return view! { <Redirect path=format!("/concern/result/{expected}")/> }.into_any();
    }
    let organisation = outcome
        .concern
        .organisation
        .name
        .clone()
        .unwrap_or_else(|| t("q.organisation.fallback"));
    let (title, body) = match outcome.verdict() {
        Verdict::Ready => (
            super::requests::verdict_title(&outcome).unwrap_or_else(|| t("verdict.ready.title")),
            ready(&outcome, &view.case_settings, &view.answers).into_any(),
        ),
        Verdict::Late => (
            t("verdict.late.title"),
            late(&outcome, &view.case_settings, &view.answers).into_any(),
        ),
        Verdict::NotYet => not_yet(&outcome, &organisation, &view),
        Verdict::NotForUs => (
            t("verdict.not_for_us.title"),
            not_for_us(&outcome, view.contacts).into_any(),
        ),
        Verdict::ReportInstead => (
            t("verdict.report_instead.title"),
            report_instead(view.contacts).into_any(),
        ),
    };
    view! {
        <Title text=title.clone()/>
        <Layout>
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <h1 class="govuk-heading-l">{title}</h1>
                    {body}
                    <h2 class="govuk-heading-m">{t("verdict.change_title")}</h2>
                    <p class="govuk-body"><a class="govuk-link" href="/concern/check">{t("verdict.change_link")}</a></p>
                    <StartAgainButton/>
                </div>
            </div>
        </Layout>
    }
    .into_any()
}

fn paragraph(text: String) -> impl IntoView {
    view! { <p class="govuk-body">{text}</p> }
}

fn documents_list(kinds: &[DocumentKind]) -> impl IntoView {
    (!kinds.is_empty()).then(|| {
        let items = kinds
            .iter()
            .map(|kind| view! { <li>{t(&format!("doc.{}", kind.code()))}</li> })
            .collect_view();
        view! { <ul class="govuk-list govuk-list--bullet">{items}</ul> }
    })
}

/// Words for the reasons that explain a ready or late verdict.
fn reason_notes(outcome: &Outcome) -> impl IntoView {
    let due = outcome
        .assessment
        .response_due
        .map(long_date)
        .unwrap_or_default();
    outcome
        .assessment
        .reasons
        .iter()
        .filter_map(|reason| {
            let key = format!("verdict.reason.{}", reason.code());
            crate::i18n::has(&key)
                .then(|| paragraph(crate::i18n::fill(&t(&key), &[("date", &due)])))
        })
        .collect_view()
}

fn what_next(outcome: &Outcome, settings: &CaseSettings) -> AnyView {
    // A request about the regulator itself asks no organisation or evidence (issue 19).
    if let Some(next) = super::requests::verdict_next(outcome, settings) {
        return next;
    }
    let documents = outcome.assessment.required_documents.clone();
    view! {
        <h2 class="govuk-heading-m">{t("verdict.ready.next_title")}</h2>
        <p class="govuk-body">{t("verdict.ready.next_intro")}</p>
        <ul class="govuk-list govuk-list--bullet">
            <li>{t("verdict.ready.next.you")}</li>
            <li>{t("verdict.ready.next.organisation")}</li>
            <li>{t("verdict.ready.next.what")}</li>
            {if documents.is_empty() {
                view! { <li>{t("verdict.ready.next.evidence")}</li> }.into_any()
            } else {
                view! { <li>{t("verdict.ready.next.documents")}</li> }.into_any()
            }}
        </ul>
        {(!documents.is_empty()).then(|| view! {
            <h2 class="govuk-heading-m">{t("verdict.documents_title")}</h2>
            <p class="govuk-body">{t("verdict.documents_intro")}</p>
            {documents_list(&documents)}
        })}
        <p class="govuk-body">{t("verdict.ready.evidence_hint")}</p>
        {outcome.handover().map(|_| view! {
            <a href="/concern/acting-for" role="button" draggable="false" class="govuk-button govuk-button--start" data-module="govuk-button">
                {t("verdict.continue")}
            </a>
        })}
    }
    .into_any()
}

fn ready(outcome: &Outcome, settings: &CaseSettings, answers: &Answers) -> impl IntoView {
    let complain_by = outcome.assessment.complain_by.map(|date| {
        paragraph(tf(
            "verdict.ready.complain_by",
            &[("date", &long_date(date))],
        ))
    });
    view! {
        {paragraph(t("verdict.ready.body"))}
        {reason_notes(outcome)}
        {complain_by}
        {super::foi::verdict_notes(outcome, answers, &settings.foi_complaints)}
        {what_next(outcome, settings)}
    }
}

fn late(outcome: &Outcome, settings: &CaseSettings, answers: &Answers) -> impl IntoView {
    let since = outcome
        .concern
        .last_meaningful_contact()
        .or(outcome.concern.incident_on)
        .map(long_date)
        .unwrap_or_default();
    view! {
        <div class="govuk-inset-text">{tf("verdict.late.since", &[("date", &since)])}</div>
        {paragraph(t("verdict.late.why"))}
        {paragraph(t("verdict.late.not_strict"))}
        {paragraph(t("verdict.late.tell_us"))}
        {reason_notes(outcome)}
        {super::foi::verdict_notes(outcome, answers, &settings.foi_complaints)}
        {what_next(outcome, settings)}
    }
}

fn not_yet(outcome: &Outcome, organisation: &str, view: &OutcomeView) -> (String, AnyView) {
    let Some(next) = outcome.next_step.clone() else {
        return (
            t("verdict.not_yet.title"),
            paragraph(t("verdict.not_yet.body")).into_any(),
        );
    };
    let org = ("organisation", organisation);
    let come_back = if next.awaits_review() {
        "verdict.not_yet.come_back_review"
    } else {
        "verdict.not_yet.come_back"
    };
    let reminder = next.come_back_from().map(|date| {
        view! {
            <div class="govuk-inset-text" data-testid="come-back">
                {tf(come_back, &[("date", &long_date(date))])}
            </div>
            <p class="govuk-body">
                <a class="govuk-link" href="/concern/reminder.ics" download="">{t("verdict.not_yet.reminder")}</a>
            </p>
        }
    });
    match next {
        NextStep::SendLetter { letter, respond_by, .. } => {
            let code = letter.code();
            let text = compose(outcome, view.today);
            let body = view! {
                {paragraph(tf(&format!("verdict.not_yet.{code}.body"), &[org, ("date", &long_date(respond_by))]))}
                {reminder}
                <h2 class="govuk-heading-m">{t("verdict.not_yet.letter_title")}</h2>
                <p class="govuk-body">{t("verdict.not_yet.letter_intro")}</p>
                <ul class="govuk-list">
                    <li><a class="govuk-link" href="/concern/letter">{t("verdict.not_yet.letter_print")}</a></li>
                    <li><a class="govuk-link" href="/concern/letter.txt" download="">{t("letter.download")}</a></li>
                </ul>
                {text.map(|letter| view! { <LetterBody letter/> })}
            };
            (t(&format!("verdict.not_yet.{code}.title")), body.into_any())
        }
        NextStep::MakeRequest { respond_by, .. } => (
            t("verdict.not_yet.make_request.title"),
            view! {
                {paragraph(tf("verdict.not_yet.make_request.body", &[org, ("date", &long_date(respond_by))]))}
                {reminder}
            }
            .into_any(),
        ),
        NextStep::WaitForResponse { due, .. } => (
            tf("verdict.not_yet.wait.title", &[org]),
            view! {
                {paragraph(tf("verdict.not_yet.wait.body", &[org, ("date", &long_date(due))]))}
                {reminder}
            }
            .into_any(),
        ),
        NextStep::WaitForReview { due, .. } => (
            t("verdict.not_yet.review_wait.title"),
            view! {
                {paragraph(tf("verdict.not_yet.review_wait.body", &[org, ("date", &long_date(due))]))}
                {reminder}
            }
            .into_any(),
        ),
        NextStep::GatherDocuments { missing } => (
            t("verdict.not_yet.documents.title"),
            view! {
                {paragraph(t("verdict.not_yet.documents.body"))}
                {documents_list(&missing)}
                {paragraph(t("verdict.not_yet.documents.then"))}
                <p class="govuk-body"><a class="govuk-link" href="/concern/documents?change=true">{t("verdict.not_yet.documents.link")}</a></p>
            }
            .into_any(),
        ),
    }
}

fn contact_list(contacts: Vec<Contact>) -> impl IntoView {
    let lang = crate::i18n::current_lang();
    contacts
        .into_iter()
        .map(|contact| contact.in_language(lang))
        .map(|contact| {
            view! {
                <div class="app-contact">
                    <h2 class="govuk-heading-m">{contact.name}</h2>
                    <p class="govuk-body">{contact.helps_with}</p>
                    {contact.how.map(paragraph)}
                    <ul class="govuk-list">
                        <li><a class="govuk-link" href=contact.website.clone() rel="noreferrer noopener">{contact.website.clone()}</a></li>
                        {contact.complaint_form.map(|form| view! {
                            <li><a class="govuk-link" href=form rel="noreferrer noopener">{t("verdict.complaint_form")}</a></li>
                        })}
                        {contact.phone.map(|phone| view! { <li>{tf("verdict.phone", &[("phone", &phone)])}</li> })}
                    </ul>
                    {contact.source.map(|source| view! {
                        <p class="govuk-body-s">
                            <a class="govuk-link" href=source rel="noreferrer noopener">{t("verdict.contact_source")}</a>
                        </p>
                    })}
                </div>
            }
        })
        .collect_view()
}

fn not_for_us(outcome: &Outcome, contacts: Vec<Contact>) -> impl IntoView {
    let key = outcome
        .assessment
        .reasons
        .first()
        .map(|reason: &Reason| format!("verdict.not_for_us.{}", reason.code()))
        .or_else(|| {
            outcome
                .assessment
                .signpost
                .map(|s| format!("verdict.not_for_us.{}", s.code()))
        })
        .unwrap_or_else(|| "verdict.not_for_us.body".to_owned());
    view! {
        {paragraph(t(&key))}
        {paragraph(t("verdict.not_for_us.who"))}
        {contact_list(contacts)}
    }
}

fn report_instead(contacts: Vec<Contact>) -> impl IntoView {
    view! {
        {paragraph(t("verdict.report_instead.body"))}
        {paragraph(t("verdict.report_instead.why"))}
        <a href="/report-nuisance" role="button" draggable="false" class="govuk-button">{t("verdict.report_instead.button")}</a>
        {(!contacts.is_empty()).then(|| view! { <h2 class="govuk-heading-m">{t("verdict.report_instead.also")}</h2> })}
        {contact_list(contacts)}
    }
}
