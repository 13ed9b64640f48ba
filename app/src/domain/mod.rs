//! The portal's pure domain rules: the calendar its clocks run on and the readiness rules that
//! decide whether a person's concern can be handed to the casework backend.
//!
//! Everything here is pure: no IO and no clock reads. `today` and `now` are always parameters and
//! the bank holiday data is passed in by the caller, so the same rules run on the server, in the
//! browser (wasm32) and in tests.

#[macro_use]
mod codes;

pub mod assistant;
pub mod breach;
pub mod calendar;
pub mod case;
pub mod casework;
pub mod copy;
pub mod csv;
pub mod data_sets;
pub mod duplicates;
pub mod evidence;
#[cfg(test)]
mod fuzz;
pub mod helpline;
pub mod json_fields;
pub mod nuisance;
pub mod organisations;
pub mod readiness;
pub mod retention;
pub mod signposts;
pub mod staff;
pub mod submission;
pub mod tracking;

pub use calendar::{
    add_calendar_days, add_calendar_months, Calendar, CalendarError, Division, Period,
};
pub use readiness::{
    assess, decode_request, validate, AssessError, Assessment, CaseType, Channel, Concern,
    DocumentKind, FieldErrors, Organisation, ReadinessSettings, Reason, Route, Signpost, Verdict,
};
