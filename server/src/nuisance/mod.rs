//! The nuisance calls and messages reporting tool's server side: reports are written in
//! batches by one writer per process (group commit).

mod writer;

pub use writer::{ReportWriter, WriterError};
