//! `/staff/priority-requests`: the prioritisation requests passed to the signed-in manager, each
//! granted (priority raised to high) or declined with a reason.

use crate::components::query_param;
use leptos::prelude::*;
use leptos_meta::Title;
use server_fn::ServerFn;

use super::done_banner;
use super::fields::{problem, typed};
use crate::components::fields::{Choices, Field, Textarea};
use crate::components::ErrorSummary;
use crate::i18n::{t, tf};
use crate::pages::case::when;
use crate::pages::staff::{page_title, staff_page, StaffLayout};
use crate::server_fns::helpline::{
    load_priority_requests, DecidePriority, PriorityRequestRow, PriorityRequestsView,
};
use crate::server_fns::staff::FormFlash;

#[component]
pub fn PriorityRequestsPage() -> impl IntoView {
    let done = query_param("done");
    staff_page(
        load_priority_requests(),
        "/staff/priority-requests".to_owned(),
        move |view| page(view, done).into_any(),
    )
}

fn decide_form(request: &PriorityRequestRow, flash: &Option<FormFlash>) -> AnyView {
    let decision_id = format!("decision-{}", request.id);
    let reason_id = format!("reason-{}", request.id);
    let options = vec![
        ("grant".to_owned(), t("helpline.decide.grant")),
        ("decline".to_owned(), t("helpline.decide.decline")),
    ];
    view! {
        <form method="post" action=DecidePriority::url() novalidate>
            <input type="hidden" name="request" value=request.id.clone()/>
            {Field::new(decision_id.clone(), t("helpline.decide.legend"))
                .name("decision")
                .error(problem(flash, &decision_id))
                .choices(Choices::radios(options, Some(typed(flash, &decision_id, ""))).small())}
            {Field::new(reason_id.clone(), t("helpline.decide.reason"))
                .name("reason")
                .hint(Some(t("helpline.decide.reason_hint")))
                .error(problem(flash, &reason_id))
                .textarea(Textarea::new(typed(flash, &reason_id, ""), 3))}
            <button type="submit" class="govuk-button" data-module="govuk-button">{t("helpline.decide.submit")}</button>
        </form>
    }
    .into_any()
}

fn card(request: &PriorityRequestRow, flash: &Option<FormFlash>) -> AnyView {
    let pending = request.status == "pending";
    let status = t(&format!("helpline.priority.status.{}", request.status));
    let asked = tf(
        "helpline.decide.asked",
        &[
            ("who", &request.requested_by),
            ("when", &when(request.requested_at)),
        ],
    );
    view! {
        <div class="govuk-summary-card" data-testid="priority-request">
            <div class="govuk-summary-card__title-wrapper">
                <h2 class="govuk-summary-card__title">
                    <a class="govuk-link" href=format!("/staff/cases/{}", request.reference)>{request.reference.clone()}</a>
                </h2>
                <strong class="govuk-tag">{status}</strong>
            </div>
            <div class="govuk-summary-card__content">
                <p class="govuk-body-s">{asked}</p>
                <p class="govuk-body app-preserve-lines">{request.reasons.clone()}</p>
                {request.decline_reason.clone().map(|reason| view! { <p class="govuk-body">{tf("helpline.decide.declined_because", &[("reason", &reason)])}</p> })}
                {pending.then(|| decide_form(request, flash))}
            </div>
        </div>
    }
    .into_any()
}

fn page(view: PriorityRequestsView, done: Option<String>) -> impl IntoView {
    let flash = &view.flash;
    let errors: Vec<(String, String)> = flash
        .as_ref()
        .map(|flash| {
            flash
                .errors
                .iter()
                .map(|(f, k)| (f.clone(), t(k)))
                .collect()
        })
        .unwrap_or_default();
    let title = page_title(&t("helpline.decide.title"), !errors.is_empty());
    let cards = view.requests.iter().map(|r| card(r, flash)).collect_view();
    let none = view.requests.is_empty();
    let name = Some(view.me.name.clone());
    let content = view! {
        <a href="/staff" class="govuk-back-link">{t("common.back")}</a>
        {done_banner(done)}
        <ErrorSummary errors/>
        <h1 class="govuk-heading-l">{t("helpline.decide.title")}</h1>
        {if none {
            view! { <p class="govuk-body">{t("helpline.decide.none")}</p> }.into_any()
        } else {
            cards.into_any()
        }}
    }
    .into_any();
    view! {
        <Title text=title/>
        <StaffLayout name=name>{content}</StaffLayout>
    }
}
