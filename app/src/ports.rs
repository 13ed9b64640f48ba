//! What the server provides to pages and server functions (server side only): the stores, the
//! clock and the reference data, as one [`Services`] value in the Leptos context.

use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::assistant::{Answers, RawAnswer, Step};
use crate::domain::calendar::Calendar;
use crate::domain::directory::Directory;
use crate::domain::readiness::ReadinessSettings;

/// A person's way through the assistant, kept server-side under a random cookie id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Journey {
    pub answers: Answers,
    /// The last rejected answer, shown once on the page it came from.
    pub flash: Option<Flash>,
}

/// A rejected answer: what was typed, and the message key of the problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flash {
    pub step: Step,
    pub raw: RawAnswer,
    pub error: String,
}

/// Why a store failed; the detail is for logs, never for the person.
#[derive(Debug, thiserror::Error)]
#[error("store failed: {0}")]
pub struct StoreError(pub String);

/// Where journeys are kept (the database: the web tier holds no state).
#[async_trait::async_trait]
pub trait JourneyStore: Send + Sync {
    async fn load(&self, id: &str) -> Result<Option<Journey>, StoreError>;
    async fn save(&self, id: &str, journey: &Journey) -> Result<(), StoreError>;
    async fn delete(&self, id: &str) -> Result<(), StoreError>;
}

/// The time, in Europe/London, as the rules need it.
pub trait Clock: Send + Sync {
    fn today(&self) -> NaiveDate;
    fn now(&self) -> DateTime<FixedOffset>;
}

/// Everything the pages and server functions use, provided once by the server.
#[derive(Clone)]
pub struct Services {
    pub journeys: Arc<dyn JourneyStore>,
    pub clock: Arc<dyn Clock>,
    pub calendar: Arc<Calendar>,
    pub settings: Arc<ReadinessSettings>,
    pub directory: Arc<Directory>,
    /// Mark cookies `Secure` (behind HTTPS).
    pub secure_cookies: bool,
}
