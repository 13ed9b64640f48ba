//! The copy of a concern as handed in: the reference and every answer, in the words of the
//! "check your answers" page, for the confirmation page, its print view, the PDF and the
//! acknowledgement email.

use chrono::NaiveDate;

use super::wording::{answer_text, short_label};
use crate::domain::assistant::{path, submit_path, Answers, Handover, Step};
use crate::domain::copy::SentCopy;
use crate::i18n::{fill, long_date, t};

fn rows(answers: &Answers, steps: &[Step], organisation: Option<&str>) -> Vec<(String, String)> {
    steps
        .iter()
        .filter(|step| **step != Step::Documents)
        .filter_map(|step| {
            answers.get(*step).map(|answer| {
                let value = match (step, organisation) {
                    (Step::OrganisationMatch, Some(name)) => name.to_owned(),
                    (Step::OrganisationMatch, None) => t("q.organisation-match.opt.none"),
                    _ => answer_text(*step, answer),
                };
                (short_label(*step, answers), value)
            })
        })
        .collect()
}

/// The copy of the concern handed in as `reference` on `sent_on` (`organisation`: the name of the
/// organisation picked from the directory, if one was).
pub fn concern_copy(
    answers: &Answers,
    handover: &Handover,
    organisation: Option<&str>,
    reference: &str,
    sent_on: NaiveDate,
) -> SentCopy {
    let concern_steps = path(answers);
    let detail_steps: Vec<Step> = submit_path(answers, handover)
        .into_iter()
        .filter(|step| !concern_steps.contains(step))
        .collect();
    let mut copy = SentCopy {
        title: t("copy.concern.title"),
        reference_label: t("confirmation.reference"),
        reference: reference.to_owned(),
        sent: fill(&t("copy.sent_on"), &[("date", &long_date(sent_on))]),
        sections: Vec::new(),
        language: crate::i18n::current_lang().code().to_owned(),
    };
    copy.push_section(
        t("submit.concern"),
        rows(answers, &concern_steps, organisation),
    );
    copy.push_section(
        t("submit.details"),
        rows(answers, &detail_steps, organisation),
    );
    copy
}
