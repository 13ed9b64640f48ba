//! Personal data breach reports by organisations (UK GDPR Art. 33; policy.md §2 "personal data
//! breach", manual §3 "Triaging self-reported incidents").
//!
//! Pure: no I/O and no clock. `now` is always a parameter.
//!
//! - [`model`]: the report's parts as the organisation answers them (the regulator's form fields,
//!   ../shared/data/ico/ico-forms-fields.md), shared by the journey, the casework intake and the
//!   Enforcement triage.

mod model;

pub use model::{
    BreachReport, Consequences, ContactPart, ContactRole, Containment, DataCategory, DataPart,
    Likelihood, OrganisationPart, OrganisationSize, OtherBody, PeopleTold, Scale, SubjectGroup,
    Telling, Timing, WhatHappened, YesNoUnknown,
};
