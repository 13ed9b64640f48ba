//! The words of the assistant's questions and answers, chosen by route where they differ.

use crate::domain::assistant::{Answer, Answers, Step, Topic};
use crate::i18n::{fill, has, long_date, t, t_first};

fn topic_code(answers: &Answers) -> &'static str {
    Topic::of(answers).map(Topic::code).unwrap_or("none")
}

fn organisation(answers: &Answers) -> String {
    answers
        .text(Step::Organisation)
        .map(str::to_owned)
        .unwrap_or_else(|| t("q.organisation.fallback"))
}

/// The question, as the page heading.
pub fn heading(step: Step, answers: &Answers) -> String {
    let slug = step.slug();
    let text = t_first(&[
        &format!("q.{slug}.title.{}", topic_code(answers)),
        &format!("q.{slug}.title"),
    ]);
    fill(&text, &[("organisation", &organisation(answers))])
}

/// The hint under the question, where there is one.
pub fn hint(step: Step, answers: &Answers) -> Option<String> {
    let slug = step.slug();
    let specific = format!("q.{slug}.hint.{}", topic_code(answers));
    let general = format!("q.{slug}.hint");
    [specific, general]
        .into_iter()
        .find(|key| has(key))
        .map(|key| fill(&t(&key), &[("organisation", &organisation(answers))]))
}

/// The label of an option code at `step`.
pub fn option_label(step: Step, code: &str) -> String {
    match step {
        Step::EeaCountry => t(&format!("country.{code}")),
        Step::Documents => t(&format!("doc.{code}")),
        Step::Sector => t(&format!("sector.{code}")),
        _ => t_first(&[
            &format!("q.{}.opt.{code}", step.slug()),
            &format!("common.{code}"),
        ]),
    }
}

/// A short label for the check-your-answers list.
pub fn short_label(step: Step, answers: &Answers) -> String {
    let slug = step.slug();
    t_first(&[
        &format!("q.{slug}.short.{}", topic_code(answers)),
        &format!("q.{slug}.short"),
    ])
}

/// An answer as words.
pub fn answer_text(step: Step, answer: &Answer) -> String {
    match answer {
        Answer::Choice(code) => option_label(step, code),
        Answer::Date(date) => long_date(*date),
        Answer::NoDate => t("common.not_given"),
        Answer::Text(text) if text.is_empty() => t("common.not_given"),
        Answer::Text(text) => text.clone(),
        Answer::Events(events) => events
            .iter()
            .map(|event| format!("{}: {}", long_date(event.on), event.what))
            .collect::<Vec<_>>()
            .join("\n"),
        Answer::Files(files) if files.is_empty() => t("common.none"),
        Answer::Files(files) => files
            .iter()
            .map(|file| {
                format!(
                    "{} ({})",
                    file.file_name,
                    t(&format!("evidence.kind.{}", file.kind.code()))
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Answer::Many(codes) if codes.is_empty() => t("common.none"),
        Answer::Many(codes) => codes
            .iter()
            .map(|code| option_label(step, code))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The message for an error key, specific to the step where there is one.
pub fn error_text(step: Step, key: &str) -> String {
    t_first(&[&format!("{key}.{}", step.slug()), key])
}
