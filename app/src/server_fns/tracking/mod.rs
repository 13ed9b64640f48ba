//! Track my case (issue 21): what the status page loads ([`load_tracked_case`]) and what the
//! public posts ([`posts`]): open a case with its reference and email address, email a one-use
//! link, use that link, add information. Every post is a plain form answered by a redirect, so
//! it works without JavaScript. The rules are in `crate::domain::tracking`.

pub mod posts;
#[cfg(feature = "ssr")]
mod work;

pub use posts::{
    AddTrackInformation, AskTrackPriority, EmailTrackLink, OpenTrackedCase, UseTrackLink,
};

use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::tracking::{KeyDates, PublicStage, WaitEstimate};

/// The cookie naming this browser's session on one case (path `/track`).
pub const SESSION_COOKIE: &str = "track_session";

/// What the status page shows: nothing of other parties, staff notes or sift flags.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrackView {
    pub reference: String,
    pub stage: PublicStage,
    pub dates: KeyDates,
    /// While the case waits for an officer in a work queue.
    pub wait: Option<WaitEstimate>,
    pub today: NaiveDate,
    pub text_chars: usize,
    pub reasons_chars: usize,
    /// The page's refused form (add information or prioritisation), to show again.
    pub flash: Option<TrackFlash>,
}

/// A refused Track my case form, kept with the person's journey record under the key of the
/// `refused` cookie (`crate::server_fns::refused`): which form (`start`, `add`, `priority`), what
/// was typed, and the problem codes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackFlash {
    #[serde(default)]
    pub key: String,
    pub form: String,
    pub values: Vec<(String, String)>,
    pub problems: Vec<String>,
}

impl TrackFlash {
    /// What was typed in `name`, if anything.
    pub fn value(&self, name: &str) -> String {
        self.values
            .iter()
            .find(|(field, _)| field == name)
            .map(|(_, value)| value.clone())
            .unwrap_or_default()
    }
}

/// The case this browser's session opens, if it is live (else the page asks for the pair), with
/// a refused form of its page to show again.
#[server(prefix = "/track/api", endpoint = "case")]
pub async fn load_tracked_case() -> Result<Option<TrackView>, ServerFnError> {
    work::load().await
}

/// What the start and link-sent pages load: a refused pair to show again, and how long an
/// emailed link works (a setting).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackStart {
    pub flash: Option<TrackFlash>,
    pub link_hours: i64,
}

/// The start page's refused form, if this request asks to see it, and the link's lifetime.
#[server(prefix = "/track/api", endpoint = "start")]
pub async fn load_track_start() -> Result<TrackStart, ServerFnError> {
    let services = crate::server_fns::session::services()?;
    Ok(TrackStart {
        flash: work::kept(&["start"]).await?,
        link_hours: services.tracking_settings.link_hours,
    })
}

/// How long a link works, in words: whole days as days ("3 days"), else hours ("36 hours").
pub fn lifetime_words(hours: i64) -> String {
    let (n, unit) = if hours % 24 == 0 && hours > 0 {
        (hours / 24, "days")
    } else {
        (hours, "hours")
    };
    let count = if n == 1 { "one" } else { "many" };
    crate::i18n::fill(
        &crate::i18n::t(&format!("track.lifetime.{unit}.{count}")),
        &[("n", &n.to_string())],
    )
}
