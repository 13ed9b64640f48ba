//! Personal data breach reporting: what the report's pages load ([`load_breach_report`]) and
//! what they post ([`report`]), each post a server function answered by a redirect.

#[cfg(feature = "ssr")]
mod draft;
#[cfg(feature = "ssr")]
mod flow;
pub mod report;
pub mod triage;

pub use report::{
    AnswerBreachPart, FollowUpBreach, ResumeBreachReport, SaveBreachReport, SendBreachReport,
    StartBreachReport,
};

use chrono::NaiveDateTime;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::breach::{BreachDraft, BreachSettings, ReportingClock};

/// The cookie naming the draft this browser is writing (its random id). Its path is
/// `/report-breach`, so only the breach pages and their server function (under
/// `/report-breach/api`) see it; behind HTTPS it is `/`, as its `__Host-` name requires
/// ([`cookie`](crate::server_fns::cookie)).
pub const DRAFT_COOKIE: &str = "breach_draft";

/// What the report's pages need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BreachView {
    /// The draft, unless there is none (or it has expired).
    pub draft: Option<BreachDraft>,
    /// This browser had a draft that has since expired or been sent elsewhere.
    pub lost_draft: bool,
    /// Now, Europe/London wall-clock time.
    pub now: NaiveDateTime,
    /// The 72-hour clock, once the organisation has said when it became aware.
    pub clock: Option<ReportingClock>,
    pub settings: BreachSettings,
}

/// The draft for a report page, with the part refused on it when this request asks for it
/// ([`refused`](crate::server_fns::refused)). Reading it changes nothing.
#[server(prefix = "/report-breach/api", endpoint = "report")]
pub async fn load_breach_report() -> Result<BreachView, ServerFnError> {
    use crate::domain::breach::reporting_clock;
    use crate::server_fns::session::{cookie_value, services};

    let services = services()?;
    let now = services.clock.now();
    let settings = (*services.breach_settings).clone();
    let id = use_context::<http::request::Parts>()
        .and_then(|parts| cookie_value(&parts.headers, DRAFT_COOKIE, services.secure_cookies));
    let mut draft = None;
    if let Some(id) = &id {
        let stored = services
            .breach
            .load_draft(id, now.timestamp())
            .await
            .map_err(|error| ServerFnError::new(error.to_string()))?;
        if let Some(value) = stored {
            let mut loaded: BreachDraft = serde_json::from_value(value).unwrap_or_default();
            loaded.refused =
                crate::server_fns::refused::shown(loaded.refused.take(), |refused| &refused.key);
            // The key stays on the server: the page has no use for it.
            loaded.idempotency_key.clear();
            draft = Some(loaded);
        }
    }
    let now = now.naive_local();
    let clock = draft
        .as_ref()
        .and_then(|draft| draft.report.timing.as_ref())
        .and_then(|timing| timing.aware_at)
        .map(|aware_at| reporting_clock(aware_at, now, &settings));
    Ok(BreachView {
        lost_draft: id.is_some() && draft.is_none(),
        draft,
        now,
        clock,
        settings,
    })
}
