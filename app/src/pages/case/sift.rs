//! `/staff/sift/correspondence`: emails whose subject named no case (no reference, a mistyped
//! one, or an unknown case), for the Advice Service to attach to the right case.

use crate::components::query_param;
use leptos::prelude::*;
use leptos_meta::Title;
use server_fn::ServerFn;

use super::fields::{problem, typed};
use super::{error_summary, has_errors, when};
use crate::components::fields::{Field, Input};
use crate::i18n::{fill, t};
use crate::pages::staff::{page_title, staff_page, StaffLayout};
use crate::server_fns::case::{
    case_href, load_correspondence, AttachMessage, CorrespondenceView, InboxMessage,
};
use crate::server_fns::staff::FormFlash;

#[component]
pub fn CorrespondencePage() -> impl IntoView {
    let attached = query_param("attached");
    staff_page(
        load_correspondence(),
        "/staff/sift/correspondence".to_owned(),
        move |view| page(view, attached).into_any(),
    )
}

fn message(message: &InboxMessage, flash: &Option<FormFlash>) -> impl IntoView {
    let field = format!("reference-{}", message.id);
    let typed_reference = message.typed_reference.clone().unwrap_or_default();
    let said = match &message.typed_reference {
        Some(reference) => fill(&t("case.sift.said"), &[("reference", reference)]),
        None => t("case.sift.no_reference"),
    };
    let suggestions = message
        .suggestions
        .iter()
        .map(|reference| view! { <li><a class="govuk-link" href=case_href(reference)>{reference.clone()}</a></li> })
        .collect_view();
    view! {
        <div class="govuk-summary-card" data-testid="waiting">
            <div class="govuk-summary-card__title-wrapper">
                <h2 class="govuk-summary-card__title">{message.subject.clone()}</h2>
            </div>
            <div class="govuk-summary-card__content">
                <p class="govuk-body-s">{fill(&t("case.sift.from"), &[("from", &message.from), ("when", &when(message.at))])}</p>
                <p class="govuk-body">{said}</p>
                {(!message.suggestions.is_empty()).then(|| view! {
                    <p class="govuk-body">{t("case.find.did_you_mean")}</p>
                    <ul class="govuk-list">{suggestions}</ul>
                })}
                {(!message.attachments.is_empty()).then(|| {
                    let items = message
                        .attachments
                        .iter()
                        .map(|attachment| match &attachment.refused {
                            Some(reason) => view! {
                                <li data-testid="refused-attachment">{fill(
                                    &t("case.message.attachment.refused"),
                                    &[("name", &attachment.file_name), ("reason", &t(reason))],
                                )}</li>
                            }
                            .into_any(),
                            None => view! { <li>{attachment.file_name.clone()}</li> }.into_any(),
                        })
                        .collect_view();
                    view! {
                        <h3 class="govuk-heading-s">{t("case.message.attachments")}</h3>
                        <ul class="govuk-list govuk-list--bullet">{items}</ul>
                    }
                })}
                <details class="govuk-details">
                    <summary class="govuk-details__summary"><span class="govuk-details__summary-text">{t("case.sift.read")}</span></summary>
                    <div class="govuk-details__text app-preserve-lines">{message.body.clone()}</div>
                </details>
                <form method="post" action=AttachMessage::url()>
                    <input type="hidden" name="message" value=message.id.clone()/>
                    {Field::new(field.clone(), t("case.sift.attach_label"))
                        .name("reference")
                        .hint(Some(t("case.find.hint")))
                        .error(problem(flash, &field))
                        .input(Input::new(typed(flash, &field, message.suggestions.first().map(String::as_str).unwrap_or(&typed_reference))))}
                    <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">{t("case.sift.attach")}</button>
                </form>
            </div>
        </div>
    }
}

fn page(view: CorrespondenceView, attached: Option<String>) -> impl IntoView {
    let flash = &view.flash;
    let title = page_title(&t("case.sift.title"), has_errors(flash));
    let messages = view
        .messages
        .iter()
        .map(|m| message(m, flash))
        .collect_view();
    let name = Some(view.me.name.clone());
    let content = view! {
            <a href="/staff" class="govuk-back-link">{t("common.back")}</a>
            {attached.map(|reference| view! {
                <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="attached-title">
                    <div class="govuk-notification-banner__header">
                        <h2 class="govuk-notification-banner__title" id="attached-title">{t("case.done.title")}</h2>
                    </div>
                    <div class="govuk-notification-banner__content">
                        <p class="govuk-notification-banner__heading">{fill(&t("case.sift.attached"), &[("reference", &reference)])}
                            " "<a class="govuk-link" href=case_href(&reference)>{t("case.sift.open_case")}</a></p>
                    </div>
                </div>
            })}
            {error_summary(flash)}
            <h1 class="govuk-heading-l">{t("case.sift.title")}</h1>
            <p class="govuk-body">{t("case.sift.lede")}</p>
            {if view.messages.is_empty() {
                view! { <p class="govuk-body">{t("case.sift.none")}</p> }.into_any()
            } else {
                messages.into_any()
            }}
    }
    .into_any();
    view! {
        <Title text=title/>
        <StaffLayout name=name>{content}</StaffLayout>
    }
}
