//! The summary page's forms: booking a callback (who would call and by when, whether the caller
//! waits or not) and passing on a request for prioritisation.

use leptos::prelude::*;
use server_fn::ServerFn;

use super::fields::{problem, reference_field, typed};
use crate::components::fields::{Choices, Field, Input, Textarea};
use crate::domain::helpline::{callback_offer, CallbackOffer, CallbackPlan};
use crate::i18n::{long_date, t, tf};
use crate::pages::case::due_tag;
use crate::server_fns::helpline::{BookCallback, RequestPriority, SummaryView};

/// Who would call back under a plan, in words.
fn plan_words(plan: &CallbackPlan) -> String {
    match plan.after_return {
        Some(back) => tf(
            "helpline.plan.after_return",
            &[
                ("name", &plan.name),
                ("back", &long_date(back)),
                ("due", &long_date(plan.due_on)),
            ],
        ),
        None if plan.passed_over.is_empty() => tf(
            "helpline.plan.in",
            &[("name", &plan.name), ("due", &long_date(plan.due_on))],
        ),
        None => tf(
            "helpline.plan.escalated",
            &[
                ("name", &plan.name),
                ("due", &long_date(plan.due_on)),
                ("passed", &plan.passed_over.join(", ")),
            ],
        ),
    }
}

/// "Will the caller wait?" asked only when the answers lead to different callbacks; else the
/// one callback that can be booked, in words, with why the other answer cannot be (a hidden
/// answer posts what it is booked under).
fn waits_field(view: &SummaryView, offer: CallbackOffer<String>) -> AnyView {
    let flash = &view.flash;
    match offer {
        CallbackOffer::Ask { if_waits, if_not } => {
            let options = vec![
                (
                    "yes".to_owned(),
                    tf(
                        "helpline.callback.waits.yes",
                        &[("plan", &plan_words(&if_waits))],
                    ),
                ),
                (
                    "no".to_owned(),
                    tf(
                        "helpline.callback.waits.no",
                        &[("plan", &plan_words(&if_not))],
                    ),
                ),
            ];
            Field::new("waits", t("helpline.callback.waits"))
                .error(problem(flash, "waits"))
                .choices(Choices::radios(options, Some(typed(flash, "waits", ""))).small())
                .into_any()
        }
        CallbackOffer::One { plan, waits, other } => {
            let other = other.map(|key| {
                let words = if waits { "helpline.callback.only_if_waits" } else { "helpline.callback.only_if_not" };
                view! { <p class="govuk-body" data-testid="callback-other">{tf(words, &[("reason", &t(&key))])}</p> }
            });
            view! {
                <input type="hidden" name="waits" value=if waits { "yes" } else { "no" }/>
                <p class="govuk-body" data-testid="callback-plan">{plan_words(&plan)}</p>
                {other}
            }
            .into_any()
        }
        CallbackOffer::Nothing(_) => ().into_any(),
    }
}

/// Why no callback can be booked, and what to do instead.
fn no_callback(reasons: &[String]) -> AnyView {
    let reasons = reasons
        .iter()
        .map(|key| view! { <p class="govuk-body">{t(key)}</p> })
        .collect_view();
    view! {
        <div class="govuk-inset-text" data-testid="no-callback">
            <p class="govuk-body">{t("helpline.callback.none_possible")}</p>
            {reasons}
        </div>
    }
    .into_any()
}

fn arranged(view: &SummaryView) -> AnyView {
    if view.callbacks.is_empty() {
        return view! { <p class="govuk-body">{t("helpline.callbacks.none_on_case")}</p> }
            .into_any();
    }
    let rows = view
        .callbacks
        .iter()
        .map(|callback| {
            view! {
                <tr class="govuk-table__row" data-testid="callback">
                    <td class="govuk-table__cell">{callback.staff_name.clone()}</td>
                    <td class="govuk-table__cell">{due_tag(callback.due_on, view.today)}</td>
                    <td class="govuk-table__cell">{callback.caller_name.clone()}</td>
                    <td class="govuk-table__cell">{t(&format!("helpline.callback.status.{}", callback.status))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--s">{t("helpline.callbacks.on_case")}</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">{t("helpline.callbacks.col.who")}</th>
                <th scope="col" class="govuk-table__header">{t("helpline.callbacks.col.due")}</th>
                <th scope="col" class="govuk-table__header">{t("helpline.callbacks.col.caller")}</th>
                <th scope="col" class="govuk-table__header">{t("helpline.callbacks.col.status")}</th>
            </tr></thead>
            <tbody class="govuk-table__body">{rows}</tbody>
        </table>
    }
    .into_any()
}

fn booking_form(view: &SummaryView, offer: CallbackOffer<String>) -> AnyView {
    let flash = &view.flash;
    let customer = view.callers.iter().find(|c| c.role != "organisation");
    let stored_name = customer.map(|c| c.name.clone()).unwrap_or_default();
    let stored_phone = customer.and_then(|c| c.phone.clone()).unwrap_or_default();
    view! {
        <form method="post" action=BookCallback::url() novalidate>
            {reference_field(&view.reference)}
            {Field::new("caller", t("helpline.callback.caller"))
                .error(problem(flash, "caller"))
                .input(Input::new(typed(flash, "caller", &stored_name)))}
            {Field::new("phone", t("helpline.callback.phone"))
                .error(problem(flash, "phone"))
                .input(Input::new(typed(flash, "phone", &stored_phone)))}
            {waits_field(view, offer)}
            {Field::new("note", t("helpline.callback.note"))
                .hint(Some(t("helpline.callback.note_hint")))
                .error(problem(flash, "note"))
                .textarea(Textarea::new(typed(flash, "note", ""), 3))}
            <button type="submit" class="govuk-button" data-module="govuk-button">{t("helpline.callback.submit")}</button>
        </form>
    }
    .into_any()
}

/// Callbacks arranged on the case, and the booking form (none when 'no further contact').
pub fn callbacks(view: &SummaryView) -> AnyView {
    let offer = callback_offer(view.plan_if_waits.clone(), view.plan_if_not.clone());
    // The queue's lead is named only when there is one to take the call.
    let lead = (view.first_is_lead && !matches!(offer, CallbackOffer::Nothing(_)))
        .then(|| view! { <p class="govuk-body">{t("helpline.callback.lead")}</p> });
    let form = match offer {
        _ if view.nfc => view! { <p class="govuk-body" data-testid="nfc-no-callback">{t("helpline.callback.nfc")}</p> }.into_any(),
        CallbackOffer::Nothing(reasons) => no_callback(&reasons),
        offer => booking_form(view, offer),
    };
    view! {
        <h2 class="govuk-heading-m" id="callbacks">{t("helpline.callbacks.title")}</h2>
        {arranged(view)}
        {lead}
        {form}
    }
    .into_any()
}

/// Prioritisation requests on the case, and the form for a new one.
pub fn priority(view: &SummaryView) -> AnyView {
    let flash = &view.flash;
    let requests = view
        .priority_requests
        .iter()
        .map(|request| {
            let status = t(&format!("helpline.priority.status.{}", request.status));
            view! {
                <li data-testid="priority-request">{tf("helpline.priority.line", &[("manager", &request.manager_name), ("status", &status)])}</li>
            }
        })
        .collect_view();
    view! {
        <h2 class="govuk-heading-m" id="priority">{t("helpline.priority.title")}</h2>
        <p class="govuk-body">{t("helpline.priority.lede")}</p>
        <ul class="govuk-list">{requests}</ul>
        <form method="post" action=RequestPriority::url() novalidate>
            {reference_field(&view.reference)}
            {Field::new("reasons", t("helpline.priority.reasons"))
                .hint(Some(t("helpline.priority.reasons_hint")))
                .error(problem(flash, "reasons"))
                .textarea(Textarea::new(typed(flash, "reasons", ""), 4))}
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">{t("helpline.priority.submit")}</button>
        </form>
    }
    .into_any()
}
