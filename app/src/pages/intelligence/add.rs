//! `/staff/nuisance/add`: a case officer adds a report that came by another channel (a letter, a
//! call to the helpline, an email to an officer) — manual §9: "add details to the reporting
//! tool". One page (staff know the questions); the public journey's validation.

use crate::components::query_param;
use leptos::prelude::*;
use leptos_meta::Title;
use server_fn::ServerFn;

use super::category_label;
use crate::components::fields::{Choices, DatePart, Field, Input, Textarea};
use crate::components::ErrorSummary;
use crate::domain::nuisance::{Category, Channel, Relationship, YesNoUnsure};
use crate::i18n::{t, tf};
use crate::pages::staff::{page_title, staff_page, StaffLayout};
use crate::server_fns::intelligence::{load_add_report, AddReport, AddReportView};
use crate::server_fns::staff::FormFlash;

#[component]
pub fn AddReportPage() -> impl IntoView {
    let added = query_param("added");
    staff_page(
        load_add_report(),
        "/staff/nuisance/add".to_owned(),
        move |view| form(view, added).into_any(),
    )
}

/// Where the error summary sends each field's error: the date's first box; every other field's
/// id is its name.
fn target(field: &str) -> String {
    if field == "when" || field.starts_with("when.") {
        "when-day".to_owned()
    } else {
        field.to_owned()
    }
}

/// The question for `name`: its label, and the problem the refused form had with it.
fn question(name: &'static str, flash: &FormFlash) -> Field {
    Field::new(name, t(&format!("intelligence.add.{name}")))
        .error(flash.error(name).map(|key| t(&key)))
}

fn text_field(
    name: &'static str,
    flash: &FormFlash,
    hint: Option<String>,
    width: &'static str,
) -> AnyView {
    question(name, flash)
        .hint(hint)
        .input(Input::new(flash.value(name).unwrap_or_default()).width(width))
}

fn area(name: &'static str, flash: &FormFlash) -> AnyView {
    question(name, flash).textarea(Textarea::new(flash.value(name).unwrap_or_default(), 4))
}

fn radios(name: &'static str, options: Vec<(String, String)>, flash: &FormFlash) -> AnyView {
    question(name, flash).choices(Choices::radios(options, flash.value(name)).small())
}

/// The date and the optional time: boxes `when-day` … `when-minute`, posting `day` … `minute`.
fn when(flash: &FormFlash) -> AnyView {
    let error = [
        "when",
        "when.day",
        "when.month",
        "when.year",
        "when.hour",
        "when.minute",
    ]
    .iter()
    .find_map(|field| flash.error(field))
    .map(|key| t(&key));
    let parts = ["day", "month", "year", "hour", "minute"]
        .into_iter()
        .map(|unit| {
            let label = t(&format!("intelligence.add.when.{unit}"));
            DatePart::dashed("when", unit, label, flash.value(unit).unwrap_or_default())
        })
        .collect();
    Field::new("when", t("intelligence.add.when"))
        .hint(Some(t("intelligence.add.when.hint")))
        .error(error)
        .date(parts)
}

fn categories(flash: &FormFlash) -> AnyView {
    let options = Category::all()
        .iter()
        .map(|category| (category.code().to_owned(), category_label(category.code())))
        .collect();
    question("categories", flash)
        .name("categories[]")
        .choices(Choices::checkboxes(options, flash.values_of("categories")).small())
}

fn form(view: AddReportView, added: Option<String>) -> impl IntoView {
    let flash = view.flash.unwrap_or_default();
    let title = t("intelligence.add.title");
    let errors: Vec<(String, String)> = flash
        .errors
        .iter()
        .map(|(field, key)| (target(field), t(key)))
        .collect();
    let page = page_title(&title, !errors.is_empty());
    let channels = Channel::all()
        .iter()
        .map(|c| {
            (
                c.code().to_owned(),
                t(&format!("nuisance.channel.{}", c.code())),
            )
        })
        .collect();
    let yes_no = || {
        YesNoUnsure::all()
            .iter()
            .map(|a| {
                (
                    a.code().to_owned(),
                    t(&format!("nuisance.answer.{}", a.code())),
                )
            })
            .collect::<Vec<_>>()
    };
    let relationships = Relationship::all()
        .iter()
        .map(|r| {
            (
                r.code().to_owned(),
                t(&format!("nuisance.relationship.{}", r.code())),
            )
        })
        .collect();
    let added = added.filter(|_| errors.is_empty()).map(|id| {
        view! {
            <div class="govuk-notification-banner govuk-notification-banner--success" role="alert"
                aria-labelledby="added-title" data-module="govuk-notification-banner">
                <div class="govuk-notification-banner__header">
                    <h2 class="govuk-notification-banner__title" id="added-title">{t("intelligence.add.done_title")}</h2>
                </div>
                <div class="govuk-notification-banner__content">
                    <p class="govuk-notification-banner__heading">{tf("intelligence.add.done", &[("id", &id)])}</p>
                </div>
            </div>
        }
    });
    view! {
        <Title text=page/>
        <StaffLayout name=Some(view.me.name.clone())>
            <a href="/staff/nuisance" class="govuk-back-link">{t("common.back")}</a>
            {added}
            <ErrorSummary errors/>
            <h1 class="govuk-heading-l">{title}</h1>
            <p class="govuk-body">{t("intelligence.add.lede")}</p>
            <form method="post" action=AddReport::url() novalidate>
                <input type="hidden" name="token" value=view.token/>
                {radios("channel", channels, &flash)}
                {when(&flash)}
                {text_field("sender", &flash, Some(t("intelligence.add.sender.hint")), "govuk-!-width-one-half")}
                {text_field("contacted_on", &flash, Some(t("intelligence.add.contacted_on.hint")), "govuk-!-width-one-half")}
                {area("message_text", &flash)}
                {text_field("company", &flash, None, "govuk-!-width-two-thirds")}
                {categories(&flash)}
                {radios("scam", yes_no(), &flash)}
                {radios("relationship", relationships, &flash)}
                {radios("preference_service", yes_no(), &flash)}
                {area("description", &flash)}
                <button type="submit" class="govuk-button">{t("intelligence.add.submit")}</button>
            </form>
        </StaffLayout>
    }
}
