//! `/staff/cases/<reference>/confirm?action=…`: the confirmation of an action that changes what
//! the case is or touches several records (one question per page): "You are about to … This
//! will …", the reason (required, it goes on the timeline), Confirm or Cancel. The proposed
//! change is in the query; the confirm post carries it with the reason.

use crate::components::{path_param, query_param};
use leptos::prelude::*;
use leptos_meta::Title;
use server_fn::ServerFn;

use super::fields::{problem, reference_field, typed};
use super::{error_summary, has_errors};
use crate::components::fields::{Field, Textarea};
use crate::domain::case::CaseKind;
use crate::i18n::{fill, t};
use crate::pages::staff::{page_title, staff_page, StaffLayout};
use crate::server_fns::case::{
    case_href, confirm_href, load_case, CasePageView, ChangeType, MergeParty,
};

/// What is to be confirmed, read from the query.
#[derive(Clone)]
enum Proposal {
    Type(CaseKind),
    Merge { main: String, duplicate: String },
}

#[component]
pub fn ConfirmPage() -> impl IntoView {
    let reference = path_param("reference");
    let proposal = match query_param("action").as_deref() {
        Some("type") => query_param("to")
            .as_deref()
            .and_then(CaseKind::from_code)
            .map(Proposal::Type),
        Some("merge") => query_param("main")
            .zip(query_param("duplicate"))
            .map(|(main, duplicate)| Proposal::Merge { main, duplicate }),
        _ => None,
    };
    let path = match &proposal {
        Some(Proposal::Type(to)) => confirm_href(&reference, "type", &[("to", to.code())]),
        Some(Proposal::Merge { main, duplicate }) => confirm_href(
            &reference,
            "merge",
            &[("main", main.as_str()), ("duplicate", duplicate.as_str())],
        ),
        None => case_href(&reference),
    };
    staff_page(load_case(reference, "case".to_owned()), path, move |view| {
        page(view, proposal.clone()).into_any()
    })
}

/// The party name of a record on (or linked to) the case, or among its possible duplicates.
fn party_name(view: &CasePageView, id: &str) -> Option<(String, String)> {
    let reference = view.case.record.reference.clone();
    view.case.parties.iter().find_map(|party| {
        if party.id == id {
            return Some((party.name.clone(), reference.clone()));
        }
        party
            .duplicates
            .iter()
            .find(|duplicate| duplicate.party_id == id)
            .map(|duplicate| (duplicate.name.clone(), duplicate.reference.clone()))
    })
}

/// The title, "You are about to …", "This will …", and the hidden fields of the proposal.
fn explain(view: &CasePageView, proposal: &Proposal) -> Option<(String, String, String, AnyView)> {
    let record = &view.case.record;
    match proposal {
        Proposal::Type(to) => {
            let about = fill(
                &t("case.confirm.type.about"),
                &[
                    ("reference", &record.reference),
                    ("from", record.case_type.code()),
                    ("from_description", &t(&record.case_type.description_key())),
                    ("to", to.code()),
                    ("to_description", &t(&to.description_key())),
                ],
            );
            let hidden = view! { <input type="hidden" name="to" value=to.code()/> }.into_any();
            Some((
                t("case.confirm.type.title"),
                about,
                t("case.confirm.type.will"),
                hidden,
            ))
        }
        Proposal::Merge { main, duplicate } => {
            let (main_name, main_reference) = party_name(view, main)?;
            let (duplicate_name, duplicate_reference) = party_name(view, duplicate)?;
            let about = fill(
                &t("case.confirm.merge.about"),
                &[
                    ("duplicate", &duplicate_name),
                    ("duplicate_reference", &duplicate_reference),
                    ("main", &main_name),
                    ("main_reference", &main_reference),
                ],
            );
            let hidden = view! {
                <input type="hidden" name="main" value=main.clone()/>
                <input type="hidden" name="duplicate" value=duplicate.clone()/>
            }
            .into_any();
            Some((
                t("case.confirm.merge.title"),
                about,
                t("case.confirm.merge.will"),
                hidden,
            ))
        }
    }
}

fn page(view: CasePageView, proposal: Option<Proposal>) -> impl IntoView {
    let flash = &view.flash;
    let reference = view.case.record.reference.clone();
    let href = case_href(&reference);
    let explained = proposal.as_ref().and_then(|p| explain(&view, p));
    let heading = explained
        .as_ref()
        .map(|(title, ..)| title.clone())
        .unwrap_or_else(|| t("case.confirm.nothing"));
    let title = page_title(&heading, has_errors(flash));
    let action = match proposal {
        Some(Proposal::Merge { .. }) => MergeParty::url(),
        _ => ChangeType::url(),
    };
    let body = explained.map(|(_, about, will, hidden)| {
        view! {
            <p class="govuk-body" data-testid="confirm-about">{about}</p>
            <div class="govuk-warning-text">
                <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                <strong class="govuk-warning-text__text">
                    <span class="govuk-visually-hidden">{t("case.warning")}</span>
                    {will}
                </strong>
            </div>
            {problem(flash, "case-type").map(|message| view! { <p class="govuk-error-message" id="case-type">{message}</p> })}
            {problem(flash, "parties").map(|message| view! { <p class="govuk-error-message" id="parties">{message}</p> })}
            <form method="post" action=action novalidate>
                {reference_field(&reference)}
                {hidden}
                <input type="hidden" name="confirm" value="yes"/>
                {Field::new("reason", t("case.confirm.reason"))
                    .hint(Some(t("case.confirm.reason_hint")))
                    .error(problem(flash, "reason"))
                    .textarea(Textarea::new(typed(flash, "reason", ""), 4))}
                <div class="govuk-button-group">
                    <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">{t("case.confirm.submit")}</button>
                    <a class="govuk-link" href=href.clone()>{t("case.confirm.cancel")}</a>
                </div>
            </form>
        }
    });
    confirm_frame(ConfirmFrame {
        title,
        name: view.me.name.clone(),
        href,
        flash,
        reference,
        heading,
        body: body.into_any(),
    })
}

/// A confirmation page about one case: back to the case, the error summary, the reference over
/// the heading, then what will happen and the form (`body`).
pub(super) struct ConfirmFrame<'a> {
    pub title: String,
    pub name: String,
    pub href: String,
    pub flash: &'a Option<crate::server_fns::staff::FormFlash>,
    pub reference: String,
    pub heading: String,
    pub body: AnyView,
}

/// The staff page around a [`ConfirmFrame`].
pub(super) fn confirm_frame(frame: ConfirmFrame<'_>) -> AnyView {
    let ConfirmFrame {
        title,
        name,
        href,
        flash,
        reference,
        heading,
        body,
    } = frame;
    let content = view! {
            <a href=href class="govuk-back-link">{t("case.back_to_case")}</a>
            <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
                {error_summary(flash)}
                <span class="govuk-caption-l">{reference}</span>
                <h1 class="govuk-heading-l">{heading}</h1>
                {body}
            </div></div>
    }
    .into_any();
    view! {
        <Title text=title/>
        <StaffLayout name=Some(name)>{content}</StaffLayout>
    }
    .into_any()
}
