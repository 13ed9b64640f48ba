//! Each part's answers as posted (strings, ticks as lists of codes): what the pages send and
//! what a refused answer is shown again from, so nothing typed is lost.

use serde::{Deserialize, Serialize};

/// A date and optional time as five boxes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DateTimeFields {
    pub day: String,
    pub month: String,
    pub year: String,
    pub hour: String,
    pub minute: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrganisationForm {
    pub name: String,
    pub registration_number: String,
    pub sector: String,
    pub size: String,
    pub staff_spoken_to: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContactForm {
    pub role: String,
    pub name: String,
    pub job_title: String,
    pub email: String,
    pub phone: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WhatHappenedForm {
    pub description: String,
    pub cyber_incident: String,
    pub how_discovered: String,
    pub systems_affected: String,
    pub staff_involved: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TimingForm {
    pub occurred: DateTimeFields,
    /// Ticked: the organisation does not know when it happened.
    pub occurred_unknown: String,
    /// Ticked: it is still going on.
    pub ongoing: String,
    pub aware: DateTimeFields,
    pub delay_reason: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DataForm {
    pub categories: Vec<String>,
    pub other: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScaleForm {
    pub records: String,
    pub records_unknown: String,
    pub people: String,
    pub people_unknown: String,
    pub groups: Vec<String>,
    pub other_group: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ConsequencesForm {
    pub description: String,
    pub likelihood: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContainmentForm {
    pub contained: String,
    pub actions: String,
    pub preventative_measures: String,
    pub help_for_people: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TellingForm {
    pub people_told: String,
    pub people_told_details: String,
    pub others: Vec<String>,
    pub others_details: String,
}
