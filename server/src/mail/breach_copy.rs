//! The copy of a breach report emailed to the person who sent it, with its reference: every
//! answer under its part's heading, in the task list's order.

use app::domain::breach::{BreachReport, SelfAssessment};
use app::i18n::{fill, t};
use chrono::NaiveDateTime;
use lettre::message::{header::ContentType, Mailbox};
use lettre::Message;
use serde::Deserialize;

/// What the outbox holds for the copy.
#[derive(Debug, Deserialize)]
pub struct BreachCopyPayload {
    pub to: String,
    #[serde(default)]
    pub name: Option<String>,
    pub reference: String,
    pub submitted_at: NaiveDateTime,
    #[serde(default)]
    pub assessment: SelfAssessment,
    pub report: BreachReport,
    #[serde(default)]
    pub reported_late: bool,
}

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

fn time(at: NaiveDateTime) -> String {
    at.format("%d/%m/%Y %H:%M").to_string()
}

/// The answers as `(part heading, [(question, answer)])`, only what was answered.
pub fn answer_lines(report: &BreachReport) -> Vec<(String, Vec<(String, String)>)> {
    let q = |key: &str| t(&format!("breach.copy.{key}"));
    let mut parts = Vec::new();
    let mut part = |slug: &str, lines: Vec<(String, Option<String>)>| {
        let lines: Vec<(String, String)> = lines
            .into_iter()
            .filter_map(|(question, answer)| Some((question, answer?)))
            .collect();
        if !lines.is_empty() {
            parts.push((t(&format!("breach.part.{slug}")), lines));
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
                    Some(timing.occurred_at.map_or_else(|| q("not_known"), time)),
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

/// The email: the reference, what happens next, then every answer.
pub fn breach_copy(from: &Mailbox, payload: &BreachCopyPayload) -> Result<Message, String> {
    let address: lettre::Address = payload
        .to
        .trim()
        .parse()
        .map_err(|_| "the recipient address is not valid".to_owned())?;
    let to = Mailbox::new(payload.name.clone(), address);
    let values = [
        ("reference", payload.reference.as_str()),
        ("sent", &time(payload.submitted_at)),
    ];
    let mut body = fill(&t("mail.breach_copy.intro"), &values);
    if payload.reported_late {
        body.push_str("\n\n");
        body.push_str(&t("mail.breach_copy.late"));
    }
    for (heading, lines) in answer_lines(&payload.report) {
        body.push_str(&format!("\n\n{heading}\n"));
        for (question, answer) in lines {
            body.push_str(&format!("\n{question}\n{answer}\n"));
        }
    }
    body.push_str("\n\n");
    body.push_str(&fill(&t("mail.breach_copy.outro"), &values));
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(fill(&t("mail.breach_copy.subject"), &values))
        .header(ContentType::TEXT_PLAIN)
        .body(body)
        .map_err(|error| format!("building the breach report copy: {error}"))
}
