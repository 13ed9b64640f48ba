//! `/staff/cases/<reference>/email`: the officer emails a party from the case. A plain GET form
//! chooses the party and template; the draft is then edited and sent (subject carries the
//! reference, the body ends with the officer's sign-off).

use crate::components::{path_param, query_param};
use leptos::prelude::*;
use server_fn::ServerFn;

use super::confirm::{confirm_frame, ConfirmFrame};
use super::fields::{problem, reference_field, typed};
use super::has_errors;
use crate::components::fields::{Choices, Field, Input, Textarea};
use crate::domain::case::{reference_tag, EmailTemplate};
use crate::i18n::{fill, t};
use crate::pages::staff::{page_title, staff_page};
use crate::server_fns::case::{case_href, load_email, EmailPageView, SendEmail};

#[component]
pub fn EmailPage() -> impl IntoView {
    let reference = path_param("reference");
    let path = format!("{}/email", case_href(&reference));
    let load = load_email(reference, query_param("party"), query_param("template"));
    staff_page(load, path, |view| page(view).into_any())
}

fn page(view: EmailPageView) -> impl IntoView {
    let EmailPageView {
        page: case_page,
        party_id,
        template,
        subject,
        body,
    } = view;
    let flash = &case_page.flash;
    let reference = case_page.case.record.reference.clone();
    let href = case_href(&reference);
    let title = page_title(&t("case.email.title"), has_errors(flash));
    let parties: Vec<(String, String)> = case_page
        .case
        .parties
        .iter()
        .filter_map(|party| {
            let email = party.email.as_ref()?;
            Some((
                party.id.clone(),
                format!(
                    "{} — {} ({email})",
                    party.name,
                    t(&format!("case.party.role.{}", party.role))
                ),
            ))
        })
        .collect();
    let templates = EmailTemplate::for_case_type(case_page.case.record.case_type)
        .into_iter()
        .map(|template| {
            (
                template.code().to_owned(),
                t(&format!("case.email.template.{}", template.code())),
            )
        })
        .collect();
    let chosen_party = typed(flash, "party", &party_id);
    let (job_title, direct_dial) = case_page.sign_off.clone();
    let sign_off = fill(
        &t("case.email.sign_off_preview"),
        &[("name", &case_page.me.name)],
    );
    let no_parties = parties.is_empty();
    let body = if no_parties {
        view! { <p class="govuk-body">{t("case.email.no_parties")}</p> }.into_any()
    } else {
        view! {
                        <form method="get" action=format!("{href}/email")>
                            {Field::new("choose-party", t("case.email.party"))
                                .name("party")
                                .choices(Choices::radios(parties.clone(), Some(chosen_party.clone())).small())}
                            {Field::new("choose-template", t("case.email.template"))
                                .name("template")
                                .choices(Choices::radios(templates, Some(template.clone())).small())}
                            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">{t("case.email.use_template")}</button>
                        </form>
                        <form method="post" action=SendEmail::url()>
                            {reference_field(&reference)}
                            <input type="hidden" name="party" value=chosen_party.clone()/>
                            {problem(flash, "party").map(|message| view! { <p class="govuk-error-message" id="party">{message}</p> })}
                            {Field::new("subject", t("case.email.subject"))
                                .hint(Some(fill(&t("case.email.subject_hint"), &[("tag", &reference_tag(&reference))])))
                                .error(problem(flash, "subject"))
                                .input(Input::new(typed(flash, "subject", &subject)))}
                            {Field::new("body", t("case.email.body"))
                                .error(problem(flash, "body"))
                                .textarea(Textarea::new(typed(flash, "body", &body), 14))}
                            <h2 class="govuk-heading-s">{t("case.email.sign_off")}</h2>
                            <p class="govuk-body">{sign_off}</p>
                            {Field::new("job-title", t("case.email.job_title"))
                                .name("job_title")
                                .error(problem(flash, "job-title"))
                                .input(Input::new(typed(flash, "job-title", &job_title)))}
                            {Field::new("direct-dial", t("case.email.direct_dial"))
                                .name("direct_dial")
                                .error(problem(flash, "direct-dial"))
                                .input(Input::new(typed(flash, "direct-dial", &direct_dial)))}
                            <button type="submit" class="govuk-button" data-module="govuk-button">{t("case.email.send")}</button>
                        </form>
                    }.into_any()
    };
    confirm_frame(ConfirmFrame {
        title,
        name: case_page.me.name.clone(),
        href,
        flash,
        reference,
        heading: t("case.email.title"),
        body,
    })
}
