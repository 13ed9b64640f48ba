//! One question of the assistant per page.

use crate::components::{loaded, path_param, query_param};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;
use server_fn::ServerFn;

use super::evidence::EvidencePage;
use super::organisation::OrganisationMatch;
use super::timeline::TimelinePage;
use super::wording::{error_text, heading, hint, option_label};
use super::ChangeMarker;
use crate::components::{
    BackLink, Checkboxes, DateInput, ErrorSummary, Layout, Radios, Select, TextArea, TextInput,
};
use crate::domain::assistant::{
    checkbox_options, path, previous_before, submit_path, submit_previous_before, Answer,
    AnswerKind, Handover, RawAnswer, Step,
};
use crate::i18n::t;
use crate::pages::not_found::NotFound;
use crate::server_fns::concern::{load_journey, AnswerQuestion, JourneyView};
use crate::server_fns::handover::{organisation_matches, OrganisationSearch};

#[component]
pub fn QuestionPage() -> impl IntoView {
    let slug = path_param("step");
    let changing = query_param("change").is_some_and(|value| value == "true");
    let Some(step) = Step::from_slug(&slug) else {
        return view! { <NotFound/> }.into_any();
    };
    // The organisation match page's search runs with the journey's load.
    let asked = (step == Step::OrganisationMatch).then(|| query_param("q"));
    let load = async move {
        let matches = match asked {
            Some(query) => Some(organisation_matches(query).await?),
            None => None,
        };
        Ok::<_, ServerFnError>((load_journey().await?, matches))
    };
    journey_page(load, move |(view, matches)| {
        question(step, view, matches, changing).into_any()
    })
    .into_any()
}

/// A page of the public journeys drawn from data loaded for it, or the problem page.
pub fn journey_page<T: Send + 'static, E: Send + 'static>(
    load: impl std::future::Future<Output = Result<T, E>> + Send + 'static,
    page: impl FnOnce(T) -> AnyView + Send + 'static,
) -> impl IntoView {
    loaded(load, page, |_| view! { <ServiceProblem/> }.into_any())
}

/// Shown when the journey cannot be loaded: nothing the person typed is lost.
#[component]
pub fn ServiceProblem() -> impl IntoView {
    view! {
        <Title text=t("problem.title")/>
        <Layout>
            <h1 class="govuk-heading-l">{t("problem.title")}</h1>
            <p class="govuk-body">{t("problem.body")}</p>
        </Layout>
    }
}

fn question(
    step: Step,
    view: JourneyView,
    matches: Option<OrganisationSearch>,
    changing: bool,
) -> impl IntoView {
    // Once handed in, the questions after the verdict lead to the confirmation; the first
    // question starts a new concern.
    if view.submitted.is_some() && step.is_submission() {
        return view! { <Redirect path="/concern/confirmation"/> }.into_any();
    }
    let answers = view.answers.clone();
    let on_path = path(&answers);
    let handing_in = view
        .handover
        .as_ref()
        .filter(|handover| submit_path(&answers, handover).contains(&step));
    // A question not (yet) on this person's path: send them to where they are.
    if !on_path.contains(&step) && handing_in.is_none() {
        let target = on_path
            .iter()
            .find(|s| !answers.has(**s))
            .map(|s| format!("/concern/{}", s.slug()))
            .unwrap_or_else(|| match &view.handover {
                Some(handover) => submit_path(&answers, handover)
                    .last()
                    .map(|s| format!("/concern/{}", s.slug()))
                    .unwrap_or_else(|| "/concern/submit".to_owned()),
                None => "/concern/check".to_owned(),
            });
        return view! { <Redirect path=target/> }.into_any();
    }
    if let Some(handover) = handing_in {
        let back = if changing {
            "/concern/submit".to_owned()
        } else {
            submit_previous_before(&answers, handover, step)
                .map(|s| format!("/concern/{}", s.slug()))
                .unwrap_or_else(|| verdict_href(handover))
        };
        match step {
            Step::OrganisationMatch => {
                let matches = matches.unwrap_or_default();
                return view! { <OrganisationMatch view=view.clone() matches changing back/> }
                    .into_any();
            }
            Step::Timeline => {
                return view! { <TimelinePage view=view.clone() changing back/> }.into_any()
            }
            Step::Evidence => {
                return view! { <EvidencePage view=view.clone() changing back/> }.into_any()
            }
            _ => {}
        }
        return form_page(step, view, changing, back).into_any();
    }
    let back = if changing {
        "/concern/check".to_owned()
    } else {
        previous_before(&answers, step)
            .map(|s| format!("/concern/{}", s.slug()))
            .unwrap_or_else(|| "/".to_owned())
    };
    form_page(step, view, changing, back).into_any()
}

/// The verdict page a person came from into the questions that hand the concern in.
pub fn verdict_href(handover: &Handover) -> String {
    if handover.late {
        "/concern/result/late".to_owned()
    } else {
        "/concern/result/ready".to_owned()
    }
}

/// A question answered with one standard control.
fn form_page(step: Step, view: JourneyView, changing: bool, back: String) -> impl IntoView {
    let answers = view.answers;
    let flash = view
        .flash
        .filter(|(slug, _, _)| slug == step.slug())
        .map(|(_, raw, key)| (raw, error_text(step, &key)));
    let error = flash.as_ref().map(|(_, message)| message.clone());
    let raw = flash
        .map(|(raw, _)| raw)
        .unwrap_or_else(|| raw_from(answers.get(step)));
    let title = heading(step, &answers);
    let page_title = if error.is_some() {
        format!("{} {}", t("error.title_prefix"), title)
    } else {
        title.clone()
    };
    let id = step.field_id();
    let summary: Vec<(String, String)> = error.iter().map(|e| (id.clone(), e.clone())).collect();
    let hint = hint(step, &answers);
    let control = match step.kind() {
        AnswerKind::Radios(codes) => {
            let options = codes.iter().map(|c| ((*c).to_owned(), option_label(step, c))).collect();
            view! { <Radios id=step.slug().to_owned() heading=title hint options selected=raw.value error/> }.into_any()
        }
        AnswerKind::Select(codes) => {
            let mut options: Vec<(String, String)> =
                codes.iter().map(|c| ((*c).to_owned(), option_label(step, c))).collect();
            options.sort_by(|a, b| a.1.cmp(&b.1));
            view! { <Select id=step.slug().to_owned() heading=title hint options selected=raw.value error/> }.into_any()
        }
        AnswerKind::Checkboxes => {
            let options = checkbox_options(step, &answers)
                .into_iter()
                .map(|code| {
                    let label = option_label(step, &code);
                    (code, label)
                })
                .collect();
            view! { <Checkboxes id=step.slug().to_owned() heading=title hint options selected=raw.values error/> }.into_any()
        }
        AnswerKind::Date { .. } => view! {
            <DateInput id=step.slug().to_owned() heading=title hint
                day=raw.day.unwrap_or_default() month=raw.month.unwrap_or_default() year=raw.year.unwrap_or_default() error/>
        }
        .into_any(),
        AnswerKind::TextArea { max, .. } => {
            let autocomplete = if step == Step::Address { "street-address" } else { "off" };
            view! {
                <TextArea id=step.slug().to_owned() name="value" heading=title hint
                    value=raw.value.unwrap_or_default() error max autocomplete/>
            }
            .into_any()
        }
        AnswerKind::Custom => view! { <NotFound/> }.into_any(),
        AnswerKind::Text { .. } => {
            let input_type = match step {
                Step::AdvertisedNumber | Step::Phone => "tel",
                Step::Email => "email",
                _ => "text",
            };
            let autocomplete = match step {
                Step::Organisation => "organization",
                Step::YourName => "name",
                Step::Email => "email",
                Step::Phone => "tel",
                _ => "off",
            };
            view! {
                <TextInput id=step.slug().to_owned() heading=title hint value=raw.value.unwrap_or_default() error
                    autocomplete input_type/>
            }
            .into_any()
        }
    };
    view! {
        <Title text=page_title/>
        <Layout>
            <BackLink href=back/>
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <ErrorSummary errors=summary/>
                    <form method="post" action=AnswerQuestion::url() novalidate>
                        <input type="hidden" name="step" value=step.slug()/>
                        <ChangeMarker changing/>
                        {control}
                        <button type="submit" class="govuk-button">{t("common.continue")}</button>
                    </form>
                </div>
            </div>
        </Layout>
    }
    .into_any()
}

/// The stored answer as form values, to show it back.
fn raw_from(answer: Option<&Answer>) -> RawAnswer {
    use chrono::Datelike;
    match answer {
        Some(Answer::Choice(code)) => RawAnswer {
            value: Some(code.clone()),
            ..RawAnswer::default()
        },
        Some(Answer::Text(text)) => RawAnswer {
            value: Some(text.clone()),
            ..RawAnswer::default()
        },
        Some(Answer::Date(date)) => RawAnswer {
            day: Some(date.day().to_string()),
            month: Some(date.month().to_string()),
            year: Some(date.year().to_string()),
            ..RawAnswer::default()
        },
        Some(Answer::Many(values)) => RawAnswer {
            values: values.clone(),
            ..RawAnswer::default()
        },
        Some(Answer::NoDate | Answer::Events(_) | Answer::Files(_)) | None => RawAnswer::default(),
    }
}
