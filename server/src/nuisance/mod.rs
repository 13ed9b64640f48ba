//! The nuisance calls and messages reporting tool's server side: reports are written in
//! batches by one writer per process (group commit), behind the app's `NuisanceReports` port.

mod intake;
mod writer;

pub use intake::{national, stored_report, NuisanceIntake};
pub use writer::{ReportWriter, WriterError};
