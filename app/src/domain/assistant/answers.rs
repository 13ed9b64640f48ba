//! The answers a person has given so far, keyed by step.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::steps::Step;
use crate::domain::submission::{EvidenceFile, TimelineEvent};

/// One validated answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Answer {
    /// A radio or select option code.
    Choice(String),
    /// A date.
    Date(NaiveDate),
    /// An optional date left blank.
    NoDate,
    /// Free text (may be empty where the question is optional).
    Text(String),
    /// Several option codes (checkboxes); may be empty.
    Many(Vec<String>),
    /// The dated events of what happened.
    Events(Vec<TimelineEvent>),
    /// The evidence uploaded, checked by content.
    Files(Vec<EvidenceFile>),
}

/// What a form posted for one step, before validation: kept as typed so it can be shown back.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawAnswer {
    pub value: Option<String>,
    pub day: Option<String>,
    pub month: Option<String>,
    pub year: Option<String>,
    pub values: Vec<String>,
}

/// Every answer given so far. Answers to steps that are no longer on the path are kept (the
/// person may switch back) but never read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers(pub BTreeMap<Step, Answer>);

impl Answers {
    pub fn get(&self, step: Step) -> Option<&Answer> {
        self.0.get(&step)
    }

    pub fn set(&mut self, step: Step, answer: Answer) {
        self.0.insert(step, answer);
    }

    pub fn remove(&mut self, step: Step) {
        self.0.remove(&step);
    }

    /// Records what the organisation directory says about the organisation named: one listed as
    /// a public authority is not asked about ([`LISTED`](super::steps::LISTED)); a name that
    /// no longer matches one is asked again.
    pub fn set_listed_public_authority(&mut self, listed: bool) {
        use super::steps::LISTED;
        if listed {
            self.set(Step::PublicAuthority, Answer::Choice(LISTED.to_owned()));
        } else if self.choice(Step::PublicAuthority) == Some(LISTED) {
            self.remove(Step::PublicAuthority);
        }
    }

    /// Whether the organisation directory lists the organisation named as a public authority.
    pub fn listed_public_authority(&self) -> bool {
        self.choice(Step::PublicAuthority) == Some(super::steps::LISTED)
    }

    pub fn has(&self, step: Step) -> bool {
        self.0.contains_key(&step)
    }

    /// The option code chosen at `step`, if it was a choice.
    pub fn choice(&self, step: Step) -> Option<&str> {
        match self.get(step) {
            Some(Answer::Choice(code)) => Some(code.as_str()),
            _ => None,
        }
    }

    /// Whether `step` was answered "yes".
    pub fn yes(&self, step: Step) -> bool {
        self.choice(step) == Some("yes")
    }

    pub fn date(&self, step: Step) -> Option<NaiveDate> {
        match self.get(step) {
            Some(Answer::Date(date)) => Some(*date),
            _ => None,
        }
    }

    pub fn text(&self, step: Step) -> Option<&str> {
        match self.get(step) {
            Some(Answer::Text(text)) if !text.is_empty() => Some(text.as_str()),
            _ => None,
        }
    }

    pub fn events(&self, step: Step) -> &[TimelineEvent] {
        match self.get(step) {
            Some(Answer::Events(events)) => events,
            _ => &[],
        }
    }

    pub fn files(&self, step: Step) -> &[EvidenceFile] {
        match self.get(step) {
            Some(Answer::Files(files)) => files,
            _ => &[],
        }
    }

    pub fn many(&self, step: Step) -> &[String] {
        match self.get(step) {
            Some(Answer::Many(values)) => values,
            _ => &[],
        }
    }
}
