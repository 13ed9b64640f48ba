//! Each part's questions, in page order, and how each is shown. A part's page is built from its
//! list; the labels are `breach.field.<part>.<name>` (hints `….hint`), the options' labels the
//! model's (`breach.size.micro`, `sector.health`, …).

use leptos::prelude::*;
use serde_json::Value;

use crate::components::{described_by, group_class, hint_view, ErrorMessage, TextArea};
use crate::domain::breach::{
    field_value, field_values, ContactRole, DataCategory, Likelihood, OrganisationSize, OtherBody,
    Part, PeopleTold, SubjectGroup, YesNoUnknown,
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

fn label(part: Part, name: &str) -> String {
    t(&format!("breach.field.{}.{name}", part.code()))
}

fn hint(part: Part, question: &Question) -> Option<String> {
    question.hint.then(|| {
        t(&format!(
            "breach.field.{}.{}.hint",
            part.code(),
            question.name
        ))
    })
}

/// One question, filled from `form`, with its problem (`errors` as (field, message)).
pub fn question_view(
    part: Part,
    question: Question,
    form: &Value,
    errors: &[(String, String)],
    long_max: usize,
) -> AnyView {
    let name = question.name;
    let error = errors
        .iter()
        .find(|(field, _)| field == name || field.split('.').next() == Some(name))
        .map(|(_, message)| message.clone());
    let hint_text = hint(part, &question);
    let describe = described_by(name, &hint_text, &error);
    let label_text = label(part, name);
    match question.kind {
        Kind::Line(..) | Kind::Count => {
            let (autocomplete, width, mode) = match question.kind {
                Kind::Line(a, w) => (a, w, "text"),
                _ => ("off", "govuk-input--width-10", "numeric"),
            };
            let value = field_value(form, name);
            let class = format!(
                "govuk-input {width}{}",
                if error.is_some() {
                    " govuk-input--error"
                } else {
                    ""
                }
            );
            view! {
                <div class=group_class(&error)>
                    <label class="govuk-label govuk-label--s" for=name>{label_text}</label>
                    {hint_view(name, hint_text)}
                    <ErrorMessage id=name.to_owned() message=error.clone()/>
                    <input class=class id=name name=name type="text" inputmode=mode value=value.clone() prop:value=value
                        aria-describedby=describe.clone() autocomplete=autocomplete spellcheck="false"/>
                </div>
            }
            .into_any()
        }
        Kind::Long => view! {
            <TextArea id=name.to_owned() name=name heading=label_text hint=hint_text
                value=field_value(form, name) error=error max=long_max small_label=true/>
        }
        .into_any(),
        Kind::Radios(codes, prefix) | Kind::Ticks(codes, prefix) => {
            let multiple = matches!(question.kind, Kind::Ticks(..));
            let chosen = if multiple {
                field_values(form, name)
            } else {
                vec![field_value(form, name)]
            };
            let (block, kind) = if multiple {
                ("govuk-checkboxes", "checkbox")
            } else {
                ("govuk-radios", "radio")
            };
            let small = if multiple {
                " govuk-checkboxes--small"
            } else {
                " govuk-radios--small"
            };
            let items = codes
                .iter()
                .enumerate()
                .map(|(index, code)| {
                    let id = if index == 0 { name.to_owned() } else { format!("{name}-{}", index + 1) };
                    let checked = chosen.iter().any(|c| c == code);
                    view! {
                        <div class=format!("{block}__item")>
                            <input class=format!("{block}__input") id=id.clone() name=name type=kind value=*code checked=checked prop:checked=checked/>
                            <label class=format!("govuk-label {block}__label") for=id>{t(&format!("{prefix}.{code}"))}</label>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <div class=group_class(&error)>
                    <fieldset class="govuk-fieldset" aria-describedby=describe.clone()>
                        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{label_text}</legend>
                        {hint_view(name, hint_text)}
                        <ErrorMessage id=name.to_owned() message=error.clone()/>
                        <div class=format!("{block}{small}")>{items}</div>
                    </fieldset>
                </div>
            }
            .into_any()
        }
        Kind::Select(codes, prefix) => {
            let selected = field_value(form, name);
            view! {
                <div class=group_class(&error)>
                    <label class="govuk-label govuk-label--s" for=name>{label_text}</label>
                    {hint_view(name, hint_text)}
                    <ErrorMessage id=name.to_owned() message=error.clone()/>
                    <select class="govuk-select" id=name name=name aria-describedby=describe.clone()>
                        <option value="">{t("common.choose")}</option>
                        {codes.iter().map(|code| {
                            let chosen = selected == *code;
                            view! { <option value=*code selected=chosen prop:selected=chosen>{t(&format!("{prefix}.{code}"))}</option> }
                        }).collect_view()}
                    </select>
                </div>
            }
            .into_any()
        }
        Kind::DateTime => date_time(name, label_text, hint_text, form, error),
        Kind::Tick => {
            let checked = field_value(form, name) == "yes";
            view! {
                <div class="govuk-form-group">
                    <div class="govuk-checkboxes govuk-checkboxes--small">
                        <div class="govuk-checkboxes__item">
                            <input class="govuk-checkboxes__input" id=name name=name type="checkbox" value="yes" checked=checked prop:checked=checked/>
                            <label class="govuk-label govuk-checkboxes__label" for=name>{label_text}</label>
                        </div>
                    </div>
                </div>
            }
            .into_any()
        }
    }
}

/// Day, month, year, then hour and minute (24-hour clock): ids `aware.day` … `aware.minute`.
fn date_time(
    name: &'static str,
    legend: String,
    hint: Option<String>,
    form: &Value,
    error: Option<String>,
) -> AnyView {
    let describe = described_by(name, &hint, &error);
    let input_class = |wide: bool| {
        let width = if wide {
            "govuk-input--width-4"
        } else {
            "govuk-input--width-2"
        };
        let error_class = if error.is_some() {
            " govuk-input--error"
        } else {
            ""
        };
        format!("govuk-input govuk-date-input__input {width}{error_class}")
    };
    let boxes = [
        ("day", false),
        ("month", false),
        ("year", true),
        ("hour", false),
        ("minute", false),
    ]
    .into_iter()
    .map(|(part, wide)| {
        let id = format!("{name}.{part}");
        let value = field_value(form, &id);
        view! {
            <div class="govuk-date-input__item">
                <div class="govuk-form-group">
                    <label class="govuk-label govuk-date-input__label" for=id.clone()>{t(&format!("breach.field.time.{part}"))}</label>
                    <input class=input_class(wide) id=id.clone() name=id type="text" inputmode="numeric" value=value.clone() prop:value=value/>
                </div>
            </div>
        }
    })
    .collect_view();
    view! {
        <div class=group_class(&error)>
            <fieldset class="govuk-fieldset" role="group" aria-describedby=describe.clone()>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
                {hint_view(name, hint)}
                <ErrorMessage id=name.to_owned() message=error.clone()/>
                <div class="govuk-date-input">{boxes}</div>
            </fieldset>
        </div>
    }
    .into_any()
}
