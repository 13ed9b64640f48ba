//! The answers a case was handed in with (`cases.answers`), as the case page shows them: the
//! concern and the rules' verdict, the customer's account (summary, timeline, harm, why late),
//! or a breach report part by part.

use app::domain::breach::BreachReport;
use app::i18n::{long_date, t};
use app::pages::breach::answers::answer_lines;
use app::server_fns::case::AnswerSection;
use chrono::NaiveDate;
use serde_json::Value;

fn words(value: &Value) -> Option<String> {
    match value {
        Value::String(text) if !text.trim().is_empty() => Some(text.trim().to_owned()),
        Value::Bool(true) => Some(t("case.yes")),
        Value::Bool(false) => Some(t("case.no")),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

fn date(value: &Value) -> Option<String> {
    value
        .as_str()
        .and_then(|text| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .map(long_date)
}

fn section(heading: &str, lines: Vec<(&str, Option<String>)>) -> Option<AnswerSection> {
    let lines: Vec<(String, String)> = lines
        .into_iter()
        .filter_map(|(key, answer)| Some((t(key), answer?)))
        .collect();
    (!lines.is_empty()).then(|| AnswerSection {
        heading: t(heading),
        lines,
    })
}

/// The answers in sections, only what was answered.
pub fn answer_sections(answers: &Value) -> Vec<AnswerSection> {
    if let Ok(report) = serde_json::from_value::<BreachReport>(answers["breach"].clone()) {
        return answer_lines(&report)
            .into_iter()
            .map(|(part, lines)| AnswerSection {
                heading: t(&format!("breach.part.{}", part.code())),
                lines,
            })
            .collect();
    }
    let concern = &answers["concern"];
    let details = &answers["details"];
    let assessment = &answers["assessment"];
    let route = concern["route"].as_str().map(|route| {
        let key = format!("case.route.{route}");
        if app::i18n::has(&key) {
            t(&key)
        } else {
            route.to_owned()
        }
    });
    let verdict = assessment["verdict"].as_str().map(str::to_owned);
    let mut sections = Vec::new();
    sections.extend(section(
        "case.answers.concern",
        vec![
            ("case.answers.route", route),
            (
                "case.answers.organisation",
                words(&details["organisation"]["name"]),
            ),
            (
                "case.answers.subject_access",
                words(&concern["subject_access"]),
            ),
            ("case.answers.raised_on", date(&concern["raised_on"])),
            (
                "case.answers.response_on",
                date(&concern["response_on"])
                    .or_else(|| concern.get("route").map(|_| t("case.answers.no_response"))),
            ),
            ("case.answers.verdict", verdict),
        ],
    ));
    sections.extend(information_request(&details["information_request"]));
    let timeline = details["timeline"]
        .as_array()
        .map(|events| {
            events
                .iter()
                .filter_map(|event| {
                    Some(format!(
                        "{}: {}",
                        date(&event["on"])?,
                        words(&event["what"])?
                    ))
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
        .filter(|text| !text.is_empty());
    sections.extend(section(
        "case.answers.details",
        vec![
            ("case.answers.summary", words(&details["summary"])),
            ("case.answers.timeline", timeline),
            ("case.answers.harm", words(&details["harm"])),
            ("case.answers.wanted", words(&details["wanted"])),
            ("case.answers.late_reason", words(&details["late_reason"])),
        ],
    ));
    sections
}

/// A label from a code, where the catalogue has one; otherwise the code itself.
fn label(key: &str, code: &str) -> String {
    if app::i18n::has(key) {
        t(key)
    } else {
        code.to_owned()
    }
}

/// FOI/EIR (issue 19 part 3): the request complained about, in words.
fn information_request(request: &Value) -> Option<AnswerSection> {
    let code = |field: &str| request[field].as_str().filter(|code| !code.is_empty());
    let law = code("law").map(|law| label(&format!("case.answers.law.{law}"), law));
    let action = code("authority_action").map(|action| {
        let key = if action == "no_response" {
            "case.answers.action.no_response".to_owned()
        } else {
            format!("q.authority-action.opt.{action}")
        };
        label(&key, action)
    });
    let grounds = request["grounds"]
        .as_array()
        .map(|codes| {
            codes
                .iter()
                .filter_map(Value::as_str)
                .map(|ground| {
                    let key = if ground == "not_sure" {
                        "common.not_sure".to_owned()
                    } else {
                        format!("q.exemptions.opt.{ground}")
                    };
                    label(&key, ground)
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
        .filter(|text| !text.is_empty());
    let review =
        code("review").map(|review| label(&format!("case.answers.review.{review}"), review));
    section(
        "case.answers.information_request",
        vec![
            ("case.answers.law", law),
            ("case.answers.requested", words(&request["requested"])),
            ("case.answers.authority_action", action),
            ("case.answers.grounds", grounds),
            ("case.answers.withheld", words(&request["withheld"])),
            ("case.answers.review", review),
        ],
    )
}
