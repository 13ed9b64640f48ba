//! "Check this call or message" and "Check your answers" for the whole report.

use leptos::prelude::*;
use leptos_router::components::Redirect;
use server_fn::ServerFn;

use super::wording::{answer_text, channel_label};
use super::{frame, signposts};
use crate::domain::nuisance::{Channel, IncidentForm, Question};
use crate::i18n::{fill, t};
use crate::server_fns::nuisance::{
    AnswerNuisance, At, NuisanceView, Page, RemoveIncident, SubmitReport,
};

/// One row of a summary list; `change` is the change link, if the answer can be changed.
struct Row {
    key: String,
    value: String,
    change: Option<String>,
}

fn summary_list(rows: Vec<Row>) -> impl IntoView {
    view! {
        <dl class="govuk-summary-list">
            {rows.into_iter().map(|row| {
                let hidden = format!(" {}", row.key.to_lowercase());
                view! {
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">{row.key}</dt>
                        <dd class="govuk-summary-list__value">{row.value}</dd>
                        {row.change.map(|href| view! {
                            <dd class="govuk-summary-list__actions">
                                <a class="govuk-link app-target" href=href>
                                    {t("common.change")}
                                    <span class="govuk-visually-hidden">{hidden}</span>
                                </a>
                            </dd>
                        })}
                    </div>
                }
            }).collect_view()}
        </dl>
    }
}

/// The rows of one call or message, with change links for `incident` (`None`: the current one).
fn incident_rows(form: &IncidentForm, incident: Option<usize>) -> Vec<Row> {
    let Some(channel) = Channel::from_code(form.channel.trim()) else {
        return Vec::new();
    };
    let at = At {
        change: true,
        incident,
    };
    let mut rows = vec![Row {
        key: t("nuisance.row.channel"),
        value: channel_label(form),
        change: incident.is_none().then(|| Page::Channel.href_at(at)),
    }];
    rows.extend(
        channel
            .questions()
            .iter()
            .filter(|question| **question != Question::SilentOrAbandoned)
            .map(|question| Row {
                key: t(&format!("nuisance.row.{}", question.code())),
                value: answer_text(*question, form),
                change: Some(Page::Question(*question).href_at(at)),
            }),
    );
    rows
}

pub fn check_incident(view: NuisanceView) -> AnyView {
    let Some(form) = view.journey.current.clone() else {
        let target = if view.journey.incidents.is_empty() {
            Page::Channel.href()
        } else {
            Page::Check.href()
        };
        return view! { <Redirect path=target/> }.into_any();
    };
    let back = Channel::from_code(&form.channel)
        .and_then(|channel| channel.questions().last().copied())
        .map(|question| Page::Question(question).href())
        .unwrap_or_else(|| Page::Channel.href());
    let title = t("nuisance.check_incident.title");
    let body = view! {
        <h1 class="govuk-heading-l">{title.clone()}</h1>
        {signposts(view.signposts.clone())}
        {summary_list(incident_rows(&form, None))}
        <form method="post" action=AnswerNuisance::url()>
            <input type="hidden" name="page" value=Page::CheckIncident.slug()/>
            <button type="submit" class="govuk-button">{t("nuisance.check_incident.button")}</button>
        </form>
    };
    frame(title, Some(back), Vec::new(), body.into_any())
}

pub fn check_report(problem: Option<String>, view: NuisanceView) -> AnyView {
    let state = &view.journey;
    if state.incidents.is_empty() {
        let target = if state.sent.is_some() {
            Page::Confirmation.href()
        } else {
            Page::Channel.href()
        };
        return view! { <Redirect path=target/> }.into_any();
    }
    let problem = problem
        .filter(|kind| kind == "service" || kind == "answers")
        .map(|kind| t(&format!("nuisance.check.problem.{kind}")));
    let incidents = state
        .incidents
        .iter()
        .enumerate()
        .map(|(index, form)| {
            let n = (index + 1).to_string();
            let heading = fill(
                &t("nuisance.check.incident"),
                &[("n", &n), ("channel", &channel_label(form))],
            );
            let hidden = format!(
                " {}",
                fill(&t("nuisance.check.remove_hidden"), &[("n", &n)])
            );
            view! {
                <h2 class="govuk-heading-m">{heading}</h2>
                {summary_list(incident_rows(form, Some(index)))}
                <form method="post" action=RemoveIncident::url() class="govuk-!-margin-bottom-6">
                    <input type="hidden" name="index" value=index.to_string()/>
                    <button type="submit" class="app-link-button app-target">
                        {t("nuisance.check.remove")}
                        <span class="govuk-visually-hidden">{hidden}</span>
                    </button>
                </form>
            }
        })
        .collect_view();
    let reporter = &state.reporter;
    let details_href = Page::YourDetails.href_at(At {
        change: true,
        incident: None,
    });
    let given = |text: &str| {
        if text.trim().is_empty() {
            t("nuisance.answer.not_given")
        } else {
            text.trim().to_owned()
        }
    };
    let detail_rows = vec![
        Row {
            key: t("nuisance.row.name"),
            value: given(&reporter.name),
            change: Some(details_href.clone()),
        },
        Row {
            key: t("nuisance.row.email"),
            value: given(&reporter.email),
            change: Some(details_href.clone()),
        },
        Row {
            key: t("nuisance.row.postcode"),
            value: given(&reporter.postcode),
            change: Some(details_href),
        },
    ];
    let can_add = state.incidents.len() < view.settings.max_incidents;
    let title = t("nuisance.check.title");
    let body = view! {
        {problem.map(|message| view! {
            <div class="govuk-error-summary" role="alert" tabindex="-1" aria-labelledby="problem-title">
                <h2 class="govuk-error-summary__title" id="problem-title">{t("error.summary_title")}</h2>
                <div class="govuk-error-summary__body"><p class="govuk-body">{message}</p></div>
            </div>
        })}
        <h1 class="govuk-heading-l">{title.clone()}</h1>
        {incidents}
        {can_add.then(|| view! {
            <p class="govuk-body"><a class="govuk-link app-target" href=Page::Channel.href()>{t("nuisance.check.add")}</a></p>
        })}
        <h2 class="govuk-heading-m">{t("nuisance.check.details")}</h2>
        {summary_list(detail_rows)}
        <p class="govuk-body">{t("nuisance.check.declaration")}</p>
        <form method="post" action=SubmitReport::url()>
            <button type="submit" class="govuk-button">{t("nuisance.check.submit")}</button>
        </form>
    };
    frame(
        title,
        Some(Page::YourDetails.href()),
        Vec::new(),
        body.into_any(),
    )
}
