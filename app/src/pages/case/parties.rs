//! The case page's parties (manual §5): contact details, reasonable adjustments, restricted
//! contact and single point of contact arrangements (changed with a reason), the directory
//! entry an organisation is, possible duplicate records with the merge into a main record, and
//! adding a party.

use leptos::prelude::*;
use server_fn::ServerFn;

use super::fields::{problem, reference_field, typed};
use crate::components::fields::{Choices, Field, Input, Textarea};
use crate::i18n::{fill, t};
use crate::server_fns::case::{
    AddParty, CasePageView, ChangeParty, DuplicateView, MergeParty, PartyView,
};

fn row(label: String, value: String) -> AnyView {
    view! {
        <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{label}</dt>
            <dd class="govuk-summary-list__value app-preserve-lines">{value}</dd>
        </div>
    }
    .into_any()
}

fn merge_forms(reference: &str, party: &PartyView, duplicate: &DuplicateView) -> AnyView {
    let why = duplicate
        .evidence
        .iter()
        .map(|evidence| t(&format!("case.evidence.{}", evidence.code())))
        .collect::<Vec<_>>()
        .join(", ");
    let other = fill(
        &t("case.duplicate.other"),
        &[
            ("name", &duplicate.name),
            ("reference", &duplicate.reference),
        ],
    );
    let form = |main: &str, dup: &str, label: String, class: &'static str| {
        view! {
            <form method="post" action=MergeParty::url() class="app-inline-form">
                {reference_field(reference)}
                <input type="hidden" name="main" value=main.to_owned()/>
                <input type="hidden" name="duplicate" value=dup.to_owned()/>
                <button type="submit" class=class data-module="govuk-button">{label}</button>
            </form>
        }
    };
    view! {
        <li data-testid="duplicate">
            <p class="govuk-body">{other}" — "{why}
                {duplicate.email.clone().map(|email| format!(" ({email})"))}</p>
            {duplicate.mergeable.then(|| view! { <div class="govuk-button-group">
                {form(&party.id, &duplicate.party_id, fill(&t("case.merge.keep_this"), &[("reference", &duplicate.reference)]), "govuk-button govuk-button--secondary")}
                {form(&duplicate.party_id, &party.id, fill(&t("case.merge.keep_other"), &[("reference", &duplicate.reference)]), "govuk-button govuk-button--secondary")}
            </div> })}
        </li>
    }
    .into_any()
}

fn party_card(view: &CasePageView, party: &PartyView) -> AnyView {
    let reference = view.case.record.reference.clone();
    let flash = &view.flash;
    let none = t("case.party.none");
    let id = party.id.clone();
    let (restricted_id, single_id, reason_id) = (
        format!("restricted-{id}"),
        format!("single-{id}"),
        format!("reason-{id}"),
    );
    let open_form = [&restricted_id, &single_id, &reason_id]
        .iter()
        .any(|field| problem(flash, field).is_some());
    let directory = party.directory.as_ref().map(|entry| {
        let key = if entry.linked {
            "case.party.directory.linked"
        } else {
            "case.party.directory.probable"
        };
        fill(
            &t(key),
            &[
                ("name", &entry.name),
                ("id", &entry.id),
                ("sector", &t(&format!("sector.{}", entry.sector))),
            ],
        )
    });
    let duplicates = party
        .duplicates
        .iter()
        .map(|duplicate| merge_forms(&reference, party, duplicate))
        .collect_view();
    let heading = format!(
        "{} — {}",
        t(&format!("case.party.role.{}", party.role)),
        party.name
    );
    view! {
        <div class="govuk-summary-card" data-testid="party">
            <div class="govuk-summary-card__title-wrapper">
                <h3 class="govuk-summary-card__title">{heading}</h3>
            </div>
            <div class="govuk-summary-card__content">
                <dl class="govuk-summary-list app-summary-list--columns">
                    {row(t("case.party.email"), party.email.clone().unwrap_or_else(|| none.clone()))}
                    {row(t("case.party.phone"), party.phone.clone().unwrap_or_else(|| none.clone()))}
                    {party.address.clone().map(|address| row(t("case.party.address"), address))}
                    {row(t("case.party.adjustments"), party.adjustments.clone().unwrap_or_else(|| t("case.party.no_adjustments")))}
                    {party.reply_in_welsh.then(|| row(t("case.party.welsh"), t("case.yes")))}
                    {row(t("case.party.restricted"), party.restricted_contact.clone().unwrap_or_else(|| none.clone()))}
                    {row(t("case.party.single"), party.single_point_of_contact.clone().unwrap_or_else(|| none.clone()))}
                    {directory.map(|text| row(t("case.party.directory"), text))}
                    {row(t("case.party.cases"), party.cases.to_string())}
                    {party.linked.then(|| row(t("case.party.linked"), t("case.party.linked_text")))}
                </dl>
                {(!party.duplicates.is_empty()).then(|| view! {
                    <h4 class="govuk-heading-s">{t("case.duplicate.heading")}</h4>
                    <p class="govuk-body">{t("case.duplicate.lede")}</p>
                    <ul class="govuk-list">{duplicates}</ul>
                })}
                <details class="govuk-details" open=open_form>
                    <summary class="govuk-details__summary">
                        <span class="govuk-details__summary-text">{fill(&t("case.party.change"), &[("name", &party.name)])}</span>
                    </summary>
                    <div class="govuk-details__text">
                        <form method="post" action=ChangeParty::url()>
                            {reference_field(&reference)}
                            <input type="hidden" name="party" value=id.clone()/>
                            {Field::new(restricted_id.clone(), t("case.party.restricted"))
                                .name("restricted_contact")
                                .hint(Some(t("case.party.restricted_hint")))
                                .error(problem(flash, &restricted_id))
                                .textarea(Textarea::new(typed(flash, &restricted_id, party.restricted_contact.as_deref().unwrap_or_default()), 2))}
                            {Field::new(single_id.clone(), t("case.party.single"))
                                .name("single_point_of_contact")
                                .hint(Some(t("case.party.single_hint")))
                                .error(problem(flash, &single_id))
                                .textarea(Textarea::new(typed(flash, &single_id, party.single_point_of_contact.as_deref().unwrap_or_default()), 2))}
                            {Field::new(reason_id.clone(), t("case.party.reason"))
                                .name("reason")
                                .error(problem(flash, &reason_id))
                                .input(Input::new(typed(flash, &reason_id, "")))}
                            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">{t("case.party.change_submit")}</button>
                        </form>
                    </div>
                </details>
            </div>
        </div>
    }
    .into_any()
}

fn add_form(view: &CasePageView) -> AnyView {
    let flash = &view.flash;
    let roles = ["customer", "representative", "organisation", "reporter"]
        .iter()
        .map(|role| ((*role).to_owned(), t(&format!("case.party.role.{role}"))))
        .collect();
    let open = ["party-role", "party-name", "party-email", "party-phone"]
        .iter()
        .any(|field| problem(flash, field).is_some());
    view! {
        <details class="govuk-details" open=open>
            <summary class="govuk-details__summary"><span class="govuk-details__summary-text">{t("case.party.add")}</span></summary>
            <div class="govuk-details__text">
                <form method="post" action=AddParty::url()>
                    {reference_field(&view.case.record.reference)}
                    {Field::new("party-role", t("case.party.role"))
                        .name("role")
                        .error(problem(flash, "party-role"))
                        .choices(Choices::radios(roles, Some(typed(flash, "party-role", ""))).small())}
                    {Field::new("party-name", t("case.party.name"))
                        .name("name")
                        .error(problem(flash, "party-name"))
                        .input(Input::new(typed(flash, "party-name", "")))}
                    {Field::new("party-email", t("case.party.email"))
                        .name("email")
                        .hint(Some(t("case.party.optional")))
                        .error(problem(flash, "party-email"))
                        .input(Input::new(typed(flash, "party-email", "")))}
                    {Field::new("party-phone", t("case.party.phone"))
                        .name("phone")
                        .hint(Some(t("case.party.optional")))
                        .error(problem(flash, "party-phone"))
                        .input(Input::new(typed(flash, "party-phone", "")))}
                    <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">{t("case.party.add_submit")}</button>
                </form>
            </div>
        </details>
    }
    .into_any()
}

pub fn parties(view: &CasePageView) -> AnyView {
    let cards = view
        .case
        .parties
        .iter()
        .map(|party| party_card(view, party))
        .collect_view();
    view! {
        <h2 class="govuk-heading-m" id="parties">{t("case.party.heading")}</h2>
        {problem(&view.flash, "parties").map(|message| view! { <p class="govuk-error-message">{message}</p> })}
        {cards}
        {add_form(view)}
    }
    .into_any()
}
