//! `/staff/callbacks`: the calls an officer (and a manager's team) is to return, soonest first,
//! each due or overdue, with a form to record the result of each attempt on the case.

use crate::components::query_param;
use leptos::prelude::*;
use leptos_meta::Title;
use server_fn::ServerFn;

use super::done_banner;
use super::fields::{problem, typed};
use crate::components::fields::{Choices, Field, Textarea};
use crate::components::ErrorSummary;
use crate::i18n::{t, tf};
use crate::pages::case::due_tag;
use crate::pages::staff::{page_title, staff_page, StaffLayout};
use crate::server_fns::helpline::{
    load_callbacks, CallbackRow, CallbacksView, RecordAttempt, ATTEMPT_RESULTS,
};
use crate::server_fns::staff::FormFlash;

#[component]
pub fn CallbacksPage() -> impl IntoView {
    let done = query_param("done");
    staff_page(
        load_callbacks(),
        "/staff/callbacks".to_owned(),
        move |view| page(view, done).into_any(),
    )
}

fn attempt_form(callback: &CallbackRow, flash: &Option<FormFlash>) -> AnyView {
    let result_id = format!("result-{}", callback.id);
    let note_id = format!("note-{}", callback.id);
    let options = ATTEMPT_RESULTS
        .iter()
        .map(|code| {
            (
                (*code).to_owned(),
                t(&format!("helpline.attempt.result.{code}")),
            )
        })
        .collect();
    view! {
        <form method="post" action=RecordAttempt::url() novalidate>
            <input type="hidden" name="callback" value=callback.id.clone()/>
            {Field::new(result_id.clone(), t("helpline.attempt.result"))
                .name("result")
                .error(problem(flash, &result_id))
                .choices(Choices::radios(options, Some(typed(flash, &result_id, ""))).small())}
            {Field::new(note_id.clone(), t("helpline.attempt.note"))
                .name("note")
                .error(problem(flash, &note_id))
                .textarea(Textarea::new(typed(flash, &note_id, ""), 2))}
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">{t("helpline.attempt.submit")}</button>
        </form>
    }
    .into_any()
}

fn card(callback: &CallbackRow, view: &CallbacksView) -> AnyView {
    let open = callback.status == "open";
    let passed = (!callback.passed_over.is_empty()).then(|| {
        tf(
            "helpline.callbacks.passed_over",
            &[("names", &callback.passed_over.join(", "))],
        )
    });
    let last = callback.last_result.as_ref().map(|code| {
        tf(
            "helpline.callbacks.last",
            &[
                ("result", &t(&format!("helpline.attempt.result.{code}"))),
                ("n", &callback.attempts.to_string()),
            ],
        )
    });
    let due = if open {
        due_tag(callback.due_on, view.today).into_any()
    } else {
        t("helpline.callback.status.done").into_any()
    };
    view! {
        <div class="govuk-summary-card" data-testid="callback">
            <div class="govuk-summary-card__title-wrapper">
                <h2 class="govuk-summary-card__title">
                    <a class="govuk-link" href=format!("/staff/cases/{}", callback.reference)>{callback.reference.clone()}</a>
                </h2>
            </div>
            <div class="govuk-summary-card__content">
                <dl class="govuk-summary-list">
                    <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{t("helpline.callbacks.col.due")}</dt><dd class="govuk-summary-list__value">{due}</dd></div>
                    <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{t("helpline.callbacks.col.who")}</dt><dd class="govuk-summary-list__value">{callback.staff_name.clone()}</dd></div>
                    <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{t("helpline.callbacks.col.caller")}</dt><dd class="govuk-summary-list__value">{format!("{} ({})", callback.caller_name, callback.phone)}</dd></div>
                    <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{t("helpline.callbacks.col.note")}</dt><dd class="govuk-summary-list__value app-preserve-lines">{callback.note.clone()}</dd></div>
                </dl>
                {passed.map(|passed| view! { <p class="govuk-body-s">{passed}</p> })}
                {last.map(|last| view! { <p class="govuk-body-s">{last}</p> })}
                {open.then(|| attempt_form(callback, &view.flash))}
            </div>
        </div>
    }
    .into_any()
}

fn page(view: CallbacksView, done: Option<String>) -> impl IntoView {
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
    let title = page_title(&t("helpline.callbacks.page_title"), !errors.is_empty());
    let cards = view.callbacks.iter().map(|c| card(c, &view)).collect_view();
    let none = view.callbacks.is_empty();
    let name = Some(view.me.name.clone());
    let content = view! {
        <a href="/staff" class="govuk-back-link">{t("common.back")}</a>
        {done_banner(done)}
        <ErrorSummary errors/>
        <h1 class="govuk-heading-l">{t("helpline.callbacks.page_title")}</h1>
        <p class="govuk-body">{t("helpline.callbacks.lede")}</p>
        {if none {
            view! { <p class="govuk-body">{t("helpline.callbacks.none")}</p> }.into_any()
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
