//! `/staff/nuisance/add`: a case officer adds a report that came by another channel (a letter, a
//! call to the helpline, an email to an officer) — manual §9: "add details to the reporting
//! tool". One page (staff know the questions); the public journey's validation.

use crate::components::query_param;
use leptos::prelude::*;
use leptos_meta::Title;
use server_fn::ServerFn;

use super::category_label;
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

/// Where the error summary sends each field's error.
fn target(field: &str) -> String {
    match field {
        "when" => "when.day".to_owned(),
        "channel" => "channel-text".to_owned(),
        "relationship" => "relationship-none".to_owned(),
        "scam" => "scam-yes".to_owned(),
        "preference_service" => "preference_service-yes".to_owned(),
        "categories" => "categories-accident_claims".to_owned(),
        other => other.to_owned(),
    }
}

fn group(error: &Option<String>) -> &'static str {
    if error.is_some() {
        "govuk-form-group govuk-form-group--error"
    } else {
        "govuk-form-group"
    }
}

fn error_line(id: &str, error: Option<String>) -> impl IntoView {
    let id = format!("{id}-error");
    error.map(|message| {
        view! {
            <p id=id class="govuk-error-message">
                <span class="govuk-visually-hidden">{t("error.prefix")}</span>{message}
            </p>
        }
    })
}

fn text_field(
    name: &'static str,
    flash: &FormFlash,
    hint: Option<String>,
    width: &'static str,
) -> impl IntoView {
    let error = flash.error(name).map(|key| t(&key));
    let described = error.as_ref().map(|_| format!("{name}-error"));
    view! {
        <div class=group(&error)>
            <label class="govuk-label" for=name>{t(&format!("intelligence.add.{name}"))}</label>
            {hint.map(|h| view! { <div class="govuk-hint">{h}</div> })}
            {error_line(name, error.clone())}
            <input class=format!("govuk-input {width}") id=name name=name type="text"
                value=flash.value(name).unwrap_or_default() aria-describedby=described/>
        </div>
    }
}

fn area(name: &'static str, flash: &FormFlash) -> impl IntoView {
    let error = flash.error(name).map(|key| t(&key));
    let described = error.as_ref().map(|_| format!("{name}-error"));
    view! {
        <div class=group(&error)>
            <label class="govuk-label" for=name>{t(&format!("intelligence.add.{name}"))}</label>
            {error_line(name, error.clone())}
            <textarea class="govuk-textarea" id=name name=name rows="4" aria-describedby=described>
                {crate::components::rcdata(flash.value(name).unwrap_or_default())}
            </textarea>
        </div>
    }
}

fn radios(name: &'static str, options: Vec<(String, String)>, flash: &FormFlash) -> impl IntoView {
    let error = flash.error(name).map(|key| t(&key));
    let chosen = flash.value(name).unwrap_or_default();
    let items = options
        .into_iter()
        .map(|(value, label)| {
            let id = format!("{name}-{value}");
            let checked = chosen == value;
            view! {
                <div class="govuk-radios__item">
                    <input class="govuk-radios__input" id=id.clone() name=name type="radio" value=value checked=checked/>
                    <label class="govuk-label govuk-radios__label" for=id>{label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class=group(&error)>
            <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t(&format!("intelligence.add.{name}"))}</legend>
                {error_line(name, error.clone())}
                <div class="govuk-radios govuk-radios--small">{items}</div>
            </fieldset>
        </div>
    }
}

fn when(flash: &FormFlash) -> impl IntoView {
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
    let part = |name: &'static str, width: &'static str| {
        let field = format!("when.{name}");
        let value = flash.value(name).unwrap_or_default();
        view! {
            <div class="govuk-date-input__item">
                <div class="govuk-form-group">
                    <label class="govuk-label govuk-date-input__label" for=field.clone()>{t(&format!("intelligence.add.when.{name}"))}</label>
                    <input class=format!("govuk-input govuk-date-input__input {width}") id=field name=name type="text" inputmode="numeric" value=value/>
                </div>
            </div>
        }
    };
    view! {
        <div class=group(&error)>
            <fieldset class="govuk-fieldset" role="group">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t("intelligence.add.when")}</legend>
                <div class="govuk-hint">{t("intelligence.add.when.hint")}</div>
                {error_line("when", error.clone())}
                <div class="govuk-date-input">
                    {part("day", "govuk-input--width-2")}
                    {part("month", "govuk-input--width-2")}
                    {part("year", "govuk-input--width-4")}
                    {part("hour", "govuk-input--width-2")}
                    {part("minute", "govuk-input--width-2")}
                </div>
            </fieldset>
        </div>
    }
}

fn categories(flash: &FormFlash) -> impl IntoView {
    let error = flash.error("categories").map(|key| t(&key));
    let chosen = flash.values_of("categories");
    let items = Category::all()
        .iter()
        .map(|category| {
            let id = format!("categories-{}", category.code());
            let checked = chosen.iter().any(|c| c == category.code());
            view! {
                <div class="govuk-checkboxes__item">
                    <input class="govuk-checkboxes__input" id=id.clone() name="categories[]" type="checkbox"
                        value=category.code() checked=checked/>
                    <label class="govuk-label govuk-checkboxes__label" for=id>{category_label(category.code())}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class=group(&error)>
            <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t("intelligence.add.categories")}</legend>
                {error_line("categories", error.clone())}
                <div class="govuk-checkboxes govuk-checkboxes--small">{items}</div>
            </fieldset>
        </div>
    }
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
