//! A report being written: the self-assessment it started from, each part's answers as last
//! accepted (shown again when the part is opened) and the typed parts they made. Kept
//! server-side between visits; pure rules only (`now` is a parameter).

use chrono::NaiveDateTime;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::assessment::SelfAssessment;
use super::clock::reporting_clock;
use super::forms::{
    ConsequencesForm, ContactForm, ContainmentForm, DataForm, OrganisationForm, ScaleForm,
    TellingForm, TimingForm, WhatHappenedForm,
};
use super::model::BreachReport;
use super::parts::{missing_parts, Part};
use super::settings::BreachSettings;
use super::validate::{
    validate_consequences, validate_contact, validate_containment, validate_data,
    validate_organisation, validate_scale, validate_telling, validate_timing,
    validate_what_happened,
};
use crate::domain::readiness::FieldErrors;

/// Each part's answers as posted and accepted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PartForms {
    pub organisation: OrganisationForm,
    pub contact: ContactForm,
    pub what_happened: WhatHappenedForm,
    pub timing: TimingForm,
    pub data: DataForm,
    pub scale: ScaleForm,
    pub consequences: ConsequencesForm,
    pub containment: ContainmentForm,
    pub telling: TellingForm,
}

/// The report being written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BreachDraft {
    /// The self-assessment answers it started from (kept with the case).
    pub assessment: SelfAssessment,
    pub forms: PartForms,
    pub report: BreachReport,
    /// Sending twice (double click, retry) finds the case the first send made.
    pub idempotency_key: String,
    /// The last refused answers, shown once on their part's page with the problems.
    pub refused: Option<RefusedPart>,
    /// Once sent: the case it became (the draft keeps nothing else then).
    pub sent: Option<SentReport>,
    /// Where the last link to come back to it was emailed.
    pub link_sent_to: Option<String>,
}

/// A part's answers that were refused: what was typed, and each problem as (field, message key)
/// in the order of the page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RefusedPart {
    /// The key the refusing post sent back in the `refused` cookie: shown only to a request
    /// that names it.
    pub key: String,
    pub part: String,
    pub form: Value,
    pub errors: Vec<(String, String)>,
}

/// What the confirmation page shows of a sent report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SentReport {
    pub reference: String,
    pub email: String,
    pub late: bool,
    /// The report as sent, for the person to print or download (kept with the receipt, for a
    /// day, under this browser's cookie).
    pub copy: Option<crate::domain::copy::SentCopy>,
}

/// Why a draft cannot be sent yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotReady {
    /// These parts are not answered.
    Missing(Vec<Part>),
    /// A part's answers no longer hold at the time of sending (the report became late and
    /// needs the reasons for the delay): the part and its problems.
    Recheck(Part, FieldErrors),
}

fn form<T: DeserializeOwned + Default>(posted: &Value) -> T {
    serde_json::from_value(posted.clone()).unwrap_or_default()
}

fn json<T: Serialize>(form: &T) -> Value {
    serde_json::to_value(form).unwrap_or(Value::Null)
}

impl BreachDraft {
    pub fn new(assessment: SelfAssessment, idempotency_key: String) -> Self {
        BreachDraft {
            assessment,
            idempotency_key,
            ..BreachDraft::default()
        }
    }

    /// The part's answers as last accepted (empty fields if never answered), as JSON keyed by
    /// field name.
    pub fn form_json(&self, part: Part) -> Value {
        let forms = &self.forms;
        match part {
            Part::Organisation => json(&forms.organisation),
            Part::Contact => json(&forms.contact),
            Part::WhatHappened => json(&forms.what_happened),
            Part::Timing => json(&forms.timing),
            Part::Data => json(&forms.data),
            Part::Scale => json(&forms.scale),
            Part::Consequences => json(&forms.consequences),
            Part::Containment => json(&forms.containment),
            Part::Telling => json(&forms.telling),
        }
    }

    /// Checks a part's posted answers (JSON from [`posted_json`]) and, if they hold, keeps them
    /// and the typed part. A refused answer changes nothing.
    pub fn accept(
        &mut self,
        part: Part,
        posted: &Value,
        now: NaiveDateTime,
        settings: &BreachSettings,
    ) -> Result<(), FieldErrors> {
        let forms = &mut self.forms;
        let report = &mut self.report;
        match part {
            Part::Organisation => {
                let posted: OrganisationForm = form(posted);
                report.organisation = Some(validate_organisation(&posted, settings)?);
                forms.organisation = posted;
            }
            Part::Contact => {
                let posted: ContactForm = form(posted);
                report.contact = Some(validate_contact(&posted, settings)?);
                forms.contact = posted;
            }
            Part::WhatHappened => {
                let posted: WhatHappenedForm = form(posted);
                report.what_happened = Some(validate_what_happened(&posted, settings)?);
                forms.what_happened = posted;
            }
            Part::Timing => {
                let posted: TimingForm = form(posted);
                report.timing = Some(validate_timing(&posted, now, settings)?);
                forms.timing = posted;
            }
            Part::Data => {
                let posted: DataForm = form(posted);
                report.data = Some(validate_data(&posted, settings)?);
                forms.data = posted;
            }
            Part::Scale => {
                let posted: ScaleForm = form(posted);
                report.scale = Some(validate_scale(&posted, settings)?);
                forms.scale = posted;
            }
            Part::Consequences => {
                let posted: ConsequencesForm = form(posted);
                report.consequences = Some(validate_consequences(&posted, settings)?);
                forms.consequences = posted;
            }
            Part::Containment => {
                let posted: ContainmentForm = form(posted);
                report.containment = Some(validate_containment(&posted, settings)?);
                forms.containment = posted;
            }
            Part::Telling => {
                let posted: TellingForm = form(posted);
                report.telling = Some(validate_telling(&posted, settings)?);
                forms.telling = posted;
            }
        }
        Ok(())
    }

    /// Whether the report can be sent at `now`: every part answered, and every part's answers
    /// still valid then (a report that has become late must now say why).
    pub fn ready_to_send(
        &self,
        now: NaiveDateTime,
        settings: &BreachSettings,
    ) -> Result<(), NotReady> {
        let missing = missing_parts(&self.report);
        if !missing.is_empty() {
            return Err(NotReady::Missing(missing));
        }
        for part in Part::all() {
            let mut again = self.clone();
            if let Err(errors) = again.accept(*part, &self.form_json(*part), now, settings) {
                return Err(NotReady::Recheck(*part, errors));
            }
        }
        Ok(())
    }

    /// The draft once sent: only the receipt is kept.
    pub fn into_sent(self, sent: SentReport) -> BreachDraft {
        BreachDraft {
            sent: Some(sent),
            idempotency_key: self.idempotency_key,
            ..BreachDraft::default()
        }
    }

    /// Whether sending at `now` is more than 72 hours after the organisation became aware.
    pub fn late_at(&self, now: NaiveDateTime, settings: &BreachSettings) -> bool {
        self.report
            .timing
            .as_ref()
            .and_then(|timing| timing.aware_at)
            .is_some_and(|aware_at| reporting_clock(aware_at, now, settings).late)
    }
}

/// A posted form's fields as the JSON shape of the part's form: repeated names become a list
/// where the form has one (ticks), and `aware.day` fills `{"aware": {"day": …}}`. Unknown names
/// are dropped when the JSON is read as the part's form.
pub fn posted_json(part_shape: &Value, pairs: &[(String, String)]) -> Value {
    let mut object = Map::new();
    for (name, value) in pairs {
        let text = Value::String(value.clone());
        match name.split_once('.') {
            // A date and time box: `aware.day`.
            Some((group, part)) => {
                if !part_shape[group].is_object() {
                    continue;
                }
                let entry = object
                    .entry(group.to_owned())
                    .or_insert_with(|| Value::Object(Map::new()));
                if let Value::Object(inner) = entry {
                    inner.insert(part.to_owned(), text);
                }
            }
            None if part_shape[name.as_str()].is_array() => {
                let entry = object
                    .entry(name.clone())
                    .or_insert_with(|| Value::Array(Vec::new()));
                if let Value::Array(list) = entry {
                    list.push(text);
                }
            }
            None => {
                object.insert(name.clone(), text);
            }
        }
    }
    Value::Object(object)
}

/// The value of field `name` (`aware.day`) in a part's form JSON; ticks as their codes.
pub fn field_value(form: &Value, name: &str) -> String {
    let value = name.split('.').fold(form, |value, part| &value[part]);
    value.as_str().unwrap_or_default().to_owned()
}

/// The ticked codes of field `name` in a part's form JSON.
pub fn field_values(form: &Value, name: &str) -> Vec<String> {
    form[name]
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|item| item.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}
