//! `/report-breach/assess`: the self-assessment, one question per page, then the result.
//!
//! The answers so far travel in the address (`personal_data`, `security_breach`, `risk`); each
//! page's GET form carries the earlier answers as hidden fields plus `asked` (the question on
//! the page) and `value` (its answer). `ask` shows an earlier question again to change it.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;
use server_fn::ServerFn;

use super::BASE;
use crate::components::{BackLink, ErrorSummary, Layout, Radios, SummaryList, SummaryRow};
use crate::domain::breach::{
    answer, assess_breach, AssessmentQuestion, AssessmentResult, NotReportable, RiskAnswer,
    SelfAssessment, YesNoUnknown,
};
use crate::i18n::t;
use crate::server_fns::breach::StartBreachReport;

/// The answers in the query.
fn answers_from(query: &ParamsMap) -> SelfAssessment {
    SelfAssessment::from_fields(|name| query.get(name))
}

/// What the page shows.
#[derive(Debug, Clone, PartialEq)]
enum Shown {
    Question {
        question: AssessmentQuestion,
        /// Every answer known (carried as hidden fields, so an unchanged answer keeps the rest).
        known: SelfAssessment,
        selected: Option<String>,
        error: bool,
    },
    /// The result, and every answer that led to it (the last one included).
    Result(AssessmentResult, SelfAssessment),
}

/// The answers before `question`.
fn before(answers: &SelfAssessment, question: AssessmentQuestion) -> SelfAssessment {
    let mut earlier = SelfAssessment::default();
    for q in AssessmentQuestion::all()
        .iter()
        .take_while(|q| **q != question)
    {
        if let Some(code) = answers.given(*q) {
            earlier = answer(&earlier, *q, code).unwrap_or(earlier);
        }
    }
    earlier
}

/// Whether the answers before `question` lead to it.
fn askable(answers: &SelfAssessment, question: AssessmentQuestion) -> bool {
    assess_breach(&before(answers, question)) == AssessmentResult::Ask { question }
}

fn question_named(query: &ParamsMap, name: &str) -> Option<AssessmentQuestion> {
    query
        .get(name)
        .and_then(|code| AssessmentQuestion::from_code(&code))
}

fn shown(query: &ParamsMap) -> Shown {
    let mut answers = answers_from(query);
    if let Some(asked) = question_named(query, "asked").filter(|q| askable(&answers, *q)) {
        let value = query.get("value").unwrap_or_default();
        match answer(&answers, asked, &value) {
            Some(next) => answers = next,
            None => {
                return Shown::Question {
                    question: asked,
                    known: answers,
                    selected: None,
                    error: true,
                }
            }
        }
    } else if let Some(ask) = question_named(query, "ask").filter(|q| askable(&answers, *q)) {
        return Shown::Question {
            question: ask,
            selected: answers.given(ask).map(str::to_owned),
            known: answers,
            error: false,
        };
    }
    match assess_breach(&answers) {
        AssessmentResult::Ask { question } => Shown::Question {
            question,
            known: answers,
            selected: None,
            error: false,
        },
        result => Shown::Result(result, answers),
    }
}

#[component]
pub fn AssessPage() -> impl IntoView {
    let query = use_query_map();
    move || {
        let query = query.read();
        match shown(&query) {
            Shown::Question {
                question,
                known,
                selected,
                error,
            } => question_page(question, &known, selected, error).into_any(),
            Shown::Result(result, answers) => result_page(result, &answers).into_any(),
        }
    }
}

fn options(question: AssessmentQuestion) -> Vec<(String, String)> {
    match question {
        AssessmentQuestion::Risk => RiskAnswer::all()
            .iter()
            .map(|a| {
                (
                    a.code().to_owned(),
                    t(&format!("breach.risk_answer.{}", a.code())),
                )
            })
            .collect(),
        _ => YesNoUnknown::all()
            .iter()
            .map(|a| {
                (
                    a.code().to_owned(),
                    t(&format!("breach.answer.{}", a.code())),
                )
            })
            .collect(),
    }
}

fn back_href(question: AssessmentQuestion, known: &SelfAssessment) -> String {
    let previous = AssessmentQuestion::all()
        .iter()
        .copied()
        .take_while(|q| *q != question)
        .last();
    match previous {
        Some(previous) => format!("{BASE}/assess?{}&ask={}", known.to_query(), previous.code()),
        None => BASE.to_owned(),
    }
}

fn question_page(
    question: AssessmentQuestion,
    known: &SelfAssessment,
    selected: Option<String>,
    error: bool,
) -> impl IntoView {
    let key = move |part: &str| t(&format!("breach.assess.{}.{part}", question.code()));
    let back = back_href(question, known);
    let error = error.then(|| key("error"));
    let summary: Vec<(String, String)> = error
        .iter()
        .map(|message| ("value".to_owned(), message.clone()))
        .collect();
    let title = match &error {
        Some(_) => format!("{} {}", t("error.title_prefix"), key("heading")),
        None => key("heading"),
    };
    let hidden = AssessmentQuestion::all()
        .iter()
        .filter_map(|q| Some((q.field(), known.given(*q)?)))
        .map(|(name, value)| view! { <input type="hidden" name=name value=value/> })
        .collect_view();
    view! {
        <Title text=title/>
        <Layout>
            <BackLink href=back/>
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <ErrorSummary errors=summary/>
                    <form method="get" action=format!("{BASE}/assess") novalidate>
                        {hidden}
                        <input type="hidden" name="asked" value=question.code()/>
                        <Radios id="value".to_owned() heading=key("heading") hint=Some(key("hint"))
                            options=options(question) selected=selected error=error/>
                        <button type="submit" class="govuk-button">{t("common.continue")}</button>
                    </form>
                </div>
            </div>
        </Layout>
    }
}

/// The answers, each with a link to change it.
fn answer_rows(answers: &SelfAssessment) -> Vec<SummaryRow> {
    AssessmentQuestion::all()
        .iter()
        .filter_map(|question| {
            let code = answers.given(*question)?;
            let label = match question {
                AssessmentQuestion::Risk => t(&format!("breach.risk_answer.{code}")),
                _ => t(&format!("breach.answer.{code}")),
            };
            Some(SummaryRow {
                key: t(&format!("breach.assess.{}.heading", question.code())),
                value: label,
                change_href: format!(
                    "{BASE}/assess?{}&ask={}",
                    answers.to_query(),
                    question.code()
                ),
            })
        })
        .collect()
}

fn result_page(result: AssessmentResult, answers: &SelfAssessment) -> impl IntoView {
    let rows = answer_rows(answers);
    let body = match result {
        AssessmentResult::NotReportable { reason } => not_reportable(reason, answers).into_any(),
        AssessmentResult::Reportable { precautionary } => {
            reportable(precautionary, answers).into_any()
        }
        AssessmentResult::Ask { .. } => ().into_any(),
    };
    let title = match result {
        AssessmentResult::Reportable { .. } => t("breach.assess.reportable.title"),
        _ => t("breach.assess.not_reportable.title"),
    };
    view! {
        <Title text=title.clone()/>
        <Layout>
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <h1 class="govuk-heading-l">{title}</h1>
                    {body}
                    <h2 class="govuk-heading-m">{t("breach.assess.answers_title")}</h2>
                    <SummaryList rows=rows/>
                </div>
            </div>
        </Layout>
    }
}

fn not_reportable(reason: NotReportable, answers: &SelfAssessment) -> impl IntoView {
    let record = format!("{BASE}/assess/record?{}", answers.to_query());
    view! {
        <p class="govuk-body">{t(&format!("breach.not_reportable.{}", reason.code()))}</p>
        {reason.is_breach_to_record().then(|| view! {
            <h2 class="govuk-heading-m">{t("breach.assess.record_title")}</h2>
            <p class="govuk-body">{t("breach.assess.record_why")}</p>
        })}
        <p class="govuk-body">
            <a class="govuk-link" href=record download="">{t("breach.assess.record_link")}</a>
        </p>
        <div class="govuk-inset-text">{t("breach.assess.not_reportable.unsure")}</div>
    }
}

fn reportable(precautionary: bool, answers: &SelfAssessment) -> impl IntoView {
    let hidden = AssessmentQuestion::all()
        .iter()
        .filter_map(|q| Some((q.field(), answers.given(*q)?)))
        .map(|(name, value)| view! { <input type="hidden" name=name value=value/> })
        .collect_view();
    view! {
        <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
            <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">{t("breach.assess.warning")}</span>
                {t("breach.assess.reportable.deadline")}
            </strong>
        </div>
        {precautionary.then(|| view! {
            <p class="govuk-body">{t("breach.assess.reportable.precaution")}</p>
        })}
        <h2 class="govuk-heading-m">{t("breach.assess.ready_title")}</h2>
        <ul class="govuk-list govuk-list--bullet">
            <li>{t("breach.assess.ready.what")}</li>
            <li>{t("breach.assess.ready.when")}</li>
            <li>{t("breach.assess.ready.data")}</li>
            <li>{t("breach.assess.ready.people")}</li>
            <li>{t("breach.assess.ready.done")}</li>
            <li>{t("breach.assess.ready.told")}</li>
        </ul>
        <h2 class="govuk-heading-m">{t("breach.assess.how_title")}</h2>
        <p class="govuk-body">{t("breach.assess.how")}</p>
        <form method="post" action=StartBreachReport::url() novalidate>
            {hidden}
            <button type="submit" class="govuk-button govuk-button--start" data-module="govuk-button">
                {t("breach.assess.start_report")}
            </button>
        </form>
        <p class="govuk-body">{t("breach.assess.phone")}</p>
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn query(pairs: &[(&'static str, &str)]) -> ParamsMap {
        let mut map = ParamsMap::new();
        for (name, value) in pairs {
            map.insert(*name, (*value).to_owned());
        }
        map
    }

    #[test]
    fn the_result_carries_the_answer_given_on_the_last_page() {
        let shown = shown(&query(&[
            ("personal_data", "yes"),
            ("security_breach", "yes"),
            ("asked", "risk"),
            ("value", "unlikely"),
        ]));
        let Shown::Result(result, answers) = shown else {
            panic!("expected a result, got {shown:?}");
        };
        assert_eq!(
            result,
            AssessmentResult::NotReportable {
                reason: NotReportable::UnlikelyRisk
            }
        );
        assert_eq!(
            answers.to_query(),
            "personal_data=yes&security_breach=yes&risk=unlikely"
        );
    }

    #[test]
    fn an_unanswered_question_is_asked_again_with_an_error() {
        let shown = shown(&query(&[
            ("personal_data", "yes"),
            ("asked", "security-breach"),
        ]));
        assert!(matches!(
            shown,
            Shown::Question {
                question: AssessmentQuestion::SecurityBreach,
                error: true,
                ..
            }
        ));
    }
}
