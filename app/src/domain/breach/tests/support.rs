//! Reports and times the tests share.

use chrono::{NaiveDate, NaiveDateTime};

use crate::domain::breach::*;
use crate::domain::case::Sector;

pub fn at(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(year, month, day)
        .unwrap()
        .and_hms_opt(hour, minute, 0)
        .unwrap()
}

pub fn fields(day: &str, month: &str, year: &str, hour: &str, minute: &str) -> DateTimeFields {
    DateTimeFields {
        day: day.into(),
        month: month.into(),
        year: year.into(),
        hour: hour.into(),
        minute: minute.into(),
    }
}

/// A complete report with the given risk factors.
pub struct Incident {
    pub categories: Vec<DataCategory>,
    pub groups: Vec<SubjectGroup>,
    pub people: Option<u64>,
    pub likelihood: Likelihood,
    pub cyber: YesNoUnknown,
    pub contained: YesNoUnknown,
}

impl Default for Incident {
    fn default() -> Self {
        Incident {
            categories: vec![DataCategory::BasicIdentifiers],
            groups: vec![SubjectGroup::Customers],
            people: Some(10),
            likelihood: Likelihood::Unlikely,
            cyber: YesNoUnknown::No,
            contained: YesNoUnknown::Yes,
        }
    }
}

pub fn report(incident: Incident) -> BreachReport {
    BreachReport {
        organisation: Some(OrganisationPart {
            name: "Northshire Council".into(),
            registration_number: Some("ZA123456".into()),
            sector: Some(Sector::LocalGovernment),
            size: Some(OrganisationSize::Large),
            staff_spoken_to: None,
        }),
        data: Some(DataPart {
            categories: incident.categories,
            other: None,
        }),
        scale: Some(Scale {
            records: incident.people,
            people: incident.people,
            groups: incident.groups,
            other_group: None,
        }),
        consequences: Some(Consequences {
            description: "Distress".into(),
            likelihood: Some(incident.likelihood),
        }),
        what_happened: Some(WhatHappened {
            description: "An email to the wrong list".into(),
            cyber_incident: Some(incident.cyber),
            how_discovered: "A recipient told us".into(),
            systems_affected: None,
            staff_involved: None,
        }),
        containment: Some(Containment {
            contained: Some(incident.contained),
            actions: "Recalled the email".into(),
            preventative_measures: None,
            help_for_people: None,
        }),
        ..BreachReport::default()
    }
}
