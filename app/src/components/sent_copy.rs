//! A copy of what was sent, shown on a confirmation page and its print view, with the ways to
//! keep it: a print view (a plain link, no script needed), the PDF, and back to the start.

use leptos::prelude::*;

use crate::domain::copy::SentCopy;
use crate::i18n::t;

/// Every answer as sent, section by section: the section headings are `<h3>` under a
/// confirmation page's "your answers" heading, `<h2>` on the print view (`top`).
pub fn sent_copy_view(copy: &SentCopy, top: bool) -> AnyView {
    let sections = copy
        .sections
        .iter()
        .map(|section| {
            let rows = section
                .rows
                .iter()
                .map(|row| {
                    view! {
                        <div class="govuk-summary-list__row">
                            <dt class="govuk-summary-list__key">{row.question.clone()}</dt>
                            <dd class="govuk-summary-list__value app-preserve-lines">{row.answer.clone()}</dd>
                        </div>
                    }
                })
                .collect_view();
            let heading = section.heading.clone();
            let heading = if top {
                view! { <h2 class="govuk-heading-m">{heading}</h2> }.into_any()
            } else {
                view! { <h3 class="govuk-heading-s">{heading}</h3> }.into_any()
            };
            view! {
                {heading}
                <dl class="govuk-summary-list" data-testid="copy-section">{rows}</dl>
            }
        })
        .collect_view();
    view! {
        <div class="app-sent-copy" data-testid="sent-copy">
            <p class="govuk-body">
                {copy.reference_label.clone()}": "
                <strong data-testid="copy-reference">{copy.reference.clone()}</strong>
            </p>
            {(!copy.sent.is_empty()).then(|| view! { <p class="govuk-body">{copy.sent.clone()}</p> })}
            {sections}
        </div>
    }
    .into_any()
}

/// Where the copy's print view and PDF are, and where the service starts.
pub struct CopyLinks {
    pub print: &'static str,
    pub pdf: &'static str,
    pub start: &'static str,
}

/// The ways to keep the copy: print it, download the PDF, and go back to the service's start.
pub fn copy_actions(links: &CopyLinks) -> AnyView {
    view! {
        <ul class="govuk-list app-copy-actions no-print" data-testid="copy-actions">
            <li>
                <a class="govuk-link" href=links.print data-testid="copy-print">{t("copy.print")}</a>
            </li>
            <li>
                <a class="govuk-link" href=links.pdf download data-testid="copy-pdf">{t("copy.pdf")}</a>
            </li>
            <li>
                <a class="govuk-link" href=links.start data-testid="copy-start">{t("copy.start")}</a>
            </li>
        </ul>
    }
    .into_any()
}

/// The print view: the copy alone, with a way back to the confirmation.
pub fn print_view(copy: &SentCopy, back: &'static str) -> AnyView {
    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <h1 class="govuk-heading-l">{copy.title.clone()}</h1>
                <p class="govuk-body no-print">{t("copy.print_hint")}</p>
                {sent_copy_view(copy, true)}
                <p class="govuk-body no-print">
                    <a class="govuk-link" href=back data-testid="copy-back">{t("copy.back")}</a>
                </p>
            </div>
        </div>
    }
    .into_any()
}
