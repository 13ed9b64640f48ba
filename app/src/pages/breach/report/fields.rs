//! Each part's questions, in page order, and how each is answered. A part's page is built from
//! its list (`super::part`, with the kit's fields); the labels are `breach.field.<part>.<name>`
//! (hints `….hint`), the options' labels the model's (`breach.size.micro`, `sector.health`, …).

use crate::domain::breach::{
    ContactRole, DataCategory, Likelihood, OrganisationSize, OtherBody, Part, PeopleTold,
    SubjectGroup, YesNoUnknown,
};
use crate::domain::case::Sector;
use crate::i18n::t;

/// How a question is answered.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// One line; `autocomplete` token and GOV.UK width class ("" for full width).
    Line(&'static str, &'static str),
    /// Several lines, with a character count.
    Long,
    /// A number of things (records, people).
    Count,
    /// One of these codes, labels under this i18n prefix.
    Radios(&'static [&'static str], &'static str),
    /// Any of these codes.
    Ticks(&'static [&'static str], &'static str),
    /// A choice from a long list (the sector).
    Select(&'static [&'static str], &'static str),
    /// Day, month, year, hour, minute.
    DateTime,
    /// One tick posting `yes`.
    Tick,
}

#[derive(Debug, Clone, Copy)]
pub struct Question {
    pub name: &'static str,
    pub kind: Kind,
    pub hint: bool,
}

const fn q(name: &'static str, kind: Kind, hint: bool) -> Question {
    Question { name, kind, hint }
}

/// The questions of a part, in page order.
pub fn questions(part: Part) -> Vec<Question> {
    match part {
        Part::Organisation => vec![
            q("name", Kind::Line("organization", ""), false),
            q(
                "registration_number",
                Kind::Line("off", "govuk-input--width-10"),
                true,
            ),
            q("sector", Kind::Select(Sector::codes(), "sector"), false),
            q(
                "size",
                Kind::Radios(OrganisationSize::codes(), "breach.size"),
                false,
            ),
            q("staff_spoken_to", Kind::Line("off", ""), true),
        ],
        Part::Contact => vec![
            q(
                "role",
                Kind::Radios(ContactRole::codes(), "breach.contact_role"),
                false,
            ),
            q("name", Kind::Line("name", ""), false),
            q("job_title", Kind::Line("organization-title", ""), false),
            q("email", Kind::Line("email", ""), true),
            q("phone", Kind::Line("tel", "govuk-input--width-20"), true),
        ],
        Part::WhatHappened => vec![
            q("description", Kind::Long, true),
            q(
                "cyber_incident",
                Kind::Radios(YesNoUnknown::codes(), "breach.answer"),
                true,
            ),
            q("how_discovered", Kind::Long, false),
            q(
                "systems_affected",
                Kind::Radios(YesNoUnknown::codes(), "breach.answer"),
                true,
            ),
            q("staff_involved", Kind::Long, true),
        ],
        Part::Timing => vec![
            q("occurred", Kind::DateTime, true),
            q("occurred_unknown", Kind::Tick, false),
            q("ongoing", Kind::Tick, false),
            q("aware", Kind::DateTime, true),
            q("delay_reason", Kind::Long, true),
        ],
        Part::Data => vec![
            q(
                "categories",
                Kind::Ticks(DataCategory::codes(), "breach.category"),
                true,
            ),
            q("other", Kind::Line("off", ""), false),
        ],
        Part::Scale => vec![
            q("records", Kind::Count, true),
            q("records_unknown", Kind::Tick, false),
            q("people", Kind::Count, true),
            q("people_unknown", Kind::Tick, false),
            q(
                "groups",
                Kind::Ticks(SubjectGroup::codes(), "breach.group"),
                true,
            ),
            q("other_group", Kind::Line("off", ""), false),
        ],
        Part::Consequences => vec![
            q("description", Kind::Long, true),
            q(
                "likelihood",
                Kind::Radios(Likelihood::codes(), "breach.likelihood"),
                false,
            ),
        ],
        Part::Containment => vec![
            q(
                "contained",
                Kind::Radios(YesNoUnknown::codes(), "breach.answer"),
                false,
            ),
            q("actions", Kind::Long, true),
            q("preventative_measures", Kind::Long, true),
            q("help_for_people", Kind::Long, true),
        ],
        Part::Telling => vec![
            q(
                "people_told",
                Kind::Radios(PeopleTold::codes(), "breach.people_told"),
                false,
            ),
            q("people_told_details", Kind::Long, true),
            q(
                "others",
                Kind::Ticks(OtherBody::codes(), "breach.other_body"),
                true,
            ),
            q("others_details", Kind::Long, true),
        ],
    }
}

/// Where a problem's field comes in the page (unknown fields last).
pub fn page_position(part: Part, field: &str) -> usize {
    let name = field.split('.').next().unwrap_or(field);
    questions(part)
        .iter()
        .position(|question| question.name == name)
        .unwrap_or(usize::MAX)
}

/// A question's label (or legend).
pub fn label(part: Part, name: &str) -> String {
    t(&format!("breach.field.{}.{name}", part.code()))
}

/// A question's hint, if it has one.
pub fn hint(part: Part, question: &Question) -> Option<String> {
    question.hint.then(|| {
        t(&format!(
            "breach.field.{}.{}.hint",
            part.code(),
            question.name
        ))
    })
}
