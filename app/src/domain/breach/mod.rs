//! Personal data breach reports by organisations (UK GDPR Art. 33; policy.md §2 "personal data
//! breach", manual §3 "Triaging self-reported incidents").
//!
//! Pure: no I/O and no clock. `now` is always a parameter.
//!
//! - [`model`]: the report's parts as the organisation answers them (the regulator's form fields,
//!   ../shared/data/ico/ico-forms-fields.md), shared by the journey, the casework intake and the
//!   Enforcement triage;
//! - the self-assessment (is it reportable?), each part's validation, the 72-hour clock, and the
//!   triage's explainable risk score.

mod assessment;
mod clock;
mod draft;
mod forms;
mod model;
mod parts;
mod risk;
mod settings;
mod text;
mod triage;
mod validate;

#[cfg(test)]
mod tests;

pub use assessment::{
    answer, assess_breach, AssessmentQuestion, AssessmentResult, NotReportable, RiskAnswer,
    SelfAssessment,
};
pub use clock::{reporting_clock, ReportingClock};
pub use draft::{
    field_value, field_values, posted_json, BreachDraft, NotReady, PartForms, RefusedPart,
    SentReport,
};
pub use forms::{
    ConsequencesForm, ContactForm, ContainmentForm, DataForm, DateTimeFields, OrganisationForm,
    ScaleForm, TellingForm, TimingForm, WhatHappenedForm,
};
pub use model::{
    BreachReport, Consequences, ContactPart, ContactRole, Containment, DataCategory, DataPart,
    Likelihood, OrganisationPart, OrganisationSize, OtherBody, PeopleTold, Scale, SubjectGroup,
    Telling, Timing, WhatHappened, YesNoUnknown,
};
pub use parts::{missing_parts, Part};
pub use risk::{risk_score, RiskAssessment, RiskBand, RiskFactor, RiskReason, RiskSettings};
pub use settings::BreachSettings;
pub use triage::{triage_order, triage_plan, TriageMove, TriagePlan};
pub use validate::{
    registration_number, validate_consequences, validate_contact, validate_containment,
    validate_data, validate_organisation, validate_scale, validate_telling, validate_timing,
    validate_what_happened,
};
