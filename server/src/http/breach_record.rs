//! `GET /report-breach/assess/record`: the record an organisation keeps of a breach it need not
//! report (UK GDPR Art. 33(5) asks for every breach to be documented), as a text file: the date,
//! each question and answer, the result and why, and the headings the record must cover.

use std::collections::HashMap;
use std::sync::Arc;

use app::domain::breach::{assess_breach, AssessmentQuestion, AssessmentResult, SelfAssessment};
use app::i18n::{fill, long_date, t};
use app::ports::Services;
use axum::extract::Query;
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;

fn answer_label(question: AssessmentQuestion, code: &str) -> String {
    match question {
        AssessmentQuestion::Risk => t(&format!("breach.risk_answer.{code}")),
        _ => t(&format!("breach.answer.{code}")),
    }
}

/// The record's text, for answers that end in "no need to report".
pub fn record_text(answers: &SelfAssessment, today: chrono::NaiveDate) -> Option<String> {
    let AssessmentResult::NotReportable { reason } = assess_breach(answers) else {
        return None;
    };
    let mut text = format!(
        "{}\n\n{}\n",
        t("breach.record.title"),
        fill(&t("breach.record.date"), &[("date", &long_date(today))])
    );
    for question in AssessmentQuestion::all() {
        if let Some(code) = answers.given(*question) {
            text.push_str(&format!(
                "\n{}\n{}\n",
                t(&format!("breach.assess.{}.heading", question.code())),
                answer_label(*question, code)
            ));
        }
    }
    text.push_str(&format!(
        "\n{}\n{}\n",
        t("breach.record.result"),
        t(&format!("breach.not_reportable.{}", reason.code()))
    ));
    if reason.is_breach_to_record() {
        text.push_str(&format!("\n{}\n", t("breach.record.to_add")));
    }
    Some(text)
}

pub async fn record(
    Extension(services): Extension<Arc<Services>>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let answers = SelfAssessment::from_fields(|name| query.get(name).cloned());
    let today = services.clock.today();
    match record_text(&answers, today) {
        Some(text) => (
            [
                (header::CONTENT_TYPE, "text/plain; charset=utf-8".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"breach-assessment-{today}.txt\""),
                ),
                (header::CACHE_CONTROL, "no-store".to_owned()),
            ],
            text,
        )
            .into_response(),
        // Not a finished "no need to report" result: back to the questions.
        None => {
            Redirect::to(&format!("/report-breach/assess?{}", answers.to_query())).into_response()
        }
    }
}
