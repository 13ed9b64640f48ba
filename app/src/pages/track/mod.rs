//! Track my case (issue 21): `/track` (the reference and email address, or "email me a link"),
//! `/track/link/<token>` (the emailed link: a button that opens the case), `/track/link-sent`,
//! and `/track/case`, the case's status in plain words with its dates, what happens next, the
//! expected wait and how it was worked out, and a form to add information. Every form is a plain
//! post answered by a redirect (`crate::server_fns::tracking`), so it works without JavaScript.

mod status;

pub use status::StatusPage;

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use server_fn::ServerFn;

use crate::components::fields::{Field, Input};
use crate::components::page_frame as frame;
use crate::i18n::{fill, t};
use crate::server_fns::tracking::{
    lifetime_words, load_track_start, EmailTrackLink, OpenTrackedCase, TrackFlash, UseTrackLink,
};

/// A problem code from the query as (field, message), if it is one of ours.
fn start_problem(code: &str) -> Option<(String, String)> {
    let field = match code {
        "reference_required" | "reference_invalid" | "no_match" | "link" | "problem" => "reference",
        "email_required" | "email_invalid" => "email",
        _ => return None,
    };
    Some((field.to_owned(), t(&format!("track.error.{code}"))))
}

/// `/track`: the reference and the email address given with the concern; a refused pair shows
/// again with its problems (kept with the journey record, `crate::server_fns::refused`).
#[component]
pub fn TrackStartPage() -> impl IntoView {
    // Something of our own making went wrong on the last post.
    let problem = use_query_map().read_untracked().get("problem").is_some();
    crate::pages::concern::question::journey_page(load_track_start(), move |start| {
        start_page(start.flash.unwrap_or_default(), start.link_hours, problem)
    })
}

fn start_page(flash: TrackFlash, link_hours: i64, problem: bool) -> AnyView {
    let mut problems: Vec<(String, String)> = flash
        .problems
        .iter()
        .filter_map(|code| start_problem(code))
        .collect();
    if problem && problems.is_empty() {
        problems.extend(start_problem("problem"));
    }
    let error = |name: &str| {
        problems
            .iter()
            .find(|(field, _)| field == name)
            .map(|(_, message)| message.clone())
    };
    let title = t("track.start.title");
    frame(
        title.clone(),
        Some("/".to_owned()),
        problems.clone(),
        view! {
            <h1 class="govuk-heading-l">{title}</h1>
            <p class="govuk-body">{t("track.start.intro")}</p>
            <form method="post" action=OpenTrackedCase::url() novalidate>
                {Field::new("reference", t("track.start.reference"))
                    .hint(Some(t("track.start.reference.hint")))
                    .error(error("reference"))
                    .input(Input::new(flash.value("reference")).width("govuk-input--width-20").autocomplete("off"))}
                {Field::new("email", t("track.start.email"))
                    .hint(Some(t("track.start.email.hint")))
                    .error(error("email"))
                    .input(Input::new(flash.value("email")).autocomplete("email"))}
                <div class="govuk-button-group">
                    <button type="submit" class="govuk-button" data-module="govuk-button">{t("track.start.open")}</button>
                    <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button"
                        formaction=EmailTrackLink::url()>{t("track.start.email_link")}</button>
                </div>
            </form>
            <p class="govuk-body">{fill(&t("track.start.email_link.hint"), &[("lifetime", &lifetime_words(link_hours))])}</p>
        }
        .into_any(),
    )
    .into_any()
}

/// `/track/link-sent`: the same answer whether or not the pair matched a case.
#[component]
pub fn TrackLinkSentPage() -> impl IntoView {
    crate::pages::concern::question::journey_page(load_track_start(), |start| {
        link_sent_page(start.link_hours)
    })
}

fn link_sent_page(link_hours: i64) -> AnyView {
    let title = t("track.link_sent.title");
    frame(
        title.clone(),
        Some("/track".to_owned()),
        Vec::new(),
        view! {
            <h1 class="govuk-heading-l">{title}</h1>
            <p class="govuk-body">{fill(&t("track.link_sent.body"), &[("lifetime", &lifetime_words(link_hours))])}</p>
            <p class="govuk-body"><a class="govuk-link" href="/track">{t("track.link_sent.back")}</a></p>
        }
        .into_any(),
    )
    .into_any()
}

/// `/track/link/<token>`: opening the page changes nothing; its button uses the link.
#[component]
pub fn TrackLinkPage() -> impl IntoView {
    let token = use_params_map()
        .read_untracked()
        .get("token")
        .unwrap_or_default();
    let title = t("track.link.title");
    frame(
        title.clone(),
        None,
        Vec::new(),
        view! {
            <h1 class="govuk-heading-l">{title}</h1>
            <p class="govuk-body">{t("track.link.body")}</p>
            <form method="post" action=UseTrackLink::url() novalidate>
                <input type="hidden" name="token" value=token/>
                <button type="submit" class="govuk-button" data-module="govuk-button">{t("track.link.open")}</button>
            </form>
        }
        .into_any(),
    )
}
