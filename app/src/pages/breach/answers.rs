//! A breach report's answers as words, part by part: for "check your answers" and for the
//! copy emailed to the organisation.

use chrono::NaiveDateTime;

use crate::domain::breach::{BreachReport, Part};
use crate::domain::copy::SentCopy;
use crate::i18n::{fill, long_date, t};

fn label(prefix: &str, code: &str) -> String {
    t(&format!("breach.{prefix}.{code}"))
}

fn labels<T: std::fmt::Display>(prefix: &str, codes: &[T]) -> String {
    codes
        .iter()
        .map(|code| label(prefix, &code.to_string()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A moment in the pages' words: "3:15pm on 4 March 2026".
pub fn time(at: NaiveDateTime) -> String {
    crate::pages::breach::report::moment(at)
}

/// When the breach happened: the time only when one was given ("4 March 2026" otherwise).
fn occurred(at: NaiveDateTime, time_known: bool) -> String {
    if time_known {
        time(at)
    } else {
        long_date(at.date())
    }
}

/// The copy of a sent report for the person to keep: every answer under its part's heading.
pub fn breach_copy(report: &BreachReport, reference: &str, sent_at: NaiveDateTime) -> SentCopy {
    let mut copy = SentCopy {
        title: t("breach.copy.title"),
        reference_label: t("breach.report.sent.reference"),
        reference: reference.to_owned(),
        sent: fill(&t("breach.copy.sent_at"), &[("moment", &time(sent_at))]),
        sections: Vec::new(),
        language: crate::i18n::current_lang().code().to_owned(),
    };
    for (part, lines) in answer_lines(report) {
        copy.push_section(t(&format!("breach.part.{}", part.code())), lines);
    }
    copy
}

/// The answers as `(part, [(question, answer)])`, only what was answered, in task-list order.
pub fn answer_lines(report: &BreachReport) -> Vec<(Part, Vec<(String, String)>)> {
    let q = |key: &str| t(&format!("breach.copy.{key}"));
    let mut parts = Vec::new();
    let mut part = |slug: &str, lines: Vec<(String, Option<String>)>| {
        let lines: Vec<(String, String)> = lines
            .into_iter()
            .filter_map(|(question, answer)| Some((question, answer?)))
            .collect();
        if !lines.is_empty() {
            if let Some(found) = Part::from_code(slug) {
                parts.push((found, lines));
            }
        }
    };
    if let Some(o) = &report.organisation {
        part(
            "organisation",
            vec![
                (q("organisation_name"), Some(o.name.clone())),
                (q("registration_number"), o.registration_number.clone()),
                (
                    q("sector"),
                    o.sector.map(|s| t(&format!("sector.{}", s.code()))),
                ),
                (q("size"), o.size.map(|s| label("size", s.code()))),
                (q("staff_spoken_to"), o.staff_spoken_to.clone()),
            ],
        );
    }
    if let Some(c) = &report.contact {
        part(
            "contact",
            vec![
                (
                    q("contact_role"),
                    c.role.map(|r| label("contact_role", r.code())),
                ),
                (q("contact_name"), Some(c.name.clone())),
                (q("job_title"), c.job_title.clone()),
                (q("email"), Some(c.email.clone())),
                (q("phone"), Some(c.phone.clone())),
            ],
        );
    }
    if let Some(w) = &report.what_happened {
        part(
            "what-happened",
            vec![
                (q("description"), Some(w.description.clone())),
                (
                    q("cyber_incident"),
                    w.cyber_incident.map(|a| label("answer", a.code())),
                ),
                (q("how_discovered"), Some(w.how_discovered.clone())),
                (
                    q("systems_affected"),
                    w.systems_affected.map(|a| label("answer", a.code())),
                ),
                (q("staff_involved"), w.staff_involved.clone()),
            ],
        );
    }
    if let Some(timing) = &report.timing {
        part(
            "timing",
            vec![
                (
                    q("occurred_at"),
                    Some(timing.occurred_at.map_or_else(
                        || q("not_known"),
                        |at| occurred(at, timing.occurred_time_known),
                    )),
                ),
                (q("ongoing"), timing.ongoing.then(|| label("answer", "yes"))),
                (q("aware_at"), timing.aware_at.map(time)),
                (q("delay_reason"), timing.delay_reason.clone()),
            ],
        );
    }
    if let Some(d) = &report.data {
        part(
            "data",
            vec![
                (q("categories"), Some(labels("category", &d.categories))),
                (q("other"), d.other.clone()),
            ],
        );
    }
    if let Some(s) = &report.scale {
        let count = |n: Option<u64>| Some(n.map_or_else(|| q("not_known"), |n| n.to_string()));
        part(
            "scale",
            vec![
                (q("records"), count(s.records)),
                (q("people"), count(s.people)),
                (q("groups"), Some(labels("group", &s.groups))),
                (q("other_group"), s.other_group.clone()),
            ],
        );
    }
    if let Some(c) = &report.consequences {
        part(
            "consequences",
            vec![
                (q("consequences"), Some(c.description.clone())),
                (
                    q("likelihood"),
                    c.likelihood.map(|l| label("likelihood", l.code())),
                ),
            ],
        );
    }
    if let Some(c) = &report.containment {
        part(
            "containment",
            vec![
                (
                    q("contained"),
                    c.contained.map(|a| label("answer", a.code())),
                ),
                (q("actions"), Some(c.actions.clone())),
                (q("preventative_measures"), c.preventative_measures.clone()),
                (q("help_for_people"), c.help_for_people.clone()),
            ],
        );
    }
    if let Some(tell) = &report.telling {
        part(
            "telling",
            vec![
                (
                    q("people_told"),
                    tell.people_told.map(|p| label("people_told", p.code())),
                ),
                (q("people_told_details"), tell.people_told_details.clone()),
                (
                    q("others"),
                    (!tell.others.is_empty()).then(|| labels("other_body", &tell.others)),
                ),
                (q("others_details"), tell.others_details.clone()),
            ],
        );
    }
    parts
}
