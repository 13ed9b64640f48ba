//! Group commit: reports wait in a queue, and one task writes whatever has queued up in one
//! transaction with one durable commit, then answers each caller. Under a burst (reports arrive
//! in bursts after media coverage) a commit carries many reports; when quiet, a report is
//! written at once, alone. A report is acknowledged only after its transaction commits.

use tokio::sync::{mpsc, oneshot};

use crate::db::nuisance::{NewNuisanceReport, RecordedReport};
use crate::db::Database;

/// How many reports one transaction carries at most.
const MAX_BATCH: usize = 256;
/// How many reports may wait; a caller beyond that waits for room.
const QUEUE: usize = 4096;

struct Job {
    report: NewNuisanceReport,
    reply: oneshot::Sender<Result<RecordedReport, WriterError>>,
}

/// Why a report was not stored (the detail is for logs, never for the person).
#[derive(Debug, Clone, thiserror::Error)]
pub enum WriterError {
    #[error("the report could not be stored: {0}")]
    Store(String),
    #[error("the report writer has stopped")]
    Stopped,
}

/// The process's writer of nuisance reports.
#[derive(Clone)]
pub struct ReportWriter {
    queue: mpsc::Sender<Job>,
}

impl ReportWriter {
    /// Starts the writer task; `window_days` is the feedback window ("reported N times in the
    /// last 30 days").
    pub fn start(database: Database, window_days: u32) -> ReportWriter {
        let (queue, jobs) = mpsc::channel(QUEUE);
        tokio::spawn(write_batches(database, jobs, window_days));
        ReportWriter { queue }
    }

    /// Stores a report; answers once it is durably committed.
    pub async fn record(&self, report: NewNuisanceReport) -> Result<RecordedReport, WriterError> {
        let (reply, answer) = oneshot::channel();
        self.queue
            .send(Job { report, reply })
            .await
            .map_err(|_| WriterError::Stopped)?;
        answer.await.map_err(|_| WriterError::Stopped)?
    }
}

async fn write_batches(database: Database, mut jobs: mpsc::Receiver<Job>, window_days: u32) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while jobs.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let (reports, replies): (Vec<_>, Vec<_>) =
            batch.drain(..).map(|job| (job.report, job.reply)).unzip();
        let answers = database
            .record_nuisance_reports(&reports, window_days)
            .await;
        for (reply, answer) in replies.into_iter().zip(answers) {
            let answer = answer.map_err(|error| {
                tracing::error!(error = %error, "a nuisance report was not stored");
                WriterError::Store(error.to_string())
            });
            // The caller may have gone (closed the page); the report is stored all the same.
            let _ = reply.send(answer);
        }
    }
}
