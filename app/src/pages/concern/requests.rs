//! What the verdict and confirmation pages say for a request about the regulator itself (issue
//! 19): a complaint about our service (RCC), written advice (ENQ), information we hold (IRQ).
//! The clocks come from the service level settings; the dates from the case made.

use leptos::prelude::*;

use crate::domain::assistant::{about_us, submit_path, Answers, Outcome};
use crate::domain::case::CaseSettings;
use crate::domain::submission::CaseReceipt;
use crate::i18n::{fill, long_date, t};

/// The case types whose confirmation and acknowledgement state their own clock.
const REQUEST_TYPES: [&str; 3] = ["RCC", "ENQ", "IRQ"];

/// The topic's own key, when the outcome is a request about us.
fn topic_of(outcome: &Outcome) -> Option<&str> {
    about_us(outcome.concern.route).then_some(outcome.topic.as_str())
}

/// The verdict page's title for a request about us (ready or late).
pub fn verdict_title(outcome: &Outcome) -> Option<String> {
    topic_of(outcome).map(|topic| t(&format!("verdict.ready.title.{topic}")))
}

/// What happens and what we will ask, in place of the concern's list, for a request about us.
pub fn verdict_next(outcome: &Outcome, settings: &CaseSettings) -> Option<AnyView> {
    let topic = topic_of(outcome)?.to_owned();
    let numbers = [
        (
            "assign_days",
            settings.service_complaint_assign_working_days.to_string(),
        ),
        (
            "complaint_days",
            settings.service_complaint_close_days.to_string(),
        ),
        ("advice_days", settings.advice_close_days.to_string()),
        (
            "information_days",
            settings.information_request_working_days.to_string(),
        ),
    ];
    let values: Vec<(&str, &str)> = numbers
        .iter()
        .map(|(name, value)| (*name, value.as_str()))
        .collect();
    let what_happens = fill(
        &t(&format!("verdict.request.{topic}.what_happens")),
        &values,
    );
    let tribunal = (topic == "service_complaint")
        .then(|| view! { <div class="govuk-inset-text">{t("verdict.request.service_complaint.tribunal")}</div> });
    let asks = t(&format!("verdict.request.{topic}.ask"));
    // The first question of handing it in (a service complaint: the case it is about).
    let start = outcome
        .handover()
        .and_then(|handover| submit_path(&Answers::default(), &handover).first().copied())
        .map(|step| format!("/concern/{}", step.slug()))
        .unwrap_or_else(|| "/concern/check".to_owned());
    Some(
        view! {
            <h2 class="govuk-heading-m">{t("confirmation.next_title")}</h2>
            <p class="govuk-body" data-testid="request-clock">{what_happens}</p>
            {tribunal}
            <h2 class="govuk-heading-m">{t("verdict.ready.next_title")}</h2>
            <p class="govuk-body">{t("verdict.ready.next_intro")}</p>
            <ul class="govuk-list govuk-list--bullet">
                <li>{asks}</li>
                <li>{t("verdict.ready.next.you")}</li>
            </ul>
            <a href=start role="button" draggable="false" class="govuk-button govuk-button--start" data-module="govuk-button">
                {t("verdict.continue")}
            </a>
        }
        .into_any(),
    )
}

/// The confirmation's title for a request about us.
pub fn confirmation_title(receipt: &CaseReceipt) -> Option<String> {
    REQUEST_TYPES
        .contains(&receipt.case_type.as_str())
        .then(|| t(&format!("confirmation.title.{}", receipt.case_type)))
}

/// "What happens next" on the confirmation of a request about us, with its dates, and for a
/// service complaint where to go if still unhappy afterwards.
pub fn confirmation_next(receipt: &CaseReceipt) -> Option<AnyView> {
    let case_type = receipt.case_type.as_str();
    if !REQUEST_TYPES.contains(&case_type) {
        return None;
    }
    let assign_by = long_date(receipt.assign_by);
    let close_by = long_date(receipt.close_by);
    let next = fill(
        &t(&format!("confirmation.next.{case_type}")),
        &[("assign_by", &assign_by), ("close_by", &close_by)],
    );
    let afterwards = (case_type == "RCC").then(|| {
        view! {
            <h2 class="govuk-heading-m">{t("confirmation.rcc.afterwards_title")}</h2>
            <p class="govuk-body" data-testid="phso">{t("confirmation.rcc.phso")}</p>
            <p class="govuk-body">
                <a class="govuk-link" href="https://www.ombudsman.org.uk" rel="noreferrer noopener">{t("confirmation.rcc.phso_link")}</a>
            </p>
            <p class="govuk-body" data-testid="tribunal">{t("confirmation.rcc.tribunal")}</p>
        }
    });
    Some(
        view! {
            <p class="govuk-body" data-testid="request-clock">{next}</p>
            {afterwards}
        }
        .into_any(),
    )
}
