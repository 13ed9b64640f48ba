//! `/staff/nfc/<reference>`: a manager marks a closed case 'no further contact', with the reason.

use crate::components::{path_param, query_param};
use leptos::prelude::*;
use leptos_meta::Title;
use server_fn::ServerFn;

use super::done_banner;
use super::fields::{problem, reference_field, typed};
use crate::components::fields::{Field, Textarea};
use crate::components::ErrorSummary;
use crate::domain::case::CaseStatus;
use crate::i18n::{t, tf};
use crate::pages::staff::{page_title, staff_page, StaffLayout};
use crate::server_fns::helpline::{load_nfc, nfc_href, MarkNfc, NfcView};

#[component]
pub fn NfcPage() -> impl IntoView {
    let reference = path_param("reference");
    let done = query_param("done");
    let path = nfc_href(&reference);
    staff_page(load_nfc(reference), path, move |view| {
        page(view, done).into_any()
    })
}

fn form(view: &NfcView) -> AnyView {
    let flash = &view.flash;
    if view.status != CaseStatus::Closed {
        return view! { <p class="govuk-body">{t("helpline.nfc.open")}</p> }.into_any();
    }
    let about = tf("helpline.nfc.about", &[("reference", &view.reference)]);
    view! {
        <p class="govuk-body" data-testid="confirm-about">{about}</p>
        <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
            <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">{t("case.warning")}</span>
                {t("helpline.nfc.will")}
            </strong>
        </div>
        <form method="post" action=MarkNfc::url() novalidate>
            {reference_field(&view.reference)}
            {Field::new("reason", t("helpline.nfc.reason"))
                .hint(Some(t("helpline.nfc.reason_hint")))
                .error(problem(flash, "reason"))
                .textarea(Textarea::new(typed(flash, "reason", ""), 4))}
            <div class="govuk-button-group">
                <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">{t("helpline.nfc.submit")}</button>
                <a class="govuk-link" href=format!("/staff/cases/{}", view.reference)>{t("helpline.nfc.cancel")}</a>
            </div>
        </form>
    }
    .into_any()
}

fn page(view: NfcView, done: Option<String>) -> impl IntoView {
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
    let heading = tf("helpline.nfc.title", &[("reference", &view.reference)]);
    let title = page_title(&heading, !errors.is_empty());
    let current = view
        .current
        .clone()
        .map(|reason| view! { <p class="govuk-inset-text" data-testid="nfc-current">{tf("helpline.nfc.current", &[("reason", &reason)])}</p> });
    let name = Some(view.me.name.clone());
    let content = view! {
        <a href=format!("/staff/cases/{}", view.reference) class="govuk-back-link">{t("common.back")}</a>
        {done_banner(done)}
        <ErrorSummary errors/>
        <h1 class="govuk-heading-l">{heading}</h1>
        <p class="govuk-body">{t("helpline.nfc.lede")}</p>
        {current}
        {form(&view)}
    }
    .into_any();
    view! {
        <Title text=title/>
        <StaffLayout name=name>{content}</StaffLayout>
    }
}
